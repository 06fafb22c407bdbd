"""Articles in the formats newsrooms publish: plain text, Markdown and HTML.

:func:`read_document` picks the format by the file's extension and gives a
:class:`Document`: its segments (the template's messages, with their lines)
and :meth:`Document.render`, which writes the same document with translated
text and every other byte as it was.  The text of Markdown and HTML
documents reaches the PO files with inline markup as numbered placeholders
(:mod:`l10n.documents.placeholders`); the markup itself is found again in the
source at build time, so no URL or attribute is ever written into a PO file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import InputFileError
from l10n.segment import ARTICLE_HINT, Segment, read_source, segment_text

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html"}
SUFFIXES[".htm"] = "html"


@dataclass(frozen=True)
class DocumentOptions:
    """What ``[documents]`` in l10n.toml says about documents."""

    html_selector: str | None = None  # the part of a page to translate, e.g. "article"
    front_matter: tuple[str, ...] = ("title",)  # Markdown front matter keys to translate


@dataclass(frozen=True)
class Rendered:
    text: str
    total: int  # sentence occurrences in the document
    translated: int  # of them, replaced by a translation


@dataclass(frozen=True)
class Document:
    path: Path
    format: str  # "text", "markdown" or "html"
    text: str
    segments: list[Segment]
    _render: Callable[[dict[str, str], str | None], Rendered]

    @property
    def suffix(self) -> str:
        """The extension the built document keeps (``.md``, ``.html``...)."""
        return self.path.suffix.lower()

    @property
    def prose(self) -> str:
        """The text without markup, one sentence a line: what language detection reads."""
        if self.format == "text":
            return self.text
        from l10n.documents.placeholders import strip_placeholders

        return "\n".join(strip_placeholders(s.text) for s in self.segments)

    def render(self, translations: dict[str, str], lang: str | None = None) -> Rendered:
        """The document with its translations; ``lang``, the language they are
        in, is written where the format says it (an HTML page's ``lang``)."""
        return self._render(translations, lang)


def format_of(path: Path | str) -> str:
    """The format of a source by its extension; an unknown one is plain text
    (as every article was before other formats were read)."""
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_document(path: Path | str, options: DocumentOptions | None = None) -> Document:
    """A source document, parsed; an unreadable or empty one is an input error.

    Its sentences are found once: the document renders in any number of
    languages without segmenting again, and the sentence spans are kept
    between runs (:mod:`l10n.documents.spans`).
    """
    path = Path(path)
    options = options or DocumentOptions()
    text = read_source(path)
    kind = format_of(path)
    from l10n.documents.spans import SpanCache

    spans = SpanCache.of(text, kind, options)
    if kind == "text":
        from l10n.documents.text import render as render_text

        segments = segment_text(text, spans.split)
        spans.keep()

        def plain(translations: dict[str, str], lang: str | None = None) -> Rendered:
            return Rendered(*render_text(text, translations, segments))

        return Document(path, kind, text, segments, plain)
    from l10n.documents import blocks as core

    blocks, language = _blocks(path, kind, text, options)
    found = [s for b in blocks for s in core.sentences(b, text, spans.split)]
    spans.keep()
    if not found:
        raise InputFileError(
            str(path), f"has no text to translate (read as {kind})", hint=ARTICLE_HINT
        )

    def marked(translations: dict[str, str], lang: str | None = None) -> Rendered:
        fixed = language(lang) if lang else []
        done = core.render(text, found, translations, fixed)
        return Rendered(done.text, done.total, done.translated)

    return Document(path, kind, text, core.segments(found, text), marked)


def _no_language(lang: str) -> list[tuple[int, int, str]]:
    return []


def _blocks(
    path: Path, kind: str, text: str, options: DocumentOptions
) -> tuple[Sequence, Callable[[str], list[tuple[int, int, str]]]]:
    """The document's blocks, and the edits that say which language it is in."""
    if kind == "markdown":
        from l10n.documents import markdown

        return markdown.blocks(text, str(path), options.front_matter), _no_language
    from l10n.documents import html

    return html.page(text, options.html_selector)
