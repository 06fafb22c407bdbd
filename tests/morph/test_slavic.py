"""Russian and Ukrainian forms (l10n.morph.slavic): pymorphy3 with its fallback table."""

from __future__ import annotations

from l10n.morph.chunks import chunk_forms, inflect
from l10n.morph.slavic import table_forms


def test_pymorphy_dictionary_forms_and_keys():
    forms, method = chunk_forms("Суджа", "ru")
    assert method == "dictionary"
    assert {"суджи", "судже", "суджу", "суджей"} <= set(forms)
    assert forms["суджи"] == "gent"
    forms, _ = chunk_forms("курський", "uk")
    assert forms["курської"] == "gent,femn"
    assert inflect("курський", "uk", "gent,femn") == "курської"
    assert inflect("Путін", "uk", "gent") == "путіна"


def test_unknown_names_guess_or_table():
    # Фанасеевка is not in the Russian dictionary: the guess has it as lemma.
    forms, method = chunk_forms("Фанасеевка", "ru")
    assert method == "guess"
    assert {"фанасеевки", "фанасеевке", "фанасеевку", "фанасеевкой"} <= set(forms)
    # Уланок reads as the genitive plural of уланка: no analysis has it as its
    # lemma, so the forms come from the ending table, with and without the
    # fleeting o.
    for lang in ("ru", "uk"):
        forms, method = chunk_forms("Уланок", lang)
        assert method == "table", lang
        assert {"уланок", "уланка", "уланку", "уланком", "уланока"} <= set(forms)
    assert table_forms("Уланок", "ru")["уланке"] == "loct"
    assert inflect("Уланок", "ru", "gent") == "уланка"


def test_foreign_forbidden_words_decline_the_other_languages_way():
    # A Russian Путин in Ukrainian text: declined by the Russian dictionary.
    forms, _ = chunk_forms("Путин", "uk", foreign=True)
    assert {"путина", "путину", "путиным"} <= set(forms)
    assert inflect("Путін", "uk", forms["путиным"]) == "путіним"
    own, _ = chunk_forms("Путин", "uk")
    assert "путиным" not in own  # the Ukrainian analyzer alone does not know it
