"""The database and its sync with the PO files: only changed files are parsed."""

from __future__ import annotations

import os
import sqlite3

import pytest

from l10n.memory import MemoryDatabaseError, TranslationMemory, rebuild, stats, store
from memory.samples import LONG, LONG_UK, sample_locales, write_po


@pytest.fixture
def locales(tmp_path):
    return sample_locales(tmp_path)


@pytest.fixture
def parses(monkeypatch):
    """The PO files a sync parses, in order."""
    seen: list[str] = []
    real = store.parse_po_bytes

    def spy(data, where):
        seen.append(os.path.basename(os.path.dirname(where)) + "/" + os.path.basename(where))
        return real(data, where)

    monkeypatch.setattr(store, "parse_po_bytes", spy)
    return seen


def dump(path) -> list[tuple[str, str, str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT f.kind, f.path, s.lang, s.source, s.target FROM segments s "
            "JOIN files f ON f.id = s.file_id ORDER BY 1, 2, 3, 4, 5"
        ).fetchall()
    finally:
        conn.close()


def age(path, seconds=60):
    """Make a file look written a minute ago (a sync trusts old mtimes)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))


def test_memory_holds_only_reviewed_sentences(tmp_path, locales):
    with TranslationMemory.open(tmp_path / "m.sqlite", locales) as tm:
        uk = tm.language("uk")
        assert uk.lookup("World") == ("Світ", (locales / "uk" / "a.po").as_posix())
        assert uk.lookup(LONG) == (LONG_UK, (locales / "uk" / "a.po").as_posix())
        assert uk.lookup("Unreviewed") is None
        assert tm.language("sq").lookup("World")[0] == "Bota"
        assert tm.language("ru").lookup("World") is None


def test_only_the_edited_file_is_read_again(tmp_path, locales, parses):
    db = tmp_path / "m.sqlite"
    for path in locales.rglob("*.po"):
        age(path)
    TranslationMemory.open(db, locales).close()
    assert sorted(parses) == ["sq/a.po", "uk/a.po", "uk/b.po"]

    parses.clear()
    TranslationMemory.open(db, locales).close()
    assert parses == []  # nothing changed: nothing parsed

    write_po(locales / "uk" / "b.po", {"World": "Світ (b)", "New": "Нове"}, lang="uk")
    with TranslationMemory.open(db, locales) as tm:
        assert parses == ["uk/b.po"]
        assert tm.language("uk").lookup("New")[0] == "Нове"


def test_a_touched_file_with_the_same_bytes_is_not_parsed(tmp_path, locales, parses):
    db = tmp_path / "m.sqlite"
    TranslationMemory.open(db, locales).close()
    parses.clear()
    os.utime(locales / "uk" / "a.po")  # mtime changes, content does not
    TranslationMemory.open(db, locales).close()
    assert parses == []


def test_a_removed_file_leaves_the_memory(tmp_path, locales):
    db = tmp_path / "m.sqlite"
    TranslationMemory.open(db, locales).close()
    (locales / "sq" / "a.po").unlink()
    with TranslationMemory.open(db, locales) as tm:
        assert tm.last_sync.removed == ["sq/a.po"]
        assert tm.language("sq").lookup("World") is None


def test_rebuild_from_scratch_gives_the_same_memory(tmp_path, locales):
    db = tmp_path / "m.sqlite"
    TranslationMemory.open(db, locales).close()
    # Edits, an addition and a removal, synced one at a time.
    write_po(locales / "uk" / "a.po", {"World": "Світ!", LONG: LONG_UK}, lang="uk")
    TranslationMemory.open(db, locales).close()
    write_po(locales / "ru" / "c.po", {"World": "Мир"}, lang="ru")
    (locales / "uk" / "b.po").unlink()
    TranslationMemory.open(db, locales).close()
    incremental = dump(db)

    rebuild(db, locales).close()
    assert dump(db) == incremental
    fresh = tmp_path / "fresh.sqlite"
    TranslationMemory.open(fresh, locales).close()
    assert dump(fresh) == incremental
    assert ("po", "ru/c.po", "ru", "World", "Мир") in incremental


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_a_corrupt_database_is_reported_and_rebuilt_on_request(tmp_path, locales, content):
    db = tmp_path / "m.sqlite"
    TranslationMemory.open(db, locales).close()
    expected = dump(db)
    if content:
        db.write_bytes(content)
    else:  # a database file whose pages were overwritten past its header
        data = bytearray(db.read_bytes())
        data[100:] = b"\xff" * (len(data) - 100)
        db.write_bytes(bytes(data))
    with pytest.raises(MemoryDatabaseError) as caught:
        TranslationMemory.open(db, locales)
    assert str(db) in caught.value.message
    assert "l10n memory rebuild" in caught.value.hint
    with rebuild(db, locales) as tm:
        assert {s.lang: s.segments for s in stats(tm)} == {"sq": 1, "uk": 3}
    assert dump(db) == expected


def test_a_locked_database_is_an_error_naming_it(tmp_path, locales, monkeypatch):
    db = tmp_path / "m.sqlite"
    TranslationMemory.open(db, locales).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store, "LOCK_TIMEOUT_S", 0.1)
    try:
        with pytest.raises(MemoryDatabaseError, match="locked by another l10n process"):
            TranslationMemory.open(db, locales)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_the_projects_own_translation_wins_over_an_imported_one(tmp_path, locales):
    from l10n.memory.tmx import tmx_bytes

    data = tmx_bytes([("uk", "World", "Світ (TMX)", "x"), ("uk", "Only in TMX", "Лише", "x")], "en")
    with TranslationMemory.open(tmp_path / "m.sqlite", locales) as tm:
        assert tm.import_tmx("agency.tmx", data, "agency.tmx", "en") == 2
        uk = tm.language("uk")
        assert uk.lookup("World")[0] == "Світ"
        assert uk.lookup("Only in TMX") == ("Лише", "agency.tmx (imported memory)")
        tm.sync()  # a sync of the PO files keeps the imported memory
        assert uk.lookup("Only in TMX") is not None
