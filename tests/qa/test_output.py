"""The output formats of ``l10n check`` (:mod:`l10n.qa.output`)."""

from __future__ import annotations

import json
import re

from l10n.qa.output import format_github, format_text
from l10n.qa.runner import Finding
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, run, set_msgstr


def test_json_output_carries_every_field(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    result = run("--format", "json", "locales")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert len(findings) == 1
    f = findings[0]
    assert f["file"] == "locales/uk/kursk.po"
    assert f["lang"] == "uk"
    assert f["msgid"] == RUSSIA_FIFTH
    assert f["msgstr"] == UK_WITH_RUSSIAN_PUTIN
    assert f["term"] == "Putin"
    assert f["expected"] == "Путін"
    assert f["found"] == "Путин"
    assert f["rule"] == f["check"] == "glossary"
    assert f["severity"] == "error"
    assert isinstance(f["line"], int) and f["line"] > 0


def test_github_output_is_workflow_annotations(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    result = run("--format", "github", "locales")
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert re.match(
        r"::error file=locales/uk/kursk\.po,line=\d+,title=l10n glossary \(uk\)::", line
    )
    assert "[glossary]" in line


def _finding(severity: str, message: str, file: str = "locales/uk/kursk.po") -> Finding:
    return Finding(file, 7, "uk", "msgid", "msgstr", "spacing", severity, message)


def test_text_output_counts_errors_and_warnings_in_words():
    assert format_text([], 1) == "1 file checked: 0 errors, 0 warnings"
    findings = [_finding("error", "one"), _finding("warning", "two"), _finding("error", "three")]
    lines = format_text(findings, 3).splitlines()
    assert lines[0] == "locales/uk/kursk.po:7: uk: error: [spacing] one"
    assert lines[-1] == "3 files checked: 2 errors, 1 warning"


def test_github_output_escapes_what_would_end_a_command():
    (line,) = format_github([_finding("warning", "50% off\nnext", file="a,b:c.po")]).splitlines()
    assert line == (
        "::warning file=a%2Cb%3Ac.po,line=7,title=l10n spacing (uk)::[spacing] 50%25 off%0Anext"
    )
    assert format_github([]) == ""
