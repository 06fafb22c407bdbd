"""Plain-text articles: one paragraph or title per line, as l10n always read them."""

from __future__ import annotations

from l10n.segment import Segment, segment_text


def render(
    text: str, translations: dict[str, str], segments: list[Segment] | None = None
) -> tuple[str, int, int]:
    """The article with each sentence replaced by its translation where there is one.

    Lines are split at line feeds only, as :func:`segment_text` numbers them,
    so every other character (CRLF line ends, form feeds...) comes out as it
    went in.  ``segments`` are the text's, when it was segmented already.
    """
    lines = text.split("\n")
    by_line: dict[int, list[Segment]] = {}
    if segments is None:
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
    return "\n".join(lines), len(segments), translated
