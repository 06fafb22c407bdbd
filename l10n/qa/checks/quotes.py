"""The ``quotes`` check: quotation marks of the target language, one style per file.

Quotations are paired by their marks' context (an opening mark follows a space
or an opening bracket), so that apostrophes inside words are no quotes and a
quotation the segmenter cut in two still has a style.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import file_state, target_lang

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
    state = file_state(ctx, "quotes")
    if "style" not in state:
        allowed = ALLOWED_STYLES[lang]
        counts: Counter[str] = Counter()
        for u in ctx.units:
            if u.msgstr and _MARK_CHAR.search(u.msgstr) is not None:  # (else no quotes)
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


@check(
    "quotes",
    Severity.ERROR,
    "Quotation marks the target language uses (ru, uk: «…», „…“ inside; sq: “…”, „…“ or «…»), "
    "no straight quotes, and one style in the whole file (the majority style wins). "
    "Apostrophes inside words (п’ять) are not quotes. Straight quotes can be fixed.",
)
def check_quotes(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if _MARK_CHAR.search(unit.msgstr) is None:
        return ()  # the usual case: no quotation mark at all
    lang = target_lang(ctx)
    allowed = ALLOWED_STYLES.get(lang)
    if allowed is None:
        return ()
    quotes, mismatched = _quotes(unit.msgstr)
    if not quotes:
        return ()
    file_style = _file_style(ctx, lang)[0]
    if not mismatched and all(_fits(q, allowed, file_style) for q in quotes):
        return ()  # marks of the file's style (and allowed inner ones): nothing to say
    return list(_quote_problems(unit, ctx, lang, allowed, quotes, mismatched))


def _fits(quote: _Quote, allowed: tuple[str, ...], file_style: str) -> bool:
    """Whether ``quote`` is of an allowed style (never straight) and, when it is
    an outermost double quotation, of the file's style."""
    return quote.style in allowed and (
        quote.depth != 0 or quote.style[0] in _SINGLE_MARKS or quote.style == file_style
    )


def _quote_problems(
    unit: Unit,
    ctx: CheckContext,
    lang: str,
    allowed: tuple[str, ...],
    quotes: tuple[_Quote, ...],
    mismatched: tuple[tuple[str, str], ...],
) -> Iterator[Problem]:
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


CHECKS = (check_quotes,)
