"""PO material and helpers shared by the tests of the check runner, its
output formats and ``l10n check``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from l10n.cli import cli
from l10n.po import format_po, read_po


def set_msgstr(path: Path, msgid: str, msgstr: str, *, flags: list[str] | None = None) -> None:
    po = read_po(path)
    entry = next(e for e in po if e.msgid == msgid)
    entry.msgstr = msgstr
    if flags is not None:
        entry.flags = flags
    path.write_text(format_po(po), encoding="utf-8")


RUSSIA_FIFTH = (
    "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea, "
    "which Putin annexed in 2014."
)


# Correct but for one name: the Russian spelling Путин in Ukrainian text.
UK_WITH_RUSSIAN_PUTIN = (
    "Наразі Росія контролює приблизно п’яту частину території України, зокрема Крим, "
    "який Путин анексував у 2014 році."
)


def run(*args: str):
    result = CliRunner().invoke(cli, ["check", *args], prog_name="l10n")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result
