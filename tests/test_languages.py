"""One language normaliser: every stage agrees on what a locale code means."""

from __future__ import annotations

import json

import polib
import pytest
from click.testing import CliRunner
from conftest import REPO, msgfmt_check

from l10n import languages
from l10n.catalog import po_language
from l10n.cli import cli
from l10n.glossary import Glossary, Term
from l10n.po import format_po, read_po


@pytest.mark.parametrize(
    "code", ["uk", "UK", "uk_UA", "uk-UA", "uk-ua", "uk_UA.UTF-8", "uk@latin", " uk "]
)
def test_normalize_reduces_every_guise_to_the_base_language(code):
    assert languages.normalize(code) == "uk"


@pytest.mark.parametrize("folder", ["uk", "uk_UA", "uk-UA"])
def test_catalog_checks_and_glossary_agree_on_a_regional_folder(tmp_path, folder):
    """A folder named uk-UA was 'uk-ua' to the catalog but 'uk' to the checks
    and the glossary: a file then looked unknown to one stage and Ukrainian to
    the next."""
    path = tmp_path / folder / "kursk.po"
    po = polib.POFile()  # no Language header: the folder decides
    lang = po_language(po, path)
    assert lang == "uk"
    glossary = Glossary([Term(en="Kursk", forms={"uk": ("Курськ",)})], languages=("uk",))
    assert glossary.language_of(folder) == "uk"


@pytest.mark.parametrize("folder", ["uk_UA", "uk-UA"])
def test_check_reports_a_regional_folder_as_its_language(project, folder):
    """A file in locales/uk-UA without a Language header is Ukrainian to every
    stage: its findings say 'uk' and the glossary gate applies uk's forms."""
    po = read_po(REPO / "locales" / "uk" / "kursk.po")
    del po.metadata["Language"]
    entry = next(e for e in po if "Putin annexed" in e.msgid)
    entry.msgstr = entry.msgstr.replace("Путін", "Путин")
    (project / "locales" / folder).mkdir(parents=True)
    (project / "locales" / folder / "kursk.po").write_text(format_po(po), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "locales", "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)
    assert {f["lang"] for f in findings} == {"uk"}
    assert any(f["check"] == "glossary" and f["expected"] == "Путін" for f in findings)


def test_header_and_folder_give_the_same_language(tmp_path):
    po = polib.POFile()
    po.metadata = {"Language": "uk-UA"}
    assert po_language(po, tmp_path / "ru" / "x.po") == "uk"


def test_plural_forms_and_names_come_from_cldr():
    assert languages.plural_forms("uk").startswith("nplurals=3;")
    assert languages.plural_forms("sq") == "nplurals=2; plural=(n != 1);"
    assert languages.plural_forms("ar").startswith("nplurals=6;")  # beyond any hand table
    assert languages.plural_forms("xx") is None
    assert languages.name("uk") == "Ukrainian"
    assert languages.name("fil") == "Filipino"
    assert languages.name("xx") == "xx"
    assert languages.is_known("sq") and languages.is_known("fil")
    assert not languages.is_known("xx") and not languages.is_known("UK")


def test_number_symbols_come_from_cldr():
    assert languages.number_symbols("de") == (",", ".")
    assert languages.number_symbols("uk") == (",", "\u00a0")
    assert languages.number_symbols("en") == (".", ",")
    assert languages.number_symbols("xx") == (".", ",")


@pytest.mark.parametrize("lang", ["uk", "ar", "fil", "pl", "de"])
def test_cldr_plural_forms_pass_msgfmt(tmp_path, lang):
    """gettext must accept what CLDR writes (no outer parentheses, say)."""
    forms = languages.plural_forms(lang)
    n = int(forms.split("nplurals=")[1].split(";")[0])
    strs = "".join(f'msgstr[{i}] "x{i}"\n' for i in range(n))
    po = tmp_path / "p.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {forms}\\n"\n\nmsgid "a"\nmsgid_plural "as"\n{strs}',
        encoding="utf-8",
    )
    assert msgfmt_check(po).returncode == 0, msgfmt_check(po).stderr


@pytest.mark.parametrize(
    "code,expected",
    [
        ("uk", "Cyrl"),
        ("ru_RU", "Cyrl"),
        ("bg", "Cyrl"),
        ("mk", "Cyrl"),
        ("be", "Cyrl"),
        ("kk", "Cyrl"),
        ("sr", "Cyrl"),
        ("sr-Cyrl", "Cyrl"),
        ("sr_Latn_RS", "Latn"),
        ("sr@latin", "Latn"),
        ("sr_RS.UTF-8@latin", "Latn"),
        ("sr_ME", "Latn"),  # Montenegro writes Serbian in Latin letters
        ("uz@cyrillic", "Cyrl"),
        ("sq", "Latn"),
        ("en_GB", "Latn"),
        ("zz", None),
    ],
)
def test_script_comes_from_the_code_or_cldr(code, expected):
    assert languages.script(code) == expected
