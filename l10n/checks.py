"""The QA checks: what a reviewer should not have to catch by eye.

Each check is a small function over one translated entry (see
:mod:`l10n.check`), in the spirit of Translate Toolkit's ``pofilter``,
Weblate's checks and Xbench, tuned for news text translated from English into
Albanian (sq), Ukrainian (uk) and Russian (ru).  The guiding rule is that false
alarms must be rare: when a rule cannot tell a mistake from a legitimate
choice, it stays silent (or reports a warning, which never fails CI).

==================  ========  ================================================
check               severity  what it reports
==================  ========  ================================================
``numbers``         error     a number of the source missing in the translation
``extra-numbers``   warning   a number in the translation that the source lacks
``language``        error     the translation is not in the target language
``untranslated``    error     the translation is the English source unchanged
``punctuation``     error     sentence-final punctuation lost, added or changed
``whitespace``      error     leading/trailing whitespace differs from the source
``spacing``         warning   doubled spaces, a space before , . ; : ! ? )
``quotes``          error     straight or foreign quotation marks, mixed styles
``length``          warning   a translation far shorter or longer than expected
==================  ========  ================================================

Severities: a check is an *error* when what it finds is wrong in the published
article nearly every time (a lost number, English left in, a missing full
stop, a stray edge space or newline that Poedit does not show and the build
copies into the article); it is a *warning* when the finding is a hint that often
has a good reason (an extra number the translator spelled out, a long
paraphrase, a typographic slip the build would not notice).

Every check can be switched off for one entry with the flag
``ignore-<name>`` (``#, ignore-numbers``), handled by :func:`l10n.check.run_checks`.

The glossary, when there is one, is only used for its do-not-translate terms
(``ctx.glossary.terms``, each with ``.en``, ``.en_variants`` and ``.dnt``):
they may stay in Latin script and untranslated.

Known limits, all on the side of silence:

- ``numbers`` does not convert units or clock times ("5 p.m." -> "17:00",
  "10 miles" -> "16 км" are reported: use ``ignore-numbers``), and accepts
  number words in the translation for 1-10 only ("четверо", "tri").
- ``language`` cannot tell a short Russian line without ы, э, ё from
  Ukrainian ("Курск становится кошмаром Путина" in a uk file passes); from 40
  letters on, langdetect decides such cases.
- ``untranslated`` in Albanian accepts identical capitalized words that are
  not common English words (a built-in list plus every word the file's
  sources also write in lowercase): an English title in Title Case made only
  of rare words may pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from l10n import languages
from l10n.check import CheckContext, Problem, Severity, Unit, register


def _lang(ctx: CheckContext) -> str:
    """'uk' for 'uk', 'uk_UA', 'uk-UA'."""
    return languages.normalize(ctx.lang or "")


def _state(ctx: CheckContext, name: str) -> dict[str, Any]:
    """Per-file scratch space of the check ``name`` (see CheckContext.cache)."""
    state = ctx.cache.get(name)
    if not isinstance(state, dict):
        state = ctx.cache[name] = {}
    return state


def _words(text: str) -> list[str]:
    """Whitespace-separated words of a literal: keeps long word lists readable."""
    return text.split()


def _norm_space(text: str) -> str:
    return " ".join(text.split())


def _same_text(source: str, translation: str) -> bool:
    """The translation is the source, but for case and spacing (language, untranslated)."""
    # Equal texts end in the same word: most pairs are told apart by it alone.
    last, other_last = source.rsplit(maxsplit=1), translation.rsplit(maxsplit=1)
    if last and other_last and last[-1].casefold() != other_last[-1].casefold():
        return False
    return _same_normalised_text(source, translation)


@lru_cache(maxsize=256)
def _same_normalised_text(source: str, translation: str) -> bool:
    return _norm_space(translation).casefold() == _norm_space(source).casefold()


# --- scripts and tokens shared by several checks ----------------------------


@cache
def _script(ch: str) -> str:
    """'latin', 'cyrillic', 'other' for a letter; '' for anything else."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return "other"


_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_HASHTAG = re.compile(r"[#@]\w+")
# All-caps Latin acronyms and dotted abbreviations: GIZ, DW, EU, APL, U.S., COVID-19.
_ACRONYM = re.compile(r"(?<!\w)(?:[A-Z]\.){2,}|(?<!\w)[A-Z][A-Z0-9&]*[A-Z](?:-?\d+)?(?!\w)")
# A word: letters, with inner apostrophes or hyphens (п’ять, об’єкт, co-financed).
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_ASCII_UPPER = re.compile(r"[A-Z]")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


# glossary id -> (the glossary, its do-not-translate forms): computed once per
# glossary rather than once per file.
_DNT_FORMS: dict[int, tuple[object, list[str]]] = {}


def _dnt_strings(ctx: CheckContext) -> list[str]:
    """English forms of the glossary's do-not-translate terms, longest first."""
    cached = _DNT_FORMS.get(id(ctx.glossary))
    if cached is not None and cached[0] is ctx.glossary:
        return cached[1]
    forms = _collect_dnt_strings(ctx.glossary)
    _DNT_FORMS.clear()  # one glossary per run, as a rule: keep only the last
    _DNT_FORMS[id(ctx.glossary)] = (ctx.glossary, forms)
    return forms


def _collect_dnt_strings(glossary: Any) -> list[str]:
    terms = getattr(glossary, "terms", None) or ()
    found: set[str] = set()
    for term in terms:
        if not getattr(term, "dnt", False):
            continue
        for form in (getattr(term, "en", ""), *(getattr(term, "en_variants", ()) or ())):
            if isinstance(form, str) and form.strip():
                found.add(form.strip())
    return sorted(found, key=len, reverse=True)


@cache
def _compile_dnt(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    r"""All do-not-translate forms as one regex, longest first, compiled once per
    set of forms (so once per glossary), not per file or entry.

    The matches are those of ``(?<!\w)(?:A|B|…)(?!\w)``, but each alternative
    starts with its literal first character and tests the boundary before it
    right after (``A(?<!\w.)…``): then every alternative starts with a literal,
    and the regex engine skips ahead to the positions holding one of those
    first characters instead of trying every alternative at every position.
    """
    if not forms:
        return None
    alternatives = (re.escape(f[0]) + r"(?<!\w.)" + re.escape(f[1:]) for f in forms)
    return re.compile(r"(?s:" + "|".join(alternatives) + r")(?!\w)")


def _dnt_pattern(ctx: CheckContext, owner: str) -> re.Pattern[str] | None:
    """One regex for all do-not-translate terms, looked up once per file."""
    state = _state(ctx, owner)
    if "dnt" not in state:
        state["dnt"] = _compile_dnt(tuple(_dnt_strings(ctx)))
    return state["dnt"]


def _may_hold_urls_or_tags(text: str) -> bool:
    """Whether ``text`` could hold a URL, an e-mail address or a hashtag
    (_URL and _HASHTAG match nothing without one of these), at the cost of a
    few substring searches."""
    return (
        "#" in text
        or "@" in text
        or "://" in text
        or (("w" in text or "W" in text) and "www." in text.lower())
    )


def _strip_names(text: str, ctx: CheckContext, owner: str) -> str:
    """Remove what may legitimately stay as in the English source.

    URLs, e-mail addresses, hashtags, do-not-translate terms and all-caps
    acronyms; what is left is the text whose language is judged.
    """
    if _may_hold_urls_or_tags(text):  # (they match nothing otherwise)
        text = _HASHTAG.sub(" ", _URL.sub(" ", text))
    dnt = _dnt_pattern(ctx, owner)
    if dnt is not None:
        text = dnt.sub(" ", text)
    if _ASCII_UPPER.search(text) is None:
        return text  # no acronym without a capital A-Z
    return _ACRONYM.sub(" ", text)


def _has_upper(word: str) -> bool:
    return any(c.isupper() for c in word)


# English words that show a Latin text is English rather than Albanian.  Words
# that are also Albanian ("a", "e", "i", "me", "do", "at", "as", "se") are not
# in the list.
EN_MARKERS = frozenset(
    _words(
        """
    the of and to is are was were for with that this these those from about by has have had
    not will would which their his her they it its on an be been or but who what when after
    into than there been said read ago could should also more most our your we you he she
    him them how all were being over under while because between against during without
    """
    )
)


# --- numbers ---------------------------------------------------------------------

# Written-out multipliers next to digits: "40 thousand", "40 тисяч", "1,5 млн".
_SCALE_WORDS = {
    "thousand": 1000,
    "thousands": 1000,
    "k": 1000,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}
_TARGET_SCALES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p, re.IGNORECASE), v)
    for p, v in (
        (r"(?:тис|тыс)(?:яч\w*)?\.?$|mij[eë]\w*$", 1000),
        (r"(?:мільйон|миллион|milion)\w*$|млн\.?$|mln\.?$", 10**6),
        (r"(?:мільярд|миллиард|miliard)\w*$|млрд\.?$|mld\.?$", 10**9),
        (r"(?:трильйон|триллион|trilion)\w*$|трлн\.?$", 10**12),
    )
)

