"""The ``language`` check: the translation is in the target language.

Scripts and alphabets settle most entries (Ukrainian і ї є ґ against Russian
ы э ё, Latin text in a Cyrillic target, Cyrillic in an Albanian one); only long
segments without decisive letters go to langdetect, which guesses on short
ones.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks._text import (
    CYRILLIC_TARGETS,
    LATIN_TARGETS,
    WORD,
    dnt_strings,
    may_hold_urls_or_tags,
    same_text,
    shorten,
    split_words,
    strip_names,
    target_lang,
)


@cache
def _script(ch: str) -> str:
    """'latin', 'cyrillic', 'other' for a letter; '' for anything else."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return "other"


def _has_upper(word: str) -> bool:
    return any(c.isupper() for c in word)


# English words that show a Latin text is English rather than Albanian.  Words
# that are also Albanian ("a", "e", "i", "me", "do", "at", "as", "se") are not
# in the list.
EN_MARKERS = frozenset(
    split_words(
        """
    the of and to is are was were for with that this these those from about by has have had
    not will would which their his her they it its on an be been or but who what when after
    into than there been said read ago could should also more most our your we you he she
    him them how all were being over under while because between against during without
    """
    )
)


# Judged by langdetect only from this many letters and words on (after names,
# acronyms, hashtags and URLs are removed).  Below it langdetect guesses:
# 'Мир' comes out Bulgarian, 'Bota' Indonesian, and a 30-letter headline is
# wrong one time in a few.  With 40 letters in 5+ words and the language set
# narrowed to plausible ones it is reliable for these languages; shorter
# segments are judged by their letters (script) alone.
LANGDETECT_MIN_LETTERS = 40
LANGDETECT_MIN_WORDS = 5
# langdetect must be at least this sure of another language before we say so.
LANGDETECT_MIN_PROB = 0.90

# What a translation into the key might come out as instead: the target itself,
# the source language, and languages langdetect confuses with it.
PLAUSIBLE_LANGS: dict[str, tuple[str, ...]] = {
    "sq": ("sq", "en", "it", "ro", "hr", "sl", "tr", "de", "fr", "es"),
    "uk": ("uk", "ru", "bg", "mk", "en"),
    "ru": ("ru", "uk", "bg", "mk", "en"),
}

# Letters that exist in one of the two alphabets only.
UK_ONLY = frozenset("іїєґІЇЄҐ")
RU_ONLY = frozenset("ыэёЫЭЁ")  # ъ is left out: it is Bulgarian too (see below)
RU_BG_HARD_SIGN = frozenset("ъЪ")
# Cyrillic letters in neither alphabet (Serbian, Macedonian, Belarusian ...).
OTHER_CYRILLIC = frozenset("ўђћјљњџѓќѕЎЂЋЈЉЊЏЃЌЅ")
SQ_LETTERS = frozenset("ëçËÇ")


@dataclass(frozen=True)
class _Letters:
    latin: int
    cyrillic: int
    other: int
    words: int
    text: str  # what remains to judge


@lru_cache(maxsize=65536)
def _word_scripts(word: str) -> tuple[int, int, int]:
    """(Latin, Cyrillic, other) letter counts of one word (words repeat a lot)."""
    latin = cyrillic = other = 0
    for c in word:
        s = _script(c)
        if s == "latin":
            latin += 1
        elif s == "cyrillic":
            cyrillic += 1
        elif s:
            other += 1
    return latin, cyrillic, other


def _remaining_letters(unit: Unit, ctx: CheckContext, owner: str) -> _Letters:
    """Letters of the translation once names that may stay in Latin are gone.

    Removed: URLs, hashtags, do-not-translate terms, all-caps acronyms, and
    Latin words written with a capital that also occur in the source (names
    such as Bloomberg, KosovaPress, Chatham House).  Lowercase English words
    stay, so an English sentence left in the translation is still seen.
    """
    text = strip_names(unit.msgstr, ctx, owner)
    kept = WORD.findall(text)
    if any(map(_latin_name_like, kept)):
        # A name kept from the source (but not "The" starting a sentence).
        source_words = set(WORD.findall(unit.msgid))
        kept = [w for w in kept if not (w in source_words and _latin_name_like(w))]
    latin = cyrillic = other = 0
    if kept:
        latin, cyrillic, other = map(sum, zip(*map(_word_scripts, kept), strict=True))
    return _Letters(latin, cyrillic, other, len(kept), " ".join(kept))


