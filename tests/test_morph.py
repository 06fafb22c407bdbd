"""Word forms for the glossary: normalising, the Albanian ending table, pymorphy3
with its fallback table for Russian and Ukrainian, and the on-disk forms cache."""

from __future__ import annotations

import json

import pytest

from l10n import morph


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
    assert morph.normalize(text, lang) == expected


def test_tokenize_splits_hyphens_keeps_apostrophes():
    words = [w for _, _, w in morph.tokenize("Bloomberg-u, п'ять «Санкт-Петербург» O’Brien")]
    assert words == ["Bloomberg", "u", "п'ять", "Санкт", "Петербург", "O’Brien"]
    assert morph.tokenize("Су́джа")[0][2] == "Су́джа"  # a stress mark does not split a word


SQ = [
    # word, class, forms that must be there
    ("Putin", "m-cons", {"putin", "putini", "putinit", "putinin"}),
    ("Kursk", "m-velar", {"kursk", "kursku", "kurskut", "kurskun"}),
    ("Kremlini", "m-i", {"kremlin", "kremlini", "kremlinit", "kremlinin"}),
    ("Zelensky", "m-vowel", {"zelensky", "zelenskyt", "zelenskyn"}),
    ("Suxha", "f-a", {"suxha", "suxhës", "suxhën", "suxhë"}),
    ("Belgjikë", "f-a", {"belgjikë", "belgjika", "belgjikës", "belgjikën"}),
    ("Rusia", "f-ia", {"rusi", "rusia", "rusisë", "rusinë"}),
    ("Krime", "f-e", {"krime", "krimea", "krimeja", "krimesë", "krimenë"}),
    ("Koreja", "f-e", {"kore", "koreja", "koresë", "korenë"}),
    ("SHBA", "none", {"shba"}),
    ("e", "link", {"e", "i", "të", "së"}),
]


@pytest.mark.parametrize(("word", "cls", "forms"), SQ, ids=[s[0] for s in SQ])
def test_albanian_classes(word, cls, forms):
    assert morph.sq_class(word) == cls
    assert forms <= set(morph.sq_forms(word))


def test_albanian_inflect_carries_the_slot_over():
    slot = morph.sq_forms("Sudzha")["sudzhës"]
    assert slot == "def_gen"
    assert morph.sq_inflect("Suxha", slot) == "suxhës"
    assert morph.sq_inflect("Kursk", "def_acc") == "kurskun"
    assert morph.sq_inflect("Kiev", morph.sq_forms("Kyiv")["kyivit"]) == "kievit"
    # A forced class: a feminine noun in -i written in its indefinite form.
    assert {"rusisë", "rusinë"} <= set(morph.sq_forms("Rusi", "f-ia"))


def test_pymorphy_dictionary_forms_and_keys():
    forms, method = morph.chunk_forms("Суджа", "ru")
    assert method == "dictionary"
    assert {"суджи", "судже", "суджу", "суджей"} <= set(forms)
    assert forms["суджи"] == "gent"
    forms, _ = morph.chunk_forms("курський", "uk")
    assert forms["курської"] == "gent,femn"
    assert morph.inflect("курський", "uk", "gent,femn") == "курської"
    assert morph.inflect("Путін", "uk", "gent") == "путіна"


def test_unknown_names_guess_or_table():
    # Фанасеевка is not in the Russian dictionary: the guess has it as lemma.
    forms, method = morph.chunk_forms("Фанасеевка", "ru")
    assert method == "guess"
    assert {"фанасеевки", "фанасеевке", "фанасеевку", "фанасеевкой"} <= set(forms)
    # Уланок reads as the genitive plural of уланка: no analysis has it as its
    # lemma, so the forms come from the ending table, with and without the
    # fleeting o.
    for lang in ("ru", "uk"):
        forms, method = morph.chunk_forms("Уланок", lang)
        assert method == "table", lang
        assert {"уланок", "уланка", "уланку", "уланком", "уланока"} <= set(forms)
    assert morph.table_forms("Уланок", "ru")["уланке"] == "loct"
    assert morph.inflect("Уланок", "ru", "gent") == "уланка"


def test_foreign_forbidden_words_decline_the_other_languages_way():
    # A Russian Путин in Ukrainian text: declined by the Russian dictionary.
    forms, _ = morph.chunk_forms("Путин", "uk", foreign=True)
    assert {"путина", "путину", "путиным"} <= set(forms)
    assert morph.inflect("Путін", "uk", forms["путиным"]) == "путіним"
    own, _ = morph.chunk_forms("Путин", "uk")
    assert "путиным" not in own  # the Ukrainian analyzer alone does not know it


def test_acronyms_and_latin_names_do_not_inflect():
    assert morph.chunk_forms("ЄС", "uk") == ({"єс": "base"}, "invariable")
    assert morph.chunk_forms("Bloomberg", "ru") == ({"bloomberg": "base"}, "invariable")
    assert morph.match_case("суджи", "Суджа") == "Суджи"
    assert morph.match_case("санкт-петербурга", "Санкт-Петербург") == "Санкт-Петербурга"
    assert morph.match_case("курської", "курський", "Курской") == "Курської"
    assert morph.match_case("курськ", "Курськ", "КУРСК") == "КУРСЬК"


def test_forms_cache_roundtrip(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    monkeypatch.setattr(morph._FormsCache, "_by_lang", {})
    # A cache an older version left behind, and one of the other language.
    (tmp_path / "l10n").mkdir()
    (tmp_path / "l10n" / "morph-ru-0123456789abcdef.json").write_text("{}")
    (tmp_path / "l10n" / "morph-uk-0123456789abcdef.json").write_text("{}")
    forms, method = morph.cyrillic_forms("Курск", "ru")
    morph._FormsCache.save_all()
    (path,) = (tmp_path / "l10n").glob("morph-ru-*.json")  # the stale one is gone
    assert (tmp_path / "l10n" / "morph-uk-0123456789abcdef.json").exists()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["0\tКурск"] == [method, forms]
    # A fresh process reads it back instead of asking pymorphy3.
    data["0\tКурск"] = ["dictionary", {"курск": "nomn", "проверка": "gent"}]
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(morph._FormsCache, "_by_lang", {})
    assert morph.cyrillic_forms("Курск", "ru")[0] == {"курск": "nomn", "проверка": "gent"}
    # Switched off: nothing read, nothing written.
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    monkeypatch.setattr(morph._FormsCache, "_by_lang", {})
    assert "курска" in morph.cyrillic_forms("Курск", "ru")[0]
    assert morph._FormsCache.get("ru").path is None
