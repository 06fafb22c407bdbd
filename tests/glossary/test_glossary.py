"""The Glossary (l10n.glossary.glossary): terms in a source text, violations
in a translation, translator notes."""

from __future__ import annotations

import pytest
from conftest import ARTICLE

from glossary.samples import SENTENCES, SOURCE_SENTENCES, problems
from l10n.errors import L10nError
from l10n.glossary import Enforced


def test_every_term_occurs_in_the_article(gloss):
    # All but St. Petersburg, which the article only names inside "St. Petersburg
    # Policy Foundation", a term of its own (the foundation's name has no "Saint").
    found = {t.en for t in gloss.terms_in(ARTICLE.read_text(encoding="utf-8"))}
    assert found == {t.en for t in gloss.terms} - {"St. Petersburg"}


# --- violations -------------------------------------------------------------------------


def test_a_translation_without_the_term_is_reported_missing(gloss):
    (v,) = gloss.violations("ru", "Sudzha was seized", "Город был захвачен")
    assert (v.rule, v.term.en, v.expected, v.found) == ("missing", "Sudzha", "Суджа", "")
    assert v.message == 'Sudzha: expected "Суджа" (any inflected form), not found'
    assert v.replacement is None and v.apply("Город был захвачен") is None


def test_empty_translation_is_never_a_violation(gloss):
    assert gloss.violations("uk", "Putin in Kursk", "") == []
    assert gloss.violations("uk", "Putin in Kursk", "  \n") == []
    assert gloss.enforce("uk", "Putin in Kursk", "") == Enforced("", [], [])


@pytest.mark.parametrize("lang", ["ru", "uk", "sq"])
def test_no_false_alarm_on_a_correct_translation(gloss, lang):
    terms = {t.en for t in gloss.terms_in(SOURCE_SENTENCES)}
    assert terms == {"Russia", "Kursk", "Vladimir Putin", "Sudzha", "Fanaseyevka", "Ulanok"}
    assert gloss.violations(lang, SOURCE_SENTENCES, SENTENCES[lang]) == []


def test_violation_message(gloss):
    (v,) = gloss.violations("ru", "Sudzha", "Судзха")
    assert v.message == 'Sudzha: expected "Суджа" (any inflected form), found "Судзха"'
    (v,) = gloss.violations("uk", "Kursk", "Курск")
    assert v.message.startswith('Kursk: expected "Курськ" or "курський" or "Курщина"')
    (v,) = gloss.violations("ru", "Chatham House", "Чатем-Хаус")
    assert v.message == (
        'Chatham House: do not translate: expected "Chatham House" as written, found "Чатем-Хаус"'
    )


def test_forbidden_and_accepted_together_reports_the_forbidden_one(gloss):
    got = problems(gloss, "ru", "Sudzha", "Суджа (Судзха)")
    assert got == [("forbidden", "Судзха")]


def test_translated_dnt_name_without_forbidden_form_is_missing(gloss):
    assert problems(gloss, "ru", "Bloomberg writes", "пишет агентство") == [("dnt", "")]


def test_a_word_inside_another_terms_name_is_not_forbidden(gloss):
    # "Петербург" is accepted for St. Petersburg; the foundation's name holds it too.
    source = "head of the St. Petersburg Policy Foundation and of St. Petersburg"
    text = "глава фонда «Петербургская политика» и Санкт-Петербурга"
    assert gloss.violations("ru", source, text) == []


# --- notes --------------------------------------------------------------------------------


def test_note_for(gloss):
    assert gloss.note_for("uk", "Kursk and Sudzha") == (
        "Glossary: Kursk → Курськ (курський, Курщина); Sudzha → Суджа"
    )
    assert gloss.note_for("ru", "Bloomberg writes about Putin") == (
        "Glossary: Bloomberg (do not translate); Putin → Путин"
    )
    assert gloss.note_for("sq", "Nothing to see here") is None
    assert gloss.note_for("uk_UA", "Sudzha") == "Glossary: Sudzha → Суджа"
    with pytest.raises(L10nError):
        gloss.note_for("de", "Sudzha")
