"""Rebuilding the article in each language from its reviewed PO file.

The source article is segmented again and every sentence is replaced, in its
place, by its reviewed translation, so paragraphs, titles and the spacing
between sentences come out exactly as in the source.  A sentence without a
reviewed translation keeps its English text and is counted, so nothing is
silently dropped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from l10n import catalog
from l10n.documents import Document, DocumentOptions, read_document
from l10n.documents.text import render
from l10n.errors import InputFileError, L10nError
from l10n.files import write_atomic
from l10n.po import read_po

__all__ = [
    "Article",
    "BuildResult",
    "build_all",
    "build_article",
    "build_language",
    "read_article",
    "render",
    "source_of",
]


@dataclass(frozen=True)
class BuildResult:
    doc: str
    lang: str
    output: Path
    mo: Path
    segments: int
    translated: int
    left_in_english: int


def source_of(pot: polib.POFile, pot_path: Path, root: Path) -> Path:
    """The article a template was made from, read off its references."""
    for entry in pot:
        for path, _line in entry.occurrences:
            return project_file(path, pot_path, entry, root)
    raise L10nError(
        f"{pot_path}: no entry names its source file in a #: reference",
        hint="run `l10n translate SOURCE` to write the template again",
    )


def project_file(reference: str, pot_path: Path, entry: polib.POEntry, root: Path) -> Path:
    """The file a ``#:`` reference names, refused unless it is inside the project.

    A template is input like any other: one naming ``/etc/hostname``, a path
    through ``..`` or a symlink out of the project would have that file's
    text copied into the article.
    """
    if Path(reference).is_absolute():
        problem = "is an absolute path: sources are read only from inside the project"
    elif not (root / reference).resolve().is_relative_to(root.resolve()):
        problem = "names a file outside the project"
    else:
        return Path(os.path.relpath(root / reference))
    raise InputFileError(
        str(pot_path),
        f"the #: reference {reference!r} {problem} ({root})",
        line=_reference_line(pot_path, entry, reference),
        hint="run `l10n translate` from the project folder on an article inside it, "
        "to write the template again",
    )


def _reference_line(pot_path: Path, entry: polib.POEntry, reference: str) -> int | None:
    """The line of the ``#:`` comment that names ``reference``, else the entry's."""
    try:
        lines = pot_path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return entry.linenum or None
    for number in range(max(entry.linenum, 1), len(lines) + 1):
        line = lines[number - 1].strip()
        if line.startswith("#:") and any(
            ref == reference or ref.rpartition(":")[0] == reference for ref in line[2:].split()
        ):
            return number
    return entry.linenum or None


@dataclass(frozen=True)
class Article:
    """A template and its source document, read once for all its languages."""

    pot_path: Path
    document: Document

    @property
    def doc(self) -> str:
        return self.pot_path.stem


def read_article(
    pot_path: Path, *, root: Path | None = None, options: DocumentOptions | None = None
) -> Article:
    pot = read_po(pot_path)
    source = source_of(pot, pot_path, root or Path.cwd())
    return Article(pot_path, read_document(source, options))


def build_language(
    pot_path: Path,
    lang: str,
    *,
    locales: Path,
    out: Path,
    include_fuzzy: bool = False,
    root: Path | None = None,
    options: DocumentOptions | None = None,
) -> BuildResult:
    _po_file(locales, lang, pot_path.stem)
    article = read_article(pot_path, root=root, options=options)
    return build_article(article, lang, locales=locales, out=out, include_fuzzy=include_fuzzy)


def _po_file(locales: Path, lang: str, doc: str) -> Path:
    po_file = catalog.po_path(locales, lang, doc)
    if not po_file.exists():
        raise L10nError(
            f"{po_file}: no such file",
            hint=f"run `l10n translate SOURCE --to {lang}` first",
        )
    return po_file


def build_article(
    article: Article, lang: str, *, locales: Path, out: Path, include_fuzzy: bool = False
) -> BuildResult:
    """The article in ``lang``, from its PO file, and the PO file compiled."""
    doc, document = article.doc, article.document
    po = read_po(_po_file(locales, lang, doc))
    # msgfmt leaves fuzzy entries out of .mo files unless asked (-f): so do we.
    usable = [
        e
        for e in po
        if not e.obsolete
        and catalog.has_translation(e)
        and (include_fuzzy or "fuzzy" not in e.flags)
    ]
    # The article's sentences are the messages without a context or plural
    # forms: an entry with a context is another message with the same msgid.
    translations = {e.msgid: e.msgstr for e in usable if e.msgctxt is None and not e.msgid_plural}
    rendered = document.render(translations, lang)
    total, translated = rendered.total, rendered.translated
    output = out / lang / f"{doc}{_output_suffix(document.suffix)}"
    write_atomic(output, rendered.text)
    mo = out / lang / f"{doc}.mo"
    write_atomic(mo, _compiled(po, usable).to_binary())
    return BuildResult(doc, lang, output, mo, total, translated, total - translated)


def _output_suffix(suffix: str) -> str:
    """Markdown and HTML keep their extension; anything else was read as text."""
    return suffix if suffix in (".md", ".markdown", ".html", ".htm") else ".txt"


def _compiled(po: polib.POFile, entries: list[polib.POEntry]) -> polib.POFile:
    """What msgfmt puts in the .mo file: each message, its context and forms."""
    compiled = polib.POFile()
    compiled.metadata = dict(po.metadata)
    # polib encodes the .mo in ``encoding``; the header names the charset.
    compiled.encoding = getattr(po, "encoding", None) or "utf-8"
    for e in entries:
        compiled.append(
            polib.POEntry(
                msgctxt=e.msgctxt,
                msgid=e.msgid,
                msgid_plural=e.msgid_plural,
                msgstr=e.msgstr,
                msgstr_plural=dict(e.msgstr_plural),
            )
        )
    return compiled


def build_all(
    langs: Sequence[str] | None,
    *,
    locales: Path,
    out: Path,
    include_fuzzy: bool = False,
    root: Path | None = None,
    options: DocumentOptions | None = None,
) -> list[BuildResult]:
    """Every template in ``locales`` in every requested language (default: all found).

    ``root`` is the project folder the templates' ``#:`` references are
    relative to (default: the working directory).
    """
    pots = sorted(locales.glob("*.pot"))
    if not pots:
        raise L10nError(
            f"{locales}: no .pot templates found",
            hint="run `l10n translate SOURCE --to LANGS` first",
        )
    found = _languages_of(locales) if not langs else {}
    results = []
    for pot_path in pots:
        wanted = langs or found.get(pot_path.stem, [])
        if not wanted:
            continue
        for lang in wanted:
            _po_file(locales, lang, pot_path.stem)
        # Read and segmented once, rendered in every language.
        article = read_article(pot_path, root=root, options=options)
        for lang in wanted:
            results.append(
                build_article(article, lang, locales=locales, out=out, include_fuzzy=include_fuzzy)
            )
    return results


def _languages_of(locales: Path) -> dict[str, list[str]]:
    """Document name -> the languages it has a PO file in, sorted."""
    found: dict[str, list[str]] = {}
    for path in sorted(locales.glob("*/*.po")):
        if path.is_file():
            found.setdefault(path.stem, []).append(path.parent.name)
    return {doc: sorted(langs) for doc, langs in found.items()}
