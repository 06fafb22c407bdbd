"""Forms pymorphy3 produced, kept between runs (see :class:`FormsCache`).

Declining a word takes pymorphy3 0.1-0.5 ms (guessing an unknown name is the
slow part), a 1,000-term glossary about half a second; read back from disk it
takes a few milliseconds, and pymorphy3 need not even be loaded.  Worker
processes of ``l10n check`` hand what they declined to their parent
(:func:`new_cache_entries`, :func:`add_cache_entries`), which keeps the file.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
from pathlib import Path
from typing import Any, ClassVar

from l10n import cache

# The code that computes the cached forms: the whole package, text
# normalisation and the ending tables included (see l10n.cache.source_files).
CODE = ("l10n.morph",)


class FormsCache:
    """Forms pymorphy3 produced for one language, kept between runs.

    The file (``$XDG_CACHE_HOME/l10n/morph-<lang>-<fingerprint>.json``) is keyed
    by the installed pymorphy3 and dictionary files and by the source of
    :data:`CODE`, so any change there starts a fresh cache; it is written at
    exit, atomically, only when something was added.  ``L10N_NO_CACHE=1``
    switches it off.
    """

    _by_lang: ClassVar[dict[str, FormsCache]] = {}
    _registered: ClassVar[bool] = False

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[Any]] = {}
        self.added: dict[str, list[Any]] = {}  # put() in this process
        self.dirty = False
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self.entries = data
            except (OSError, ValueError):
                pass

    @classmethod
    def get(cls, lang: str) -> FormsCache:
        found = cls._by_lang.get(lang)
        if found is None:
            found = cls._by_lang[lang] = cls(cache_path(lang))
        return found

    def put(self, key: str, method: str, forms: dict[str, str]) -> None:
        self.entries[key] = [method, forms]
        self.added[key] = [method, forms]
        if self.path is not None and not self.dirty:
            self.dirty = True
            if not FormsCache._registered:
                FormsCache._registered = True
                atexit.register(FormsCache.save_all)

    @classmethod
    def save_all(cls) -> None:
        for forms_cache in cls._by_lang.values():
            forms_cache.save()

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        from l10n.errors import L10nError
        from l10n.files import write_atomic

        try:
            write_atomic(
                self.path, json.dumps(self.entries, ensure_ascii=False, separators=(",", ":"))
            )
            self.dirty = False
            # Files of other fingerprints were made by other versions: stale.
            lang = self.path.name.split("-")[1]
            for old in self.path.parent.glob(f"morph-{lang}-*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)
        except (L10nError, OSError):
            pass  # a cache: never worth failing for


def new_cache_entries() -> dict[str, dict[str, list[Any]]]:
    """Forms declined in this process so far, per language (a worker process
    hands them to its parent, which keeps the cache file)."""
    return {lang: dict(c.added) for lang, c in FormsCache._by_lang.items() if c.added}


def add_cache_entries(entries: dict[str, dict[str, list[Any]]]) -> None:
    """Take forms another process declined (see :func:`new_cache_entries`)."""
    for lang, added in entries.items():
        forms_cache = FormsCache.get(lang)
        for key, (method, forms) in added.items():
            if key not in forms_cache.entries:
                forms_cache.put(key, method, forms)


def cache_path(lang: str) -> Path | None:
    """The cache file for ``lang``, or None when caching is switched off."""
    if cache.disabled():
        return None
    from importlib.util import find_spec

    # The installed pymorphy3 and dictionary files (path, size, mtime change when
    # pip installs another version; importlib.metadata would cost 25 ms) and
    # the source of the code that computes the forms.
    parts = []
    for package in ("pymorphy3", f"pymorphy3_dicts_{lang}"):
        spec = find_spec(package)
        origin = spec.origin if spec is not None else None
        if origin:
            stat = os.stat(origin)
            parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}")
        else:
            parts.append("-")
    parts.append(cache.code_fingerprint(CODE))
    fingerprint = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    return cache.folder() / f"morph-{lang}-{fingerprint}.json"
