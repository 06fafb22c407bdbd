"""Reading PO files strictly, the way msgfmt does.

polib's ``POFile``/``POEntry`` are our entry model.  :func:`parse_po` builds
the same objects as ``polib.pofile`` in one strict pass, refusing what msgfmt
refuses (polib silently mangles it) and accepting what msgfmt accepts, in
about half polib's time (docs/benchmarks.md).  Errors name the file and line.

The text is read one of two ways.  The fast way takes a line at a time in the
forms every PO editor writes: a keyword and its string, a continuation
string, a comment.  Whatever else gettext's lexer accepts (``msgstr""``, two
keywords on one line, a comment after a string, a keyword and its string on
different lines, a backslash-newline, a CR inside a line) makes
:func:`parse_po` read the file again with :func:`l10n.po.lex.lex`, which splits it into
tokens as gettext's ``po-lex.c`` does and hands the same builder one
canonical line per keyword, string and comment, with its line number.
Well-formed files never pay for the second way.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from pathlib import Path

import polib

from l10n.errors import InputFileError
from l10n.po.charset import CHARSET_HINT, CharsetError, codec_of_charset, header_charset
from l10n.po.lex import FORBIDDEN, WS, PoSyntaxError, lex

# A quoted string.  NUL and U+0004 (which gettext cannot hold) send a line to
# the lexer, which names them, at no cost to the lines that lack them.
_STRING = r'"[^"\\\x00\x04]*(?:\\.[^"\\\x00\x04]*)*"'
_KEYWORD_LINE = re.compile(
    r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(" + _STRING + r")[ \t]*"
)
_STRING_LINE = re.compile(_STRING + r"[ \t]*")
_ESCAPE = re.compile(r'\\(?:([abfnrtv"\\])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))', re.DOTALL)
_UNESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
    '"': '"', "\\": "\\",
}  # fmt: skip
_PREVIOUS = {
    "msgctxt": "previous_msgctxt",
    "msgid": "previous_msgid",
    "msgid_plural": "previous_msgid_plural",
}
_MIXED = "inconsistent use of #~: either every line of a message starts with #~ or none does"


class PoFile(polib.POFile):
    """polib's POFile, plus the header entry as it was read.

    The writer writes the header back from it as it was (field order and
    spelling, duplicate fields, lines that are no field, as msgcat does),
    changing only the fields whose values changed in ``metadata``.
    """

    header_entry: polib.POEntry | None = None


class _Irregular(Exception):
    """A line the fast way does not read: the lexer reads the file instead."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _decode_escape(m: re.Match[str]) -> str:
    simple, octal, hexa, _ = m.groups()
    if simple is not None:
        return _UNESCAPES[simple]
    value = int(octal, 8) if octal is not None else int(hexa, 16) if hexa is not None else -1
    # Unchecked text (what --fix patches) may hold escapes gettext refuses: as written.
    return chr(value) if 0 <= value < 0x110000 else m.group()


def _checked(quoted: str, line: int) -> str:
    """``quoted`` itself, once its escapes are known to be ones gettext accepts."""
    if "\\" in quoted:
        for m in _ESCAPE.finditer(quoted, 1, len(quoted) - 1):
            simple, octal, hexa, bad = m.groups()
            if bad is not None:
                raise PoSyntaxError(line, f"invalid escape sequence {m.group()!r}")
            if simple is not None:
                continue
            value = int(octal, 8) if octal is not None else int(hexa, 16)
            if chr(value) in FORBIDDEN:
                raise PoSyntaxError(line, f"{m.group()!r} is {FORBIDDEN[chr(value)]}")
            # gettext reads a numeric escape as one byte of the file's encoding,
            # so only ASCII ones stand for a character by themselves.
            if value >= 0x80:
                raise PoSyntaxError(
                    line,
                    f"escape sequence {m.group()!r} is not an ASCII character: "
                    "write the character itself",
                )
    return quoted


def decode_strings(parts: list[str]) -> str:
    """The text of one or more quoted pieces, escapes decoded as gettext does."""
    text = parts[0][1:-1] if len(parts) == 1 else "".join(p[1:-1] for p in parts)
    return _ESCAPE.sub(_decode_escape, text) if "\\" in text else text


