"""The glossary: names that must come out the same way every time.

A :class:`Term` is one name: its English form and English variants, and per
language (sq, uk, ru) a canonical form, extra accepted forms or lemmas and
forbidden variants, a do-not-translate flag and a note for translators.  The
data lives in ``glossary/*.toml`` (or ``*.tsv``); the format is described at the
top of ``glossary/names.toml`` and in :func:`load_glossary`.

Matching understands inflection: a term is present in a translation when any
inflected form of its canonical form or of an accepted lemma occurs as a whole
word (for multi-word names each word inflected, in sequence), so ``Курской
области``, ``Николаю Петрову`` and ``Suxhës`` all count.  The forms come from
:mod:`l10n.morph` and are computed once per term and language, the first time
the term occurs in a source text; after that, checking an entry is a
tokenization and set lookups.

- :meth:`Glossary.terms_in`: the terms an English source text mentions.
- :meth:`Glossary.violations`: what is wrong with a translation (a term
  missing, a forbidden variant, a do-not-translate name translated).
- :meth:`Glossary.enforce`: replace forbidden variants in machine output with
  the canonical form in the same case (``Судзхи`` -> ``Суджи``).
- :meth:`Glossary.note_for`: a translator note for a PO entry.
- :func:`export_tbx`: the glossary as TBX for Weblate, OmegaT, memoQ.

The ``glossary`` check over this module lives in :mod:`l10n.qa.checks.glossary`.
Importing this module does not load pymorphy3, which happens on first use of ru
or uk.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from l10n import languages, morph
from l10n.errors import InputFileError, L10nError
from l10n.textfile import read_text, write_atomic

LANGUAGES: tuple[str, ...] = ("sq", "uk", "ru")
RULES = ("missing", "forbidden", "dnt")
GLOSSARY_SUFFIXES = (".toml", ".tsv")
_FORMAT_HINT = "the format is described at the top of glossary/names.toml"


# --- data model -----------------------------------------------------------------


@dataclass(frozen=True)
class LangForms:
    """A term in one language."""

    canonical: str
    accepted: tuple[str, ...] = ()  # extra forms or lemmas that also count
    forbidden: tuple[str, ...] = ()  # variants that must not appear (any inflection)
    inflect: str | None = None  # inflection class override (see morph.SQ_CLASSES; "none")

    @property
    def lemmas(self) -> tuple[str, ...]:
        return (self.canonical, *self.accepted)


@dataclass(frozen=True)
class Term:
    en: str
    en_variants: tuple[str, ...] = ()
    forms: Mapping[str, LangForms] = field(default_factory=dict, hash=False)
    dnt: bool = False  # do not translate: the English form stays, verbatim
    note: str = ""
    source: str = ""  # file:line

    @property
    def english(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)


@dataclass(frozen=True)
class Violation:
    term: Term
    expected: str  # the canonical form
    found: str  # the forbidden text found, or ""
    rule: str  # "missing" | "forbidden" | "dnt"
    message: str
    span: tuple[int, int] | None = None  # where ``found`` is in the translation
    replacement: str | None = None  # what ``found`` should be, when determinable

    def apply(self, text: str) -> str | None:
        """``text`` with this violation repaired, or None when it cannot be."""
        if self.span is None or self.replacement is None:
            return None
        start, end = self.span
        fixed = text[:start] + self.replacement + text[end:]
        return fixed if fixed != text else None


@dataclass(frozen=True)
class Enforced:
    text: str
    replaced: list[tuple[str, str]]  # (old, new)
    missing: list[Term]


# --- compiled forms ---------------------------------------------------------------


@dataclass(frozen=True)
class _Chunk:
    """One space-separated word of a name, with all its forms."""

    text: str  # as written in the glossary, without edge punctuation ("St")
    tail: str  # the punctuation after it ("." of "St.")
    sets: tuple[frozenset[str], ...]  # the normalised words allowed at each token
    forms: Mapping[str, str]  # normalised tokens joined by " " -> morph key
    cls: str | None
    method: str  # dictionary, guess, table, sq-table, invariable


@dataclass(frozen=True)
class _Phrase:
    text: str
    chunks: tuple[_Chunk, ...]
    sets: tuple[frozenset[str], ...]  # all chunks' sets, flattened


@dataclass(frozen=True)
class _TermForms:
    accepted: tuple[_Phrase, ...]  # accepted[0] is the canonical form
    forbidden: tuple[_Phrase, ...]
    accepted_index: _Index
    forbidden_index: _Index
    # For the quick path (see Glossary._quick_violations): each accepted
    # phrase as (the common prefix of its first word's forms, its word sets),
    # and that prefix of each forbidden phrase; None where a prefix is empty.
    accepted_stems: tuple[tuple[str, tuple[frozenset[str], ...]], ...] | None = None
    forbidden_stems: tuple[str, ...] | None = None


@dataclass(frozen=True)
class _Index:
    """First word -> the phrases starting with it (longest first)."""

    phrases: Mapping[str, tuple[_Phrase, ...]]
    first: frozenset[str]  # every first word
    single: frozenset[str]  # the words that are a whole phrase by themselves


def _index(phrases: Sequence[_Phrase]) -> _Index:
    if len(phrases) == 1:  # the usual case: a term with only its canonical form
        phrase = phrases[0]
        first = phrase.sets[0]
        single = first if len(phrase.sets) == 1 else frozenset()
        return _Index(dict.fromkeys(first, (phrase,)), first, single)
    if not phrases:
        return _EMPTY_INDEX
    index: dict[str, list[_Phrase]] = {}
    for phrase in phrases:
        for word in phrase.sets[0]:
            index.setdefault(word, []).append(phrase)
    # Longest phrases first, so the longest match at a position wins.
    by_word = {
        w: (ps[0],) if len(ps) == 1 else tuple(sorted(ps, key=lambda p: -len(p.sets)))
        for w, ps in index.items()
    }
    single = frozenset(w for w, ps in by_word.items() if any(len(p.sets) == 1 for p in ps))
    return _Index(MappingProxyType(by_word), frozenset(by_word), single)


_EMPTY_INDEX = _Index({}, frozenset(), frozenset())


@lru_cache(maxsize=8192)  # words recur across names: Institute, North, Media
def _compile_chunk(chunk: str, lang: str, cls: str | None, *, foreign: bool) -> _Chunk:
    if chunk.isalpha():  # one plain word: no edge punctuation to split off
        core, tail, words = chunk, "", [morph.normalize(chunk, lang)]
    else:
        tokens = morph.tokenize(chunk)
        core = chunk[tokens[0][0] : tokens[-1][1]]
        tail = chunk[tokens[-1][1] :]
        words = [morph.normalize(t, lang) for _, _, t in morph.tokenize(core)]
    raw_forms, method = morph.chunk_forms(core, lang, cls, foreign=foreign)
    sets: list[set[str]] = [{w} for w in words]
    forms: dict[str, str] = {}
    if len(words) == 1:  # the usual case, made quick
        find = morph.TOKEN_RE.findall
        forms = {f: k for f, k in raw_forms.items() if f.isalpha() or len(find(f)) == 1}
        sets[0].update(forms)
    else:
        for form, key in raw_forms.items():
            parts = morph.TOKEN_RE.findall(form)
            if len(parts) != len(words):
                continue
            forms.setdefault(" ".join(parts), key)
            for i, part in enumerate(parts):
                sets[i].add(part)
    forms.setdefault(" ".join(words), "base" if method in ("invariable", "sq-table") else "nomn")
    return _Chunk(
        core, tail, tuple(frozenset(s) for s in sets), MappingProxyType(forms), cls, method
    )


def _compile_phrase(text: str, lang: str, cls: str | None, *, foreign: bool, dnt: bool) -> _Phrase:
    chunks = []
    for chunk in text.split():
        if not chunk.isalpha() and not morph.tokenize(chunk):
            continue
        if dnt and lang != "sq":
            chunks.append(_compile_chunk(chunk, lang, "none", foreign=foreign))
        else:
            chunks.append(_compile_chunk(chunk, lang, cls, foreign=foreign))
    sets = tuple(s for c in chunks for s in c.sets)
    return _Phrase(text, tuple(chunks), sets)


def _compile(term: Term, lang: str) -> _TermForms:
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
    return _TermForms(
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


def _starts_word(norm: str, i: int) -> bool:
    """Whether a word (a morph.TOKEN_RE match) can start at ``norm[i]``."""
    if i == 0:
        return True
    before = norm[i - 1]
    return not (before.isalnum() or (before == "'" and i >= 2 and norm[i - 2].isalnum()))


def _quick_has(norm: str, stems: tuple[tuple[str, tuple[frozenset[str], ...]], ...]) -> bool:
    """Whether an accepted phrase occurs in the normalised text: the same
    answer as ``_Text.has``, found from its first word's common prefix
    rather than by splitting the whole text into words."""
    match, search = morph.TOKEN_RE.match, morph.TOKEN_RE.search
    for stem, sets in stems:
        i = norm.find(stem)
        while i >= 0:
            if _starts_word(norm, i):
                m = match(norm, i)
                if m is not None and m.group() in sets[0]:
                    # The following words, as _Text would split them.
                    for words in sets[1:]:
                        m = search(norm, m.end())
                        if m is None or m.group() not in words:
                            break
                    else:
                        return True
            i = norm.find(stem, i + 1)
    return False


class _Text:
    """A translation split into normalised words once, for every term looked up.

    The whole text is normalised in one go and split with one regex call;
    character spans are only worked out when a violation is reported.
    """

    __slots__ = ("_norm", "_spans", "lang", "text", "words", "wordset")

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        norm = morph.normalize_text(text, lang)
        if len(norm) == len(text):
            # Normalising mapped character to character: spans carry over.
            self.words: list[str] = morph.TOKEN_RE.findall(norm)
            self._spans: list[tuple[int, int]] | None = None
        else:
            tokens = morph.tokenize(text)
            self.words = [morph.normalize(t, lang) for _, _, t in tokens]
            self._spans = [(a, b) for a, b, _ in tokens]
        self._norm = norm
        self.wordset = set(self.words)

    def raw(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in morph.TOKEN_RE.finditer(self._norm)]
        return self._spans

    def has(self, index: _Index) -> bool:
        """Whether any phrase of ``index`` occurs (set operations only, mostly)."""
        common = self.wordset.intersection(index.first)
        if not common:
            return False
        if not common.isdisjoint(index.single):
            return True
        return bool(self.find(index))

    def find(self, index: _Index) -> list[tuple[int, int, _Phrase]]:
        """Matches as (first token, end token, phrase), longest first at each position."""
        common = self.wordset.intersection(index.first)
        if not common:
            return []
        words = self.words
        n = len(words)
        out = []
        for word in common:
            phrases = index.phrases[word]
            for i in _positions(words, (word,)):
                for phrase in phrases:
                    sets = phrase.sets
                    k = len(sets)
                    if k == 1 or (i + k <= n and all(words[i + j] in sets[j] for j in range(1, k))):
                        out.append((i, i + k, phrase))
                        break
        if len(out) > 1:
            # Leftmost-longest, no overlaps: Петербурге inside Санкт-Петербурге
            # is not a second match.
            out.sort(key=lambda m: (m[0], m[0] - m[1]))
            kept = [out[0]]
            for m in out[1:]:
                if m[0] >= kept[-1][1]:
                    kept.append(m)
            out = kept
        return out

    def span(self, i: int, j: int) -> tuple[int, int]:
        spans = self.spans
        return spans[i][0], spans[j - 1][1]


# --- the glossary -------------------------------------------------------------

# English possessives: Putin's, Putin’s, PUTIN'S (s' plurals end the word anyway).
# (The pattern starts with the apostrophe so that re scans for it quickly.)
_POSSESSIVE_RE = re.compile(r"['’](?<=[^\W_]['’])[sS]\b")
# ASCII fast path: every ASCII character that is not a letter, digit or
# apostrophe separates words (same words as morph.TOKEN_RE, 3x faster).
_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) != "'"}
)


# Non-ASCII punctuation common in English text, turned into ASCII so that such
# text too takes the fast path.
_EN_PUNCTUATION = (
    ("’", "'"), ("‘", "'"), ("“", " "), ("”", " "), ("—", " "), ("–", " "),
    ("…", " "), ("\xa0", " "), ("«", " "), ("»", " "), ("„", " "), ("•", " "),
)  # fmt: skip


def _en_words(text: str) -> list[str]:
    """Normalised English words: lowercase, possessive 's dropped."""
    if "'" in text or "’" in text:
        text = _POSSESSIVE_RE.sub("", text)
    text = text.lower()
    if not text.isascii():
        for char, replacement in _EN_PUNCTUATION:
            if char in text:
                text = text.replace(char, replacement)
    if text.isascii():
        words = text.translate(_ASCII_SEPARATORS).split()
        if "'" in text:
            words = [w for w in (w.strip("'") for w in words) if w]
        return words
    return morph.TOKEN_RE.findall(morph.normalize_text(text, "en"))


