"""docs/glossary.md: its examples are glossaries l10n loads as described."""

from __future__ import annotations

import re

from conftest import REPO

from glossary.samples import write
from l10n.glossary import load_glossary

DOC = (REPO / "docs" / "glossary.md").read_text(encoding="utf-8")


def test_the_examples_load(tmp_path):
    toml, tsv = (m.group(1) for m in re.finditer(r"```\w*\n(.*?)```", DOC, re.S))
    write(tmp_path, "names.toml", toml)
    write(tmp_path, "table.tsv", tsv.replace("Bloomberg", "DW Akademie"))
    gloss = load_glossary(tmp_path)
    assert gloss.languages == ("uk", "de")
    sudzha = gloss.term("Sudža")
    assert sudzha.forms["uk"].forbidden == ("Судзха",) and sudzha.forms["de"].canonical == "Sudscha"
    assert gloss.term("Bloomberg").dnt and gloss.term("DW Akademie").dnt
    assert gloss.term("Ulanok").forms["uk"].forbidden == ("Уланек", "Уланак")


def test_the_help_points_to_the_docs():
    from l10n.cli.glossary import glossary

    assert "docs/glossary.md" in (glossary.help or "")
