"""Validating glossary entries (l10n.glossary.validate): unknown keys and
languages, empty or missing forms, conflicting entries; each error with the
file:line of the offending key."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.samples import GOOD, load_error, write
from l10n.errors import InputFileError
from l10n.glossary import load_glossary

TERM_ERRORS = [
    # name, file text, line, words in the message
    (
        "duplicate term, other case",
        GOOD + '\n[sudzha]\nsq = "S"\nuk = "С"\nru = "С"\n',
        9,
        'duplicate term "sudzha"',
    ),
    ("unknown language", GOOD.replace('ru = "Суджа"\n', 'ru = "Суджа"\nxx = "Sudscha"\n'), 7,
     "unknown language 'xx'"),
    ("unknown language in forbidden", GOOD + 'forbidden.xx = ["Sudsha"]\n', 8,
     "unknown language 'xx'"),
    ("region code", GOOD + 'de-DE = "Sudscha"\n', 8, "unknown language 'de-DE'"),
    ("empty canonical", GOOD.replace('uk = "Суджа"', 'uk = "  "'), 5,
     "empty canonical form for uk"),
    # Another term gives sq, so the glossary is in sq and Sudzha lacks it.
    ("missing language", GOOD.replace('sq = "Suxha"\n', "") + '[Kiev]\nsq = "Kiev"\n', 1,
     "no sq form"),
    ("missing language given only forbidden forms", GOOD + 'forbidden.de = ["Sudsha"]\n', 1,
     "no de form"),
    ("control character in a name", GOOD.replace('"Суджа"', '"Суд\\u0001жа"', 1), 5,
     "control character U+0001 in uk"),
    ("control character in a variant", GOOD.replace('"Sudža"', '"Sud\\u001bža"'), 2,
     "control character U+001B in variants"),
    ("line break in a name", GOOD.replace('"Suxha"', '"Su\\nxha"'), 4,
     "control character U+000A in sq"),
    ("noncharacter in a note", GOOD.replace('"Town."', '"Town\\uffff"'), 3,
     "control character U+FFFF in note"),
    ("control character in the English name", '["Sud\\u0007zha"]\nsq = "S"\n', 1,
     "control character U+0007 in the English name"),
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
    ("unquoted dot", '[St.Petersburg]\nsq = "S"\nuk = "С"\nru = "С"\n', 1, "unknown key"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"), [e[1:] for e in TERM_ERRORS], ids=[e[0] for e in TERM_ERRORS]
)
def test_invalid_entries(tmp_path, text, line, message):
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


def test_a_region_code_key_names_the_code_to_use(tmp_path):
    write(tmp_path, "names.toml", GOOD + 'uk_UA = "Суджа"\n')
    error = load_error(tmp_path)
    assert "unknown language 'uk_UA'" in error.message
    assert error.hint == "use the language code alone: uk"


def test_a_note_may_have_line_breaks_and_tabs(tmp_path):
    path = write(tmp_path, "names.toml", GOOD.replace('"Town."', '"Town\\n\\tin Kursk region."'))
    assert load_glossary(path).terms[0].note == "Town\n\tin Kursk region."


def test_the_project_languages_decide_what_is_required(tmp_path):
    # A shared termbase: German and Polish too, and an English-only dnt term.
    path = write(
        tmp_path,
        "names.toml",
        GOOD.replace('ru = "Суджа"', 'ru = "Суджа"\nde = "Sudscha"\npl = "Sudża"')
        + '\n[Kiev]\nuk = "Київ"\nde = "Kyjiw"\n\n[GIZ]\ndnt = true\nforbidden.ru = ["ГИЦ"]\n',
    )
    # Without languages: those the files give, and every term must give them all.
    error = load_error(path)
    assert "no sq form for 'Kiev'" in error.message and error.line == 11
    assert error.hint is not None and "l10n.toml" not in error.hint
    # A German and Ukrainian project: Sudzha's sq, ru and pl forms are left out.
    gloss = load_glossary(path, ["de", "uk"])
    assert gloss.languages == ("de", "uk")
    assert [list(t.forms) for t in gloss.terms] == [["de", "uk"]] * 3
    assert gloss.term("Sudzha").forms["de"].canonical == "Sudscha"
    assert gloss.term("GIZ").forms["de"].canonical == "GIZ"  # do not translate: as written
    # A project in Russian too: Kiev has no ru form.
    with pytest.raises(InputFileError) as info:
        load_glossary(path, ["uk", "ru"])
    assert info.value.line == 11 and info.value.message.endswith("no ru form for 'Kiev'")
    assert "one of the project's languages" in str(info.value.hint)
