"""The terms of a glossary as last loaded, kept between runs (:class:`LoadCache`).

Parsing and validating a 1,000-term TOML glossary takes about 70 ms, as long
as checking 10,000 PO entries' numbers; reading its terms back from JSON, and
checking them, about 6 ms.  JSON, not pickle, because the cache folder may
come from elsewhere (CI restores it): reading it must never run code, and a
file that is not exactly what :meth:`LoadCache.keep` writes is a cache miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from l10n import cache, languages
from l10n.glossary.model import LangForms, Term
from l10n.morph.sq import INFLECT_CLASSES

# The code that turns glossary files into terms: reading and decoding the
# files, the readers, validation (which splits and normalises words with
# l10n.morph) and the records kept.  Whole packages, so that a module added
# to either is covered too (see l10n.cache.source_files).
CODE = ("l10n.glossary", "l10n.morph", "l10n.textfile", "l10n.tomlfile")


_R = TypeVar("_R")


class _Malformed(ValueError):
    """The cache file is not what :func:`_encode` writes."""


class LoadCache:
    """The cache file of one glossary location.

    The file (``$XDG_CACHE_HOME/l10n/glossary-<where>.json``, one per
    glossary location) holds the terms with a key: a hash of the files' paths
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
                # The path as given: the terms' sources ("glossary/names.toml:12") name it.
                digest.update(f"\0{f}\0".encode())
                digest.update(f.read_bytes())
            where = hashlib.sha256("\0".join(str(f.resolve()) for f in files).encode())
        except (OSError, ValueError):
            return  # loading the files reports it
        self.key = digest.hexdigest()
        self.path = cache.folder() / f"glossary-{where.hexdigest()[:16]}.json"

    def terms(self) -> list[Term] | None:
        """The kept terms, or None: no file, another key, or not our format."""
        if self.path is None:
            return None
        data = cache.read_json(self.path)
        if not isinstance(data, dict) or data.get("key") != self.key:
            return None
        try:
            return _decode(data.get("terms"))
        except _Malformed:
            return None

    def keep(self, terms: list[Term]) -> None:
        if self.path is None:
            return
        cache.write(self.path, {"key": self.key, "terms": [_encode(t) for t in terms]})
        # The pickle earlier versions kept: never read, so only clutter.
        with contextlib.suppress(OSError):
            self.path.with_suffix(".pickle").unlink(missing_ok=True)


# --- the file format ------------------------------------------------------------------
#
# A term is [en, variants, dnt, note, source, {lang: [canonical, accepted,
# forbidden, inflect]}], keyed by language codes (as validate.build_term
# makes them; the terms are fitted to the project's languages after loading).
# Lists rather than objects: no key names repeated 4,000 times.  Reading
# checks what the glossary code relies on, not only the types: every name
# and form has a word (a form without one breaks matching), the inflection
# class is known.  Terms that do not fit the project's languages are parsed
# again from the files (load_glossary), so a file that lost a form is a miss.

# A letter or digit: what makes validation's tokenize find a word (a form of
# combining marks alone, which it also takes, is a cache miss: parsed again).
_HAS_WORD = re.compile(r"[^\W_]").search


def _encode(term: Term) -> list[Any]:
    forms = {
        lang: [f.canonical, list(f.accepted), list(f.forbidden), f.inflect]
        for lang, f in term.forms.items()
    }
    return [term.en, list(term.en_variants), term.dnt, term.note, term.source, forms]


def _decode(rows: Any) -> list[Term]:
    if type(rows) is not list:
        raise _Malformed
    return [_term(row) for row in rows]


def _term(row: Any) -> Term:
    if type(row) is not list or len(row) != 6:
        raise _Malformed
    en, variants, dnt, note, source, forms = row
    if type(dnt) is not bool or type(note) is not str or type(source) is not str:
        raise _Malformed
    if type(forms) is not dict or not all(
        type(lang) is str and languages.is_known(lang) for lang in forms
    ):
        raise _Malformed
    return _record(
        Term,
        {
            "en": _name(en),
            "en_variants": _names(variants),
            "forms": {lang: _lang_forms(value) for lang, value in forms.items()},
            "dnt": dnt,
            "note": note,
            "source": source,
        },
    )


def _lang_forms(value: Any) -> LangForms:
    if type(value) is not list or len(value) != 4:
        raise _Malformed
    canonical, accepted, forbidden, inflect = value
    if inflect is not None and (type(inflect) is not str or inflect not in INFLECT_CLASSES):
        raise _Malformed
    return _record(
        LangForms,
        {
            "canonical": _name(canonical),
            "accepted": _names(accepted),
            "forbidden": _names(forbidden),
            "inflect": inflect,
        },
    )


def _name(value: Any) -> str:
    if type(value) is not str or not _HAS_WORD(value):
        raise _Malformed
    return value


def _names(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise _Malformed
    for x in value:  # mostly empty: a loop costs less than all() here
        if type(x) is not str or not _HAS_WORD(x):
            raise _Malformed
    return tuple(value)


def _record(cls: type[_R], fields: dict[str, Any]) -> _R:
    """A record made as unpickling makes it, without calling ``__init__``: the
    fields are checked above, and the ``__init__`` of a frozen dataclass (a
    setattr per field) would take longer than all the rest of reading the file."""
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record
