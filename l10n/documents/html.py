"""HTML articles: full pages or CMS fragments, parsed with the standard
library's HTML parser.

``html.parser`` reports every tag, text run and entity with its position, and
tolerates the HTML CMSs write (unclosed ``<p>``, stray end tags), so the
build can splice translations into the source and leave every other byte as
it was; a tree parser would write the markup out again in its own style.

Translated: the text of headings, paragraphs, list items, quotes, table
cells and other blocks, with inline elements as placeholders; ``alt`` and
``title`` attribute values as entries of their own.  Not translated: the
head, scripts, styles, code, ``pre``, SVG and MathML, any element with
``translate="no"`` or the class ``notranslate``, and attribute values other
than alt and title.  A selector (:class:`Selector`) limits translation to
the part of a page that holds the article.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from l10n.documents.blocks import Block, LineIndex, Unit, pair_units, text_units
from l10n.errors import L10nError


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


BLOCK_TAGS = _names(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main
    nav ol p section summary table tbody td tfoot th thead tr ul option"""
)
# Elements whose content is never translated; inside a block they are one tag.
OPAQUE_TAGS = _names(
    """head script style code pre kbd samp var textarea svg math template noscript iframe
    object select"""
)
VOID_TAGS = _names("area base br col embed hr img input link meta source track wbr")
TRANSLATED_ATTRIBUTES = ("alt", "title")


@dataclass(frozen=True)
class Event:
    kind: str  # start, startend, end, data, entity, other
    start: int
    end: int
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()


