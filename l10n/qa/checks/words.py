"""The ``doubled-words``, ``foreign-words`` and ``start-capital`` checks: slips
in single words that a reviewer reading for meaning skims over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import compress, count, pairwise

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import (
    WORD,
    remaining_words,
    split_words,
    target_lang,
    target_script,
    tokens_of,
)

# --- doubled words -------------------------------------------------------------------

# Doubled words that are grammar, not slips: Albanian "të të" (particle and
# pronoun: "dua të të shoh"), Russian and Ukrainian "что что бы ни" / "що що б
# не", English "had had", "that that".  Reduplication such as еле-еле,
# ледве-ледве or dita-ditës is hyphenated, one word, and never seen as doubled.
LEGIT_DOUBLES = {
    "sq": frozenset({"të"}),
    "ru": frozenset({"что"}),
    "uk": frozenset({"що"}),
    "en": frozenset({"had", "that"}),
}
_OPENERS = "\"'«„“‘‹([{¿¡—–-"
_CLOSERS = "\"'»”’›)]}.,;:!?…"


@check(
    "doubled-words",
    Severity.ERROR,
    "The same word twice in a row ('на на', 'The the'). Not reported: words with digits, "
    "words doubled in the source too (Bora Bora), doubles the grammar allows (Albanian "
    "'të të'), a pause between them ('Так, так'); hyphenated reduplication (еле-еле) is one "
    "word.",
)
def check_doubled_words(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    tokens = tokens_of(unit.msgstr)
    if len(tokens) < 2:
        return ()
    # Where a token starts the next one ("на на", "the the.", but also "на
    # наступ"), found in C; and the first word said again, after a quote or
    # in another case ("«На на").  Further on, a double in another case or
    # after an opening quote (". На на", ": «на на") is not looked for.
    at = list(compress(count(), map(str.startswith, tokens[1:], tokens)))
    first = tokens[0].lstrip(_OPENERS).lower()
    if first == tokens[1].rstrip(_CLOSERS).lower() and 0 not in at:
        at.insert(0, 0)
    if not at:
        return ()  # the usual case
    doubled = [
        word
        for i in at
        if (word := tokens[i].lstrip(_OPENERS).lower()) == tokens[i + 1].rstrip(_CLOSERS).lower()
        and _is_word(word)
    ]
    return list(_doubled(unit, ctx, doubled)) if doubled else ()


def _doubled(unit: Unit, ctx: CheckContext, doubled: list[str]) -> Iterator[Problem]:
    allowed = LEGIT_DOUBLES.get(target_lang(ctx), frozenset())
    source = unit.msgid.lower().split()
    in_source = {a.lstrip(_OPENERS) for a, b in pairwise(source) if a == b}
    for word in dict.fromkeys(doubled):
        if word in allowed or word in in_source:
            continue
        yield Problem(
            f"{word!r} twice in a row",
            found=f"{word} {word}",
            expected=word,
            fixed=_undouble(unit.msgstr, word),
        )


def _is_word(token: str) -> bool:
    """Letters only (inner apostrophes and hyphens allowed): no number, no dash."""
    return WORD.fullmatch(token) is not None


def _undouble(text: str, word: str) -> str | None:
    """``text`` with the first doubling of ``word`` made single (the first
    occurrence kept, with its case)."""
    pattern = re.compile(
        rf"(?<!\w)({re.escape(word)})\s+{re.escape(word)}(?!\w)", re.IGNORECASE | re.UNICODE
    )
    fixed = pattern.sub(r"\1", text, count=1)
    return fixed if fixed != text else None


# --- foreign words -------------------------------------------------------------------

# Frequent English words: one of them in lowercase Latin letters inside a
# Cyrillic translation is English left behind even when the source does not
# have it (the words copied from the source are caught anyway).
COMMON_EN = frozenset(
    split_words(
        """
    a about above after again against all also although always am among an and another any
    are around as at away back be because become becomes been before being below between both
    but by call called came can city come could country day days did do does done down during
    each early end even ever every few first for found four from full get give given go going
    good got government great had has have having he her here him his home how however if in
    including into is it its just know last late later least left less life like little long
    made make many may me men might more most much must my near need never new news next no
    nor not now number of off often old on once one only or other others our out over own part
    people per place police president put said same say says see seen set she should show
    since so some state states still such take than that the their them then there these they
    thing think this those though three through time to today told too toward two under until
    up upon us use used very want war was way we week well were what when where whether which
    while who whole whom whose why will with within without woman women work world would year
    years yet you your
    """
    )
)
_LATIN_LOWER = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
_LATIN_RUN = re.compile(rb"[A-Za-z]+")
FOREIGN_MIN_LETTERS = 2  # single letters are list markers and variables


@check(
    "foreign-words",
    Severity.ERROR,
    "An English word left in a Cyrillic-script translation (uk, ru, bg, mk, be, sr, kk ...: "
    "any language CLDR writes in Cyrillic): a lowercase Latin word that "
    "the source has too, or a frequent English word. Names and brands (any capital), "
    "acronyms, do-not-translate terms, URLs, e-mail addresses, hashtags and domain names are "
    "not reported, nor a translation mostly in English (the language and untranslated "
    "checks report it); Latin-script targets are left to the language check.",
)
def check_foreign_words(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    if target_script(ctx) != "Cyrl":
        return ()
    # The text's ASCII alone (taken out in C): where it has no lowercase
    # letter, or only in words with a capital (Bloomberg), there is nothing to
    # find, and the text need not be searched.
    latin = unit.msgstr.encode("ascii", "ignore")
    if latin.upper() == latin or all(r[:1].isupper() for r in _LATIN_RUN.findall(latin)):
        return ()  # the usual case
    return list(_foreign(unit, ctx, target_lang(ctx)))


def _foreign(unit: Unit, ctx: CheckContext, lang: str) -> Iterator[Problem]:
    words = remaining_words(unit.msgstr, ctx)
    latin = [w for w in words if len(w) >= FOREIGN_MIN_LETTERS and _LATIN_LOWER.fullmatch(w)]
    if not latin or len(latin) * 2 > len(words):
        return  # none; or English through and through: the language check's finding
    source = {w.lower() for w in WORD.findall(unit.msgid)}
    for word in dict.fromkeys(latin):
        if word in source or word in COMMON_EN:
            yield Problem(
                f"{word!r} is English, left in the {languages.name(lang)} translation",
                found=word,
                expected=f"a {languages.name(lang)} word",
            )


# --- start with a capital ------------------------------------------------------------

_ELLIPSIS_START = ("…", "...")


@check(
    "start-capital",
    Severity.ERROR,
    "The translation starts with a lowercase letter where the source starts with a capital. "
    "Not reported: either text starting with a digit or an ellipsis, a first word written "
    "that way by design (iPhone, eBay, or as the source has it), letters without case, and "
    "a fragment (no final punctuation) whose capital is a name's the translation moved "
    "('Chatham House think tank' -> 'аналитический центр Chatham House').",
)
def check_start_capital(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    target_at = _first_alnum(unit.msgstr)
    if target_at < 0 or not unit.msgstr[target_at].islower():
        return ()  # the usual case; digits and letters without case end here too
    source_at = _first_alnum(unit.msgid)
    if source_at < 0 or not unit.msgid[source_at].isupper():
        return ()
    return list(_lowercase_start(unit, target_at))


def _lowercase_start(unit: Unit, target_at: int) -> Iterator[Problem]:
    first = unit.msgstr[target_at]
    if unit.msgid.lstrip().startswith(_ELLIPSIS_START) or unit.msgstr.lstrip().startswith(
        _ELLIPSIS_START
    ):
        return  # a continuation ("…and then")
    m = WORD.match(unit.msgstr, target_at)
    word = m.group() if m else first
    if any(c.isupper() for c in word[1:]) or word in WORD.findall(unit.msgid):
        return  # iPhone, eBay; a word kept as the source writes it
    if _name_first_fragment(unit.msgid, unit.msgstr):
        return
    fixed = unit.msgstr[:target_at] + first.upper() + unit.msgstr[target_at + 1 :]
    yield Problem(
        f"the source starts with a capital, the translation with {word!r}",
        expected=word[:1].upper() + word[1:],
        found=word,
        fixed=fixed if fixed != unit.msgstr else None,
    )


_SENTENCE_END = ".!?…:;"


def _name_first_fragment(source: str, translation: str) -> bool:
    """Whether ``source`` is a fragment (no final punctuation) that starts with
    a capital because it starts with a name: an acronym (F-16 jets, EU
    leaders), a name the translation keeps further on (Chatham House think
    tank), or a name alone (St. Petersburg Policy Foundation, two or more
    words and each with a capital).  The translation may put a common noun
    first ("истребители F-16", "фонд «Петербурзька політика»")."""
    text = source.strip().rstrip("\"'»”’)]")
    if not text or text[-1] in _SENTENCE_END:
        return False
    words = text.split()
    first = words[0].strip("\"'«„“‘([")
    return (
        not any(c.islower() for c in first)
        or first in translation
        or (len(words) > 1 and all(w[:1].isupper() for w in words))
    )


def _first_alnum(text: str) -> int:
    """Where the first letter or digit of ``text`` is, or -1."""
    for i, ch in enumerate(text):
        if ch.isalnum():
            return i
    return -1


CHECKS = (check_doubled_words, check_foreign_words, check_start_capital)
