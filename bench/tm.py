"""Section "tm": translation memory at the scale of a newsroom.

- fuzzy lookup: 10,000 new sentences against a memory of 500,000 (the
  sentences of the synthetic corpus, each varied by word swaps), with
  l10n.memory's candidate selection, side by side with a full rapidfuzz scan
  of a sample (extrapolated: a full scan of all 10,000 takes far too long);
- memory of an unchanged project (PO files of ``articles`` x 3 languages):
  the SQLite memory's sync with nothing changed, against building the memory
  by parsing every PO file (``catalog.build_memory``, the previous behaviour).
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import Row, Section, Target, log
from bench.synth import LANGS, corpus_articles

FUZZY_MEMORY = 500_000
FUZZY_QUERIES = 10_000
FULL_SCAN_SAMPLE = 20


def _sentences(articles: int) -> list[str]:
    from l10n.segment import segment_text

    texts = corpus_articles(articles)
    return list(dict.fromkeys(s.text for a in texts for s in segment_text(a)))


def _vary(rng: random.Random, sentence: str, words: list[str], share: float) -> str:
    parts = sentence.split()
    return " ".join(rng.choice(words) if rng.random() < share else w for w in parts)


def fuzzy_case(section: Section, size: int, queries: int) -> None:
    from rapidfuzz import fuzz, process

    from l10n.memory.fuzzy import FuzzyIndex

    rng = random.Random(7)
    base = _sentences(200)
    words = sorted({w for s in base for w in s.split()})
    memory: dict[str, None] = dict.fromkeys(base)
    while len(memory) < size:
        memory[_vary(rng, rng.choice(base), words, 0.3)] = None
    sentences = list(memory)
    # New sentences: a third close to one in memory, a third loosely like one, a third new.
    asked = [
        _vary(rng, rng.choice(sentences), words, share)
        for share in (0.05, 0.3, 0.9)
        for _ in range(queries // 3)
    ]
    log(f"tm: fuzzy, {len(asked)} lookups against {len(sentences)} sentences")
    start = time.perf_counter()
    index = FuzzyIndex(sentences)
    built = time.perf_counter() - start
    found = sum(index.best(q, 50) is not None for q in asked)
    total = time.perf_counter() - start
    section.rows.append(
        Row(
            "tm",
            f"fuzzy lookup, {len(asked):,} vs {len(sentences):,}",
            "l10n.memory (word candidates + rapidfuzz)",
            total,
            [total],
            throughput=f"{len(asked) / total:,.0f} lookups/s",
            detail=f"index built in {built:.1f} s; {found:,} matched at 50% or more",
        )
    )
    sample = asked[:: max(1, len(asked) // FULL_SCAN_SAMPLE)][:FULL_SCAN_SAMPLE]
    start = time.perf_counter()
    for q in sample:
        process.extractOne(q, sentences, scorer=fuzz.ratio, score_cutoff=50)
    per = (time.perf_counter() - start) / len(sample)
    section.rows.append(
        Row(
            "tm",
            f"fuzzy lookup, {len(asked):,} vs {len(sentences):,}",
            f"full rapidfuzz scan (extrapolated from {len(sample)})",
            per * len(asked),
            [per * len(asked)],
            ratio=f"{per * len(asked) / total:.0f}x l10n.memory",
        )
    )
    section.targets.append(
        Target(
            "fuzzy lookup 10k vs 500k",
            "under 10 s",
            f"{total:.1f} s for {len(asked):,} vs {len(sentences):,} "
            f"(index {built:.1f} s + {FUZZY_QUERIES:,} lookups at this rate: "
            f"{built + (total - built) * FUZZY_QUERIES / len(asked):.0f} s)",
            (built + (total - built) * FUZZY_QUERIES / len(asked) < 10)
            if len(sentences) == FUZZY_MEMORY
            else None,
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
    # 999 lookups: the full 10,000 take minutes today (see docs/benchmarks.md).
    fuzzy_case(section, 20_000 if quick else FUZZY_MEMORY, 999)
    return section
