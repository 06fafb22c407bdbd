"""Repairs (l10n.glossary.repair): the replacement each forbidden variant gets,
in the case and capitals of the words it replaces, and enforce on machine output."""

from __future__ import annotations

import pytest

from glossary.samples import SENTENCES, SOURCE_SENTENCES, VIOLATIONS
from l10n.glossary import Enforced, Violation


@pytest.mark.parametrize(
    ("lang", "source", "text", "rule", "found", "expected", "replacement"), VIOLATIONS
)
def test_typical_violations(gloss, lang, source, text, rule, found, expected, replacement):
    (v,) = gloss.violations(lang, source, text)
    assert isinstance(v, Violation)
    assert (v.rule, v.found, v.expected, v.replacement) == (rule, found, expected, replacement)
    assert text[v.span[0] : v.span[1]] == found
    fixed = v.apply(text)
    assert fixed == text.replace(found, replacement)
    assert gloss.violations(lang, source, fixed) == []  # the fix is accepted


# --- enforce ------------------------------------------------------------------------------


def test_enforce_keeps_case_and_inflection(gloss):
    out = gloss.enforce("ru", "southeast of Sudzha", "Юго-восточнее Судзхи.")
    assert out == Enforced("Юго-восточнее Суджи.", [("Судзхи", "Суджи")], [])
    out = gloss.enforce("sq", "of Sudzha", "në juglindje të Sudzhës")
    assert out.text == "në juglindje të Suxhës" and out.replaced == [("Sudzhës", "Suxhës")]
    out = gloss.enforce("uk", "Putin in Kursk", "Путина в Курске, КУРСК")
    assert out.text == "Путіна в Курську, КУРСЬК"
    assert out.missing == []


def test_enforce_several_terms_and_sentence_start(gloss):
    source = "Nikolai Petrov and Vladimir Putin in Kiev"
    out = gloss.enforce("uk", source, "Николаю Петрову и Владимиру Путину в Киеве")
    assert out.text == "Миколі Петрову и Володимирові Путіну в Києві"
    assert [old for old, _ in out.replaced] == ["Николаю", "Владимиру Путину", "Киеве"]
    out = gloss.enforce("uk", "the Kursk region", "курской области")
    assert out.text == "курської области"
    out = gloss.enforce("uk", "the Kursk region", "Курской области")
    assert out.text == "Курської области"


def test_enforce_reports_missing_terms_and_is_idempotent(gloss):
    out = gloss.enforce("sq", "Sudzha and Kursk", "Sudzhës dhe qyteti")
    assert out.text == "Suxhës dhe qyteti"
    assert [t.en for t in out.missing] == ["Kursk"]
    again = gloss.enforce("sq", "Sudzha and Kursk", out.text)
    assert again.text == out.text and again.replaced == []


def test_enforce_leaves_correct_text_alone(gloss):
    for lang, text in SENTENCES.items():
        assert gloss.enforce(lang, SOURCE_SENTENCES, text) == Enforced(text, [], [])
