"""TBX (l10n.glossary.tbx): the export conforms to TBX-Basic and reads back
into the same terms; termbases from other tools load, with file:line errors
and without ever expanding an entity."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest

from glossary.samples import load_error, write
from l10n.glossary import Glossary, LangForms, Term, export_tbx, load_glossary

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# TBX-Basic (TBXBasicXCSV02.xcs): the data categories by element, and the
# picklists.  Anything else in an export is invented.
TBX_BASIC_TYPES = {
    "termNote": {
        "administrativeStatus",
        "partOfSpeech",
        "termType",
        "grammaticalGender",
        "geographicalUsage",
    },
    "descrip": {"definition", "context", "subjectField"},
    "admin": {"customerSubset", "projectSubset", "source"},
    "xref": {"xGraphic", "externalCrossReference"},
    "ref": {"crossReference"},
    "transac": {"transactionType"},
    "p": {"XCSURI"},
    "martif": {"TBX-Basic"},
}
PICKLISTS = {
    "administrativeStatus": {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    },
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "properNoun", "other"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
}
TBX_BASIC_ELEMENTS = {
    "martif", "martifHeader", "fileDesc", "titleStmt", "title", "sourceDesc", "p",
    "encodingDesc", "text", "body", "termEntry", "langSet", "tig", "term", "termNote",
    "descrip", "descripGrp", "admin", "note", "xref", "ref", "transacGrp", "transac",
    "transacNote", "date",
}  # fmt: skip


def tbx_basic_problems(text: str) -> list[str]:
    """What makes ``text`` not TBX-Basic, as far as the data categories go."""
    problems = []
    if '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' not in text:
        problems.append("no TBX-Basic DOCTYPE")
    root = ET.fromstring(text.encode("utf-8"))
    if root.tag != "martif" or root.get("type") != "TBX-Basic":
        problems.append(f"root {root.tag} {root.get('type')}")
    ids = []
    for el in root.iter():
        if el.tag not in TBX_BASIC_ELEMENTS:
            problems.append(f"element <{el.tag}>")
        kind = el.get("type")
        if kind is not None:
            if kind not in TBX_BASIC_TYPES.get(el.tag, set()):
                problems.append(f'<{el.tag} type="{kind}">')
            elif kind in PICKLISTS and el.text not in PICKLISTS[kind]:
                problems.append(f"{kind} {el.text!r}")
        if el.tag == "langSet" and not el.get(XML_LANG):
            problems.append("langSet without xml:lang")
        if el.tag == "termEntry":
            ids.append(el.get("id"))
        if el.tag == "tig" and [c.tag for c in el][:1] != ["term"]:
            problems.append("tig without a term first")
    if len(set(ids)) != len(ids) or not all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids):
        problems.append(f"termEntry ids: {ids}")
    return problems


def comparable(term: Term) -> Term:
    """What TBX carries: all but where a term is defined and its inflection class."""
    forms = {k: dataclasses.replace(v, inflect=None) for k, v in term.forms.items()}
    return dataclasses.replace(term, source="", forms=forms)


# --- export -----------------------------------------------------------------------


def test_the_export_is_tbx_basic(gloss, tmp_path):
    path = tmp_path / "glossary.tbx"
    export_tbx(gloss, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    assert tbx_basic_problems(text) == []
    root = ET.fromstring(text.encode("utf-8"))
    entries = root.findall("./text/body/termEntry")
    assert len(entries) == len(gloss.terms)

    def tigs(en, lang):
        entry = next(e for e in entries if e.find("langSet/tig/term").text == en)
        langset = next(ls for ls in entry.findall("langSet") if ls.get(XML_LANG) == lang)
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
    notes = [n.text for n in entry.findall("note")]
    assert notes[-1] == "Do not translate: keep the English form."


def test_the_checker_catches_what_the_export_used_to_invent():
    # The export once wrote Weblate's translationNote, a "Translation needed"
    # descrip and termType fullForm for every name, acronyms included.
    old = (
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
        '<martif type="TBX-Basic"><text><body><termEntry id="giz">'
        '<descrip type="Translation needed">no</descrip>'
        '<langSet xml:lang="en"><tig><term>GIZ</term>'
        '<termNote type="termType">fullForm</termNote>'
        '<termNote type="translationNote">no</termNote>'
        '<termNote type="administrativeStatus">forbidden</termNote>'
        "</tig></langSet></termEntry></body></text></martif>"
    )
    assert tbx_basic_problems(old) == [
        '<descrip type="Translation needed">',
        '<termNote type="translationNote">',
        "administrativeStatus 'forbidden'",
    ]


def test_the_export_reads_back_into_the_same_terms(gloss, tmp_path):
    path = tmp_path / "glossary.tbx"
    export_tbx(gloss, path)
    again = load_glossary(path)
    assert again.languages == gloss.languages
    assert [comparable(t) for t in again.terms] == [comparable(t) for t in gloss.terms]
    # Do-not-translate terms, variants, notes, accepted and forbidden forms all came back.
    assert again.term("Chatham House").dnt and not again.term("Kursk").dnt
    assert again.term("Kiev").en_variants == ("Kyiv",)


def test_a_glossary_in_any_language_round_trips(tmp_path):
    terms = [
        Term("Kyiv", ("Kiev",), {"de": LangForms("Kyjiw", ("Kiew",), ("Kijew",)),
                                 "pl": LangForms("Kijów")}, note='Capital & "city" <of> Ukraine'),
        Term("2024 election", (), {"de": LangForms("Wahl 2024"), "pl": LangForms("wybory 2024")}),
        Term("GIZ", (), {"de": LangForms("GIZ"), "pl": LangForms("GIZ", (), ("GIZu",))}, dnt=True),
    ]  # fmt: skip
    path = tmp_path / "g.tbx"
    export_tbx(Glossary(terms), path)
    text = path.read_text(encoding="utf-8")
    assert tbx_basic_problems(text) == []
    assert 'id="t-2024-election"' in text  # an XML ID cannot start with a digit
    assert [comparable(t) for t in load_glossary(path).terms] == [comparable(t) for t in terms]


# --- reading other tools' termbases ---------------------------------------------------

WEBLATE = """\
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry>
        <descrip type="definition">The capital of Ukraine.</descrip>
        <langSet xml:lang="en"><tig><term>Kyiv</term></tig></langSet>
        <langSet xml:lang="de"><tig><term>Kyjiw</term></tig></langSet>
      </termEntry>
      <termEntry>
        <langSet xml:lang="en"><tig><term>Bloomberg</term>
          <termNote type="translationNote">no</termNote></tig></langSet>
        <langSet xml:lang="de"><tig><term>Bloomberg</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""

