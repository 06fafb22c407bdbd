"""Language identity: the one place that knows what a language code means.

Every stage meets language codes in a different guise: a PO file's
``Language`` header (``uk_UA``), its folder name (``uk-UA``, ``sr@latin``), a
POSIX locale (``uk_UA.UTF-8``), a ``--to`` option, a glossary key.  They must
all agree on which language that is, or a file is checked as one language and
its glossary looked up as another.  So there is one normaliser,
:func:`normalize`, and every module asks it.

The tables here (names and Plural-Forms) are the gettext/CLDR values for the
languages l10n has been used with; a language missing from them still works,
it only lacks a display name and a Plural-Forms header.
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


# Display names, for messages ("not Ukrainian") and the Language-Team header.
NAMES = {
    "sq": "Albanian",
    "uk": "Ukrainian",
    "ru": "Russian",
    "en": "English",
    "bg": "Bulgarian",
    "mk": "Macedonian",
    "be": "Belarusian",
    "sr": "Serbian",
    "it": "Italian",
    "hr": "Croatian",
    "sl": "Slovenian",
    "ro": "Romanian",
    "tr": "Turkish",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ar": "Arabic",
    "cs": "Czech",
    "ja": "Japanese",
    "zh": "Chinese",
}


def name(code: str) -> str:
    """The English name of a language ('Ukrainian'), or the code itself."""
    return NAMES.get(code, code)


# Plural-Forms as in the CLDR/gettext tables (gettext's PO header conventions).
_SLAVIC_EAST = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "sq": "nplurals=2; plural=(n != 1);",
    "uk": _SLAVIC_EAST,
    "ru": _SLAVIC_EAST,
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sr": _SLAVIC_EAST,
    "mk": "nplurals=2; plural=(n==1 || n%10==1 ? 0 : 1);",
    "tr": "nplurals=2; plural=(n != 1);",
}


def plural_forms(code: str) -> str | None:
    """The Plural-Forms header value for a language, when it is known."""
    return PLURAL_FORMS.get(code)


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


def is_known(code: str) -> bool:
    """Whether ``code`` is an ISO 639-1 language code."""
    return code in ISO_639_1
