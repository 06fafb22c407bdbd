"""Translation memory for ``l10n translate`` and the ``l10n memory`` commands.

A run opens the project's database (``.l10n/memory.sqlite``), brings it in
line with the PO files (only changed files are parsed) and asks it, per new
sentence, for an exact match and else the most similar reviewed sentence.

A database that cannot be read (corrupt, another schema) never stops a
translation: ``translate`` says so and uses a memory built from the PO files
(and the imported TMX files) in RAM for that run, leaving the file as it is
for ``l10n memory rebuild``.  The ``memory`` commands report it (exit 2).
A locked database (another l10n process writing it for 30 s) is an error.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from l10n.memory import keys, store
from l10n.memory.fuzzy import FuzzyIndex, Near
from l10n.memory.tmx import read_tmx, write_tmx

DEFAULT_THRESHOLD = 75
# Below this a match is no help even as a hint beside machine translation.
HINT_FLOOR = 50
PREFER = ("memory", "machine")
IMPORTED_SUFFIX = "(imported memory)"
# Loading and indexing this many of a language's segments in RAM costs
# about one lookup in the database's word index (l10n.memory.keys): a run
# with fewer lookups than its memory's size over this asks the database.
ROWS_PER_LOOKUP = 150


@dataclass(frozen=True)
class Settings:
    """How ``translate`` uses translation memory (``[memory]`` in l10n.toml)."""

    path: Path | None = None  # the database; None: one in RAM for this run only
    threshold: int = DEFAULT_THRESHOLD  # a fuzzy match this good is a starting point
    prefer: str = "memory"  # at or above threshold: "memory" or "machine" translation
    warn: Callable[[str], None] | None = None


@dataclass(frozen=True)
class Match:
    target: str
    origin: str  # the PO file, or the imported memory, it came from
    source: str  # the sentence it translates
    score: float  # similarity, 0..100 (100: the same sentence)


class LanguageMemory:
    """One language's memory: exact lookups, then fuzzy ones.

    ``prefetch`` answers the fuzzy lookups of many new sentences at once (the
    index is then built only when their number pays for it); ``lookup`` and
    ``fuzzy`` of a prefetched sentence are then dictionary lookups.  A few
    lookups in a large memory ask the database's word index instead, so
    that one new article does not load the whole memory.
    """

    def __init__(self, memory: TranslationMemory, lang: str) -> None:
        self.memory, self.lang = memory, lang
        self._index: FuzzyIndex | None = None
        self._rows: list[tuple[str, str, str, str]] = []  # (source, target, kind, path)
        self._exact: dict[str, tuple[str, str] | None] = {}
        self._near: dict[str, tuple[float, Match | None]] = {}  # msgid: (cutoff, match)
        self._size: int | None = None  # the language's segments, counted on first need
        self._asked = 0  # lookups answered by the database's word index

    def lookup(self, msgid: str) -> tuple[str, str] | None:
        """(translation, origin) of the same sentence, the project's own first."""
        if msgid in self._exact:
            return self._exact[msgid]
        with store.reported(self.memory.where):
            row = self.memory.conn.execute(
                "SELECT s.target, f.kind, f.path FROM segments s JOIN files f ON f.id = s.file_id "
                "WHERE s.lang = ? AND s.source = ? ORDER BY f.kind = ?, f.path LIMIT 1",
                (self.lang, msgid, store.IMPORTED),
            ).fetchone()
        return None if row is None else (row[0], self.memory.origin(row[1], row[2]))

    def fuzzy(self, msgid: str, cutoff: float = HINT_FLOOR) -> Match | None:
        """The most similar sentence scoring ``cutoff`` (percent) or more."""
        known = self._near.get(msgid)
        if known is not None and known[0] <= cutoff:
            match = known[1]
            return match if match is not None and match.score >= cutoff else None
        match = self._best_many([msgid], cutoff)[0]
        self._near[msgid] = (cutoff, match)
        return match

    def prefetch(self, msgids: Iterable[str], cutoff: float = HINT_FLOOR) -> None:
        """Look up all of ``msgids`` now: exact matches, then, for the others,
        fuzzy matches scoring ``cutoff`` or more, all in one batch."""
        wanted = []
        for msgid in dict.fromkeys(msgids):
            if msgid not in self._exact:
                self._exact[msgid] = self.lookup(msgid)
            known = self._near.get(msgid)
            if self._exact[msgid] is None and (known is None or known[0] > cutoff):
                wanted.append(msgid)
        if wanted:
            found = self._best_many(wanted, cutoff)
            for msgid, match in zip(wanted, found, strict=True):
                self._near[msgid] = (cutoff, match)

    def _best_many(self, msgids: list[str], cutoff: float) -> list[Match | None]:
        if self._index is None and self._few(len(msgids)):
            self._asked += len(msgids)
            return [self._asked_database(m, cutoff) for m in msgids]
        return [self._match(n) for n in self._fuzzy_index().best_many(msgids, cutoff)]

    def _few(self, lookups: int) -> bool:
        """Whether ``lookups`` more cost less in the word index than in RAM."""
        if not self.memory.indexed:
            return False
        if self._size is None:
            with store.reported(self.memory.where):
                self._size = self.memory.conn.execute(
                    "SELECT count(*) FROM segments WHERE lang = ?", (self.lang,)
                ).fetchone()[0]
        return (self._asked + lookups) * ROWS_PER_LOOKUP < self._size

    def _asked_database(self, msgid: str, cutoff: float) -> Match | None:
        with store.reported(self.memory.where):
            found = keys.best(self.memory.conn, self.lang, msgid, cutoff, store.IMPORTED)
        if found is None:
            return None
        return Match(
            found.target, self.memory.origin(found.kind, found.path), found.source, found.score
        )

    def _match(self, near: Near | None) -> Match | None:
        if near is None:
            return None
        source, target, kind, path = self._rows[near.index]
        return Match(target, self.memory.origin(kind, path), source, near.score)

    def _fuzzy_index(self) -> FuzzyIndex:
        """Built on the first fuzzy lookup: a run with only exact hits never pays for it."""
        if self._index is None:
            seen: dict[str, tuple[str, str, str, str]] = {}
            for row in self.memory.rows(self.lang):
                seen.setdefault(row[0], row)
            self._rows = list(seen.values())
            self._index = FuzzyIndex([r[0] for r in self._rows])
        return self._index


