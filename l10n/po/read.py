"""Reading PO files strictly, the way msgfmt does.

polib's ``POFile``/``POEntry`` are our entry model.  :func:`parse_po` builds
the same objects as ``polib.pofile`` in one strict pass, refusing what msgfmt
refuses (polib silently mangles it), in about half the time
(docs/benchmarks.md).  Errors name the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from l10n.errors import InputFileError
from l10n.textfile import read_text

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
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
_UNTERMINATED = "end-of-line within string (a closing quote is missing)"


class PoSyntaxError(ValueError):
    """A line of a PO file that msgfmt would reject."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def _decode_escape(m: re.Match[str]) -> str:
    simple, octal, hexa, _ = m.groups()
    if simple is not None:
        return _UNESCAPES[simple]
    return chr(int(octal, 8) if octal is not None else int(hexa, 16))


def _checked(quoted: str, line: int) -> str:
    """``quoted`` itself, once its escapes are known to be ones gettext accepts."""
    if "\\" in quoted:
        for m in _ESCAPE.finditer(quoted, 1, len(quoted) - 1):
            simple, octal, hexa, bad = m.groups()
            if bad is not None:
                raise PoSyntaxError(line, f"invalid escape sequence {m.group()!r}")
            # gettext reads a numeric escape as one byte of the file's encoding,
            # so only ASCII ones stand for a character by themselves.
            if simple is None and not 0 < int(octal or hexa, 8 if octal else 16) < 0x80:
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


def parse_po(text: str) -> polib.POFile:
    """Parse PO text into polib's model, refusing what msgfmt refuses.

    One pass builds what ``polib.pofile`` builds (the header comment and
    metadata, entries with their comments, references, flags, previous
    strings and line numbers; the tests compare the two) in about half
    polib's time, which every ``l10n check`` of a large catalog spends
    first.  Unlike polib it refuses, with the line to look at, what
    would otherwise lose a translator's text silently: an unterminated
    string (polib reads it as empty), an unknown escape, a msgid without a
    msgstr, a stray msgstr[N], a duplicate message.  Escapes are decoded as
    gettext decodes them (polib leaves octal and hex ones as written) and
    the ``#~|`` previous msgid of an obsolete entry is kept (polib drops it).
    """
    po = polib.POFile(encoding="utf-8")
    header: list[str] = []
    at_start = True  # "# " comments before anything else are the file's header comment
    seen: dict[tuple[str | None, str], int] = {}
    entry: polib.POEntry | None = None
    entry_line = 0  # the msgctxt or msgid line, where msgfmt reports a problem
    has_msgid = has_msgstr = False
    strings: dict[str | int, list[str]] = {}  # attribute (or msgstr[N]) -> quoted pieces
    target: str | int | None = None  # where a bare continuation string goes
    previous: str | None = None  # where a "#|" continuation string goes

    def finish() -> None:
        nonlocal entry, has_msgid, has_msgstr, strings
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
            if not entry.obsolete:
                first = seen.setdefault((entry.msgctxt, entry.msgid), entry_line)
                if first != entry_line:
                    raise PoSyntaxError(
                        entry_line, f"duplicate message definition (first at line {first})"
                    )
            list.append(po, entry)
        # Comments with no message after them are dropped, as by polib and msgcat.
        entry, strings, has_msgid, has_msgstr = None, {}, False, False

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        obsolete = False
        if line[0] == "#":
            kind = line[:2]
            if kind == "#~":
                line = line[2:].lstrip()
                if not line:
                    continue
                if line[0] == "|":  # the previous msgid of an obsolete entry
                    line, kind = "#" + line, "#|"
                else:
                    kind, obsolete = line[:2], True
        if line[0] == "#":
            if has_msgstr:
                finish()
            if entry is None:
                entry = polib.POEntry(linenum=number)
            target = None
            if kind == "#|":
                body = line[2:].lstrip()
                if body[:1] == '"':
                    if previous is None or not _STRING_LINE.fullmatch(body):
                        raise PoSyntaxError(number, f"not a previous-string line: {line[:40]!r}")
                    strings[previous].append(_checked(body.rstrip(" \t"), number))
                    continue
                keyword, _, quoted = body.partition(" ")
                previous = _PREVIOUS.get(keyword)
                quoted = quoted.strip()
                if previous is None or not _STRING_LINE.fullmatch(quoted):
                    raise PoSyntaxError(number, f"not a previous-string line: {line[:40]!r}")
                strings[previous] = [_checked(quoted.rstrip(" \t"), number)]
                at_start = False
                continue
            previous = None
            if kind == "#:":
                entry.occurrences += [_reference(ref) for ref in line[2:].split()]
            elif kind == "#,":
                if line[2:].strip():
                    entry.flags += [flag.strip() for flag in line[2:].split(",")]
            elif kind == "#.":
                body = line[2:]
                if body.strip():
                    body = body[1:] if body[0] == " " else body
                    entry.comment = f"{entry.comment}\n{body}" if entry.comment else body
            else:  # "# text", "#text", "## text": a translator comment
                body = line.lstrip("#")
                body = body[1:] if body[:1] == " " else body
                if at_start:
                    header.append(line[2:] if line[1:2] == " " else line[1:])
                else:
                    entry.tcomment = f"{entry.tcomment}\n{body}" if entry.tcomment else body
                continue
            at_start = False
            continue
        at_start = False
        previous = None
        if line[0] == '"':
            if not _STRING_LINE.fullmatch(line):
                raise PoSyntaxError(number, _UNTERMINATED)
            if target is None:
                raise PoSyntaxError(number, "a string with no msgid or msgstr before it")
            strings[target].append(_checked(line.rstrip(" \t"), number))
            continue
        m = _KEYWORD_LINE.fullmatch(line)
        if m is None:
            if line.startswith("msg") and '"' in line:
                raise PoSyntaxError(number, _UNTERMINATED)
            raise PoSyntaxError(number, f"not PO syntax: {line[:40]!r}")
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
            if keyword == "msgid":
                has_msgid = True
                entry.obsolete = 1 if obsolete else 0
            strings[keyword] = [quoted]
            target = keyword
        elif keyword == "msgid_plural":
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
    po.header = "\n".join(header)
    _take_metadata(po)
    return po


def _take_metadata(po: polib.POFile) -> None:
    """Move the header entry (msgid "") into ``po.metadata``, as polib does."""
    header = next((e for e in po if e.msgid == "" and not e.obsolete), None)
    if header is None:
        return
    po.remove(header)
    po.metadata_is_fuzzy = header.flags
    key = None
    for line in header.msgstr.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            key = name
            po.metadata[key] = value.strip()
        elif key is not None:
            po.metadata[key] += "\n" + line.strip()


def read_po(path: Path | str) -> polib.POFile:
    """Parse a PO/POT file; any problem becomes an InputFileError with file:line."""
    path = Path(path)
    text = read_text(
        path, kind="PO file", hint="a PO file is UTF-8 text; a compiled .mo file is not one"
    )
    try:
        return parse_po(text)
    except PoSyntaxError as exc:
        raise InputFileError(
            str(path),
            exc.message,
            line=exc.line,
            hint="fix the file in Poedit or a text editor; `msgfmt --check FILE` shows the same",
        ) from None
