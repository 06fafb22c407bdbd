"""The terms of a glossary as last loaded, kept between runs (:class:`LoadCache`).

Parsing and validating a 1,000-term TOML glossary takes about 70 ms, as long
as checking 10,000 PO entries' numbers; unpickling its terms takes 4 ms.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

from l10n import cache
from l10n.errors import L10nError
from l10n.files import write_atomic
from l10n.glossary.model import Term

# The code that turns glossary files into terms: reading and decoding the
# files, the readers, validation (which splits and normalises words with
# l10n.morph) and the records pickled.  Whole packages, so that a module added
# to either is covered too (see l10n.cache.source_files).
CODE = ("l10n.glossary", "l10n.morph", "l10n.textfile", "l10n.tomlfile")


class LoadCache:
    """The cache file of one glossary location.

    The file (``$XDG_CACHE_HOME/l10n/glossary-<where>.pickle``, one per
    glossary location) holds the terms with a key: a hash of the files' names
    and bytes, of the Python version and of the source of :data:`CODE`.  Only
    a glossary that loaded without error is kept, so a cached glossary is a
    valid one.  ``L10N_NO_CACHE=1`` switches it off.
    """

    def __init__(self, files: Sequence[Path]) -> None:
        self.path: Path | None = None
        self.key = ""
        if cache.disabled():
            return
        try:
            digest = hashlib.sha256(cache.code_fingerprint(CODE).encode())
            digest.update(sys.version.encode())
            for f in files:
                digest.update(f"\0{f.name}\0".encode())
                digest.update(f.read_bytes())
            where = hashlib.sha256("\0".join(str(f.resolve()) for f in files).encode())
        except OSError:
            return  # loading the files reports it
        self.key = digest.hexdigest()
        self.path = cache.folder() / f"glossary-{where.hexdigest()[:16]}.pickle"

    def terms(self) -> list[Term] | None:
        if self.path is None:
            return None
        import pickle

        try:
            with self.path.open("rb") as handle:
                key, terms = pickle.load(handle)
        except Exception:  # missing, unreadable, from another version: a cache miss
            return None
        return terms if key == self.key and isinstance(terms, list) else None

    def keep(self, terms: list[Term]) -> None:
        if self.path is None:
            return
        import pickle

        with contextlib.suppress(L10nError):  # a cache: never worth failing for
            write_atomic(self.path, pickle.dumps((self.key, terms), pickle.HIGHEST_PROTOCOL))