class TranslationMemory:
    """An open database and the locales folder its own entries come from."""

    def __init__(self, conn: sqlite3.Connection, where: str, locales: Path) -> None:
        self.conn, self.where, self.locales = conn, where, locales
        self.last_sync: store.SyncReport | None = None
        with store.reported(where):
            self.indexed = keys.has_index(conn)  # the word index, in files on disk

    @classmethod
    def open(cls, path: Path | None, locales: Path) -> TranslationMemory:
        """The database at ``path`` (None: a new one in RAM), synced with ``locales``."""
        where = str(path) if path is not None else ":memory:"
        memory = cls(store.connect(where), where, locales)
        try:
            memory.sync()
        except BaseException:
            memory.close()
            raise
        return memory

    def sync(self) -> store.SyncReport:
        with store.reported(self.where):
            self.last_sync = store.sync(self.conn, self.locales)
        return self.last_sync

    def language(self, lang: str) -> LanguageMemory:
        return LanguageMemory(self, lang)

    def origin(self, kind: str, path: str) -> str:
        if kind == store.IMPORTED:
            return f"{path} {IMPORTED_SUFFIX}"
        return (self.locales / path).as_posix()

    def rows(self, lang: str) -> Iterator[tuple[str, str, str, str]]:
        """(source, target, kind, path) of ``lang``, in lookup order: file by
        file, read through the file index, since sorting every segment of a
        large memory by its file costs SQLite seconds."""
        with store.reported(self.where):
            files = self.conn.execute(
                "SELECT id, kind, path FROM files ORDER BY kind = ?, path", (store.IMPORTED,)
            ).fetchall()
            for file_id, kind, path in files:
                for source, target in self.conn.execute(
                    "SELECT source, target FROM segments INDEXED BY segments_by_file "
                    "WHERE file_id = ? AND lang = ?",
                    (file_id, lang),
                ):
                    yield source, target, kind, path

    def import_tmx(self, name: str, data: bytes, where: str, srclang: str) -> int:
        pairs = read_tmx(data, where, srclang)
        with store.reported(self.where):
            store.store_imported(self.conn, name, data, pairs)
        return len(pairs)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_for_run(settings: Settings, locales: Path, srclang: str = "en") -> TranslationMemory:
    """The memory a ``translate`` run uses: the project's database, or, when
    it cannot be read, one built in RAM with a warning (see the module doc)."""
    try:
        return TranslationMemory.open(settings.path, locales)
    except store.MemoryDatabaseError as exc:
        if settings.path is None or "locked" in exc.message:
            raise
        if settings.warn:
            settings.warn(f"{exc.message}; this run uses a memory built from the PO files")
            settings.warn(f"Hint: {store.REBUILD_HINT}")
        memory = TranslationMemory.open(None, locales)
        _import_kept(memory, settings.path, srclang)
        return memory


