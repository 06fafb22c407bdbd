"""The ``units`` check: a number's unit kept in the translation: ``180°``,
``5%``, ``€45.1``, ``$2 million``, ``10 percent``.

The unit may be the same sign or the language's word for it (5% -> 5
відсотків, €45.1 -> 45,1 євро, 180° -> 180 градусів).  The number itself is
the ``numbers`` check's: where the translation does not have it in digits,
this check says nothing, so one mistake is reported once.  Units converted
on purpose (90°F -> 32 °C, $10 -> 9 €) change the number too, and so pass
here and are the numbers check's to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from l10n.qa.base import CheckContext, Problem, Severity, Unit, check

# A unit: the signs and the words (starts of words, lowercase, any of the
# three languages and English) that stand for it.
UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "percent": (("%",), ("відсот", "процент", "përqind", "percent", "pct")),
    "per mille": (("‰",), ("проміле", "promil", "per mil")),
    "degree": (("°",), ("градус", "grad", "degree")),
    "euro": (("€", "EUR"), ("євро", "евро", "euro")),
    "dollar": (("$", "USD"), ("долар", "доллар", "дол.", "долл.", "dollar")),
    "pound": (("£", "GBP"), ("фунт", "paund", "sterlin", "stërlin", "pound")),
}
_SIGN_UNIT = {sign: unit for unit, (signs, _) in UNITS.items() for sign in signs if len(sign) == 1}
_NUMBER = r"\d+(?:[.,]\d+)*"
# In the English source: the sign or word right before or after a number.
_SOURCE_UNIT = re.compile(
    rf"(?P<pre>US\$|[€$£])\s?(?P<n1>{_NUMBER})"
    rf"|(?P<n2>{_NUMBER})\s?(?:(?P<post>%|‰|°|€)"
    r"|\s(?P<word>per ?cent|percentage points?|degrees?|euros?|dollars?|pounds?)\b)",
    re.IGNORECASE,
)
_SOURCE_WORD_UNIT = {
    "per": "percent",
    "degr": "degree",
    "euro": "euro",
    "doll": "dollar",
    "poun": "pound",
}
_NON_ASCII_SIGN = re.compile("[‰°€£]")
# Numbers in a translation: also "1 250" grouped with a (no-break) space.
_TARGET_NUMBER = re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")
BEFORE, AFTER = 4, 30  # characters around a number where its unit may be


@dataclass(frozen=True)
class _Amount:
    text: str  # as the source writes it: "€45.1", "5%"
    digits: str  # the number's digits alone: 451
    unit: str  # a key of UNITS


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


@lru_cache(maxsize=256)
def _source_amounts(text: str) -> tuple[_Amount, ...]:
    amounts = []
    for m in _SOURCE_UNIT.finditer(text):
        if m.group("pre"):
            unit = _SIGN_UNIT[m.group("pre")[-1]]
            number = m.group("n1")
        elif m.group("post"):
            unit, number = _SIGN_UNIT[m.group("post")], m.group("n2")
        else:
            word = m.group("word").lower()
            unit = _SOURCE_WORD_UNIT["per" if word.startswith("per") else word[:4]]
            number = m.group("n2")
        amounts.append(_Amount(m.group().strip(), _digits(number), unit))
    return tuple(dict.fromkeys(amounts))


def _has_unit(window: str, unit: str) -> bool:
    signs, words = UNITS[unit]
    if any(sign in window for sign in signs):
        return True
    low = window.lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}", low) for w in words)


@check(
    "units",
    Severity.ERROR,
    "A number's unit in the source (%, ‰, °, €, $, £, or 'percent', 'degrees', 'euros'...) "
    "is kept next to that number in the translation, as the sign or the language's word "
    "(5% -> 5 відсотків, €45.1 -> 45,1 євро). Not reported when the number itself is "
    "missing or converted (the numbers check's finding).",
)
def check_units(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    source = unit.msgid
    if not _may_have_units(source):
        return ()  # the usual case: no unit in the source
    amounts = _source_amounts(source)
    return list(_missing_units(unit, amounts)) if amounts else ()


def _may_have_units(text: str) -> bool:
    """Whether ``text`` has a sign or word of :data:`UNITS` (substring tests:
    quicker than a regex search of every entry)."""
    return (
        "%" in text
        or "$" in text
        or (not text.isascii() and _NON_ASCII_SIGN.search(text) is not None)
        or " percent" in text
        or " per cent" in text
        or " degree" in text
        or " euro" in text
        or " dollar" in text
        or " pound" in text
    )


def _missing_units(unit: Unit, amounts: tuple[_Amount, ...]) -> Iterator[Problem]:
    reported: set[str] = set()
    for amount in amounts:
        windows = [
            unit.msgstr[max(0, m.start() - BEFORE) : m.end() + AFTER]
            for m in _TARGET_NUMBER.finditer(unit.msgstr)
            if _digits(m.group()) == amount.digits
        ]
        if not windows or any(_has_unit(w, amount.unit) for w in windows):
            continue
        if amount.text in reported:
            continue
        reported.add(amount.text)
        yield Problem(
            f"{amount.text!r}: the translation has the number but not its unit "
            f"({amount.unit}: {' '.join(UNITS[amount.unit][0])} or the word for it)",
            expected=amount.text,
            found=amount.digits,
        )


CHECKS = (check_units,)
