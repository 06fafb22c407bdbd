"""Section terms: does glossary-aware decoding make a trained model follow the glossary?

Random weights cannot show it, so this section trains a model.  It builds a
synthetic en->ru corpus (:mod:`bench.termcorpus`: the repository's glossary
names in several English spellings and Russian cases, rendered the
glossary's way in about 60% of the sentences and in listed or unlisted
variants in the rest), trains SentencePiece models on each side and a tiny
pre-norm Transformer in torch on one thread (:mod:`bench.termmodel`),
writes it as a CTranslate2 model folder in the OPUS-MT layout (source.spm,
target.spm) in a temporary folder, checks the export (CTranslate2's greedy
output against torch's), and decodes the held-out sentences, every one
naming glossary terms, through l10n's :class:`CTranslate2Engine`:

- (a) plain: beam 4, one hypothesis, then replacement of listed variants
  (``Glossary.enforce``): what l10n did before glossary-aware decoding;
- (b) n-best: :func:`l10n.decoding.decode` without forced rounds (the best
  of four hypotheses the glossary accepts), then replacement;
- (c) n-best + forced: :func:`l10n.decoding.decode` as ``l10n translate``
  runs it, then replacement.

Adherence: the share of held-out sentences whose final output the
inflection-aware glossary check (``Glossary.violations``) accepts for every
term.  Time: decoding and replacement of all held-out sentences, the sides
interleaved.  Nothing is written to the repository: corpus, tokenizers and
model live in a temporary folder and are rebuilt, from fixed seeds, every
run.
"""

from __future__ import annotations

import collections
import functools
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import ROOT, Row, Section, Side, Target, log, measure_rounds, randommodel

SEED = 14
BEAM = 4
MAX_RATIO = 1.5  # (c) may take this many times (a)'s time
MIN_ADHERENCE = 0.99


@dataclass(frozen=True)
class Plan:
    train_pairs: int
    test_pairs: int
    steps: int
    max_train_s: float
    vocab: int


FULL = Plan(train_pairs=40_000, test_pairs=400, steps=1500, max_train_s=240.0, vocab=600)
QUICK = Plan(train_pairs=8_000, test_pairs=120, steps=500, max_train_s=35.0, vocab=400)


def _sentencepiece(lines: list[str], vocab: int) -> bytes:
    """A unigram model trained as randommodel trains its own (ids 0-2 the
    tokens CTranslate2 expects, byte-identical for the same lines)."""
    return randommodel()._train_sentencepiece(lines, vocab, [])


def build_model(folder: Path, plan: Plan, glossary: Any) -> tuple[list, dict[str, Any]]:
    """Corpus, tokenizers and trained model in ``folder``; the held-out pairs and facts."""
    import sentencepiece as spm
    import torch

    from bench import termcorpus, termmodel

    # One thread: on a 2-core machine shared with other work, two torch
    # threads spin against each other and a step took 10-20x longer (measured).
    torch.set_num_threads(1)
    train, test = termcorpus.build_corpus(glossary, plan.train_pairs, plan.test_pairs, SEED)
    source_model = _sentencepiece([p.source for p in train], plan.vocab)
    target_model = _sentencepiece([p.target for p in train], plan.vocab)
    src = spm.SentencePieceProcessor(model_proto=source_model)
    tgt = spm.SentencePieceProcessor(model_proto=target_model)
    pairs = [(src.encode(p.source), tgt.encode(p.target)) for p in train]
    shape = termmodel.Shape()
    log(f"terms: training on {len(pairs)} pairs, up to {plan.steps} steps")
    trained = termmodel.train(
        pairs,
        src.get_piece_size(),
        tgt.get_piece_size(),
        shape=shape,
        steps=plan.steps,
        max_seconds=plan.max_train_s,
        seed=SEED,
    )
    log(f"terms: {trained.steps} steps in {trained.seconds:.0f} s, loss {trained.loss:.2f}")
    source_vocab = [src.id_to_piece(i) for i in range(src.get_piece_size())]
    target_vocab = [tgt.id_to_piece(i) for i in range(tgt.get_piece_size())]
    termmodel.export(
        trained.model,
        folder,
        {"source.spm": source_model, "target.spm": target_model},
        source_vocab,
        target_vocab,
        randommodel()._spec_converter,
    )
    check = [src.encode(p.source, out_type=str) for p in test[:8]]
    agree = termmodel.greedy_agreement(trained.model, folder, check, source_vocab, target_vocab)
    facts = {
        "train_pairs": len(train),
        "glossary_share": sum(p.glossary_form for p in train) / len(train),
        "steps": trained.steps,
        "train_s": trained.seconds,
        "loss": trained.loss,
        "greedy_agree": f"{agree}/{len(check)}",
        "shape": shape,
        "vocab": (len(source_vocab), len(target_vocab)),
        "quick": plan is QUICK,
    }
    return test, facts


def _plain(engine: Any, glossary: Any, sources: list[str]) -> tuple[list[str], dict]:
    out = dict(engine.translate(sources, beam_size=BEAM))
    return [out[i].text for i in range(len(sources))], {}


def _aware(
    engine: Any, glossary: Any, sources: list[str], *, rounds: int
) -> tuple[list[str], dict]:
    from l10n import decoding

    out = decoding.decode(engine, glossary, "ru", sources, beam_size=BEAM, rounds=rounds)
    paths = collections.Counter(o.path for o in out.values())
    return [out[i].text for i in range(len(sources))], dict(paths)


