"""Section 4: peak memory of ``l10n translate`` as a whole process.

Each case is a child process (``python -m bench.child``: the library call
behind ``l10n translate``) that reports its own peak RSS (``VmHWM``; see
:mod:`bench.child` for why not ``wait4``/RUSAGE_CHILDREN from this parent).
The child also traces the Python heap: its peak, and what it still holds
when the run is over, which is the documents (templates and PO files in
memory, translations included) plus caches.  ``peak - held`` is what the run
needed only while it ran.  ``ArgosEngine.translate`` keeps only the token
counts of all segments (for the length sort) and tokenizes a batch when it
submits it, with at most two batches per worker in flight, so that transient
memory should grow with the corpus by about one batch (the in-flight window
filling up, with longer segments), not by every segment's tokens or output.

Decoding is shortened (MEMORY_TARGET_TOKENS per segment) so that a corpus of
many articles fits the time budget: memory, not speed, is measured.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import tracemalloc
from pathlib import Path

from bench.common import ROOT, Row, Section, Target, bench_env, fmt_bytes, log, run_process
from bench.synth import corpus_articles, document_segments, write_articles

MEMORY_TARGET_TOKENS = 8
# The decoded output of a segment as Python objects, generously: ~80 bytes a
# token string, with list overhead.
OUTPUT_BYTES_PER_TOKEN = 80


def run(*, articles: int, packages_dir: Path, glossary: bool) -> Section:
    section = Section()
    work = Path(tempfile.mkdtemp(prefix="l10n-bench-memory-"))
    counts = sorted({1, max(2, articles // 3), max(2, articles)})
    env = bench_env(ARGOS_PACKAGES_DIR=str(packages_dir), PYTHONPATH=str(ROOT))
    try:
        results = {}
        for count in counts:
            sources = work / f"src{count}"
            write_articles(sources, corpus_articles(count))
            results[count] = _child(work, sources, env, glossary, section)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _summary(results, counts, section)


def _child(
    work: Path, sources: Path, env: dict[str, str], glossary: bool, section: Section
) -> dict:
    """One ``l10n translate`` child on the articles in ``sources``; its JSON report."""
    argv = [
        sys.executable,
        "-m",
        "bench.child",
        str(sources),
        "--locales",
        tempfile.mkdtemp(prefix="locales-", dir=work),
        "--target-tokens",
        str(MEMORY_TARGET_TOKENS),
        "--tracemalloc",
    ]
    argv += ["--glossary"] if glossary else []
    count = len(list(sources.glob("*.en.txt")))
    side = "l10n translate, sq (child process)"
    log(f"memory: {side} on {count} article(s)")
    proc = run_process(argv, cwd=ROOT, env=env)
    if proc.returncode:
        raise RuntimeError(f"memory child failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    transient = data["heap_peak"] - data["heap_held"]
    section.rows.append(
        Row(
            "memory",
            f"{count} article(s): {data['segments']} seg, {data['files']} PO/POT files "
            f"({fmt_bytes(data['po_bytes'])})",
            side,
            proc.seconds,
            [proc.seconds],
            f"peak RSS {fmt_bytes(data['peak_rss'])}",
            "",
            f"Python heap: held at end {fmt_bytes(data['heap_held'])}, peak "
            f"{fmt_bytes(data['heap_peak'])}, transient {fmt_bytes(transient)}",
            {**data, "transient": transient},
        )
    )
    return data


def _summary(results: dict[int, dict], counts: list[int], section: Section) -> Section:
    from l10n.engines import DecodeOptions

    s, b = results[counts[0]], results[counts[-1]]
    articles = counts[-1]
    options = DecodeOptions()
    size = options.batch_size
    window = 2 * (options.inter_threads or os.cpu_count() or 1)  # batches in flight, at most
    d_rss = b["peak_rss"] - s["peak_rss"]
    d_held = b["heap_held"] - s["heap_held"]
    transient = {c: results[c]["heap_peak"] - results[c]["heap_held"] for c in counts}
    d_transient = transient[counts[-1]] - transient[counts[0]]
    d_seg = b["segments"] - s["segments"]
    segments = [seg for text in corpus_articles(articles) for seg in document_segments(text)]
    all_tokens, longest_batch = token_bytes(segments, size)
    batch = longest_batch + size * MEMORY_TARGET_TOKENS * OUTPUT_BYTES_PER_TOKEN
    section.notes.append(
        f"Memory, {' -> '.join(str(results[c]['segments']) for c in counts)} segments: peak RSS "
        f"{' -> '.join(fmt_bytes(results[c]['peak_rss']) for c in counts)} (longest segment "
        f"{' -> '.join(str(results[c]['longest_segment_tokens']) for c in counts)} source "
        "tokens; RSS is mostly the model, the libraries and CTranslate2's working buffers and "
        "allocator caches, which follow batch shapes, so the Python heap is what shows what "
        "is kept per segment); "
        f"PO data held in memory +{fmt_bytes(d_held)} ({fmt_bytes(d_held / d_seg)}/segment, "
        f"PO files +{fmt_bytes(b['po_bytes'] - s['po_bytes'])} on disk); transient Python "
        f"memory {' -> '.join(fmt_bytes(transient[c]) for c in counts)} "
        f"({signed(d_transient)}, {fmt_bytes(d_transient / d_seg)}/segment)."
    )
    in_flight = [min(window, -(-r["segments"] // size)) for r in (s, b)]  # at the peak
    more = in_flight[1] - in_flight[0]
    section.targets.append(
        Target(
            f"translate's transient memory grows by at most one batch from 1 to {articles} "
            "articles",
            f"transient growth <= one batch (~{fmt_bytes(batch)})",
            f"transient {signed(d_transient)} for +{d_seg} segments; "
            f"RSS {signed(d_rss)} vs PO data {signed(d_held)}",
            d_transient <= batch,
            f"One batch: the source token lists of the corpus's {size} longest segments "
            f"({fmt_bytes(longest_batch)}, measured) plus {size} x {MEMORY_TARGET_TOKENS} "
            f"decoded tokens at ~{OUTPUT_BYTES_PER_TOKEN} bytes each. ArgosEngine.translate "
            "keeps only the token counts of all segments for its length sort and tokenizes a "
            f"batch when it submits it, with at most {window} batches of {size} in flight "
            f"here (2 per worker): at the peak, {in_flight[0]} batch(es) of the "
            f"{s['segments']} segments of 1 article, {in_flight[1]} batch(es) of the "
            f"longest segments of {articles} articles, so the growth expected of this "
            f"engine is {more} batch(es) plus the longer segments. The "
            f"token lists of all {b['segments']} segments, which an engine tokenizing "
            f"everything up front would hold to the end, take {fmt_bytes(all_tokens)} "
            f"({fmt_bytes(all_tokens / b['segments'])}/segment).",
        )
    )
    return section


def signed(n: float) -> str:
    return ("+" if n >= 0 else "-") + fmt_bytes(abs(n))


def token_bytes(segments: list[str], size: int) -> tuple[int, int]:
    """Python heap taken by the token lists of all ``segments``, and by those
    of the ``size`` longest (the last and largest batch of a length-sorted
    schedule)."""
    from l10n.models import find_package

    encode = find_package("en", "sq").tokenizer.encode
    encode("warm up")  # loads the SentencePiece model outside the trace
    longest = sorted(segments, key=lambda text: len(encode(text)))[-size:]
    sizes = []
    for group in (segments, longest):
        tracemalloc.start()
        tokens = [encode(text) for text in group]
        sizes.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
        del tokens
    return sizes[0], sizes[1]
