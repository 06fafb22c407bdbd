"""Reading glossary files into :class:`RawTerm` records: TOML here, tables
(TSV, CSV) in :mod:`l10n.glossary.tables`, TBX in :mod:`l10n.glossary.tbx`.

TOML: one table per term, named by its English form (see docs/glossary.md and
:func:`l10n.glossary.load.load_glossary`).  The readers check what the file
format decides (syntax, duplicate tables, columns, field counts, yes/no
flags, XML structure) and note where each key is, so that
:mod:`l10n.glossary.validate` can report a bad value with its line, whatever
the file's format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n import tomlfile
from l10n.errors import InputFileError
from l10n.textfile import read_text

# The order matters to nobody but the messages that list them.
GLOSSARY_SUFFIXES = (".toml", ".tsv", ".csv", ".tbx")
FORMAT_HINT = "the glossary format is described in `l10n glossary --help` and docs/glossary.md"


@dataclass
class RawTerm:
    """A term as read from a file, before validation.

    ``values`` uses the TOML keys whatever the format: ``variants``, ``note``,
    ``dnt``, a language code for the canonical form, and ``accepted``,
    ``forbidden``, ``inflect`` tables by language.  A term from a one-pair
    file (a DeepL glossary) is ``pair``: it gives one language, and merges
    with the term of the same English name from another file.
    """

    path: str
    line: int
    en: str
    values: dict[str, Any]
    lines: dict[str, int]  # "variants", "uk", "forbidden.uk"... -> line
    pair: bool = False

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def error(self, message: str, key: str = "", hint: str | None = None) -> InputFileError:
        return InputFileError(self.path, message, line=self.line_of(key), hint=hint)


def read_glossary_text(path: Path) -> str:
    return read_text(
        path, kind="glossary", hint="glossary files are UTF-8 text: TOML, TSV, CSV or TBX"
    )


def _term_or_table(key: tomlfile.KeyPath) -> str:
    return "term" if len(key) == 1 else "table"


def read_toml(path: Path, text: str | None = None) -> list[RawTerm]:
    if text is None:
        text = read_glossary_text(path)
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
