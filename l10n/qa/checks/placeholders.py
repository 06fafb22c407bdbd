"""The ``placeholders`` check: the tags of a Markdown or HTML sentence in its
translation.

A msgid from a document carries its inline markup as numbered tags (``<1>``
... ``</1>``, ``<2/>``).  The build puts the markup back where the tags are,
so each tag of the msgid must appear in the msgstr exactly once and nest as
tags nest; a translation that breaks them is left out of the built
document (its sentence stays in the source language).
"""

from __future__ import annotations

from collections.abc import Iterable

from l10n.documents.placeholders import compare, has_placeholders
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check


@check(
    "placeholders",
    Severity.ERROR,
    "the numbered tags of a Markdown/HTML sentence (<1>...</1>, <2/>) are all in the "
    "translation, once each, nested as in the source.",
)
def check_placeholders(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if "<" not in unit.msgid and "<" not in unit.msgstr:
        return ()  # the usual case: no tag without a "<"
    if not (has_placeholders(unit.msgid) or has_placeholders(unit.msgstr)):
        return ()
    return [Problem(f"markup tags: {problem}") for problem in compare(unit.msgid, unit.msgstr)]


CHECKS = (check_placeholders,)
