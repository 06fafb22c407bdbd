"""Loading a glossary (l10n.glossary.load): the shipped one, files and folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.samples import GOOD, load_error, problems, write
from l10n.glossary import LangForms, Term, load_glossary

# --- the shipped glossary ----------------------------------------------------------

REQUIRED = [
    # en, sq, uk, ru
    ("Kursk", "Kursk", "Курськ", "Курск"),
    ("Sudzha", "Suxha", "Суджа", "Суджа"),
    ("Fanaseyevka", "Fanasejevka", "Фанасіївка", "Фанасеевка"),
    ("Ulanok", "Ulanok", "Уланок", "Уланок"),
    ("Kiev", "Kiev", "Київ", "Киев"),
    ("Putin", "Putin", "Путін", "Путин"),
    ("Zelensky", "Zelensky", "Зеленський", "Зеленский"),
    ("Trump", "Trump", "Трамп", "Трамп"),
    ("Mikhail Vinogradov", "Mikhail Vinogradov", "Михайло Виноградов", "Михаил Виноградов"),
    ("Nikolai Petrov", "Nikolai Petrov", "Микола Петров", "Николай Петров"),
    ("Ukrinform", "Ukrinform", "Укрінформ", "Укринформ"),
    ("Crimea", "Krime", "Крим", "Крым"),
    ("Belgium", "Belgjikë", "Бельгія", "Бельгия"),
    ("Moscow", "Moska", "Москва", "Москва"),
    ("North Korea", "Koreja e Veriut", "Північна Корея", "Северная Корея"),
    ("Volodymyr Zelensky", "Volodymyr Zelensky", "Володимир Зеленський", "Владимир Зеленский"),
    ("Vladimir Putin", "Vladimir Putin", "Володимир Путін", "Владимир Путин"),
    ("Donald Trump", "Donald Trump", "Дональд Трамп", "Дональд Трамп"),
    ("St. Petersburg", "Shën Petersburg", "Санкт-Петербург", "Санкт-Петербург"),
    ("London", "Londër", "Лондон", "Лондон"),
    ("Kremlin", "Kremlini", "Кремль", "Кремль"),
    ("Ukraine", "Ukraina", "Україна", "Украина"),
    ("Russia", "Rusia", "Росія", "Россия"),
    ("European Union", "Bashkimi Evropian", "Європейський Союз", "Европейский союз"),
]
DNT = ["Chatham House", "KosovaPress", "Bloomberg", "GIZ", "DW Akademie", "Internews"]


@pytest.mark.parametrize(("en", "sq", "uk", "ru"), REQUIRED, ids=[r[0] for r in REQUIRED])
def test_shipped_glossary_has_the_canonical_forms(gloss, en, sq, uk, ru):
    term = gloss.term(en)
    assert not term.dnt
    assert {lang: term.forms[lang].canonical for lang in ("sq", "uk", "ru")} == {
        "sq": sq,
        "uk": uk,
        "ru": ru,
    }


@pytest.mark.parametrize("en", DNT)
def test_shipped_glossary_do_not_translate_terms(gloss, en):
    term = gloss.term(en)
    assert term.dnt
    assert all(term.forms[lang].canonical == en for lang in gloss.languages)


def test_shipped_glossary_lists_the_typical_mistakes(gloss):
    def forbidden(en, lang):
        return gloss.term(en).forms[lang].forbidden

    assert "Курск" in forbidden("Kursk", "uk")
    assert "Путин" in forbidden("Putin", "uk")
    assert "Николай" in forbidden("Nikolai Petrov", "uk")
    assert "Михаил" in forbidden("Mikhail Vinogradov", "uk")
    assert "Киев" in forbidden("Kiev", "uk")
    assert {"Sudzha"} <= set(forbidden("Sudzha", "sq"))
    assert {"Fanaseyevka"} <= set(forbidden("Fanaseyevka", "sq"))
    assert "Судзха" in forbidden("Sudzha", "ru") and "Судзха" in forbidden("Sudzha", "uk")
    assert "Чатем-Хаус" in forbidden("Chatham House", "ru")
    assert "Блумберг" in forbidden("Bloomberg", "uk")
    assert gloss.term("Kyiv") is gloss.term("Kiev")


def test_terms_know_where_they_are_defined(gloss):
    path, line = gloss.term("Kursk").source.rsplit(":", 1)
    assert Path(path).read_text(encoding="utf-8").splitlines()[int(line) - 1] == "[Kursk]"


# --- files and folders -------------------------------------------------------------


def test_load_one_file_and_a_folder_of_toml_and_tsv(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    write(
        tmp_path,
        "b.tsv",
        "# names\n"
        "en\tvariants\tdnt\tsq\tuk\tru\tuk_forbidden\tnote\n"
        "Ulanok\t\t\tUlanok\tУланок\tУланок\tУланек | Уланак\tVillage.\n"
        "Bloomberg\t\tyes\t\t\t\tБлумберг\tAgency.\n",
    )
    write(tmp_path, "README.md", "not a glossary\n")
    one = load_glossary(tmp_path / "a.toml")
    assert [t.en for t in one.terms] == ["Sudzha"]
    term = one.terms[0]
    assert term == Term(
        "Sudzha",
        ("Sudža",),
        {
            "sq": LangForms("Suxha"),
            "uk": LangForms("Суджа"),
            "ru": LangForms("Суджа", (), ("Судзха",)),
        },
        False,
        "Town.",
        f"{tmp_path / 'a.toml'}:1",
    )
    both = load_glossary(tmp_path)
    assert [t.en for t in both.terms] == ["Sudzha", "Ulanok", "Bloomberg"]
    ulanok = both.term("Ulanok")
    assert ulanok.forms["uk"].forbidden == ("Уланек", "Уланак")
    assert ulanok.source == f"{tmp_path / 'b.tsv'}:3"
    assert (
        both.term("Bloomberg").dnt and both.term("Bloomberg").forms["ru"].canonical == "Bloomberg"
    )
    assert problems(both, "uk", "Ulanok", "до Уланека") == [("forbidden", "Уланека")]


def test_missing_or_empty_glossary_paths(tmp_path):
    assert "no such file" in load_error(tmp_path / "nowhere").message
    assert "no glossary files" in load_error(tmp_path).message
