"""Section 1: translation throughput, every way, side by side.

Sides, each run ``repeat`` times interleaved (side A, B, C, A, B, C...) so
that the machine's noise falls on all of them alike:

- ``l10n translate``: :func:`l10n.pipeline.translate_documents` in-process on
  a fresh temporary project (its own locales folder per run), with the repo's
  glossary as the CLI would load it: segmentation, language check, merge,
  engine and model load, decoding, glossary enforcement and PO writing, all
  timed; for one language and for three.  The engine is
  :class:`l10n.engines.ArgosEngine` with its default schedule (length-sorted
  batches of 16, one thread each, one batch per core decoded side by side,
  submitted asynchronously with up to two per core in flight), unchanged
  except that a pass-through wrapper around its ``ctranslate2.Translator``
  counts the calls, segments and tokens, and the seconds during which
  decoding was in flight (some submitted segment not yet collected).
- ``per-segment``: what argostranslate does for each PO entry
  (``apply_packaged_translation`` given one sentence): load the model as
  Argos does (inter_threads=1, intra_threads=0, compute_type auto), then one
  ``translate_batch([tokens])`` per segment with Argos's options (beam 4,
  max_batch_size 32 tokens, length_penalty 0.2, replace_unknowns,
  return_scores), tokenize and detokenize included.  Argos would also run its
  sentence splitter on every call; that is left out, so this is Argos's best
  case.  A "tuned" variant uses intra_threads=1.
- ``limit``: CTranslate2 alone on the pre-tokenized segments with the model
  loaded beforehand, under several batching and threading settings; the best
  median is "the limit".  One setting is also timed with the model load
  inside the timing, as any new process pays it.  One row is l10n's previous
  schedule (sorted batches of 32 decoded in turn, intra_threads=2), to show
  what the current schedule gained.

Equal work: random weights are built with ``eos_bias=-100`` (</s> never
wins) and every side decodes with ``min_decoding_length =
max_decoding_length = T``, so every segment decodes exactly T target tokens
on every side.  l10n gets the length through its public
:class:`~l10n.engines.DecodeOptions` (``length_ratio=0``, ``length_margin``
and ``max_length`` = T).  The decoded tokens are counted on every side and
shown; a mismatch stops the run.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import processes
from bench.common import ROOT, Row, Section, Side, Target, measure_rounds, median
from bench.gpu import gpu_row
from bench.synth import corpus_articles, document_segments, write_articles
from l10n.engines import ArgosEngine

BEAM = 4
# Target tokens decoded per segment on every side: about what a real en->sq
# model writes for this article's mean sentence (22 words).
TARGET_TOKENS = 32
LENGTH_PENALTY = 0.2  # as argostranslate and l10n decode


@dataclass
class DecodeStats:
    calls: int = 0
    segments: int = 0
    tokens: int = 0
    seconds: float = 0.0  # in translate_batch, or with asynchronous decoding in flight
    pending: int = 0  # asynchronous segments submitted and not yet collected
    busy_since: float = 0.0  # when ``pending`` last rose from 0


class _CountingFuture:
    """An ``AsyncTranslationResult`` whose result is counted when collected."""

    def __init__(self, inner: Any, stats: DecodeStats) -> None:
        self._inner = inner
        self._stats = stats
        self._result: Any = None

    def done(self) -> bool:
        return self._inner.done()

    def result(self) -> Any:
        if self._result is None:
            self._result = self._inner.result()
            stats = self._stats
            stats.segments += 1
            stats.tokens += len(self._result.hypotheses[0])
            stats.pending -= 1
            if stats.pending == 0:
                stats.seconds += time.perf_counter() - stats.busy_since
        return self._result


class _CountingTranslator:
    """Passes ``translate_batch`` through, counting calls, segments, tokens and time.

    A synchronous call counts its own duration; for asynchronous calls (how
    ``ArgosEngine`` decodes) ``seconds`` adds up the wall time during which
    at least one submitted segment had not been collected yet.
    """

    def __init__(self, inner: Any, stats: DecodeStats) -> None:
        self._inner = inner
        self._stats = stats

    def score_batch(self, source: list[list[str]], target: list[list[str]], **kwargs: Any) -> Any:
        start = time.perf_counter()
        results = self._inner.score_batch(source, target, **kwargs)
        self._stats.seconds += time.perf_counter() - start
        return results

    def translate_batch(self, source: list[list[str]], **kwargs: Any) -> Any:
        if kwargs.get("asynchronous"):
            stats = self._stats
            if stats.pending == 0:
                stats.busy_since = time.perf_counter()
            futures = self._inner.translate_batch(source, **kwargs)
            stats.calls += 1
            stats.pending += len(futures)
            return [_CountingFuture(f, stats) for f in futures]
        start = time.perf_counter()
        results = self._inner.translate_batch(source, **kwargs)
        self._stats.seconds += time.perf_counter() - start
        self._stats.calls += 1
        self._stats.segments += len(source)
        self._stats.tokens += sum(len(r.hypotheses[0]) for r in results)
        return results


def counting_engine_factory(options: Any, stats: DecodeStats) -> Callable[[str, str], Any]:
    """What ``l10n.machine.argos_engine_factory`` does, with counted decoding."""
    from l10n.machine import argos_engine_factory

    class CountingArgosEngine(ArgosEngine):
        @property
        def translator(self) -> Any:
            return _CountingTranslator(super().translator, stats)

    return argos_engine_factory(options, CountingArgosEngine)


def fixed_length_options(target_tokens: int = TARGET_TOKENS, **settings: Any) -> Any:
    """l10n's decode options (defaults unless given) with every segment decoding
    exactly ``target_tokens`` tokens."""
    from l10n.engines import DecodeOptions

    return DecodeOptions(
        **settings,
        length_ratio=0.0,
        length_margin=target_tokens,
        max_length=target_tokens,
    )


def load_repo_glossary() -> tuple[Any, str]:
    """The repo's glossary/ as ``l10n translate`` loads it by default, or None and why."""
    try:
        from l10n.glossary import load_glossary

        path = ROOT / "glossary"
        if not path.exists():
            return None, "no glossary/ folder"
        glossary = load_glossary(path)
        return glossary, f"glossary/ ({len(glossary)} terms)"
    except Exception as exc:  # a colleague's module mid-edit must not stop the run
        return None, f"glossary not used: {type(exc).__name__}: {exc}"


