"""Compiled forms: every word form of a term in one language, indexed for lookup.

Matching understands inflection: a term is present in a translation when any
inflected form of its canonical form or of an accepted lemma occurs as a whole
word (for multi-word names each word inflected, in sequence), so ``Курской
области``, ``Николаю Петрову`` and ``Suxhës`` all count.  The forms come from
:mod:`l10n.morph`; :func:`compile_term` turns a term's lemmas and forbidden
variants into :class:`Phrase` records (one :class:`Chunk` per space-separated
word, each with the set of normalised words it may appear as) and indexes
them by first word (:class:`Index`), so that checking an entry is a
tokenization and set lookups.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from l10n.glossary.model import Term
from l10n.morph.chunks import chunk_forms
from l10n.morph.text import TOKEN_RE, normalize, tokenize


@dataclass(frozen=True)
class Chunk:
    """One space-separated word of a name, with all its forms."""

    text: str  # as written in the glossary, without edge punctuation ("St")
    tail: str  # the punctuation after it ("." of "St.")
    sets: tuple[frozenset[str], ...]  # the normalised words allowed at each token
    forms: Mapping[str, str]  # normalised tokens joined by " " -> morph key
    cls: str | None
    method: str  # dictionary, guess, table, sq-table, invariable


@dataclass(frozen=True)
class Phrase:
    text: str
    chunks: tuple[Chunk, ...]
    sets: tuple[frozenset[str], ...]  # all chunks' sets, flattened


@dataclass(frozen=True)
class TermForms:
    accepted: tuple[Phrase, ...]  # accepted[0] is the canonical form
    forbidden: tuple[Phrase, ...]
    accepted_index: Index
    forbidden_index: Index
    # For the quick path (see Glossary._quick_violations): each accepted
    # phrase as (the common prefix of its first word's forms, its word sets),
    # and that prefix of each forbidden phrase; None where a prefix is empty.
    accepted_stems: tuple[tuple[str, tuple[frozenset[str], ...]], ...] | None = None
    forbidden_stems: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Index:
    """First word -> the phrases starting with it (longest first)."""

    phrases: Mapping[str, tuple[Phrase, ...]]
    first: frozenset[str]  # every first word
    single: frozenset[str]  # the words that are a whole phrase by themselves


def _index(phrases: Sequence[Phrase]) -> Index:
    if len(phrases) == 1:  # the usual case: a term with only its canonical form
        phrase = phrases[0]
        first = phrase.sets[0]
        single = first if len(phrase.sets) == 1 else frozenset()
        return Index(dict.fromkeys(first, (phrase,)), first, single)
    if not phrases:
        return _EMPTY_INDEX
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        for word in phrase.sets[0]:
            index.setdefault(word, []).append(phrase)
    # Longest phrases first, so the longest match at a position wins.
    by_word = {
        w: (ps[0],) if len(ps) == 1 else tuple(sorted(ps, key=lambda p: -len(p.sets)))
        for w, ps in index.items()
    }
    single = frozenset(w for w, ps in by_word.items() if any(len(p.sets) == 1 for p in ps))
    return Index(MappingProxyType(by_word), frozenset(by_word), single)


_EMPTY_INDEX = Index({}, frozenset(), frozenset())


@lru_cache(maxsize=8192)  # words recur across names: Institute, North, Media
def _compile_chunk(chunk: str, lang: str, cls: str | None, foreign: bool) -> Chunk:
    if chunk.isalpha():  # one plain word: no edge punctuation to split off
        core, tail, words = chunk, "", [normalize(chunk, lang)]
    else:
        tokens = tokenize(chunk)
        core = chunk[tokens[0][0] : tokens[-1][1]]
        tail = chunk[tokens[-1][1] :]
        words = [normalize(t, lang) for _, _, t in tokenize(core)]
    raw_forms, method = chunk_forms(core, lang, cls, foreign=foreign)
    sets: list[set[str]] = [{w} for w in words]
    forms: dict[str, str] = {}
    if len(words) == 1:  # the usual case, made quick
        find = TOKEN_RE.findall
        forms = {f: k for f, k in raw_forms.items() if f.isalpha() or len(find(f)) == 1}
        sets[0].update(forms)
    else:
        for form, key in raw_forms.items():
            parts = TOKEN_RE.findall(form)
            if len(parts) != len(words):
                continue
            forms.setdefault(" ".join(parts), key)
            for i, part in enumerate(parts):
                sets[i].add(part)
    forms.setdefault(" ".join(words), "base" if method in ("invariable", "sq-table") else "nomn")
    return Chunk(
        core, tail, tuple(frozenset(s) for s in sets), MappingProxyType(forms), cls, method
    )


def _compile_phrase(text: str, lang: str, cls: str | None, *, foreign: bool, dnt: bool) -> Phrase:
    chunks = []
    if dnt and lang != "sq":
        cls = "none"
    for chunk in text.split():
        if not chunk.isalpha() and not tokenize(chunk):
            continue
        # (positional arguments: the cache's key is quicker to make)
        chunks.append(_compile_chunk(chunk, lang, cls, foreign))
    sets = tuple(s for c in chunks for s in c.sets)
    return Phrase(text, tuple(chunks), sets)


def compile_term(term: Term, lang: str) -> TermForms:
    lf = term.forms[lang]
    # Albanian endings go on do-not-translate names too (Bloombergu); in ru/uk
    # they stay verbatim.  Forbidden variants are declined in their own right,
    # the Russian way or the Ukrainian way (a Russian form in Ukrainian text).
    accepted = tuple(
        _compile_phrase(lemma, lang, lf.inflect, foreign=False, dnt=term.dnt) for lemma in lf.lemmas
    )
    forbidden = tuple(
        _compile_phrase(variant, lang, None, foreign=True, dnt=False) for variant in lf.forbidden
    )
    accepted_stems = tuple((_stem(p.sets[0]), p.sets) for p in accepted if p.sets)
    forbidden_stems = tuple(_stem(p.sets[0]) for p in forbidden if p.sets)
    return TermForms(
        accepted,
        forbidden,
        _index(accepted),
        _index(forbidden),
        accepted_stems if all(stem for stem, _ in accepted_stems) else None,
        forbidden_stems if all(forbidden_stems) else None,
    )


def _stem(forms: Iterable[str]) -> str:
    """What every one of ``forms`` starts with ("курськ" of курськ, курська, курську)."""
    return os.path.commonprefix(list(forms))  # noqa: RUF071 (characters are wanted)
