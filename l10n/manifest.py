"""What ``l10n translate`` checked last time, so that an unchanged article costs a look.

Re-segmenting an article, merging each language's PO file and formatting
it again only to find the same bytes was most of a run in which nothing
changed (200 articles x 3 languages: half a minute).  The manifest
(``.l10n/manifest.json``, beside the translation memory) records, per
article, the files that run read and wrote -- the source, the POT and each
language's PO file -- and a fingerprint of everything else that shapes
them: l10n's own code and the libraries it formats with, the document
options, the glossary's terms, the target languages, the memory settings.
A later run whose fingerprint is the same, and whose files are all as
recorded, skips the article: nothing of it is read, merged or written.

A file is as recorded when its status (size, mtime, ctime, inode) is the
recorded one, or else when its bytes hash the same.  A file whose status
changed within :data:`RECENT_S` of being recorded is hashed every time until
a later run records it again: a save within the same timestamp tick keeps
size and mtime (git calls these entries "racy").

Only an article left fully translated is recorded: one whose PO files still
lack translations would take them from translation memory next time, and
that memory is other files.  The manifest is a cache: a missing, corrupt or
foreign one (checked for shape, never trusted) means every article is
merged as before; it is written after a successful commit, atomically, and
``L10N_NO_CACHE=1`` switches it off.  Nothing in ``locales/`` depends on it.

JSON, not a table in the memory's SQLite database: a database that cannot
be read makes ``translate`` fall back to a memory in RAM, and ``l10n memory
rebuild`` replaces it, neither of which has anything to do with whether an
article changed; a JSON file can be deleted alone, and read without sqlite.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from l10n import cache
from l10n.errors import L10nError
from l10n.files.version import digest, read_regular

FORMAT = 1
MANIFEST_NAME = "manifest.json"
# As l10n.memory.store's: a status this recent may hide a second save.
RECENT_S = 2.0
# The code that shapes a run's files: all of l10n (segmenting, documents,
# merging, notes, formatting), and the libraries whose output lands in them.
CODE = ("l10n",)
LIBRARIES = ("babel", "markdown-it-py", "polib", "pysbd", "rapidfuzz")


def manifest_path(memory_db: Path) -> Path:
    """The manifest beside a translation memory database."""
    return memory_db.parent / MANIFEST_NAME


@dataclass(frozen=True)
class Seen:
    """A file as a run found it: its status, its content's hash, and when."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    sha256: str
    checked_ns: int  # time.time_ns() just before the file was read

    @property
    def status(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.ctime_ns, self.ino)

    @property
    def settled(self) -> bool:
        """Whether its status can vouch for its content: it had not changed
        for RECENT_S when it was read."""
        return self.ctime_ns < self.checked_ns - int(RECENT_S * 1e9)


def look(path: Path) -> Seen | None:
    """``path`` as it is now (read whole); None when it is not a readable file."""
    checked = time.time_ns()
    try:
        data, st = read_regular(path)
    except (OSError, L10nError):
        return None
    return Seen(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, digest(data), checked)


