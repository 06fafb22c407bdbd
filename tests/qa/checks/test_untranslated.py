"""The ``untranslated`` check (:mod:`l10n.qa.checks.untranslated`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import Unit
from qa.checks.samples import EN_SOURCE, GLOSSARY, only


@pytest.mark.parametrize(
    "lang,text",
    [
        ("sq", "World"),
        ("sq", "Read about: 5 min."),
        ("sq", "Kursk becomes Putin's nightmare"),
        ("uk", "Kursk"),
        ("ru", "Donald Trump"),
        ("uk", "Bloomberg"),
        ("ru", EN_SOURCE),
    ],
)
def test_identical_translations_are_flagged(lang, text):
    (problem,) = only("untranslated", lang, text, text)
    assert "identical" in problem.message


@pytest.mark.parametrize(
    "lang,text",
    [
        ("sq", "Kursk"),
        ("sq", "Donald Trump"),
        ("sq", "Chatham House"),
        ("uk", "KosovaPress"),
        ("ru", "GIZ"),
        ("uk", "© 2002-2025"),
        ("ru", "#SustainMediaProgramme"),
        ("sq", "https://www.kosovapress.com/"),
        ("ru", "12:30"),
        ("uk", "DW Akademie"),
    ],
)
def test_identical_names_numbers_and_symbols_are_fine(lang, text):
    assert only("untranslated", lang, text, text, glossary=GLOSSARY) == []


def test_identical_dnt_term_is_fine_in_cyrillic_only_with_the_glossary():
    assert only("untranslated", "uk", "Bloomberg", "Bloomberg", glossary=GLOSSARY) == []
    assert only("untranslated", "uk", "Bloomberg", "Bloomberg") != []


def test_a_common_word_is_no_name_even_capitalized():
    units = [Unit("Business", "Business"), Unit("The business of war", "Biznesi i luftës")]
    assert only("untranslated", "sq", "Business", "Business", units=units) != []
    units = [Unit("Fanaseyevka", "Fanaseyevka"), Unit("World", "Bota")]
    assert only("untranslated", "sq", "Fanaseyevka", "Fanaseyevka", units=units) == []