class _Scanner(HTMLParser):
    """Every construct of the page with its offsets, in order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.index = LineIndex(text)
        self.raw: list[tuple[str, int, str, tuple]] = []

    def _add(self, kind: str, tag: str = "", attrs=()) -> None:
        line, col = self.getpos()
        self.raw.append((kind, self.index.starts[line - 1] + col, tag, tuple(attrs)))

    def handle_starttag(self, tag, attrs):
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._add("startend", tag, attrs)

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_data(self, data):
        self._add("data")

    def handle_entityref(self, name):
        self._add("entity")

    def handle_charref(self, name):
        self._add("entity")

    def handle_comment(self, data):
        self._add("other")

    def handle_decl(self, decl):
        self._add("other")

    def handle_pi(self, data):
        self._add("other")

    def unknown_decl(self, data):
        self._add("other")


def scan(text: str) -> list[Event]:
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    raw = scanner.raw
    ends = [r[1] for r in raw[1:]] + [len(text)]
    return [Event(k, s, e, t, a) for (k, s, t, a), e in zip(raw, ends, strict=True) if e > s]


@dataclass(frozen=True)
class Selector:
    """A small CSS selector: ``tag``, ``.class``, ``#id`` or a compound of
    them (``div.story``), or several separated by commas.  Descendant and
    attribute selectors are not supported."""

    alternatives: tuple[tuple[str, frozenset[str], str], ...]  # (tag, classes, id)

    @classmethod
    def parse(cls, text: str) -> Selector:
        alternatives = []
        for part in text.split(","):
            m = re.fullmatch(r"\s*([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)\s*", part)
            if not m or not (m.group(1) or m.group(2)):
                raise L10nError(
                    f"html-selector {text!r}: {part.strip()!r} is not a selector l10n reads",
                    hint="use a tag, .class, #id or a compound such as div.story, "
                    "several separated by commas",
                )
            names = re.findall(r"([.#])([\w-]+)", m.group(2))
            classes = frozenset(n for k, n in names if k == ".")
            ids = [n for k, n in names if k == "#"]
            alternatives.append(((m.group(1) or "").lower(), classes, ids[0] if ids else ""))
        return cls(tuple(alternatives))

    def matches(self, event: Event) -> bool:
        attrs = {k: v or "" for k, v in event.attrs}
        classes = set(attrs.get("class", "").split())
        return any(
            (not tag or tag == event.tag)
            and wanted <= classes
            and (not ident or attrs.get("id") == ident)
            for tag, wanted, ident in self.alternatives
        )


def escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def escape_attribute(text: str) -> str:
    return html.escape(text, quote=True)


_ATTRIBUTE = re.compile(
    r"""\s([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""", re.ASCII
)


def attribute_blocks(source: str, event: Event) -> list[Block]:
    """The alt and title values of a start tag, each a block of its own."""
    blocks = []
    tag_text = source[event.start : event.end]
    for m in _ATTRIBUTE.finditer(tag_text):
        if m.group(1).lower() not in TRANSLATED_ATTRIBUTES:
            continue
        group = next((g for g in (2, 3, 4) if m.group(g) is not None), None)
        if group is None:
            continue
        raw = m.group(group)
        units = text_units(event.start + m.start(group), raw, html.unescape(raw))
        blocks.append(Block(units, escape_attribute))
    return blocks


def _breaks(tag: str) -> bool:
    """Whether an untranslated element ends the paragraph before it."""
    return tag in BLOCK_TAGS or tag in ("head", "script", "style", "pre", "template", "noscript")


def _translatable(event: Event) -> bool:
    attrs = {k: v or "" for k, v in event.attrs}
    return (
        attrs.get("translate", "").lower() != "no"
        and "notranslate" not in attrs.get("class", "").split()
    )


class _Walker:
    """Cuts the event stream into blocks."""

    def __init__(self, source: str, selector: Selector | None) -> None:
        self.source, self.selector = source, selector
        self.blocks: list[Block] = []
        self.run: list[Unit] = []
        self.opaque: tuple[str, int, int] | None = None  # tag, depth, start offset
        self.selected: tuple[str, int] | None = None  # tag, depth

    def flush(self) -> None:
        if self.run:
            self.blocks.append(pair_units(Block(self.run, escape_text)))
        self.run = []

    def walk(self, events: list[Event]) -> list[Block]:
        for event in events:
            self.step(event)
        self.flush()
        return self.blocks

    def inside(self) -> bool:
        return self.selector is None or self.selected is not None

    def step(self, e: Event) -> None:
        if self.opaque is not None:
            self._in_opaque(e)
            return
        if self.selector is not None:
            self._track_selection(e)
        if not self.inside():
            self.flush()
            return
        if e.kind in ("start", "startend") and (e.tag in OPAQUE_TAGS or not _translatable(e)):
            if e.kind == "start" and e.tag not in VOID_TAGS:
                if _breaks(e.tag):
                    self.flush()
                self.opaque = (e.tag, 1, e.start)
            else:
                self._markup(e, "empty")
            return
        if e.kind in ("start", "startend", "end") and e.tag in BLOCK_TAGS:
            self.flush()
            if e.kind != "end":
                self.blocks.extend(attribute_blocks(self.source, e))
            return
        if e.kind == "data":
            self.run.extend(text_units(e.start, self.source[e.start : e.end]))
        elif e.kind == "entity":
            raw = self.source[e.start : e.end]
            self.run.extend(text_units(e.start, raw, html.unescape(raw)))
        elif e.kind == "start":
            self.blocks.extend(attribute_blocks(self.source, e))
            self._markup(e, "empty" if e.tag in VOID_TAGS else "open")
        elif e.kind == "startend":
            self.blocks.extend(attribute_blocks(self.source, e))
            self._markup(e, "empty")
        elif e.kind == "end":
            self._markup(e, "close")
        elif self.run:
            self._markup(e, "empty")  # a comment inside a paragraph
        else:
            self.flush()

    def _markup(self, e: Event, kind: str) -> None:
        self.run.append(Unit(kind, e.start, e.end))

    def _in_opaque(self, e: Event) -> None:
        tag, depth, start = self.opaque  # type: ignore[misc]
        if e.kind == "start" and e.tag == tag:
            depth += 1
        elif e.kind == "end" and e.tag == tag:
            depth -= 1
        if depth:
            self.opaque = (tag, depth, start)
            return
        self.opaque = None
        if not _breaks(tag):
            self.run.append(Unit("empty", start, e.end))

    def _track_selection(self, e: Event) -> None:
        if self.selected is None:
            if e.kind == "start" and self.selector.matches(e):  # type: ignore[union-attr]
                self.selected = (e.tag, 1)
            return
        tag, depth = self.selected
        if e.kind == "start" and e.tag == tag:
            depth += 1
        elif e.kind == "end" and e.tag == tag:
            depth -= 1
        self.selected = (tag, depth) if depth else None
        if not depth:
            self.flush()


def blocks(source: str, selector: str | None = None) -> list[Block]:
    """The translatable blocks of an HTML page or fragment, in order."""
    return page(source, selector)[0]


Edit = tuple[int, int, str]  # a span of the source and the text that replaces it


def page(
    source: str, selector: str | None = None
) -> tuple[list[Block], Callable[[str], list[Edit]]]:
    """The blocks of a page, and what sets its language (:func:`language_edits`)."""
    parsed = Selector.parse(selector) if selector else None
    events = scan(source)
    root = next((e for e in events if e.kind in ("start", "startend") and e.tag == "html"), None)

    def edits(lang: str) -> list[Edit]:
        return language_edits(source, root, lang) if root is not None else []

    return _Walker(source, parsed).walk(events), edits


_LANGUAGE_ATTRIBUTES = ("lang", "xml:lang")


def language_edits(source: str, root: Event, lang: str) -> list[Edit]:
    """Edits that make the ``<html>`` start tag say ``lang``: the values of
    its ``lang`` and ``xml:lang`` attributes replaced, and ``lang`` added
    when the tag has none, so that browsers, screen readers and search
    engines read the built page as the language it is now in."""
    tag_text = source[root.start : root.end]
    value = escape_attribute(lang)
    found, edits = set(), []
    for m in _ATTRIBUTE.finditer(tag_text):
        name = m.group(1).lower()
        if name not in _LANGUAGE_ATTRIBUTES or name in found:
            continue  # a repeated attribute: browsers read the first
        found.add(name)
        group = next((g for g in (2, 3, 4) if m.group(g) is not None), None)
        if group is None:  # <html lang>: no value to replace
            at = root.start + m.end(1)
            edits.append((at, at, f'="{value}"'))
        else:
            edits.append((root.start + m.start(group), root.start + m.end(group), value))
    if "lang" not in found:
        at = root.start + len("<html")
        edits.append((at, at, f' lang="{value}"'))
    return edits
