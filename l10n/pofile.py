"""Reading and writing PO files the way gettext does.

polib's ``POFile``/``POEntry`` are our entry model.  We read PO text with
:func:`parse_po`, which builds the same objects as ``polib.pofile`` in one
strict pass (refusing what msgfmt refuses) in about half the time (docs/benchmarks.md).
polib's writer wraps long strings with :mod:`textwrap`, so a file saved by polib and
the same file re-saved by msgcat or Poedit differ on almost every long entry.
Translators review in Poedit and maintainers read diffs, so this module writes
PO text as GNU gettext's ``write-po.c`` does: 79 columns, breaks after spaces
and at the Unicode line-break opportunities gettext honours, no wrapping of
``#.`` and ``# `` comments, references wrapped into ``#:`` lines.  The test
suite compares our output with msgcat's, byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import polib

from l10n.errors import InputFileError
from l10n.textfile import read_text

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


def _decode(parts: list[str]) -> str:
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
                    entry.msgstr_plural[key] = _decode(parts)
                else:
                    setattr(entry, key, _decode(parts))
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


def _unquote(line: str) -> str:
    """The text of the quoted string on a line, decoded as :func:`parse_po` does
    (so that msgids found here match the ones it read)."""
    line = line.strip()
    start, end = line.find('"'), line.rfind('"')
    return _decode([line[start : end + 1]]) if 0 <= start < end else ""


def patch_msgstrs(text: str, changes: dict[str, str], *, mark_fuzzy: bool = True) -> str:
    """Rewrite the msgstr of the entries named in ``changes`` (msgid -> new msgstr).

    Every other byte of the file stays as it was: only the msgstr lines of
    those entries are rewritten, and ``fuzzy`` is added to their flags.  This
    is what ``l10n check --fix`` needs: a fix must not re-wrap a translator's
    file.  Entries with a msgctxt or plural forms are left alone.
    """
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        out.extend(_patch_block(block, changes, mark_fuzzy) if block else [])
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _patch_block(block: list[str], changes: dict[str, str], mark_fuzzy: bool) -> list[str]:
    if any(ln.startswith(("#~", "msgctxt", "msgid_plural")) for ln in block):
        return block
    msgid_at = next((i for i, ln in enumerate(block) if ln.startswith("msgid ")), None)
    msgstr_at = next((i for i, ln in enumerate(block) if ln.startswith("msgstr ")), None)
    if msgid_at is None or msgstr_at is None or msgstr_at < msgid_at:
        return block
    msgid = "".join(_unquote(ln) for ln in block[msgid_at:msgstr_at])
    if msgid not in changes or not msgid:
        return block
    end = msgstr_at + 1
    while end < len(block) and block[end].lstrip().startswith('"'):
        end += 1
    no_wrap = any(ln.startswith("#,") and "no-wrap" in ln for ln in block)
    new = block[:msgstr_at] + format_field("msgstr", changes[msgid], wrap=not no_wrap) + block[end:]
    if mark_fuzzy:
        flags_at = next((i for i, ln in enumerate(new) if ln.startswith("#,")), None)
        if flags_at is None:
            first = next(i for i, ln in enumerate(new) if ln.startswith(("#|", "msgid ")))
            new.insert(first, "#, fuzzy")
        elif "fuzzy" not in [f.strip() for f in new[flags_at][2:].split(",")]:
            new[flags_at] = "#, fuzzy, " + new[flags_at][2:].strip()
    return new