def _en_raw_words(text: str) -> list[str]:
    """The same words as written (for acronyms, which match in capitals only)."""
    return morph.TOKEN_RE.findall(_POSSESSIVE_RE.sub("", text))


def _positions(words: list[str], wanted: Iterable[str]) -> Iterator[int]:
    """Where the ``wanted`` words are in ``words`` (list.index runs at C speed)."""
    for word in wanted:
        i = -1
        while True:
            try:
                i = words.index(word, i + 1)
            except ValueError:
                break
            yield i


def _chunk_words(chunk: str, lang: str) -> str:
    return " ".join(morph.normalize(t, lang) for _, _, t in morph.tokenize(chunk))


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


class Glossary:
    """Terms and the machinery to find them in English and in translations."""

    def __init__(self, terms: Sequence[Term], languages: Sequence[str] = LANGUAGES) -> None:
        self.terms: list[Term] = list(terms)
        self.languages: tuple[str, ...] = tuple(languages)
        self._compiled: dict[tuple[int, str], _TermForms] = {}
        self._ids = {id(t): i for i, t in enumerate(self.terms)}
        # English index: first word -> (words, term index, raw words when the
        # variant is an acronym and so must match in capitals), longest first.
        index: dict[str, list[tuple[tuple[str, ...], int, tuple[str, ...] | None]]] = {}
        for i, term in enumerate(self.terms):
            seen = set()
            for variant in term.english:
                key = tuple(_en_words(variant))
                if not key or key in seen:
                    continue
                seen.add(key)
                exact = tuple(_en_raw_words(variant)) if morph.is_acronym(variant) else None
                index.setdefault(key[0], []).append((key, i, exact))
        self._en_index = {w: sorted(c, key=lambda c: -len(c[0])) for w, c in index.items()}
        self._en_first = frozenset(self._en_index)
        self._last_terms: tuple[str | None, list[Term]] = (None, [])

    def __repr__(self) -> str:
        return f"<Glossary: {len(self.terms)} terms, {', '.join(self.languages)}>"

    def __len__(self) -> int:
        return len(self.terms)

    def term(self, en: str) -> Term:
        """The term whose English form or variant is ``en``."""
        wanted = _en_words(en)
        for term in self.terms:
            if any(_en_words(v) == wanted for v in term.english):
                return term
        raise KeyError(en)

    def language_of(self, lang: str) -> str | None:
        """The glossary language for a locale code (uk_UA -> uk), or None."""
        if lang in self.languages:
            return lang
        base = languages.normalize(lang)
        return base if base in self.languages else None

    def _lang(self, lang: str) -> str:
        found = self.language_of(lang)
        if found is None:
            raise L10nError(
                f"the glossary has no language {lang!r}",
                hint=f"glossary languages: {', '.join(self.languages)}",
            )
        return found

    def _forms(self, term: Term, lang: str) -> _TermForms:
        index = self._ids.get(id(term))
        if index is None or self.terms[index] is not term:
            return _compile(term, lang)  # a term from elsewhere: not cached
        key = (index, lang)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _compile(term, lang)
        return compiled

    def precompile(self, lang: str) -> None:
        """Compute every term's forms for ``lang`` now instead of on first use."""
        lang = self._lang(lang)
        for term in self.terms:
            self._forms(term, lang)

    # -- English side --

    def terms_in(self, source_text: str) -> list[Term]:
        """The terms ``source_text`` mentions, in order of first mention.

        Whole words, case-insensitive (acronyms such as EU in capitals only),
        possessives included; where names overlap the longest wins, so "Vladimir
        Putin" is one term, not also "Putin".
        """
        if self._last_terms[0] == source_text:  # the --fix loop asks again and again
            return self._last_terms[1]
        words = _en_words(source_text)
        hits = self._en_first.intersection(words)
        found: list[int] = []
        if hits:
            n = len(words)
            raw: list[str] | None = None
            index = self._en_index
            free = 0  # the first word not inside a match yet
            for i in sorted(_positions(words, hits)):
                if i < free:
                    continue
                for key, term_index, exact in index[words[i]]:
                    k = len(key)
                    if i + k > n or any(words[i + j] != key[j] for j in range(1, k)):
                        continue
                    if exact is not None:
                        if raw is None:
                            raw = _en_raw_words(source_text)
                        if len(raw) == n and tuple(raw[i : i + k]) != exact:
                            continue
                    if term_index not in found:
                        found.append(term_index)
                    free = i + k
                    break
        result = [self.terms[t] for t in found]
        self._last_terms = (source_text, result)
        return result

    # -- translation side --

    def find_forms(self, term: Term, lang: str, text: str) -> list[tuple[int, int, str]]:
        """Where an accepted form of ``term`` occurs in ``text``: (start, end, text)."""
        lang = self._lang(lang)
        t = _Text(text, lang)
        out = []
        for i, j, _ in t.find(self._forms(term, lang).accepted_index):
            start, end = t.span(i, j)
            out.append((start, end, text[start:end]))
        return out

    def accepted_forms(self, term: Term, lang: str) -> frozenset[str]:
        """Every normalised word form that counts for ``term`` (multi-word terms:
        the forms of each word)."""
        lang = self._lang(lang)
        return frozenset(w for p in self._forms(term, lang).accepted for s in p.sets for w in s)

    def methods(self, term: Term, lang: str) -> dict[str, str]:
        """How each word's forms were made: dictionary, guess, table, sq-table, invariable."""
        lang = self._lang(lang)
        compiled = self._forms(term, lang)
        return {c.text: c.method for p in compiled.accepted for c in p.chunks}

    def violations(self, lang: str, msgid: str, msgstr: str) -> list[Violation]:
        """What is wrong with ``msgstr`` as a translation of ``msgid`` into ``lang``."""
        lang = self._lang(lang)
        if not msgstr.strip():
            return []
        terms = self.terms_in(msgid)
        if not terms:
            return []
        compiled = [(term, self._forms(term, lang)) for term in terms]
        quick = self._quick_violations(lang, msgstr, compiled)
        if quick is not None:
            return quick
        text = _Text(msgstr, lang)
        suspects = [
            (term, c)
            for term, c in compiled
            if not text.wordset.isdisjoint(c.forbidden_index.first)
        ]
        out: list[Violation] = []
        if suspects:
            # Forbidden words inside an accepted match of any term do not count
            # (a form may be forbidden for one name and part of another).
            accepted_spans = [
                (i, j) for _, c in compiled for i, j, _ in text.find(c.accepted_index)
            ]
            taken: list[tuple[int, int]] = []
            for term, c in suspects:
                for i, j, phrase in text.find(c.forbidden_index):
                    if any(a <= i and j <= b for a, b in accepted_spans) or any(
                        i < b and a < j for a, b in taken
                    ):
                        continue
                    taken.append((i, j))
                    out.append(self._forbidden(term, lang, text, i, j, phrase, c))
        reported = {id(v.term) for v in out}
        for term, c in compiled:
            if id(term) not in reported and not text.has(c.accepted_index):
                lf = term.forms[lang]
                rule = "dnt" if term.dnt else "missing"
                out.append(Violation(term, lf.canonical, "", rule, self._message(term, lang, "")))
        return out

    def _quick_violations(
        self, lang: str, msgstr: str, compiled: list[tuple[Term, _TermForms]]
    ) -> list[Violation] | None:
        """The violations when no forbidden variant can be in ``msgstr``, or None.

        The usual entry has its names right: then no forbidden word's prefix
        occurs in the text, only missing terms remain to be looked for, and
        each is found by its forms' common prefix.  This gives the answer of
        the full path below without splitting the text into words, which is
        most of a check's cost; the tests compare the two.
        """
        norm = morph.normalize_text(msgstr, lang)
        if len(norm) != len(msgstr):
            return None  # normalising changed the text's shape: the full path
        stems = []
        for _, c in compiled:
            if c.accepted_stems is None or c.forbidden_stems is None:
                return None
            if any(stem in norm for stem in c.forbidden_stems):
                return None
            stems.append(c.accepted_stems)
        out: list[Violation] = []
        for (term, _), accepted in zip(compiled, stems, strict=True):
            if not _quick_has(norm, accepted):
                lf = term.forms[lang]
                rule = "dnt" if term.dnt else "missing"
                out.append(Violation(term, lf.canonical, "", rule, self._message(term, lang, "")))
        return out

    def _forbidden(
        self, term: Term, lang: str, text: _Text, i: int, j: int, phrase: _Phrase, c: _TermForms
    ) -> Violation:
        span = text.span(i, j)
        fix = self._replacement(term, lang, text, i, phrase, c)
        if fix is not None:
            span = fix[0]
        found = text.text[span[0] : span[1]]
        return Violation(
            term,
            term.forms[lang].canonical,
            found,
            "dnt" if term.dnt else "forbidden",
            self._message(term, lang, found),
            span,
            fix[1] if fix is not None else None,
        )

    def _message(self, term: Term, lang: str, found: str) -> str:
        lf = term.forms[lang]
        if term.dnt:
            expected = f'do not translate: expected "{lf.canonical}" as written'
            if lang == "sq":
                expected += " (Albanian endings allowed)"
        else:
            names = " or ".join(f'"{x}"' for x in lf.lemmas)
            expected = f"expected {names} (any inflected form)"
        tail = f', found "{found}"' if found else ", not found"
        return f"{term.en}: {expected}{tail}"

    def _replacement(
        self, term: Term, lang: str, text: _Text, first: int, phrase: _Phrase, c: _TermForms
    ) -> tuple[tuple[int, int], str] | None:
        """((start, end), canonical text) for a forbidden match, in the same case."""
        lf = term.forms[lang]
        # The found words, split as the forbidden phrase's chunks.
        found: list[tuple[int, int, _Chunk]] = []
        k = first
        for chunk in phrase.chunks:
            found.append((k, k + len(chunk.sets), chunk))
            k += len(chunk.sets)
        start, end = text.span(first, k)
        canonical = c.accepted[0]

        if term.dnt:
            new = lf.canonical
            if lang == "sq":
                i, j, fchunk = found[-1]
                key = fchunk.forms.get(" ".join(text.words[i:j]), "base")
                last = canonical.chunks[-1]
                form = morph.inflect(last.text, lang, key, last.cls)
                if form is not None and key != "base":
                    new = new[: len(new) - len(last.text)] + morph.match_case(form, last.text)
            return None if new == text.text[start:end] else ((start, end), new)

        if len(found) == 1:
            # One word: the closest word of the canonical form or an accepted lemma
            # (Николай -> Микола in Микола Петров; курский -> курський).
            lemma = _chunk_words(found[0][2].text, lang)
            targets = [ch for p in c.accepted for ch in p.chunks]
            best = max(targets, key=lambda ch: _similarity(lemma, _chunk_words(ch.text, lang)))
            pairs = [(found[0], best)]
        elif len(found) == len(canonical.chunks):
            pairs = list(zip(found, canonical.chunks, strict=True))
        else:
            return None

        pieces = []
        cursor = start
        for (i, j, fchunk), target in pairs:
            cstart, cend = text.span(i, j)
            got = " ".join(text.words[i:j])
            raw = text.text[cstart:cend]
            if got in target.forms:
                new = raw
            elif fchunk.tail and text.text.startswith(fchunk.tail, cend) and not target.tail:
                # "St." -> "Shën": the abbreviation's period goes too.
                cend += len(fchunk.tail)
                end = max(end, cend)
                new = self._inflect_chunk(fchunk, target, lang, text, i, j, raw)
            else:
                new = self._inflect_chunk(fchunk, target, lang, text, i, j, raw)
            if new is None:
                return None
            pieces.append(text.text[cursor:cstart])
            pieces.append(new)
            cursor = cend
        pieces.append(text.text[cursor:end])
        result = "".join(pieces)
        return None if result == text.text[start:end] else ((start, end), result)

    @staticmethod
    def _inflect_chunk(
        fchunk: _Chunk, target: _Chunk, lang: str, text: _Text, i: int, j: int, raw: str
    ) -> str | None:
        """The target chunk in the slot of the found words i..j (forms of ``fchunk``)."""
        got = " ".join(text.words[i:j])
        if got == _chunk_words(fchunk.text, lang):
            # The variant's own dictionary form: the canonical one, as written
            # (also when a guessed analysis gives it no case, as for Зелпоино).
            return morph.match_case(target.text.lower(), target.text, raw)
        key = fchunk.forms.get(got)
        if key is None and lang in morph.CYRILLIC_LANGS:
            key = morph.parse_key(text.raw(j - 1), lang)
        if key is None:
            return None
        form = morph.inflect(target.text, lang, key, target.cls)
        if form is None:
            return None
        parts = [morph.normalize(t, lang) for _, _, t in morph.tokenize(form)]
        if len(parts) != len(target.sets) or any(
            p not in s for p, s in zip(parts, target.sets, strict=True)
        ):
            return None
        return morph.match_case(form, target.text, raw)

    def enforce(self, lang: str, msgid: str, msgstr: str) -> Enforced:
        """Replace forbidden variants in ``msgstr`` by the canonical forms, inflected
        like the words they replace; terms still absent are listed in ``missing``."""
        lang = self._lang(lang)
        text = msgstr
        replaced: list[tuple[str, str]] = []
        if not msgstr.strip():
            return Enforced(msgstr, [], [])
        for _ in range(20):
            fixes = [
                v
                for v in self.violations(lang, msgid, text)
                if v.span is not None and v.replacement is not None
            ]
            if not fixes:
                break
            # Apply every non-overlapping fix, right to left.
            fixes.sort(key=lambda v: v.span[0] if v.span else 0, reverse=True)
            limit = len(text) + 1
            changed = False
            for v in fixes:
                assert v.span is not None and v.replacement is not None
                start, end = v.span
                if end > limit:
                    continue
                text = text[:start] + v.replacement + text[end:]
                replaced.append((v.found, v.replacement))
                limit = start
                changed = True
            if not changed:
                break
        replaced.reverse()
        missing = [t for t in self.terms_in(msgid) if not self.find_forms(t, lang, text)]
        return Enforced(text, replaced, missing)

    def note_for(self, lang: str, msgid: str, *, with_notes: bool = False) -> str | None:
        """A translator note naming the glossary terms in ``msgid`` and their
        required forms: ``Glossary: Kursk → Курськ (курський); Sudzha → Суджа``."""
        lang = self._lang(lang)
        parts = []
        for term in self.terms_in(msgid):
            lf = term.forms[lang]
            if term.dnt:
                part = f"{term.en} (do not translate)"
            else:
                part = f"{term.en} → {lf.canonical}"
                if lf.accepted:
                    part += f" ({', '.join(lf.accepted)})"
            if with_notes and term.note:
                part += f" [{term.note}]"
            parts.append(part)
        return "Glossary: " + "; ".join(parts) if parts else None


