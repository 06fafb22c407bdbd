"""The ``spelling`` check (:mod:`l10n.qa.checks.spelling`) and its
dictionaries (:mod:`l10n.qa.checks._dictionary`)."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

from l10n.errors import InputFileError
from l10n.glossary import load_glossary
from l10n.qa.base import Severity
from l10n.qa.checks import _dictionary, spelling
from l10n.qa.checks.spelling import read_word_list
from qa.checks.samples import EN_SOURCE, GLOSSARY, REGISTERED, only
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, run, set_msgstr

# The shipped Ukrainian translation of RUSSIA_FIFTH with one typo.
UK_TYPO = UK_WITH_RUSSIAN_PUTIN.replace("Путин", "Путін").replace("частину", "частнну")

needs_dictionaries = pytest.mark.skipif(
    _dictionary.unavailable() is not None, reason="spelling dictionaries not installed"
)

TYPOS = [
    ("uk", EN_SOURCE, "Росіяни сьогодні оголосили, що українці розпочали новий насткп.", "насткп"),
    (
        "uk",
        "Russia cannot push back Ukrainian forces.",
        "Росія не зможе відтіснити українськи сили.",
        "українськи",
    ),
    ("ru", EN_SOURCE, "Россияне сегодня обьявили, что украинцы начали наступление.", "обьявили"),
    ("ru", "Ukrainian forces", "украинские силли", "силли"),
    ("sq", "Russian troops regained half of it.", "Trupat ruse kanë rimarë gjysmën.", "rimarë"),
    ("sq", "The Russians announced it.", "Rusët e njoftuann.", "njoftuann"),
]


@needs_dictionaries
@pytest.mark.parametrize("lang,msgid,msgstr,word", TYPOS)
def test_a_misspelled_word_is_a_warning(lang, msgid, msgstr, word):
    (problem,) = only("spelling", lang, msgid, msgstr)
    assert problem.found == word
    assert "words.txt" in problem.message
    assert REGISTERED["spelling"].severity is Severity.WARNING
    # A word with a capital may be a name: never looked up (a known limit).
    capital = msgstr.replace(word, word.capitalize())
    assert only("spelling", lang, msgid, capital) == []


SPELLED_RIGHT = [
    # Names, sentence starts, transliterations: any word with a capital.
    ("uk", "Fanaseyevka and Ulanok", "Фанасєєвка та Уланок"),
    ("sq", "Fanaseyevka and Ulanok", "Fanasejevka dhe Ulanok"),
    # Words copied from the source, do-not-translate names, URLs, numbers.
    ("sq", "a think tank in London", "një think tank në Londër"),
    (
        "ru",
        "Written by Bloomberg, see https://bloomberg.com/x",
        "Пишет Bloomberg, см. https://bloomberg.com/x",
    ),
    ("uk", "In 2024, 1,250 km²", "У 2024 році 1 250 км²"),
    # ё where the Russian dictionary writes е; apostrophes of every kind.
    ("ru", "of the three brigades", "из трёх бригад"),
    ("uk", "a fifth", "п’яту частину"),
    ("uk", "a fifth", "пʼяту частину"),
    ("sq", "to expel them", "për t’i dëbuar"),
    # Hyphenated words: the whole word or each part; Albanian endings.
    ("ru", "a press conference", "пресс-конференция"),
    ("uk", "any talks", "будь-які переговори"),
    ("sq", "the think tank", "think tank-un"),
    ("sq", "of the EU", "të BE-së"),
    # pymorphy3 knows what Hunspell lacks.
    ("ru", "military bloggers", "военных блогеров"),
    ("uk", "were engaged", "було задіяно"),
]


@needs_dictionaries
@pytest.mark.parametrize("lang,msgid,msgstr", SPELLED_RIGHT)
def test_names_copies_links_and_known_words_are_not_misspellings(lang, msgid, msgstr):
    assert only("spelling", lang, msgid, msgstr, glossary=GLOSSARY, words=frozenset()) == []


@needs_dictionaries
def test_glossary_forms_in_any_inflection_are_not_misspellings():
    glossary = load_glossary(REPO / "glossary")
    msgid = "The Kursk operation did not stop the advance."
    uk = "Курська операція не зупинила наступу."
    assert only("spelling", "uk", msgid, "курська операція", glossary=glossary) == []
    assert only("spelling", "uk", msgid, uk, glossary=glossary) == []


@needs_dictionaries
def test_the_project_word_list_adds_words_and_prefixes():
    msgid = "The web application was developed with the support of the programme."
    msgstr = "Цей вебзастосунок розроблено за підтримки програми, як і інші вебзастосунку."
    assert {p.found for p in only("spelling", "uk", msgid, msgstr, words=frozenset())} == {
        "вебзастосунок",
        "вебзастосунку",
    }
    assert only("spelling", "uk", msgid, msgstr, words=frozenset({"Вебзастосунок"})) == [
        p for p in only("spelling", "uk", msgid, msgstr, words=frozenset()) if p.found[-1] == "у"
    ]
    assert only("spelling", "uk", msgid, msgstr, words=frozenset({"вебзастосун*"})) == []
    assert "вебзастосун*" in read_word_list(REPO / "glossary")


@needs_dictionaries
def test_text_in_another_language_is_left_to_the_language_check():
    ukrainian = "Росіяни сьогодні оголосили, що українці розпочали новий наступ."
    assert only("spelling", "ru", EN_SOURCE, ukrainian) == []
    assert only("spelling", "uk", "Ok", "Добре") == []


def test_without_dictionaries_the_check_is_off_and_says_so_once(monkeypatch, locales):
    monkeypatch.setattr(_dictionary, "_modules", lambda: None)
    monkeypatch.setattr(_dictionary.Speller, "_by_lang", {})
    monkeypatch.setattr(spelling, "_SETTLED", {})
    note = _dictionary.unavailable()
    assert note is not None and 'pip install "l10n[spell]"' in note
    assert only("spelling", "uk", "forces", "силлі") == []
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_TYPO)
    result = run("locales")
    assert result.stderr.count("spelling is not checked") == 1
    assert "Traceback" not in result.output
    assert run("--disable", "spelling", "locales").stderr == ""


# --- the verdict cache -------------------------------------------------------------------


@needs_dictionaries
def test_verdicts_are_kept_between_runs_without_loading_the_dictionary_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_dictionary.Speller, "_by_lang", {})
    speller = _dictionary.Speller.get("uk")
    assert speller is not None and speller.path is not None
    assert speller.knows("наступ") and not speller.knows("насткп")
    speller.save()
    data = json.loads(speller.path.read_text(encoding="utf-8"))
    assert "наступ" in data["good"] and "насткп" in data["bad"]

    monkeypatch.setattr(_dictionary.Speller, "_by_lang", {})
    again = _dictionary.Speller.get("uk")
    assert again is not None

    def no_dictionary():
        raise AssertionError("the dictionary was loaded")

    monkeypatch.setattr(again, "_dictionary", no_dictionary)
    assert again.knows("наступ") and not again.knows("насткп")


@needs_dictionaries
def test_verdicts_of_worker_processes_reach_the_parent(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_dictionary.Speller, "_by_lang", {})
    _dictionary.Speller.get("ru").knows("наступление")
    handed = _dictionary.new_cache_entries()
    assert handed == {"ru": {"наступление": True}}
    monkeypatch.setattr(_dictionary.Speller, "_by_lang", {})
    _dictionary.add_cache_entries(handed)
    parent = _dictionary.Speller.get("ru")
    assert "наступление" in parent.good and parent.dirty


@needs_dictionaries
def test_no_cache_file_with_l10n_no_cache(monkeypatch):
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    monkeypatch.setattr(_dictionary.Speller, "_by_lang", {})
    assert _dictionary.Speller.get("sq").path is None
    assert _dictionary.Speller.get("de") is None  # no dictionary for it: no check


# --- the word list -----------------------------------------------------------------------


def test_word_list_lines_comments_and_place(tmp_path):
    (tmp_path / "words.txt").write_text(
        "# names of the newsroom\nвебзастосун*  # and its forms\n\n  uebfaqe \n", encoding="utf-8"
    )
    (tmp_path / "names.toml").write_text("", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert read_word_list(tmp_path) == {"вебзастосун*", "uebfaqe"}
    assert read_word_list(tmp_path / "names.toml") == {"вебзастосун*", "uebfaqe"}
    assert read_word_list(tmp_path / "empty") == frozenset()
    assert read_word_list(None) == frozenset()


def test_a_word_list_that_is_not_utf8_is_an_input_error(tmp_path, locales):
    (locales.parent / "glossary" / "words.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(InputFileError, match=r"words\.txt"):
        read_word_list(locales.parent / "glossary")
    result = run("locales")
    assert result.exit_code == 2
    assert "words.txt" in result.stderr and "Traceback" not in result.output


@needs_dictionaries
def test_spelling_fails_the_check_only_where_l10n_toml_makes_it_an_error(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_TYPO)
    result = run("locales")
    assert result.exit_code == 0, result.output
    assert "uk: warning: [spelling]" in result.stdout
    config = locales.parent / "l10n.toml"
    config.write_text('[check]\nspelling = "error"\n', encoding="utf-8")
    result = run("locales")
    assert result.exit_code == 1, result.output
    assert "uk: error: [spelling] 'частнну'" in result.stdout
    assert "1 error, 0 warnings" in result.stdout
    assert "spelling (error)" in run("--list").stdout
    config.write_text('[check]\nspelling = "warning"\n', encoding="utf-8")
    assert run("locales").exit_code == 0


def test_a_wrong_spelling_severity_is_an_input_error_at_its_line(locales):
    config = locales.parent / "l10n.toml"
    config.write_text('[check]\nspelling = "fatal"\n', encoding="utf-8")
    result = run("locales")
    assert result.exit_code == 2
    assert "l10n.toml:2" in result.stderr
    assert '"warning" or "error"' in result.stderr and "Traceback" not in result.output


def test_severity_overrides_name_known_checks_and_severities():
    from l10n.errors import L10nError
    from l10n.qa.registry import select_checks
    from l10n.qa.runner import with_severity

    checks = with_severity(select_checks(), {"spelling": "error", "length": "error"})
    changed = {c.name: c.severity for c in checks if c.name in ("spelling", "length")}
    assert changed == {"spelling": Severity.ERROR, "length": Severity.ERROR}
    assert REGISTERED["spelling"].severity is Severity.WARNING  # the registry is untouched
    with pytest.raises(L10nError, match="unknown check: speling"):
        with_severity(checks, {"speling": "error"})
    with pytest.raises(L10nError, match="unknown severity 'fatal'"):
        with_severity(checks, {"spelling": "fatal"})


@needs_dictionaries
def test_check_reads_the_word_list_beside_the_glossary(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_TYPO)
    flagged = json.loads(run("--format", "json", "locales").stdout)
    assert [(f["check"], f["found"]) for f in flagged] == [("spelling", "частнну")]
    words = locales.parent / "glossary" / "words.txt"
    words.write_text(words.read_text(encoding="utf-8") + "частнну\n", encoding="utf-8")
    assert json.loads(run("--format", "json", "locales").stdout) == []
