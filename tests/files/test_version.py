"""What a file held when it was read: a save since shows, a re-save of the same text does not."""

from __future__ import annotations

import os

import pytest

from l10n.errors import InputFileError, L10nError
from l10n.files import MISSING, changed_since, read_versioned, snapshot


def test_a_version_tells_a_saved_change_from_a_resave(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text("reviewed\n", encoding="utf-8")
    text, version = read_versioned(path, kind="PO file")
    assert text == "reviewed\n" and version.exists
    assert changed_since(path, version) is False
    path.write_text("reviewed\n", encoding="utf-8")  # saved again, same text
    os.utime(path, ns=(1, 1))
    assert changed_since(path, version) is False
    path.write_text("reviewed again\n", encoding="utf-8")
    assert changed_since(path, version) is True
    path.write_text("reviewed agaiN\n", encoding="utf-8")  # same size, other text
    assert changed_since(path, snapshot(path)) is False
    assert changed_since(path, version) is True
    path.unlink()
    assert changed_since(path, version) is True


def test_a_missing_file_has_the_missing_version(tmp_path):
    path = tmp_path / "kursk.po"
    assert read_versioned(path, kind="PO file", missing_ok=True) == (None, MISSING)
    assert snapshot(path) == MISSING
    assert changed_since(path, MISSING) is False
    path.write_text("new\n", encoding="utf-8")
    assert changed_since(path, MISSING) is True
    with pytest.raises(L10nError, match="No such file"):
        read_versioned(tmp_path / "other.po", kind="PO file")


def test_read_versioned_reports_a_bad_file_as_read_text_does(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_bytes(b"msgid \xff\n")
    with pytest.raises(InputFileError, match="not valid UTF-8") as err:
        read_versioned(path, kind="PO file")
    assert err.value.line == 1


def test_a_fifo_has_no_version_and_is_not_waited_on(tmp_path):
    fifo = tmp_path / "kursk.po"
    os.mkfifo(fifo)
    with pytest.raises(L10nError, match="not a regular file"):
        snapshot(fifo)
