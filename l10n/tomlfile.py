"""Reading TOML files with line numbers, for messages that say file:line.

tomllib parses but tells no line for a key, so a message about a wrong value
could only name the file.  :func:`scan_lines` finds the line of every table
and key with a light line scan (good enough for the flat files l10n reads:
``l10n.toml`` and glossaries), and :func:`load_toml` turns every way a TOML
file can be unusable (syntax, nesting deep enough to exhaust the parser's
recursion) into an :class:`~l10n.errors.InputFileError` at a line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from l10n.errors import InputFileError

KeyPath = tuple[str, ...]

_HEADER_RE = re.compile(r"^\s*\[(?!\[)\s*(.+?)\s*\]\s*(?:#.*)?$")
_ARRAY_HEADER_RE = re.compile(r"^\s*\[\[\s*(.+?)\s*\]\]\s*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_RE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*")
_QUOTED_KEY_RE = re.compile(r'"([^"\\\x00-\x1f]*)"')


def _key_path(text: str) -> KeyPath | None:
    if _BARE_KEY_RE.fullmatch(text):
        return tuple(part.strip() for part in text.split("."))
    quoted = _QUOTED_KEY_RE.fullmatch(text)
    if quoted:
        return (quoted.group(1),)
    try:
        value: Any = tomllib.loads(f"{text} = 0")
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    path = []
    while isinstance(value, dict) and len(value) == 1:
        ((k, value),) = value.items()
        path.append(k)
    return tuple(path)


def _table_word(key: KeyPath) -> str:
    return "table"


def scan_lines(
    path: Path | str, text: str, *, table_word: Callable[[KeyPath], str] = _table_word
) -> dict[KeyPath, int]:
    """The line of every table header and key (tomllib gives none).

    A table defined twice is reported here, with both lines; ``table_word``
    names what a table is in that message (a glossary calls its top-level
    tables terms).
    """
    lines: dict[KeyPath, int] = {}
    prefix: KeyPath = ()
    multiline: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if multiline:
            if line.count(multiline) % 2 == 1:
                multiline = None
            continue
        header = _ARRAY_HEADER_RE.match(line) or _HEADER_RE.match(line)
        if header:
            key = _key_path(header.group(1))
            if key is None:
                continue  # tomllib reports the syntax error
            if key in lines and not line.lstrip().startswith("[["):
                raise InputFileError(
                    str(path),
                    f'duplicate {table_word(key)} "{".".join(key)}" '
                    f"(first defined at line {lines[key]})",
                    line=number,
                    hint="merge the two entries into one",
                )
            lines.setdefault(key, number)
            prefix = key
            continue
        m = _KEY_RE.match(line)
        if m:
            key = _key_path(m.group(1))
            if key is not None:
                full = prefix + key
                for n in range(len(prefix) + 1, len(full) + 1):
                    lines.setdefault(full[:n], number)
            rest = line[m.end() :]
        else:
            rest = line
        for quote in ('"""', "'''"):
            if rest.count(quote) % 2 == 1:
                multiline = quote
                break
    return lines


def parse(path: Path | str, text: str, *, hint: str | None = None) -> dict[str, Any]:
    """The TOML document, or an InputFileError naming the line that breaks it."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message = str(e)
        m = re.search(r"\(at line (\d+), column \d+\)", message)
        if m:
            line = int(m.group(1))
            message = message[: m.start()].strip()
        else:
            line = max(1, len(text.splitlines()))
            message = re.sub(r"\s*\(at end of document\)", "", message)
        raise InputFileError(
            str(path), f"TOML syntax error: {message}", line=line, hint=hint
        ) from None
    except RecursionError:
        # tomllib recurses once per nested array or inline table: thousands of
        # levels exhaust the stack.  No l10n file nests more than a few.
        raise InputFileError(
            str(path), "TOML nested too deeply to read", line=_deepest_line(text), hint=hint
        ) from None


def _deepest_line(text: str) -> int:
    depth = best = 0
    best_line = line = 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > best:
                best, best_line = depth, line
        elif ch in "]}":
            depth -= 1
    return best_line
