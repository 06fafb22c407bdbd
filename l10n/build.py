"""Rebuilding the article in each language from its reviewed PO file.

The source article is segmented again and every sentence is replaced, in its
place, by its reviewed translation, so paragraphs, titles and the spacing
between sentences come out exactly as in the source.  A sentence without a
reviewed translation keeps its English text and is counted, so nothing is
silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from l10n import catalog
from l10n.errors import L10nError
from l10n.po import read_po
from l10n.segment import read_source, segment_text
from l10n.textfile import write_atomic


@dataclass(frozen=True)
class BuildResult:
    doc: str
    lang: str
    output: Path
    mo: Path
    segments: int
    translated: int
    left_in_english: int


def source_of(pot: polib.POFile, pot_path: Path) -> Path:
    """The article a template was made from, read off its references."""
    for entry in pot:
        for path, _line in entry.occurrences:
            return Path(path)
    raise L10nError(
        f"{pot_path}: no entry names its source file in a #: reference",
        hint="run `l10n translate SOURCE` to write the template again",
    )


def render(text: str, translations: dict[str, str]) -> tuple[str, int, int]:
    """The article with each sentence replaced by its translation where there is one."""
    lines = text.splitlines()
    by_line: dict[int, list] = {}
    segments = segment_text(text)
    for seg in segments:
        by_line.setdefault(seg.line, []).append(seg)
    translated = 0
    for number, segs in by_line.items():
        line = lines[number - 1]
        # Right to left, so earlier spans stay valid while later ones change.
        for seg in reversed(segs):
            target = translations.get(seg.text)
            if target:
                line = line[: seg.start] + target + line[seg.end :]
                translated += 1
        lines[number - 1] = line
    trailing = "\n" if text.endswith(("\n", "\r")) else ""
    return "\n".join(lines) + trailing, len(segments), translated


def build_language(
    pot_path: Path, lang: str, *, locales: Path, out: Path, include_fuzzy: bool = False
) -> BuildResult:
    pot = read_po(pot_path)
    doc = pot_path.stem
    po_file = catalog.po_path(locales, lang, doc)
    if not po_file.exists():
        raise L10nError(
            f"{po_file}: no such file",
            hint=f"run `l10n translate SOURCE --to {lang}` first",
        )
    po = read_po(po_file)
    source = source_of(pot, pot_path)
    text = read_source(source)
    translations = {
        e.msgid: e.msgstr
        for e in po
        if e.msgstr and not e.obsolete and (include_fuzzy or "fuzzy" not in e.flags)
    }
    rendered, total, translated = render(text, translations)
    output = out / lang / f"{doc}.txt"
    write_atomic(output, rendered)
    mo = out / lang / f"{doc}.mo"
    # msgfmt leaves fuzzy entries out of .mo files unless asked (-f): so do we.
    compiled = polib.POFile()
    compiled.metadata = dict(po.metadata)
    for e in po:
        if translations.get(e.msgid) == e.msgstr and e.msgstr:
            compiled.append(polib.POEntry(msgid=e.msgid, msgstr=e.msgstr))
    write_atomic(mo, compiled.to_binary())
    return BuildResult(doc, lang, output, mo, total, translated, total - translated)


def build_all(
    langs: Sequence[str] | None,
    *,
    locales: Path,
    out: Path,
    include_fuzzy: bool = False,
) -> list[BuildResult]:
    """Every template in ``locales`` in every requested language (default: all found)."""
    pots = sorted(locales.glob("*.pot"))
    if not pots:
        raise L10nError(
            f"{locales}: no .pot templates found",
            hint="run `l10n translate SOURCE --to LANGS` first",
        )
    results = []
    for pot_path in pots:
        doc = pot_path.stem
        wanted = langs or sorted(p.parent.name for p in locales.glob(f"*/{doc}.po") if p.is_file())
        for lang in wanted:
            results.append(
                build_language(
                    pot_path, lang, locales=locales, out=out, include_fuzzy=include_fuzzy
                )
            )
    return results
