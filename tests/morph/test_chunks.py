"""Forms of a chunk in any language (l10n.morph.chunks)."""

from __future__ import annotations

from l10n.morph.chunks import chunk_forms, inflect, matching


def test_acronyms_and_latin_names_do_not_inflect():
    assert chunk_forms("ЄС", "uk") == ({"єс": "base"}, "invariable")
    assert chunk_forms("Bloomberg", "ru") == ({"bloomberg": "base"}, "invariable")


def test_inflect_goes_to_the_language_of_the_chunk():
    assert inflect("ЄС", "uk", "gent") == "єс"  # acronyms keep their one form
    assert inflect("Kursk", "sq", "def_gen") == "kurskut"
    assert inflect("Путін", "uk", "gent") == "путіна"
    assert inflect("Путін", "uk", "base") == "путін"
    assert inflect("Bloomberg", "de", "gent") == "bloomberg"


def test_other_languages_keep_one_normalised_form():
    assert chunk_forms("Kijów", "pl") == ({"kijów": "base"}, "invariable")
    assert inflect("Kijów", "pl", "gent") == "kijów"


def test_matching_names_what_each_language_gets():
    assert matching("sq") == "inflection (ending table)"
    assert matching("uk") == matching("ru") == "inflection (pymorphy3)"
    assert matching("de") == matching("pl") == matching("be") == "exact forms + accepted"
