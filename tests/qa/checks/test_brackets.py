"""The ``brackets`` and ``bracket-count`` checks (:mod:`l10n.qa.checks.brackets`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import Severity
from qa.checks.samples import REGISTERED, only

UNBALANCED = [
    ("uk", "Kursk (Russia) is quiet.", "Курськ (Росія спокійний."),
    ("ru", "Kursk (Russia) is quiet.", "Курск Россия) спокоен."),
    ("sq", "Kursk (Russia) is quiet.", "Kursku (Rusia] është i qetë."),
    ("uk", "The list [1] ends.", "Список [1 закінчується."),
    ("ru", "Set {a, b}", "Множество {a, b"),
    ("sq", "It was quiet.", "Ishte e qetë :)"),
]

BALANCED = [
    ("uk", "Kursk (Russia) is quiet.", "Курськ (Росія) спокійний."),
    ("ru", "Kursk (Russia) is quiet.", "Курск (Россия) спокоен."),
    ("sq", "Kursk (Russia) is quiet.", "Kursku (Rusia) është i qetë."),
    ("uk", "1) first 2) second", "1) перше 2) друге"),
    ("ru", "It was quiet :)", "Было тихо :)"),
    ("sq", "The list [1] ends.", "Lista [1] mbaron."),
    ("uk", "Set {a, b}", "Множина {a, b}"),
    ("ru", "Putin (right) and Trump (left)", "Путин (справа) и Трамп (слева)"),
]


@pytest.mark.parametrize("lang,msgid,msgstr", UNBALANCED)
def test_brackets_that_do_not_close_are_an_error(lang, msgid, msgstr):
    (problem,) = only("brackets", lang, msgid, msgstr)
    assert "unbalanced" in problem.message
    assert REGISTERED["brackets"].severity is Severity.ERROR


@pytest.mark.parametrize("lang,msgid,msgstr", BALANCED)
def test_brackets_in_pairs_or_as_in_the_source_pass(lang, msgid, msgstr):
    assert only("brackets", lang, msgid, msgstr) == []
    assert only("bracket-count", lang, msgid, msgstr) == []


ADDED_OR_DROPPED = [
    ("uk", "Kursk is quiet.", "Курськ (Росія) спокійний, як і (завжди)."),
    ("ru", "He is 45 and lives in Kursk.", "Ему (45 лет) и он живёт в Курске."),
    ("sq", "Kursk (Russia) is quiet.", "Kursku, Rusi, është i qetë."),
    ("uk", "Kursk (Russia) is quiet.", "Курськ — Росія — спокійний."),
    ("ru", "See [1].", "См. 1."),
    ("sq", "The list [1] ends.", "Lista (1) mbaron."),
]

SAME_COUNT = [
    ("uk", "Kursk (Russia) is quiet.", "Курськ (Росія) спокійний."),
    ("ru", "Kursk is quiet.", "Курск спокоен."),
    ("sq", "Kursk is quiet.", "Kursku është i qetë."),
    # A name alone in brackets: its familiar or original form, added on purpose.
    ("uk", "St. Petersburg Policy Foundation", "фонд «Петербурзька політика» (Санкт-Петербург)"),
    ("ru", "Chatham House said", "Chatham House (Лондон) сообщил"),
    ("sq", "In Sudzha", "Në Suxhë (Sudzha)"),
    ("uk", "In 2024 it ended", "У 2024 (2024) це скінчилося"),
]


@pytest.mark.parametrize("lang,msgid,msgstr", ADDED_OR_DROPPED)
def test_brackets_added_or_dropped_are_a_warning(lang, msgid, msgstr):
    problems = only("bracket-count", lang, msgid, msgstr)
    assert problems and all(p.expected != p.found for p in problems)
    assert REGISTERED["bracket-count"].severity is Severity.WARNING


@pytest.mark.parametrize("lang,msgid,msgstr", SAME_COUNT)
def test_same_count_or_a_name_added_in_brackets_passes(lang, msgid, msgstr):
    assert only("bracket-count", lang, msgid, msgstr) == []
