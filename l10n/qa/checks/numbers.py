"""The ``numbers`` and ``extra-numbers`` checks: a number of the source missing
in the translation (an error), a number the source lacks in the translation (a
warning).

Numbers are compared by value, not by spelling: the target languages group
digits and mark decimals their own way, and translators write dates, ranges,
scale words ("40 thousand" -> "40 тисяч") and small numbers ("four" ->
"четверо") as their language does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import WORD, split_words, target_lang

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


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
            split_words("один одна одне одного одної одному одній одним одною одні одних"), 1
        ),
        **dict.fromkeys(split_words("два дві двох двом двома двоє"), 2),
        **dict.fromkeys(split_words("три трьох трьом трьома троє"), 3),
        **dict.fromkeys(split_words("чотири чотирьох чотирьом чотирма четверо"), 4),
        **dict.fromkeys(split_words("п'ять п'яти п'ятьох п'ятьом п'ятьма п'ятьома п'ятеро"), 5),
        **dict.fromkeys(split_words("шість шести шістьох шістьом шістьма шістьома шестеро"), 6),
        **dict.fromkeys(split_words("сім семи сімох сімом сьома сімома семеро"), 7),
        **dict.fromkeys(split_words("вісім восьми вісьмох вісьмом вісьма вісьмома восьмеро"), 8),
        **dict.fromkeys(split_words("дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма дев'ятеро"), 9),
        **dict.fromkeys(split_words("десять десяти десятьох десятьом десятьма десятеро"), 10),
    },
    "ru": {
        **dict.fromkeys(
            split_words("один одна одно одного одной одному одним одною одни одних одном"), 1
        ),
        **dict.fromkeys(split_words("два две двух двум двумя двое"), 2),
        **dict.fromkeys(split_words("три трёх трех трём трем тремя трое"), 3),
        **dict.fromkeys(split_words("четыре четырёх четырех четырём четырем четырьмя четверо"), 4),
        **dict.fromkeys(split_words("пять пяти пятью пятеро"), 5),
        **dict.fromkeys(split_words("шесть шести шестью шестеро"), 6),
        **dict.fromkeys(split_words("семь семи семью семеро"), 7),
        **dict.fromkeys(split_words("восемь восьми восемью восьмью восьмеро"), 8),
        **dict.fromkeys(split_words("девять девяти девятью девятеро"), 9),
        **dict.fromkeys(split_words("десять десяти десятью десятеро"), 10),
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
_EN_UNITS = split_words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_EN_TENS = split_words("twenty thirty forty fifty sixty seventy eighty ninety")
_EN_ORDINALS = split_words(
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
        for word in WORD.findall(text):
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


@check(
    "numbers",
    Severity.ERROR,
    "Every number in the source appears in the translation. Target-language digit grouping "
    "and decimal marks (1 250, 1.250, 1,5), dates (6 серпня 2024), ranges (2002–2025) and "
    "'40 thousand' written as '40 тисяч' or '40 000' are accepted.",
)
def check_numbers(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if _plain_subset(unit.msgid, _SOURCE_NUMBER, unit.msgstr, _TARGET_NUMBER):
        return ()  # the usual case: the source's plain numbers are all in the translation
    return list(_missing_numbers(unit, ctx))


def _missing_numbers(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    source = [n for n in _source_numbers(unit.msgid) if n.required]
    if not source:
        return
    lang = target_lang(ctx)
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


@check(
    "extra-numbers",
    Severity.WARNING,
    "A number in the translation that is not in the source, neither as digits nor as a word "
    "('six' -> 6), a Roman numeral (World War II -> 2-ї) or a month (August -> 08). "
    "A warning: translators sometimes add a year or write a number out for good reason.",
)
def check_extra_numbers(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if _plain_subset(unit.msgstr, _TARGET_NUMBER, unit.msgid, _SOURCE_NUMBER):
        return ()  # the usual case: the translation's plain numbers all come from the source
    return list(_extra_numbers(unit, ctx))


def _extra_numbers(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    found = _target_digit_numbers(unit.msgstr, target_lang(ctx))
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


CHECKS = (check_numbers, check_extra_numbers)
