"""The ``glossary`` check (l10n.qa.checks.glossary): the glossary's violations
as problems, with their repairs, for ``l10n check`` and ``--fix``."""

from __future__ import annotations

import pytest
from conftest import REPO

from l10n.glossary import Glossary, load_glossary
from l10n.qa.base import CheckContext, Severity, Unit
from l10n.qa.checks.glossary import CHECKS, check_glossary
from l10n.qa.registry import all_checks
from l10n.qa.runner import fix_msgstr


@pytest.fixture(scope="module")
def gloss() -> Glossary:
    return load_glossary(REPO / "glossary")


def run(gloss, lang, msgid, msgstr):
    return list(check_glossary(Unit(msgid, msgstr), CheckContext(lang, glossary=gloss)))


def test_check_is_registered():
    assert (check_glossary,) == CHECKS
    assert all_checks()["glossary"] is check_glossary
    assert check_glossary.name == "glossary"
    assert check_glossary.severity is Severity.ERROR
    assert check_glossary.summary == (  # what `l10n check --list` prints
        "Glossary names must appear in their fixed forms (any inflection); forbidden variants "
        "and transliterated do-not-translate names are errors."
    )


def test_check_problem_and_fix(gloss):
    (p,) = run(gloss, "ru", "southeast of Sudzha", "юго-восточнее Судзхи")
    assert (p.term, p.expected, p.found) == ("Sudzha", "Суджа", "Судзхи")
    assert p.message == 'Sudzha: expected "Суджа" (any inflected form), found "Судзхи"'
    assert p.fixed == "юго-восточнее Суджи"
    (p,) = run(gloss, "ru", "southeast of Sudzha", "юго-восточнее города")
    assert p.fixed is None
    assert run(gloss, "ru", "southeast of Sudzha", "юго-восточнее Суджи") == []
    assert run(gloss, "ru", "southeast of Sudzha", "") == []


def test_check_fix_loop_reaches_a_fixed_point(gloss):
    ctx = CheckContext("uk", glossary=gloss)
    unit = Unit("Putin, Nikolai Petrov and Sudzha", "Путин, Николай Петров и Судзха")
    checks = [check_glossary]
    fixed = fix_msgstr(unit, ctx, checks)
    assert fixed == "Путін, Микола Петров и Суджа"
    assert fix_msgstr(Unit(unit.msgid, fixed), ctx, checks) == fixed
    assert run(gloss, "uk", unit.msgid, fixed) == []


def test_check_skips_without_glossary_or_for_other_languages(gloss):
    unit = Unit("Sudzha", "Судзха")
    assert list(check_glossary(unit, CheckContext("ru"))) == []
    assert list(check_glossary(unit, CheckContext("de", glossary=gloss))) == []
    assert len(list(check_glossary(unit, CheckContext("ru_RU", glossary=gloss)))) == 1
