"""The ``doubled-words``, ``foreign-words`` and ``start-capital`` checks
(:mod:`l10n.qa.checks.words`)."""

from __future__ import annotations

import pytest

from l10n import languages
from l10n.qa.base import CheckContext, Severity, Unit
from l10n.qa.checks.words import check_foreign_words
from l10n.qa.runner import fix_msgstr
from qa.checks.samples import EN_SOURCE, GLOSSARY, REGISTERED, only, qa_checks

# --- doubled words -------------------------------------------------------------------

DOUBLED = [
    (
        "uk",
        EN_SOURCE,
        "Росіяни сьогодні оголосили, що українці розпочали новий наступ у у Курській області.",
    ),
    (
        "ru",
        EN_SOURCE,
        "Россияне сегодня объявили, что украинцы начали новое наступление в в Курской области.",
    ),
    (
        "sq",
        EN_SOURCE,
        "Rusët njoftuan sot se ukrainasit kanë nisur nisur një ofensivë të re në Kursk.",
    ),
    ("uk", "Kursk becomes Putin's nightmare", "Курськ стає стає кошмаром Путіна"),
    ("ru", "The troops withdrew.", "Войска отошли отошли."),
    ("sq", "The troops withdrew.", "Trupat Trupat u tërhoqën."),
    ("sq", "The troops withdrew.", "Trupat u tërhoqën tërhoqën."),
    ("ru", "The troops withdrew.", "Войска войска отошли."),
    ("uk", '"To the front"', "«На на фронт»"),
    ("ru", '"On the way"', "«В в пути»"),
]

NOT_DOUBLED = [
    ("ru", "He barely moved.", "Он еле-еле двигался."),
    ("ru", "A little bit", "Чуть-чуть"),
    ("uk", "He barely moved.", "Він ледве-ледве рухався."),
    ("uk", "More and more", "Дедалі більше й більше"),
    ("sq", "Day by day", "Dita-ditës"),
    ("sq", "I want to see you.", "Dua të të shoh."),
    ("ru", "He said that whatever happens…", "Он сказал, что что бы ни случилось…"),
    ("uk", "He said that whatever happens…", "Він сказав, що що б не сталося…"),
    ("uk", '"Yes, yes," he said.', "«Так, так», — сказав він."),
    ("ru", "No. No.", "Нет. Нет."),
    ("sq", "Bora Bora is far.", "Bora Bora është larg."),
    ("ru", "Scores: 10 10", "Счёт: 10 10"),
    ("uk", "A dash — a dash", "Тире — — тире"),
    ("ru", "in Kursk", "в Курске"),
]


@pytest.mark.parametrize("lang,msgid,msgstr", DOUBLED)
def test_a_word_twice_in_a_row_is_an_error(lang, msgid, msgstr):
    (problem,) = only("doubled-words", lang, msgid, msgstr)
    assert "twice in a row" in problem.message
    assert REGISTERED["doubled-words"].severity is Severity.ERROR


@pytest.mark.parametrize("lang,msgid,msgstr", NOT_DOUBLED)
def test_reduplication_and_pauses_are_not_doubled_words(lang, msgid, msgstr):
    assert only("doubled-words", lang, msgid, msgstr) == []


def test_doubled_word_is_fixed_keeping_the_first_and_its_case():
    unit = Unit("The troops withdrew.", "Trupat trupat u tërhoqën.")
    ctx = CheckContext("sq", units=[unit])
    assert fix_msgstr(unit, ctx, qa_checks()) == "Trupat u tërhoqën."
    unit = Unit(EN_SOURCE, DOUBLED[0][2])
    assert "у у" not in fix_msgstr(unit, CheckContext("uk", units=[unit]), qa_checks())


# --- foreign words -------------------------------------------------------------------

FOREIGN = [
    ("uk", "Kursk becomes Putin's nightmare", "Курськ becomes кошмаром Путіна", "becomes"),
    ("ru", "Kursk becomes Putin's nightmare", "Курск становится nightmare Путина", "nightmare"),
    (
        "ru",
        EN_SOURCE,
        "Россияне сегодня объявили, что украинцы начали новое offensive в Курской области.",
        "offensive",
    ),
    (
        "uk",
        EN_SOURCE,
        "Росіяни сьогодні оголосили, що українці розпочали новий наступ in Курській області.",
        "in",
    ),
    ("uk", "Five people", "П’ятеро people", "people"),
    ("ru", "It was said", "Об этом was сказано в заявлении", "was"),
]

NOT_FOREIGN = [
    ("uk", "Bloomberg writes.", "Пише Bloomberg."),
    ("ru", "Chatham House think tank", "аналитический центр Chatham House"),
    ("uk", "See https://kosovapress.com/en/news", "Див. https://kosovapress.com/en/news"),
    ("ru", "Write to info@kosovapress.com", "Пишите на info@kosovapress.com"),
    ("uk", "Visit kosovapress.com", "Відвідайте kosovapress.com"),
    ("ru", "The iPhone 16", "Новый iPhone 16"),
    ("uk", "COVID-19 and the EU", "COVID-19 і ЄС"),
    ("ru", "#SustainMediaProgramme", "#SustainMediaProgramme"),
    ("sq", "Kursk becomes Putin's nightmare", "Kursku bëhet makthi i Putinit"),
    ("sq", "The think tank", "Think tank-u"),
    ("uk", "Option a)", "Варіант a)"),
    ("ru", "Follow @kosovapress", "Подписывайтесь на @kosovapress"),
]


