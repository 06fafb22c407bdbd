"""Which checks exist (:mod:`l10n.qa.registry`): names, severities, modules,
``--select``, ``--disable`` and ``--list``."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import REPO

import l10n.qa.checks
from l10n.cli import cli
from l10n.errors import L10nError
from l10n.qa import registry
from l10n.qa.base import Check
from l10n.qa.checks import (
    blank,
    brackets,
    glossary,
    language,
    length,
    links,
    numbers,
    placeholders,
    punctuation,
    quotes,
    spelling,
    units,
    untranslated,
    words,
)
from l10n.qa.registry import CHECK_MODULES, all_checks, select_checks
from qa.checks.samples import QA_CHECKS, REGISTERED
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, run, set_msgstr

# Each check and the module that defines it.
FAMILIES = {
    "numbers": numbers,
    "extra-numbers": numbers,
    "language": language,
    "untranslated": untranslated,
    "punctuation": punctuation,
    "whitespace": punctuation,
    "spacing": punctuation,
    "quotes": quotes,
    "length": length,
    "glossary": glossary,
    "placeholders": placeholders,
    "blank": blank,
    "brackets": brackets,
    "bracket-count": brackets,
    "links": links,
    "units": units,
    "doubled-words": words,
    "foreign-words": words,
    "start-capital": words,
    "spelling": spelling,
}


def test_the_qa_checks_are_registered_with_their_severity():
    for name, severity in QA_CHECKS.items():
        check = REGISTERED[name]
        assert check.severity is severity
        assert check.summary.endswith(".") and len(check.summary) > 40
        assert check in FAMILIES[name].CHECKS
        assert check.func.__module__ == FAMILIES[name].__name__


def test_select_runs_only_the_named_checks(locales):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN + "  ")  # glossary + whitespace
    both = run("--format", "json", "locales")
    assert {f["check"] for f in json.loads(both.stdout)} == {"glossary", "whitespace"}
    only = run("--format", "json", "--select", "glossary", "locales")
    assert only.exit_code == 1
    assert {f["check"] for f in json.loads(only.stdout)} == {"glossary"}
    assert run("--select", "numbers,quotes", "locales").exit_code == 0
    unknown = run("--select", "glosary", "locales")
    assert unknown.exit_code == 2
    assert "unknown check: glosary" in unknown.stderr


def test_unknown_check_name_is_a_usage_error(locales):
    result = run("--disable", "nonsense", "locales")
    assert result.exit_code == 2
    assert "unknown check: nonsense" in result.stderr


def test_list_explains_every_check():
    result = CliRunner().invoke(cli, ["check", "--list"])
    assert result.exit_code == 0
    names = re.findall(r"^(\S+) \((error|warning)\)$", result.stdout, flags=re.M)
    assert {"glossary", "numbers", "language", "untranslated", "punctuation", "quotes"} <= {
        n for n, _ in names
    }


# --- the registry is explicit -----------------------------------------------------------


def test_every_check_module_lists_its_checks_and_the_registry_lists_each_once():
    package = {m.name for m in pkgutil.iter_modules(l10n.qa.checks.__path__)}
    assert {m.__name__.rsplit(".", 1)[1] for m in CHECK_MODULES} == {
        name for name in package if not name.startswith("_")
    }
    listed = [check for module in CHECK_MODULES for check in module.CHECKS]
    for module in CHECK_MODULES:
        assert isinstance(module.CHECKS, tuple)
        assert all(isinstance(check, Check) for check in module.CHECKS)
        # A check defined but left out of CHECKS would never run.
        defined = {v for v in vars(module).values() if isinstance(v, Check)}
        assert defined == set(module.CHECKS), module.__name__
    names = [check.name for check in listed]
    assert sorted(names) == sorted(set(names)) == sorted(FAMILIES)
    assert list(all_checks()) == names
    assert all(all_checks()[check.name] is check for check in listed)


def test_a_name_defined_twice_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "CHECK_MODULES", (numbers, length, numbers))
    with pytest.raises(ValueError, match="'numbers' defined twice"):
        all_checks()


def test_all_checks_is_a_new_dict_each_time():
    checks = all_checks()
    checks.clear()
    assert sorted(all_checks()) == sorted(FAMILIES)


def test_importing_a_check_module_registers_nothing():
    code = (
        "import sys, l10n.qa.base as base, l10n.qa.checks.numbers as numbers; "
        "print(sorted(m for m in sys.modules if m.startswith('l10n.qa'))); "
        "print(type(numbers.CHECKS).__name__, [c.name for c in numbers.CHECKS]); "
        "import l10n.qa, l10n.qa.checks as package; "
        "print(sorted(k for m in (l10n.qa, package, base) for k, v in vars(m).items() "
        "if not k.startswith('__') and isinstance(v, dict | list | set)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    modules, checks, mutable = out.stdout.splitlines()
    # Neither the registry nor the other check modules came along.
    assert modules == str(
        [
            "l10n.qa",
            "l10n.qa.base",
            "l10n.qa.checks",
            "l10n.qa.checks._text",
            "l10n.qa.checks.numbers",
        ]
    )
    assert checks == "tuple ['numbers', 'extra-numbers']"
    assert mutable == "[]"  # no registry for an import to fill


def test_select_checks_sorts_selects_and_disables():
    assert [c.name for c in select_checks()] == sorted(FAMILIES)
    assert [c.name for c in select_checks(select=["quotes", "numbers"])] == ["numbers", "quotes"]
    assert "glossary" not in [c.name for c in select_checks(disable=["glossary"])]
    assert select_checks(disable=["length"], select=["length"]) == []
    with pytest.raises(L10nError) as error:
        select_checks(select=["glosary"])
    assert str(error.value).startswith("unknown check: glosary")
    assert "known checks: blank, bracket-count, brackets, doubled-words," in str(error.value)
