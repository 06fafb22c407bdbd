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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n import tomlfile
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


def _term_or_table(key: tomlfile.KeyPath) -> str:
    return "term" if len(key) == 1 else "table"


def read_toml(path: Path) -> list[RawTerm]:
    text = _read_text(path)
    lines = tomlfile.scan_lines(path, text, table_word=_term_or_table)
    data = tomlfile.parse(path, text, hint=FORMAT_HINT)
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
