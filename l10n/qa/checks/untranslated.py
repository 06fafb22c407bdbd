"""The ``untranslated`` check: the translation is the English source unchanged.

Identical text is fine when nothing in it needs translating (numbers, URLs,
acronyms, brands, do-not-translate terms) and, in Latin-script targets, when
it is names only (Kursk, Donald Trump).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import (
    LATIN_TARGETS,
    WORD,
    file_state,
    same_text,
    shorten,
    split_words,
    strip_names,
    target_lang,
)

# Capitalized English words that are no names: titles and page furniture
# ("World", "Sport", "Read more") left in English in an Albanian file.
COMMON_EN = frozenset(
    split_words(
        """
    a about after ago all also an and april are as at august back be before breaking business
    by comments contact copied copyright culture day days december economy editorial february
    for from health home hours in interview is it january july june latest link live local march
    may min minutes month months more most news november october of on opinion or photo
    photos politics popular read region related rights reserved science search september share
    society sport sports technology the this to today top video videos war week world year years
    yesterday you your new old first last next previous page home menu close open more less
    president government army troops people country war peace north south east west eastern
    western union european state states city town village border military
    """
    )
)


def _lowercase_source_words(ctx: CheckContext) -> set[str]:
    """Words the file's sources also write in lowercase: common words, not names."""
    state = file_state(ctx, "untranslated")
    if "lower" not in state:
        state["lower"] = {
            w for u in ctx.units for w in WORD.findall(u.msgid) if w.islower() and len(w) > 1
        }
    return state["lower"]


def _brand_like(word: str) -> bool:
    """KosovaPress, YouTube, iPhone: internal capitals, kept as is in any script."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _name_like(word: str, ctx: CheckContext) -> bool:
    low = word.lower()
    return (
        word[0].isupper()
        and low not in COMMON_EN
        and low not in _lowercase_source_words(ctx)
        and low.split("'")[0].split("’")[0] not in COMMON_EN
    )


@check(
    "untranslated",
    Severity.ERROR,
    "The translation is identical to the English source. Allowed when the source is only "
    "numbers, symbols, URLs, hashtags, acronyms or do-not-translate terms, and in Albanian "
    "for names that stay the same (Kursk, Donald Trump).",
)
def check_untranslated(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if not same_text(unit.msgid, unit.msgstr):
        return ()  # the usual case
    return list(_untranslated(unit, ctx))


def _untranslated(unit: Unit, ctx: CheckContext) -> Iterator[Problem]:
    lang = target_lang(ctx)
    rest = strip_names(unit.msgid, ctx, "untranslated")
    words = WORD.findall(rest)
    words = [w for w in words if not _brand_like(w)]
    if not words:
        return  # numbers, symbols, URLs, acronyms, brands, do-not-translate terms only
    if lang in LATIN_TARGETS and all(_name_like(w, ctx) for w in words):
        return  # Kursk -> Kursk, Donald Trump -> Donald Trump
    yield Problem(
        f"the translation is identical to the source: still English, not {languages.name(lang)}",
        expected=f"a {languages.name(lang)} translation",
        found=shorten(unit.msgstr.strip()),
    )


CHECKS = (check_untranslated,)
