"""The database's word index: kept by the sync, and finding what a full scan finds."""

from __future__ import annotations

import random
import sqlite3

import pytest
from rapidfuzz import fuzz, process

from l10n.memory import MemoryDatabaseError, Settings, TranslationMemory, open_for_run, tm
from memory.samples import LONG, LONG_UK, sample_locales, write_po

SIMILAR = LONG.replace("Monday", "Sunday")
WORDS = (  # noqa: SIM905
    "the army said on monday that forces attacked village near border city "
    "officials reported two people were killed in strike overnight and "
    "president met minister to discuss new sanctions against russia after talks"
).split()


def open_memory(root, locales):
    return TranslationMemory.open(root / ".l10n" / "memory.sqlite", locales)


def by_index(memory, lang, msgid, cutoff=50):
    """A fuzzy lookup answered by the database's word index, whatever the sizes."""
    language = memory.language(lang)
    language._size = 10**9  # so few lookups: the word index answers
    return language.fuzzy(msgid, cutoff)


def test_a_memory_on_disk_keeps_the_index_one_in_ram_does_not(tmp_path):
    locales = sample_locales(tmp_path)
    with open_memory(tmp_path, locales) as on_disk, TranslationMemory.open(None, locales) as ram:
        assert on_disk.indexed and not ram.indexed
        match = by_index(on_disk, "uk", SIMILAR)
        assert (match.source, match.target) == (LONG, LONG_UK)
        assert match.origin.endswith("locales/uk/a.po")
        assert match == ram.language("uk").fuzzy(SIMILAR)
        assert by_index(on_disk, "sq", SIMILAR) is None  # other languages' segments: not asked


def test_new_edited_and_removed_files_update_the_index(tmp_path):
    locales = sample_locales(tmp_path)
    added = "Officials reported that two people were killed in the overnight strike."
    with open_memory(tmp_path, locales) as memory:
        assert by_index(memory, "uk", added, 90) is None
    new = write_po(locales / "uk" / "c.po", {added: "Загинули двоє."}, lang="uk")
    with open_memory(tmp_path, locales) as memory:
        assert by_index(memory, "uk", added, 90).target == "Загинули двоє."
    edited = added.replace("two people", "three soldiers")
    write_po(new, {edited: "Загинули троє."}, lang="uk")
    with open_memory(tmp_path, locales) as memory:
        match = by_index(memory, "uk", added, 50)
        assert (match.source, match.target) == (edited, "Загинули троє.")
    new.unlink()
    (locales / "uk" / "a.po").unlink()
    with open_memory(tmp_path, locales) as memory:
        assert by_index(memory, "uk", added, 50) is None
        assert by_index(memory, "uk", SIMILAR, 50) is None
        # The index holds the remaining files' segments only.
        count = memory.conn.execute(
            "SELECT count(*) FROM segment_keys WHERE segment_keys MATCH '\"uk__world\"'"
        ).fetchone()[0]
        assert count == 1


def sentences(rng, count):
    return list(
        dict.fromkeys(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))).capitalize() + "."
            for _ in range(count)
        )
    )


def vary(rng, sentence):
    words = sentence.rstrip(".").split()
    for _ in range(rng.randint(1, 3)):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words) + "."


@pytest.mark.parametrize("cutoff", [50, 75])
def test_index_matches_score_as_a_full_scan(tmp_path, cutoff):
    rng = random.Random(3)
    known = sentences(rng, 300)
    locales = tmp_path / "locales"
    write_po(locales / "uk" / "m.po", {s: f"uk {i}" for i, s in enumerate(known)}, lang="uk")
    queries = [vary(rng, rng.choice(known)) for _ in range(60)] + sentences(rng, 20)
    with open_memory(tmp_path, locales) as memory:
        found = [by_index(memory, "uk", q, cutoff) for q in queries]
    scanned = [
        process.extractOne(q, known, scorer=fuzz.ratio, score_cutoff=cutoff) for q in queries
    ]
    assert sum(s is not None for s in scanned) > 40
    agree = sum(
        (f.score if f else None) == (s[1] if s else None)
        for f, s in zip(found, scanned, strict=True)
    )
    assert agree >= 0.95 * len(queries)
    for f in found:  # each answer is the target of the sentence it names
        assert f is None or f.target == f"uk {known.index(f.source)}"


def test_few_lookups_in_a_large_memory_do_not_load_it(tmp_path, monkeypatch):
    locales = sample_locales(tmp_path)
    with open_memory(tmp_path, locales) as memory:
        monkeypatch.setattr(tm, "ROWS_PER_LOOKUP", 0)  # any number of lookups is few
        monkeypatch.setattr(memory, "rows", None)  # loading every row would fail
        uk = memory.language("uk")
        uk.prefetch([SIMILAR, "World"])
        assert uk.fuzzy(SIMILAR).source == LONG
        assert uk.lookup("World") == ("Світ", (locales / "uk" / "a.po").as_posix())


def test_an_old_schema_database_is_reported_and_a_run_falls_back(tmp_path):
    locales = sample_locales(tmp_path)
    path = tmp_path / ".l10n" / "memory.sqlite"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE files (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;")
    conn.close()
    with pytest.raises(MemoryDatabaseError) as caught:
        TranslationMemory.open(path, locales)
    assert "schema version 1" in caught.value.message
    warnings: list[str] = []
    with open_for_run(Settings(path=path, warn=warnings.append), locales) as memory:
        assert memory.language("uk").fuzzy(SIMILAR).source == LONG
    assert any("memory rebuild" in w for w in warnings)
