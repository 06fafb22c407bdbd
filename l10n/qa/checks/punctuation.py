"""The ``punctuation``, ``whitespace`` and ``spacing`` checks: the marks and
spaces around the words, which a reviewer reading for meaning overlooks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import target_lang

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


@check(
    "punctuation",
    Severity.ERROR,
    "Sentence-final punctuation as in the source: a period, question or exclamation mark, "
    "ellipsis (… = ...) or colon is neither lost, added nor changed. Placement around closing "
    'quotes may follow the target language (said." -> «...»., «...», — сказал).',
)
def check_punctuation(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    source, _ = _final_marks(unit.msgid)
    target, tail_at = _final_marks(unit.msgstr)
    if source == target:
        return ()  # the usual case
    return list(_punctuation(unit, target_lang(ctx), source, target, tail_at))


def _punctuation(
    unit: Unit, lang: str, source: set[str], target: set[str], tail_at: int
) -> Iterator[Problem]:
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


@check(
    "whitespace",
    Severity.ERROR,
    "Leading and trailing whitespace (spaces, newlines) as in the source: the build keeps "
    "the source's spacing between sentences, so a stray edge space or newline in a "
    "translation ends up in the article (msgfmt -c rejects newline mismatches). Fixable.",
)
def check_whitespace(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    source, target = unit.msgid, unit.msgstr
    if not (
        source[:1].isspace()
        or source[-1:].isspace()
        or target[:1].isspace()
        or target[-1:].isspace()
    ):
        return ()  # the usual case: no whitespace at either edge of either
    return list(_whitespace(unit))


def _whitespace(unit: Unit) -> Iterator[Problem]:
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
# Both at once: what the usual entry is settled by.
_EITHER_HINT = re.compile(r"[ \u00a0\u202f\u2009][ \u00a0\u202f\u2009,.;:!?)\]]")


def _double_space(text: str) -> bool:
    return _DOUBLE_SPACE_HINT.search(text) is not None and _DOUBLE_SPACE.search(text) is not None


def _space_before(text: str) -> bool:
    return _SPACE_BEFORE_HINT.search(text) is not None and _SPACE_BEFORE.search(text) is not None


@check(
    "spacing",
    Severity.WARNING,
    "Doubled spaces inside the translation, or a space before , . ; : ! ? ) that the source "
    "does not have.",
)
def check_spacing(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if _EITHER_HINT.search(unit.msgstr) is None:
        return ()  # the usual case: neither pattern can match
    return list(_spacing(unit))


def _spacing(unit: Unit) -> Iterator[Problem]:
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


CHECKS = (check_punctuation, check_whitespace, check_spacing)
