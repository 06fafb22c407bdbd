"""The glossary: loading and validating, inflection-aware matching, enforcement,
translator notes, TBX export and the ``glossary`` check.

The shipped ``glossary/`` is loaded once per module; broken glossaries are
written to temporary folders, one mistake each.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from l10n.errors import InputFileError, L10nError
from l10n.glossary import (
    Enforced,
    Glossary,
    LangForms,
    Term,
    Violation,
    export_tbx,
    load_glossary,
)
from l10n.po import read_po
from l10n.qa.base import CheckContext, Severity, Unit
from l10n.qa.checks.glossary import check_glossary
from l10n.qa.registry import all_checks
from l10n.qa.runner import fix_msgstr

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (REPO / "source" / "kursk.en.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gloss() -> Glossary:
    return load_glossary(REPO / "glossary")


def problems(gloss: Glossary, lang: str, msgid: str, msgstr: str) -> list[tuple[str, str]]:
    return [(v.rule, v.found) for v in gloss.violations(lang, msgid, msgstr)]


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


def test_every_term_occurs_in_the_article(gloss):
    # All but St. Petersburg, which the article only names inside "St. Petersburg
    # Policy Foundation", a term of its own (the foundation's name has no "Saint").
    found = {t.en for t in gloss.terms_in(ARTICLE)}
    assert found == {t.en for t in gloss.terms} - {"St. Petersburg"}


# --- English side -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Kursk becomes Putin's nightmare", ["Kursk", "Putin"]),
        ("Putin’s failure to push Ukraine back", ["Putin", "Ukraine"]),
        ("Kiev has a bargaining chip", ["Kiev"]),
        ("Kyiv has a bargaining chip", ["Kiev"]),
        ("THE KURSK OPERATION", ["Kursk"]),
        ("a Trumpet in Kurskaya oblast", []),
        ("North Korean soldiers", []),
        ("President Vladimir Putin told", ["Vladimir Putin"]),
        ("Vladimir Putin and then Putin again", ["Vladimir Putin", "Putin"]),
        ("his U.S. counterpart", ["United States"]),
        ("tell us about it", []),
        ("the views of the EU", ["European Union"]),
        ("the eu", []),
        ("the London-based Chatham House think tank", ["London", "Chatham House"]),
        ("#SustainMediaProgramme", ["SustainMediaProgramme"]),
    ],
)
def test_terms_in_english(gloss, source, expected):
    assert [t.en for t in gloss.terms_in(source)] == expected


# --- inflected forms count ------------------------------------------------------------

INFLECTED = [
    ("ru", "Sudzha", "около Суджи", "Суджи"),
    ("ru", "Sudzha", "к Судже", "Судже"),
    ("ru", "Sudzha", "через Суджу", "Суджу"),
    ("ru", "the Kursk region", "в Курской области", "Курской"),
    ("ru", "in Kursk", "по Курску", "Курску"),
    ("ru", "Putin's nightmare", "кошмар Путина", "Путина"),
    ("ru", "said Nikolai Petrov", "сказал Николаю Петрову", "Николаю Петрову"),
    ("ru", "Fanaseyevka", "у Фанасеевки", "Фанасеевки"),
    ("ru", "Ulanok", "к Уланку", "Уланку"),
    ("ru", "North Korea", "из Северной Кореи", "Северной Кореи"),
    ("ru", "in St. Petersburg", "в Санкт-Петербурге", "Санкт-Петербурге"),
    ("ru", "back to Russia", "обратно в Россию", "Россию"),
    ("ru", "Russia's troops", "российские войска", "российские"),
    ("ru", "Putin's", "Путина ждёт", "Путина"),
    ("ru", "Chatham House", "центра Chatham House", "Chatham House"),
    ("uk", "in Kursk", "у Курську", "Курську"),
    ("uk", "in Sudzha", "у Суджі", "Суджі"),
    ("uk", "in Kiev", "у Києві", "Києві"),
    ("uk", "Putin's", "Путіна", "Путіна"),
    ("uk", "the Kursk region", "у Курській області", "Курській"),
    ("uk", "the Kursk region", "на Курщині", "Курщині"),
    ("uk", "help from North Korea", "допомоги Північної Кореї", "Північної Кореї"),
    ("uk", "Fanaseyevka", "до Фанасіївки", "Фанасіївки"),
    ("uk", "Ulanok", "до Уланка", "Уланка"),
    ("uk", "Nikolai Petrov", "Миколи Петрова", "Миколи Петрова"),
    ("uk", "Ukrinform", "Укрінформу", "Укрінформу"),
    ("sq", "Kursk", "në Kursku", "Kursku"),
    ("sq", "Kursk", "për Kurskun", "Kurskun"),
    ("sq", "Kursk", "rajoni i Kurskut", "Kurskut"),
    ("sq", "Sudzha", "e Suxhës", "Suxhës"),
    ("sq", "Sudzha", "drejt Suxhën", "Suxhën"),
    ("sq", "Putin", "kundër Putinit", "Putinit"),
    ("sq", "Putin", "e kritikoi Putinin", "Putinin"),
    ("sq", "Crimea", "në Krimesë", "Krimesë"),
    ("sq", "Crimea", "Krimea", "Krimea"),
    ("sq", "Moscow", "Moskës", "Moskës"),
    ("sq", "Moscow", "Moskën", "Moskën"),
    ("sq", "Kremlin", "Kremlinit", "Kremlinit"),
    ("sq", "North Korea", "Koresë së Veriut", "Koresë së Veriut"),
    ("sq", "Russia", "Rusisë", "Rusisë"),
    ("sq", "Belgium", "madhësinë e Belgjikës", "Belgjikës"),
    ("sq", "Bloomberg writes", "shkruan Bloombergu", "Bloombergu"),
    ("sq", "Bloomberg writes", "shkruan Bloomberg-u", "Bloomberg"),
    ("sq", "the EU", "BE-së", "BE"),
]


@pytest.mark.parametrize(("lang", "source", "text", "span"), INFLECTED)
def test_inflected_forms_count(gloss, lang, source, text, span):
    (term,) = gloss.terms_in(source)
    assert [f[2] for f in gloss.find_forms(term, lang, text)] == [span]
    assert gloss.violations(lang, source, text) == []


def test_a_translation_without_the_term_is_reported_missing(gloss):
    (v,) = gloss.violations("ru", "Sudzha was seized", "Город был захвачен")
    assert (v.rule, v.term.en, v.expected, v.found) == ("missing", "Sudzha", "Суджа", "")
    assert v.message == 'Sudzha: expected "Суджа" (any inflected form), not found'
    assert v.replacement is None and v.apply("Город был захвачен") is None


def test_empty_translation_is_never_a_violation(gloss):
    assert gloss.violations("uk", "Putin in Kursk", "") == []
    assert gloss.violations("uk", "Putin in Kursk", "  \n") == []
    assert gloss.enforce("uk", "Putin in Kursk", "") == Enforced("", [], [])


SENTENCES = {
    "ru": (
        "Через несколько дней после того, как украинские войска неожиданно захватили часть "
        "Курской области России, президент Владимир Путин заявил российским военным, что их "
        "главная задача — отразить вторжение. По данным российских военных блогеров, украинские "
        "силы атаковали юго-восточнее Суджи, продвигаясь к населённым пунктам Фанасеевка и Уланок."
    ),
    "uk": (
        "Через кілька днів після того, як українські війська несподівано захопили частину "
        "Курської області Росії, президент Володимир Путін заявив російським військовим, що їхнє "
        "головне завдання — відбити вторгнення. За даними російських військових блогерів, "
        "українські сили атакували на південний схід від Суджі, просуваючись до населених "
        "пунктів Фанасіївка та Уланок."
    ),
    "sq": (
        "Disa ditë pasi trupat ukrainase pushtuan papritur një pjesë të rajonit të Kurskut të "
        "Rusisë, presidenti Vladimir Putin u tha zyrtarëve rusë se qëllimi kryesor ishte "
        "zmbrapsja e pushtimit. Sipas blogerëve ushtarakë rusë, forcat ukrainase sulmuan në "
        "juglindje të Suxhës, duke përparuar drejt vendbanimeve Fanasejevka dhe Ulanok."
    ),
}
SOURCE_SENTENCES = (
    "Days after Ukrainian troops unexpectedly seized part of Russia's Kursk region, President "
    "Vladimir Putin told Russian defense officials that their main goal was to repel the "
    "invasion. According to Russian military bloggers, Ukrainian forces attacked southeast of "
    "Sudzha, advancing towards the settlements of Fanaseyevka and Ulanok."
)


@pytest.mark.parametrize("lang", ["ru", "uk", "sq"])
def test_no_false_alarm_on_a_correct_translation(gloss, lang):
    terms = {t.en for t in gloss.terms_in(SOURCE_SENTENCES)}
    assert terms == {"Russia", "Kursk", "Vladimir Putin", "Sudzha", "Fanaseyevka", "Ulanok"}
    assert gloss.violations(lang, SOURCE_SENTENCES, SENTENCES[lang]) == []


# --- violations -------------------------------------------------------------------------

VIOLATIONS = [
    # lang, source, translation, rule, found, expected, replacement
    ("uk", "in Kursk", "у Курск", "forbidden", "Курск", "Курськ", "Курськ"),
    ("uk", "in Kursk", "у Курске", "forbidden", "Курске", "Курськ", "Курську"),
    ("uk", "Putin's nightmare", "кошмар Путина", "forbidden", "Путина", "Путін", "Путіна"),
    ("uk", "Nikolai Petrov said", "сказав Николай Петров", "forbidden", "Николай",
     "Микола Петров", "Микола"),
    ("uk", "in Kiev", "у Киеве", "forbidden", "Киеве", "Київ", "Києві"),
    ("uk", "the Kursk region", "Курской области", "forbidden", "Курской", "Курськ", "Курської"),
    ("ru", "Chatham House", "аналитический центр Чатем-Хаус", "dnt", "Чатем-Хаус",
     "Chatham House", "Chatham House"),
    ("uk", "Chatham House", "центру Чатем Хаус", "dnt", "Чатем Хаус", "Chatham House",
     "Chatham House"),
    ("ru", "Bloomberg writes", "пишет Блумберг", "dnt", "Блумберг", "Bloomberg", "Bloomberg"),
    ("sq", "towards Sudzha", "drejt Sudzha", "forbidden", "Sudzha", "Suxha", "Suxha"),
    ("sq", "of Sudzha", "e Sudzhës", "forbidden", "Sudzhës", "Suxha", "Suxhës"),
    ("sq", "Fanaseyevka", "Fanaseyevka dhe", "forbidden", "Fanaseyevka", "Fanasejevka",
     "Fanasejevka"),
    ("sq", "in St. Petersburg", "në St. Petersburg", "forbidden", "St. Petersburg",
     "Shën Petersburg", "Shën Petersburg"),
    ("ru", "southeast of Sudzha", "юго-восточнее Судзха", "forbidden", "Судзха", "Суджа",
     "Суджа"),
    ("ru", "southeast of Sudzha", "юго-восточнее Судзхи", "forbidden", "Судзхи", "Суджа",
     "Суджи"),
    ("uk", "southeast of Sudzha", "від Судзхи", "forbidden", "Судзхи", "Суджа", "Суджі"),
    ("uk", "the EU", "ЕС", "forbidden", "ЕС", "Європейський Союз", "ЄС"),
    ("uk", "North Korea", "Северной Кореи", "forbidden", "Северной Кореи", "Північна Корея",
     "Північної Кореї"),
]  # fmt: skip


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


# --- the check ------------------------------------------------------------------------------


def run(gloss, lang, msgid, msgstr):
    return list(check_glossary(Unit(msgid, msgstr), CheckContext(lang, glossary=gloss)))


def test_check_is_registered():
    checks = all_checks()
    assert checks["glossary"] is check_glossary
    assert checks["glossary"].severity is Severity.ERROR
    assert checks["glossary"].func is check_glossary.func


def test_check_problem_and_fix(gloss):
    (p,) = run(gloss, "ru", "southeast of Sudzha", "юго-восточнее Судзхи")
    assert (p.term, p.expected, p.found) == ("Sudzha", "Суджа", "Судзхи")
    assert p.message == 'Sudzha: expected "Суджа" (any inflected form), found "Судзхи"'
    assert p.fixed == "юго-восточнее Суджи"
    (p,) = run(gloss, "ru", "southeast of Sudzha", "юго-восточнее города")
    assert p.fixed is None
    assert run(gloss, "ru", "southeast of Sudzha", "юго-восточнее Суджи") == []
    assert run(gloss, "ru", "southeast of Sudzha", "") == []


def test_check_fix_loop_reaches_a_fixed_point(gloss):
    ctx = CheckContext("uk", glossary=gloss)
    unit = Unit("Putin, Nikolai Petrov and Sudzha", "Путин, Николай Петров и Судзха")
    checks = [check_glossary]
    fixed = fix_msgstr(unit, ctx, checks)
    assert fixed == "Путін, Микола Петров и Суджа"
    assert fix_msgstr(Unit(unit.msgid, fixed), ctx, checks) == fixed
    assert run(gloss, "uk", unit.msgid, fixed) == []


def test_check_skips_without_glossary_or_for_other_languages(gloss):
    unit = Unit("Sudzha", "Судзха")
    assert list(check_glossary(unit, CheckContext("ru"))) == []
    assert list(check_glossary(unit, CheckContext("de", glossary=gloss))) == []
    assert len(list(check_glossary(unit, CheckContext("ru_RU", glossary=gloss)))) == 1


# --- loading: formats and errors --------------------------------------------------------------

GOOD = """\
["Sudzha"]
variants = ["Sudža"]
note = "Town."
sq = "Suxha"
uk = "Суджа"
ru = "Суджа"
forbidden.ru = ["Судзха"]
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        load_glossary(path)
    return info.value


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


