"""Writing PO files the way GNU gettext does.

polib's writer wraps long strings with :mod:`textwrap`, so a file saved by
polib and the same file re-saved by msgcat or Poedit differ on almost every
long entry.  Translators review in Poedit and maintainers read diffs, so this
module writes PO text as gettext's ``write-po.c`` does: 79 columns, breaks
after spaces and at the Unicode line-break opportunities gettext honours, no
wrapping of ``#.`` and ``# `` comments, references wrapped into ``#:`` lines.
The test suite compares our output with msgcat's, byte for byte.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import polib

PAGE_WIDTH = 79

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _escape_tokens(text: str) -> list[str]:
    """The string as a list of escaped characters: a break never splits an escape."""
    return [_ESCAPES.get(c, c) for c in text]


def _can_break_before(tokens: list[str], i: int) -> bool:
    """Whether gettext may end a line between tokens[i-1] and tokens[i].

    A subset of UAX #14 as gettext's libunistring applies it to PO strings:
    after a run of spaces, after a hyphen between letters, and after an infix
    separator (. , : ;), a slash or a dash followed by a letter (gettext
    breaks "U.|S.").  The test suite holds this to msgcat's output.
    """
    prev, cur = tokens[i - 1], tokens[i]
    if len(cur) == 2 and prev in ",.?!:;…—-":
        return True  # gettext breaks between punctuation and an escape: ,|\"
    if prev == " ":
        # Never before a space or before closing punctuation (UAX #14 LB13).
        return cur not in " .,:;!?)]}/"
    if len(prev) != 1 or len(cur) != 1:
        return False
    before = tokens[i - 2] if i >= 2 else ""
    if prev == "-" and cur.isalpha() and before.isalpha():
        return True
    if prev in "—…" and (cur.isalpha() or cur.isdigit()):
        return True
    if cur == "—" and (prev.isalpha() or prev.isdigit()):
        return True
    return prev in ".,:;!?/–" and cur.isalpha()


def _wrap_portion(tokens: list[str], room: int) -> list[str]:
    """Greedy fill: each line as long as possible within ``room`` columns."""
    lines: list[str] = []
    start = 0
    n = len(tokens)
    while start < n:
        width = 0
        last_fit = None
        i = start
        while i < n:
            width += _width(tokens[i])
            i += 1
            if width > room:
                break
            if i == n or _can_break_before(tokens, i):
                last_fit = i
        else:
            last_fit = n
        if last_fit is None or last_fit <= start:
            # Nothing fits: break at the first opportunity after the limit.
            j = start + 1
            while j < n and not _can_break_before(tokens, j):
                j += 1
            last_fit = j
        lines.append("".join(tokens[start:last_fit]))
        start = last_fit
    return lines


def format_field(keyword: str, value: str, prefix: str = "", *, wrap: bool = True) -> list[str]:
    """Lines for ``keyword "value"`` (msgid, msgstr, msgctxt...) as gettext writes them."""
    head = f"{prefix}{keyword} "
    # Split after every newline: gettext starts a new line there.
    portions: list[str] = []
    current = ""
    for c in value:
        current += c
        if c == "\n":
            portions.append(current)
            current = ""
    if current or not portions:
        portions.append(current)

    escaped = "".join(_escape_tokens(value))
    one_line = f'{head}"{escaped}"'
    if len(portions) == 1 and (not wrap or _width(one_line) <= PAGE_WIDTH):
        return [one_line]

    lines = [f'{head}""']
    room = PAGE_WIDTH - _width(prefix) - 2
    for portion in portions:
        if not portion:
            continue
        tokens = _escape_tokens(portion)
        for piece in _wrap_portion(tokens, room) if wrap else ["".join(tokens)]:
            lines.append(f'{prefix}"{piece}"')
    return lines


def _format_references(occurrences: Iterable[tuple[str, str]]) -> list[str]:
    refs = [f"{path}:{line}" if line else path for path, line in occurrences]
    lines: list[str] = []
    current = "#:"
    for ref in refs:
        if current != "#:" and _width(current) + 1 + _width(ref) > PAGE_WIDTH:
            lines.append(current)
            current = "#:"
        current += " " + ref
    if current != "#:":
        lines.append(current)
    return lines


def format_entry(entry: polib.POEntry) -> list[str]:
    """One entry in gettext's order: comments, references, flags, previous, fields."""
    obsolete = bool(entry.obsolete)
    lines = (
        [f"# {c}".rstrip() if c else "#" for c in entry.tcomment.split("\n")]
        if entry.tcomment
        else []
    )
    if not obsolete:
        if entry.comment:
            lines += [f"#. {c}".rstrip() for c in entry.comment.split("\n")]
        lines += _format_references(entry.occurrences)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    wrap = "no-wrap" not in entry.flags
    prev_prefix = "#~| " if obsolete else "#| "
    if entry.previous_msgctxt is not None:
        lines += format_field("msgctxt", entry.previous_msgctxt, prev_prefix, wrap=wrap)
    if entry.previous_msgid is not None:
        lines += format_field("msgid", entry.previous_msgid, prev_prefix, wrap=wrap)
    if entry.previous_msgid_plural is not None:
        lines += format_field("msgid_plural", entry.previous_msgid_plural, prev_prefix, wrap=wrap)
    prefix = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        lines += format_field("msgctxt", entry.msgctxt, prefix, wrap=wrap)
    lines += format_field("msgid", entry.msgid, prefix, wrap=wrap)
    if entry.msgid_plural:
        lines += format_field("msgid_plural", entry.msgid_plural, prefix, wrap=wrap)
        for index in sorted(entry.msgstr_plural, key=int):
            lines += format_field(f"msgstr[{index}]", entry.msgstr_plural[index], prefix, wrap=wrap)
    else:
        lines += format_field("msgstr", entry.msgstr, prefix, wrap=wrap)
    return lines


def format_po(po: polib.POFile) -> str:
    """The whole file as text: header first, then live entries, obsolete ones last."""
    header = po.metadata_as_entry()
    if po.header:
        header.tcomment = po.header
    blocks = [format_entry(header)]
    blocks += [format_entry(e) for e in po if not e.obsolete]
    blocks += [format_entry(e) for e in po if e.obsolete]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


# A quoted string, written as an unrolled loop (runs of plain characters
# between escapes): the same strings as "(?:[^"\\]|\\.)*", matched far faster.
