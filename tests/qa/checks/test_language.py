"""The ``language`` check (:mod:`l10n.qa.checks.language`)."""

from __future__ import annotations

import pytest

from l10n.qa.checks import language
from qa.checks.samples import (
    ARTICLE,
    EN_SOURCE,
    GLOSSARY,
    RU_SENTENCE,
    UK_SENTENCE,
    glossary,
    names,
    only,
)


def test_short_segments_never_reach_langdetect(monkeypatch):
    def fail(*args):
        raise AssertionError("langdetect asked about a short segment")

    monkeypatch.setattr(language, "_detect", fail)
    for lang, msgid, msgstr in [
        ("ru", "World", "Мир"),
        ("sq", "World", "Bota"),
        ("uk", "Kursk becomes Putin's nightmare", "Курськ стає кошмаром Путіна"),
        ("ru", "All rights reserved by APL KosovaPress", "Все права принадлежат APL KosovaPress"),
    ]:
        assert only("language", lang, msgid, msgstr) == []


def test_russian_in_a_ukrainian_file_is_flagged():
    (problem,) = only("language", "uk", EN_SOURCE, RU_SENTENCE)
    assert problem.found == "ru" and problem.expected == "uk"
    assert "Russian" in problem.message and "ы" in problem.message


def test_ukrainian_in_a_russian_file_is_flagged():
    (problem,) = only("language", "ru", EN_SOURCE, UK_SENTENCE)
    assert problem.found == "uk" and problem.expected == "ru"
    assert "і" in problem.message


def test_short_segments_are_told_apart_by_their_letters():
    assert [p.found for p in only("language", "ru", "World", "Світ")] == ["uk"]
    assert [p.found for p in only("language", "uk", "We", "Мы")] == ["ru"]
    assert only("language", "uk", "Peace", "Мир") == []  # a Ukrainian word too
    assert only("language", "ru", "Kursk", "Курск") == []


def test_long_russian_without_telltale_letters_goes_to_langdetect():
    msgid = "Kursk becomes Putin's nightmare as the Ukrainian army advances on the town"
    ru = "Курск становится кошмаром Путина, так как украинская армия наступает на город"
    uk = "Курськ стає кошмаром Путіна, адже українська армія наступає на місто"
    assert [p.found for p in only("language", "uk", msgid, ru)] == ["ru"]
    assert only("language", "uk", msgid, uk) == []


def test_bulgarian_in_a_russian_file_is_flagged_by_langdetect():
    msgid = "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea."
    bg = "В момента Русия контролира около една пета от украинската територия, включително Крим."
    assert [p.found for p in only("language", "ru", msgid, bg)] == ["bg"]


@pytest.mark.parametrize(
    "lang,msgstr",
    [
        ("uk", "The Russians announced that the Ukrainians launched an offensive in Kursk."),
        ("ru", "The Russians announced that the Ukrainians launched an offensive in Kursk."),
        ("sq", "The Russians announced that the Ukrainians launched an offensive in Kursk."),
        ("sq", "The link has been copied"),
        ("uk", "Read: 5 min."),
    ],
)
def test_english_left_in_the_translation_is_flagged(lang, msgstr):
    (problem,) = only("language", lang, EN_SOURCE + " Read about: 5 min.", msgstr)
    assert problem.found in ("en", "Latin script")


def test_albanian_in_wrong_script_or_language():
    assert [p.found for p in only("language", "sq", "World", "Мир")] == ["Cyrillic script"]
    msgid = "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea."
    it = (
        "La Russia attualmente controlla circa un quinto del territorio ucraino, "
        "compresa la Crimea."
    )
    assert [p.found for p in only("language", "sq", msgid, it)] == ["it"]


def test_albanian_without_diacritics_is_still_albanian():
    msgid = "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea."
    sq = (
        "Rusia aktualisht kontrollon afersisht nje te pesten e territorit ukrainas, "
        "perfshire Krimene."
    )
    assert only("language", "sq", msgid, sq) == []