@pytest.mark.parametrize("lang,msgid,msgstr,word", FOREIGN)
def test_an_english_word_left_in_cyrillic_text_is_an_error(lang, msgid, msgstr, word):
    (problem,) = only("foreign-words", lang, msgid, msgstr, glossary=GLOSSARY)
    assert problem.found == word
    assert "English" in problem.message


@pytest.mark.parametrize("lang,msgid,msgstr", NOT_FOREIGN)
def test_names_links_and_latin_targets_are_not_foreign_words(lang, msgid, msgstr):
    assert only("foreign-words", lang, msgid, msgstr, glossary=GLOSSARY) == []


@pytest.mark.parametrize(
    "lang,msgstr,word",
    [
        ("bg", "Курск става nightmare на Путин", "nightmare"),
        ("mk", "Курск станува nightmare на Путин", "nightmare"),
        ("be", "Курск становіцца nightmare Пуціна", "nightmare"),
        ("sr", "Курск постаје Путинов nightmare", "nightmare"),
        ("kk", "Курск Путиннің nightmare болып отыр", "nightmare"),
        ("bg", "Курск става кошмар of Путин", "of"),
    ],
)
def test_english_words_are_found_in_every_cyrillic_language(lang, msgstr, word):
    """Cyrillic as CLDR says, not a list of two languages: Bulgarian,
    Macedonian, Belarusian, Serbian and Kazakh too."""
    (problem,) = only("foreign-words", lang, "Kursk becomes Putin's nightmare", msgstr)
    assert problem.found == word


@pytest.mark.parametrize("lang", ["sr@latin", "sr_Latn", "sr_ME", "hr", "sq"])
def test_latin_script_languages_have_no_foreign_words_check(lang):
    msgid = "Kursk becomes Putin's nightmare"
    msgstr = "Kursk postaje Putinov nightmare"
    ctx = CheckContext(languages.normalize(lang), script=languages.script(lang))
    assert list(check_foreign_words(Unit(msgid, msgstr), ctx)) == []
    # The same words in Cyrillic Serbian are English left in.
    cyrillic = CheckContext("sr", script=languages.script("sr"))
    unit = Unit(msgid, "Курск постаје Путинов nightmare")
    assert [p.found for p in check_foreign_words(unit, cyrillic)] == ["nightmare"]


def test_an_english_sentence_is_left_to_the_language_and_untranslated_checks():
    assert only("foreign-words", "uk", EN_SOURCE, EN_SOURCE) == []
    mostly = "The Russians announced today that українці launched a new offensive."
    assert only("foreign-words", "ru", EN_SOURCE, mostly) == []


# --- start with a capital ------------------------------------------------------------

LOWERCASE_START = [
    ("uk", "Kursk becomes Putin's nightmare", "курськ стає кошмаром Путіна"),
    ("ru", "Russia was forced to seek help.", "россии пришлось обратиться за помощью."),
    ("sq", "Russia was forced to seek help.", "rusia u detyrua të kërkonte ndihmë."),
    ("uk", '"I cannot," he said.', "«я не можу», — сказав він."),
    ("ru", "Politics", "политика"),
    ("sq", "World", "bota"),
    # A sentence starts with a capital, whatever its first word was.
    ("sq", "Bloomberg writes.", "shkruan Bloomberg."),
    ("uk", "Chatham House says so.", "аналітичний центр Chatham House так вважає."),
]

CAPITAL_OK = [
    ("uk", "Kursk becomes Putin's nightmare", "Курськ стає кошмаром Путіна"),
    ("ru", "2024 was hard.", "2024 год был тяжёлым."),
    ("uk", "In 2024, Kursk…", "2024 року Курськ…"),
    ("sq", "The iPhone sells well.", "iPhone shitet mirë."),
    ("ru", "eBay fees rise", "eBay поднимает комиссии"),
    ("uk", "…and then the war came.", "…а потім прийшла війна."),
    ("ru", "and so on", "и так далее"),
    ("sq", "«Peace», he said", "«Paqe», tha ai"),
    ("uk", "Words", "字"),
    ("ru", "km/h is the unit", "км/ч — это единица"),
    ("sq", "km is short for kilometre", "km është shkurtim i kilometrit"),
    ("uk", "GIZ supports it.", "GIZ це підтримує."),
    # Fragments that start with a name, which the translation puts later.
    ("ru", "F-16 jets", "истребители F-16"),
    ("ru", "Chatham House think tank", "аналитический центр Chatham House"),
    ("uk", "St. Petersburg Policy Foundation", "фонд «Петербурзька політика» (Санкт-Петербург)"),
    ("sq", "Chatham House think tank", "think tank-u Chatham House"),
]


@pytest.mark.parametrize("lang,msgid,msgstr", LOWERCASE_START)
def test_a_lowercase_start_where_the_source_has_a_capital_is_an_error(lang, msgid, msgstr):
    (problem,) = only("start-capital", lang, msgid, msgstr)
    assert problem.expected[:1].isupper()
    assert problem.fixed is not None and problem.fixed != msgstr


@pytest.mark.parametrize("lang,msgid,msgstr", CAPITAL_OK)
def test_starts_that_need_no_capital_are_not_flagged(lang, msgid, msgstr):
    assert only("start-capital", lang, msgid, msgstr) == []


def test_the_fix_capitalizes_only_the_first_letter():
    unit = Unit('"I cannot," he said.', "«я не можу», — сказав він.")
    ctx = CheckContext("uk", units=[unit])
    assert fix_msgstr(unit, ctx, qa_checks()) == "«Я не можу», — сказав він."