@dataclass
class Workload:
    name: str
    sources: list[Path]
    segments: list[str]  # distinct msgids, in the order l10n decodes them for one language
    target_tokens: int  # decoded per segment, on every side
    source_tokens: int = 0
    tokens: list[list[str]] = field(default_factory=list)


def make_workload(
    name: str, folder: Path, articles: list[str], package: Any, target_tokens: int
) -> Workload:
    sources = write_articles(folder, articles)
    # A sentence in two articles is decoded once (as l10n does), on every side.
    segments = list(dict.fromkeys(s for text in articles for s in document_segments(text)))
    tokens = [package.tokenizer.encode(s) for s in segments]
    return Workload(name, sources, segments, target_tokens, sum(map(len, tokens)), tokens)


# --- the sides -------------------------------------------------------------------


def translate_once(
    sources: list[Path],
    langs: list[str],
    locales: Path,
    *,
    glossary: bool,
    target_tokens: int = TARGET_TOKENS,
    device: str = "cpu",
) -> tuple[float, DecodeStats, Any]:
    """One ``l10n translate`` in-process; (seconds, decode stats, documents).

    The engine is l10n's own, with its default decode options except for the
    fixed decode length.  The glossary is loaded inside the timing, as the
    CLI loads it each run.
    """
    from l10n.glossary import load_glossary
    from l10n.pipeline import translate_documents

    stats = DecodeStats()
    factory = counting_engine_factory(fixed_length_options(target_tokens, device=device), stats)
    start = time.perf_counter()
    loaded = load_glossary(ROOT / "glossary") if glossary else None
    docs = translate_documents(
        sources,
        langs,
        locales=locales,
        glossary=loaded,
        beam_size=BEAM,
        engine_factory=factory,
        root=locales.parent,  # the benchmark's project folder, which holds the sources
        # Equal work on every side: glossary-aware decoding asks for more
        # hypotheses and forced decodes, work the limit sides do not do.
        glossary_decoding=False,
    )
    return time.perf_counter() - start, stats, docs


