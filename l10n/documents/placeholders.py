"""Inline markup in a msgid as numbered placeholders: ``<1>Sudzha</1>``, ``<2/>``.

A translator in Poedit sees the whole sentence with short, numbered tags where
the markup was: ``<N>...</N>`` for an element with text inside (a link,
emphasis), ``<N/>`` for one without (a line break, an image, a code span).
The numbers count from 1 in each entry, in the order the tags open.  The
tags may move, but each must appear once and stay properly nested; what they
stand for (URLs, attributes, the markup itself) never enters the PO file: the
build parses the source document again and finds it there.

Machine translation never sees the tags (random-weight and real models alike
garble them); :func:`restore_placeholders` puts them back into the plain
translation by relative position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"<(/?)(\d{1,3})(/?)>")


@dataclass(frozen=True)
class Tag:
    kind: str  # "open", "close" or "empty"
    number: int
    start: int  # where the tag is in the string
    end: int


def tags(text: str) -> list[Tag]:
    """The placeholders of ``text``, in order (``</3/>`` is not one)."""
    found = []
    for m in PLACEHOLDER.finditer(text):
        closing, number, empty = m.group(1), int(m.group(2)), m.group(3)
        if closing and empty:
            continue
        kind = "close" if closing else "empty" if empty else "open"
        found.append(Tag(kind, number, m.start(), m.end()))
    return found


def has_placeholders(text: str) -> bool:
    return bool(tags(text))


def strip_placeholders(text: str) -> str:
    """The text without its tags: what machine translation is given."""
    parts, last = [], 0
    for tag in tags(text):
        parts.append(text[last : tag.start])
        last = tag.end
    parts.append(text[last:])
    return "".join(parts)


def signature(text: str) -> tuple[list[str], dict[str, int]]:
    """Nesting problems of ``text`` and how often each tag occurs.

    The problems are sentences a translator can act on; the counts key tags
    as ``<1>``, ``</1>``, ``<2/>``.
    """
    problems: list[str] = []
    counts: dict[str, int] = {}
    stack: list[int] = []
    for tag in tags(text):
        name = _name(tag)
        counts[name] = counts.get(name, 0) + 1
        if tag.kind == "open":
            stack.append(tag.number)
        elif tag.kind == "close":
            if not stack:
                problems.append(f"{name} closes a tag that is not open")
            elif stack[-1] != tag.number:
                problems.append(f"{name} closes <{tag.number}> inside <{stack[-1]}>")
                if tag.number in stack:
                    stack.remove(tag.number)
            else:
                stack.pop()
    problems.extend(f"<{n}> is never closed" for n in stack)
    return problems, counts


def _name(tag: Tag) -> str:
    return {"open": "<{}>", "close": "</{}>", "empty": "<{}/>"}[tag.kind].format(tag.number)


def compare(msgid: str, msgstr: str) -> list[str]:
    """What is wrong with the tags of ``msgstr`` against those of ``msgid``:
    nothing when each tag of the msgid appears once and nests correctly."""
    problems, found = signature(msgstr)
    _, wanted = signature(msgid)
    missing = sorted(n for n in wanted if found.get(n, 0) < wanted[n])
    extra = sorted(n for n in found if found[n] > wanted.get(n, 0))
    if missing:
        problems.append(f"missing {' '.join(missing)}")
    if extra:
        problems.append(f"not in the source: {' '.join(extra)}")
    return problems


def restore_placeholders(source_msgid: str, translated_plain: str) -> str:
    """``translated_plain`` with the tags of ``source_msgid`` put back.

    Each tag goes to the same relative position in the translation as in the
    source, moved to the nearest word boundary (an opening tag before a word,
    a closing tag after one) and never before the tag that came before it, so
    the tags come out in source order: each exactly once and nested as in
    the source.  An element that had words inside keeps at least one.  Word
    order differs between languages, so the placement is a guess for a
    reviewer to check, never a fact.
    """
    source_tags = tags(source_msgid)
    if not source_tags:
        return translated_plain
    plain_source = strip_placeholders(source_msgid)
    scale = len(translated_plain) / max(len(plain_source), 1)
    starts, ends = _word_edges(translated_plain)
    placed: list[tuple[int, str]] = []
    opened: dict[int, int] = {}  # number -> where its open tag went
    removed = 0  # characters of tags before the current one
    floor = 0
    for tag in source_tags:
        at_source = tag.start - removed
        removed += tag.end - tag.start
        target = round(at_source * scale)
        if tag.kind == "close":
            pos = _nearest(ends, target)
            if pos <= opened.get(tag.number, -1):
                pos = _next_after(ends, opened[tag.number], len(translated_plain))
        else:
            pos = _nearest(starts, target)
        pos = max(pos, floor)
        floor = pos
        if tag.kind == "open":
            opened[tag.number] = pos
        placed.append((pos, _name(tag)))
    parts, last = [], 0
    for pos, name in placed:
        parts.append(translated_plain[last:pos])
        parts.append(name)
        last = pos
    parts.append(translated_plain[last:])
    return "".join(parts)


def _word_edges(text: str) -> tuple[list[int], list[int]]:
    starts = [m.start() for m in re.finditer(r"\S+", text)] or [0]
    ends = [m.end() for m in re.finditer(r"\S+", text)] or [len(text)]
    return [*starts, len(text)], [0, *ends]


def _nearest(candidates: list[int], target: int) -> int:
    return min(candidates, key=lambda c: (abs(c - target), c))


def _next_after(ends: list[int], after: int, limit: int) -> int:
    return next((e for e in ends if e > after), limit)
