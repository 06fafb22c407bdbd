"""The translation memory's SQLite database: what the PO files hold, kept current.

Building translation memory used to parse every PO file of every language on
every run, so a run's cost grew with the project.  The database keeps each
reviewed entry with the file it came from, and a ``files`` table with each
file's size, mtime and content hash: a sync re-reads only the files whose
size or mtime changed *and* whose bytes differ, and drops the entries of
files that are gone.  Nothing in ``locales/`` depends on the database: it is
a cache of the PO files, rebuilt from them (and from the imported TMX files
kept next to it) at any time with ``l10n memory rebuild``.

Imported memories (TMX) are kept apart from the project's own: their file
rows have kind ``tmx``, a sync of the PO files never touches them, and an
exact match in the project's own files wins over one in an imported memory.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from l10n import catalog
from l10n.errors import L10nError
from l10n.memory import keys
from l10n.po import decode_po

# 2: the segments' word index (l10n.memory.keys) in files on disk.
SCHEMA_VERSION = 2
MEMORY_FOLDER = ".l10n"
MEMORY_NAME = "memory.sqlite"
TMX_FOLDER = "tmx"  # imported memories, kept so that a rebuild restores them
OWN, IMPORTED = "po", "tmx"
# A file changed within this many seconds may be changed again within the
# same mtime tick, keeping size and mtime: its bytes are hashed every time.
RECENT_S = 2.0
LOCK_TIMEOUT_S = 30.0
REBUILD_HINT = "run `l10n memory rebuild`: it rebuilds the memory from the PO files"

_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    lang TEXT,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (kind, path)
);
CREATE TABLE segments (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL
);
CREATE INDEX segments_by_source ON segments (lang, source);
CREATE INDEX segments_by_file ON segments (file_id);
"""


class MemoryDatabaseError(L10nError):
    """The database cannot be used: corrupt, locked, or of another version."""


def memory_path(root: Path) -> Path:
    """Where a project keeps its memory: ``.l10n/memory.sqlite`` in its root."""
    return root / MEMORY_FOLDER / MEMORY_NAME


def tmx_folder(db_path: Path) -> Path:
    return db_path.parent / TMX_FOLDER


def _is_locked(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)


def database_error(path: Path | str, exc: sqlite3.Error) -> MemoryDatabaseError:
    """The user's message for an SQLite failure: locked, or unusable."""
    if _is_locked(exc):
        return MemoryDatabaseError(
            f"{path}: the translation memory is locked by another l10n process",
            hint="wait for the other `l10n` command to finish, then run this one again",
        )
    return MemoryDatabaseError(
        f"{path}: the translation memory database is unusable ({exc})", hint=REBUILD_HINT
    )


@contextmanager
def reported(path: Path | str) -> Iterator[None]:
    """SQLite errors inside become MemoryDatabaseError naming the file."""
    try:
        yield
    except sqlite3.Error as exc:
        raise database_error(path, exc) from None