def run_l10n(
    work: Workload, langs: list[str], project: Path, *, glossary: bool, device: str = "cpu"
) -> tuple[float, DecodeStats]:
    """``translate_once`` on a fresh locales folder, checked to translate ``work``."""
    locales = Path(tempfile.mkdtemp(prefix="locales-", dir=project))
    seconds, stats, docs = translate_once(
        work.sources,
        langs,
        locales,
        glossary=glossary,
        target_tokens=work.target_tokens,
        device=device,
    )
    msgids = list(dict.fromkeys(e.msgid for d in docs for e in d.template))
    if msgids != work.segments:
        raise RuntimeError(f"{work.name}: l10n translated other segments than the benchmark's")
    shutil.rmtree(locales)
    return seconds, stats


def run_per_segment(
    work: Workload, package: Any, intra_threads: int = 0
) -> tuple[float, DecodeStats]:
    """argostranslate's way: one translate_batch call per segment, model load included.

    ``intra_threads=0`` is Argos's default (ARGOS_INTRA_THREADS unset), which
    lets CTranslate2 choose; 1 is the best setting for batches of one on
    this machine, shown as "tuned".
    """
    import ctranslate2

    stats = DecodeStats()
    start = time.perf_counter()
    translator = ctranslate2.Translator(
        str(package.package_path / "model"),
        device="cpu",
        compute_type="auto",
        inter_threads=1,
        intra_threads=intra_threads,
    )
    for text in work.segments:
        tokens = package.tokenizer.encode(text)
        results = translator.translate_batch(
            [tokens],
            target_prefix=None,
            replace_unknowns=True,
            max_batch_size=32,
            batch_type="tokens",
            beam_size=BEAM,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            return_scores=True,
            max_decoding_length=work.target_tokens,
            min_decoding_length=work.target_tokens,
        )
        hypothesis = results[0].hypotheses[0]
        package.tokenizer.decode(hypothesis)
        stats.calls += 1
        stats.segments += 1
        stats.tokens += len(hypothesis)
    seconds = time.perf_counter() - start
    stats.seconds = seconds
    return seconds, stats


@dataclass(frozen=True)
class LimitConfig:
    label: str
    intra: int
    inter: int
    max_batch_size: int
    batch_type: str = "examples"
    serial: bool = False  # sorted batches, one call each, in turn


# l10n's schedule before the asynchronous one: kept to show what that change gained.
PREVIOUS = LimitConfig(
    "previous l10n schedule (sorted 32s in turn, intra 2)", 2, 1, 32, serial=True
)
LIMIT_CONFIGS = (
    PREVIOUS,
    LimitConfig("1 call, 32 examples, intra 1 inter 2", 1, 2, 32),
    LimitConfig("1 call, 16 examples, intra 1 inter 2", 1, 2, 16),
    LimitConfig("1 call, 1024 tokens, intra 1 inter 2", 1, 2, 1024, "tokens"),
)


def run_cold_limit(work: Workload, model: str, config: LimitConfig) -> tuple[float, DecodeStats]:
    """:func:`run_limit` on a Translator loaded inside the timing, as a new process must."""
    import ctranslate2

    start = time.perf_counter()
    translator = ctranslate2.Translator(model, **translator_settings(config))
    _, stats = run_limit(work, translator, config)
    del translator
    return time.perf_counter() - start, stats


def limit_options(target_tokens: int) -> dict[str, Any]:
    """The decoding options of every limit side (batching aside)."""
    return dict(
        beam_size=BEAM,
        num_hypotheses=1,
        length_penalty=LENGTH_PENALTY,
        replace_unknowns=True,
        max_decoding_length=target_tokens,
        min_decoding_length=target_tokens,
    )


