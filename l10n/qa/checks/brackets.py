"""The ``brackets`` and ``bracket-count`` checks: (), [] and {} that do not
close, and brackets the translation added or dropped.

A bracket that does not close garbles the published sentence, so it is an
error; a different number of pairs is often a translator's choice (an age
added in brackets, an aside turned into dashes), so it is a warning.  A pair
added around a name alone, "(Санкт-Петербург)", the usual way to give a name
its familiar or original form, is not reported at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from l10n.qa.base import CheckContext, Problem, Severity, Unit, check

PAIRS = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {close: open_ for open_, close in PAIRS.items()}
_ANY_BRACKET = re.compile(r"[()\[\]{}]")


@lru_cache(maxsize=8)  # both checks ask about the same texts in turn
def _has_brackets(text: str) -> bool:
    # (Six substring tests cost less than one regex search of the text.)
    return "(" in text or ")" in text or "[" in text or "]" in text or "{" in text or "}" in text


def _unbalanced(text: str) -> list[str]:
    """Brackets of ``text`` that do not close or close the wrong pair, in order."""
    stack: list[str] = []
    wrong: list[str] = []
    for m in _ANY_BRACKET.finditer(text):
        ch = m.group()
        if ch in PAIRS:
            stack.append(ch)
        elif stack and stack[-1] == _CLOSING[ch]:
            stack.pop()
        else:
            wrong.append(ch)
    return wrong + stack


def _counts(text: str) -> dict[str, int]:
    return {open_ + close: text.count(open_) for open_, close in PAIRS.items()}


_INNER = {
    open_ + close: re.compile(
        re.escape(open_) + rf"([^{re.escape(open_ + close)}]*)" + re.escape(close)
    )
    for open_, close in PAIRS.items()
}
NAME_MAX_WORDS = 4


def _names_in(text: str, pair: str) -> int:
    """How many ``pair`` brackets of ``text`` hold a name alone (every word
    with a capital or a digit first, at most four words)."""
    return sum(_name_like(m.group(1)) for m in _INNER[pair].finditer(text))


def _name_like(content: str) -> bool:
    words = content.split()
    return 0 < len(words) <= NAME_MAX_WORDS and all(
        (w.lstrip("\"'«„“‘")[:1] or "x").isupper() or w[:1].isdigit() for w in words
    )


@check(
    "brackets",
    Severity.ERROR,
    "Brackets (), [] and {} in the translation open and close in pairs, as in the source "
    "(a source that itself leaves one open, a list's '1)', may be followed).",
)
def check_brackets(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if not _has_brackets(unit.msgstr):
        return ()  # the usual case: no bracket to close (a dropped pair is bracket-count's)
    wrong = _unbalanced(unit.msgstr)
    if not wrong or sorted(wrong) == sorted(_unbalanced(unit.msgid)):
        return ()
    shown = " ".join(dict.fromkeys(wrong))
    return [
        Problem(f"unbalanced brackets in the translation: {shown} without its pair", found=shown)
    ]


@check(
    "bracket-count",
    Severity.WARNING,
    "The translation has as many pairs of (), [] and {} as the source: brackets added or "
    "dropped. A warning: an explanation in brackets is sometimes added on purpose; a name "
    "alone added in brackets, '(Санкт-Петербург)', is not reported.",
)
def check_bracket_count(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if not _has_brackets(unit.msgstr) and not _has_brackets(unit.msgid):
        return ()  # the usual case
    return list(_count_differences(unit))


def _count_differences(unit: Unit) -> Iterator[Problem]:
    source, target = _counts(unit.msgid), _counts(unit.msgstr)
    for pair, count in source.items():
        if target[pair] == count:
            continue
        if target[pair] > count and target[pair] - _names_in(unit.msgstr, pair) <= count:
            continue  # only names were added in brackets
        what = "added" if target[pair] > count else "dropped"
        yield Problem(
            f"{pair} {what}: the source has {count} and the translation {target[pair]}",
            expected=str(count),
            found=str(target[pair]),
        )


CHECKS = (check_brackets, check_bracket_count)
