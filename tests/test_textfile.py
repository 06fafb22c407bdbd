"""Writing files safely: a write never leaves half a file, and an unchanged
file is not touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.textfile import write_atomic

# --- write_atomic ----------------------------------------------------------------------


def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_write_atomic_creates_the_file_and_its_folder(tmp_path):
    path = tmp_path / "uk" / "kursk.po"
    assert write_atomic(path, "Світ\n") is True
    assert path.read_bytes() == "Світ\n".encode()
    assert leftovers(path.parent, "kursk.po") == []
    assert os.access(path, os.R_OK)


def test_write_atomic_leaves_an_unchanged_file_untouched(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text("same\n", encoding="utf-8")
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.stat().st_mtime_ns
    assert write_atomic(path, "same\n") is False
    assert path.stat().st_mtime_ns == before
    assert leftovers(tmp_path, "kursk.po") == []


def test_write_atomic_replaces_changed_content_and_keeps_the_mode(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    assert write_atomic(path, "new\n") is True
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert leftovers(tmp_path, "kursk.po") == []


def test_write_atomic_failure_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "kursk.po"
    path.write_text("reviewed work\n", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    # Either the OSError itself or an input error naming the file.
    with pytest.raises((OSError, L10nError)) as err:
        write_atomic(path, "half-written replacement\n")
    if isinstance(err.value, L10nError):
        assert str(path) in err.value.message
    assert path.read_text(encoding="utf-8") == "reviewed work\n"
    assert leftovers(tmp_path, "kursk.po") == []


def test_write_atomic_interrupted_while_writing_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "kursk.po"
    path.write_text("reviewed work\n", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "replacement\n")
    assert path.read_text(encoding="utf-8") == "reviewed work\n"
    assert leftovers(tmp_path, "kursk.po") == []