def translator_settings(config: LimitConfig) -> dict[str, Any]:
    """How a limit side loads the model (besides its path)."""
    return dict(
        device="cpu",
        compute_type="auto",
        intra_threads=config.intra,
        inter_threads=config.inter,
    )


def run_limit(work: Workload, translator: Any, config: LimitConfig) -> tuple[float, DecodeStats]:
    """CTranslate2 alone on pre-tokenized input (model already loaded)."""
    stats = DecodeStats()
    options = limit_options(work.target_tokens)
    start = time.perf_counter()
    if config.serial:
        order = sorted(range(len(work.tokens)), key=lambda i: len(work.tokens[i]))
        results = []
        for i in range(0, len(order), config.max_batch_size):
            batch = [work.tokens[j] for j in order[i : i + config.max_batch_size]]
            results += translator.translate_batch(batch, **options)
            stats.calls += 1
    else:
        results = translator.translate_batch(
            work.tokens,
            max_batch_size=config.max_batch_size,
            batch_type=config.batch_type,
            **options,
        )
        stats.calls = 1
    seconds = time.perf_counter() - start
    stats.seconds = seconds
    stats.segments = len(results)
    stats.tokens = sum(len(r.hypotheses[0]) for r in results)
    return seconds, stats


# --- the section -----------------------------------------------------------------


PER_SEGMENT = "per-segment (argostranslate's way)"
COLD = LimitConfig("1 call, 16 examples, intra 1 inter 2", 1, 2, 16)


@dataclass
class TSide(Side):
    langs: int = 1
    kind: str = "limit"  # "l10n", "per-segment", "per-segment-tuned", "cold" or "limit"

    @property
    def stats(self) -> list[DecodeStats]:
        return self.extras


def _sides(
    work: Workload,
    langs: list[str],
    project: Path,
    package: Any,
    translators: dict[tuple[int, int], Any],
    *,
    glossary: bool,
    big: bool,
) -> list[TSide]:
    """Every side for one workload; on the big one, the slow extras run once."""
    sides = [
        TSide(
            f"l10n translate, {langs[0]}",
            lambda: run_l10n(work, langs[:1], project, glossary=glossary),
            kind="l10n",
        ),
        TSide(
            f"l10n translate, {','.join(langs)}",
            lambda: run_l10n(work, langs, project, glossary=glossary),
            langs=len(langs),
            max_runs=1 if big else None,
            kind="l10n",
        ),
        TSide(
            PER_SEGMENT,
            lambda: run_per_segment(work, package),
            kind="per-segment",
        ),
        TSide(
            "per-segment, tuned: intra_threads=1",
            lambda: run_per_segment(work, package, intra_threads=1),
            max_runs=1 if big else None,
            kind="per-segment-tuned",
        ),
        TSide(
            f"limit with model load: {COLD.label}",
            lambda: run_cold_limit(work, str(package.package_path / "model"), COLD),
            kind="cold",
        ),
    ]
    for config in LIMIT_CONFIGS:
        translator = translators[(config.intra, config.inter)]
        sides.append(
            TSide(
                f"limit: {config.label}",
                lambda t=translator, c=config: run_limit(work, t, c),
            )
        )
    return sides


