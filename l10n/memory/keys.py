"""Fuzzy candidates from the database: a word index kept by every sync.

Building the in-RAM index (l10n.memory.fuzzy) means reading every sentence
of a language from the database first, which pays when a run looks up
thousands of sentences but makes one new article cost as much as the whole
memory.  So the database keeps its own index, updated with the segments:
an FTS5 table holding, for each segment, its words and its adjacent word
pairs (``w1_w2``), as fuzzy.py keys them.  Pairs matter: in a newsroom's
memory most words are in thousands of sentences, a pair in a few dozen.

A lookup counts the segments of each of the query's pairs (and words, for
a short query) in its language, then, in one SQL statement, how many of
the rarest keys each segment holds, fetches the segments sharing the most,
and scores them with rapidfuzz like the in-RAM index: its cost is bounded
by COUNT_CAP and POSTINGS_BUDGET, not by the size of the memory.  (FTS5
keeps no count per key: counting reads the key's postings, hence the cap.)

The FTS table is contentless (it stores postings only, not the text): a
segment's keys are removed by giving FTS5 the same key text again, computed
from its source with ``key_text``.  Changing ``key_text`` therefore changes
the database format: raise store.SCHEMA_VERSION with it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process

from l10n.memory.fuzzy import length_window

TABLE = "segment_keys"
SCHEMA = f"""
CREATE VIRTUAL TABLE {TABLE} USING fts5(
    keys, content='', detail=none, tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);
"""
COUNT_CAP = 2_000  # a key's segments are counted up to this (more: as common as can be)
POSTINGS_BUDGET = 6_000  # postings of the rarest keys counted per lookup, at most
CANDIDATES = 128  # segments scored per lookup, those sharing the most keys
MAX_KEYS = 64  # keys of a long query counted, at most (one SELECT each)
FEW_WORDS = 4  # a query this short is looked up by its words too, not only its pairs
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Found:
    score: float
    source: str
    target: str
    kind: str
    path: str


def key_text(lang: str, source: str, *, words: bool = True) -> str:
    """What the FTS table indexes for a ``lang`` segment: its words, then its
    word pairs, each prefixed by the language (so that a lookup reads only
    its language's postings).

    Words are runs of letters and digits, lowercased, as FTS5's unicode61
    tokenizer takes them.
    """
    tag = "".join(_WORD.findall(lang.lower())) + "__"
    found = _WORD.findall(source.lower())
    pairs = [f"{tag}{a}_{b}" for a, b in pairwise(found)]
    return " ".join([tag + w for w in found] + pairs if words else pairs)


def has_index(conn: sqlite3.Connection) -> bool:
    """Whether the database keeps the index (a memory in RAM does not)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    return found is not None


def add_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Index the segments of file ``file_id`` (just inserted)."""
    rows = conn.execute("SELECT rowid, lang, source FROM segments WHERE file_id = ?", (file_id,))
    conn.executemany(
        f"INSERT INTO {TABLE} (rowid, keys) VALUES (?, ?)",
        [(rowid, key_text(lang, source)) for rowid, lang, source in rows],
    )


def drop_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Remove the segments of file ``file_id`` from the index, before the segments go."""
    rows = conn.execute("SELECT rowid, lang, source FROM segments WHERE file_id = ?", (file_id,))
    conn.executemany(
        f"INSERT INTO {TABLE} ({TABLE}, rowid, keys) VALUES ('delete', ?, ?)",
        [(rowid, key_text(lang, source)) for rowid, lang, source in rows],
    )


def _quoted(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def candidates(conn: sqlite3.Connection, lang: str, query: str) -> list[int]:
    """Segments (rowids) of ``lang`` holding the most of the query's keys:
    its word pairs; its words too when it is short or the pairs find fewer
    than CANDIDATES segments (a small memory, a query unlike the others)."""
    short = len(_WORD.findall(query)) <= FEW_WORDS
    found = _sharing(conn, key_text(lang, query, words=short).split())
    if len(found) < CANDIDATES and not short:
        found = _sharing(conn, key_text(lang, query).split())
    return found


def _sharing(conn: sqlite3.Connection, keys: list[str]) -> list[int]:
    """The segments holding the most of the rarest of ``keys``: the keys'
    segment counts first (capped: counting reads postings), then, for the
    rarest keys up to POSTINGS_BUDGET postings, the segments counted by
    SQLite in one statement."""
    quoted = [_quoted(k) for k in dict.fromkeys(keys)][:MAX_KEYS]
    if not quoted:
        return []
    count = (
        f"(SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT {COUNT_CAP}))"
    )
    counts = conn.execute("SELECT " + ", ".join([count] * len(quoted)), quoted).fetchone()
    chosen: list[str] = []
    total = 0
    for n, key in sorted(zip(counts, quoted, strict=True)):
        if n == 0:
            continue
        if chosen and total + n > POSTINGS_BUDGET:
            break
        chosen.append(key)
        total += n
    if not chosen:
        return []
    union = " UNION ALL ".join([f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?"] * len(chosen))
    rows = conn.execute(
        f"SELECT rowid FROM ({union}) GROUP BY rowid ORDER BY count(*) DESC LIMIT {CANDIDATES}",
        chosen,
    )
    return [rowid for (rowid,) in rows]


def best(
    conn: sqlite3.Connection, lang: str, query: str, cutoff: float, imported: str
) -> Found | None:
    """The most similar ``lang`` segment scoring ``cutoff`` or more among the
    candidates; a source in several files is taken from the first in
    lookup order (the project's own before ``imported`` ones, then by path)."""
    found = candidates(conn, lang, query)
    if not found or not query:
        return None
    low, high = length_window(len(query), cutoff)
    marks = ",".join("?" * len(found))
    rows = conn.execute(
        "SELECT s.source, s.target, f.kind, f.path FROM segments s "
        f"CROSS JOIN files f ON f.id = s.file_id WHERE s.rowid IN ({marks}) AND +s.lang = ?",
        [*found, lang],
    ).fetchall()
    first: dict[str, tuple[str, str, str, str]] = {}
    for row in sorted(rows, key=lambda r: (r[2] == imported, r[3])):
        if low <= len(row[0]) <= high:
            first.setdefault(row[0], row)
    return _scored(query, list(first.values()), cutoff)


def _scored(query: str, rows: Iterable[tuple[str, str, str, str]], cutoff: float) -> Found | None:
    rows = list(rows)
    match = process.extractOne(query, [r[0] for r in rows], scorer=fuzz.ratio, score_cutoff=cutoff)
    if match is None:
        return None
    source, target, kind, path = rows[match[2]]
    return Found(match[1], source, target, kind, path)
