"""The ``spelling`` check: words the language's dictionary does not know.

Hunspell with LibreOffice's dictionaries (see :mod:`l10n.qa.checks._dictionary`).
A news translation is full of words no dictionary has, so only what can be a
misspelling is looked up:

- words in the target's own script, all in lowercase: a capital marks a
  name, an acronym or the first word of a sentence, whose spelling a
  dictionary cannot judge (Фанасєєвка, Kurskut); Latin words in a Cyrillic
  translation are the ``foreign-words`` check's, Cyrillic in an Albanian
  one the ``language`` check's;
- never numbers, URLs, e-mail addresses, hashtags, do-not-translate names or
  acronyms (:func:`~l10n.qa.checks._text.remaining_words`), nor words copied
  from the source, nor forms of the names the source mentions that the
  glossary accepts (any inflection), nor the project's own words
  (``glossary/words.txt``, see :func:`read_word_list`).

A hyphenated word the dictionary does not know whole passes when each part
does (веб-сайт); in Albanian a short part after the hyphen is an ending
(tank-un, BE-së).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from l10n import languages
from l10n.qa.base import CheckContext, Problem, Severity, Unit, check
from l10n.qa.checks import _dictionary
from l10n.qa.checks._text import WORD, file_state, remaining_words, target_lang, tokens_of

WORD_LIST = "words.txt"  # in the glossary folder

# A word a dictionary can judge: the target's letters, all lowercase.
_CHECKABLE = {
    "uk": re.compile(r"[а-щьюяєіїґ]+(?:['’ʼ-][а-щьюяєіїґ]+)*"),
    "ru": re.compile(r"[а-яё]+(?:-[а-яё]+)*"),
    "sq": re.compile(r"[a-zçë]+(?:['’-][a-zçë]+)*"),
}
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
SQ_ENDING_MAX = 3  # tank-un, BE-së, 5-të
# A third of an entry's words unknown (two at least): the text is in another
# language, which the language check reports; spelling says nothing.
WRONG_LANGUAGE_MIN, WRONG_LANGUAGE_SHARE = 2, 3


@check(
    "spelling",
    Severity.WARNING,
    "A word the language's Hunspell dictionary does not know (sq, uk and ru: LibreOffice's "
    "dictionaries; ru and uk also pymorphy3's). Names and sentence starts (any word with a "
    "capital), words copied from the source, glossary names in any inflection, "
    "do-not-translate terms, numbers and URLs are never flagged; add a project's own words "
    "to glossary/words.txt, one a line ('word*' accepts every word it starts).",
    unavailable=_dictionary.unavailable,
)
def check_spelling(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    lang = target_lang(ctx)
    settled = _SETTLED.get((lang, ctx.words))
    if settled is None:
        settled = _settled(lang, ctx.words)
        if settled is None:
            return ()  # no dictionary for the language
    tokens = tokens_of(unit.msgstr)
    if settled.issuperset(tokens):
        return ()  # the usual case: every word known to be right, a name or a number
    rest = [t for t in tokens if t not in settled]
    return list(_misspelled(unit, ctx, lang, len(tokens), rest))


# Per language and word list, the tokens (text between spaces) this process
# found to hold no misspelling: words spelled right or in the word list,
# names, numbers (2024-го, 5-ї), other scripts.  The quick path looks there
# only.
_SETTLED: dict[tuple[str, frozenset[str]], set[str]] = {}


def _settled(lang: str, words: frozenset[str]) -> set[str] | None:
    speller = _dictionary.Speller.get(lang)
    if speller is None or lang not in _CHECKABLE:
        return None
    return _SETTLED.setdefault((lang, words), set(speller.good))


def _misspelled(
    unit: Unit, ctx: CheckContext, lang: str, size: int, rest: list[str]
) -> Iterator[Problem]:
    speller = _dictionary.Speller.get(lang)
    assert speller is not None
    settled, checkable = _SETTLED[(lang, ctx.words)], _CHECKABLE[lang]
    candidates = []
    for token in rest:
        if token[0].isdigit():
            settled.add(token)
            continue
        unknown = [
            w
            for w in WORD.findall(token)
            if len(w) > 1
            and checkable.fullmatch(w)
            and not _spelled_right(w.translate(_APOSTROPHES), speller, lang)
            and not _in_word_list(w.translate(_APOSTROPHES), ctx)
        ]
        if unknown:
            candidates += unknown
        else:
            settled.add(token)
    if not candidates:
        return
    # Only now the parts of the text that may stay as in the source: URLs, do-not-
    # translate names (they are seldom all lowercase).
    kept = set(remaining_words(unit.msgstr, ctx))
    excused = _Excused(unit, ctx, lang)
    wrong = {w.translate(_APOSTROPHES): w for w in candidates if w in kept and not excused(w)}
    if len(wrong) >= WRONG_LANGUAGE_MIN and len(wrong) * WRONG_LANGUAGE_SHARE > size:
        return  # not this language at all: the language check's finding
    for word in wrong.values():
        yield Problem(
            f"{word!r} is not in the {languages.name(lang)} dictionary; if it is right, add "
            f"it to {WORD_LIST} in the glossary folder",
            found=word,
        )


def _spelled_right(word: str, speller: _dictionary.Speller, lang: str) -> bool:
    if speller.knows(word):
        return True
    if "-" not in word:
        return False
    first, *rest = word.split("-")
    if not speller.knows(first):
        return False
    return all(
        speller.knows(part) or (lang == "sq" and len(part) <= SQ_ENDING_MAX) for part in rest
    )


class _Excused:
    """Whether a word the dictionary does not know is one the check must leave
    alone; each part is worked out only when a word gets that far."""

    def __init__(self, unit: Unit, ctx: CheckContext, lang: str) -> None:
        self.unit, self.ctx, self.lang = unit, ctx, lang
        self._source: set[str] | None = None
        self._glossary: set[str] | None = None

    def __call__(self, word: str) -> bool:
        low = word.translate(_APOSTROPHES)
        return (
            any(part in self.source_words for part in (low, *low.split("-")))
            or _normal(low, self.lang) in self.glossary_forms
        )

    @property
    def source_words(self) -> set[str]:
        if self._source is None:
            self._source = {
                w.casefold().translate(_APOSTROPHES) for w in WORD.findall(self.unit.msgid)
            }
        return self._source

    @property
    def glossary_forms(self) -> set[str]:
        if self._glossary is None:
            self._glossary = set()
            glossary = self.ctx.glossary
            language_of = getattr(glossary, "language_of", None)  # (a Glossary, not a stand-in)
            lang = language_of(self.lang) if language_of is not None else None
            if glossary is not None and lang is not None:
                for term in glossary.terms_in(self.unit.msgid):
                    if not term.dnt:
                        self._glossary |= glossary.accepted_forms(term, lang)
        return self._glossary


def _in_word_list(word: str, ctx: CheckContext) -> bool:
    if not ctx.words:
        return False
    state = file_state(ctx, "spelling")
    if "words" not in state:
        state["words"] = _split_word_list(ctx.words)
    exact, prefixes = state["words"]
    return word in exact or (bool(prefixes) and word.startswith(prefixes))


@lru_cache(maxsize=4)
def _split_word_list(words: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole words, prefixes) of a word list, in lowercase, one apostrophe."""
    norm = {w.lower().translate(_APOSTROPHES) for w in words}
    return (
        frozenset(w for w in norm if not w.endswith("*")),
        tuple(sorted(w[:-1] for w in norm if w.endswith("*") and len(w) > 1)),
    )


def _normal(word: str, lang: str) -> str:
    from l10n.morph import normalize_text

    return normalize_text(word, lang)


def read_word_list(glossary: Path | str | None) -> frozenset[str]:
    """The project's word list: ``words.txt`` in the glossary folder (or beside a
    glossary file), one word a line, ``#`` starting a comment; none is empty."""
    if glossary is None:
        return frozenset()
    folder = Path(glossary)
    path = (folder if folder.is_dir() else folder.parent) / WORD_LIST
    if not path.is_file():
        return frozenset()
    from l10n.textfile import read_text

    text = read_text(path, kind="word list", hint="one word a line, UTF-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(w for w in words if w)


CHECKS = (check_spelling,)
