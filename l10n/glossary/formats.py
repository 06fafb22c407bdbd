"""Reading glossary files: TOML and TSV, into :class:`RawTerm` records.

TOML: one table per term, named by its English form (see
:func:`l10n.glossary.load.load_glossary` and the top of
``glossary/names.toml``).  TSV: a header row naming the columns, one term per
row, lists separated by ``|``.  The readers check what the file format
decides (TOML syntax and duplicate tables; TSV columns, field counts and
yes/no flags) and note where each key is, so that
:mod:`l10n.glossary.validate` can report a bad value with its line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.errors import InputFileError
from l10n.glossary.model import LANGUAGES
from l10n.textfile import read_text

GLOSSARY_SUFFIXES = (".toml", ".tsv")
FORMAT_HINT = "the format is described at the top of glossary/names.toml"


@dataclass
class RawTerm:
    """A term as read from a file, before validation."""

    path: str
    line: int
    en: str
    values: dict[str, Any]
    lines: dict[str, int]  # "variants", "uk", "forbidden.uk"... -> line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def error(self, message: str, key: str = "", hint: str | None = None) -> InputFileError:
        return InputFileError(self.path, message, line=self.line_of(key), hint=hint)


def _read_text(path: Path) -> str:
    return read_text(path, kind="glossary", hint="glossary files are UTF-8 text: TOML or TSV")


_HEADER_RE = re.compile(r"^\s*\[(?!\[)\s*(.+?)\s*\]\s*(?:#.*)?$")
_ARRAY_HEADER_RE = re.compile(r"^\s*\[\[\s*(.+?)\s*\]\]\s*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_RE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")


_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*")


_QUOTED_KEY_RE = re.compile(r'"([^"\\\x00-\x1f]*)"')


def _key_path(text: str) -> tuple[str, ...] | None:
    if _BARE_KEY_RE.fullmatch(text):
        return tuple(part.strip() for part in text.split("."))
    quoted = _QUOTED_KEY_RE.fullmatch(text)
    if quoted:
        return (quoted.group(1),)
    try:
        value: Any = tomllib.loads(f"{text} = 0")
    except tomllib.TOMLDecodeError:
        return None
    path = []
    while isinstance(value, dict) and len(value) == 1:
        ((k, value),) = value.items()
        path.append(k)
    return tuple(path)


def _scan_toml(path: Path, text: str) -> dict[tuple[str, ...], int]:
    """Line numbers of tables and keys (tomllib gives none); duplicate tables are
    reported here as duplicate terms, with both lines."""
    lines: dict[tuple[str, ...], int] = {}
    prefix: tuple[str, ...] = ()
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
                what = "term" if len(key) == 1 else "table"
                raise InputFileError(
                    str(path),
                    f'duplicate {what} "{".".join(key)}" (first defined at line {lines[key]})',
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


def read_toml(path: Path) -> list[RawTerm]:
    text = _read_text(path)
    lines = _scan_toml(path, text)
    try:
        data = tomllib.loads(text)
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
            str(path), f"TOML syntax error: {message}", line=line, hint=FORMAT_HINT
        ) from e
    by_term: dict[str, dict[str, int]] = {}
    for k, n in lines.items():
        if len(k) > 1:
            by_term.setdefault(k[0], {})[".".join(k[1:])] = n
    raws = []
    for en, value in data.items():
        line = lines.get((en,), 1)
        if not isinstance(value, dict):
            raise InputFileError(
                str(path),
                f"{en!r} is not a term table",
                line=line,
                hint='each term is a table: ["English name"] followed by its keys',
            )
        raws.append(RawTerm(str(path), line, en, value, by_term.get(en, {})))
    return raws


_TSV_LIST_SEP = "|"


def read_tsv(path: Path) -> list[RawTerm]:
    text = _read_text(path)
    header: list[str] | None = None
    header_line = 0
    raws = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            header_line = number
            for column in header:
                base, _, kind = column.partition("_")
                if column in ("en", "variants", "dnt", "note") or (
                    base in LANGUAGES and kind in ("", "accepted", "forbidden", "inflect")
                ):
                    continue
                if re.fullmatch(r"[a-z]{2,3}(_(accepted|forbidden|inflect))?", column):
                    raise InputFileError(
                        str(path),
                        f"unknown language {base!r} in column {column!r}",
                        line=number,
                        hint=f"glossary languages: {', '.join(LANGUAGES)}",
                    )
                raise InputFileError(
                    str(path), f"unknown column {column!r}", line=number, hint=FORMAT_HINT
                )
            if "en" not in header:
                raise InputFileError(
                    str(path), "the header has no 'en' column", line=number, hint=FORMAT_HINT
                )
            continue
        if len(cells) > len(header):
            raise InputFileError(
                str(path),
                f"{len(cells)} fields, the header has {len(header)}",
                line=number,
                hint="fields are separated by tabs; lists inside a field by |",
            )
        row = dict(zip(header, [c.strip() for c in cells], strict=False))
        values: dict[str, Any] = {}
        for column, cell in row.items():
            if column == "en" or not cell:
                continue
            base, _, kind = column.partition("_")
            if column == "variants":
                values["variants"] = [x.strip() for x in cell.split(_TSV_LIST_SEP)]
            elif column == "note":
                values["note"] = cell
            elif column == "dnt":
                flag = cell.lower()
                if flag not in ("yes", "no", "true", "false", "1", "0", "x"):
                    raise InputFileError(
                        str(path), f"dnt must be yes or no, not {cell!r}", line=number
                    )
                values["dnt"] = flag in ("yes", "true", "1", "x")
            elif kind in ("accepted", "forbidden"):
                values.setdefault(kind, {})[base] = [x.strip() for x in cell.split(_TSV_LIST_SEP)]
            elif kind == "inflect":
                values.setdefault("inflect", {})[base] = cell
            else:
                values[base] = cell
        if "en" in row and not row["en"]:
            raise InputFileError(str(path), "empty English term", line=number)
        raws.append(RawTerm(str(path), number, row.get("en", ""), values, {}))
    if header is None and header_line == 0:
        return []
    return raws
