"""gettext's PO lexer, for the forms the fast reader leaves to it.

gettext reads a PO file as tokens (``po-lex.c``): keywords, strings and
comments, with any whitespace between them, newlines included, and with
backslash-newlines removed first.  So ``msgstr""``, two keywords on a line,
a comment after a string, or a keyword with its string on the next line are
all valid.  :func:`lex` reads a file that way and gives it back as the
canonical lines the fast reader reads (one keyword with its string, one
string, or one comment per line), each with the line it came from, so that
one builder makes entries of both.
"""

from __future__ import annotations

import re

WS = " \t\r\f\v"  # gettext's whitespace besides the newline (po-lex.c)
UNTERMINATED = "end-of-line within string (a closing quote is missing)"
FORBIDDEN = {
    "\x00": "a NUL character (gettext cuts the string short there)",
    "\x04": "the context separator <EOT> (U+0004), which gettext refuses in a string",
}


class PoSyntaxError(ValueError):
    """A line of a PO file that msgfmt would reject."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


_TOKEN = re.compile(
    r"(?P<ws>[ \t\r\f\v]+)|(?P<nl>\n)|(?P<mark>\#~\|?|\#\|)|(?P<comment>\#[^\n]*)"
    r'|(?P<string>"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*")|(?P<open>"[^\n]*)'
    r"|(?P<word>[A-Za-z_$][A-Za-z0-9_$]*)|(?P<number>[0-9]+)|(?P<bracket>[\[\]])|(?P<junk>.)",
    re.DOTALL,
)
_KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr"}
_SWALLOWED = ("msg", '"', "domain")


class _Lines:
    """Line numbers of positions in the text the lexer reads, which has its
    backslash-newlines removed (gettext joins those lines) and, in a file with
    no LF at all, counts CRs as line ends (as an editor shows them)."""

    def __init__(self, text: str) -> None:
        self.joins: list[int] = []  # where a backslash-newline was removed
        if "\\\n" in text:
            parts = text.split("\\\n")
            at = 0
            for part in parts[:-1]:
                at += len(part)
                self.joins.append(at)
            text = "".join(parts)
        self.text = text
        self.cr_lines = "\n" not in text and "\r" in text
        self.breaks = 0  # line ends seen so far
        self.joined = 0  # joins before the current token

    def at(self, pos: int) -> int:
        while self.joined < len(self.joins) and self.joins[self.joined] <= pos:
            self.joined += 1
        return self.breaks + self.joined + 1

    def crosses_join(self, end: int) -> bool:
        """Whether a token from the current position to ``end`` spans a join."""
        return self.joined < len(self.joins) and self.joins[self.joined] < end


def lex(text: str) -> list[tuple[int, str]]:
    """The file as canonical lines, read token by token as gettext reads it."""
    lines = _Lines(text)
    out: list[tuple[int, str]] = []
    obsolete = previous = False
    pending: tuple[int, str] | None = None  # a keyword (line, prefixed text) awaiting its string
    index: list[str] | None = None  # the msgstr[N] being read: "[", N, "]"

    def prefix() -> str:
        return ("#~| " if obsolete else "#| ") if previous else ("#~ " if obsolete else "")

    for m in _TOKEN.finditer(lines.text):
        kind, token = m.lastgroup, m.group()
        if kind == "ws":
            if lines.cr_lines:
                lines.breaks += token.count("\r")
            continue
        if kind == "nl":
            lines.breaks += 1
            obsolete = previous = False
            continue
        number = lines.at(m.start())
        if index is not None and kind not in ("number", "bracket"):
            raise PoSyntaxError(number, "msgstr[N] needs a number in brackets")
        if pending is not None and kind not in ("string", "bracket", "number"):
            raise PoSyntaxError(pending[0], f"{pending[1].split()[-1]} without a string after it")
        if kind == "mark":
            obsolete, previous = obsolete or token[1] == "~", previous or token[-1] == "|"
        elif kind == "comment":
            _check_comment(token, number, m.end(), lines)
            out.append((number, ("#~ " if obsolete else "") + token))
        elif kind == "string":
            for char, what in FORBIDDEN.items():
                if char in token:
                    raise PoSyntaxError(number, f"{what}")
            if pending is not None:
                out.append((pending[0], f"{pending[1]} {token}"))
                pending = None
            else:
                out.append((number, prefix() + token))
        elif kind == "open":
            raise PoSyntaxError(number, UNTERMINATED)
        elif kind == "word":
            if token == "domain":
                raise PoSyntaxError(
                    number,
                    'a "domain" directive: one PO file is one catalog here '
                    "(msgfmt -o refuses it too)",
                )
            if token not in _KEYWORDS or (previous and token == "msgstr"):
                raise PoSyntaxError(number, f"unknown keyword {token!r}")
            pending = (number, prefix() + token)
        elif kind in ("bracket", "number"):
            index = _msgstr_index(pending, index, token, number)
            if index is not None and len(index) == 3:
                pending = (pending[0], pending[1] + "".join(index))  # type: ignore[index]
                index = None
        else:
            raise PoSyntaxError(number, f"not PO syntax: {token!r}")
    if pending is not None:
        raise PoSyntaxError(pending[0], f"{pending[1].split()[-1]} without a string after it")
    if index is not None:
        raise PoSyntaxError(lines.at(len(lines.text)), "msgstr[N] needs a number in brackets")
    return out


def _msgstr_index(
    pending: tuple[int, str] | None, index: list[str] | None, token: str, number: int
) -> list[str] | None:
    """The next piece of a ``msgstr[N]``: "[" after msgstr, then N, then "]"."""
    expected = "[" if index is None else "]" if len(index) == 2 else None
    keyword = pending[1] if pending is not None else ""
    fits = (token == expected) if expected else token.isdigit()
    if not keyword.endswith("msgstr") or not fits:
        raise PoSyntaxError(number, f"not PO syntax: {token!r}")
    return [*(index or []), token]


def comment_swallows(comment: str) -> bool:
    """Whether a comment holds, after a carriage return, what looks like a
    message: an editor shows it on a line of its own, gettext reads it as
    comment (it ends lines only at LF)."""
    return "\r" in comment and any(
        piece.lstrip(WS).startswith(_SWALLOWED) for piece in comment.split("\r")[1:]
    )


def _check_comment(token: str, number: int, end: int, lines: _Lines) -> None:
    """Refuse a comment that gettext reads differently from how it looks.

    gettext ends a comment only at LF: a backslash-newline joins the next
    line to it, and after a lone CR (which an editor shows as a line end) the
    rest of the line is comment too.  msgfmt accepts both and loses the
    messages the comment swallows; refusing them keeps the translator's work.
    """
    if lines.crosses_join(end):
        raise PoSyntaxError(
            number,
            "a comment that ends in a backslash: gettext reads the next line as part of it "
            "(remove the backslash or put a space after it)",
        )
    if comment_swallows(token):
        for n, piece in enumerate(token.split("\r")[1:], start=1):
            if piece.lstrip(WS).startswith(_SWALLOWED):
                raise PoSyntaxError(
                    number + n if lines.cr_lines else number,
                    "this line follows a carriage return (CR) inside a comment: gettext "
                    "ends lines only at LF, so it reads the line as part of the comment "
                    "(save the file with LF or CRLF line ends)",
                )