def connect(path: Path | str) -> sqlite3.Connection:
    """An open database with the current schema (created if new); a file that
    is not one, or of another schema version, is a MemoryDatabaseError."""
    where = str(path)
    if where != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    with reported(where):
        conn = sqlite3.connect(where, timeout=LOCK_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and not _tables(conn):
                # A memory in RAM lives for one run: indexing its words
                # would cost more than its lookups save.
                words = keys.SCHEMA if where != ":memory:" else ""
                conn.executescript(
                    f"BEGIN; {_SCHEMA} {words} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
            elif version != SCHEMA_VERSION:
                raise MemoryDatabaseError(
                    f"{where}: a translation memory of schema version {version}, "
                    f"not {SCHEMA_VERSION}",
                    hint=REBUILD_HINT,
                )
            conn.execute("SELECT count(*) FROM files").fetchone()
        except BaseException:
            conn.close()
            raise
    return conn


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so that two syncs queue up."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# --- sync with the PO files ----------------------------------------------------


@dataclass
class SyncReport:
    read: list[str]  # files (relative to locales) parsed by this sync
    removed: list[str]
    unchanged: int


def reviewed_segments(po: catalog.polib.POFile) -> Iterator[tuple[str, str]]:
    """The (msgid, msgstr) pairs translation memory offers: reviewed sentences.

    A message with a context means something else than the bare sentence;
    plural forms are not one translation.
    """
    for entry in po:
        if (
            catalog.is_reviewed(entry)
            and entry.msgid
            and entry.msgctxt is None
            and not entry.msgid_plural
        ):
            yield entry.msgid, entry.msgstr


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sync(conn: sqlite3.Connection, locales: Path) -> SyncReport:
    """Bring the project's own entries in line with the PO files under ``locales``.

    A file is parsed only when it is new or its bytes changed; a PO file that
    does not parse is an InputFileError (nothing of this sync is kept).
    """
    report = SyncReport([], [], 0)
    indexed = keys.has_index(conn)
    with transaction(conn):
        known = {
            path: (file_id, size, mtime_ns, digest)
            for file_id, path, size, mtime_ns, digest in conn.execute(
                "SELECT id, path, size, mtime_ns, hash FROM files WHERE kind = ?", (OWN,)
            )
        }
        now_ns = time.time_ns()
        for rel, where, st in po_files_below(locales):
            row = known.pop(rel, None)
            recent = now_ns - st.st_mtime_ns < RECENT_S * 1e9
            if row and (row[1], row[2]) == (st.st_size, st.st_mtime_ns) and not recent:
                report.unchanged += 1
                continue
            path = Path(where)
            data = path.read_bytes()
            digest = _digest(data)
            if row and row[3] == digest:
                conn.execute(
                    "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
                    (st.st_size, st.st_mtime_ns, row[0]),
                )
                report.unchanged += 1
                continue
            _store_po(conn, path, rel, data, digest, st, row[0] if row else None, indexed)
            report.read.append(rel)
        for rel, row in known.items():
            _drop_file(conn, row[0], indexed)
            report.removed.append(rel)
    return report


def po_files_below(locales: Path) -> list[tuple[str, str, os.stat_result]]:
    """(path relative to ``locales``, path, stat) of each PO file below it, in
    catalog.po_files' order.  One stat a file and no Path until needed: a
    sync looks at every file of the project, whatever changed."""
    found = []
    for folder, _, names in os.walk(locales):
        prefix = os.path.relpath(folder, locales).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        for name in names:
            if not name.endswith(".po"):
                continue
            where = os.path.join(folder, name)
            with suppress(OSError):
                st = os.stat(where)
                if stat.S_ISREG(st.st_mode):
                    found.append((prefix + name, where, st))
    found.sort(key=lambda f: f[0].split("/"))
    return found


def _store_po(
    conn: sqlite3.Connection,
    path: Path,
    rel: str,
    data: bytes,
    digest: str,
    st: os.stat_result,
    file_id: int | None,
    indexed: bool,
) -> None:
    po = parse_po_bytes(data, str(path))
    lang = catalog.po_language(po, path)
    if file_id is not None:
        _drop_file(conn, file_id, indexed)
    file_id = conn.execute(
        "INSERT INTO files (kind, path, lang, size, mtime_ns, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (OWN, rel, lang, st.st_size, st.st_mtime_ns, digest),
    ).lastrowid
    conn.executemany(
        "INSERT INTO segments (file_id, lang, source, target) VALUES (?, ?, ?, ?)",
        ((file_id, lang, source, target) for source, target in reviewed_segments(po)),
    )
    if indexed:
        keys.add_file(conn, file_id)


def _drop_file(conn: sqlite3.Connection, file_id: int, indexed: bool) -> None:
    """Remove a file and its segments (their index entries first)."""
    if indexed:
        keys.drop_file(conn, file_id)
    conn.execute("DELETE FROM files WHERE id = ?", (file_id,))


def parse_po_bytes(data: bytes, where: str) -> catalog.polib.POFile:
    """A PO file's entries (the one place a sync parses: tests count the calls)."""
    return decode_po(data, where)[2]


def store_imported(
    conn: sqlite3.Connection, name: str, data: bytes, pairs: list[tuple[str, str, str]]
) -> None:
    """Replace the imported memory ``name`` by ``pairs`` of (lang, source, target)."""
    indexed = keys.has_index(conn)
    with transaction(conn):
        old = conn.execute(
            "SELECT id FROM files WHERE kind = ? AND path = ?", (IMPORTED, name)
        ).fetchone()
        if old is not None:
            _drop_file(conn, old[0], indexed)
        file_id = conn.execute(
            "INSERT INTO files (kind, path, lang, size, mtime_ns, hash) "
            "VALUES (?, ?, NULL, ?, 0, ?)",
            (IMPORTED, name, len(data), _digest(data)),
        ).lastrowid
        conn.executemany(
            "INSERT INTO segments (file_id, lang, source, target) VALUES (?, ?, ?, ?)",
            ((file_id, lang, source, target) for lang, source, target in pairs),
        )
        if indexed:
            keys.add_file(conn, file_id)


# --- rebuild -------------------------------------------------------------------


def remove_database(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with suppress(FileNotFoundError):
            leftover.unlink()


def temporary_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")
