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

import functools
import unicodedata
from collections.abc import Iterable

import polib

from l10n.errors import L10nError
from l10n.po.charset import CharsetError, codec_of_charset, header_charset
from l10n.po.lex import comment_swallows
from l10n.po.read import header_fields, header_metadata

PAGE_WIDTH = 79
# What gettext cannot hold in a string: msgfmt refuses U+0004 and cuts at NUL.
_UNWRITABLE = {
    "\0": "a NUL character",
    "\x04": "the context separator U+0004, which msgfmt refuses",
}

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


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    """Columns of one character as gettext counts them (libunistring's
    uc_width): none for a control or combining character, two for a wide one."""
    if unicodedata.category(char) in ("Cc", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _width(text: str) -> int:
    return len(text) if text.isascii() and text.isprintable() else sum(map(_char_width, text))


def _escape_tokens(text: str) -> list[str]:
    """The string as a list of escaped characters: a break never splits an escape."""
    return [_ESCAPES.get(c, c) for c in text]


_QUOTES = {'\\"', "'", "«", "»", "“", "”", "‘", "’", "„"}  # class QU in UAX #14


def _is_control(token: str) -> bool:
    return len(token) == 1 and (token < " " or "\x7f" <= token < "\xa0")


def _base(tokens: list[str], j: int) -> tuple[str, int]:
    """The character at or before ``j`` that the rules see, and its index: a
    control character (class CM in UAX #14) belongs to the one before it,
    unless it follows a space or starts the string (then it is a letter)."""
    while _is_control(tokens[j]):
        if j == 0 or tokens[j - 1] == " ":
            return "a", j
        j -= 1
    return tokens[j], j


def _can_break_before(tokens: list[str], i: int) -> bool:
    """Whether gettext may end a line between tokens[i-1] and tokens[i].

    A subset of UAX #14 as gettext's libunistring applies it to PO strings:
    after a run of spaces, after a hyphen between letters, and after an infix
    separator (. , : ;), a slash or a dash followed by a letter (gettext
    breaks "U.|S.").  A raw control character sticks to what precedes it
    and is otherwise invisible to these rules.  The test suite holds this
    to msgcat's output.
    """
    cur = tokens[i]
    if cur == "\\n":
        return False  # gettext keeps a "\n" on the line it ends
    if _is_control(cur) and tokens[i - 1] != " ":
        return False
    prev, j = _base(tokens, i - 1)
    if len(cur) == 2 and prev in ",.?!:;…—-":
        return True  # gettext breaks between punctuation and an escape: ,|\"
    if prev == " ":
        # Never before a space or before closing punctuation (UAX #14 LB13),
        # nor where what precedes the spaces holds on to what follows them:
        # "( x" (LB14), '" (' and "» (" (LB15), "— —" (LB17).
        if cur in " .,:;!?)]}/":
            return False
        k = j
        while k > 0 and tokens[k] == " ":
            k -= 1
        held = tokens[k]
        return not (held in "([{" or (held in _QUOTES and cur in "([{") or held == cur == "—")
    if len(prev) != 1 or len(cur) != 1:
        return False
    before = _base(tokens, j - 1)[0] if j >= 1 else ""
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


def _comment_lines(marker: str, text: str) -> list[str]:
    """``#`` or ``#.`` lines as gettext writes them: the marker, then a space
    and the text (kept whole, trailing spaces too), or the marker alone."""
    lines = []
    for line in text.split("\n"):
        if line.endswith(("\\", "\r")) or "\0" in line or comment_swallows(line):
            raise L10nError(
                f"cannot write the comment {line!r}: gettext would read it differently "
                "(a comment cannot end in a backslash or a carriage return, nor hold NUL)",
                hint="remove the character from the note",
            )
        lines.append(f"{marker} {line}" if line else marker)
    return lines


def _check_string(keyword: str, value: str, entry: polib.POEntry) -> None:
    for char, what in _UNWRITABLE.items():
        if char in value:
            raise L10nError(
                f"cannot write the {keyword} of {entry.msgid[:60]!r}: it holds {what}",
                hint="remove the character from the source text or the translation",
            )


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        forms = sorted(entry.msgstr_plural.items(), key=lambda form: int(form[0]))
        return forms[0][1] if forms else ""
    return entry.msgstr


def format_entry(entry: polib.POEntry) -> list[str]:
    """One entry in gettext's order: comments, references, flags, previous, fields.

    An obsolete entry keeps its comments and references, as with msgcat.  A
    string gettext cannot hold (NUL, the context separator U+0004) is an
    L10nError rather than a file msgfmt would refuse.
    """
    obsolete = bool(entry.obsolete)
    lines = _comment_lines("#", entry.tcomment) if entry.tcomment else []
    if entry.comment:
        lines += _comment_lines("#.", entry.comment)
    lines += _format_references(entry.occurrences)
    flags = entry.flags
    if "fuzzy" in flags and not _first_msgstr(entry):
        flags = [f for f in flags if f != "fuzzy"]  # gettext drops it: nothing to review
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in entry.flags
    if entry.previous_msgid is None and (
        entry.previous_msgctxt is not None or entry.previous_msgid_plural is not None
    ):
        raise L10nError(
            f"cannot write the previous strings of {entry.msgid[:60]!r}: "
            "a previous msgctxt or msgid_plural needs a previous msgid (gettext's #| syntax)",
            hint="set previous_msgid too, or none of them",
        )
    prev_prefix = "#~| " if obsolete else "#| "
    fields: list[tuple[str, str, str]] = []
    for keyword, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            fields.append((prev_prefix, keyword, value))
    prefix = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        fields.append((prefix, "msgctxt", entry.msgctxt))
    fields.append((prefix, "msgid", entry.msgid))
    if entry.msgid_plural:
        fields.append((prefix, "msgid_plural", entry.msgid_plural))
        for index in sorted(entry.msgstr_plural, key=int):
            fields.append((prefix, f"msgstr[{index}]", entry.msgstr_plural[index]))
    else:
        fields.append((prefix, "msgstr", entry.msgstr))
    for field_prefix, keyword, value in fields:
        _check_string(keyword, value, entry)
        lines += format_field(keyword, value, field_prefix, wrap=wrap)
    return lines


def header_msgstr(metadata: dict[str, str], read: str | None = None) -> str:
    """The header's msgstr: ``metadata`` in its order, written over the header
    as it was ``read``.

    msgcat writes a header back as it was.  So does this, field by field: a
    field whose value is unchanged keeps its lines as written (spacing,
    duplicates, lines that are no field), a changed one is rewritten in
    place, a removed one goes, and new ones follow in ``metadata``'s order.
    """
    if read is None:
        return "".join(f"{name}: {value}\n" for name, value in metadata.items())
    fields = header_fields(read)
    was = header_metadata(fields)
    out: list[str] = []
    rewritten: set[str] = set()
    for name, _, text in fields:
        if name is None or metadata.get(name) == was[name]:
            if name is None or name in metadata:  # not removed
                out.append(text)
        elif name in metadata and name not in rewritten:
            out.append(f"{name}: {metadata[name]}\n")
            rewritten.add(name)
    new = [f"{name}: {value}\n" for name, value in metadata.items() if name not in was]
    if new and out and not out[-1].endswith("\n"):
        out.append("\n")
    return "".join(out + new)


def _header_entry(po: polib.POFile) -> polib.POEntry:
    read: polib.POEntry | None = getattr(po, "header_entry", None)
    header = polib.POEntry(msgid="")
    if read is not None:
        header.comment, header.occurrences = read.comment, read.occurrences
    header.msgstr = header_msgstr(po.metadata, read.msgstr if read is not None else None)
    header.tcomment = po.header
    fuzzy = po.metadata_is_fuzzy
    header.flags = list(fuzzy) if isinstance(fuzzy, list) else ["fuzzy"] if fuzzy else []
    return header


def format_po(po: polib.POFile) -> str:
    """The whole file as text: header first, then live entries, obsolete ones last."""
    blocks = [format_entry(_header_entry(po))]
    blocks += [format_entry(e) for e in po if not e.obsolete]
    blocks += [format_entry(e) for e in po if e.obsolete]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def encoding_of(po: polib.POFile) -> str:
    """Python's codec for the charset the header of ``po`` declares (UTF-8
    when it names none): the encoding :func:`po_bytes` writes."""
    read: polib.POEntry | None = getattr(po, "header_entry", None)
    msgstr = header_msgstr(po.metadata, read.msgstr if read is not None else None)
    charset = header_charset(msgstr)
    try:
        return codec_of_charset(charset)
    except CharsetError as exc:
        raise L10nError(
            f"cannot write a PO file whose header names {exc}",
            hint="write charset=UTF-8 in the header's Content-Type",
        ) from None


def encode_po(text: str, codec: str, where: str = "PO file") -> bytes:
    """PO text as bytes in ``codec``; a character the charset lacks is an L10nError."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line = text.count("\n", 0, exc.start) + 1
        raise L10nError(
            f"{where}:{line}: cannot write {char!r} in this file's charset ({codec})",
            hint="write charset=UTF-8 in the header's Content-Type (msgconv --to-code=UTF-8 "
            "converts a file), or leave the character out",
        ) from None


def po_bytes(po: polib.POFile, where: str = "PO file") -> bytes:
    """The file's bytes: :func:`format_po` in the charset its header declares."""
    return encode_po(format_po(po), encoding_of(po), where)
