"""Glossary tables: TSV and CSV files, in two forms, and the DeepL export.

- Multi-column: a header row naming the columns (``en variants dnt note``,
  a language code per canonical form, ``LANG_accepted``, ``LANG_forbidden``,
  ``LANG_inflect``), one term per row, lists inside a field separated by
  ``|``.  This is the TSV glossary l10n always read; CSV takes the same
  columns.
- DeepL glossary: one language pair per file, two columns (source term,
  target term) and no header, the pair named in the file name (``en-de.csv``,
  ``glossary.en-de.tsv``) or by DeepL's optional third and fourth columns
  (source and target language); a header row ``en,de`` names it too.  Its
  terms merge with the same English names from other files, so that
  ``en-de.csv`` and ``en-uk.csv`` make one glossary.

TSV fields are split at tabs, without quoting (as DeepL writes them); CSV
follows the usual quoting rules.  Blank lines and lines starting with ``#``
are skipped.  :func:`export_deepl_tsv` writes one pair for DeepL.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n import languages
from l10n.errors import InputFileError
from l10n.files import write_atomic
from l10n.glossary.formats import FORMAT_HINT, RawTerm

if TYPE_CHECKING:
    from l10n.glossary.glossary import Glossary

SOURCE = "en"  # the glossary's source language: terms are named in English
_LIST_SEP = "|"
_KINDS = ("", "accepted", "forbidden", "inflect")
_PAIR_NAME = re.compile(r"(?:^|[._ ])([A-Za-z]{2})-([A-Za-z]{2})$")
_PAIR_HINT = (
    "a table starts with a header row naming its columns (en, a language code per "
    "language...), or is a DeepL glossary of one pair named in the file name: en-de.csv"
)


def _rows(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) of every row that is not blank or a comment."""
    if path.suffix == ".tsv":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                yield number, line.split("\t")
        return
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputFileError(
            str(path), f"CSV syntax error: {exc}", line=reader.line_num, hint=FORMAT_HINT
        ) from None


def read_table(path: Path, text: str) -> list[RawTerm]:
    rows = list(_rows(path, text))
    if not rows:
        return []
    number, first = rows[0]
    header = [c.strip() for c in first]
    problem = _header_problem(path, header, number)
    if problem is None:
        return _read_columns(path, header, rows[1:])
    pair = None if _looks_like_header(path, header) else _pair(path, rows)
    if pair is None:
        raise problem
    return _read_pair(path, pair, rows)


# --- multi-column --------------------------------------------------------------


def _looks_like_header(path: Path, header: list[str]) -> bool:
    """Whether a first row that is no valid header was meant as one (a typo in
    a column name) rather than as a DeepL row: every cell reads as a column
    name, and ``en`` is one of them or the file name names no pair."""
    column = re.compile(r"en|variants|dnt|note|[a-z]{2,3}(_(accepted|forbidden|inflect))?")
    if not all(column.fullmatch(c) for c in header):
        return False
    return SOURCE in header or not _PAIR_NAME.search(path.stem)


def _header_problem(path: Path, header: list[str], number: int) -> InputFileError | None:
    """Why ``header`` is not a header row, or None when it is one."""
    for column in header:
        base, _, kind = column.partition("_")
        if column in (SOURCE, "variants", "dnt", "note"):
            continue
        if kind in _KINDS and languages.is_known(base) and base != SOURCE:
            continue
        if re.fullmatch(r"[a-z]{2,3}(_(accepted|forbidden|inflect))?", column):
            return InputFileError(
                str(path),
                f"unknown language {base!r} in column {column!r}",
                line=number,
                hint="columns name languages by their ISO 639-1 code: de, pl, sq, uk...",
            )
        return InputFileError(str(path), f"unknown column {column!r}", line=number, hint=_PAIR_HINT)
    if SOURCE not in header:
        return InputFileError(
            str(path), "the header has no 'en' column", line=number, hint=_PAIR_HINT
        )
    return None


def _read_columns(
    path: Path, header: list[str], rows: list[tuple[int, list[str]]]
) -> list[RawTerm]:
    # A header of just en and one language is a DeepL pair with its header row.
    pair = len(header) == 2 and all(c == SOURCE or languages.is_known(c) for c in header)
    raws = []
    for number, cells in rows:
        if len(cells) > len(header):
            raise InputFileError(
                str(path),
                f"{len(cells)} fields, the header has {len(header)}",
                line=number,
                hint="fields are separated by tabs; lists inside a field by |"
                if path.suffix == ".tsv"
                else "fields are separated by commas; lists inside a field by |",
            )
        row = dict(zip(header, [c.strip() for c in cells], strict=False))
        values: dict[str, Any] = {}
        for column, cell in row.items():
            if column == SOURCE or not cell:
                continue
            _put(path, number, values, column, cell)
        if SOURCE in row and not row[SOURCE]:
            raise InputFileError(str(path), "empty English term", line=number)
        raws.append(RawTerm(str(path), number, row.get(SOURCE, ""), values, {}, pair=pair))
    return raws


