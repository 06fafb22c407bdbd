"""The :class:`Glossary`: terms, and the machinery to find them in English
and in translations.

- :meth:`Glossary.terms_in`: the terms an English source text mentions.
- :meth:`Glossary.violations`: what is wrong with a translation (a term
  missing, a forbidden variant, a do-not-translate name translated).
- :meth:`Glossary.enforce`: replace forbidden variants in machine output with
  the canonical form in the same case (``Судзхи`` -> ``Суджи``; see
  :mod:`l10n.glossary.repair`).
- :meth:`Glossary.note_for`: a translator note for a PO entry.

A term's forms in a language are compiled (:mod:`l10n.glossary.forms`) once,
the first time the term occurs in a source text; after that, checking an
entry is a tokenization and set lookups (:mod:`l10n.glossary.matching`).
"""

from __future__ import annotations

from collections.abc import Sequence

from l10n import languages
from l10n.errors import L10nError
from l10n.glossary import repair
from l10n.glossary.forms import Phrase, TermForms, compile_term
from l10n.glossary.matching import Text, en_raw_words, en_words, positions, quick_has
from l10n.glossary.model import Enforced, Term, Violation
from l10n.morph.chunks import matching
from l10n.morph.text import is_acronym, normalize_text


class Glossary:
    """Terms and the machinery to find them in English and in translations."""

    def __init__(self, terms: Sequence[Term], languages: Sequence[str] | None = None) -> None:
        """``languages`` defaults to those the terms give forms in."""
        self.terms: list[Term] = list(terms)
        if languages is None:
            languages = list(dict.fromkeys(lang for t in self.terms for lang in t.forms))
        self.languages: tuple[str, ...] = tuple(languages)
        self._compiled: dict[tuple[int, str], TermForms] = {}
        self._ids = {id(t): i for i, t in enumerate(self.terms)}
        # English index: first word -> (words, term index, raw words when the
        # variant is an acronym and so must match in capitals), longest first.
        index: dict[str, list[tuple[tuple[str, ...], int, tuple[str, ...] | None]]] = {}
        for i, term in enumerate(self.terms):
            seen = set()
            for variant in term.english:
                key = tuple(en_words(variant))
                if not key or key in seen:
                    continue
                seen.add(key)
                exact = tuple(en_raw_words(variant)) if is_acronym(variant) else None
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
        wanted = en_words(en)
        for term in self.terms:
            if any(en_words(v) == wanted for v in term.english):
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

    def _forms(self, term: Term, lang: str) -> TermForms:
        index = self._ids.get(id(term))
        if index is None or self.terms[index] is not term:
            return compile_term(term, lang)  # a term from elsewhere: not cached
        key = (index, lang)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = compile_term(term, lang)
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
        words = en_words(source_text)
        hits = self._en_first.intersection(words)
        found: list[int] = []
        if hits:
            n = len(words)
            raw: list[str] | None = None
            index = self._en_index
            free = 0  # the first word not inside a match yet
            for i in sorted(positions(words, hits)):
                if i < free:
                    continue
                for key, term_index, exact in index[words[i]]:
                    k = len(key)
                    if i + k > n or any(words[i + j] != key[j] for j in range(1, k)):
                        continue
                    if exact is not None:
                        if raw is None:
                            raw = en_raw_words(source_text)
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
        t = Text(text, lang)
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

    def matching(self) -> dict[str, str]:
        """How names are found in each language: "inflection (pymorphy3)",
        "inflection (ending table)" or "exact forms + accepted"."""
        return {lang: matching(lang) for lang in self.languages}

    def methods(self, term: Term, lang: str) -> dict[str, str]:
        """How each word's forms were made: dictionary, guess, table, sq-table, invariable."""
        lang = self._lang(lang)
        compiled = self._forms(term, lang)
        return {c.text: c.method for p in compiled.accepted for c in p.chunks}

    def violations(self, lang: str, msgid: str, msgstr: str) -> list[Violation]:
        """What is wrong with ``msgstr`` as a translation of ``msgid`` into ``lang``."""
        lang = self._lang(lang)
        if not msgstr or msgstr.isspace():
            return []
        terms = self.terms_in(msgid)
        if not terms:
            return []
        compiled = [(term, self._forms(term, lang)) for term in terms]
        quick = self._quick_violations(lang, msgstr, compiled)
        if quick is not None:
            return quick
        text = Text(msgstr, lang)
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
        self, lang: str, msgstr: str, compiled: list[tuple[Term, TermForms]]
    ) -> list[Violation] | None:
        """The violations when no forbidden variant can be in ``msgstr``, or None.

        The usual entry has its names right: then no forbidden word's prefix
        occurs in the text, only missing terms remain to be looked for, and
        each is found by its forms' common prefix.  This gives the answer of
        the full path below without splitting the text into words, which is
        most of a check's cost; the tests compare the two.
        """
        norm = normalize_text(msgstr, lang)
        if len(norm) != len(msgstr):
            return None  # normalising changed the text's shape: the full path
        stems = []
        for _, c in compiled:
            if c.accepted_stems is None or c.forbidden_stems is None:
                return None
            for stem in c.forbidden_stems:
                if stem in norm:
                    return None
            stems.append(c.accepted_stems)
        out: list[Violation] = []
        for (term, _), accepted in zip(compiled, stems, strict=True):
            if not quick_has(norm, accepted):
                lf = term.forms[lang]
                rule = "dnt" if term.dnt else "missing"
                out.append(Violation(term, lf.canonical, "", rule, self._message(term, lang, "")))
        return out

    def _forbidden(
        self, term: Term, lang: str, text: Text, i: int, j: int, phrase: Phrase, c: TermForms
    ) -> Violation:
        span = text.span(i, j)
        fix = repair.replacement(term, lang, text, i, phrase, c)
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
            if matching(lang).startswith("inflection"):
                expected = f"expected {names} (any inflected form)"
            else:  # say so, or "Kijowie" looks like a false alarm
                expected = f"expected {names} (as written; list inflected forms in accepted.{lang})"
        tail = f', found "{found}"' if found else ", not found"
        return f"{term.en}: {expected}{tail}"

    def enforce(self, lang: str, msgid: str, msgstr: str) -> Enforced:
        """Replace forbidden variants in ``msgstr`` by the canonical forms, inflected
        like the words they replace; terms still absent are listed in ``missing``."""
        return repair.enforce(self, self._lang(lang), msgid, msgstr)

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
