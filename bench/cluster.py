"""Section "cluster": decoding in-process against ``--cluster local:2``.

Both sides decode the same sentences (the synthetic corpus, en->sq, fixed
length as in the translate section) with the same batches; the cluster side
is timed warm (its workers have loaded the model once, as on a long archive
run) and its start is reported apart.  The per-task overhead of the cluster
path is measured with an engine that echoes its input: everything the
cluster does for a task (cutting, pickling, scheduling, the round trip, the
results streamed back) but the decoding.  An operator estimates N machines
as N times one machine's in-process rate while the overhead stays far below
a task's decoding time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from bench.common import Row, Section, log
from bench.synth import corpus_articles
from bench.translation import fixed_length_options

WORKERS = 2
ECHO_SENTENCES = 20_000


@dataclass(frozen=True)
class EchoSpec:
    """A worker engine that returns its input: the cluster path without decoding."""

    key: str = "bench-echo"

    def build(self, threads: int | None = None) -> Any:
        return _Echo()


class _Echo:
    name = "echo"

    def tokenize(self, text: str) -> list[str]:
        return text.split()

    def translate(self, texts: Any, *, beam_size: int = 4, progress: Any = None) -> Any:
        return iter(enumerate(texts))


def _sentences(articles: int) -> list[str]:
    from l10n.segment import segment_text

    return list(dict.fromkeys(s.text for a in corpus_articles(articles) for s in segment_text(a)))


def _timed(engine: Any, texts: list[str]) -> float:
    start = time.perf_counter()
    out = dict(engine.translate(texts, beam_size=4))
    seconds = time.perf_counter() - start
    assert len(out) == len(texts)
    return seconds


def run(*, articles: int, target_tokens: int, repeat: int) -> Section:
    from l10n.cluster import ClusterEngine, Connection, argos_specs, cluster_engine_factory
    from l10n.pipeline import argos_engine_factory

    section = Section()
    texts = _sentences(articles)
    options = fixed_length_options(target_tokens)
    log(f"cluster: {len(texts)} sentences en->sq, in-process and local:{WORKERS}")
    local = argos_engine_factory(options)("en", "sq")
    _timed(local, texts[:16])  # the model loaded
    inproc = [_timed(local, texts) for _ in range(repeat)]
    connection = Connection(WORKERS)
    try:
        start = time.perf_counter()
        connection.client.wait_for_workers(WORKERS)
        started = time.perf_counter() - start
        engine = cluster_engine_factory(connection, argos_specs(options))("en", "sq")
        start = time.perf_counter()
        _timed(engine, texts[: 2 * WORKERS * engine.task_size])  # each worker loads the model
        first = time.perf_counter() - start
        on_cluster = [_timed(engine, texts) for _ in range(repeat)]
        echo = ClusterEngine(connection, EchoSpec(), _Echo(), 2, "sq")
        echo.task_size = engine.task_size
        echoed = (_sentences(articles) * (ECHO_SENTENCES // len(texts) + 1))[:ECHO_SENTENCES]
        echo_s = min(_timed(echo, echoed) for _ in range(repeat))
    finally:
        connection.close()
    tasks = -(-len(echoed) // engine.task_size)
    best_in, best_cl = min(inproc), min(on_cluster)
    case = f"{len(texts)} sentences en->sq, {target_tokens} tokens each"
    section.rows += [
        Row(
            "cluster",
            case,
            "in-process (ArgosEngine, one batch per core)",
            best_in,
            inproc,
            throughput=f"{len(texts) / best_in:,.1f} seg/s",
        ),
        Row(
            "cluster",
            case,
            f"--cluster local:{WORKERS} (warm workers)",
            best_cl,
            on_cluster,
            throughput=f"{len(texts) / best_cl:,.1f} seg/s",
            ratio=f"{best_in / best_cl:.2f}x in-process",
            detail=f"cluster start {started:.1f} s; first tasks (model load) {first:.1f} s",
        ),
        Row(
            "cluster",
            f"{tasks:,} tasks of {engine.task_size} sentences, no decoding",
            f"--cluster local:{WORKERS}, echo engine",
            echo_s,
            [echo_s],
            throughput=f"{tasks / echo_s:,.0f} tasks/s",
            detail=f"overhead {echo_s / tasks * 1000:.1f} ms per task of the cluster path; "
            f"decoding one task here takes {best_in / len(texts) * engine.task_size * 1000:,.0f} "
            "ms of one machine",
        ),
    ]
    section.notes.append(
        f"On {WORKERS} cores a local cluster cannot beat in-process decoding, which already "
        "runs one batch per core; it measures the cluster path's cost.  N machines decode "
        "about N times one machine's in-process rate while the per-task overhead stays well "
        "under a task's decoding time."
    )
    return section