# --- loading ----------------------------------------------------------------------


@dataclass
class _Raw:
    """A term as read from a file, before validation."""

    path: str
    line: int
    en: str
    values: dict[str, Any]
    lines: dict[str, int]  # "variants", "uk", "forbidden.uk"... -> line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def error(self, message: str, key: str = "", hint: str | None = None) -> InputFileError:
        return InputFileError(self.path, message, line=self.line_of(key), hint=hint)


def _read_text(path: Path) -> str:
    return read_text(path, kind="glossary", hint="glossary files are UTF-8 text: TOML or TSV")


_HEADER_RE = re.compile(r"^\s*\[(?!\[)\s*(.+?)\s*\]\s*(?:#.*)?$")
_ARRAY_HEADER_RE = re.compile(r"^\s*\[\[\s*(.+?)\s*\]\]\s*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_RE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")


_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*")


_QUOTED_KEY_RE = re.compile(r'"([^"\\\x00-\x1f]*)"')


def _key_path(text: str) -> tuple[str, ...] | None:
    if _BARE_KEY_RE.fullmatch(text):
        return tuple(part.strip() for part in text.split("."))
    quoted = _QUOTED_KEY_RE.fullmatch(text)
    if quoted:
        return (quoted.group(1),)
    try:
        value: Any = tomllib.loads(f"{text} = 0")
    except tomllib.TOMLDecodeError:
        return None
    path = []
    while isinstance(value, dict) and len(value) == 1:
        ((k, value),) = value.items()
        path.append(k)
    return tuple(path)


