"""The light install: checking needs no machine translation (nor torch).

``pip install l10n`` must give a working ``l10n check``, ``status``,
``build``, ``glossary`` and ``init``; ``translate`` and ``models`` say what
to install.  A subprocess hides the MT modules (as if never installed) and
runs the commands for real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO

# Run the CLI with argostranslate, ctranslate2, sentencepiece and torch
# unimportable, exactly as in an environment that never installed them.
HIDDEN = """
import importlib.abc, importlib.machinery, sys
HIDE = {"argostranslate", "ctranslate2", "sentencepiece", "torch", "stanza"}
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        return importlib.machinery.ModuleSpec(name, None) if name.split(".")[0] in HIDE else None
# find_spec() of a hidden top-level module must say "not installed".
real = importlib.util.find_spec
importlib.util.find_spec = lambda name, *a: None if name.split(".")[0] in HIDE else real(name, *a)
sys.meta_path.insert(0, Hide())
for name in list(sys.modules):
    if name.split(".")[0] in HIDE:
        del sys.modules[name]
from l10n.cli import main
sys.argv = ["l10n", *sys.argv[1:]]
main()
"""


def light(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", HIDDEN, *args], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture
def shipped(project) -> Path:
    shutil.copytree(REPO / "locales", project / "locales")
    return project


def test_the_package_depends_on_no_machine_translation():
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    heavy = ("argostranslate", "ctranslate2", "sentencepiece", "torch")
    assert not [d for d in meta["dependencies"] if d.startswith(heavy)]
    assert {d.split(">")[0] for d in meta["optional-dependencies"]["mt"]} >= set(heavy[:3])


def test_checking_works_without_machine_translation(shipped):
    for command in (["check"], ["status"], ["build"], ["glossary", "list"], ["--help"]):
        result = light(*command, cwd=shipped)
        assert result.returncode == 0, (command, result.stderr)
    # translate needs no model when translation memory covers every sentence.
    assert light("translate", "--to", "uk", cwd=shipped).returncode == 0


def test_machine_translation_says_what_to_install(shipped):
    with (shipped / "source" / "kursk.en.txt").open("a", encoding="utf-8") as f:
        f.write("\nA sentence no reviewer has seen yet.\n")
    before = (shipped / "locales" / "uk" / "kursk.po").read_bytes()
    for command in (["translate", "--to", "uk"], ["models", "list"], ["models", "install", "uk"]):
        result = light(*command, cwd=shipped)
        assert result.returncode == 2, (command, result.stderr)
        assert 'pip install "l10n[mt]"' in result.stderr
        assert "Traceback" not in result.stderr
    assert (shipped / "locales" / "uk" / "kursk.po").read_bytes() == before