# Small numbers a translator may write as words ("4 were killed" ->
# "четверо загинули"); accepted for 1-10 only.
_TARGET_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "uk": {
        **dict.fromkeys(
            _words("один одна одне одного одної одному одній одним одною одні одних"), 1
        ),
        **dict.fromkeys(_words("два дві двох двом двома двоє"), 2),
        **dict.fromkeys(_words("три трьох трьом трьома троє"), 3),
        **dict.fromkeys(_words("чотири чотирьох чотирьом чотирма четверо"), 4),
        **dict.fromkeys(_words("п'ять п'яти п'ятьох п'ятьом п'ятьма п'ятьома п'ятеро"), 5),
        **dict.fromkeys(_words("шість шести шістьох шістьом шістьма шістьома шестеро"), 6),
        **dict.fromkeys(_words("сім семи сімох сімом сьома сімома семеро"), 7),
        **dict.fromkeys(_words("вісім восьми вісьмох вісьмом вісьма вісьмома восьмеро"), 8),
        **dict.fromkeys(_words("дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма дев'ятеро"), 9),
        **dict.fromkeys(_words("десять десяти десятьох десятьом десятьма десятеро"), 10),
    },
    "ru": {
        **dict.fromkeys(
            _words("один одна одно одного одной одному одним одною одни одних одном"), 1
        ),
        **dict.fromkeys(_words("два две двух двум двумя двое"), 2),
        **dict.fromkeys(_words("три трёх трех трём трем тремя трое"), 3),
        **dict.fromkeys(_words("четыре четырёх четырех четырём четырем четырьмя четверо"), 4),
        **dict.fromkeys(_words("пять пяти пятью пятеро"), 5),
        **dict.fromkeys(_words("шесть шести шестью шестеро"), 6),
        **dict.fromkeys(_words("семь семи семью семеро"), 7),
        **dict.fromkeys(_words("восемь восьми восемью восьмью восьмеро"), 8),
        **dict.fromkeys(_words("девять девяти девятью девятеро"), 9),
        **dict.fromkeys(_words("десять десяти десятью десятеро"), 10),
    },
    "sq": {
        **dict.fromkeys(["një"], 1),
        **dict.fromkeys(["dy"], 2),
        **dict.fromkeys(["tre", "tri"], 3),
        **dict.fromkeys(["katër"], 4),
        **dict.fromkeys(["pesë"], 5),
        **dict.fromkeys(["gjashtë"], 6),
        **dict.fromkeys(["shtatë"], 7),
        **dict.fromkeys(["tetë"], 8),
        **dict.fromkeys(["nëntë"], 9),
        **dict.fromkeys(["dhjetë"], 10),
    },
}

# English number words, ordinals, fractions and months in the source: a
# translator may write them as digits ("six months" -> "6 місяців", "World War
# II" -> "2-ї світової", "August 6" -> "06.08."), so such digits in the
# translation are not "extra".
_EN_UNITS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_EN_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_EN_ORDINALS = _words(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_EN_WORD_VALUES: dict[str, int] = {
    **{w: i for i, w in enumerate(_EN_UNITS)},
    **{w: 20 + 10 * i for i, w in enumerate(_EN_TENS)},
    **{w: i for i, w in enumerate(_EN_ORDINALS) if i},
    **{w[:-1] + "ieth": 20 + 10 * i for i, w in enumerate(_EN_TENS)},
    "hundred": 100,
    "hundredth": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousandth": 1000,
    "thousands": 1000,
    "million": 10**6,
    "millions": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "once": 1,
    "twice": 2,
    "dozen": 12,
    "dozens": 12,
    "a": 1,
    "an": 1,
}
_EN_FRACTIONS: dict[str, tuple[str, ...]] = {
    "half": ("0.5", "50", "1", "2"),
    "halves": ("2",),
    "third": ("3", "33", "1"),
    "thirds": ("3", "2", "66", "67"),
    "quarter": ("4", "25", "1"),
    "quarters": ("4", "3", "75"),
    "fifth": ("5", "20", "1"),
    "tenth": ("10", "1"),
    "percent": ("100",),
    "double": ("2",),
    "triple": ("3",),
}
_EN_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for m in names.split()
}
_IMPLICIT_TOKEN = re.compile(r"[A-Za-z]+|[^\sA-Za-z\-]")
_IMPLICIT_WORDS = frozenset(_EN_FRACTIONS) | frozenset(_EN_MONTHS) | frozenset(_EN_WORD_VALUES)
_ROMAN = re.compile(r"(?<![\w])[IVXLCDM]{1,7}(?![\w])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# English: "1,250", "1.5", "4000"; dates ("August 6, 2024") and ranges
# ("2002-2025") fall apart into their numbers.
_SOURCE_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Target: also "1 250" with a space, a no-break space (U+00A0), a narrow
# no-break space (U+202F) or a thin space (U+2009) before a group of three.
_TARGET_NUMBER = re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*")
# (Both are only used to scan a whole text from its start, so a match never starts
# right after a digit: every match ends before a non-digit.  A (?<!\d) would
# say so again, at twice the cost.)
_NEXT_WORD = re.compile(r"[\s\u00a0\u202f]*-?([^\W\d_]+\.?)")
_YEAR_RANGE_START = re.compile(r"(?<!\d)(1[89]|20)\d\d\s?[-–/]\s?$")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![^\W\d_])", re.IGNORECASE)
_GROUP_SEPS = " \u00a0\u202f\u2009"
_NUMBER_PARTS = re.compile(r"[.,]")


def _plain_subset(
    text: str, pattern: re.Pattern[str], other: str, other_pattern: re.Pattern[str]
) -> bool:
    """Whether every number of ``text`` is a plain digit run ("12", "2024") that
    ``other`` has too, as a plain digit run.

    A plain digit run stands for its own value in the source and in a
    translation alike, so then the numbers checks have nothing to say, and
    the usual entry is settled without parsing values, scales or separators.
    """
    numbers = _number_tokens(text, pattern)
    if not numbers:
        return True
    if not all(map(str.isdecimal, numbers)):
        return False
    others = _number_tokens(other, other_pattern)
    return all(map(str.isdecimal, others)) and set(numbers).issubset(others)


@lru_cache(maxsize=8)  # numbers and extra-numbers ask for the same two, in turn
def _number_tokens(text: str, pattern: re.Pattern[str]) -> list[str]:
    return pattern.findall(text)