def _report(work: Workload, sides: list[TSide], section: Section) -> None:
    n = len(work.segments)
    tokens = n * work.target_tokens
    for side in sides:  # the same work on every side, or the comparison means nothing
        for st in side.stats:
            if st.segments != n * side.langs or st.tokens != tokens * side.langs:
                raise RuntimeError(
                    f"{work.name} / {side.label}: decoded {st.segments} segments and "
                    f"{st.tokens} tokens; expected {n * side.langs} and {tokens * side.langs}"
                )
    limits = [s for s in sides if s.kind == "limit"]
    best = min(limits, key=lambda s: s.median)
    l10n = sides[0]
    per_seg = next(s for s in sides if s.kind == "per-segment")
    case = f"{work.name}: {n} seg, {work.source_tokens:,} src tok"
    for side in sides:
        per_lang = side.median / side.langs
        detail = f"{side.stats[0].tokens:,} tgt tok"
        if side.langs > 1:
            detail += f" ({side.langs} langs)"
        detail += f", {side.stats[0].calls} CT2 calls"
        if side.kind == "l10n":
            inside = median([st.seconds for st in side.stats]) / side.langs
            detail += f"; {inside:.2f} s/lang decoding in flight"
        ratio = f"{per_lang / best.median:.2f}x limit"
        if side is best:
            ratio += " (best)"
        if side.kind == "l10n":
            ratio += f"; {per_seg.median / per_lang:.1f}x per-seg speed"
        if side.kind == "cold":
            ratio += " (model load included)"
        section.rows.append(
            Row(
                "translate",
                case,
                side.label,
                side.median,
                side.runs,
                f"{n * side.langs / side.median:,.1f} seg/s, "
                f"{tokens * side.langs / side.median:,.0f} tok/s",
                ratio,
                detail,
                {
                    "segments": n * side.langs,
                    "target_tokens": tokens * side.langs,
                    "source_tokens": work.source_tokens * side.langs,
                    "ct2_calls": side.stats[0].calls,
                    "seconds_decoding": [st.seconds for st in side.stats],
                    "languages": side.langs,
                },
            )
        )
    vs_limit = l10n.median / best.median
    vs_per_seg = per_seg.median / l10n.median
    kinds = {side.kind: side for side in sides}
    cold, tuned = kinds["cold"], kinds["per-segment-tuned"]
    warm = next(side for side in sides if side.label == f"limit: {COLD.label}")
    previous = next(side for side in sides if side.label == f"limit: {PREVIOUS.label}")
    decoding = median([st.seconds for st in l10n.stats])
    outside = l10n.median - decoding
    comment = (
        f"l10n's engine (sorted batches of 16, one per core side by side, asynchronous) "
        f"had decoding in flight for {decoding:.2f} s of its {l10n.median:.2f} s "
        f"({decoding / best.median:.2f}x the limit); the other {outside:.2f} s "
        f"({outside / best.median:.0%} of the limit) are the model load, tokenizing for the "
        "sort, segmentation, language check, glossary and PO writing. With the model load "
        f"inside the timing, as in any new process, {COLD.label} takes {cold.median:.2f} s "
        f"instead of {warm.median:.2f} s, and l10n takes {l10n.median / cold.median:.2f}x "
        f"that. l10n's previous schedule ({PREVIOUS.label[24:-1]}) takes "
        f"{previous.median:.2f} s in pure CTranslate2 = {previous.median / best.median:.2f}x "
        f"the limit; the whole of l10n translate now takes {l10n.median / previous.median:.2f}x "
        "that."
    )
    section.targets.append(
        Target(
            f"l10n translate within 15% of the CTranslate2 limit ({work.name})",
            "<= 1.15x",
            f"{vs_limit:.2f}x ({l10n.median:.2f} s vs {best.median:.2f} s)",
            vs_limit <= 1.15,
            comment,
        )
    )
    section.targets.append(
        Target(
            f"l10n translate >= 2x the per-segment way, beam {BEAM} ({work.name})",
            ">= 2x",
            f"{vs_per_seg:.1f}x ({per_seg.median:.2f} s vs {l10n.median:.2f} s)",
            vs_per_seg >= 2,
            f"Against the per-segment way with intra_threads=1 (better than Argos's default "
            f"for batches of one here): {tuned.median / l10n.median:.1f}x "
            f"({tuned.median:.2f} s vs {l10n.median:.2f} s).",
        )
    )


