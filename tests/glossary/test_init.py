"""The package as other code sees it: what importing it loads, what it exports."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

import l10n.glossary


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_importing_the_glossary_does_not_load_pymorphy():
    code = (
        "import sys, l10n.glossary, l10n.qa.registry; l10n.qa.registry.all_checks(); "
        "g = l10n.glossary.load_glossary('glossary'); g.terms_in('Putin in Kursk'); "
        "g.violations('sq', 'Putin', 'Putini'); print('pymorphy3' in sys.modules)"
    )
    assert _run(code) == "False"


def test_the_glossary_never_imports_the_checks(tmp_path):
    # The glossary check imports the glossary, never the reverse: every use of
    # the glossary runs without the QA framework loaded.
    code = (
        "import sys, l10n.glossary as G; g = G.load_glossary('glossary'); "
        "g.violations('uk', 'Putin in Kursk', 'Путина в Курске'); "
        "g.enforce('ru', 'Sudzha', 'Судзхи'); g.note_for('sq', 'Kursk'); "
        f"G.export_tbx(g, {str(tmp_path / 'g.tbx')!r}); "
        "print(sorted(m for m in sys.modules if m.startswith(('l10n.qa', 'l10n.check'))))"
    )
    assert _run(code) == "[]"


def test_the_public_names():
    assert set(l10n.glossary.__all__) == {
        "GLOSSARY_SUFFIXES",
        "RULES",
        "Enforced",
        "Glossary",
        "LangForms",
        "Term",
        "Violation",
        "export_deepl_tsv",
        "export_tbx",
        "import_glossary",
        "load_glossary",
    }
    assert all(hasattr(l10n.glossary, name) for name in l10n.glossary.__all__)
    assert l10n.glossary.GLOSSARY_SUFFIXES == (".toml", ".tsv", ".csv", ".tbx")
