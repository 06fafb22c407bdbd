"""The ``length`` check (:mod:`l10n.qa.checks.length`)."""

from __future__ import annotations

from l10n.qa.base import Severity
from qa.checks.samples import REGISTERED, only


def test_length_outliers_are_warnings():
    msgid = "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea."
    (problem,) = only("length", "uk", msgid, "Росія контролює Крим.")
    assert "shorter" in problem.message
    assert REGISTERED["length"].severity is Severity.WARNING
    long = "Наразі Росія контролює приблизно п’яту частину території України, зокрема Крим. " * 3
    (problem,) = only("length", "ru", msgid, long)
    assert "longer" in problem.message


def test_length_is_not_judged_for_short_sources_and_allows_normal_variation():
    assert only("length", "uk", "World", "Світ навколо нас сьогодні і завжди") == []
    assert only("length", "sq", "The link was copied", "Lidhja u kopjua") == []
    assert (
        only("length", "sq", "Kursk becomes Putin's nightmare", "Kursku bëhet makthi i Putinit")
        == []
    )
