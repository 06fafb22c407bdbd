"""Section "cluster": decoding in-process against ``--cluster local:2``, three languages.

Every side decodes the same sentences (the synthetic corpus, fixed length as
in the translate section) into sq, uk and ru with the same batches:

- in-process: one language after another, one batch per core (what
  ``l10n translate`` does without ``--cluster``);
- ``local:2``, languages at once: what ``--cluster`` does (every language in
  its own thread, the workers taking tasks of all three);
- ``local:2``, one language after another: the same engines driven as the
  in-process path drives its own, to show what decoding at once gains (no
  worker idles at a language's last tasks).

The sides run interleaved, repeat by repeat.  The cluster is timed warm (its
workers have loaded the three models once, as on a long archive run); its
start and the model loads are reported apart.  The per-task overhead of the
cluster path is measured with an engine that echoes its input: everything
the cluster does for a task (cutting, pickling, scheduling, the round trip,
the results streamed back) but the decoding.  An operator estimates N
machines as N times one machine's in-process rate while the overhead stays
far below a task's decoding time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.common import Row, Section, log, median
from bench.synth import corpus_articles
from bench.translation import fixed_length_options

WORKERS = 2
LANGS = ("sq", "uk", "ru")


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


def _decode(engines: dict[str, Any], texts: list[str], *, at_once: bool) -> float:
    """Seconds to decode ``texts`` into every language of ``engines``."""
    from l10n.engines import decode_at_once

    out: dict[str, dict[int, Any]] = {}

    def job(lang: str) -> Callable[[], None]:
        def run() -> None:
            out[lang] = dict(engines[lang].translate(texts, beam_size=4))

        return run

    jobs = {lang: job(lang) for lang in engines}
    start = time.perf_counter()
    if at_once:
        decode_at_once(jobs, list(engines.values()))
    else:
        for run in jobs.values():
            run()
    seconds = time.perf_counter() - start
    assert all(len(out[lang]) == len(texts) for lang in engines)
    return seconds


def run(*, articles: int, target_tokens: int, repeat: int, quick: bool = False) -> Section:
    from l10n.cluster import Connection, argos_specs, cluster_engine_factory
    from l10n.machine import argos_engine_factory

    section = Section()
    # The corpus is shared out among the languages: as much decoding as one
    # language of ``articles`` articles, so the section costs what it did.
    texts = _sentences(max(1, articles // len(LANGS)))
    segments = len(texts) * len(LANGS)
    options = fixed_length_options(target_tokens)
    log(f"cluster: {len(texts)} sentences into {', '.join(LANGS)}, in-process and local:{WORKERS}")
    local = {lang: argos_engine_factory(options)("en", lang) for lang in LANGS}
    _decode(local, texts[:16], at_once=False)  # the models loaded
    connection = Connection(WORKERS)
    sides: dict[str, list[float]] = {"in-process": [], "at once": [], "one after another": []}
    try:
        start = time.perf_counter()
        connection.client.wait_for_workers(WORKERS)
        started = time.perf_counter() - start
        factory = cluster_engine_factory(connection, argos_specs(options))
        remote = {lang: factory("en", lang) for lang in LANGS}
        task_size = remote[LANGS[0]].task_size
        start = time.perf_counter()
        _decode(remote, texts[: 2 * WORKERS * task_size], at_once=True)  # every model, everywhere
        first = time.perf_counter() - start
        for _ in range(repeat):
            sides["in-process"].append(_decode(local, texts, at_once=False))
            sides["at once"].append(_decode(remote, texts, at_once=True))
            sides["one after another"].append(_decode(remote, texts, at_once=False))
        echo_s, tasks = _echo_overhead(connection, task_size, texts, repeat, quick)
    finally:
        connection.close()
    best_in = median(sides["in-process"])
    case = f"{len(texts)} sentences into each of {', '.join(LANGS)}, {target_tokens} tokens each"
    section.rows.append(
        Row(
            "cluster",
            case,
            "in-process (ArgosEngine, languages one after another)",
            best_in,
            sides["in-process"],
            throughput=f"{segments / best_in:,.1f} seg/s",
        )
    )
    for side, detail in (
        ("at once", f"cluster start {started:.1f} s; first tasks (3 model loads) {first:.1f} s"),
        ("one after another", "the same engines, one language at a time"),
    ):
        seconds = median(sides[side])
        section.rows.append(
            Row(
                "cluster",
                case,
                f"--cluster local:{WORKERS}, languages {side} (warm workers)",
                seconds,
                sides[side],
                throughput=f"{segments / seconds:,.1f} seg/s",
                ratio=f"{best_in / seconds:.2f}x in-process",
                detail=detail,
            )
        )
    task_ms = best_in / segments * task_size * 1000
    section.rows.append(
        Row(
            "cluster",
            f"{tasks:,} tasks of {task_size} sentences, no decoding",
            f"--cluster local:{WORKERS}, echo engine",
            echo_s,
            [echo_s],
            throughput=f"{tasks / echo_s:,.0f} tasks/s",
            detail=f"overhead {echo_s / tasks * 1000:.1f} ms per task of the cluster path; "
            f"decoding one task here takes {task_ms:,.0f} ms of one machine",
            data={"overhead_ms_per_task": echo_s / tasks * 1000, "task_decode_ms": task_ms},
        )
    )
    section.notes.append(
        f"On {WORKERS} cores a local cluster cannot beat in-process decoding, which already "
        "runs one batch per core; it measures the cluster path's cost.  N machines decode "
        "about N times one machine's in-process rate while the per-task overhead stays well "
        "under a task's decoding time.  Languages at once keep every worker busy up to the "
        "run's last tasks; one after another, workers idle at each language's end."
    )
    return section


def _echo_overhead(
    connection: Any, task_size: int, texts: list[str], repeat: int, quick: bool
) -> tuple[float, int]:
    """Seconds for the echo engine's tasks (the best of ``repeat``), and their count."""
    from l10n.cluster import ClusterEngine

    echo = ClusterEngine(connection, EchoSpec(), _Echo(), 1, "sq")
    echo.task_size = task_size
    count = 4_000 if quick else 20_000
    echoed = (texts * (count // len(texts) + 1))[:count]
    seconds = min(_decode({"sq": echo}, echoed, at_once=False) for _ in range(repeat))
    return seconds, -(-count // task_size)
