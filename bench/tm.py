"""Section "tm": translation memory at the scale of a newsroom.

- fuzzy lookup: 10,000 new sentences against a memory of 500,000 (the
  sentences of the synthetic corpus, each varied by word swaps), as
  ``translate`` asks them (the hint floor, 50%): l10n.memory's index, the
  previous implementation (word candidates counted in Python, kept below as
  it was; timed on a sample of the lookups and extrapolated), and a full
  rapidfuzz scan of the sample (extrapolated).  Recall: of the sampled
  lookups whose full scan finds a sentence at the cutoff, the share for which
  each side finds one of the same score, at 75% (the default threshold) and
  at 50%;
- memory of an unchanged project (PO files of ``articles`` x 3 languages):
  the SQLite memory's sync with nothing changed, against building the memory
  by parsing every PO file (``catalog.build_memory``, the previous behaviour).
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from bench.common import Row, Section, Target, log
from bench.synth import LANGS, corpus_articles

FUZZY_MEMORY = 500_000
FUZZY_QUERIES = 10_000
RECALL_SAMPLE = 100  # lookups checked against a full scan (about 0.17 s each at 500,000)
ASKED_AT = 50  # translate asks for the best match down to the hint floor
THRESHOLD = 75


def _sentences(articles: int) -> list[str]:
    from l10n.segment import segment_text

    texts = corpus_articles(articles)
    return list(dict.fromkeys(s.text for a in texts for s in segment_text(a)))


def _vary(rng: random.Random, sentence: str, words: list[str], share: float) -> str:
    parts = sentence.split()
    return " ".join(rng.choice(words) if rng.random() < share else w for w in parts)


# --- the previous implementation, as it was --------------------------------------

_WORD = re.compile(r"\w+")


class PreviousFuzzyIndex:
    """l10n.memory.fuzzy.FuzzyIndex before the word-pair index: the query's 8
    rarest words, their sentences counted in a Counter, the 64 sharing the
    most scored."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = sentences
        self.lengths = [len(s) for s in sentences]
        postings: dict[str, list[int]] = {}
        for i, sentence in enumerate(sentences):
            for word in set(_WORD.findall(sentence.lower())):
                postings.setdefault(word, []).append(i)
        self.postings = postings

    def best(self, query: str, cutoff: float) -> tuple[float, int] | None:
        from rapidfuzz import fuzz, process

        from l10n.memory.fuzzy import length_window

        words = set(_WORD.findall(query.lower()))
        lists = sorted((self.postings[w] for w in words if w in self.postings), key=len)[:8]
        if not lists:
            return None
        low, high = length_window(len(query), cutoff)
        lengths = self.lengths
        counts = Counter(i for i in chain.from_iterable(lists) if low <= lengths[i] <= high)
        chosen = [i for i, _ in counts.most_common(64)]
        found = process.extractOne(
            query, [self.sentences[i] for i in chosen], scorer=fuzz.ratio, score_cutoff=cutoff
        )
        return None if found is None else (found[1], chosen[found[2]])


# --- fuzzy lookup ------------------------------------------------------------------