def _status(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def still(seen: Seen, path: Path) -> Seen | None:
    """``path``'s record if it still holds what ``seen`` recorded (a fresh
    record when its bytes had to be hashed), else None."""
    status = _status(path)
    if status is None:
        return None
    if status == seen.status and seen.settled:
        return seen
    now = look(path)
    return now if now is not None and now.sha256 == seen.sha256 else None


def fingerprint(**parts: Any) -> str:
    """A hash of a run's inputs (``parts``), of l10n's code and of the
    versions of the libraries that shape its files."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    text = json.dumps(
        {
            "format": FORMAT,
            "code": cache.code_fingerprint(CODE),
            "python": sys.version_info[:2],
            "libraries": versions,
            **parts,
        },
        sort_keys=True,
        default=repr,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def glossary_fingerprint(glossary: Any) -> str | None:
    """A hash of a glossary's terms and languages: its notes go into every entry."""
    if glossary is None:
        return None
    text = repr((tuple(glossary.languages), glossary.terms))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _seen(value: Any) -> Seen | None:
    """A record as :meth:`Manifest.save` writes it, or None."""
    if not isinstance(value, list) or len(value) != 6:
        return None
    *numbers, sha, checked = value
    if not all(type(n) is int for n in (*numbers, checked)) or not isinstance(sha, str):
        return None
    return Seen(*numbers, sha, checked)


class Manifest:
    """The articles a project's runs left settled, keyed by their POT file.

    Each article keeps the fingerprint of the run that recorded it: a run
    with other inputs (another language set, say) merges it, and records it
    again, while the other articles' records wait for a run like theirs.
    Paths are relative to the project's root, so a moved project keeps them.
    """

    def __init__(self, path: Path, root: Path, inputs: str) -> None:
        self.path, self.root, self.inputs = path, Path(os.path.abspath(root)), inputs
        self._inside = str(self.root).rstrip(os.sep) + os.sep  # the prefix of paths inside
        self.articles: dict[str, tuple[str, dict[str, Seen]]] = {}
        self.changed = False
        self._load()

    def _load(self) -> None:
        data = cache.read_json(self.path)
        articles = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            self.changed = data is not None  # a foreign or corrupt file: replaced
            return
        if not isinstance(articles, dict):
            self.changed = True
            return
        for key, entry in articles.items():
            loaded = _article(entry)
            if loaded is None:
                self.changed = True
            else:
                self.articles[key] = loaded

    def rel(self, path: Path) -> str:
        # A run asks this of every file of every article: the prefix is cut
        # off as a string, relpath kept for paths outside the root.
        where = os.path.abspath(path)
        if where.startswith(self._inside):
            return where[len(self._inside) :].replace(os.sep, "/")
        return Path(os.path.relpath(where, self.root)).as_posix()

    def unchanged(self, key: Path, files: Iterable[Path]) -> bool:
        """Whether the article of POT ``key`` was recorded by a run like this
        one with exactly ``files`` (the source, the POT and each PO), each
        still as it was."""
        inputs, records = self.articles.get(self.rel(key), ("", {}))
        paths = {self.rel(f): f for f in files}
        if inputs != self.inputs or set(records) != set(paths):
            return False
        fresh = {}
        for rel, seen in records.items():
            now = still(seen, paths[rel])
            if now is None:
                return False
            fresh[rel] = now
        if fresh != records:
            self.articles[self.rel(key)] = (inputs, fresh)
            self.changed = True
        return True

    def record(self, key: Path, files: Mapping[Path, Seen | None]) -> None:
        """Record an article's files, or forget it when any is unknown (None)."""
        if any(seen is None for seen in files.values()):
            self.forget(key)
            return
        entry = (self.inputs, {self.rel(p): seen for p, seen in files.items()})
        if self.articles.get(self.rel(key)) != entry:
            self.articles[self.rel(key)] = entry  # type: ignore[assignment]
            self.changed = True

    def forget(self, key: Path) -> None:
        if self.articles.pop(self.rel(key), None) is not None:
            self.changed = True

    def save(self) -> None:
        """Write the manifest if anything changed (atomically; never an error)."""
        if not self.changed:
            return
        articles = {
            key: {
                "inputs": inputs,
                "files": {
                    rel: [s.size, s.mtime_ns, s.ctime_ns, s.ino, s.sha256, s.checked_ns]
                    for rel, s in records.items()
                },
            }
            for key, (inputs, records) in sorted(self.articles.items())
        }
        cache.write(self.path, {"format": FORMAT, "articles": articles})
        self.changed = False


def _article(entry: Any) -> tuple[str, dict[str, Seen]] | None:
    """An article as :meth:`Manifest.save` writes it, or None."""
    if not isinstance(entry, dict):
        return None
    inputs, files = entry.get("inputs"), entry.get("files")
    if not isinstance(inputs, str) or not isinstance(files, dict):
        return None
    records = {rel: _seen(value) for rel, value in files.items()}
    if any(seen is None for seen in records.values()):
        return None
    return inputs, records  # type: ignore[return-value]
