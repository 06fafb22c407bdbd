"""The ``blank`` check (:mod:`l10n.qa.checks.blank`) and how the runner and
``l10n status`` treat a translation of whitespace alone."""

from __future__ import annotations

import json

import pytest

from l10n.qa.base import Severity
from qa.checks.samples import EN_SOURCE, REGISTERED, find, names, only
from qa.samples import RUSSIA_FIFTH, run, set_msgstr

BLANKS = [
    ("uk", " "),
    ("ru", "   "),
    ("sq", "\n"),
    ("uk", "\t \n"),
    ("ru", "\u00a0"),
    ("sq", "  \n  "),
]


@pytest.mark.parametrize("lang,msgstr", BLANKS)
def test_whitespace_alone_is_reported_by_blank_alone(lang, msgstr):
    (problem,) = only("blank", lang, EN_SOURCE, msgstr)
    assert "only whitespace" in problem.message
    # The other checks would each repeat that the text is missing.
    assert names(lang, EN_SOURCE, msgstr) == ["blank"]
    assert REGISTERED["blank"].severity is Severity.ERROR


@pytest.mark.parametrize(
    "lang,msgid,msgstr",
    [
        ("uk", EN_SOURCE, "Росіяни сьогодні оголосили, що українці розпочали новий наступ."),
        ("ru", EN_SOURCE, "Россияне сегодня объявили, что украинцы начали новое наступление."),
        ("sq", EN_SOURCE, "Rusët njoftuan sot se ukrainasit kanë nisur një ofensivë të re."),
        ("uk", "World", "Світ "),
        ("ru", " ", " "),
        ("sq", "World", ""),
    ],
)
def test_text_an_empty_translation_or_a_blank_source_is_not_blank(lang, msgid, msgstr):
    assert only("blank", lang, msgid, msgstr) == []


def test_an_empty_translation_is_no_check_s_business():
    assert find("uk", EN_SOURCE, "") == []


def test_check_and_status_on_a_blank_entry(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, "  ")
    result = run("--format", "json", "locales")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)
    assert (finding["check"], finding["severity"], finding["msgid"]) == (
        "blank",
        "error",
        RUSSIA_FIFTH,
    )
    from click.testing import CliRunner

    from l10n.cli import cli

    status = json.loads(CliRunner().invoke(cli, ["status", "--json"]).stdout)
    uk = next(row for row in status if row["lang"] == "uk")
    assert (uk["reviewed"], uk["untranslated"]) == (uk["total"] - 1, 1)


def test_emptying_it_leaves_the_entry_untranslated_and_the_check_clean(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, "")
    assert run("locales").exit_code == 0