def test_names_and_dnt_terms_in_latin_are_normal_in_cyrillic_text():
    msgid = "Developed with GIZ, DW Akademie and Internews, supported by #SustainMediaProgramme."
    uk = "Розроблено з GIZ, DW Akademie та Internews за підтримки #SustainMediaProgramme."
    assert only("language", "uk", msgid, uk) == []
    assert only("language", "uk", msgid, uk, glossary=GLOSSARY) == []
    # a dnt term the translator spelled differently from the source is still allowed
    msgid = "Bloomberg writes."
    assert (
        only("language", "ru", msgid, "Пишет Bloomberg News.", glossary=glossary("Bloomberg News"))
        == []
    )


def test_language_leaves_identical_entries_to_untranslated():
    assert names("uk", EN_SOURCE, EN_SOURCE) == ["untranslated"]


def test_russian_word_forms_settle_long_russian_without_langdetect(monkeypatch):
    def fail(*args):
        raise AssertionError("langdetect asked although Russian forms decide")

    monkeypatch.setattr(language, "_detect", fail)
    msgid = "Kursk becomes Putin's nightmare as the Ukrainian army advances on the town"
    ru = "Курск превращается в кошмар для Путина, так как украинская армия наступает на город"
    assert only("language", "ru", msgid, ru) == []
    # A Ukrainian-spelled name in a Russian sentence: Russian evidence outweighs it.
    mixed = "Хімонка: Россия также была вынуждена обратиться за помощью к Северной Корее"
    assert only("language", "ru", msgid, mixed) == []


def test_russian_word_forms_do_not_hide_bulgarian_or_ukrainian():
    # No Russian-only form: still judged by langdetect (see the Bulgarian test above).
    assert not language._clearly_russian(
        "в момента русия контролира около една пета от украинската територия", False
    )
    # Mostly Ukrainian words with a Russian one: not settled as Russian.
    assert not language._clearly_russian(
        "київ також заявив що російські війська наступають також", True
    )


QUICK_CASES = [
    ("uk", "Short", "Коротко"),  # no decisive letter, short
    ("ru", "Moscow", "Москва"),
    ("ru", EN_SOURCE, "Россияне сегодня заявили, что украинцы начали новое наступление"),
    ("uk", EN_SOURCE, "Росияне сегодня заявили, что украинцы начали новое наступление"),
    ("ru", EN_SOURCE, "Хiмонка Росияне сегодня заявили, что украинцы начали наступление"),
    ("ru", "Kursk", "Курск Kursk"),
    ("sq", "The world", "Bota ë"),
    ("sq", "The world and the war", "Bota ë the world and the war"),
    ("sq", "Çair and Korça", "Çair dhe Korça"),
    ("sq", "Trump", "Трамп ë"),
    ("sq", EN_SOURCE, "Rusët njoftuan sot se ukrainasit kanë nisur një ofensivë të re."),
    ("sq", EN_SOURCE, "Rusët njoftuan sot se ukrainasit nisën një ofensivë të re në Kursk"),
    ("sq", EN_SOURCE, "Thëne: the Russians announced today that Ukraine launched a new offensive"),
    ("ru", EN_SOURCE, "Россияне сегодня заявили что украинские войска начали наступление на Курск"),
    ("uk", EN_SOURCE, "Россияне сегодня заявили что украинские войска начали наступление на Курск"),
]


@pytest.mark.parametrize("lang", ["uk", "ru", "sq"])
def test_the_quick_path_settles_only_what_the_full_judgement_passes(lang):
    """Whatever the letters settle, judging the text with names removed
    (and langdetect for long text) finds nothing in either: the quick path
    saves time, never a finding."""
    from l10n.qa.base import CheckContext, Unit

    column = {"uk": 1, "ru": 2, "sq": 3}[lang]
    cases = [(row[0], row[column]) for row in ARTICLE]
    cases += [(msgid, msgstr) for code, msgid, msgstr in QUICK_CASES if code == lang]
    cases += [(EN_SOURCE, RU_SENTENCE), (EN_SOURCE, UK_SENTENCE)]
    settled = 0
    for msgid, msgstr in cases:
        unit, ctx = Unit(msgid, msgstr), CheckContext(lang, glossary=GLOSSARY)
        if language._settled_by_letters(unit, ctx, lang):
            settled += 1
            assert language._judge(unit, ctx, lang) is None, msgstr
    assert settled >= len(cases) // 2
