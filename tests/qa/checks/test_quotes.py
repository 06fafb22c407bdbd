"""The ``quotes`` check (:mod:`l10n.qa.checks.quotes`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import CheckContext, Unit
from l10n.qa.runner import fix_msgstr
from qa.checks.samples import REGISTERED, only


@pytest.mark.parametrize(
    "lang,msgstr",
    [
        ("uk", "Він сказав: «Ми переможемо»."),
        ("ru", "Он сказал: «Мы победим»."),
        ("uk", "Він сказав: «Фонд „Петербурзька політика“ помиляється»."),
        ("ru", "Он сказал: «Фонд „Петербургская политика“ ошибается»."),
        ("sq", "Ai tha: “Do të fitojmë”."),
        ("sq", "Ai tha: „Do të fitojmë“."),
        ("sq", "Ai tha: «Do të fitojmë»."),
        ("uk", "«Загальні втрати становили близько 4000 осіб."),  # quotation cut by the segmenter
        ("ru", "В результате подразделения отошли с поля боя», — говорится в заявлении."),
        ("uk", "П’ять об’єктів і п'ять сіл, м’ята"),
        ("sq", "nuk do t’i shtyjë prapa"),
    ],
)
def test_target_quote_styles_and_apostrophes_are_accepted(lang, msgstr):
    assert only("quotes", lang, 'He said: "We will win."', msgstr) == []


def test_straight_quotes_are_flagged_and_fixed_in_the_language_style():
    (problem,) = only("quotes", "uk", 'He said: "No."', 'Він сказав: "Ні".')
    assert problem.fixed == "Він сказав: «Ні»."
    (problem,) = only("quotes", "sq", 'He said: "No."', 'Ai tha: "Jo".')
    assert problem.fixed == "Ai tha: “Jo”."
    ctx = CheckContext("ru")
    unit = Unit('"A," he said, "B."', '"А", — сказал он, — "Б".')
    assert fix_msgstr(unit, ctx, [REGISTERED["quotes"]]) == "«А», — сказал он, — «Б»."


def test_ambiguous_straight_quotes_are_flagged_but_not_fixed():
    (problem,) = only("quotes", "uk", "x", 'Він сказав: "Це "важливо"".')
    assert problem.fixed is None
    (problem,) = only("quotes", "ru", "x", "Он сказал: 'Да'.")
    assert problem.fixed is None


def test_english_quotes_are_not_russian_or_ukrainian():
    (problem,) = only("quotes", "uk", "x", "Він сказав: “Ні”.")
    assert problem.expected == "«…»" and problem.fixed == "Він сказав: «Ні»."
    assert only("quotes", "ru", "x", "Он сказал: ‘Да’.") != []


def test_mismatched_quotation_marks_are_flagged():
    (problem,) = only("quotes", "ru", "x", "Он сказал: «Да“.")
    assert problem.fixed == "Он сказал: «Да»."


def test_one_quote_style_per_file_majority_wins():
    texts = ["Ai tha: “Po”.", "Ajo tha: “Jo”.", "Ata thanë: «Ndoshta».", "Pa thonjëza."]
    units = [Unit("x", t) for t in texts]
    flagged = {u.msgstr: only("quotes", "sq", "x", u.msgstr, units=units) for u in units}
    assert [t for t, problems in flagged.items() if problems] == ["Ata thanë: «Ndoshta»."]
    (problem,) = flagged["Ata thanë: «Ndoshta»."]
    assert problem.expected == "“…”" and problem.fixed == "Ata thanë: “Ndoshta”."
    assert "2 entries" in problem.message


def test_quote_style_consistency_in_ukrainian_and_straight_fix_uses_file_style():
    texts = ["Він сказав: „Так“.", "Вона сказала: „Ні“.", "Вони сказали: «Можливо»."]
    units = [Unit("x", t) for t in texts]
    assert only("quotes", "uk", "x", texts[2], units=units) != []
    assert only("quotes", "uk", "x", texts[0], units=units) == []
    (problem,) = only("quotes", "uk", "x", 'Ми сказали: "Так".', units=units)
    assert problem.fixed == "Ми сказали: „Так“."
