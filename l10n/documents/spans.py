"""Sentence spans of documents, kept between runs (:class:`SpanCache`).

pysbd takes about a millisecond a paragraph: segmenting an article costs
30-50 ms, and a build of 200 articles in 3 languages spent 83% of its time
segmenting articles that had not changed.  So the spans pysbd found are kept
in the cache folder (:mod:`l10n.cache`), one file per document, named by a
hash of the document's text, its format, the document options and a
fingerprint of the segmenting code (``l10n.segment`` and the installed
pysbd): an unchanged document is never segmented twice, whoever asks for it
(``l10n build``, ``l10n translate``), from whatever path.

Inside, the spans are kept per paragraph (the text ``split_sentences`` was
given), so a file is checked against the text it is used for: a paragraph
it does not hold is segmented again.  A file that is not what
:meth:`SpanCache.keep` writes is no cache at all; ``L10N_NO_CACHE=1``
switches the cache off.  Files of an older fingerprint are removed when the
first file of a new one is written; files of documents since changed stay
until the cache folder is cleared (a few kilobytes each).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from l10n import cache, segment

Spans = list[tuple[int, int]]

# The code whose output is kept: the segmenter and its corrections.
CODE = ("l10n.segment",)
FOLDER = "sentences"


@lru_cache(maxsize=1)
def code_key() -> str | None:
    """A fingerprint of the segmenting code, or None when it cannot be read.

    pysbd stands for itself by its installed file (path, size, mtime change
    when pip installs another version), as :mod:`l10n.morph.cache` does:
    reading its 41 modules would cost more than the cache saves on one
    article.
    """
    try:
        spec = find_spec("pysbd")
        origin = spec.origin if spec is not None else None
        if not origin:
            return None
        info = os.stat(origin)
        parts = [f"{origin}:{info.st_size}:{info.st_mtime_ns}", cache.code_fingerprint(CODE)]
    except (OSError, ImportError, ValueError):
        return None
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def document_key(text: str, kind: str, options: Any) -> str:
    digest = hashlib.sha256(f"{kind}\0{options!r}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class SpanCache:
    """``split_sentences`` for one document, answered from its cache file
    where it can be (:meth:`split`), the file rewritten when anything was
    segmented anew (:meth:`keep`)."""

    def __init__(self, path: Path | None = None, key: str = "") -> None:
        self.path = path
        self.key = key
        self.known: dict[str, Spans] = {}
        self.added = False
        if path is not None:
            data = cache.read_json(path)
            if isinstance(data, dict) and data.get("key") == key:
                self.known = _valid(data.get("spans"))

    @classmethod
    def of(cls, text: str, kind: str, options: Any) -> SpanCache:
        """The cache for a document, or one that keeps nothing when caching
        is off or the code's fingerprint cannot be computed."""
        code = None if cache.disabled() else code_key()
        if code is None:
            return cls()
        key = document_key(text, kind, options)
        return cls(cache.folder() / FOLDER / code[:16] / f"{key[:32]}.json", f"{code}:{key}")

    def split(self, paragraph: str) -> Spans:
        found = self.known.get(paragraph)
        if found is None:
            found = self.known[paragraph] = segment.split_sentences(paragraph)
            self.added = True
        return list(found)

    def keep(self) -> None:
        if self.path is None or not self.added:
            return
        first = not self.path.parent.exists()
        spans = [[paragraph, [list(s) for s in found]] for paragraph, found in self.known.items()]
        cache.write(self.path, {"key": self.key, "spans": spans})  # never fails
        self.added = False
        if first:
            _remove_other_fingerprints(self.path.parent)


def _valid(entries: Any) -> dict[str, Spans]:
    """The spans of a cache file, or nothing if any entry is not what
    :meth:`SpanCache.keep` writes (spans in order, inside their paragraph)."""
    if type(entries) is not list:
        return {}
    known: dict[str, Spans] = {}
    for entry in entries:
        if not (type(entry) is list and len(entry) == 2 and type(entry[0]) is str):
            return {}
        paragraph, found = entry
        if type(found) is not list:
            return {}
        spans: Spans = []
        end = 0
        for span in found:
            if not (
                type(span) is list
                and len(span) == 2
                and all(type(n) is int for n in span)
                and end <= span[0] < span[1] <= len(paragraph)
            ):
                return {}
            spans.append((span[0], span[1]))
            end = span[1]
        known[paragraph] = spans
    return known


def _remove_other_fingerprints(current: Path) -> None:
    """Folders of other code: never read again, so only clutter."""
    with contextlib.suppress(OSError):
        for other in current.parent.iterdir():
            if other != current and other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)
