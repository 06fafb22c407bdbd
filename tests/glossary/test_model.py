"""The glossary's records (l10n.glossary.model)."""

from __future__ import annotations

from l10n.glossary import LangForms, Term, Violation

SUDZHA = Term(
    "Sudzha",
    ("Sudža",),
    {"ru": LangForms("Суджа", ("Суджанский",), ("Судзха",))},
)


def test_lemmas_and_english_forms_start_with_the_canonical_one():
    assert SUDZHA.forms["ru"].lemmas == ("Суджа", "Суджанский")
    assert SUDZHA.english == ("Sudzha", "Sudža")
    assert LangForms("Суджа").lemmas == ("Суджа",)


def test_a_violation_repairs_its_own_span():
    v = Violation(SUDZHA, "Суджа", "Судзхи", "forbidden", "m", (3, 9), "Суджи")
    assert v.apply("из Судзхи.") == "из Суджи."


def test_a_violation_without_a_repair_changes_nothing():
    missing = Violation(SUDZHA, "Суджа", "", "missing", "m")
    assert missing.apply("Город") is None
    unknown = Violation(SUDZHA, "Суджа", "Судзхи", "forbidden", "m", (0, 6), None)
    assert unknown.apply("Судзхи") is None
    # A repair that gives back the same text is no repair (the --fix loop stops).
    same = Violation(SUDZHA, "Суджа", "Суджи", "forbidden", "m", (0, 5), "Суджи")
    assert same.apply("Суджи") is None