@lru_cache(maxsize=16384)
def _latin_name_like(word: str) -> bool:
    """A Latin word with a capital that is no English function word (Bloomberg)."""
    latin, cyrillic, other = _word_scripts(word)
    return bool(
        latin and not cyrillic and not other and _has_upper(word) and word.lower() not in EN_MARKERS
    )


@cache
def _factory(langs: tuple[str, ...]) -> Any:
    """A langdetect factory that knows only ``langs``; built once, on first use.

    Loading all 55 profiles takes about half a second; only the few plausible
    ones are read, and only when a long segment needs judging.
    """
    import langdetect
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    factory = DetectorFactory()
    factory.seed = 0
    profiles = Path(langdetect.__file__).parent / "profiles"
    factory.load_json_profile([(profiles / lang).read_text(encoding="utf-8") for lang in langs])
    return factory


@lru_cache(maxsize=4096)
def _detect(text: str, lang: str) -> tuple[str, float, float] | None:
    """(best language, its probability, probability of ``lang``), or None."""
    langs = PLAUSIBLE_LANGS.get(lang)
    if not langs:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(langs).create()
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return None
    if not probs:
        return None
    own = next((p.prob for p in probs if p.lang == lang), 0.0)
    return probs[0].lang, probs[0].prob, own


def _english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in EN_MARKERS]


def _looks_english(letters: _Letters) -> bool:
    """Two or more English function words making up a quarter of the Latin words."""
    latin_words = [w for w in letters.text.split() if _script(w[0]) == "latin"]
    markers = _english_words(" ".join(latin_words))
    return len(markers) >= 2 and len(markers) * 4 >= len(latin_words)


def _language_problem(found: str, expected: str, why: str) -> Problem:
    return Problem(
        f"the translation looks {languages.name(found)}, not {languages.name(expected)}: {why}",
        expected=expected,
        found=found,
    )


def _judge_cyrillic(letters: _Letters, lang: str) -> Problem | None:
    total = letters.latin + letters.cyrillic + letters.other
    if letters.latin * 2 >= total:
        english = _looks_english(letters)
        return Problem(
            f"the translation is {'English' if english else 'in Latin script'}, "
            f"not {languages.name(lang)} (Cyrillic): "
            f'"{shorten(letters.text)}"',
            expected=lang,
            found="en" if english else "Latin script",
        )
    text = letters.text
    chars = set(text)
    uk = sorted({c.lower() for c in chars & UK_ONLY})
    ru = sorted({c.lower() for c in chars & RU_ONLY})
    hard = sorted({c.lower() for c in chars & RU_BG_HARD_SIGN})
    foreign = sorted({c.lower() for c in chars & OTHER_CYRILLIC})
    long = letters.cyrillic >= LANGDETECT_MIN_LETTERS and letters.words >= LANGDETECT_MIN_WORDS
    if lang == "uk":
        not_uk = ru + hard + foreign
        if not_uk and not uk:
            found = "ru" if ru else ("bg" if hard else "mk")
            return _language_problem(
                found,
                "uk",
                f"it uses {', '.join(not_uk)}, which Ukrainian does not have, "
                "and none of і, ї, є, ґ",
            )
        if uk and not not_uk:
            return None  # Ukrainian letters only: settled without langdetect
    elif lang == "ru":
        not_ru = uk + foreign
        if not_ru and not ru:
            found = "uk" if uk else "mk"
            return _language_problem(
                found,
                "ru",
                f"it uses {', '.join(not_ru)}, which Russian does not have, and none of ы, э, ё",
            )
        if ru and not not_ru:
            return None  # Russian letters only
    if not long:
        return None  # short and no decisive letter: say nothing
    if lang == "ru" and not foreign and _clearly_russian(text, bool(uk)):
        return None  # Russian word forms decide it: langdetect would agree
    return _judge_langdetect(text, lang)


# Russian words and endings that Ukrainian, Bulgarian and Macedonian do not
# have (Ukrainian writes що, його, тільки, вже, якщо, щоб, сьогодні, коли,
# буде, також; Bulgarian and Macedonian have no reflexive -ся verbs).  Like
# ы, э, ё they show a text is Russian without langdetect.
RU_MARKER_WORDS = frozenset(
    split_words(
        """
    что его только уже если чтобы сегодня когда нет году будет также
    который которая которое которые которого которой которому котором которым которых
    """
    )
)
RU_MARKER_ENDINGS = ("тся", "ает", "яет", "ует")


