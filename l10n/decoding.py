"""Glossary-aware decoding: machine output that names things the glossary's way.

Replacing a listed wrong spelling after decoding (:meth:`Glossary.enforce`)
cannot fix a name the model rendered in a way nobody listed, and it leaves
the words around the name as the model wrote them for the wrong one.  So for
a sentence that mentions glossary terms the model is asked again, before any
replacement:

1. **chosen**: several hypotheses (``num_hypotheses``); the best-scoring one
   the inflection-aware check accepts (no forbidden variant, no term
   missing) is kept.
2. **forced**: none is accepted.  The best hypothesis is cut where the first
   wrong rendering starts (a missing term, which has no place in it, goes
   where it stands in the source, proportionally) and decoded again with
   the cut followed by a declined form of the canonical name as the target
   prefix, in one batched call for every sentence.  Which forms: each of
   the name's cases is put in place of the wrong rendering and the whole
   output scored (cheap: no decoding); the ``FORCED_FORMS`` best are
   decoded.  Completions are ranked by the model's score of the whole
   output (``Engine.score``: a decoded score leaves the forced tokens out,
   so it cannot compare different prefixes); the best accepted one is kept.
   A sentence with several wrong terms gets a round per term; a runaway
   best hypothesis (``RUNAWAY`` times the source's length) is not forced.
3. **replaced / still missing**: otherwise the pipeline falls back to
   replacement after decoding, and the note says which terms are still
   missing.

:func:`decode` does 1 and 2 for a batch of sentences; :func:`note` writes
the ``Glossary decoding:`` line telling the reviewer which path each term
took.  Nothing here reads or writes files: the engine and the glossary are
given, so a scripted engine drives every path in the tests.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from l10n.engines import Hypothesis, Translation
from l10n.glossary import Enforced, Glossary, Term, Violation
from l10n.glossary.forms import compile_term
from l10n.morph.chunks import inflect
from l10n.morph.text import match_case

NOTE_PREFIX = "Glossary decoding:"
HYPOTHESES = 4  # asked for per sentence with terms
MAX_FORMS = 6  # declined forms tried: a name's cases, not its plurals' too
MAX_ROUNDS = 2  # forced rounds per sentence (one per wrong term)
FORCED_FORMS = 2  # forms decoded per round: the best placed ones
# A best hypothesis this many times longer than its source (in characters,
# the source counted as at least 20) is the model running away, not a
# translation (en->ru/uk/sq run about 1.1-1.3x): forcing a name into its
# start would only decode the runaway again, at the full length, so it is
# left to replacement.
RUNAWAY = 3.0


class GlossaryEngine(Protocol):
    """What glossary-aware decoding needs of an engine (BatchEngine has it)."""

    name: str

    def translate(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 4,
        num_hypotheses: int = 1,
        prefixes: Sequence[str | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, Translation]]: ...

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[Hypothesis]: ...


def can_decode(engine: object) -> bool:
    """Whether ``engine`` gives n-best lists, forced prefixes and whole-output
    scores; others (scripted engines) decode as before, replacement only."""
    translate = getattr(engine, "translate", None)
    if translate is None or not callable(getattr(engine, "score", None)):
        return False
    params = inspect.signature(translate).parameters
    return "num_hypotheses" in params and "prefixes" in params


@dataclass(frozen=True)
class Outcome:
    """How one sentence was decoded: its output and the path it took.

    ``path`` is "chosen" (hypothesis ``rank`` of ``hypotheses``, 1 = the
    best), "forced" (``forced`` lists each forced term and the form used) or
    "fallback" (no accepted output: the best hypothesis, or the forced
    completion that fixed the most, is left to replacement).
    """

    translation: Translation
    path: str
    hypotheses: int
    rank: int = 1
    forced: tuple[tuple[Term, str], ...] = ()

    @property
    def text(self) -> str:
        return self.translation.text


@dataclass
class _Pending:
    """A sentence still without accepted output, during the forced rounds."""

    index: int
    source: str
    base: Hypothesis  # the output forcing starts from
    forced: list[tuple[Term, str]] = field(default_factory=list)
    # What the check found in ``base``, kept so it is not run again on the
    # same text (finding a forbidden variant also works out its replacement).
    violations: list[Violation] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return len(self.violations)


def decode(
    engine: GlossaryEngine,
    glossary: Glossary,
    lang: str,
    sources: Sequence[str],
    *,
    beam_size: int = 4,
    num_hypotheses: int = HYPOTHESES,
    rounds: int = MAX_ROUNDS,
    progress: Callable[[int], None] | None = None,
) -> dict[int, Outcome]:
    """Decode ``sources`` (each mentions glossary terms) following the glossary.

    ``rounds`` 0 stops after choosing among hypotheses (bench/terms measures
    each path's share of the gain and of the cost).
    """
    lang = glossary.language_of(lang) or lang  # uk_UA: the glossary's uk
    out: dict[int, Outcome] = {}
    pending: list[_Pending] = []
    given_up: list[_Pending] = []
    results = engine.translate(
        sources, beam_size=beam_size, num_hypotheses=num_hypotheses, progress=progress
    )
    for i, translation in results:
        hyps = translation.hypotheses
        found = [glossary.violations(lang, sources[i], hyps[0].text)]
        for rank, hyp in enumerate(hyps, 1):
            if rank > 1:
                found.append(glossary.violations(lang, sources[i], hyp.text))
            if not found[-1]:
                out[i] = Outcome(_first(translation, rank), "chosen", len(hyps), rank)
                break
        else:
            stuck = runaway(sources[i], hyps[0].text)
            (given_up if stuck else pending).append(
                _Pending(i, sources[i], hyps[0], violations=found[0])
            )
    n_hyps = {i: len(o.translation.hypotheses) for i, o in out.items()}
    shown = max([num_hypotheses, *n_hyps.values()])
    _give_up(given_up, out, shown)
    for _ in range(rounds):
        if not pending:
            break
        pending = _force_round(engine, glossary, lang, pending, out, beam_size, shown)
    _give_up(pending, out, shown)
    return out


def runaway(source: str, output: str) -> bool:
    """Whether ``output`` is too long to be a translation of ``source``."""
    return len(output) > RUNAWAY * max(len(source), 20)


def _first(translation: Translation, rank: int) -> Translation:
    """The hypotheses with the chosen one first (its confidence goes in the note)."""
    hyps = translation.hypotheses
    return Translation((hyps[rank - 1], *hyps[: rank - 1], *hyps[rank:]))


def _force_round(
    engine: GlossaryEngine,
    glossary: Glossary,
    lang: str,
    pending: list[_Pending],
    out: dict[int, Outcome],
    beam_size: int,
    shown: int,
) -> list[_Pending]:
    """One round of forcing for every pending sentence; the sentences still
    not accepted, each from its best completion if that has fewer problems.

    Decoding every declined form is costly (a name has six cases), so the
    forms are ranked first by scoring the best hypothesis with each put in
    place of the wrong rendering (one scoring call, no decoding); only the
    ``FORCED_FORMS`` best are decoded, in one batched call.
    """
    options = [
        (p, c)
        for p in pending
        for c in candidates(glossary, lang, p.source, p.base.text, p.violations)
    ]
    if not options:
        return _give_up(pending, out, shown)
    placed = engine.score([p.source for p, _ in options], [c.placed for _, c in options])
    ranked: dict[int, list[tuple[float, int]]] = {}
    for k, ((p, _), hyp) in enumerate(zip(options, placed, strict=True)):
        ranked.setdefault(p.index, []).append((_score(hyp), -k))
    keep = sorted(-k for r in ranked.values() for _, k in sorted(r, reverse=True)[:FORCED_FORMS])
    jobs = [options[k] for k in keep]
    sources = [p.source for p, _ in jobs]
    decoded = dict(
        engine.translate(sources, beam_size=beam_size, prefixes=[c.prefix for _, c in jobs])
    )
    texts = [Translation.of(decoded[k]).text for k in range(len(jobs))]
    scored = engine.score(sources, texts)
    best: dict[int, tuple[int, float, int]] = {}  # sentence -> (-problems, score, -job)
    found = []
    for k, ((p, _), hyp) in enumerate(zip(jobs, scored, strict=True)):
        found.append(glossary.violations(lang, p.source, hyp.text))
        key = (-len(found[-1]), _score(hyp), -k)
        if p.index not in best or key > best[p.index]:
            best[p.index] = key
    left, stuck = [], []
    for p in pending:
        if p.index not in best:
            stuck.append(p)
            continue
        problems, _, k = best[p.index]
        candidate, hyp = jobs[-k][1], scored[-k]
        forced = [*p.forced, (candidate.term, candidate.form)]
        if problems == 0:
            out[p.index] = Outcome(Translation((hyp,)), "forced", shown, forced=tuple(forced))
        elif -problems < p.problems:
            left.append(_Pending(p.index, p.source, hyp, forced, found[-k]))
        else:
            stuck.append(p)  # forcing did not help: another round would not either
    _give_up(stuck, out, shown)
    return left


def _give_up(pending: list[_Pending], out: dict[int, Outcome], shown: int) -> list[_Pending]:
    for p in pending:
        out[p.index] = Outcome(Translation((p.base,)), "fallback", shown, forced=tuple(p.forced))
    return []


def _score(hyp: Hypothesis) -> float:
    return hyp.score if hyp.score is not None else float("-inf")


@dataclass(frozen=True)
class Candidate:
    """One form of a term to force: ``prefix`` is the output up to the wrong
    rendering followed by ``form``; ``placed`` is the whole output with
    ``form`` in place of the wrong rendering (to rank forms before decoding)."""

    term: Term
    form: str
    prefix: str
    placed: str


def candidates(
    glossary: Glossary,
    lang: str,
    source: str,
    output: str,
    violations: list[Violation] | None = None,
) -> list[Candidate]:
    """The forms to force for the first wrong term of ``output``.

    The prefix is ``output`` up to where the wrong rendering starts, followed
    by a declined form of the term's canonical name.  A missing term has no
    place in the output: it is put where it stands in the source,
    proportionally, at a word boundary (the start for a sentence's first word).
    ``violations``: the check's findings in ``output`` where the caller has them.
    """
    if violations is None:
        violations = glossary.violations(lang, source, output)
    if not violations:
        return []
    located = [v for v in violations if v.span is not None]
    if located:
        first = min(located, key=lambda v: v.span[0] if v.span else 0)
        assert first.span is not None
        term, (cut, end) = first.term, first.span
    else:
        term = violations[0].term
        cut = end = _proportional_cut(term, source, output)
    head, tail = output[:cut], output[end:]
    if head and head[-1].isalnum():
        head += " "
    if cut == end and tail and tail[0].isalnum():
        tail = " " + tail
    return [Candidate(term, form, head + form, head + form + tail) for form in declined(term, lang)]


_WORD_START = re.compile(r"(?<=\s)\S")


def _proportional_cut(term: Term, source: str, output: str) -> int:
    """Where in ``output`` the term would stand if it kept its place in the
    source: the word start nearest that share of the text (0 if none)."""
    lowered = source.lower()
    found = [lowered.find(v.lower()) for v in term.english]
    at = min((f for f in found if f >= 0), default=0)
    target = at / max(1, len(source)) * len(output)
    starts = [0, *(m.start() for m in _WORD_START.finditer(output))]
    return min(starts, key=lambda s: abs(s - target))


def declined(term: Term, lang: str) -> list[str]:
    """The canonical name in each case the morphology gives (canonical first),
    with its capitals; for a multi-word name every word in the same case."""
    return list(_declined(term, lang))


# A term's forms are the same in every sentence, and inflecting them anew for
# each sentence forced was the larger part of the forced round's own time
# (bench/terms: pymorphy3, a quarter of it for 29 sentences).
@functools.lru_cache(maxsize=4096)
def _declined(term: Term, lang: str) -> tuple[str, ...]:
    lf = term.forms[lang]
    phrase = compile_term(term, lang).accepted[0]
    keys = list(dict.fromkeys(k for chunk in phrase.chunks for k in chunk.forms.values()))
    forms = [lf.canonical]
    for key in keys:
        words = []
        for chunk in phrase.chunks:
            form = inflect(chunk.text, lang, key, chunk.cls) if key != "base" else None
            words.append(match_case(form, chunk.text) + chunk.tail if form else chunk.text)
        text = " ".join(words)
        if text not in forms:
            forms.append(text)
    return tuple(forms[:MAX_FORMS])


def note(
    outcome: Outcome, glossary: Glossary, lang: str, msgid: str, decoded: str, enforced: Enforced
) -> str | None:
    """The ``Glossary decoding:`` line: the path each term of ``msgid`` took.

    ``decoded`` is the output before replacement and ``enforced`` what
    replacement made of it (for the fallback path).
    """
    terms = glossary.terms_in(msgid)
    if not terms:
        return None
    lang = glossary.language_of(lang) or lang
    forced = {id(t): form for t, form in outcome.forced}
    wrong = {id(v.term) for v in glossary.violations(lang, msgid, decoded)}
    missing = {id(t) for t in enforced.missing}
    parts = []
    for term in terms:
        name = f"{term.en} → {term.forms[lang].canonical}" if lang in term.forms else term.en
        if id(term) in missing:
            how = "still missing"
        elif id(term) in wrong:
            how = "replaced after decoding"
        elif id(term) in forced:
            how = f"forced ({forced[id(term)]})"
        elif outcome.rank > 1:
            how = f"chosen among {outcome.hypotheses} hypotheses (#{outcome.rank})"
        else:
            how = f"best of {outcome.hypotheses} hypotheses"
        parts.append(f"{name} {how}")
    return f"{NOTE_PREFIX} {'; '.join(parts)}."
