"""Reading and writing PO files the way gettext does.

polib parses PO files and is our entry model (``polib.POEntry``), but its
writer wraps long strings with :mod:`textwrap`, so a file saved by polib and
the same file re-saved by msgcat or Poedit differ on almost every long entry.
Translators review in Poedit and maintainers read diffs, so this module writes
PO text as GNU gettext's ``write-po.c`` does: 79 columns, breaks after spaces
and at the Unicode line-break opportunities gettext honours, no wrapping of
``#.`` and ``# `` comments, references wrapped into ``#:`` lines.  The test
suite compares our output with msgcat's, byte for byte.
"""

from __future__ import annotations

import os
import re
import tempfile
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
    r"^(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<n>\d+)\])?)[ \t]+(?P<s>"
    + _STRING
    + r")[ \t]*$"
)
_CONTINUATION = re.compile(r"^[ \t]*(?P<s>" + _STRING + r")[ \t]*$")
_BACKSLASH = re.compile(r"\\.?")
_VALID_ESCAPE = re.compile(r'\\(?:[abfnrtv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+)')


def _syntax_error(text: str) -> tuple[int, str] | None:
    """The first line msgfmt would reject, and why; None when the syntax is sound.

    polib is lenient: it reads an unterminated string as empty, drops the
    last character of an unterminated continuation and accepts unknown
    escapes, so a damaged file would lose a translator's text silently.
    This pass follows gettext's grammar closely enough to refuse such files
    with the line to look at.
    """
    seen: dict[tuple[str | None, str], int] = {}
    entry: dict[str, str] = {}
    entry_line = 0
    last: str | None = None  # keyword the previous string belonged to

    def finish() -> tuple[int, str] | None:
        if "msgid" in entry and "msgstr" not in entry:
            return entry_line, "msgid without a msgstr"
        if "msgid" in entry and not entry.get("obsolete"):
            key = (entry.get("msgctxt"), entry["msgid"])
            if key in seen:
                return entry_line, f"duplicate message definition (first at line {seen[key]})"
            seen[key] = entry_line
        return None

    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        obsolete = stripped.startswith("#~")
        if obsolete:
            stripped = stripped[2:].lstrip()
            if not stripped or stripped.startswith("|"):
                continue
        elif not stripped or stripped.startswith("#"):
            continue
        if stripped[0] == '"':  # a continuation line: no keyword can match
            keyword = None
            continuation = _CONTINUATION.match(stripped)
        else:
            keyword = _KEYWORD_LINE.match(stripped)
            continuation = None if keyword else _CONTINUATION.match(stripped)
        if keyword:
            kw = keyword.group("kw")
            field = "msgstr" if kw.startswith("msgstr") else kw
            value = keyword.group("s")
            if kw == "msgctxt" or (kw == "msgid" and last != "msgctxt"):
                problem = finish()
                if problem:
                    return problem
                entry, entry_line = {"obsolete": "1" if obsolete else ""}, number
            if kw == "msgid_plural" and last != "msgid":
                return number, "msgid_plural must follow a msgid"
            if field == "msgstr" and "msgid" not in entry:
                return number, f"{kw} without a msgid before it"
            if keyword.group("n") is not None and "msgid_plural" not in entry:
                return entry_line, "msgstr[N] without a msgid_plural"
            if kw == "msgstr" and "msgid_plural" in entry:
                return entry_line, "a plural message needs msgstr[N], not msgstr"
            entry[field] = entry.get(field, "") + value
            last = field
        elif continuation and last is not None:
            value = continuation.group("s")
            entry[last] = entry.get(last, "") + value
        elif stripped.startswith('"') or ('"' in stripped and stripped.count('"') % 2):
            return number, "end-of-line within string (a closing quote is missing)"
        else:
            return number, f"not PO syntax: {stripped[:40]!r}"
        if "\\" in value:
            for escape in _BACKSLASH.finditer(value[1:-1]):
                if not _VALID_ESCAPE.match(value[1:-1], escape.start()):
                    return number, f"invalid escape sequence {escape.group()!r}"
    return finish()


def _restore_obsolete_previous(po: polib.POFile, text: str) -> None:
    """Put back the ``#~|`` previous msgids of obsolete entries.

    polib 1.2 does not read them, so without this every rewrite of a file
    that msgmerge --previous produced would delete those lines.
    """
    if "#~|" not in text:
        return
    previous: dict[str, str] = {}
    pending: list[str] = []
    current: list[str] | None = None
    target = None
    for raw in [*text.split("\n"), ""]:
        line = raw.strip()
        if line.startswith("#~| msgid "):
            pending, target = [_unquote(line[len("#~| msgid ") :])], "previous"
        elif line.startswith('#~| "') and target == "previous":
            pending.append(_unquote(line[4:]))
        elif line.startswith("#~ msgid ") and pending:
            current, target = [_unquote(line[len("#~ msgid ") :])], "msgid"
        elif line.startswith('#~ "') and target == "msgid" and current is not None:
            current.append(_unquote(line[3:]))
        else:
            if current is not None and pending:
                previous["".join(current)] = "".join(pending)
                pending, current = [], None
            target = None
    for entry in po.obsolete_entries():
        if entry.previous_msgid is None and entry.msgid in previous:
            entry.previous_msgid = previous[entry.msgid]


def read_po(path: Path | str) -> polib.POFile:
    """Parse a PO/POT file; any problem becomes an InputFileError with file:line."""
    path = Path(path)
    text = read_text(
        path, kind="PO file", hint="a PO file is UTF-8 text; a compiled .mo file is not one"
    )
    problem = _syntax_error(text)
    if problem:
        line, message = problem
        raise InputFileError(
            str(path),
            message,
            line=line,
            hint="fix the file in Poedit or a text editor; `msgfmt --check FILE` shows the same",
        )
    try:
        # Duplicates were found by the syntax pass, in linear time; polib's own
        # check_for_duplicates rescans the file for every entry.
        po = polib.pofile(text, encoding="utf-8")
        _restore_obsolete_previous(po, text)
    except (OSError, ValueError) as exc:
        message = str(exc)
        line = None
        if "(line " in message:
            tail = message.rsplit("(line ", 1)[1].rstrip(")")
            line = int(tail) if tail.isdigit() else None
            message = message.rsplit(" (line ", 1)[0]
        raise InputFileError(
            str(path),
            f"does not parse as a PO file: {message}",
            line=line,
            hint="run `msgfmt --check-format -o /dev/null FILE` for details",
        ) from None
    return po


def write_atomic(path: Path | str, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` through a temporary file and a rename.

    A run that fails or is killed leaves either the old file or the new one,
    never half of one.  An unchanged file is not touched (its mtime stays):
    returns whether anything was written.  A path that cannot be written is
    an input error naming it.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        pass
    except OSError:
        pass  # unreadable: try to write it, which reports the real problem
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputFileError(
            str(path),
            f"cannot write: {exc.strerror or exc}",
            hint="check that its folder exists or can be created, and is writable",
        ) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return True


def _unquote(line: str) -> str:
    line = line.strip()
    start, end = line.find('"'), line.rfind('"')
    return polib.unescape(line[start + 1 : end]) if 0 <= start < end else ""


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
