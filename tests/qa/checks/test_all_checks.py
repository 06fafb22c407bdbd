"""Every QA check at once: the article and short lines raise no false alarm,
and the quick paths of the checks decide exactly as their full judgement."""

from __future__ import annotations

import re

import pytest

from l10n.qa.base import CheckContext, Unit
from l10n.qa.checks import language, numbers, punctuation, quotes
from l10n.qa.runner import run_checks
from qa.checks.samples import (
    ARTICLE,
    GLOSSARY,
    LANGS,
    PROJECT_WORDS,
    find,
    glossary,
    names,
    qa_checks,
)


@pytest.mark.parametrize("col,lang", [(1, "uk"), (2, "ru"), (3, "sq")])
@pytest.mark.parametrize("gloss", [None, GLOSSARY], ids=["no-glossary", "glossary"])
def test_the_translated_article_is_clean(col, lang, gloss):
    units = [Unit(row[0], row[col]) for row in ARTICLE]
    ctx = CheckContext(lang, glossary=gloss, units=units, words=PROJECT_WORDS)
    found = [
        (check.name, unit.msgstr[:40], problem.message)
        for unit in units
        for check, problem in run_checks(unit, ctx, qa_checks())
    ]
    assert found == []


@pytest.mark.parametrize(
    "lang,msgid,msgstr",
    [
        ("uk", "World", "Світ"),
        ("ru", "World", "Мир"),
        ("sq", "World", "Bota"),
        ("uk", "Kursk", "Курськ"),
        ("ru", "Kursk", "Курск"),
        ("sq", "Kursk", "Kursk"),
        ("uk", "Kursk", "Курщина"),
        ("ru", "Read about: 5 min.", "Читать: 5 мин."),
        ("uk", "Read about: 5 min.", "Читати: 5 хв."),
        ("sq", "Read about: 5 min.", "Lexo: 5 min."),
        ("uk", "1 months ago", "1 місяць тому"),
        ("ru", "1 months ago", "1 месяц назад"),
        ("sq", "1 months ago", "1 muaj më parë"),
        ("uk", "Peace", "Мир"),
        ("ru", "Sudzha", "Суджа"),
        ("sq", "Sudzha", "Suxha"),
        ("uk", "Five", "П’ять"),
        ("uk", "Object", "Об'єкт"),
        ("sq", "Donald Trump", "Donald Trump"),
        ("sq", "Bloomberg", "Bloomberg"),
        ("uk", "KosovaPress", "KosovaPress"),
        ("ru", "© 2002-2025", "© 2002–2025"),
        ("sq", "#SustainMediaProgramme", "#SustainMediaProgramme"),
        ("ru", "https://kosovapress.com", "https://kosovapress.com"),
        ("uk", "GIZ", "GIZ"),
        ("ru", "EU", "ЕС"),
        ("sq", "EU", "BE"),
        ("ru", "Politics", "Политика"),
        ("sq", "The link was copied", "Lidhja u kopjua"),
    ],
)
def test_short_titles_and_one_word_lines_are_not_flagged(lang, msgid, msgstr):
    assert find(lang, msgid, msgstr) == []


def test_other_target_languages_do_not_crash_or_misfire():
    assert names("de", 'He said: "4000."', "Er sagte: „4000“.") == []
    assert (
        names(
            "en_GB",
            "About 1,250 of the soldiers were seen.",
            "About 1,250 of the troops were seen.",
        )
        == []
    )
    assert names("uk_UA", "World", "Світ") == []


def _variants(msgid: str, msgstr: str) -> list[tuple[str, str]]:
    """An entry and the same entry damaged the ways the checks look for."""
    return [
        (msgid, msgstr),
        (msgid, msgstr + " 2024"),  # an extra number
        (msgid + " 17", msgstr),  # a missing number
        (msgid + " 1,250", msgstr + " 1,250"),  # English digit grouping kept
        (msgid + " 1,250", msgstr + " 1 250"),
        (msgid, msgstr + " #Kursk"),  # a hashtag with a Latin word
        (msgid, msgstr + " https://example.com/Київ"),
        (msgid, msgstr + " and this was left in English by the machine"),
        (msgid, msgstr.replace("і", "ы").replace("ë", "e")),  # the other alphabet
        (msgid + " Çelik", msgstr + " Çelik"),  # a source name with ç
        (msgid, "Bloomberg " + msgstr),  # a do-not-translate name
        (msgid, msgstr.upper()),
        (msgid, f'"{msgstr}"'),  # straight quotes
        (msgid, f"«{msgstr}» і „{msgstr}“"),  # two styles
        (msgid, f"„{msgstr}»"),  # a mismatched pair
        (msgid, msgstr.replace(" ", "  ", 1)),  # a doubled space
        (msgid, msgstr.replace(" ", " , ", 1)),  # a space before a comma
        (msgid, f" {msgstr}\n"),  # edge whitespace
    ]


QUICK_CORPUS = [
    (lang, msgid, msgstr)
    for row in ARTICLE
    for lang in LANGS
    for col in (1, 2, 3)  # every translation judged as every language
    for msgid, msgstr in _variants(row[0], row[col])
]


@pytest.mark.parametrize("gloss", [None, glossary("Bloomberg", "Zëri")], ids=["plain", "dnt-ë"])
def test_quick_paths_find_what_the_full_checks_find(monkeypatch, gloss):
    decided = []
    quick_language = language._settled_by_letters
    quick_numbers = numbers._plain_subset

    plain = []

    def counting(*args):
        answer = quick_language(*args)
        decided.append(answer)
        return answer

    def counting_numbers(*args):
        answer = quick_numbers(*args)
        plain.append(answer)
        return answer

    monkeypatch.setattr(language, "_settled_by_letters", counting)
    monkeypatch.setattr(numbers, "_plain_subset", counting_numbers)
    fast = [
        sorted((n, p.message) for n, p in find(lang, msgid, msgstr, glossary=gloss))
        for lang, msgid, msgstr in QUICK_CORPUS
    ]
    monkeypatch.setattr(language, "_settled_by_letters", lambda *args: False)
    monkeypatch.setattr(numbers, "_plain_subset", lambda *args: False)
    monkeypatch.setattr(quotes, "_fits", lambda *args: False)
    monkeypatch.setattr(punctuation, "_EITHER_HINT", re.compile(""))  # always "maybe"
    full = [
        sorted((n, p.message) for n, p in find(lang, msgid, msgstr, glossary=gloss))
        for lang, msgid, msgstr in QUICK_CORPUS
    ]
    for case, a, b in zip(QUICK_CORPUS, fast, full, strict=True):
        assert a == b, case
    assert sum(map(bool, full)) > len(full) // 3  # the corpus has problems to find
    assert plain.count(True) > 50 and plain.count(False) > 50
    if gloss is None:
        # The corpus reaches both answers of the quick path.
        assert decided.count(True) > 50 and decided.count(False) > 50
    else:
        # A do-not-translate name with an ë could be taken away before judging.
        assert not any(decided)