@lru_cache(maxsize=16384)
def _russian_word(word: str) -> bool:
    """A lowercase word with ы, э, ё or a Russian-only form."""
    return (
        word in RU_MARKER_WORDS
        or (word.endswith(RU_MARKER_ENDINGS) and len(word) > 4)
        or not RU_ONLY.isdisjoint(word)
    )


def _clearly_russian(text: str, ukrainian_letters: bool) -> bool:
    """Whether Russian word forms settle a long Cyrillic text as Russian.

    Without Ukrainian letters one Russian-only word form suffices, as one ы, э
    or ё does.  With them (a Ukrainian-spelled name in a Russian sentence),
    Russian evidence must be at least twice the words with і, ї, є, ґ.
    """
    words = text.lower().split()
    if not ukrainian_letters:
        return any(map(_russian_word, words))
    russian = sum(map(_russian_word, words))
    ukrainian = sum(1 for w in words if not UK_ONLY.isdisjoint(w))
    return russian >= 2 and russian >= 2 * ukrainian


def _judge_latin(letters: _Letters, lang: str) -> Problem | None:
    total = letters.latin + letters.cyrillic + letters.other
    if letters.cyrillic and letters.cyrillic * 2 >= total:
        return Problem(
            f"the translation is in Cyrillic script, not {languages.name(lang)}: "
            f'"{shorten(letters.text)}"',
            expected=lang,
            found="Cyrillic script",
        )
    if letters.cyrillic >= 3:
        words = [w for w in letters.text.split() if any(_script(c) == "cyrillic" for c in w)]
        return Problem(
            f"the {languages.name(lang)} translation contains Cyrillic words: "
            f"{', '.join(words[:5])}",
            expected=lang,
            found="Cyrillic script",
        )
    sq_letters = sum(map(letters.text.count, SQ_LETTERS))
    if lang == "sq" and sq_letters >= 2:
        return None  # ë, ç: Albanian, settled without langdetect
    if lang != "en" and (lang != "sq" or not sq_letters) and _looks_english(letters):
        words = ", ".join(dict.fromkeys(w.lower() for w in _english_words(letters.text)))
        return _language_problem("en", lang, f"English words ({words})")
    long = letters.latin >= LANGDETECT_MIN_LETTERS and letters.words >= LANGDETECT_MIN_WORDS
    if not long:
        return None
    return _judge_langdetect(letters.text, lang)


def _judge_langdetect(text: str, lang: str) -> Problem | None:
    verdict = _detect(text, lang)
    if verdict is None:
        return None
    best, prob, own = verdict
    if best == lang or prob < LANGDETECT_MIN_PROB or own > 1 - LANGDETECT_MIN_PROB:
        return None
    why = f"langdetect is {prob:.0%} sure it is {languages.name(best)}"
    return _language_problem(best, lang, why)


# The letters counted by script, for the quick path below.
_CYRILLIC_LETTERS = re.compile(r"[\u0400-\u0482\u048a-\u052f]+")
_OTHER_LETTER = re.compile(r"[^\W\d_\u0400-\u052f]")
# (own letters, letters the language does not have), as regexes: a search is
# quicker than making a set of the text's characters.
_ALPHABET_EVIDENCE = {
    "uk": (
        re.compile(f"[{''.join(sorted(UK_ONLY))}]"),
        re.compile(f"[{''.join(sorted(RU_ONLY | RU_BG_HARD_SIGN | OTHER_CYRILLIC))}]"),
    ),
    "ru": (
        re.compile(f"[{''.join(sorted(RU_ONLY))}]"),
        re.compile(f"[{''.join(sorted(UK_ONLY | OTHER_CYRILLIC))}]"),
    ),
}
_SQ_LETTER = re.compile(f"[{''.join(sorted(SQ_LETTERS))}]")


