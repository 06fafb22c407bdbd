"""The manifest: which files a file's status vouches for, and what it keeps."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from l10n import manifest
from l10n.manifest import Manifest, Seen, fingerprint, glossary_fingerprint, look, still


def as_recorded(path: Path, *, sha256: str, checked_ns: int) -> Seen:
    st = path.stat()
    return Seen(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, sha256, checked_ns)


def test_a_settled_record_is_trusted_by_status_alone(tmp_path):
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    # Recorded long after the file's last change, with another hash: only
    # the status is compared, so it is taken as it is.
    seen = as_recorded(path, sha256="not read", checked_ns=time.time_ns() + 10**10)
    assert seen.settled
    assert still(seen, path) is seen


def test_a_record_taken_right_after_a_change_is_checked_by_content(tmp_path):
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    seen = as_recorded(path, sha256="not read", checked_ns=time.time_ns())
    assert not seen.settled
    assert still(seen, path) is None  # the bytes were hashed: not what was recorded
    real = look(path)
    assert real is not None
    again = still(real, path)
    assert again is not None and again.sha256 == real.sha256


def test_a_changed_status_is_checked_by_content(tmp_path):
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    seen = look(path)
    assert seen is not None
    path.write_bytes(b"two")
    assert still(seen, path) is None
    path.write_bytes(b"one")  # the same bytes again: no change
    assert still(seen, path) is not None


def test_a_missing_or_odd_file_is_a_change(tmp_path):
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    seen = look(path)
    path.unlink()
    assert still(seen, path) is None
    path.mkdir()
    assert still(seen, path) is None
    assert look(path) is None


def test_records_round_trip_and_other_inputs_wait(tmp_path):
    path, file = tmp_path / ".l10n" / "manifest.json", tmp_path / "a.po"
    file.write_bytes(b"one")
    first = Manifest(path, tmp_path, "inputs-1")
    first.record(tmp_path / "a.pot", {file: look(file)})
    first.save()
    assert Manifest(path, tmp_path, "inputs-1").unchanged(tmp_path / "a.pot", [file])
    other = Manifest(path, tmp_path, "inputs-2")
    assert not other.unchanged(tmp_path / "a.pot", [file])
    other.save()  # kept for a run like the first
    assert Manifest(path, tmp_path, "inputs-1").unchanged(tmp_path / "a.pot", [file])
    # Another set of files (a language more) is another article's state.
    assert not Manifest(path, tmp_path, "inputs-1").unchanged(
        tmp_path / "a.pot", [file, tmp_path / "b.po"]
    )


def test_an_unknown_file_forgets_the_article(tmp_path):
    path, file = tmp_path / "manifest.json", tmp_path / "a.po"
    file.write_bytes(b"one")
    kept = Manifest(path, tmp_path, "x")
    kept.record(tmp_path / "a.pot", {file: look(file)})
    kept.record(tmp_path / "a.pot", {file: None})
    kept.save()
    assert json.loads(path.read_text(encoding="utf-8"))["articles"] == {}


@pytest.mark.parametrize(
    "files",
    [{"a.po": [1, 2, 3]}, {"a.po": [1, 2, 3, 4, 5, 6]}, {"a.po": [1, 2, 3, 4, "h", "t"]}, []],
)
def test_a_malformed_record_is_dropped(tmp_path, files):
    path = tmp_path / "manifest.json"
    path.write_text(
        json.dumps({"format": 1, "articles": {"a.pot": {"inputs": "x", "files": files}}}),
        encoding="utf-8",
    )
    loaded = Manifest(path, tmp_path, "x")
    assert loaded.articles == {} and loaded.changed


def test_the_fingerprint_follows_the_inputs_and_the_glossary():
    from l10n.glossary import Glossary
    from l10n.glossary.model import LangForms, Term

    assert fingerprint(langs=["uk"]) == fingerprint(langs=["uk"])
    assert fingerprint(langs=["uk"]) != fingerprint(langs=["uk", "sq"])
    one = Glossary([Term("Kyiv", forms={"uk": LangForms("Київ")})])
    two = Glossary([Term("Kyiv", forms={"uk": LangForms("Київ", accepted=("Києва",))})])
    assert glossary_fingerprint(one) != glossary_fingerprint(two)
    assert glossary_fingerprint(one) == glossary_fingerprint(
        Glossary([Term("Kyiv", forms={"uk": LangForms("Київ")})])
    )
    assert glossary_fingerprint(None) is None


def test_the_fingerprint_follows_l10ns_code(monkeypatch):
    before = fingerprint()
    monkeypatch.setattr(manifest.cache, "code_fingerprint", lambda modules: "other code")
    assert fingerprint() != before
