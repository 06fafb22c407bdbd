"""The ``l10n glossary`` commands, and ``l10n check`` on a German PO file with
a German glossary, through click's CliRunner."""

from __future__ import annotations

import json
import traceback

import pytest
from click.testing import CliRunner, Result

from glossary.samples import write
from l10n.cli import cli

GLOSSARY = """\
[Kyiv]
variants = ["Kiev"]
de = "Kyjiw"
uk = "Київ"
accepted.de = ["Kiew"]
forbidden.de = ["Kijew"]
forbidden.uk = ["Киев"]

[Bloomberg]
dnt = true
forbidden.uk = ["Блумберг"]
"""


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), prog_name="l10n")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        pytest.fail("".join(traceback.format_exception(result.exception)), pytrace=False)
    return result


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A German and Ukrainian project, run from a subfolder."""
    write(tmp_path, "l10n.toml", '[project]\nlanguages = ["de", "uk"]\n')
    write(tmp_path / "glossary", "names.toml", GLOSSARY)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def test_help_summarises_the_format_and_points_to_the_docs():
    result = run("glossary", "--help")
    assert result.exit_code == 0
    for words in ("forbidden.uk", "dnt = true", "en-de.csv", "TBX-Basic", "docs/glossary.md"):
        assert words in result.stdout


def test_list_says_how_each_language_matches(project):
    result = run("glossary", "list")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Matching:",
        "  de: exact forms + accepted",
        "  uk: inflection (pymorphy3)",
        "",
        "Kyiv (Kiev): de: Kyjiw; uk: Київ",
        "Bloomberg: do not translate",
    ]
    listed = json.loads(run("glossary", "list", "--json", "--lang", "de").stdout)
    assert listed[0]["forms"] == {
        "de": {"canonical": "Kyjiw", "accepted": ["Kiew"], "forbidden": ["Kijew"]}
    }


def test_the_project_languages_apply(project):
    write(project, "l10n.toml", '[project]\nlanguages = ["de", "pl"]\n')
    result = run("glossary", "list")
    assert result.exit_code == 2
    assert "names.toml:1: no pl form for 'Kyiv'" in result.stderr


def test_export_tbx_and_tsv(project):
    result = run("glossary", "export", "--tbx", "g.tbx", "--tsv", "en-de.tsv", "--to", "de")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["g.tbx: 2 terms", "en-de.tsv: 3 entries, en -> de"]
    assert (project / "sub" / "en-de.tsv").read_text(encoding="utf-8") == (
        "Kyiv\tKyjiw\nKiev\tKyjiw\nBloomberg\tBloomberg\n"
    )
    assert result.stderr == ""
    named = run("glossary", "export", "--tsv", "deepl.tsv", "--to", "uk")
    assert "name it like en-uk.tsv" in named.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "--tbx FILE or --tsv FILE --to LANG"),
        (("--tsv", "x.tsv"), "--tsv needs --to"),
        (("--tbx", "x.tbx", "--to", "de"), "--to goes with --tsv"),
        (("--tsv", "x.tsv", "--to", "pl"), "the glossary has no language 'pl'"),
    ],
)
def test_export_usage_errors(project, args, message):
    result = run("glossary", "export", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_import(project):
    write(project, "en-de.csv", "Sudzha,Sudscha\n")
    write(project, "en-uk.csv", "Sudzha,Суджа\n")
    refused = run("glossary", "import", "../en-de.csv")
    assert refused.exit_code == 2
    assert "en-de.csv:1: no uk form for 'Sudzha'" in refused.stderr
    write(project, "both.csv", "en,de,uk\nSudzha,Sudscha,Суджа\nKyiv,Kyjiw,Київ\n")
    result = run("glossary", "import", "../both.csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "../glossary/both.toml: 1 terms imported from ../both.csv",
        "1 terms already in the glossary",
    ]
    conflict = write(project, "conflict.csv", "en,de,uk\nKiev,Kiew,Київ\n")
    result = run("glossary", "import", str(conflict))
    assert result.exit_code == 2
    assert "conflict.csv:2: conflicting entries" in result.stderr
    assert "names.toml:1" in result.stderr
    result = run("glossary", "import", str(conflict), "--replace")
    assert result.exit_code == 0, result.stderr
    assert "names.toml: 1 terms updated (Kyiv)" in result.stdout
    assert 'de = "Kiew"' in (project / "glossary" / "names.toml").read_text(encoding="utf-8")


# --- l10n check on a German PO file ---------------------------------------------------

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

msgid "The capital Kyiv."
msgstr "Die Hauptstadt Kijew."

msgid "In Kiev today."
msgstr "Heute in Kiew."

msgid "Bloomberg reports."
msgstr "Bloomberg berichtet."
"""


def test_check_a_german_po_file(project):
    po = write(project / "locales" / "de", "news.po", PO)
    result = run("check", "--glossary", "../glossary", "--format", "json", str(po))
    assert result.exit_code == 1, result.stderr
    findings = [f for f in json.loads(result.stdout) if f["check"] == "glossary"]
    assert [(f["term"], f["found"], f["expected"]) for f in findings] == [
        ("Kyiv", "Kijew", "Kyjiw")
    ]
    fixed = run("check", "--glossary", "../glossary", "--select", "glossary", "--fix", str(po))
    assert fixed.exit_code == 0, fixed.stdout
    # The repair takes the accepted form closest to what it replaces.
    assert 'msgstr "Die Hauptstadt Kiew."' in po.read_text(encoding="utf-8")
