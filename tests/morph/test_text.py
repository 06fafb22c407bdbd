"""Words as the glossary compares them (l10n.morph.text): normal form, tokens, capitals."""

from __future__ import annotations

import pytest

from l10n.morph.text import match_case, normalize, tokenize


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ещё Фёдор", "ru", "еще федор"),
        ("Су́джа", "ru", "суджа"),
        ("п’ять", "uk", "п'ять"),
        ("Bloombergu", "sq", "bloombergu"),
        ("ЁЛКА", "uk", "елка"),
    ],
)
def test_normalize(text, lang, expected):
    assert normalize(text, lang) == expected


def test_tokenize_splits_hyphens_keeps_apostrophes():
    words = [w for _, _, w in tokenize("Bloomberg-u, п'ять «Санкт-Петербург» O’Brien")]
    assert words == ["Bloomberg", "u", "п'ять", "Санкт", "Петербург", "O’Brien"]
    assert tokenize("Су́джа")[0][2] == "Су́джа"  # a stress mark does not split a word


def test_match_case_copies_the_capitals_of_the_name_and_of_the_word_replaced():
    assert match_case("суджи", "Суджа") == "Суджи"
    assert match_case("санкт-петербурга", "Санкт-Петербург") == "Санкт-Петербурга"
    assert match_case("курської", "курський", "Курской") == "Курської"
    assert match_case("курськ", "Курськ", "КУРСК") == "КУРСЬК"