def _run(decode: Any, engine: Any, glossary: Any, sources: list[str]) -> tuple[float, Any]:
    """One side's run: decode, replace, and judge every held-out sentence."""
    start = time.perf_counter()
    texts, paths = decode(engine, glossary, sources)
    final = [glossary.enforce("ru", s, t).text for s, t in zip(sources, texts, strict=True)]
    seconds = time.perf_counter() - start
    raw_ok = sum(_follows(glossary, s, t) for s, t in zip(sources, texts, strict=True))
    ok = sum(_follows(glossary, s, t) for s, t in zip(sources, final, strict=True))
    return seconds, {"ok": ok, "raw_ok": raw_ok, "paths": paths, "final": final}


def _follows(glossary: Any, source: str, output: str) -> bool:
    """The check accepts every term (an empty output, which it skips, does not count)."""
    return bool(output.strip()) and not glossary.violations("ru", source, output)


def run(*, quick: bool, repeat: int, deadline: float) -> Section:
    from l10n import decoding
    from l10n.engines import CTranslate2Engine
    from l10n.glossary import load_glossary

    plan = QUICK if quick else FULL
    # The budget is for measuring: the training before it is fixed cost, and
    # the caller moves its own deadline by whatever the training overran.
    budget = max(0.0, deadline - time.monotonic())
    glossary = load_glossary(ROOT / "glossary")
    folder = Path(tempfile.mkdtemp(prefix="l10n-bench-terms-"))
    try:
        test, facts = build_model(folder / "model", plan, glossary)
        deadline = time.monotonic() + budget
        engine = CTranslate2Engine(folder / "model", from_code="en", to_code="ru")
        sources = [p.source for p in test]
        ways = {
            "(a) plain + replacement": _plain,
            "(b) n-best": functools.partial(_aware, rounds=0),
            "(c) n-best + forced": functools.partial(_aware, rounds=decoding.MAX_ROUNDS),
        }
        # One untimed run of each on a few sentences: the model's pages and
        # each name's declined forms, computed once per process.
        for way in ways.values():
            _run(way, engine, glossary, sources[:16])
        sides = [
            Side(label, functools.partial(_run, way, engine, glossary, sources))
            for label, way in ways.items()
        ]
        # A run takes about a second: three times the usual rounds cost little
        # and steady the ratio on a noisy machine.
        notes = measure_rounds(sides, 3 * repeat, deadline, "terms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _section(sides, test, facts, notes)


def _section(sides: list[Side], test: list, facts: dict[str, Any], notes: list[str]) -> Section:
    from l10n import decoding

    n = len(test)
    base = sides[0].median
    case = f"{n} held-out sentences, each with glossary terms"
    rows = []
    for side in sides:
        extra = side.extras[-1]
        paths = ", ".join(f"{k} {v}" for k, v in sorted(extra["paths"].items()))
        rows.append(
            Row(
                "terms",
                case,
                side.label,
                side.median,
                side.runs,
                throughput=f"{n / side.median:.0f} seg/s",
                ratio=f"{side.median / base:.2f}x (a)",
                detail=f"adherence {extra['ok'] / n:.1%} (before replacement "
                f"{extra['raw_ok'] / n:.1%})" + (f"; paths: {paths}" if paths else ""),
                data={"adherence": extra["ok"] / n, "raw_adherence": extra["raw_ok"] / n},
            )
        )
    c = sides[2]
    adherence = c.extras[-1]["ok"] / n
    ratio = c.median / base
    comment = (
        f"--quick: the model had {facts['steps']} steps, too few to learn the corpus "
        "well, so more sentences need forcing; the targets are for the full run."
        if facts["quick"]
        else ""
    )
    shape = facts["shape"]
    return Section(
        rows=rows,
        targets=[
            Target(
                "glossary adherence, n-best + forced",
                f">= {MIN_ADHERENCE:.0%}",
                f"{adherence:.1%}",
                adherence >= MIN_ADHERENCE,
                comment,
            ),
            Target(
                "decode time, n-best + forced vs plain",
                f"<= {MAX_RATIO}x",
                f"{ratio:.2f}x",
                ratio <= MAX_RATIO,
                comment,
            ),
        ],
        notes=[
            *notes,
            f"terms: model trained here: {shape.layers}+{shape.layers} layers, d_model "
            f"{shape.d_model}, {shape.heads} heads, FFN {shape.ffn}, SentencePiece "
            f"{facts['vocab'][0]}/{facts['vocab'][1]} pieces; {facts['train_pairs']} "
            f"synthetic pairs ({facts['glossary_share']:.0%} with every name in the "
            f"glossary's form); {facts['steps']} steps in {facts['train_s']:.0f} s on 1 "
            f"thread, loss {facts['loss']:.2f} (label smoothing 0.1); export check: "
            f"CTranslate2 greedy = torch greedy on {facts['greedy_agree']} sentences.",
            "terms: decoding through l10n's CTranslate2Engine on the CPU with its defaults "
            f"(batches of 16, one per core), beam {BEAM}; n-best asks for "
            f"{decoding.HYPOTHESES} hypotheses; every side ends with Glossary.enforce "
            "(replacement), inside its time.",
        ],
    )