def _reference(ref: str) -> tuple[str, str]:
    path, _, number = ref.rpartition(":")
    return (path, number) if path and number.isdigit() else (ref, "")


def _comment_text(line: str, raw: str, skip: int) -> str:
    """A comment's text after its ``skip`` marker characters and one space.

    Trailing whitespace is the translator's (msgcat keeps it); only the CR of
    a CRLF line end is not.
    """
    if raw[-1] in WS:  # ``line`` lost it: take it back from the raw line
        end = raw[:-1] if raw[-1] == "\r" else raw
        line += end[len(end.rstrip(WS)) :]
    return line[skip + 1 :] if line[skip : skip + 1] == " " else line[skip:]


def _check_previous_order(previous: str, strings: dict, number: int) -> None:
    """``#|`` lines come once each, in order: msgctxt, msgid, msgid_plural."""
    if previous in strings or (
        "previous_msgid" in strings
        if previous == "previous_msgctxt"
        else previous == "previous_msgid_plural" and "previous_msgid" not in strings
    ):
        raise PoSyntaxError(
            number, "#| lines go in this order, once each: msgctxt, msgid, msgid_plural"
        )


def parse_po(text: str) -> PoFile:
    """Parse PO text into polib's model, refusing what msgfmt refuses.

    One pass builds what ``polib.pofile`` builds (the header comment and
    metadata, entries with their comments, references, flags, previous
    strings and line numbers; the tests compare the two) in about half
    polib's time, which every ``l10n check`` of a large catalog spends
    first.  Unlike polib it refuses, with the line to look at, what
    would otherwise lose a translator's text silently: an unterminated
    string (polib reads it as empty), an unknown escape, a msgid without a
    msgstr, a stray msgstr[N], a duplicate message (obsolete ones too), a
    comment inside a message, a message half marked obsolete.  Escapes are
    decoded as gettext decodes them (polib leaves octal and hex ones as
    written), the ``#~|`` previous msgid of an obsolete entry is kept
    (polib drops it), blank ``#.`` lines and trailing spaces of comments
    are kept (msgcat keeps them), and only a msgid "" without a msgctxt is
    the header (gettext's rule; polib takes any msgid "").
    """
    if "\r" in text and text.count("\r") != text.count("\r\n"):  # a CR inside a line
        return _build_lexed(text)
    try:
        return _build(enumerate(text.split("\n"), start=1))
    except _Irregular:
        return _build_lexed(text)


def _build_lexed(text: str) -> PoFile:
    try:
        return _build(lex(text))
    except _Irregular as exc:  # the lexer's lines are canonical: not expected
        raise PoSyntaxError(exc.line, "not PO syntax") from None


