"""What Markdown and HTML documents share: blocks of inline units, their
sentences, the msgid of each sentence and the rebuilt text.

A format module turns a document into :class:`Block` records: the inline
content of one heading, paragraph, list item, table cell or attribute value,
as a run of :class:`Unit` records that cover the source without a gap.  Text
is one unit per character where the text is written as it reads (so a
sentence can end anywhere in it) and one unit for an escape or an entity;
markup is an ``open``, ``close`` or ``empty`` unit.  Everything outside the
blocks (block markup, code, scripts, URLs) is never looked at again.

Sentences are found within a block, never across blocks, on the text alone;
a sentence that cuts an element in two is merged with its neighbour until
every element it touches is inside it, so a msgid's tags are always
balanced.  Elements around a whole sentence stay outside it (``*Title.*``
gives the msgid ``Title.``): fewer tags for the translator.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from l10n.documents.placeholders import compare, tags
from l10n.segment import Segment, Splitter, split_sentences

Escape = Callable[[str], str]


@dataclass(frozen=True)
class Unit:
    kind: str  # "text", "open", "close" or "empty"
    start: int  # offsets in the source document
    end: int
    text: str = ""  # for "text": what the msgid shows


@dataclass
class Block:
    units: list[Unit]
    escape: Escape  # translated text -> source syntax
    pairs: dict[int, int] = field(default_factory=dict)  # open <-> close unit indexes


def text_units(start: int, raw: str, text: str | None = None) -> list[Unit]:
    """Units for text written as ``raw`` at ``start`` that reads as ``text``."""
    if text is None or text == raw:
        return [Unit("text", start + i, start + i + 1, ch) for i, ch in enumerate(raw)]
    return [Unit("text", start, start + len(raw), text)]


def pair_units(block: Block) -> Block:
    """Match opens and closes; one without its partner becomes an ``empty``
    unit (markup the translator moves as one tag)."""
    stack: list[int] = []
    for i, unit in enumerate(block.units):
        if unit.kind == "open":
            stack.append(i)
        elif unit.kind == "close":
            if stack:
                j = stack.pop()
                block.pairs[i], block.pairs[j] = j, i
            else:
                block.units[i] = Unit("empty", unit.start, unit.end)
    for j in stack:
        block.units[j] = Unit("empty", block.units[j].start, block.units[j].end)
    return block


@dataclass(frozen=True)
class Sentence:
    block: Block
    first: int  # unit index range [first, last)
    last: int
    msgid: str
    markup: dict[str, tuple[int, int]]  # placeholder ("<1>", "<2/>") -> its markup's span

    @property
    def start(self) -> int:
        return self.block.units[self.first].start

    @property
    def end(self) -> int:
        return self.block.units[self.last - 1].end


_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s+")


def sentences(block: Block, source: str, split: Splitter | None = None) -> list[Sentence]:
    """The sentences of a block, in order; pure markup or whitespace gives none.

    ``split`` stands in for :func:`split_sentences` (a cache of its answers).
    """
    split = split or split_sentences
    plain: list[str] = []
    owner: list[int] = []
    for i, unit in enumerate(block.units):
        piece = unit.text if unit.kind == "text" else " " if unit.kind == "empty" else ""
        plain.append(_SPACE.sub(" ", piece))
        owner.extend([i] * len(piece))
    ranges = [(owner[s], owner[e - 1] + 1) for s, e in split("".join(plain))]
    found = []
    for first, last in _merge(_balanced(block, r) for r in ranges):
        if any(u.kind == "text" and u.text.strip() for u in block.units[first:last]):
            found.append(_sentence(block, source, first, last))
    return found


def _balanced(block: Block, span: tuple[int, int]) -> tuple[int, int]:
    first, last = span
    while True:
        inside = [block.pairs[i] for i in range(first, last) if i in block.pairs]
        new_first, new_last = min([first, *inside]), max([last, *(j + 1 for j in inside)])
        if (new_first, new_last) == (first, last):
            return first, last
        first, last = new_first, new_last


def _merge(spans) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in spans:
        if merged and first < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _sentence(block: Block, source: str, first: int, last: int) -> Sentence:
    parts: list[str] = []
    markup: dict[str, tuple[int, int]] = {}
    numbers: dict[int, int] = {}
    for i in range(first, last):
        unit = block.units[i]
        if unit.kind == "text":
            parts.append(unit.text)
            continue
        if unit.kind == "close":
            name = f"</{numbers[block.pairs[i]]}>"
        else:
            numbers[i] = len(numbers) + 1
            name = f"<{numbers[i]}>" if unit.kind == "open" else f"<{numbers[i]}/>"
        parts.append(name)
        markup[name] = (unit.start, unit.end)
    return Sentence(block, first, last, _SPACES.sub(" ", "".join(parts)), markup)


Markup = Callable[[int, int], str]  # a span of the source -> its text in the output


def render_sentence(sentence: Sentence, target: str, markup: Markup) -> str | None:
    """A translation in the source's syntax: its text escaped, its tags
    replaced by the markup they stand for.  None when its tags do not match
    the msgid's (the sentence then stays as it was)."""
    if compare(sentence.msgid, target):
        return None
    parts, last = [], 0
    for tag in tags(target):
        parts.append(sentence.block.escape(target[last : tag.start]))
        parts.append(markup(*sentence.markup[target[tag.start : tag.end]]))
        last = tag.end
    parts.append(sentence.block.escape(target[last:]))
    return "".join(parts)


@dataclass(frozen=True)
class Rendered:
    text: str
    total: int
    translated: int


def render(
    source: str,
    found: Sequence[Sentence],
    translations: dict[str, str],
    fixed: Sequence[tuple[int, int, str]] = (),
) -> Rendered:
    """The document with each sentence replaced by its translation where there is one.

    A translation equal to its msgid keeps the source as written (its line
    breaks, entities and escapes), so an untouched document comes back byte
    for byte.  ``fixed`` are edits outside every sentence (an HTML page's
    language).
    """
    edits: list[tuple[int, int, str]] = list(fixed)
    translated = 0

    def markup(start: int, end: int) -> str:
        # An image's alt text is an entry of its own inside the image's markup.
        return _apply(source, start, end, [e for e in edits if start <= e[0] and e[1] <= end])

    # Inner sentences (alt texts, titles) first, so their markup carries them.
    for sentence in sorted(found, key=lambda s: s.end - s.start):
        target = translations.get(sentence.msgid)
        if not target:
            continue
        if target == sentence.msgid:
            translated += 1
            continue
        text = render_sentence(sentence, target, markup)
        if text is not None:
            translated += 1
            edits.append((sentence.start, sentence.end, text))
    outer = [e for e in edits if not any(o != e and o[0] <= e[0] and e[1] <= o[1] for o in edits)]
    return Rendered(_apply(source, 0, len(source), outer), len(found), translated)


def _apply(source: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    """``source[start:end]`` with the (non-overlapping) edits made."""
    parts, at = [], start
    for e_start, e_end, text in sorted(edits):
        if e_start < at:
            continue  # inside an edit already made
        parts.append(source[at:e_start])
        parts.append(text)
        at = e_end
    parts.append(source[at:end])
    return "".join(parts)


class LineIndex:
    """Offset -> 1-based line number, as ``#:`` references count lines."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def segments(found: Sequence[Sentence], source: str) -> list[Segment]:
    """The template's segments: each sentence's msgid at its first line of text."""
    index = LineIndex(source)
    out = []
    for s in found:
        first_text = next(u for u in s.block.units[s.first : s.last] if u.kind == "text")
        out.append(Segment(s.msgid, index.line(first_text.start), s.start, s.end))
    return out
