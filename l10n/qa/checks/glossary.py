"""The ``glossary`` check: names in their fixed forms, as the glossary says.

The glossary itself (:mod:`l10n.glossary`) knows nothing of checks; this
module turns its violations into problems, with the repair where there is one.
"""

from __future__ import annotations

from collections.abc import Iterable

from l10n.qa.base import CheckContext, Problem, Severity, Unit, check


@check(
    "glossary",
    Severity.ERROR,
    "Glossary names must appear in their fixed forms (any inflection); forbidden variants "
    "and transliterated do-not-translate names are errors.",
)
def check_glossary(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    glossary = ctx.glossary
    if glossary is None or not unit.msgstr:
        return ()
    lang = glossary.language_of(ctx.lang)
    if lang is None:
        return ()
    return [
        Problem(
            message=v.message,
            term=v.term.en,
            expected=v.expected,
            found=v.found,
            fixed=v.apply(unit.msgstr),
        )
        for v in glossary.violations(lang, unit.msgid, unit.msgstr)
    ]


CHECKS = (check_glossary,)