def _settled_by_letters(unit: Unit, ctx: CheckContext, lang: str) -> bool:
    """Whether the translation's own letters show it is in ``lang``.

    The quick answer for most entries, given only where the full judgement
    (:func:`_judge_cyrillic`, :func:`_judge_latin`) would find nothing too:
    Ukrainian with і/ї/є/ґ and none of ы/э/ё/ъ, Russian with ы/э/ё and no
    і/ї/є/ґ, in either case with Cyrillic letters in the majority; Albanian
    with two or more ë/ç and no Cyrillic.  Also Cyrillic text with no
    decisive letter either way and none of another script, too short for
    langdetect (or, in Russian, with a Russian word form); and Albanian with
    one ë or ç, too short for langdetect.  Removing names before judging
    only removes letters, so it cannot change these answers, unless a URL,
    hashtag, do-not-translate name or source word could carry such letters
    away: then the full judgement runs.
    """
    text = unit.msgstr
    if may_hold_urls_or_tags(text) or _dnt_has_non_ascii(ctx):
        return False
    evidence = _ALPHABET_EVIDENCE.get(lang)
    if evidence is not None:
        own, foreign = evidence
        if foreign.search(text) is not None:
            return False
        if own.search(text) is None:
            return _OTHER_LETTER.search(text) is None and _cyrillic_settled(text, lang)
        if _OTHER_LETTER.search(text) is None:
            return True  # Cyrillic letters only (and one of its own)
        cyrillic = sum(map(len, _CYRILLIC_LETTERS.findall(text)))
        return cyrillic > len(_OTHER_LETTER.findall(text))
    if lang == "sq":
        if _SQ_LETTER.search(unit.msgid):
            return False  # a source name with ë or ç would be taken away
        if _CYRILLIC_LETTERS.search(text):
            return False
        own = len(_SQ_LETTER.findall(text))
        # One ë or ç: no English check (see _judge_latin), and langdetect
        # only for long text.
        return own >= 2 or (own == 1 and _few_letters(text, _LETTERS))
    return False


_LETTERS = re.compile(r"[^\W\d_]+")


def _few_letters(text: str, letters: re.Pattern[str]) -> bool:
    """Whether ``text`` has fewer than LANGDETECT_MIN_LETTERS letters of the
    kind ``letters`` finds: too few for langdetect, with or without names."""
    return (
        len(text) < LANGDETECT_MIN_LETTERS
        or sum(map(len, letters.findall(text))) < LANGDETECT_MIN_LETTERS
    )


def _cyrillic_settled(text: str, lang: str) -> bool:
    """For Cyrillic text with no letter of another script and no decisive
    one: whether :func:`_judge_cyrillic` finds nothing without langdetect
    (too short; or Russian word forms settle it as Russian)."""
    if _few_letters(text, _CYRILLIC_LETTERS):
        return True
    # Nothing would be removed from such a text: its words are the ones judged.
    return lang == "ru" and any(_russian_word(w.lower()) for w in WORD.findall(text))


def _dnt_has_non_ascii(ctx: CheckContext) -> bool:
    found = ctx.cache.get("language.dnt_non_ascii")
    if found is None:
        found = ctx.cache["language.dnt_non_ascii"] = not all(
            form.isascii() for form in dnt_strings(ctx)
        )
    return found


@check(
    "language",
    Severity.ERROR,
    "The translation is in the target language: Ukrainian and Russian told apart by their "
    "letters (і ї є ґ vs ы э ё), Latin text in a Cyrillic target and Cyrillic or English in an "
    "Albanian one flagged; long segments (40+ letters) also checked with langdetect. Names, "
    "acronyms, hashtags and do-not-translate terms may stay in Latin.",
)
def check_language(unit: Unit, ctx: CheckContext) -> tuple[Problem, ...]:
    lang = target_lang(ctx)
    if _settled_by_letters(unit, ctx, lang):
        return ()
    problem = _judge(unit, ctx, lang)
    return () if problem is None else (problem,)


def _judge(unit: Unit, ctx: CheckContext, lang: str) -> Problem | None:
    """The full judgement, names removed first (what the quick path must agree with)."""
    if same_text(unit.msgid, unit.msgstr):
        return None  # the `untranslated` check's business
    letters = _remaining_letters(unit, ctx, "language")
    if letters.latin + letters.cyrillic + letters.other == 0:
        return None
    if lang in CYRILLIC_TARGETS:
        return _judge_cyrillic(letters, lang)
    if lang in LATIN_TARGETS:
        return _judge_latin(letters, lang)
    return None


CHECKS = (check_language,)
