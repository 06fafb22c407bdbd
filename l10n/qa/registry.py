"""Which checks exist: the ``CHECKS`` of every check module, by name.

The list of modules is written out rather than discovered, so that the set of
checks is what this file says, whatever else was imported before; and no
module registers anything when it is imported.
"""

from __future__ import annotations

from collections.abc import Iterable

from l10n.errors import L10nError
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

# In this order in ``all_checks()``; runs and ``l10n check --list`` sort by name.
CHECK_MODULES = (
    numbers,
    language,
    untranslated,
    punctuation,
    quotes,
    length,
    glossary,
    placeholders,
    blank,
    brackets,
    links,
    units,
    words,
    spelling,
)


def all_checks() -> dict[str, Check]:
    """Every known check by name (a new dict: callers may change it)."""
    checks: dict[str, Check] = {}
    for module in CHECK_MODULES:
        for check in module.CHECKS:
            if check.name in checks:
                raise ValueError(f"check {check.name!r} defined twice")
            checks[check.name] = check
    return checks


def select_checks(disable: Iterable[str] = (), select: Iterable[str] = ()) -> list[Check]:
    """The checks to run: the selected ones (default: all) minus the disabled
    ones; unknown names are an input error."""
    checks = all_checks()
    disabled, selected = set(disable), set(select)
    unknown = sorted((disabled | selected) - set(checks))
    if unknown:
        raise L10nError(
            f"unknown check: {', '.join(unknown)}",
            hint=f"known checks: {', '.join(sorted(checks))} (see `l10n check --list`)",
        )
    return [
        c
        for name, c in sorted(checks.items())
        if name not in disabled and (not selected or name in selected)
    ]