def _import_kept(memory: TranslationMemory, path: Path, srclang: str) -> int:
    """Load the imported TMX files kept beside the database at ``path``."""
    folder = store.tmx_folder(path)
    count = 0
    for tmx in sorted(folder.glob("*.tmx")) if folder.is_dir() else []:
        count += memory.import_tmx(tmx.name, tmx.read_bytes(), str(tmx), srclang)
    return count


def rebuild(path: Path, locales: Path, srclang: str = "en") -> TranslationMemory:
    """A new database at ``path`` from the PO files and the imported TMX
    files; built beside it and renamed over it, so a failure keeps the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = store.temporary_path(path)
    store.remove_database(temp)
    try:
        memory = TranslationMemory.open(temp, locales)
        try:
            _import_kept(memory, path, srclang)
        finally:
            memory.close()
        os.replace(temp, path)
    finally:
        store.remove_database(temp)
    store.remove_database(Path(f"{path}-journal"))
    return TranslationMemory.open(path, locales)


def import_file(memory: TranslationMemory, file: Path, db_path: Path, srclang: str) -> int:
    """Import a TMX file as an external memory named by its file name, and
    keep a copy beside the database so that a rebuild restores it."""
    from l10n.files import write_atomic
    from l10n.textfile import read_bytes

    data = read_bytes(file, kind="TMX file")
    count = memory.import_tmx(file.name, data, str(file), srclang)
    write_atomic(store.tmx_folder(db_path) / file.name, data)
    return count


def export_file(
    memory: TranslationMemory, file: Path, langs: list[str] | None, srclang: str
) -> int:
    """Write the project's own memory (no imported one) as TMX; the number of units."""
    pairs = []
    with store.reported(memory.where):
        rows = memory.conn.execute(
            "SELECT s.lang, s.source, s.target, f.path FROM segments s "
            "JOIN files f ON f.id = s.file_id WHERE f.kind = ? ORDER BY s.lang, s.source, f.path",
            (store.OWN,),
        ).fetchall()
    seen: set[tuple[str, str]] = set()
    for lang, source, target, path in rows:
        if (langs is None or lang in langs) and (lang, source) not in seen:
            seen.add((lang, source))
            pairs.append((lang, source, target, memory.origin(store.OWN, path)))
    write_tmx(file, pairs, srclang)
    return len(pairs)


@dataclass(frozen=True)
class LanguageStats:
    lang: str
    files: int
    segments: int  # reviewed sentences in the project's PO files
    imported: int  # in imported memories


def stats(memory: TranslationMemory) -> list[LanguageStats]:
    with store.reported(memory.where):
        rows = memory.conn.execute(
            "SELECT s.lang, count(DISTINCT CASE WHEN f.kind = ? THEN f.id END), "
            "sum(f.kind = ?), sum(f.kind = ?) FROM segments s JOIN files f ON f.id = s.file_id "
            "GROUP BY s.lang ORDER BY s.lang",
            (store.OWN, store.OWN, store.IMPORTED),
        ).fetchall()
    return [LanguageStats(*row) for row in rows]
