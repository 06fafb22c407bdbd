"""The ``numbers`` and ``extra-numbers`` checks (:mod:`l10n.qa.checks.numbers`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import Severity
from qa.checks.samples import REGISTERED, only


@pytest.mark.parametrize(
    "lang,msgid,msgstr",
    [
        ("uk", "1250 square kilometers", "1250 квадратних кілометрів"),
        ("uk", "1250 square kilometers", "1 250 квадратних кілометрів"),
        ("ru", "1250 square kilometers", "1\u00a0250 квадратных километров"),
        ("ru", "1,250 square kilometers", "1\u202f250 квадратных километров"),
        ("sq", "1250 square kilometers", "1.250 kilometra katrorë"),
        ("sq", "1,250 square kilometers", "1 250 kilometra katrorë"),
        ("uk", "1.5 million people", "1,5 мільйона людей"),
        ("ru", "1.5 million people", "1,5 млн человек"),
        ("sq", "1.5 million people", "1,5 milionë njerëz"),
        ("ru", "about 1.5 percent", "около 1,5 процента"),
        ("uk", "on August 6, 2024", "6 серпня 2024 року"),
        ("ru", "on August 6, 2024", "6 августа 2024 года"),
        ("sq", "on August 6, 2024", "më 6 gusht 2024"),
        ("ru", "on August 6, 2024", "06.08.2024"),
        ("sq", "© 2002-2025", "© 2002–2025"),
        ("uk", "the 2024-25 season", "сезон 2024–2025 років"),
        ("ru", "the 2024-25 season", "сезон 2024/25"),
        ("uk", "about 40 thousand people", "близько 40 тисяч осіб"),
        ("ru", "about 40 thousand people", "около 40 тысяч человек"),
        ("sq", "about 40 thousand people", "rreth 40 mijë njerëz"),
        ("uk", "about 40 thousand people", "близько 40 000 осіб"),
        ("ru", "about 40 thousand people", "около 40 тыс. человек"),
        ("uk", "about 40,000 people", "близько 40 тисяч осіб"),
        ("uk", "about 4000 people", "близько 4 000 осіб"),
        ("uk", "about 4000 people", "близько 4000 осіб"),
        ("sq", "about 4000 people", "rreth 4.000 njerëz"),
        ("ru", "$1.5bn in aid", "1,5 млрд долларов помощи"),
        ("ru", "at 12:30", "в 12:30"),
        ("uk", "up 10%", "на 10 %"),
        ("ru", "F-16 jets", "истребители F-16"),
        ("uk", "the 1990s", "1990-ті роки"),
        ("ru", "about 4 were killed", "около четырёх были убиты"),
        ("uk", "about 4 were killed", "четверо загинули"),
        ("sq", "3 brigades", "tri brigada"),
        ("uk", "the 21st century", "XXI століття"),
    ],
)
def test_numbers_written_the_target_way_are_found(lang, msgid, msgstr):
    assert only("numbers", lang, msgid, msgstr) == []


def test_missing_number_is_an_error_that_names_it():
    (problem,) = only(
        "numbers", "uk", "seized 1250 square kilometers", "захопили квадратні кілометри"
    )
    assert problem.message == '"1250" from the source is missing in the translation'
    assert problem.expected == "1250"
    assert REGISTERED["numbers"].severity is Severity.ERROR


@pytest.mark.parametrize(
    "lang,msgid,msgstr,missing",
    [
        ("uk", "about 4000 people", "близько 400 осіб", "4000"),
        ("ru", "on August 6, 2024", "6 августа", "2024"),
        ("sq", "on August 6, 2024", "në gusht 2024", "6"),
        ("ru", "© 2002-2025", "© 2002", "2025"),
        ("uk", "about 40 thousand people", "близько 4 тисяч осіб", "40"),
        ("uk", "1 months ago", "місяць тому", "1"),
        ("sq", "sent 12 of its soldiers", "dërgoi 13 nga ushtarët e saj", "12"),
    ],
)
def test_missing_numbers_are_flagged(lang, msgid, msgstr, missing):
    problems = only("numbers", lang, msgid, msgstr)
    assert [p.expected for p in problems] == [missing]


def test_english_digit_grouping_left_in_the_translation_is_explained():
    (problem,) = only("numbers", "ru", "about 1,250 people", "около 1,250 человек")
    assert "1,25" in problem.message and "decimal mark" in problem.message
    assert '"1 250"' in problem.message
    (problem,) = only("numbers", "sq", "about 1,250 people", "rreth 1,250 njerëz")
    assert '"1.250"' in problem.message


def test_numbers_ignore_flag():
    assert only("numbers", "uk", "4000", "чотири тисячі", flags=["ignore-numbers"]) == []


@pytest.mark.parametrize(
    "lang,msgid,msgstr",
    [
        ("uk", "six months later", "через 6 місяців"),
        ("ru", "since World War II", "со времён 2-й мировой войны"),
        ("uk", "since the Second World War", "з часів 2-ї світової війни"),
        ("ru", "on August 6, 2024", "06.08.2024"),
        ("uk", "a million people", "1 мільйон людей"),
        ("sq", "forty thousand soldiers", "40 000 ushtarë"),
        ("ru", "twenty-five villages", "25 сёл"),
        ("uk", "about half of that territory", "близько 50 % цієї території"),
        ("uk", "about 40 thousand people", "близько 40 000 осіб"),
        ("ru", "about 1,250 people", "около 1 250 человек"),
    ],
)
def test_numbers_the_source_says_in_words_are_not_extra(lang, msgid, msgstr):
    assert only("extra-numbers", lang, msgid, msgstr) == []


def test_extra_number_is_a_warning():
    (problem,) = only("extra-numbers", "uk", "since the war began", "з початку війни у 2022 році")
    assert problem.found == "2022"
    assert "2022" in problem.message
    assert REGISTERED["extra-numbers"].severity is Severity.WARNING
