"""A glossary in languages outside l10n's morphology (German, Polish): loaded,
checked and enforced on exact forms plus the accepted ones."""

from __future__ import annotations

import pytest

from glossary.samples import problems, write
from l10n.glossary import load_glossary

GERMAN_POLISH = """\
[Kyiv]
variants = ["Kiev"]
de = "Kyjiw"
pl = "Kijów"
accepted.pl = ["Kijowa", "Kijowie"]
forbidden.de = ["Kijew"]
forbidden.pl = ["Kiev"]

["Volodymyr Zelensky"]
de = "Wolodymyr Selenskyj"
pl = "Wołodymyr Zełenski"
forbidden.de = ["Wladimir Selenski", "Selenski"]

["Chatham House"]
dnt = true
forbidden.de = ["Chatham-Haus"]
"""


@pytest.fixture
def gloss(tmp_path):
    return load_glossary(write(tmp_path, "names.toml", GERMAN_POLISH), ["de", "pl"])


def test_load(gloss):
    assert gloss.languages == ("de", "pl")
    assert gloss.matching() == {"de": "exact forms + accepted", "pl": "exact forms + accepted"}
    assert gloss.term("Kiev").forms["pl"].accepted == ("Kijowa", "Kijowie")


def test_the_shipped_languages_keep_their_morphology(tmp_path):
    text = '[Kyiv]\nsq = "Kiev"\nuk = "Київ"\nru = "Киев"\nde = "Kyjiw"\n'
    assert load_glossary(write(tmp_path, "g.toml", text)).matching() == {
        "sq": "inflection (ending table)",
        "uk": "inflection (pymorphy3)",
        "ru": "inflection (pymorphy3)",
        "de": "exact forms + accepted",
    }


CASES = [
    # lang, source, translation, problems
    ("de", "in Kyiv", "in Kyjiw", []),
    ("de", "in Kyiv", "in KYJIW", []),  # case does not matter
    ("de", "in Kyiv", "in Kijew", [("forbidden", "Kijew")]),
    ("de", "the capital Kiev", "die Hauptstadt Kijew.", [("forbidden", "Kijew")]),
    ("de", "Chatham House said", "das Chatham-Haus sagte", [("dnt", "Chatham-Haus")]),
    ("de", "Chatham House said", "Chatham House sagte", []),
    ("de", "Volodymyr Zelensky said", "Wladimir Selenski sagte",
     [("forbidden", "Wladimir Selenski")]),
    ("pl", "in Kyiv", "w Kijowie", []),  # an accepted form
    ("pl", "to Kyiv", "do Kijowa", []),
    ("pl", "from Kyiv", "z Kijowem", [("missing", "")]),  # not listed: no inflection here
    ("pl", "in Kyiv", "w Kiev", [("forbidden", "Kiev")]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "source", "translation", "expected"), CASES)
def test_violations(gloss, lang, source, translation, expected):
    assert problems(gloss, lang, source, translation) == expected


def test_the_message_says_there_is_no_inflection(gloss):
    (v,) = gloss.violations("pl", "from Kyiv", "z Kijowem")
    assert v.message == (
        'Kyiv: expected "Kijów" or "Kijowa" or "Kijowie" '
        "(as written; list inflected forms in accepted.pl), not found"
    )


def test_enforce_on_machine_output(gloss):
    out = gloss.enforce(
        "de",
        "Volodymyr Zelensky met experts from Chatham House in Kiev.",
        "Wladimir Selenski traf Experten vom Chatham-Haus in Kijew.",
    )
    assert out.text == "Wolodymyr Selenskyj traf Experten vom Chatham House in Kyjiw."
    assert out.replaced == [
        ("Wladimir Selenski", "Wolodymyr Selenskyj"),
        ("Chatham-Haus", "Chatham House"),
        ("Kijew", "Kyjiw"),
    ]
    assert out.missing == []
    assert gloss.enforce("de_DE", "in Kyiv", "in Kiew").missing == [gloss.term("Kyiv")]


def test_note_for_a_german_entry(gloss):
    assert gloss.note_for("de", "Kyiv and Chatham House") == (
        "Glossary: Kyiv → Kyjiw; Chatham House (do not translate)"
    )
