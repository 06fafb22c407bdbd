"""The ``punctuation``, ``whitespace`` and ``spacing`` checks
(:mod:`l10n.qa.checks.punctuation`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import CheckContext, Severity, Unit
from l10n.qa.runner import fix_msgstr
from qa.checks.samples import REGISTERED, only, qa_checks


@pytest.mark.parametrize(
    "lang,msgid,msgstr",
    [
        ("uk", 'replied: "I cannot give a date."', "відповів: «Я не можу назвати дату»."),
        ("ru", 'replied: "I cannot give a date."', "ответил: «Я не могу назвать дату»."),
        ("ru", 'replied: "I cannot give a date."', "ответил: «Я не могу назвать дату.»"),
        ("sq", 'replied: "I cannot give a date."', "u përgjigj: “Nuk mund të jap një datë.”"),
        ("sq", 'replied: "I cannot give a date."', "u përgjigj: “Nuk mund të jap një datë”."),
        ("ru", '"We will win," he said.', "«Мы победим», — сказал он."),
        ("uk", '"We will win," he said.', "«Ми переможемо», — сказав він."),
        ("ru", 'He asked: "What now?"', "Он спросил: «Что теперь?»"),
        ("ru", 'He asked: "What now?"', "Он спросил: «Что теперь?»."),
        ("uk", "And then...", "А потім…"),
        ("uk", "And then…", "А потім..."),
        ("ru", "Why?", "Почему?"),
        ("sq", "Read about:", "Lexo:"),
        ("ru", "Crimea, annexed in 2014", "Крым, аннексированный в 2014 г."),
        ("uk", "Crimea, annexed in 2014", "Крим, анексований у 2014 р."),
        ("uk", "World", "Світ"),
    ],
)
def test_final_punctuation_in_the_target_style_is_accepted(lang, msgid, msgstr):
    assert only("punctuation", lang, msgid, msgstr) == []


def test_missing_final_period_is_flagged_and_fixable():
    (problem,) = only("punctuation", "uk", "The link was copied.", "Посилання скопійовано")
    assert problem.expected == "." and problem.fixed == "Посилання скопійовано."
    (problem,) = only("punctuation", "uk", 'replied: "No."', "відповів: «Ні»")
    assert problem.fixed == "відповів: «Ні»."


def test_added_or_changed_final_punctuation_is_flagged():
    (problem,) = only("punctuation", "ru", "World", "Мир.")
    assert problem.fixed == "Мир"
    (problem,) = only("punctuation", "sq", "Is this the end?", "Ky është fundi.")
    assert problem.expected == "?" and problem.found == "."
    assert problem.fixed is None


def test_whitespace_at_the_edges_must_match_the_source():
    (problem,) = only("whitespace", "uk", "The end. ", "Кінець.")
    assert "trailing" in problem.message and problem.fixed == "Кінець. "
    (problem,) = only("whitespace", "ru", "The end.", " Конец.")
    assert "leading" in problem.message and problem.fixed == "Конец."
    assert only("whitespace", "sq", "\nThe end.\n", "\nFundi.\n") == []
    assert fix_msgstr(Unit("The end. ", " Кінець."), CheckContext("uk"), qa_checks()) == "Кінець. "


def test_doubled_space_and_space_before_punctuation_are_warnings_with_fixes():
    (problem,) = only("spacing", "uk", "Kursk region.", "Курська  область.")
    assert problem.fixed == "Курська область."
    assert REGISTERED["spacing"].severity is Severity.WARNING
    (problem,) = only("spacing", "ru", "Kursk, region.", "Курск , область.")
    assert problem.fixed == "Курск, область."
    assert only("spacing", "ru", "Two  spaces in the source.", "Два  пробела в оригинале.") == []
    assert only("spacing", "uk", "and then ...", "а потім …") == []
    assert only("spacing", "uk", "and then - no", "а потім — ні") == []