ERRORS = [
    # name, file text, line, words in the message
    (
        "duplicate term",
        GOOD + "\n" + GOOD,
        9,
        'duplicate term "Sudzha" (first defined at line 1)',
    ),
    (
        "duplicate term, other case",
        GOOD + '\n[sudzha]\nsq = "S"\nuk = "С"\nru = "С"\n',
        9,
        'duplicate term "sudzha"',
    ),
    ("unknown language", GOOD.replace('ru = "Суджа"\n', 'ru = "Суджа"\nde = "Sudscha"\n'), 7,
     "unknown language 'de'"),
    ("unknown language in forbidden", GOOD + 'forbidden.de = ["Sudsha"]\n', 8,
     "unknown language 'de'"),
    ("empty canonical", GOOD.replace('uk = "Суджа"', 'uk = "  "'), 5,
     "empty canonical form for uk"),
    ("missing language", GOOD.replace('sq = "Suxha"\n', ""), 1, "no sq form"),
    (
        "same English variant in two terms",
        GOOD + '\n["Sudzha town"]\nvariants = ["Sudža"]\nsq = "S"\nuk = "С"\nru = "С"\n',
        10,
        'conflicting entries: English "Sudža" belongs to both "Sudzha"',
    ),
    (
        "accepted and forbidden",
        GOOD + 'accepted.ru = ["Судзха"]\n',
        7,
        'conflicting entries: "Судзха" is both accepted and forbidden for ru',
    ),
    (
        "canonical forbidden",
        GOOD.replace('forbidden.ru = ["Судзха"]', 'forbidden.ru = ["суджа"]'),
        7,
        "both accepted and forbidden",
    ),
    ("dnt with a form", '[GIZ]\ndnt = true\nru = "ГИЦ"\n', 3, "conflicting entries"),
    ("syntax error", GOOD.replace('uk = "Суджа"', 'uk = "Суджа'), 5, "TOML syntax error"),
    ("not a table", 'Sudzha = "Suxha"\n', 1, "is not a term table"),
    ("unquoted dot", '[St.Petersburg]\nsq = "S"\nuk = "С"\nru = "С"\n', 1, "unknown key"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS]
)
def test_malformed_glossary(tmp_path, text, line, message):
    path = write(tmp_path, "names.toml", text)
    error = load_error(tmp_path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_duplicate_term_across_files(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", "# more\n" + GOOD)
    error = load_error(tmp_path)
    assert (Path(error.path).name, error.line) == ("b.toml", 2)
    assert "duplicate term" in error.message and "a.toml:1" in error.message


def test_binary_and_non_utf8_files(tmp_path):
    write(tmp_path / "bin", "names.toml", GOOD.encode() + b"\n\x00\x01\x02")
    error = load_error(tmp_path / "bin")
    assert error.line == 9 and "binary" in error.message
    write(tmp_path / "latin1", "names.toml", '# ok\n# ok\n[Kiev]\nsq = "Kiév"\n'.encode("latin-1"))
    error = load_error(tmp_path / "latin1")
    assert error.line == 4 and "UTF-8" in error.message and error.hint


def test_tsv_errors(tmp_path):
    write(tmp_path / "a", "g.tsv", "en\tsq\tuk\tru\tde\nKiev\tKiev\tКиїв\tКиев\tKiew\n")
    error = load_error(tmp_path / "a")
    assert error.line == 1 and "unknown language 'de'" in error.message
    write(tmp_path / "b", "g.tsv", "en\tsq\tuk\tru\n\nKiev\tKiev\tКиїв\tКиев\textra\n")
    error = load_error(tmp_path / "b")
    assert error.line == 3 and "5 fields" in error.message


def test_missing_or_empty_glossary_paths(tmp_path):
    assert "no such file" in load_error(tmp_path / "nowhere").message
    assert "no glossary files" in load_error(tmp_path).message


# --- TBX ---------------------------------------------------------------------------------------


def test_export_tbx(gloss, tmp_path):
    path = tmp_path / "glossary.tbx"
    export_tbx(gloss, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entries = root.findall("./text/body/termEntry")
    assert len(entries) == len(gloss.terms)
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"

    def tigs(en, lang):
        entry = next(e for e in entries if e.find("langSet/tig/term").text == en)
        langset = next(ls for ls in entry.findall("langSet") if ls.get(lang_attr) == lang)
        return {
            tig.find("term").text: tig.find("termNote[@type='administrativeStatus']").text
            for tig in langset.findall("tig")
        }, entry

    kursk, entry = tigs("Kursk", "uk")
    assert kursk["Курськ"] == "preferredTerm-admn-sts"
    assert kursk["курський"] == "admittedTerm-admn-sts"
    assert kursk["Курск"] == "deprecatedTerm-admn-sts"
    assert "Курська область" in entry.find("note").text
    bloomberg, entry = tigs("Bloomberg", "ru")
    assert bloomberg == {
        "Bloomberg": "preferredTerm-admn-sts",
        "Блумберг": "deprecatedTerm-admn-sts",
    }
    assert entry.find("descrip[@type='Translation needed']").text == "no"
    assert entry.find("langSet/tig/termNote[@type='translationNote']").text == "no"


# --- import cost -------------------------------------------------------------------------------


def test_importing_the_glossary_does_not_load_pymorphy():
    code = (
        "import sys, l10n.glossary, l10n.qa.registry; l10n.qa.registry.all_checks(); "
        "g = l10n.glossary.load_glossary('glossary'); g.terms_in('Putin in Kursk'); "
        "g.violations('sq', 'Putin', 'Putini'); print('pymorphy3' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# --- the load cache ---------------------------------------------------------------------

CACHED_TOML = '["Sudzha"]\nsq = "Suxha"\nuk = "Суджа"\nru = "Суджа"\n'


def test_a_loaded_glossary_is_kept_and_follows_its_file(tmp_path, monkeypatch):
    import l10n.glossary as glossary_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    first = load_glossary(path)
    assert len(list((tmp_path / "cache" / "l10n").glob("glossary-*.pickle"))) == 1

    def no_parsing(*args):
        raise AssertionError("the unchanged glossary was parsed again")

    with monkeypatch.context() as m:
        m.setattr(glossary_module, "_read_toml", no_parsing)
        again = load_glossary(path)
    assert again.terms == first.terms
    assert again.violations("uk", "In Sudzha", "У Суджі") == []

    # An edited file is read again: a new term is there, a broken one is refused.
    path.write_text(CACHED_TOML + '\n["Kursk"]\nsq = "Kursk"\nuk = "Курськ"\nru = "Курск"\n')
    assert [t.en for t in load_glossary(path).terms] == ["Sudzha", "Kursk"]
    path.write_text(CACHED_TOML + "\n" + CACHED_TOML, encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        load_glossary(path)
    assert "duplicate" in err.value.message


def test_no_cache_means_no_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    assert len(load_glossary(path)) == 1
    assert not (tmp_path / "cache" / "l10n").exists() or not list(
        (tmp_path / "cache" / "l10n").glob("glossary-*")
    )


# --- the quick path decides as the full one ----------------------------------------------


def _damaged(text: str) -> list[str]:
    """A translation, and the same one with its names damaged or disguised."""
    return [
        text,
        text.upper(),
        text.lower(),
        text.replace("Курськ", "Курськовий").replace("Курск", "Курскович"),  # longer words
        text.replace("Суджі", "Су\u0301джі").replace("Суджи", "Су\u0301джи"),  # stress mark
        text.replace(" Путін", ", Путін").replace(" Путин", ", Путин"),  # split names
        text.replace("Путін", "Путин").replace("Kursk", "Kursku").replace("Suxh", "Sudzh"),
        text.replace("Володимир ", "").replace("Владимир ", "").replace("Vladimir ", ""),
        text.replace("’", "'").replace("Київ", "Киев"),
        " ".join(text.split()[::-1]),
        "x" + text.replace(" ", "_", 3),
    ]


def test_the_quick_path_finds_what_the_full_path_finds(gloss, monkeypatch):
    corpus = [
        (lang, e.msgid, msgstr)
        for lang in ("sq", "uk", "ru")
        for e in read_po(REPO / "locales" / lang / "kursk.po")
        if e.msgstr
        for msgstr in _damaged(e.msgstr)
    ]
    corpus += [(lang, SOURCE_SENTENCES, t) for lang, s in SENTENCES.items() for t in _damaged(s)]
    corpus += [(lang, source, text) for lang, source, text, *_ in VIOLATIONS]
    quick = Glossary._quick_violations
    used = []

    def counting(self, *args):
        answer = quick(self, *args)
        used.append(answer is not None)
        return answer

    monkeypatch.setattr(Glossary, "_quick_violations", counting)
    fast = [gloss.violations(*case) for case in corpus]
    monkeypatch.setattr(Glossary, "_quick_violations", lambda *args: None)
    full = [gloss.violations(*case) for case in corpus]
    for case, a, b in zip(corpus, fast, full, strict=True):
        assert a == b, case
    # Both ways are exercised: the quick answer, and the hand-over to the full path.
    assert used.count(True) > len(corpus) // 3 and used.count(False) > 50
    assert sum(map(bool, full)) > 100  # and there are violations to find
