"""Forms of a name's chunks in any glossary language.

The one entry point the glossary needs: :func:`chunk_forms` gives every form
of a chunk with its key, :func:`inflect` puts a chunk into the slot of a key.
Albanian goes to :mod:`l10n.morph.sq`, Russian and Ukrainian to
:mod:`l10n.morph.slavic`; acronyms, Latin-script names in Cyrillic text and
every other language keep their one form (normalised: case, stress marks and
apostrophes aside), so there a name matches as written or as one of the
forms the glossary accepts (:func:`matching` says which a language gets).
"""

from __future__ import annotations

from l10n.morph.slavic import cyrillic_forms, cyrillic_inflect
from l10n.morph.sq import sq_forms, sq_inflect
from l10n.morph.text import CYRILLIC_LANGS, is_acronym, normalize


def chunk_forms(
    chunk: str, lang: str, cls: str | None = None, *, foreign: bool = False
) -> tuple[dict[str, str], str]:
    """(forms, method): every normalised form of one chunk with its key."""
    if is_acronym(chunk) or cls == "none":
        return {normalize(chunk, lang): "base"}, "invariable"
    if lang == "sq":
        return sq_forms(chunk, cls), "sq-table"
    if lang in CYRILLIC_LANGS:
        if not any("а" <= c <= "я" or c in "іїєґё" for c in chunk.lower()):
            return {normalize(chunk, lang): "base"}, "invariable"  # Latin script name
        return cyrillic_forms(chunk, lang, foreign)
    return {normalize(chunk, lang): "base"}, "invariable"


def matching(lang: str) -> str:
    """How names are found in ``lang``, in words for people (``l10n glossary list``)."""
    if lang == "sq":
        return "inflection (ending table)"
    if lang in CYRILLIC_LANGS:
        return "inflection (pymorphy3)"
    return "exact forms + accepted"


def inflect(chunk: str, lang: str, key: str, cls: str | None = None) -> str | None:
    """``chunk`` put into the slot ``key`` (lowercase), or None if we cannot."""
    if is_acronym(chunk) or cls == "none":
        return normalize(chunk, lang)
    if lang == "sq":
        return sq_inflect(chunk, key, cls)
    if lang in CYRILLIC_LANGS:
        forms, _ = chunk_forms(chunk, lang, cls)
        if key == "base" or set(forms.values()) == {"base"}:
            return normalize(chunk, lang)
        # pymorphy3 inflects hyphenated names as a whole (Санкт-Петербурга).
        return cyrillic_inflect(chunk, lang, key)
    return normalize(chunk, lang)