MEMOQ = """\
<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en-US">
<text><body>
<termEntry id="1">
  <note>Town in Kursk region.</note>
  <langSet xml:lang="en-US">
    <ntig><termGrp><term>Sudzha</term></termGrp></ntig>
    <ntig><termGrp><term>Sudža</term>
      <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
  </langSet>
  <langSet xml:lang="de-DE">
    <ntig><termGrp><term>Sudschanski</term>
      <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
    <ntig><termGrp><term>Sudscha</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
    <ntig><termGrp><term>Sudsha</term>
      <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
    <ntig><termGrp><term>Sudzha</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
  </langSet>
</termEntry>
</body></text>
</martif>
"""

TBX_V3 = """\
<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en"><termSec><term>Kursk</term></termSec></langSec>
      <langSec xml:lang="pl"><termSec><term>Kursk</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>Kurska</term>
        <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_weblate_termbase(tmp_path):
    gloss = load_glossary(write(tmp_path, "weblate.tbx", WEBLATE))
    kyiv, bloomberg = gloss.terms
    assert kyiv == Term(
        "Kyiv", (), {"de": LangForms("Kyjiw")}, False, "The capital of Ukraine.", kyiv.source
    )
    assert kyiv.source.endswith("weblate.tbx:8")
    # Weblate's "translationNote no": do not translate.
    assert bloomberg.dnt and bloomberg.forms == {"de": LangForms("Bloomberg")}


def test_memoq_termbase_with_region_codes_and_statuses(tmp_path):
    (sudzha,) = load_glossary(write(tmp_path, "memoq.tbx", MEMOQ)).terms
    assert sudzha.en == "Sudzha" and sudzha.en_variants == ("Sudža",)
    assert sudzha.note == "Town in Kursk region."
    assert sudzha.forms == {"de": LangForms("Sudscha", ("Sudschanski",), ("Sudsha", "Sudzha"))}


def test_tbx_v3_termbase(tmp_path):
    (kursk,) = load_glossary(write(tmp_path, "v3.tbx", TBX_V3)).terms
    assert kursk.forms == {"pl": LangForms("Kursk", ("Kurska",))}


def test_a_termbase_loads_beside_toml_for_the_project_languages(tmp_path):
    write(tmp_path, "names.toml", '[Kursk]\nde = "Kursk"\nuk = "Курськ"\n')
    write(tmp_path, "memoq.tbx", MEMOQ.replace('"de-DE"', '"uk"'))
    with pytest.raises(Exception, match="no de form for 'Sudzha'"):
        load_glossary(tmp_path)
    gloss = load_glossary(tmp_path, ["uk"])
    assert [t.en for t in gloss.terms] == ["Sudzha", "Kursk"]


TBX_ERRORS = [
    # name, text, line, words in the message
    ("syntax", WEBLATE.replace("</langSet>\n      </termEntry>", "</termEntry>", 1), 11,
     "XML syntax error: mismatched tag"),
    ("not TBX", "<?xml version='1.0'?>\n<html/>\n", 1,
     "not a TBX file: the root element is <html>"),
    ("unknown status", MEMOQ.replace("supersededTerm-admn-sts", "obsoleteTerm"), 17,
     "unknown administrativeStatus 'obsoleteTerm'"),
    ("no English", MEMOQ.replace('"en-US">\n    <ntig>', '"fr">\n    <ntig>'), 4,
     "an entry without an English term"),
    ("unknown language", MEMOQ.replace('"de-DE"', '"xx-XX"'), 11, "unknown language 'xx-XX'"),
    ("no language", MEMOQ.replace(' xml:lang="de-DE"', ""), 11, "a langSet without xml:lang"),
    ("empty form", WEBLATE.replace("<term>Kyjiw</term>", "<term> </term>"), 11,
     "empty canonical form for de in 'Kyiv'"),
    ("form both accepted and forbidden", MEMOQ.replace("<term>Sudschanski", "<term>Sudsha"), 16,
     '"Sudsha" is both accepted and forbidden for de'),
    ("control character", WEBLATE.replace("Kyjiw", "Ky&#1;jiw"), 11,
     "reference to invalid character number"),
    # Entities are refused before anything is expanded, with the line.
    ("internal DTD", WEBLATE.replace('"TBXcdv04.dtd">', '"TBXcdv04.dtd" [\n<!ENTITY a "b">]>'),
     2, "refused: a DOCTYPE with declarations"),
    ("billion laughs", '<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY lol "lol">\n'
     '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<martif>&lol2;</martif>\n', 2,
     "refused: a DOCTYPE with declarations"),
    ("undeclared entity", WEBLATE.replace("<term>Kyjiw", "<term>&xxe;Kyjiw"), 11,
     "refused: a reference to the undeclared entity &xxe;"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"), [e[1:] for e in TBX_ERRORS], ids=[e[0] for e in TBX_ERRORS]
)
def test_tbx_errors_name_the_line(tmp_path, text, line, message):
    path = write(tmp_path, "terms.tbx", text)
    error = load_error(tmp_path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in error.message


def test_an_external_entity_is_never_fetched(tmp_path):
    secret = write(tmp_path / "outside", "secret.txt", "SECRET")
    text = WEBLATE.replace(
        '"TBXcdv04.dtd">', f'"TBXcdv04.dtd" [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    ).replace("<term>Kyjiw", "<term>&xxe;Kyjiw")
    error = load_error(write(tmp_path, "evil.tbx", text))
    assert "refused" in error.message and "SECRET" not in str(error)


def test_binary_and_non_utf8_termbases(tmp_path):
    write(tmp_path / "a", "t.tbx", WEBLATE.encode("utf-16"))
    assert "binary" in load_error(tmp_path / "a").message
    write(tmp_path / "b", "t.tbx", WEBLATE.replace("Kyjiw", "Kyjiw\xe9").encode("latin-1"))
    error = load_error(tmp_path / "b")
    assert error.line == 11 and "UTF-8" in error.message