def _fuzzy_data(size: int, queries: int) -> tuple[list[str], list[str]]:
    rng = random.Random(7)
    base = _sentences(200)
    words = sorted({w for s in base for w in s.split()})
    memory: dict[str, None] = dict.fromkeys(base)
    while len(memory) < size:
        memory[_vary(rng, rng.choice(base), words, 0.3)] = None
    sentences = list(memory)
    # New sentences: a third close to one in memory, a third loosely like one, a third new.
    shares = (0.05, 0.3, 0.9)
    asked = [
        _vary(rng, rng.choice(sentences), words, shares[i * 3 // queries]) for i in range(queries)
    ]
    return sentences, asked


def _recall(found: Sequence[float | None], truth: Sequence[float | None], cutoff: float) -> str:
    """Found / findable: lookups whose full scan has a match at ``cutoff``,
    for which the side found one of the same score."""
    findable = [i for i, t in enumerate(truth) if t is not None and t >= cutoff]
    hits = sum(
        found[i] is not None and abs(found[i] - truth[i]) < 1e-6  # type: ignore[operator]
        for i in findable
    )
    return f"{hits}/{len(findable)} ({100 * hits / max(1, len(findable)):.0f}%) at {cutoff:.0f}%"


def fuzzy_case(section: Section, size: int, queries: int, sample: int) -> None:
    from rapidfuzz import fuzz, process

    from l10n.memory.fuzzy import FuzzyIndex

    sentences, asked = _fuzzy_data(size, queries)
    probe = asked[:: max(1, len(asked) // sample)][:sample]
    case = f"fuzzy lookup, {len(asked):,} vs {len(sentences):,}"
    log(f"tm: {case}")

    start = time.perf_counter()
    index = FuzzyIndex(sentences)
    index.build()
    built = time.perf_counter() - start
    found = index.best_many(asked, ASKED_AT)
    looked = time.perf_counter() - start - built
    new = {ASKED_AT: [n and n.score for n in index.best_many(probe, ASKED_AT)]}
    new[THRESHOLD] = [n and n.score for n in index.best_many(probe, THRESHOLD)]

    log(f"tm: {case}: previous implementation on {len(probe)} lookups")
    start = time.perf_counter()
    previous = PreviousFuzzyIndex(sentences)
    previous_built = time.perf_counter() - start
    old: dict[int, list[Any]] = {}
    for cutoff in (ASKED_AT, THRESHOLD):
        start = time.perf_counter()
        old[cutoff] = [(r and r[0]) for r in (previous.best(q, cutoff) for q in probe)]
        if cutoff == ASKED_AT:
            previous_each = (time.perf_counter() - start) / len(probe)

    log(f"tm: {case}: full scan of {len(probe)} lookups")
    start = time.perf_counter()
    truth = []
    for q in probe:
        best = process.extractOne(q, sentences, scorer=fuzz.ratio, score_cutoff=ASKED_AT)
        truth.append(None if best is None else best[1])
    scan_each = (time.perf_counter() - start) / len(probe)

    recall_new = ", ".join(_recall(new[c], truth, c) for c in (THRESHOLD, ASKED_AT))
    recall_old = ", ".join(_recall(old[c], truth, c) for c in (THRESHOLD, ASKED_AT))
    total = built + looked
    previous_total = previous_built + previous_each * len(asked)
    matched = sum(n is not None for n in found)
    section.rows += [
        Row(
            "tm",
            case,
            "l10n.memory: word-pair index, numpy, rapidfuzz",
            total,
            [total],
            throughput=f"{len(asked) / looked:,.0f} lookups/s",
            ratio=f"{previous_total / total:.0f}x faster than previous",
            detail=f"index built in {built:.1f} s, lookups {looked:.1f} s; {matched:,} matched "
            f"at {ASKED_AT}% or more; recall vs full scan: {recall_new}",
            data={"build_s": built, "lookups_s": looked, "recall": recall_new},
        ),
        Row(
            "tm",
            case,
            f"previous: word candidates, Counter (lookups extrapolated from {len(probe)})",
            previous_total,
            [previous_total],
            throughput=f"{1 / previous_each:,.0f} lookups/s",
            detail=f"index built in {previous_built:.1f} s; recall vs full scan: {recall_old}",
            data={"build_s": previous_built, "recall": recall_old},
        ),
        Row(
            "tm",
            case,
            f"full rapidfuzz scan (extrapolated from {len(probe)})",
            scan_each * len(asked),
            [scan_each * len(asked)],
            throughput=f"{1 / scan_each:,.1f} lookups/s",
            ratio=f"{scan_each * len(asked) / total:.0f}x l10n.memory",
        ),
    ]
    full = (len(sentences), len(asked)) == (FUZZY_MEMORY, FUZZY_QUERIES)
    section.targets.append(
        Target(
            "fuzzy lookup 10k vs 500k",
            "under 10 s",
            f"lookups {looked:.1f} s for {len(asked):,} vs {len(sentences):,}; "
            f"with the index build ({built:.1f} s) {total:.1f} s",
            looked < 10 if full else None,
        )
    )


def sync_case(section: Section, articles: int) -> None:
    from l10n import catalog
    from l10n.memory import TranslationMemory

    work = Path(tempfile.mkdtemp(prefix="l10n-bench-tm-"))
    try:
        locales = _project(work, articles)
        db = work / ".l10n" / "memory.sqlite"
        start = time.perf_counter()
        TranslationMemory.open(db, locales).close()
        first = time.perf_counter() - start
        # Every file older than the sync's "recently written" window.
        import os

        for path in locales.rglob("*.po"):
            st = path.stat()
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - 60 * 10**9))
        TranslationMemory.open(db, locales).close()
        start = time.perf_counter()
        with TranslationMemory.open(db, locales) as tm:
            for lang in LANGS:
                tm.language(lang).lookup("Kursk")
        unchanged = time.perf_counter() - start
        start = time.perf_counter()
        for lang in LANGS:
            catalog.build_memory(locales, lang)
        before = time.perf_counter() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)
    case = f"memory of {articles} articles x {len(LANGS)} languages, nothing changed"
    section.rows.append(
        Row(
            "tm",
            case,
            "SQLite memory: sync",
            unchanged,
            [unchanged],
            ratio=f"{before / unchanged:.0f}x faster",
            detail=f"first sync (all parsed) {first:.1f} s",
        )
    )
    section.rows.append(Row("tm", case, "previous: build_memory per language", before, [before]))


def _project(work: Path, articles: int) -> Path:
    """``articles`` reviewed PO files per language: the shipped translations,
    their sentences varied as the corpus varies the article."""
    import polib

    from l10n.po import format_po, read_po

    locales = work / "locales"
    rng = random.Random(5)
    for lang in LANGS:
        shipped = read_po(Path(__file__).resolve().parent.parent / "locales" / lang / "kursk.po")
        words = sorted({w for e in shipped for w in e.msgid.split()})
        for i in range(articles):
            po = polib.POFile()
            po.metadata = dict(shipped.metadata)
            for e in shipped:
                if e.msgid and not e.obsolete:
                    po.append(
                        polib.POEntry(
                            msgid=_vary(rng, e.msgid, words, 0.2) if i else e.msgid, msgstr=e.msgstr
                        )
                    )
            path = locales / lang / f"a{i:04d}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(format_po(po), encoding="utf-8")
    return locales


def run(*, quick: bool = False) -> Section:
    section = Section()
    sync_case(section, 20 if quick else 200)
    if quick:
        fuzzy_case(section, 20_000, 2_000, 150)
    else:
        fuzzy_case(section, FUZZY_MEMORY, FUZZY_QUERIES, RECALL_SAMPLE)
    return section