@lru_cache(maxsize=4096)
def _canon(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _scale_after(text: str, end: int, target: bool) -> int:
    """The multiplier written right after a number ('thousand', 'тисяч'), or 1."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return 1
    word = m.group(1).lower()
    if not target:
        return _SCALE_WORDS.get(word.rstrip("."), 1)
    return _target_scale(word)


@lru_cache(maxsize=4096)
def _target_scale(word: str) -> int:
    for pattern, value in _TARGET_SCALES:
        if pattern.match(word):
            return value
    return 1


def _source_values(token: str) -> set[str] | None:
    """The value of an English number token, or None when it is no single number."""
    values = _source_values_of(token)
    return None if values is None else set(values)


@lru_cache(maxsize=4096)
def _source_values_of(token: str) -> frozenset[str] | None:
    groups = re.split(r"[.,]", token)
    seps = re.findall(r"[.,]", token)
    if not seps:
        return frozenset({_canon(Decimal(token))})
    commas = [i for i, s in enumerate(seps) if s == ","]
    dots = [i for i, s in enumerate(seps) if s == "."]
    if len(dots) > 1:
        return None  # 06.08.2024, a version number: its parts are counted
    int_groups = groups[: dots[0] + 1] if dots else groups
    if commas and not (len(int_groups[0]) <= 3 and all(len(g) == 3 for g in int_groups[1:])):
        return None  # "1,5" is no English number: its parts are counted
    whole = "".join(int_groups)
    frac = groups[-1] if dots else ""
    value = _dec(f"{whole}.{frac}" if frac else whole)
    return frozenset({_canon(value)}) if value is not None else None


def _target_values(token: str) -> set[str]:
    """Every value a number token can stand for (see :func:`_target_values_of`)."""
    return set(_target_values_of(token))


@lru_cache(maxsize=4096)
def _target_values_of(token: str) -> frozenset[str]:
    """Every value a number token in an sq/uk/ru translation can stand for.

    Deliberately lenient (each digit group also counts on its own), because the
    check is about numbers that went missing, not about number formatting.
    The one strictness kept: a comma is a decimal mark in all three languages,
    so an English "1,250" left in the translation does not count as 1250.
    """
    groups = re.split(r"[.,\s\u00a0\u202f\u2009]", token)
    seps = re.findall(r"[.,\s\u00a0\u202f\u2009]", token)
    values = {_canon(Decimal(g)) for g in groups}
    if not seps:
        return frozenset(values)
    decimal_at = len(seps) - 1 if seps[-1] in ",." and seps.count(seps[-1]) == 1 else None
    int_groups = groups if decimal_at is None else groups[: decimal_at + 1]
    int_seps = seps if decimal_at is None else seps[:decimal_at]
    grouped = (
        len(int_groups[0]) <= 3
        and all(len(g) == 3 for g in int_groups[1:])
        and all(s in _GROUP_SEPS or s == "." for s in int_seps)
        and len(set(int_seps)) <= 1
    )
    if decimal_at is not None and (grouped or len(int_groups) == 1):
        whole = "".join(int_groups)
        values.add(_canon(Decimal(f"{whole}.{groups[-1]}")))
    if grouped and int_seps:
        values.add(_canon(Decimal("".join(int_groups))))
    if len(seps) == 1 and seps[0] in _GROUP_SEPS + "." and len(groups[1]) == 3:
        values.add(_canon(Decimal("".join(groups))))  # 1 250, 1.250
    return frozenset(values)


@dataclass(frozen=True)
class _Number:
    text: str  # as written
    values: frozenset[str]  # what it may stand for
    required: bool = True


@lru_cache(maxsize=256)
def _source_numbers(text: str) -> tuple[_Number, ...]:
    numbers = []
    for m in _SOURCE_NUMBER.finditer(text):
        token = m.group()
        values = _source_values(token)
        if values is None:
            for part in re.split(r"[.,]", token):
                numbers.append(_Number(part, frozenset({_canon(Decimal(part))})))
            continue
        scale = _scale_after(text, m.end(), target=False)
        if scale > 1:
            values |= {_canon(Decimal(v) * scale) for v in values}
        year = _YEAR_RANGE_START.search(text, 0, m.start()) if len(token) == 2 else None
        if year:
            values.add(year.group(1) + token)  # "2024-25" -> 2024–2025
        # "1st", "21st century" -> "XXI століття", "перший": not demanded.
        ordinal = bool(_ORDINAL_SUFFIX.match(text, m.end()))
        numbers.append(_Number(token, frozenset(values), required=not ordinal))
    return tuple(numbers)


@lru_cache(maxsize=256)
def _target_numbers(text: str, lang: str) -> tuple[_Number, ...]:
    """Numbers in a translation: digits (as :func:`_target_digit_numbers`), then
    number words (1-10) of the language."""
    numbers = list(_target_digit_numbers(text, lang))
    words = _TARGET_NUMBER_WORDS.get(lang)
    if words:
        for word in _WORD.findall(text):
            value = words.get(_number_word_key(word))
            if value is not None:
                numbers.append(_Number(word, frozenset({str(value)}), required=False))
    return tuple(numbers)


@lru_cache(maxsize=256)
def _target_digit_numbers(text: str, lang: str) -> tuple[_Number, ...]:
    """The numbers written in digits in a translation."""
    numbers = []
    for m in _TARGET_NUMBER.finditer(text):
        token = m.group()
        values = _target_values(token)
        if lang == "en":  # an English target: "1,250" is 1250
            values |= _source_values(token) or set()
        scale = _scale_after(text, m.end(), target=True)
        if scale > 1:
            values |= {_canon(Decimal(v) * scale) for v in values}
        numbers.append(_Number(token, frozenset(values)))
    return tuple(numbers)


@lru_cache(maxsize=8192)
def _number_word_key(word: str) -> str:
    return word.lower().translate(_APOSTROPHES)


def _roman_value(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if total > 0 and _to_roman(total) == text else None


def _to_roman(value: int) -> str:
    out = []
    for v, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= v:
            out.append(s)
            value -= v
    return "".join(out)


@lru_cache(maxsize=256)
def _implicit_source_values(text: str) -> frozenset[str]:
    """Numbers the English source says without digits (words, Roman numerals, months)."""
    values: set[str] = set()
    run: list[int] = []

    def flush() -> None:
        # "forty thousand" -> 40000, "twenty-five" -> 25, "a million" -> 1000000
        if not run:
            return
        total, current = 0, 0
        for v in run:
            if v >= 1000:
                total += max(current, 1) * v
                current = 0
            elif v == 100:
                current = max(current, 1) * 100
            else:
                current += v
        values.add(str(total + current))
        run.clear()

    # Punctuation ends a run: "forty thousand, twenty-five" is 40000 and 25.
    for word in _IMPLICIT_TOKEN.findall(text):
        low = word.lower()
        if low not in _IMPLICIT_WORDS:  # the usual case: no number word
            if run and low != "and":
                flush()
            continue
        if low in _EN_FRACTIONS:
            values.update(_EN_FRACTIONS[low])
        if low in _EN_MONTHS and (low != "may" or word == "May"):
            values.add(str(_EN_MONTHS[low]))
        value = _EN_WORD_VALUES.get(low)
        if value is None or (low in ("a", "an") and run):
            if low != "and":
                flush()
            continue
        values.add(str(value))
        run.append(value)
    flush()
    if "zero" not in text.lower():
        values.discard("0")
    for m in _ROMAN.finditer(text):
        value = _roman_value(m.group())
        if value is not None:
            values.add(str(value))
    return frozenset(values)


def _hint_for(number: _Number, found: list[_Number], lang: str) -> str:
    """Explain an English-style "1,250" left in the translation."""
    for t in found:
        if "," in t.text and t.text.replace(",", "") in number.values:
            dec = _canon(Decimal(t.text.replace(",", ".", 1))) if t.text.count(",") == 1 else ""
            reads = f" reads as {dec.replace('.', ',')}" if dec else " is not a number"
            sep = "." if lang == "sq" else " "
            grouped = f"{int(t.text.replace(',', '')):,}".replace(",", sep)
            return (
                f': "{t.text}"{reads} in {languages.name(lang)}, '
                "where the comma is the decimal mark"
                f' (write "{grouped}" or "{t.text.replace(",", "")}")'
            )
    return ""


@register(
    "numbers",
    Severity.ERROR,
    "Every number in the source appears in the translation. Target-language digit grouping "
    "and decimal marks (1 250, 1.250, 1,5), dates (6 серпня 2024), ranges (2002–2025) and "
    "'40 thousand' written as '40 тисяч' or '40 000' are accepted.",
)
def check_numbers(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    if _plain_subset(unit.msgid, _SOURCE_NUMBER, unit.msgstr, _TARGET_NUMBER):
        return  # the usual case: the source's plain numbers are all in the translation
    source = [n for n in _source_numbers(unit.msgid) if n.required]
    if not source:
        return
    lang = _lang(ctx)
    digits = _target_digit_numbers(unit.msgstr, lang)
    if digits:
        in_digits = set().union(*(n.values for n in digits))
        if all(n.values & in_digits for n in source):
            return  # every number is there in digits: number words cannot change that
    found = _target_numbers(unit.msgstr, lang)
    available = set().union(*(n.values for n in found)) if found else set()
    found_digits = [n for n in found if n.text[:1].isdigit()]
    shown = ", ".join(dict.fromkeys(n.text for n in found_digits))
    reported: set[str] = set()
    for number in source:
        if number.values & available or number.text in reported:
            continue
        reported.add(number.text)
        message = f'"{number.text}" from the source is missing in the translation'
        hint = _hint_for(number, found_digits, lang)
        if hint:
            message += hint
        elif shown:
            message += f" (numbers found: {shown})"
        yield Problem(message, expected=number.text, found=shown)


@register(
    "extra-numbers",
    Severity.WARNING,
    "A number in the translation that is not in the source, neither as digits nor as a word "
    "('six' -> 6), a Roman numeral (World War II -> 2-ї) or a month (August -> 08). "
    "A warning: translators sometimes add a year or write a number out for good reason.",
)
def check_extra_numbers(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    if _plain_subset(unit.msgstr, _TARGET_NUMBER, unit.msgid, _SOURCE_NUMBER):
        return  # the usual case: the translation's plain numbers all come from the source
    found = _target_digit_numbers(unit.msgstr, _lang(ctx))
    if not found:
        return
    allowed: set[str] = set()
    for n in _source_numbers(unit.msgid):
        allowed |= n.values
        allowed |= {_canon(Decimal(p)) for p in _NUMBER_PARTS.split(n.text)}
    if not all(n.values & allowed for n in found):
        # Only then can numbers the source says in words matter.
        allowed |= _implicit_source_values(unit.msgid)
    reported: set[str] = set()
    for number in found:
        if number.values & allowed or number.text in reported:
            continue
        reported.add(number.text)
        yield Problem(
            f'"{number.text}" in the translation does not appear in the source',
            found=number.text,
        )


# --- language -------------------------------------------------------------------------

# Judged by langdetect only from this many letters and words on (after names,
# acronyms, hashtags and URLs are removed).  Below it langdetect guesses:
# 'Мир' comes out Bulgarian, 'Bota' Indonesian, and a 30-letter headline is
# wrong one time in a few.  With 40 letters in 5+ words and the language set
# narrowed to plausible ones it is reliable for these languages; shorter
# segments are judged by their letters (script) alone.
LANGDETECT_MIN_LETTERS = 40
LANGDETECT_MIN_WORDS = 5
# langdetect must be at least this sure of another language before we say so.
LANGDETECT_MIN_PROB = 0.90

# What a translation into the key might come out as instead: the target itself,
# the source language, and languages langdetect confuses with it.
PLAUSIBLE_LANGS: dict[str, tuple[str, ...]] = {
    "sq": ("sq", "en", "it", "ro", "hr", "sl", "tr", "de", "fr", "es"),
    "uk": ("uk", "ru", "bg", "mk", "en"),
    "ru": ("ru", "uk", "bg", "mk", "en"),
}
CYRILLIC_TARGETS = {"uk", "ru", "bg", "mk", "sr", "be"}
LATIN_TARGETS = {"sq", "en", "it", "ro", "hr", "sl", "tr", "de", "fr", "es", "pt", "nl"}

# Letters that exist in one of the two alphabets only.
UK_ONLY = frozenset("іїєґІЇЄҐ")
RU_ONLY = frozenset("ыэёЫЭЁ")  # ъ is left out: it is Bulgarian too (see below)
RU_BG_HARD_SIGN = frozenset("ъЪ")
# Cyrillic letters in neither alphabet (Serbian, Macedonian, Belarusian ...).
OTHER_CYRILLIC = frozenset("ўђћјљњџѓќѕЎЂЋЈЉЊЏЃЌЅ")
SQ_LETTERS = frozenset("ëçËÇ")


@dataclass(frozen=True)
class _Letters:
    latin: int
    cyrillic: int
    other: int
    words: int
    text: str  # what remains to judge


@lru_cache(maxsize=65536)
def _word_scripts(word: str) -> tuple[int, int, int]:
    """(Latin, Cyrillic, other) letter counts of one word (words repeat a lot)."""
    latin = cyrillic = other = 0
    for c in word:
        s = _script(c)
        if s == "latin":
            latin += 1
        elif s == "cyrillic":
            cyrillic += 1
        elif s:
            other += 1
    return latin, cyrillic, other


def _remaining_letters(unit: Unit, ctx: CheckContext, owner: str) -> _Letters:
    """Letters of the translation once names that may stay in Latin are gone.

    Removed: URLs, hashtags, do-not-translate terms, all-caps acronyms, and
    Latin words written with a capital that also occur in the source (names
    such as Bloomberg, KosovaPress, Chatham House).  Lowercase English words
    stay, so an English sentence left in the translation is still seen.
    """
    text = _strip_names(unit.msgstr, ctx, owner)
    kept = _WORD.findall(text)
    if any(map(_latin_name_like, kept)):
        # A name kept from the source (but not "The" starting a sentence).
        source_words = set(_WORD.findall(unit.msgid))
        kept = [w for w in kept if not (w in source_words and _latin_name_like(w))]
    latin = cyrillic = other = 0
    if kept:
        latin, cyrillic, other = map(sum, zip(*map(_word_scripts, kept), strict=True))
    return _Letters(latin, cyrillic, other, len(kept), " ".join(kept))


@lru_cache(maxsize=16384)
def _latin_name_like(word: str) -> bool:
    """A Latin word with a capital that is no English function word (Bloomberg)."""
    latin, cyrillic, other = _word_scripts(word)
    return bool(
        latin and not cyrillic and not other and _has_upper(word) and word.lower() not in EN_MARKERS
    )


@cache
def _factory(langs: tuple[str, ...]) -> Any:
    """A langdetect factory that knows only ``langs``; built once, on first use.

    Loading all 55 profiles takes about half a second; only the few plausible
    ones are read, and only when a long segment needs judging.
    """
    import langdetect
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    factory = DetectorFactory()
    factory.seed = 0
    profiles = Path(langdetect.__file__).parent / "profiles"
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in langs])
    return factory


@lru_cache(maxsize=4096)
def _detect(text: str, lang: str) -> tuple[str, float, float] | None:
    """(best language, its probability, probability of ``lang``), or None."""
    langs = PLAUSIBLE_LANGS.get(lang)
    if not langs:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(langs).create()
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return None
    if not probs:
        return None
    own = next((p.prob for p in probs if p.lang == lang), 0.0)
    return probs[0].lang, probs[0].prob, own


def _english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in EN_MARKERS]


def _looks_english(letters: _Letters) -> bool:
    """Two or more English function words making up a quarter of the Latin words."""
    latin_words = [w for w in letters.text.split() if _script(w[0]) == "latin"]
    markers = _english_words(" ".join(latin_words))
    return len(markers) >= 2 and len(markers) * 4 >= len(latin_words)


def _language_problem(found: str, expected: str, why: str) -> Problem:
    return Problem(
        f"the translation looks {languages.name(found)}, not {languages.name(expected)}: {why}",
        expected=expected,
        found=found,
    )


def _judge_cyrillic(letters: _Letters, lang: str) -> Problem | None:
    total = letters.latin + letters.cyrillic + letters.other
    if letters.latin * 2 >= total:
        english = _looks_english(letters)
        return Problem(
            f"the translation is {'English' if english else 'in Latin script'}, "
            f"not {languages.name(lang)} (Cyrillic): "
            f'"{_shorten(letters.text)}"',
            expected=lang,
            found="en" if english else "Latin script",
        )
    text = letters.text
    chars = set(text)
    uk = sorted({c.lower() for c in chars & UK_ONLY})
    ru = sorted({c.lower() for c in chars & RU_ONLY})
    hard = sorted({c.lower() for c in chars & RU_BG_HARD_SIGN})
    foreign = sorted({c.lower() for c in chars & OTHER_CYRILLIC})
    long = letters.cyrillic >= LANGDETECT_MIN_LETTERS and letters.words >= LANGDETECT_MIN_WORDS
    if lang == "uk":
        not_uk = ru + hard + foreign
        if not_uk and not uk:
            found = "ru" if ru else ("bg" if hard else "mk")
            return _language_problem(
                found,
                "uk",
                f"it uses {', '.join(not_uk)}, which Ukrainian does not have, "
                "and none of і, ї, є, ґ",
            )
        if uk and not not_uk:
            return None  # Ukrainian letters only: settled without langdetect
    elif lang == "ru":
        not_ru = uk + foreign
        if not_ru and not ru:
            found = "uk" if uk else "mk"
            return _language_problem(
                found,
                "ru",
                f"it uses {', '.join(not_ru)}, which Russian does not have, and none of ы, э, ё",
            )
        if ru and not not_ru:
            return None  # Russian letters only
    if not long:
        return None  # short and no decisive letter: say nothing
    if lang == "ru" and not foreign and _clearly_russian(text, bool(uk)):
        return None  # Russian word forms decide it: langdetect would agree
    return _judge_langdetect(text, lang)


# Russian words and endings that Ukrainian, Bulgarian and Macedonian do not
# have (Ukrainian writes що, його, тільки, вже, якщо, щоб, сьогодні, коли,
# буде, також; Bulgarian and Macedonian have no reflexive -ся verbs).  Like
# ы, э, ё they show a text is Russian without langdetect.
RU_MARKER_WORDS = frozenset(
    _words(
        """
    что его только уже если чтобы сегодня когда нет году будет также
    который которая которое которые которого которой которому котором которым которых
    """
    )
)
RU_MARKER_ENDINGS = ("тся", "ает", "яет", "ует")


@lru_cache(maxsize=16384)
def _russian_word(word: str) -> bool:
    """A lowercase word with ы, э, ё or a Russian-only form."""
    return (
        word in RU_MARKER_WORDS
        or (word.endswith(RU_MARKER_ENDINGS) and len(word) > 4)
        or not RU_ONLY.isdisjoint(word)
    )


def _clearly_russian(text: str, ukrainian_letters: bool) -> bool:
    """Whether Russian word forms settle a long Cyrillic text as Russian.

    Without Ukrainian letters one Russian-only word form suffices, as one ы, э
    or ё does.  With them (a Ukrainian-spelled name in a Russian sentence),
    Russian evidence must be at least twice the words with і, ї, є, ґ.
    """
    words = text.lower().split()
    if not ukrainian_letters:
        return any(map(_russian_word, words))
    russian = sum(map(_russian_word, words))
    ukrainian = sum(1 for w in words if not UK_ONLY.isdisjoint(w))
    return russian >= 2 and russian >= 2 * ukrainian


def _judge_latin(letters: _Letters, lang: str) -> Problem | None:
    total = letters.latin + letters.cyrillic + letters.other
    if letters.cyrillic and letters.cyrillic * 2 >= total:
        return Problem(
            f"the translation is in Cyrillic script, not {languages.name(lang)}: "
            f'"{_shorten(letters.text)}"',
            expected=lang,
            found="Cyrillic script",
        )
    if letters.cyrillic >= 3:
        words = [w for w in letters.text.split() if any(_script(c) == "cyrillic" for c in w)]
        return Problem(
            f"the {languages.name(lang)} translation contains Cyrillic words: "
            f"{', '.join(words[:5])}",
            expected=lang,
            found="Cyrillic script",
        )
    sq_letters = sum(map(letters.text.count, SQ_LETTERS))
    if lang == "sq" and sq_letters >= 2:
        return None  # ë, ç: Albanian, settled without langdetect
    if lang != "en" and (lang != "sq" or not sq_letters) and _looks_english(letters):
        words = ", ".join(dict.fromkeys(w.lower() for w in _english_words(letters.text)))
        return _language_problem("en", lang, f"English words ({words})")
    long = letters.latin >= LANGDETECT_MIN_LETTERS and letters.words >= LANGDETECT_MIN_WORDS
    if not long:
        return None
    return _judge_langdetect(letters.text, lang)


def _judge_langdetect(text: str, lang: str) -> Problem | None:
    verdict = _detect(text, lang)
    if verdict is None:
        return None
    best, prob, own = verdict
    if best == lang or prob < LANGDETECT_MIN_PROB or own > 1 - LANGDETECT_MIN_PROB:
        return None
    why = f"langdetect is {prob:.0%} sure it is {languages.name(best)}"
    return _language_problem(best, lang, why)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# The letters counted by script, for the quick path below.
_CYRILLIC_LETTERS = re.compile(r"[\u0400-\u0482\u048a-\u052f]+")
_OTHER_LETTER = re.compile(r"[^\W\d_\u0400-\u052f]")
# (own letters, letters the language does not have), as regexes: a search is
# quicker than making a set of the text's characters.
_ALPHABET_EVIDENCE = {
    "uk": (
        re.compile(f"[{''.join(sorted(UK_ONLY))}]"),
        re.compile(f"[{''.join(sorted(RU_ONLY | RU_BG_HARD_SIGN | OTHER_CYRILLIC))}]"),
    ),
    "ru": (
        re.compile(f"[{''.join(sorted(RU_ONLY))}]"),
        re.compile(f"[{''.join(sorted(UK_ONLY | OTHER_CYRILLIC))}]"),
    ),
}
_SQ_LETTER = re.compile(f"[{''.join(sorted(SQ_LETTERS))}]")


def _settled_by_letters(unit: Unit, ctx: CheckContext, lang: str) -> bool:
    """Whether the translation's own letters show it is in ``lang``.

    The quick answer for most entries, given only where the full judgement
    (:func:`_judge_cyrillic`, :func:`_judge_latin`) would find nothing too:
    Ukrainian with і/ї/є/ґ and none of ы/э/ё/ъ, Russian with ы/э/ё and no
    і/ї/є/ґ, in either case with Cyrillic letters in the majority; Albanian
    with two or more ë/ç and no Cyrillic.  Removing names before judging
    only removes letters of other scripts, so it cannot change these
    answers, unless a URL, hashtag, do-not-translate name or source word
    could carry such letters away: then the full judgement runs.
    """
    text = unit.msgstr
    if _may_hold_urls_or_tags(text) or _dnt_has_non_ascii(ctx):
        return False
    evidence = _ALPHABET_EVIDENCE.get(lang)
    if evidence is not None:
        own, foreign = evidence
        if own.search(text) is None or foreign.search(text) is not None:
            return False
        if _OTHER_LETTER.search(text) is None:
            return True  # Cyrillic letters only (and one of its own)
        cyrillic = sum(map(len, _CYRILLIC_LETTERS.findall(text)))
        return cyrillic > len(_OTHER_LETTER.findall(text))
    if lang == "sq":
        if _SQ_LETTER.search(unit.msgid):
            return False  # a source name with ë or ç would be taken away
        return len(_SQ_LETTER.findall(text)) >= 2 and not _CYRILLIC_LETTERS.search(text)
    return False


def _dnt_has_non_ascii(ctx: CheckContext) -> bool:
    state = _state(ctx, "language")
    if "dnt_non_ascii" not in state:
        state["dnt_non_ascii"] = not all(form.isascii() for form in _dnt_strings(ctx))
    return state["dnt_non_ascii"]


@register(
    "language",
    Severity.ERROR,
    "The translation is in the target language: Ukrainian and Russian told apart by their "
    "letters (і ї є ґ vs ы э ё), Latin text in a Cyrillic target and Cyrillic or English in an "
    "Albanian one flagged; long segments (40+ letters) also checked with langdetect. Names, "
    "acronyms, hashtags and do-not-translate terms may stay in Latin.",
)
def check_language(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    lang = _lang(ctx)
    if _settled_by_letters(unit, ctx, lang):
        return
    if _same_text(unit.msgid, unit.msgstr):
        return  # the `untranslated` check's business
    letters = _remaining_letters(unit, ctx, "language")
    if letters.latin + letters.cyrillic + letters.other == 0:
        return
    problem = None
    if lang in CYRILLIC_TARGETS:
        problem = _judge_cyrillic(letters, lang)
    elif lang in LATIN_TARGETS:
        problem = _judge_latin(letters, lang)
    if problem is not None:
        yield problem


# --- untranslated ---------------------------------------------------------------

# Capitalized English words that are no names: titles and page furniture
# ("World", "Sport", "Read more") left in English in an Albanian file.
COMMON_EN = frozenset(
    _words(
        """
    a about after ago all also an and april are as at august back be before breaking business
    by comments contact copied copyright culture day days december economy editorial february
    for from health home hours in interview is it january july june latest link live local march
    may min minutes month months more most news november october of on opinion or photo
    photos politics popular read region related rights reserved science search september share
    society sport sports technology the this to today top video videos war week world year years
    yesterday you your new old first last next previous page home menu close open more less
    president government army troops people country war peace north south east west eastern
    western union european state states city town village border military
    """
    )
)


def _lowercase_source_words(ctx: CheckContext) -> set[str]:
    """Words the file's sources also write in lowercase: common words, not names."""
    state = _state(ctx, "untranslated")
    if "lower" not in state:
        state["lower"] = {
            w for u in ctx.units for w in _WORD.findall(u.msgid) if w.islower() and len(w) > 1
        }
    return state["lower"]


def _brand_like(word: str) -> bool:
    """KosovaPress, YouTube, iPhone: internal capitals, kept as is in any script."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _name_like(word: str, ctx: CheckContext) -> bool:
    low = word.lower()
    return (
        word[0].isupper()
        and low not in COMMON_EN
        and low not in _lowercase_source_words(ctx)
        and low.split("'")[0].split("’")[0] not in COMMON_EN
    )


@register(
    "untranslated",
    Severity.ERROR,
    "The translation is identical to the English source. Allowed when the source is only "
    "numbers, symbols, URLs, hashtags, acronyms or do-not-translate terms, and in Albanian "
    "for names that stay the same (Kursk, Donald Trump).",
)
def check_untranslated(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    if not _same_text(unit.msgid, unit.msgstr):
        return
    lang = _lang(ctx)
    rest = _strip_names(unit.msgid, ctx, "untranslated")
    words = _WORD.findall(rest)
    words = [w for w in words if not _brand_like(w)]
    if not words:
        return  # numbers, symbols, URLs, acronyms, brands, do-not-translate terms only
    if lang in LATIN_TARGETS and all(_name_like(w, ctx) for w in words):
        return  # Kursk -> Kursk, Donald Trump -> Donald Trump
    yield Problem(
        f"the translation is identical to the source: still English, not {languages.name(lang)}",
        expected=f"a {languages.name(lang)} translation",
        found=_shorten(unit.msgstr.strip()),
    )


# --- punctuation, whitespace, spacing ----------------------------------------------

_TERMINALS = ".!?…:;"
_CLOSERS = "\"'»«“”„’‘›‹)]}*"
# Abbreviations a translation may end with where the source has no full stop
# ("in 2014" -> "в 2014 г."; "5 min" -> "5 хв.").
_ABBREVIATIONS = {
    "ru": {"г", "гг", "тыс", "млн", "млрд", "руб", "долл", "мин", "сек", "см", "др", "пр", "т. д"},
    "uk": {"р", "рр", "тис", "млн", "млрд", "грн", "дол", "хв", "с", "год", "ін", "див", "т. ін"},
    "sq": {"etj", "min", "sek", "nr", "mln", "mld", "z", "zj", "p.sh", "v", "vj"},
}


def _final_marks(text: str) -> tuple[set[str], int]:
    """Sentence-final marks in the tail of ``text`` and where that tail starts.

    The tail is the run of closing quotes, brackets and marks at the end: for
    'said."', '«...».', '«...?»' and '“...”.' alike.
    """
    text = text.rstrip()
    i = len(text)
    while i > 0 and (text[i - 1] in _TERMINALS or text[i - 1] in _CLOSERS):
        i -= 1
    tail = text[i:].replace("...", "…")
    marks = {c for c in tail if c in _TERMINALS}
    if marks & set("?!…"):
        marks.discard(".")  # «Что делать?». = «Что делать?»; "…." = "…"
    return marks, i


def _describe(marks: set[str]) -> str:
    return " ".join(f'"{m}"' for m in sorted(marks)) if marks else "no final punctuation"


def _ends_with_abbreviation(text: str, lang: str) -> bool:
    m = re.search(r"([^\W\d_]+(?:\.\s?[^\W\d_]+)*)\.[\"'»”“’)]*\s*$", text)
    return bool(m) and m.group(1).lower() in _ABBREVIATIONS.get(lang, set())


@register(
    "punctuation",
    Severity.ERROR,
    "Sentence-final punctuation as in the source: a period, question or exclamation mark, "
    "ellipsis (… = ...) or colon is neither lost, added nor changed. Placement around closing "
    'quotes may follow the target language (said." -> «...»., «...», — сказал).',
)
def check_punctuation(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    lang = _lang(ctx)
    source, _ = _final_marks(unit.msgid)
    target, tail_at = _final_marks(unit.msgstr)
    if source == target:
        return
    if not target:
        stripped = unit.msgstr.rstrip()
        end = unit.msgstr[len(stripped) :]
        tail = stripped[tail_at:]
        # A period can go after the closing quote; "?" or "!" belongs inside it.
        fixed = None
        if source == {"."} or (len(source) == 1 and not tail):
            fixed = stripped + next(iter(source)) + end
        yield Problem(
            f"the source ends with {_describe(source)} but the translation has no final "
            "punctuation",
            expected="".join(sorted(source)),
            found=stripped[-1:],
            fixed=fixed,
        )
        return
    if not source:
        if target == {"."} and _ends_with_abbreviation(unit.msgstr, lang):
            return
        fixed = None
        stripped = unit.msgstr.rstrip()
        if stripped.endswith(".") and not stripped.endswith(".."):
            fixed = stripped[:-1] + unit.msgstr[len(stripped) :]
        yield Problem(
            f"the source has no final punctuation but the translation ends with "
            f"{_describe(target)}",
            expected="",
            found="".join(sorted(target)),
            fixed=fixed,
        )
        return
    yield Problem(
        f"the source ends with {_describe(source)} but the translation ends with "
        f"{_describe(target)}",
        expected="".join(sorted(source)),
        found="".join(sorted(target)),
    )


def _edges(text: str) -> tuple[str, str]:
    body = text.strip()
    if not body:
        return text, ""
    start = text.index(body[0])
    return text[:start], text[start + len(body) :]


def _show_ws(ws: str) -> str:
    if not ws:
        return "none"
    names = {" ": "space", "\n": "newline", "\t": "tab", "\u00a0": "no-break space"}
    parts = [names.get(c, f"U+{ord(c):04X}") for c in ws]
    counts = Counter(parts)
    return ", ".join(f"{n} {p}s" if n > 1 else p for p, n in counts.items())


@register(
    "whitespace",
    Severity.ERROR,
    "Leading and trailing whitespace (spaces, newlines) as in the source: the build keeps "
    "the source's spacing between sentences, so a stray edge space or newline in a "
    "translation ends up in the article (msgfmt -c rejects newline mismatches). Fixable.",
)
def check_whitespace(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    src_lead, src_trail = _edges(unit.msgid)
    tgt_lead, tgt_trail = _edges(unit.msgstr)
    if not unit.msgstr.strip() or (src_lead, src_trail) == (tgt_lead, tgt_trail):
        return
    fixed = src_lead + unit.msgstr.strip() + src_trail
    if src_lead != tgt_lead:
        yield Problem(
            f"leading whitespace differs: the source starts with {_show_ws(src_lead)}, "
            f"the translation with {_show_ws(tgt_lead)}",
            expected=src_lead,
            found=tgt_lead,
            fixed=fixed,
        )
    if src_trail != tgt_trail:
        yield Problem(
            f"trailing whitespace differs: the source ends with {_show_ws(src_trail)}, "
            f"the translation with {_show_ws(tgt_trail)}",
            expected=src_trail,
            found=tgt_trail,
            fixed=fixed,
        )


_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0\u202f\u2009]{2,}(?=\S)")
# A space before , . ; : ! ? ) ] (not before "..." or "…", which may start a cut).
_SPACE_BEFORE = re.compile(r"(?<=[^\W_])[ \u00a0\u202f](?=[,.;:!?)\]](?!\.\.)(?:\s|$|[\"»”“]))")

# What every match of the two patterns above contains, found by a quick scan
# (the patterns start with a lookbehind, which makes the regex engine try
# every position): without it there is no match.
_DOUBLE_SPACE_HINT = re.compile(r"[ \u00a0\u202f\u2009]{2}")
_SPACE_BEFORE_HINT = re.compile(r"[ \u00a0\u202f][,.;:!?)\]]")


def _double_space(text: str) -> bool:
    return _DOUBLE_SPACE_HINT.search(text) is not None and _DOUBLE_SPACE.search(text) is not None


def _space_before(text: str) -> bool:
    return _SPACE_BEFORE_HINT.search(text) is not None and _SPACE_BEFORE.search(text) is not None


@register(
    "spacing",
    Severity.WARNING,
    "Doubled spaces inside the translation, or a space before , . ; : ! ? ) that the source "
    "does not have.",
)
def check_spacing(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    text = unit.msgstr
    if _double_space(text) and not _double_space(unit.msgid):
        fixed = _DOUBLE_SPACE.sub(lambda m: "\u00a0" if "\u00a0" in m.group() else " ", text)
        where = _DOUBLE_SPACE.search(text)
        assert where is not None
        context = text[max(0, where.start() - 15) : where.end() + 15]
        yield Problem(
            f'doubled space in the translation: "{context.strip()}"',
            expected="one space",
            found="two spaces",
            fixed=fixed,
        )
    if _space_before(text) and not _space_before(unit.msgid):
        where = _SPACE_BEFORE.search(text)
        assert where is not None
        mark = text[where.end()]
        yield Problem(
            f'space before "{mark}" in the translation: '
            f'"{text[max(0, where.start() - 15) : where.end() + 1].strip()}"',
            expected=mark,
            found=" " + mark,
            fixed=_SPACE_BEFORE.sub("", text),
        )


# --- quotes ---------------------------------------------------------------------

# Quotation styles by their opening and closing marks.
GUILLEMETS = "«»"
LOW_HIGH = "„“"  # Russian/Ukrainian inner quotes, also used in Albanian
ENGLISH = "“”"
ENGLISH_SINGLE = "‘’"
STRAIGHT = '""'

ALLOWED_STYLES: dict[str, tuple[str, ...]] = {
    # first: the language default, used for fixes when the file has no majority
    "ru": (GUILLEMETS, LOW_HIGH),
    "uk": (GUILLEMETS, LOW_HIGH),
    "sq": (ENGLISH, LOW_HIGH, GUILLEMETS, ENGLISH_SINGLE),
}
_STYLE_NAMES = {
    GUILLEMETS: "«…»",
    LOW_HIGH: "„…“",
    ENGLISH: "“…”",
    ENGLISH_SINGLE: "‘…’",
    STRAIGHT: '"…"',
    "''": "'…'",
    "‚‘": "‚…‘",
    "„”": "„…”",
    "»«": "»…«",
    "‹›": "‹…›",
}
_DOUBLE_MARKS = '"«»„“”‟'
_SINGLE_MARKS = "'‚‘’‹›"
_OPEN_BEFORE = "([{—–-/«„“‘‚\"'"
_CLOSE_AFTER = ".,;:!?)]}…—–-»”“’\"'"


@dataclass(frozen=True)
class _Mark:
    pos: int
    char: str
    role: str | None  # "open", "close" or None (cannot tell)


@dataclass(frozen=True)
class _Quote:
    style: str  # opening + closing mark, e.g. "«»"
    depth: int  # 0 = outermost
    pos: int


def _context_role(text: str, i: int) -> str | None:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opening = prev.isspace() or prev in _OPEN_BEFORE
    closing = nxt.isspace() or nxt in _CLOSE_AFTER
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return None


_MARK_CHAR = re.compile("[" + re.escape(_DOUBLE_MARKS + _SINGLE_MARKS) + "]")


@lru_cache(maxsize=256)
def _marks(text: str) -> tuple[_Mark, ...]:
    """Quotation marks in ``text``; apostrophes inside words (п’ять, O’Neil) are skipped."""
    marks = []
    for m in _MARK_CHAR.finditer(text):  # only the quotation-mark characters
        i, ch = m.start(), m.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in "'’" and prev.isalpha() and nxt.isalpha():
            continue  # apostrophe
        if ch in "«„‚‹":
            role: str | None = "open"
        elif ch in "»›":
            role = "close"
        else:
            role = _context_role(text, i)
            if role is None and ch in "”’":
                role = "close"
        marks.append(_Mark(i, ch, role))
    return tuple(marks)


_PAIR_STYLE = {
    ("«", "»"): GUILLEMETS,
    ("„", "“"): LOW_HIGH,
    ("“", "”"): ENGLISH,
    ("‘", "’"): ENGLISH_SINGLE,
    ('"', '"'): STRAIGHT,
    ("'", "'"): "''",
    ("‚", "‘"): "‚‘",
    ("„", "”"): "„”",
    ("»", "«"): "»«",
    ("‹", "›"): "‹›",
}


def _lone_style(mark: _Mark) -> str:
    """The style an unpaired mark belongs to (a quotation cut by segmentation)."""
    ch = mark.char
    if ch in "«»":
        return GUILLEMETS
    if ch == "„":
        return LOW_HIGH
    if ch == "“":
        return ENGLISH if mark.role == "open" else LOW_HIGH
    if ch == "”":
        return ENGLISH
    if ch in "‘’":
        return ENGLISH_SINGLE
    if ch == "‚":
        return "‚‘"
    if ch in "‹›":
        return "‹›"
    return STRAIGHT if ch == '"' else "''"


@lru_cache(maxsize=256)
def _quotes(text: str) -> tuple[tuple[_Quote, ...], tuple[tuple[str, str], ...]]:
    """Quotations (paired or cut) and mismatched pairs such as « … ”."""
    quotes: list[_Quote] = []
    mismatched: list[tuple[str, str]] = []
    stack: list[_Mark] = []
    for mark in _marks(text):
        if mark.role == "open":
            stack.append(mark)
        elif mark.role == "close":
            if stack:
                opening = stack.pop()
                style = _PAIR_STYLE.get((opening.char, mark.char))
                if style is None:
                    mismatched.append((opening.char, mark.char))
                    style = _lone_style(opening)
                quotes.append(_Quote(style, len(stack), opening.pos))
            else:
                quotes.append(_Quote(_lone_style(mark), 0, mark.pos))
        else:
            quotes.append(_Quote(_lone_style(mark), len(stack), mark.pos))
    for depth, opening in enumerate(stack):
        quotes.append(_Quote(_lone_style(opening), depth, opening.pos))
    quotes.sort(key=lambda q: q.pos)
    return tuple(quotes), tuple(mismatched)


def _outer_style(text: str) -> str | None:
    quotes, _ = _quotes(text)
    outer = [q.style for q in quotes if q.depth == 0 and q.style[0] not in _SINGLE_MARKS]
    return outer[0] if outer else None


def _file_style(ctx: CheckContext, lang: str) -> tuple[str, Counter[str]]:
    """The file's majority quotation style (ties: the language default)."""
    state = _state(ctx, "quotes")
    if "style" not in state:
        allowed = ALLOWED_STYLES[lang]
        counts: Counter[str] = Counter()
        for u in ctx.units:
            if u.msgstr:
                style = _outer_style(u.msgstr)
                if style in allowed:
                    counts[style] += 1
        ranked = sorted(allowed, key=lambda s: (-counts[s], allowed.index(s)))
        state["style"] = (ranked[0], counts)
    return state["style"]


def _requote(text: str, style: str) -> str | None:
    """``text`` with its double quotation marks in ``style``; None when ambiguous.

    Unambiguous means: every mark is clearly opening or closing and they
    alternate without nesting (a closing mark may come first and an opening one
    last, for a quotation the segmenter cut).
    """
    marks = [m for m in _marks(text) if m.char in _DOUBLE_MARKS]
    if not marks or any(m.role is None for m in marks):
        return None
    if any(m.char in _SINGLE_MARKS for m in _marks(text)):
        return None  # nested single quotes: leave it to the translator
    depth = 0
    for i, m in enumerate(marks):
        if m.role == "open":
            if depth:
                return None
            depth = 1
        else:
            if not depth and i:
                return None
            depth = 0
    chars = list(text)
    for m in marks:
        chars[m.pos] = style[0] if m.role == "open" else style[1]
    return "".join(chars)


@register(
    "quotes",
    Severity.ERROR,
    "Quotation marks the target language uses (ru, uk: «…», „…“ inside; sq: “…”, „…“ or «…»), "
    "no straight quotes, and one style in the whole file (the majority style wins). "
    "Apostrophes inside words (п’ять) are not quotes. Straight quotes can be fixed.",
)
def check_quotes(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    lang = _lang(ctx)
    allowed = ALLOWED_STYLES.get(lang)
    if allowed is None:
        return
    quotes, mismatched = _quotes(unit.msgstr)
    if not quotes:
        return
    file_style, counts = _file_style(ctx, lang)
    name = languages.name(lang)
    want = _STYLE_NAMES[file_style]
    fixed = _requote(unit.msgstr, file_style)
    styles = list(dict.fromkeys(q.style for q in quotes))
    if STRAIGHT in styles or "''" in styles:
        straight = '"' if STRAIGHT in styles else "'"
        yield Problem(
            f"straight quotation marks {straight}…{straight}: {name} uses {want}",
            expected=want,
            found=f"{straight}…{straight}",
            fixed=fixed if STRAIGHT in styles else None,
        )
        return
    for opening, closing in mismatched:
        yield Problem(
            f"a quotation opened with {opening} is closed with {closing}: use {want}",
            expected=want,
            found=f"{opening}…{closing}",
            fixed=fixed,
        )
    if mismatched:
        return
    foreign = [s for s in styles if s not in allowed]
    if foreign:
        inner = " (and „…“ inside them)" if lang in ("ru", "uk") else ""
        yield Problem(
            f"{_STYLE_NAMES.get(foreign[0], foreign[0])} quotation marks are not {name} "
            f"style: use {want}{inner}",
            expected=want,
            found=_STYLE_NAMES.get(foreign[0], foreign[0]),
            fixed=fixed,
        )
        return
    outer = list(dict.fromkeys(q.style for q in quotes if q.depth == 0))
    outer = [s for s in outer if s[0] not in _SINGLE_MARKS]
    deviating = [s for s in outer if s != file_style]
    if deviating:
        used = _STYLE_NAMES[deviating[0]]
        n = counts[file_style]
        basis = (
            f"{n} entr{'y' if n == 1 else 'ies'} of this file use {want}"
            if n
            else f"{want} is the {name} default"
        )
        yield Problem(
            f"quotation style {used} differs from the rest of the file: {basis}",
            expected=want,
            found=used,
            fixed=fixed,
        )


# --- length ---------------------------------------------------------------------

# Expected length of a translation relative to the English source, in
# characters, for news prose (measured on the Kursk article and typical
# EN->sq/uk/ru news translations: Albanian runs 10-15 % longer, Ukrainian and
# Russian about as long as English).
EXPECTED_RATIO = {"sq": 1.08, "uk": 0.97, "ru": 1.0}
# Flag below/above these multiples of the expected ratio ...
RATIO_BOUNDS = (0.5, 2.0)
# ... widened for short sources, whose length varies more with wording
# (a 25-letter headline easily doubles): from 20 to 60 characters.
SHORT_RATIO_BOUNDS = (0.4, 2.5)
LENGTH_MIN_SOURCE = 20  # below this, no verdict at all
LENGTH_SHORT_SOURCE = 60


@register(
    "length",
    Severity.WARNING,
    "A translation far shorter or longer than the source for the language pair (sq ~1.1, uk "
    "and ru ~1.0 of the English length; flagged below half or above twice that, wider for "
    "sources under 60 characters, never for sources under 20): something left out or added.",
)
def check_length(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    source = _norm_space(unit.msgid)
    target = _norm_space(unit.msgstr)
    if len(source) < LENGTH_MIN_SOURCE or not target:
        return
    lang = _lang(ctx)
    expected = EXPECTED_RATIO.get(lang, 1.0)
    low, high = RATIO_BOUNDS if len(source) >= LENGTH_SHORT_SOURCE else SHORT_RATIO_BOUNDS
    ratio = len(target) / len(source)
    if low * expected <= ratio <= high * expected:
        return
    what = "shorter" if ratio < low * expected else "longer"
    check = "a part may be missing" if what == "shorter" else "text may be added or repeated"
    yield Problem(
        f"the translation is much {what} than the source: {len(target)} vs {len(source)} "
        f"characters ({ratio:.0%}; {languages.name(lang)} usually runs about {expected:.0%}); "
        f"{check}",
        expected=f"{low * expected:.0%}-{high * expected:.0%} of the source length",
        found=f"{ratio:.0%}",
    )