def _scan_toml(path: Path, text: str) -> dict[tuple[str, ...], int]:
    """Line numbers of tables and keys (tomllib gives none); duplicate tables are
    reported here as duplicate terms, with both lines."""
    lines: dict[tuple[str, ...], int] = {}
    prefix: tuple[str, ...] = ()
    multiline: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if multiline:
            if line.count(multiline) % 2 == 1:
                multiline = None
            continue
        header = _ARRAY_HEADER_RE.match(line) or _HEADER_RE.match(line)
        if header:
            key = _key_path(header.group(1))
            if key is None:
                continue  # tomllib reports the syntax error
            if key in lines and not line.lstrip().startswith("[["):
                what = "term" if len(key) == 1 else "table"
                raise InputFileError(
                    str(path),
                    f'duplicate {what} "{".".join(key)}" (first defined at line {lines[key]})',
                    line=number,
                    hint="merge the two entries into one",
                )
            lines.setdefault(key, number)
            prefix = key
            continue
        m = _KEY_RE.match(line)
        if m:
            key = _key_path(m.group(1))
            if key is not None:
                full = prefix + key
                for n in range(len(prefix) + 1, len(full) + 1):
                    lines.setdefault(full[:n], number)
            rest = line[m.end() :]
        else:
            rest = line
        for quote in ('"""', "'''"):
            if rest.count(quote) % 2 == 1:
                multiline = quote
                break
    return lines


