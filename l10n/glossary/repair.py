"""Repairing machine output: forbidden variants become the canonical form,
in the case and with the capitals of the words they replace.

:func:`replacement` works out the repair of one forbidden match (``Судзхи``
-> ``Суджи``, ``Sudzhës`` -> ``Suxhës``, ``St. Petersburg`` -> ``Shën
Petersburg``); :class:`~l10n.glossary.glossary.Glossary` puts it into the
:class:`Violation` it reports, so ``l10n check --fix`` can apply it, and
:func:`enforce` applies every repair to a machine translation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from l10n.glossary.forms import Chunk, Phrase, TermForms
from l10n.glossary.matching import Text
from l10n.glossary.model import Enforced, Term
from l10n.morph.chunks import inflect
from l10n.morph.slavic import parse_key
from l10n.morph.text import CYRILLIC_LANGS, match_case, normalize, tokenize

if TYPE_CHECKING:
    from l10n.glossary.glossary import Glossary


def _chunk_words(chunk: str, lang: str) -> str:
    return " ".join(normalize(t, lang) for _, _, t in tokenize(chunk))


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


def replacement(
    term: Term, lang: str, text: Text, first: int, phrase: Phrase, c: TermForms
) -> tuple[tuple[int, int], str] | None:
    """((start, end), canonical text) for a forbidden match, in the same case."""
    lf = term.forms[lang]
    # The found words, split as the forbidden phrase's chunks.
    found: list[tuple[int, int, Chunk]] = []
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
            form = inflect(last.text, lang, key, last.cls)
            if form is not None and key != "base":
                new = new[: len(new) - len(last.text)] + match_case(form, last.text)
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
            new = _inflect_chunk(fchunk, target, lang, text, i, j, raw)
        else:
            new = _inflect_chunk(fchunk, target, lang, text, i, j, raw)
        if new is None:
            return None
        pieces.append(text.text[cursor:cstart])
        pieces.append(new)
        cursor = cend
    pieces.append(text.text[cursor:end])
    result = "".join(pieces)
    return None if result == text.text[start:end] else ((start, end), result)


def _inflect_chunk(
    fchunk: Chunk, target: Chunk, lang: str, text: Text, i: int, j: int, raw: str
) -> str | None:
    """The target chunk in the slot of the found words i..j (forms of ``fchunk``)."""
    got = " ".join(text.words[i:j])
    if got == _chunk_words(fchunk.text, lang):
        # The variant's own dictionary form: the canonical one, as written
        # (also when a guessed analysis gives it no case, as for Зелпоино).
        return match_case(target.text.lower(), target.text, raw)
    key = fchunk.forms.get(got)
    if key is None and lang in CYRILLIC_LANGS:
        key = parse_key(text.raw(j - 1), lang)
    if key is None:
        return None
    form = inflect(target.text, lang, key, target.cls)
    if form is None:
        return None
    parts = [normalize(t, lang) for _, _, t in tokenize(form)]
    if len(parts) != len(target.sets) or any(
        p not in s for p, s in zip(parts, target.sets, strict=True)
    ):
        return None
    return match_case(form, target.text, raw)


def enforce(glossary: Glossary, lang: str, msgid: str, msgstr: str) -> Enforced:
    """Replace forbidden variants in ``msgstr`` by the canonical forms, inflected
    like the words they replace; terms still absent are listed in ``missing``.

    ``lang`` is one of the glossary's languages (:meth:`Glossary.enforce`
    resolves a locale code first, so a wrong one fails even on empty text).
    """
    text = msgstr
    replaced: list[tuple[str, str]] = []
    if not msgstr.strip():
        return Enforced(msgstr, [], [])
    for _ in range(20):
        fixes = [
            v
            for v in glossary.violations(lang, msgid, text)
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
    missing = [t for t in glossary.terms_in(msgid) if not glossary.find_forms(t, lang, text)]
    return Enforced(text, replaced, missing)
