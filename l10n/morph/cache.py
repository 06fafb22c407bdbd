"""Forms pymorphy3 produced, kept between runs (see :class:`FormsCache`).

Declining a word takes pymorphy3 0.1-0.5 ms (guessing an unknown name is the
slow part), a 1,000-term glossary about half a second; read back from disk it
takes a few milliseconds, and pymorphy3 need not even be loaded.  Worker
processes of ``l10n check`` hand what they declined to their parent
(:func:`new_cache_entries`, :func:`add_cache_entries`), which keeps the file.

The file is data from outside this run (CI restores the cache folder), so
every entry is checked when it is read: one that is not [method, {form:
key}] is dropped, declined again and written back; a file that is not what
:meth:`FormsCache.save` writes is no cache at all.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
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
    :data:`CODE`, so any change there starts a fresh cache; the whole key is
    also inside, and a file with another is not read.  It is written at exit,
    atomically, only when something was added.  ``L10N_NO_CACHE=1`` switches
    it off.
    """

    _by_lang: ClassVar[dict[str, FormsCache]] = {}
    _registered: ClassVar[bool] = False

    def __init__(self, path: Path | None, key: str = "") -> None:
        self.path = path
        self.key = key
        self.entries: dict[str, list[Any]] = {}
        self.added: dict[str, list[Any]] = {}  # put() in this process
        self.dirty = False
        if path is not None:
            data = cache.read_json(path)
            if isinstance(data, dict) and data.get("key") == key:
                self.entries = _valid_entries(data.get("entries"))

    @classmethod
    def get(cls, lang: str) -> FormsCache:
        found = cls._by_lang.get(lang)
        if found is None:
            found = cls._by_lang[lang] = cls(*(_location(lang) or (None, "")))
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
        cache.write(self.path, {"key": self.key, "entries": self.entries})  # never fails
        self.dirty = False
        # Files of other fingerprints were made by other versions: stale.
        lang = self.path.name.split("-")[1]
        with contextlib.suppress(OSError):
            for old in self.path.parent.glob(f"morph-{lang}-*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)


def _valid_entries(entries: Any) -> dict[str, list[Any]]:
    """The entries of a cache file that have the shape :meth:`FormsCache.put`
    gives them; the others are left out, so they are declined again."""
    if type(entries) is not dict:
        return {}
    return {
        key: entry
        for key, entry in entries.items()
        if type(entry) is list
        and len(entry) == 2
        and type(entry[0]) is str
        and type(entry[1]) is dict
        and entry[1]
        and all(type(k) is str and k and type(v) is str for k, v in entry[1].items())
    }


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
    location = _location(lang)
    return location[0] if location else None


def _location(lang: str) -> tuple[Path, str] | None:
    """(the cache file for ``lang``, its key), or None when caching is off or
    the key cannot be computed."""
    if cache.disabled():
        return None
    from importlib.util import find_spec

    # The installed pymorphy3 and dictionary files (path, size, mtime change when
    # pip installs another version; importlib.metadata would cost 25 ms) and
    # the source of the code that computes the forms.
    parts = []
    try:
        for package in ("pymorphy3", f"pymorphy3_dicts_{lang}"):
            spec = find_spec(package)
            origin = spec.origin if spec is not None else None
            if origin:
                stat = os.stat(origin)
                parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}")
            else:
                parts.append("-")
        parts.append(cache.code_fingerprint(CODE))
    except (OSError, ImportError, ValueError):
        return None  # a broken install: decline without a cache
    key = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return cache.folder() / f"morph-{lang}-{key[:16]}.json", key