def _put(path: Path, number: int, values: dict[str, Any], column: str, cell: str) -> None:
    base, _, kind = column.partition("_")
    if column == "variants":
        values["variants"] = [x.strip() for x in cell.split(_LIST_SEP)]
    elif column == "note":
        values["note"] = cell
    elif column == "dnt":
        flag = cell.lower()
        if flag not in ("yes", "no", "true", "false", "1", "0", "x"):
            raise InputFileError(str(path), f"dnt must be yes or no, not {cell!r}", line=number)
        values["dnt"] = flag in ("yes", "true", "1", "x")
    elif kind in ("accepted", "forbidden"):
        values.setdefault(kind, {})[base] = [x.strip() for x in cell.split(_LIST_SEP)]
    elif kind == "inflect":
        values.setdefault("inflect", {})[base] = cell
    else:
        values[base] = cell


# --- DeepL pairs ---------------------------------------------------------------


def _code(text: str) -> str | None:
    """The language of a code as DeepL and file names write it (EN, en-GB, pt_BR)."""
    code = languages.normalize(text)
    return code if languages.is_known(code) else None


def _pair(path: Path, rows: list[tuple[int, list[str]]]) -> tuple[str, str] | None:
    """The (source, target) languages of a headerless DeepL table, or None."""
    found = _PAIR_NAME.search(path.stem)
    if found:
        pair = (_code(found.group(1)), _code(found.group(2)))
    else:
        cells = rows[0][1]
        if len(cells) < 4:
            return None
        pair = (_code(cells[2]), _code(cells[3]))
    if pair[0] is None or pair[1] is None:
        return None
    if pair[0] != SOURCE or pair[1] == SOURCE:
        raise InputFileError(
            str(path),
            f"a glossary for {pair[0]} -> {pair[1]}: the glossary's terms are English",
            line=None if found else rows[0][0],
            hint="l10n reads DeepL glossaries from English (en-de.csv)",
        )
    return pair[0], pair[1]


def _read_pair(
    path: Path, pair: tuple[str, str], rows: list[tuple[int, list[str]]]
) -> list[RawTerm]:
    source, target = pair
    raws = []
    for number, cells in rows:
        cells = [c.strip() for c in cells]
        if len(cells) >= 4 and (_code(cells[2]), _code(cells[3])) != pair:
            raise InputFileError(
                str(path),
                f"languages {cells[2]} -> {cells[3]}, the glossary is {source} -> {target}",
                line=number,
                hint="a DeepL glossary holds one language pair",
            )
        if len(cells) not in (2, 4, 5):
            raise InputFileError(
                str(path),
                f"{len(cells)} fields: a DeepL glossary row is source and target term, "
                "optionally followed by their languages",
                line=number,
                hint=_PAIR_HINT,
            )
        en, form = cells[0], cells[1]
        if not en:
            raise InputFileError(str(path), "empty English term", line=number)
        if not form:
            raise InputFileError(str(path), f"empty {target} term for {en!r}", line=number)
        raws.append(RawTerm(str(path), number, en, {target: form}, {}, pair=True))
    return raws


def pair_file_name(path: Path, lang: str) -> bool:
    """Whether ``path``'s name says it holds the pair en -> ``lang``."""
    found = _PAIR_NAME.search(path.stem)
    return bool(found) and (_code(found.group(1)), _code(found.group(2))) == (SOURCE, lang)


def export_deepl_tsv(glossary: Glossary, lang: str, path: Path | str) -> int:
    """Write the pair en -> ``lang`` as a DeepL glossary (TSV, no header); returns
    the number of rows.

    One row per English form: each English variant maps to the canonical form
    too, so DeepL finds the name however the source spells it.  A
    do-not-translate term maps to itself, which is how DeepL keeps a name.
    Accepted and forbidden forms have no place in a DeepL glossary.
    """
    lines = []
    for term in glossary.terms:
        target = term.forms[lang].canonical
        for source in term.english:
            lines.append(f"{source}\t{target}")
    write_atomic(path, "".join(line + "\n" for line in lines))
    return len(lines)
