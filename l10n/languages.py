"""Language identity: the one place that knows what a language code means.

Every stage meets language codes in a different guise: a PO file's
``Language`` header (``uk_UA``), its folder name (``uk-UA``, ``sr@latin``), a
POSIX locale (``uk_UA.UTF-8``), a ``--to`` option, a glossary key.  They must
all agree on which language that is, or a file is checked as one language and
its glossary looked up as another.  So there is one normaliser,
:func:`normalize`, and every module asks it.

Names, Plural-Forms and number symbols come from CLDR through Babel, so any
language gettext knows works the same way as sq, uk and ru; Babel's data is
loaded on first use only, since ``l10n --help`` and most checks need none.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Language codes end where a region, script, modifier or charset begins:
# uk_UA, uk-UA, sr@latin, uk_UA.UTF-8.
_SUBTAG_SEPARATOR = re.compile(r"[_\-@.]")


@lru_cache(maxsize=256)
def normalize(code: str) -> str:
    """The base language of a locale code: 'uk' for 'uk', 'uk_UA', 'uk-UA', 'UK'."""
    return _SUBTAG_SEPARATOR.split(code.strip(), maxsplit=1)[0].lower()


@lru_cache(maxsize=256)
def name(code: str) -> str:
    """The English name of a language ('Ukrainian'), or the code itself."""
    from babel import Locale

    return Locale("en").languages.get(code) or code


@lru_cache(maxsize=256)
def plural_forms(code: str) -> str | None:
    """CLDR's Plural-Forms header value for a language, when CLDR knows it."""
    from babel import UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        return get_plural(code).plural_forms
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=256)
def number_symbols(code: str) -> tuple[str, str]:
    """The decimal and group separators a language writes numbers with
    (``(",", "\u00a0")`` for uk), from CLDR; English's when CLDR has none."""
    from babel import Locale, UnknownLocaleError

    try:
        symbols = Locale.parse(code).number_symbols["latn"]
    except (UnknownLocaleError, ValueError, KeyError):
        return ".", ","
    return symbols["decimal"], symbols["group"]


# POSIX locale modifiers that name a script (sr_RS@latin, uz_UZ@cyrillic).
_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl"}


@lru_cache(maxsize=256)
def script(code: str) -> str | None:
    """The ISO 15924 script a locale code writes its language in: ``Cyrl`` for
    uk, ru, bg, kk, sr and sr-Cyrl, ``Latn`` for sq, sr-Latn and sr@latin.

    A script subtag or modifier in the code decides; otherwise CLDR's likely
    subtags, for the code's region first (sr_ME is Latin, sr_RS Cyrillic), so
    any language Babel knows gets its usual script.  None when CLDR has none.
    """
    head, _, modifier = code.strip().partition("@")
    if modifier.lower() in _SCRIPT_MODIFIERS:
        return _SCRIPT_MODIFIERS[modifier.lower()]
    subtags = re.split(r"[_\-]", head.split(".", 1)[0])
    lang, rest = subtags[0].lower(), subtags[1:]
    for tag in rest:
        if len(tag) == 4 and tag.isalpha():
            return tag.title()
    from babel.core import get_global

    likely = get_global("likely_subtags")
    regions = [tag.upper() for tag in rest if len(tag) == 2 and tag.isalpha()]
    for key in (*(f"{lang}_{r}" for r in regions), lang):
        found = likely.get(key)
        if found:
            parts = found.split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                return parts[1]
    return None


# ISO 639-1, the codes gettext's Language header and Argos packages use.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho
    hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv
    kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr
    nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq
    sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh
    yi yo za zh zu""".split()  # noqa: SIM905
)


@lru_cache(maxsize=256)
def is_known(code: str) -> bool:
    """Whether ``code`` names a language: ISO 639-1, or a code CLDR knows
    (three-letter ones such as ``fil`` or ``ast``)."""
    if code in ISO_639_1:
        return True
    if not code.isascii() or not code.isalpha() or not code.islower():
        return False
    from babel import localedata

    return localedata.exists(code)