def _noise(work: Workload, sides: list[TSide]) -> list[str]:
    """A note on how far the runs of one side spread: how much a ratio can be trusted."""
    repeated = [side for side in sides if len(side.runs) > 1]
    if not repeated:
        return []
    worst = max(repeated, key=lambda side: max(side.runs) / min(side.runs))
    spread = max(worst.runs) / min(worst.runs)
    return [
        f"Noise ({work.name}): the runs of one side differed by up to {spread:.2f}x "
        f"(slowest/fastest, {worst.label}: "
        f"{', '.join(f'{r:.2f}' for r in worst.runs)} s); medians of so few runs can move "
        "by a good part of that, so ratios near the goals are within this run's noise."
    ]


def run(
    *,
    repeat: int,
    articles: int,
    langs: list[str],
    deadline: float,
    target_tokens: int = TARGET_TOKENS,
) -> Section:
    """Translate the article and a corpus of ``articles`` articles every way.

    The packages must be installed (:func:`bench.packages.install_packages`).

    ``deadline`` (time.monotonic()) ends the repeats early; the first round
    of each workload always runs in full.  The article gets 45% of the time
    left, the corpus the rest.
    """
    import ctranslate2

    from l10n.models import find_package

    section = Section()
    glossary, glossary_note = load_repo_glossary()
    package = find_package("en", langs[0])
    project = Path(tempfile.mkdtemp(prefix="l10n-bench-translate-"))
    try:
        workloads = [
            make_workload(
                "article", project / "article", corpus_articles(1), package, target_tokens
            ),
            make_workload(
                f"corpus of {articles} articles",
                project / "corpus",
                corpus_articles(articles),
                package,
                target_tokens,
            ),
        ]
        model = str(package.package_path / "model")
        translators = {
            (c.intra, c.inter): ctranslate2.Translator(model, **translator_settings(c))
            for c in LIMIT_CONFIGS
        }
        warm_up = {(c.intra, c.inter): c for c in LIMIT_CONFIGS}
        for key, translator in translators.items():  # warm-up: page the model in
            run_limit(workloads[0], translator, warm_up[key])
        # ... and one untimed l10n run: imports and first-use caches (the
        # glossary's morphology) are start-up, measured in the startup section.
        run_l10n(workloads[0], langs[:1], project, glossary=glossary is not None)
        for work, share in zip(workloads, (0.45, 1.0), strict=True):
            sides = _sides(
                work,
                langs,
                project,
                package,
                translators,
                glossary=glossary is not None,
                big=work is not workloads[0],
            )
            now = time.monotonic()
            until = now + share * max(0.0, deadline - now)
            section.notes += measure_rounds(sides, repeat, until, f"translate {work.name}")
            _report(work, sides, section)
            section.notes += _noise(work, sides)
            if work is workloads[0]:
                args = (work, langs[0], project)
                section.rows.append(gpu_row(*args, glossary=glossary is not None, repeat=repeat))
                # The article again, each run a new process (bench.processes).
                now = time.monotonic()
                whole = now + 0.25 * max(0.0, deadline - now)
                processes.run(work, langs[0], model, repeat=repeat, deadline=whole, section=section)
        first_round = sum(side.runs[0] for side in sides)  # the corpus's sides
        full = sum(len(document_segments(text)) for text in corpus_articles(50))
        section.notes.append(
            f"Corpus scaled down to {articles} articles ({len(workloads[1].segments)} segments) "
            f"from the ~50 articles (~{full:,} segments) asked for: one run of every side on it "
            f"took {first_round:.0f} s here, so 50 articles would take about "
            f"{first_round * full / len(workloads[1].segments) / 60:.0f} min per round, "
            "beyond the 10-minute budget of the whole benchmark."
        )
    finally:
        shutil.rmtree(project, ignore_errors=True)
    section.notes.insert(
        0,
        f"Equal work: every segment decodes exactly {target_tokens} target tokens on every "
        "side (random weights with eos_bias=-100, so </s> never wins; min_decoding_length = "
        f"max_decoding_length = {target_tokens}); beam {BEAM}, length_penalty "
        f"{LENGTH_PENALTY}. Token counts are checked equal on every side. l10n loads "
        f"{glossary_note}.",
    )
    return section