def _build(lines: Iterable[tuple[int, str]]) -> PoFile:
    """The entries of ``lines`` (number, text); :class:`_Irregular` for a line
    in a form only the lexer reads."""
    po = PoFile(encoding="utf-8")
    seen: dict[tuple[str | None, str], int] = {}
    entry: polib.POEntry | None = None
    entry_line = 0  # the msgctxt or msgid line, where msgfmt reports a problem
    entry_obsolete = False
    has_msgid = has_msgstr = False
    strings: dict[str | int, list[str]] = {}  # attribute (or msgstr[N]) -> quoted pieces
    tcomments: list[str] = []
    comments: list[str] = []
    target: str | int | None = None  # where a bare continuation string goes
    previous: str | None = None  # where a "#|" continuation string goes
    prev_obsolete: bool | None = None  # None until a "#|" line; then whether it was "#~|"

    def finish() -> None:
        nonlocal entry, has_msgid, has_msgstr, strings, tcomments, comments, prev_obsolete
        if entry is None:
            return
        if has_msgid:
            if not has_msgstr:
                raise PoSyntaxError(entry_line, "msgid without a msgstr")
            for key, parts in strings.items():
                if type(key) is int:
                    entry.msgstr_plural[key] = decode_strings(parts)
                else:
                    setattr(entry, key, decode_strings(parts))
            if tcomments:
                entry.tcomment = "\n".join(tcomments)
                tcomments = []
            if comments:
                entry.comment = "\n".join(comments)
                comments = []
            # One namespace for live and obsolete messages, as in msgfmt.
            first = seen.setdefault((entry.msgctxt, entry.msgid), entry_line)
            if first != entry_line:
                raise PoSyntaxError(
                    entry_line, f"duplicate message definition (first at line {first})"
                )
            list.append(po, entry)
        elif "msgctxt" in strings:
            raise PoSyntaxError(entry_line, "msgctxt without a msgid")
        elif strings:
            raise PoSyntaxError(entry.linenum, "#| previous strings with no message after them")
        else:  # comments with no message after them: dropped, as by polib and msgcat
            tcomments, comments = [], []
        entry, strings, has_msgid, has_msgstr, prev_obsolete = None, {}, False, False, None

    for number, raw in lines:
        line = raw.strip(WS)
        if not line:
            continue
        obsolete = False
        if line[0] == "#":
            kind = line[:2]
            if kind == "#~":
                if line[2:3] == "|":  # the previous msgid of an obsolete entry
                    line, kind, obsolete = "#" + line[2:], "#|", True
                else:
                    line = line[2:].lstrip(WS)
                    if not line:
                        continue
                    kind, obsolete = line[:2], True
        if line[0] == "#":
            if raw[-1] == "\\":  # gettext joins the next line to this comment
                raise _Irregular(number)
            if has_msgstr:
                finish()
            elif target is not None:
                raise PoSyntaxError(
                    number,
                    f"a comment after a {target} with no msgstr yet: is the msgstr missing? "
                    "(comments go before a message's msgctxt or msgid)",
                )
            if entry is None:
                entry = polib.POEntry(linenum=number)
            target = None
            if kind == "#|":
                body = line[2:].lstrip(WS)
                if body[:1] == '"':
                    if previous is None:
                        raise PoSyntaxError(number, "a #| string with no #| msgid before it")
                    if not _STRING_LINE.fullmatch(body):
                        raise _Irregular(number)
                    if obsolete is not prev_obsolete:
                        raise PoSyntaxError(number, _MIXED)
                    strings[previous].append(_checked(body.rstrip(" \t"), number))
                    continue
                keyword, _, quoted = body.partition(" ")
                previous = _PREVIOUS.get(keyword)
                quoted = quoted.strip(WS)
                if previous is None or not _STRING_LINE.fullmatch(quoted):
                    raise _Irregular(number)
                if prev_obsolete is not None and obsolete is not prev_obsolete:
                    raise PoSyntaxError(number, _MIXED)
                _check_previous_order(previous, strings, number)
                prev_obsolete = obsolete
                strings[previous] = [_checked(quoted.rstrip(" \t"), number)]
                continue
            if prev_obsolete is not None:
                raise PoSyntaxError(
                    number, "a comment after #| lines: they go right before the msgctxt or msgid"
                )
            previous = None
            if kind == "#:":
                entry.occurrences += [_reference(ref) for ref in line[2:].split()]
            elif kind == "#,":
                if line[2:].strip():
                    entry.flags += [flag.strip() for flag in line[2:].split(",")]
            elif kind == "#.":
                comments.append(_comment_text(line, raw, 2))
            else:  # "# text", "#text", "## text": a translator comment
                tcomments.append(_comment_text(line, raw, 1))
            continue
        previous = None
        if line[0] == '"':
            if not _STRING_LINE.fullmatch(line):
                raise _Irregular(number)
            if target is None:
                raise PoSyntaxError(number, "a string with no msgid or msgstr before it")
            if obsolete is not entry_obsolete:
                raise PoSyntaxError(number, _MIXED)
            strings[target].append(_checked(line.rstrip(" \t"), number))
            continue
        m = _KEYWORD_LINE.fullmatch(line)
        if m is None:
            raise _Irregular(number)
        keyword, index, quoted = m.groups()
        quoted = _checked(quoted, number)
        if keyword == "msgid" or keyword == "msgctxt":
            if has_msgstr:
                finish()
            elif has_msgid:
                raise PoSyntaxError(entry_line, "msgid without a msgstr")
            elif keyword in strings:
                raise PoSyntaxError(number, f"{keyword} twice in one entry")
            if entry is None:
                entry = polib.POEntry(linenum=number)
            if keyword == "msgctxt" or "msgctxt" not in strings:
                entry_line = number
                entry_obsolete = obsolete
                if prev_obsolete is not None:
                    if prev_obsolete is not obsolete:
                        raise PoSyntaxError(number, _MIXED)
                    if "previous_msgid" not in strings:
                        raise PoSyntaxError(number, "#| lines without a #| msgid")
            elif obsolete is not entry_obsolete:
                raise PoSyntaxError(number, _MIXED)
            if keyword == "msgid":
                has_msgid = True
                entry.obsolete = 1 if obsolete else 0
            strings[keyword] = [quoted]
            target = keyword
            continue
        if obsolete is not entry_obsolete and (has_msgid or "msgctxt" in strings):
            raise PoSyntaxError(number, _MIXED)
        if keyword == "msgid_plural":
            if target != "msgid":
                raise PoSyntaxError(number, "msgid_plural must follow a msgid")
            strings[keyword] = [quoted]
            target = keyword
        else:
            if not has_msgid:
                raise PoSyntaxError(number, f"{keyword} without a msgid before it")
            plural = "msgid_plural" in strings
            if index is None:
                if plural:
                    raise PoSyntaxError(entry_line, "a plural message needs msgstr[N], not msgstr")
                if has_msgstr:
                    raise PoSyntaxError(number, "a second msgstr in one entry")
                target = "msgstr"
            else:
                if not plural:
                    raise PoSyntaxError(entry_line, "msgstr[N] without a msgid_plural")
                target = int(index)
                if target in strings:
                    raise PoSyntaxError(number, f"msgstr[{index}] twice in one entry")
            strings[target] = [quoted]
            has_msgstr = True
    finish()
    _take_metadata(po)
    return po


