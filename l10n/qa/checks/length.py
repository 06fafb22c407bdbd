"""The ``length`` check: a translation far shorter or longer than expected,
a hint that something was left out or added.
"""

from __future__ import annotations

from collections.abc import Iterable

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import norm_space, target_lang

# Expected length of a translation relative to the English source, in
# characters, for news prose (measured on the Kursk article and typical
# EN->sq/uk/ru news translations: Albanian runs 10-15 % longer, Ukrainian and
# Russian about as long as English).
EXPECTED_RATIO = {"sq": 1.08, "uk": 0.97, "ru": 1.0}
# Flag below/above these multiples of the expected ratio ...
RATIO_BOUNDS = (0.5, 2.0)
# ... widened for short sources, whose length varies more with wording
# (a 25-letter headline easily doubles): from 20 to 60 characters.
SHORT_RATIO_BOUNDS = (0.4, 2.5)
LENGTH_MIN_SOURCE = 20  # below this, no verdict at all
LENGTH_SHORT_SOURCE = 60


@check(
    "length",
    Severity.WARNING,
    "A translation far shorter or longer than the source for the language pair (sq ~1.1, uk "
    "and ru ~1.0 of the English length; flagged below half or above twice that, wider for "
    "sources under 60 characters, never for sources under 20): something left out or added.",
)
def check_length(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if len(unit.msgid) < LENGTH_MIN_SOURCE:
        return ()  # (spacing only ever makes it shorter)
    source = norm_space(unit.msgid)
    target = norm_space(unit.msgstr)
    if len(source) < LENGTH_MIN_SOURCE or not target:
        return ()
    lang = target_lang(ctx)
    expected = EXPECTED_RATIO.get(lang, 1.0)
    low, high = RATIO_BOUNDS if len(source) >= LENGTH_SHORT_SOURCE else SHORT_RATIO_BOUNDS
    ratio = len(target) / len(source)
    if low * expected <= ratio <= high * expected:
        return ()
    return (_problem(lang, source, target, ratio, expected, low, high),)


def _problem(
    lang: str, source: str, target: str, ratio: float, expected: float, low: float, high: float
) -> Problem:
    what = "shorter" if ratio < low * expected else "longer"
    advice = "a part may be missing" if what == "shorter" else "text may be added or repeated"
    return Problem(
        f"the translation is much {what} than the source: {len(target)} vs {len(source)} "
        f"characters ({ratio:.0%}; {languages.name(lang)} usually runs about {expected:.0%}); "
        f"{advice}",
        expected=f"{low * expected:.0%}-{high * expected:.0%} of the source length",
        found=f"{ratio:.0%}",
    )


CHECKS = (check_length,)