def _read_toml(path: Path) -> list[_Raw]:
    text = _read_text(path)
    lines = _scan_toml(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message = str(e)
        m = re.search(r"\(at line (\d+), column \d+\)", message)
        if m:
            line = int(m.group(1))
            message = message[: m.start()].strip()
        else:
            line = max(1, len(text.splitlines()))
            message = re.sub(r"\s*\(at end of document\)", "", message)
        raise InputFileError(
            str(path), f"TOML syntax error: {message}", line=line, hint=_FORMAT_HINT
        ) from e
    by_term: dict[str, dict[str, int]] = {}
    for k, n in lines.items():
        if len(k) > 1:
            by_term.setdefault(k[0], {})[".".join(k[1:])] = n
    raws = []
    for en, value in data.items():
        line = lines.get((en,), 1)
        if not isinstance(value, dict):
            raise InputFileError(
                str(path),
                f"{en!r} is not a term table",
                line=line,
                hint='each term is a table: ["English name"] followed by its keys',
            )
        raws.append(_Raw(str(path), line, en, value, by_term.get(en, {})))
    return raws


_TSV_LIST_SEP = "|"


def _read_tsv(path: Path) -> list[_Raw]:
    text = _read_text(path)
    header: list[str] | None = None
    header_line = 0
    raws = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            header_line = number
            for column in header:
                base, _, kind = column.partition("_")
                if column in ("en", "variants", "dnt", "note") or (
                    base in LANGUAGES and kind in ("", "accepted", "forbidden", "inflect")
                ):
                    continue
                if re.fullmatch(r"[a-z]{2,3}(_(accepted|forbidden|inflect))?", column):
                    raise InputFileError(
                        str(path),
                        f"unknown language {base!r} in column {column!r}",
                        line=number,
                        hint=f"glossary languages: {', '.join(LANGUAGES)}",
                    )
                raise InputFileError(
                    str(path), f"unknown column {column!r}", line=number, hint=_FORMAT_HINT
                )
            if "en" not in header:
                raise InputFileError(
                    str(path), "the header has no 'en' column", line=number, hint=_FORMAT_HINT
                )
            continue
        if len(cells) > len(header):
            raise InputFileError(
                str(path),
                f"{len(cells)} fields, the header has {len(header)}",
                line=number,
                hint="fields are separated by tabs; lists inside a field by |",
            )
        row = dict(zip(header, [c.strip() for c in cells], strict=False))
        values: dict[str, Any] = {}
        for column, cell in row.items():
            if column == "en" or not cell:
                continue
            base, _, kind = column.partition("_")
            if column == "variants":
                values["variants"] = [x.strip() for x in cell.split(_TSV_LIST_SEP)]
            elif column == "note":
                values["note"] = cell
            elif column == "dnt":
                flag = cell.lower()
                if flag not in ("yes", "no", "true", "false", "1", "0", "x"):
                    raise InputFileError(
                        str(path), f"dnt must be yes or no, not {cell!r}", line=number
                    )
                values["dnt"] = flag in ("yes", "true", "1", "x")
            elif kind in ("accepted", "forbidden"):
                values.setdefault(kind, {})[base] = [x.strip() for x in cell.split(_TSV_LIST_SEP)]
            elif kind == "inflect":
                values.setdefault("inflect", {})[base] = cell
            else:
                values[base] = cell
        if "en" in row and not row["en"]:
            raise InputFileError(str(path), "empty English term", line=number)
        raws.append(_Raw(str(path), number, row.get("en", ""), values, {}))
    if header is None and header_line == 0:
        return []
    return raws


def _strings(raw: _Raw, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise raw.error(f"{key} must be a list of strings", key)
    for x in value:
        if not morph.tokenize(x):
            raise raw.error(f"empty form in {key} of {raw.en!r}", key)
    return tuple(x.strip() for x in value)


def _lang_table(raw: _Raw, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise raw.error(f"{key} must give languages: {key}.uk = [...]", key, hint=_FORMAT_HINT)
    for lang in value:
        if lang not in LANGUAGES:
            raise raw.error(
                f"unknown language {lang!r} in {key} of {raw.en!r}",
                f"{key}.{lang}",
                hint=f"glossary languages: {', '.join(LANGUAGES)}",
            )
    return value


def _phrase_key(text: str, lang: str) -> tuple[str, ...]:
    return tuple(morph.TOKEN_RE.findall(morph.normalize_text(text, lang)))


def _build_term(raw: _Raw) -> Term:
    if not morph.tokenize(raw.en):
        raise raw.error("empty English term")
    values = raw.values
    known = {"variants", "dnt", "note", "accepted", "forbidden", "inflect", *LANGUAGES}
    for key in values:
        if key in known:
            continue
        if re.fullmatch(r"[a-z]{2,3}([_-][A-Za-z]{2})?", key):
            raise raw.error(
                f"unknown language {key!r} in {raw.en!r}",
                key,
                hint=f"glossary languages: {', '.join(LANGUAGES)}",
            )
        hint = _FORMAT_HINT
        if isinstance(values[key], dict):
            hint = f'a name with a dot must be quoted: ["{raw.en}.{key}"]'
        raise raw.error(f"unknown key {key!r} in {raw.en!r}", key, hint=hint)

    dnt = values.get("dnt", False)
    if not isinstance(dnt, bool):
        raise raw.error("dnt must be true or false", "dnt")
    note = values.get("note", "")
    if not isinstance(note, str):
        raise raw.error("note must be a string", "note")
    en = raw.en.strip()
    variants = _strings(raw, "variants", values.get("variants", []))
    en_key = _phrase_key(en, "en")
    variants = tuple(dict.fromkeys(v for v in variants if _phrase_key(v, "en") != en_key))
    accepted = _lang_table(raw, "accepted", values.get("accepted", {}))
    forbidden = _lang_table(raw, "forbidden", values.get("forbidden", {}))
    inflect = _lang_table(raw, "inflect", values.get("inflect", {}))

    forms: dict[str, LangForms] = {}
    for lang in LANGUAGES:
        if dnt:
            if lang in values:
                raise raw.error(
                    f"conflicting entries: do-not-translate term {en!r} gives a {lang} form; "
                    f'it stays "{en}" in every language',
                    lang,
                    hint="remove the form, or remove dnt = true",
                )
            canonical = en
        else:
            if lang not in values:
                raise raw.error(
                    f"no {lang} form for {en!r}",
                    hint=f'add {lang} = "..." (or dnt = true for a name that stays in English)',
                )
            canonical = values[lang]
            if not isinstance(canonical, str):
                raise raw.error(f"{lang} must be a string (the canonical form)", lang)
            canonical = canonical.strip()
            if not morph.tokenize(canonical):
                raise raw.error(f"empty canonical form for {lang} in {en!r}", lang)
        acc = _strings(raw, f"accepted.{lang}", accepted.get(lang, []))
        forb = _strings(raw, f"forbidden.{lang}", forbidden.get(lang, []))
        cls = inflect.get(lang)
        if cls is not None and cls not in morph.INFLECT_CLASSES:
            raise raw.error(
                f"unknown inflection class {cls!r}",
                f"inflect.{lang}",
                hint=f"classes: {', '.join(morph.INFLECT_CLASSES)}",
            )
        good = {_phrase_key(x, lang): x for x in (canonical, *acc)}
        bad: dict[tuple[str, ...], str] = {}
        for x in forb:
            k = _phrase_key(x, lang)
            if k in good:
                raise raw.error(
                    f'conflicting entries: "{x}" is both accepted and forbidden '
                    f"for {lang} in {en!r}",
                    f"forbidden.{lang}",
                )
            bad.setdefault(k, x)  # "Чатем-Хаус" and "Чатем Хаус" are the same words
        extra = (x for x in acc if _phrase_key(x, lang) != _phrase_key(canonical, lang))
        forms[lang] = LangForms(canonical, tuple(dict.fromkeys(extra)), tuple(bad.values()), cls)
    return Term(en, variants, forms, dnt, note.strip(), f"{raw.path}:{raw.line}")


def _check_conflicts(pairs: Sequence[tuple[_Raw, Term]]) -> None:
    owner: dict[tuple[str, ...], tuple[Term, bool]] = {}
    for raw, term in pairs:
        key = _phrase_key(term.en, "en")
        if key in owner:
            other, is_en = owner[key]
            if is_en:
                raise raw.error(
                    f'duplicate term "{term.en}" (also defined at {other.source})',
                    hint="merge the two entries into one",
                )
            raise raw.error(
                f'conflicting entries: "{term.en}" is also an English variant of '
                f'"{other.en}" ({other.source})'
            )
        owner[key] = (term, True)
        for variant in term.en_variants:
            vkey = _phrase_key(variant, "en")
            if vkey in owner and owner[vkey][0] is not term:
                other = owner[vkey][0]
                raise raw.error(
                    f'conflicting entries: English "{variant}" belongs to both '
                    f'"{other.en}" ({other.source}) and "{term.en}"',
                    "variants",
                )
            owner[vkey] = (term, False)


def load_glossary(path: Path | str) -> Glossary:
    """Read a glossary: a folder (every ``*.toml`` and ``*.tsv`` in it) or one file.

    TOML: one table per term, named by its English form::

        ["Sudzha"]
        variants = ["Sudža"]              # other English spellings
        note = "Town in Kursk region."    # for translators
        sq = "Suxha"                      # canonical form per language
        uk = "Суджа"
        ru = "Суджа"
        accepted.uk = ["..."]             # extra forms/lemmas that also count
        forbidden.uk = ["Судзха"]         # must not appear, in any inflection
        inflect.sq = "f-a"                # Albanian ending class (optional)
        dnt = true                        # do not translate (no language forms)

    TSV: a header row naming the columns ``en variants dnt note sq sq_accepted
    sq_forbidden sq_inflect uk ... ru ...``, one term per row, lists separated by
    ``|``.  Errors (syntax, duplicate or conflicting entries, unknown languages,
    empty forms, binary files) raise :class:`InputFileError` with file and line.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(
            f
            for f in p.iterdir()
            if f.is_file() and f.suffix in GLOSSARY_SUFFIXES and not f.name.startswith(".")
        )
        if not files:
            raise InputFileError(
                str(p), "no glossary files here", hint="expected *.toml or *.tsv files"
            )
    elif p.is_file():
        if p.suffix not in GLOSSARY_SUFFIXES:
            raise InputFileError(
                str(p), "not a glossary file", hint="glossary files end in .toml or .tsv"
            )
        files = [p]
    else:
        raise InputFileError(str(p), "no such file or folder")
    cache = _LoadCache(files)
    terms = cache.terms()
    if terms is None:
        raws: list[_Raw] = []
        for f in files:
            raws.extend(_read_tsv(f) if f.suffix == ".tsv" else _read_toml(f))
        pairs = [(raw, _build_term(raw)) for raw in raws]
        _check_conflicts(pairs)
        terms = [term for _, term in pairs]
        cache.keep(terms)
    return Glossary(terms)


class _LoadCache:
    """The terms of a glossary as last loaded, kept between runs.

    Parsing and validating a 1,000-term TOML glossary takes about 70 ms, as
    long as checking 10,000 PO entries' numbers; unpickling its terms takes
    4 ms.  The cache file (``$XDG_CACHE_HOME/l10n/glossary-<where>.pickle``,
    one per glossary location) holds the terms with a key: a hash of the
    files' names and bytes and of this module's source.  Only a glossary that
    loaded without error is kept, so a cached glossary is a valid one.
    ``L10N_NO_CACHE=1`` switches it off.
    """

    def __init__(self, files: Sequence[Path]) -> None:
        self.path: Path | None = None
        self.key = ""
        if os.environ.get("L10N_NO_CACHE"):
            return
        import hashlib
        import sys

        try:
            digest = hashlib.sha256(Path(__file__).read_bytes())
            digest.update(sys.version.encode())
            for f in files:
                digest.update(f"\0{f.name}\0".encode())
                digest.update(f.read_bytes())
            where = hashlib.sha256("\0".join(str(f.resolve()) for f in files).encode())
        except OSError:
            return  # loading the files reports it
        self.key = digest.hexdigest()
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        self.path = Path(base) / "l10n" / f"glossary-{where.hexdigest()[:16]}.pickle"

    def terms(self) -> list[Term] | None:
        if self.path is None:
            return None
        import pickle

        try:
            with self.path.open("rb") as handle:
                key, terms = pickle.load(handle)
        except Exception:  # missing, unreadable, from another version: a cache miss
            return None
        return terms if key == self.key and isinstance(terms, list) else None

    def keep(self, terms: list[Term]) -> None:
        if self.path is None:
            return
        import pickle

        with contextlib.suppress(L10nError):  # a cache: never worth failing for
            write_atomic(self.path, pickle.dumps((self.key, terms), pickle.HIGHEST_PROTOCOL))


# --- TBX export --------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def export_tbx(glossary: Glossary, path: Path | str) -> None:
    """Write the glossary as TBX-Basic (TBX v2, ``martif``), which Weblate, OmegaT
    and memoQ import.  Per term: the English forms, per language the canonical form
    (preferred), accepted forms (admitted) and forbidden variants
    (deprecatedTerm-admn-sts); the note; do-not-translate as a termNote
    (``translationNote``: no) and a ``Translation needed`` descrip."""
    import xml.etree.ElementTree as ET

    def tig(parent: ET.Element, text: str, status: str, *, dnt: bool = False) -> None:
        t = ET.SubElement(parent, "tig")
        ET.SubElement(t, "term").text = text
        ET.SubElement(t, "termNote", type="termType").text = "fullForm"
        ET.SubElement(t, "termNote", type="administrativeStatus").text = status
        if dnt:
            ET.SubElement(t, "termNote", type="translationNote").text = "no"

    root = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "l10n glossary"
    ET.SubElement(
        ET.SubElement(file_desc, "sourceDesc"), "p"
    ).text = "Exported by l10n from the glossary/ folder; edit the source files, not this file."
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    used: set[str] = set()
    for term in glossary.terms:
        ident = _slug(term.en)
        while ident in used:
            ident += "-x"
        used.add(ident)
        entry = ET.SubElement(body, "termEntry", id=ident)
        if term.dnt:
            ET.SubElement(entry, "descrip", type="Translation needed").text = "no"
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        if term.dnt:
            ET.SubElement(entry, "note").text = "Do not translate: keep the English form."
        en = ET.SubElement(entry, "langSet", {_XML_LANG: "en"})
        tig(en, term.en, "preferredTerm-admn-sts", dnt=term.dnt)
        for variant in term.en_variants:
            tig(en, variant, "admittedTerm-admn-sts", dnt=term.dnt)
        for lang in glossary.languages:
            lf = term.forms.get(lang)
            if lf is None:
                continue
            ls = ET.SubElement(entry, "langSet", {_XML_LANG: lang})
            tig(ls, lf.canonical, "preferredTerm-admn-sts", dnt=term.dnt)
            for form in lf.accepted:
                tig(ls, form, "admittedTerm-admn-sts")
            for form in lf.forbidden:
                tig(ls, form, "deprecatedTerm-admn-sts")
    ET.indent(root, space="  ")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )
    write_atomic(path, xml)