# --- the header -------------------------------------------------------------------------


def header_fields(msgstr: str) -> list[tuple[str | None, str, str]]:
    """The fields of a header msgstr in order: (name, value, text as written).

    A line without a colon continues the field before it (polib reads it so);
    lines before the first field have no name.  ``value`` is stripped, as
    polib strips it.
    """
    fields: list[tuple[str | None, str, str]] = []
    pieces = msgstr.split("\n")
    for i, piece in enumerate(pieces):
        text = piece + "\n" if i < len(pieces) - 1 else piece
        if not text:
            continue
        name, colon, value = piece.partition(":")
        if colon:
            fields.append((name, value.strip(), text))
        elif fields and fields[-1][0] is not None:
            key, old, written = fields[-1]
            fields[-1] = (key, f"{old}\n{piece.strip()}", written + text)
        else:
            fields.append((None, "", text))
    return fields


def header_metadata(fields: list[tuple[str | None, str, str]]) -> dict[str, str]:
    """Field name -> value, in the order read; of a field written twice, the
    first value counts, as for gettext (which looks fields up from the start)."""
    metadata: dict[str, str] = {}
    for name, value, _ in fields:
        if name is not None:
            metadata.setdefault(name, value)
    return metadata


def _take_metadata(po: PoFile) -> None:
    """Move the header entry into ``po.metadata``, ``po.header`` and
    ``po.header_entry``: the live message with msgid "" and no msgctxt."""
    at = next(
        (i for i, e in enumerate(po) if e.msgid == "" and e.msgctxt is None and not e.obsolete),
        None,
    )
    if at is None:
        return
    header = po[at]
    del po[at]
    po.header_entry = header
    po.header = header.tcomment
    po.metadata_is_fuzzy = header.flags
    po.metadata.update(header_metadata(header_fields(header.msgstr)))


# --- charsets -----------------------------------------------------------------------------


def _declared_charset(po: PoFile) -> str | None:
    return header_charset(po.header_entry.msgstr) if po.header_entry is not None else None


