"""The ``blank`` check: a translation that is only whitespace.

A msgstr of spaces or newlines looks translated to gettext, Poedit and the
build, yet the article would lose the sentence.  An empty msgstr is a
different thing: gettext's "untranslated", which files have while work goes
on, and ``l10n status`` counts; the check runner never hands one to a check.
So is a fuzzy entry, unless ``--include-fuzzy`` is given.  Other checks have
nothing to judge in whitespace, so the runner gives a blank translation to
this check alone (:func:`l10n.qa.runner.run_checks`).
"""

from __future__ import annotations

from collections.abc import Iterable

from l10n.qa.base import CheckContext, Problem, Severity, Unit, check

NAME = "blank"


@check(
    NAME,
    Severity.ERROR,
    "A translation that is only spaces, tabs or newlines: it looks translated but prints "
    "nothing. An empty translation is untranslated, which `l10n status` counts and no "
    "check reports.",
)
def check_blank(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if not unit.msgstr.isspace() or unit.msgid.isspace():
        return ()  # text (or nothing at all: never handed to a check)
    return [
        Problem(
            f"the translation is only whitespace ({_describe(unit.msgstr)}); translate it, "
            "or empty it to leave it untranslated",
            expected="a translation",
            found=repr(unit.msgstr),
        )
    ]


def _describe(text: str) -> str:
    counts = {
        "space": text.count(" ") + text.count("\u00a0"),
        "tab": text.count("\t"),
        "newline": text.count("\n"),
    }
    parts = [f"{n} {what}{'s' if n != 1 else ''}" for what, n in counts.items() if n]
    return ", ".join(parts) or f"{len(text)} blank characters"


CHECKS = (check_blank,)
