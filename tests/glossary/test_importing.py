"""Importing termbases (l10n.glossary.importing): TBX and DeepL CSV into the
project's TOML, conflicts refused unless replace, nothing written on error."""

from __future__ import annotations

import pytest

from glossary.samples import write
from l10n.errors import InputFileError, L10nError
from l10n.glossary import LangForms, export_tbx, import_glossary, load_glossary

NAMES = """\
# Names of places.

[Kursk]
note = "City in Russia."
de = "Kursk"
uk = "Курськ"
forbidden.uk = ["Курск"]

# People.

[Putin]
de = "Putin"
uk = "Путін"
"""

TERMBASE = """\
<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
<text><body>
<termEntry id="sudzha">
  <note>Town.</note>
  <langSet xml:lang="en"><tig><term>Sudzha</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Sudscha</term></tig></langSet>
  <langSet xml:lang="uk"><tig><term>Суджа</term></tig></langSet>
  <langSet xml:lang="fr"><tig><term>Soudja</term></tig></langSet>
</termEntry>
<termEntry id="kursk">
  <langSet xml:lang="en"><tig><term>Kursk</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Kursk</term></tig></langSet>
  <langSet xml:lang="uk"><tig><term>Курськ</term></tig></langSet>
</termEntry>
</body></text>
</martif>
"""


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "glossary", "names.toml", NAMES)
    return tmp_path


def test_import_a_termbase(project):
    source = write(project / "in", "termbase.tbx", TERMBASE)
    result = import_glossary(source, project / "glossary", ["de", "uk"])
    assert result.target == project / "glossary" / "termbase.toml"
    assert [t.en for t in result.added] == ["Sudzha"]
    assert [t.en for t in result.unchanged] == ["Kursk"]  # says nothing new
    assert result.updated == [] and result.rewritten == []
    assert result.target.read_text(encoding="utf-8") == (
        "# Imported from termbase.tbx by `l10n glossary import`.\n"
        "\n"
        "[Sudzha]\n"
        'note = "Town."\n'
        'de = "Sudscha"\n'
        'uk = "Суджа"\n'
    )  # French is not a project language
    gloss = load_glossary(project / "glossary", ["de", "uk"])
    assert [t.en for t in gloss.terms] == ["Kursk", "Putin", "Sudzha"]
    assert (project / "glossary" / "names.toml").read_text(encoding="utf-8") == NAMES


def test_import_a_deepl_glossary_into_a_new_folder(tmp_path):
    source = write(tmp_path, "glossary.en-de.csv", "Kyiv,Kyjiw\nKursk,Kursk\n")
    result = import_glossary(source, tmp_path / "glossary", None)
    assert result.target == tmp_path / "glossary" / "glossary.en-de.toml"
    gloss = load_glossary(tmp_path / "glossary")
    assert gloss.languages == ("de",)
    assert [(t.en, t.forms["de"].canonical) for t in gloss.terms] == [
        ("Kyiv", "Kyjiw"),
        ("Kursk", "Kursk"),
    ]


def test_an_export_imports_back_as_nothing_new(gloss, tmp_path):
    export_tbx(gloss, tmp_path / "glossary.tbx")
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "glossary", tmp_path / "glossary")
    result = import_glossary(tmp_path / "glossary.tbx", tmp_path / "glossary", None)
    assert result.added == [] and result.updated == []
    assert len(result.unchanged) == len(gloss.terms)
    assert not result.target.exists()  # nothing to write


def test_a_conflict_is_refused_with_both_places(project):
    source = write(project, "termbase.tbx", TERMBASE.replace("<term>Курськ", "<term>Курск"))
    before = (project / "glossary" / "names.toml").read_bytes()
    with pytest.raises(InputFileError) as info:
        import_glossary(source, project / "glossary", ["de", "uk"])
    error = info.value
    assert (error.path, error.line) == (str(source), 11)
    assert 'conflicting entries: "Kursk" differs' in error.message
    assert f"{project / 'glossary' / 'names.toml'}:3" in error.message
    assert 'uk: "Курск" here, "Курськ" there' in error.message
    assert "--replace" in str(error.hint)
    assert not (project / "glossary" / "termbase.toml").exists()
    assert (project / "glossary" / "names.toml").read_bytes() == before


def test_replace_rewrites_the_term_where_it_is(project):
    source = write(
        project, "termbase.tbx", TERMBASE.replace("<term>Курськ", "<term>Курська область")
    )
    result = import_glossary(source, project / "glossary", ["de", "uk"], replace=True)
    assert [t.en for t in result.added] == ["Sudzha"]
    assert [t.en for t in result.updated] == ["Kursk"]
    assert result.rewritten == [project / "glossary" / "names.toml"]
    # Only Kursk's table changed; comments, the note and the forbidden form stay.
    assert (project / "glossary" / "names.toml").read_text(encoding="utf-8") == NAMES.replace(
        'uk = "Курськ"', 'uk = "Курська область"'
    )
    kursk = load_glossary(project / "glossary", ["de", "uk"]).term("Kursk")
    assert kursk.forms["uk"] == LangForms("Курська область", (), ("Курск",))


def test_replace_cannot_rewrite_a_table_file(tmp_path):
    write(tmp_path / "glossary", "names.tsv", "en\tde\nKursk\tKursk\n")
    source = write(tmp_path, "en-de.csv", "Kursk,Kursk-Stadt\n")
    with pytest.raises(InputFileError) as info:
        import_glossary(source, tmp_path / "glossary", None, replace=True)
    assert info.value.path == str(tmp_path / "glossary" / "names.tsv")
    assert "cannot rewrite" in info.value.message


def test_an_incomplete_term_is_refused_with_its_line(project):
    source = write(project, "en-de.csv", "Kyiv,Kyjiw\n")
    with pytest.raises(InputFileError) as info:
        import_glossary(source, project / "glossary", ["de", "uk"])
    assert (info.value.path, info.value.line) == (str(source), 1)
    assert "no uk form for 'Kyiv'" in info.value.message
    assert not (project / "glossary" / "en-de.toml").exists()


def test_what_import_refuses(project):
    glossary = project / "glossary"
    source = write(project, "termbase.tbx", TERMBASE)
    write(glossary, "termbase.toml", "")
    with pytest.raises(InputFileError, match="already exists"):
        import_glossary(source, glossary, ["de", "uk"])
    result = import_glossary(source, glossary, ["de", "uk"], to=glossary / "more.toml")
    assert result.target.is_file()
    with pytest.raises(InputFileError, match="in the glossary folder"):
        import_glossary(write(glossary, "x.tbx", TERMBASE), glossary, ["de", "uk"])
    with pytest.raises(InputFileError, match="cannot import"):
        import_glossary(write(project, "x.toml", NAMES), glossary, ["de", "uk"])
    with pytest.raises(L10nError, match="written as TOML"):
        import_glossary(source, glossary, ["de", "uk"], to=project / "x.tsv")
    with pytest.raises(InputFileError, match=r"cannot read"):
        import_glossary(project / "missing.tbx", glossary, ["de", "uk"])


def test_names_of_one_imported_term_in_two_glossary_terms(project):
    source = write(project, "en-de.csv", "en,variants,de,uk\nKursk,Putin,Kursk,Курськ\n")
    with pytest.raises(InputFileError, match="belong to two terms"):
        import_glossary(source, project / "glossary", ["de", "uk"])