# Where a file that is not UTF-8 says what it is: its header, which is ASCII
# in every charset gettext reads, found before the bytes are decoded.
_HEADER_AT_START = re.compile(
    r'^[ \t]*msgid[ \t]*""\s*msgstr[ \t]*((?:' + _STRING + r"\s*)+)", re.MULTILINE
)
_RAW_CHARSET = re.compile(r"charset=([^ \t\\]*)")  # up to the "\n" escape, as written
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _read_bytes(path: Path) -> bytes:
    hint = "a PO file is text; a compiled .mo file is not one"
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputFileError(str(path), "is a folder, not a PO file", hint=hint) from None
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read: {exc.strerror or exc}", hint=hint) from None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise InputFileError(
            str(path), "is a binary file (NUL byte), not a PO file", line=line, hint=hint
        )
    if data.startswith(codecs.BOM_UTF8):
        raise InputFileError(
            str(path),
            "starts with a byte-order mark (BOM), which msgfmt refuses",
            line=1,
            hint="save the file as UTF-8 without a BOM",
        )
    return data


def _parse(text: str, where: str) -> PoFile:
    try:
        return parse_po(text)
    except PoSyntaxError as exc:
        raise InputFileError(
            where,
            exc.message,
            line=exc.line,
            hint="fix the file in Poedit or a text editor; `msgfmt --check FILE` shows the same",
        ) from None


def _codec(charset: str | None, where: str, text: str) -> str:
    try:
        return codec_of_charset(charset)
    except CharsetError as exc:
        at = text.find(f"charset={charset}")
        raise InputFileError(
            where,
            f"its header names {exc}",
            line=_line_of(text, at) if at >= 0 else None,
            hint="name the file's encoding as gettext does: UTF-8, ISO-8859-1, KOI8-R, CP1251...",
        ) from None


def decode_po(data: bytes, where: str) -> tuple[str, str, PoFile]:
    """The text of a PO file's bytes, the codec it is in, and its entries.

    The bytes are read in the charset the header declares, as gettext reads
    them.  A header that does not match the bytes is an error with the line
    to look at: bytes not valid in the declared charset (msgfmt refuses them
    too), and UTF-8 text under another charset, which msgfmt would turn into
    mojibake without a word.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_declared(data, where, exc)
    po = _parse(text, where)
    charset = _declared_charset(po)
    codec = _codec(charset, where, text)
    m = None if codec == "utf-8" or text.isascii() else _NON_ASCII.search(text)
    if m is not None:
        char = m.group()
        misread = char.encode("utf-8").decode(codec, errors="replace")
        raise InputFileError(
            where,
            f"is UTF-8 text, but its header says charset={charset}: gettext would read "
            f"{char!r} as {misread!r}",
            line=_line_of(text, m.start()),
            hint=CHARSET_HINT,
        )
    po.encoding = codec
    return text, codec, po


def _decode_declared(
    data: bytes, where: str, utf8_error: UnicodeDecodeError
) -> tuple[str, str, PoFile]:
    ascii_view = data.decode("latin-1")  # byte for byte: finds the ASCII header
    m = _HEADER_AT_START.search(ascii_view)
    raw = "".join(quoted[1:-1] for quoted in re.findall(_STRING, m.group(1))) if m else ""
    named = _RAW_CHARSET.search(raw)
    charset = named.group(1) if named else None
    codec = _codec(charset, where, ascii_view)
    if codec == "utf-8":
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputFileError(
            where,
            f"is not valid UTF-8 (byte 0x{data[utf8_error.start]:02x})",
            line=line,
            hint="save the PO file as UTF-8, or name its charset in the header "
            "(Content-Type: text/plain; charset=...)",
        )
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputFileError(
            where,
            f"is not valid {charset} (byte 0x{data[exc.start]:02x}), "
            "the charset its header declares",
            line=data[: exc.start].count(b"\n") + 1,
            hint="the header's charset must name the encoding the file is saved in",
        ) from None
    po = _parse(text, where)
    if _declared_charset(po) != charset:
        raise InputFileError(
            where,
            f'is not UTF-8, and its header (msgid "") does not say charset={charset} '
            "where gettext looks for it",
            hint=CHARSET_HINT,
        )
    po.encoding = codec
    return text, codec, po


def read_po(path: Path | str) -> PoFile:
    """Parse a PO/POT file in the charset its header declares; any problem
    becomes an InputFileError with file:line."""
    path = Path(path)
    return decode_po(_read_bytes(path), str(path))[2]
