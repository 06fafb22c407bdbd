"""What every engine gives the pipeline, and the decoding they share.

An engine turns sentences into :class:`Translation` objects: one or more
hypotheses, best first, each with CTranslate2's score and a confidence.
Both kinds of model l10n decodes (Argos packages, and CTranslate2 model
folders configured in ``l10n.toml``) run on CTranslate2, so
:class:`BatchEngine` holds everything but tokenization: the translator's
loading, the length-sorted asynchronous batches, the decode limits and the
scores.  Subclasses say how text becomes tokens and back.

Beyond one best translation, ``translate`` can ask for several hypotheses
(``num_hypotheses``) and force the start of each output (``prefixes``, one
target-language text per sentence): what glossary-aware decoding needs to
choose among renderings and to force a name's form.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from l10n.errors import L10nError

DEVICES = ("auto", "cpu", "cuda")

# Says where a bad setting was given: (key, message, hint) -> the error to raise.
# ``l10n.toml`` keys are blamed at their file:line; a command-line option by name.
Blame = Callable[[str, str, "str | None"], L10nError]


def plain_blame(key: str, message: str, hint: str | None = None) -> L10nError:
    return L10nError(f"{key}: {message}", hint=hint)


@dataclass(frozen=True)
class Hypothesis:
    """One output of the model for one sentence.

    ``score`` is CTranslate2's: the log-probability of the tokens the model
    chose (the end token included, a forced prefix not) divided by
    ``length ** length_penalty``; hypotheses of one sentence rank by it.
    ``confidence`` is exp(mean log-probability per chosen token): the
    model's own average probability for its output, 0 to 1.  It says how
    sure the model was, not whether the translation is right.
    """

    text: str
    score: float | None  # None: the engine gives no scores (a scripted one)
    confidence: float | None


@dataclass(frozen=True)
class Translation:
    """A sentence's hypotheses, best first."""

    hypotheses: tuple[Hypothesis, ...]

    @property
    def text(self) -> str:
        return self.hypotheses[0].text

    @property
    def confidence(self) -> float | None:
        return self.hypotheses[0].confidence

    def map(self, change: Callable[[str], str]) -> Translation:
        """The same hypotheses and scores with their texts changed (markup put back)."""
        return Translation(tuple(replace(h, text=change(h.text)) for h in self.hypotheses))

    @classmethod
    def of(cls, result: Translation | str) -> Translation:
        """An engine's result; a bare string (a scripted engine's) has no scores."""
        if isinstance(result, Translation):
            return result
        return cls((Hypothesis(result, None, None),))


class Engine(Protocol):
    """Translates sentences; yields (index, translation) in any order.

    ``prefixes`` (one per text, None or "" for none) are target-language
    texts each output must start with; the output includes them.
    ``num_hypotheses`` > 1 returns that many hypotheses per sentence (the
    beam is widened to hold them).  Engines that can do neither (scripted
    ones in tests) accept only ``beam_size`` and ``progress``, and may
    yield plain strings.
    """

    name: str

    def translate(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 4,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, Translation | str]]: ...


@dataclass(frozen=True)
class DecodeOptions:
    # One batch per core, decoded side by side (inter_threads), each on one
    # thread: on 2 cores this is 2x faster than one batch on 2 threads, and
    # batches of 16 keep both cores busy even on a 35-sentence article
    # (docs/benchmarks.md has the numbers).  On a GPU one translator takes
    # the batches in turn, and larger ones pay: batches of 64 decoded 2.3x
    # faster than 16 on an H200 (transformer-base, int8_float16, beam 4).
    batch_size: int = 16  # sentences per CTranslate2 batch on the CPU
    gpu_batch_size: int = 64  # ... and on a GPU
    intra_threads: int = 1  # threads per batch
    inter_threads: int = 0  # batches decoded at once; 0: one per core (one on a GPU)
    compute_type: str = "auto"
    device: str = "cpu"  # "cpu" or "cuda"; see resolve_device for "auto"
    # A decode never runs longer than this many tokens per source token (plus
    # a margin): a guard against a model that repeats itself forever.
    length_ratio: float = 2.0
    length_margin: int = 10
    max_length: int = 256  # CTranslate2's own default limit
    length_penalty: float = 0.2  # as argostranslate decodes


def cuda_devices() -> int:
    """How many GPUs CTranslate2 can decode on here (0 without CUDA)."""
    import ctranslate2

    return ctranslate2.get_cuda_device_count()


def resolve_device(requested: str, blame: Blame = plain_blame, key: str = "device") -> str:
    """The device to decode on, cpu or cuda, for a setting of auto, cpu or cuda.

    ``auto`` takes a GPU only when CTranslate2 sees one; ``cuda`` without a
    GPU is an error (blamed on where it was set), never a silent fallback to
    a decode that would be many times slower than asked for.
    """
    if requested == "cpu":
        return "cpu"
    if requested not in DEVICES:
        raise blame(key, f"unknown device {requested!r}", "use auto, cpu or cuda")
    if cuda_devices() > 0:
        return "cuda"
    if requested == "cuda":
        raise blame(
            key,
            '"cuda", but CTranslate2 sees no GPU on this machine',
            "decode on the CPU (device cpu, the default), or auto to take a GPU only where "
            "there is one; a GPU needs an NVIDIA driver and CUDA 12's cuBLAS",
        )
    return "cpu"


def confidence(
    score: float, length: int, forced: int, max_length: int, length_penalty: float
) -> float:
    """exp(mean log-probability per chosen token) from CTranslate2's score.

    ``length`` is the hypothesis as returned (forced prefix included, end
    token not).  CTranslate2 divides the summed log-probabilities of the
    tokens it chose by ``steps ** length_penalty``, where ``steps`` counts
    every decoding step: the forced prefix, the output and the end token
    (none when the decode stopped at ``max_length``).  The forced tokens'
    probabilities are not in the sum, so they are not in the mean either.
    tests/engines/test_base.py checks this against CTranslate2's own
    per-token log-probabilities.
    """
    steps = length + 1 if length < max_length else length
    chosen = steps - forced
    if chosen <= 0:
        return 1.0
    return math.exp(score * steps**length_penalty / chosen)


class BatchEngine:
    """A CTranslate2 model decoded in length-sorted asynchronous batches.

    Subclasses set ``name``, ``model_dir`` (the CTranslate2 model folder),
    ``where`` (what error messages name), ``hint`` and ``model_prefix`` (the
    target tokens forced first for every sentence), and implement
    :meth:`tokenize` (source text -> the tokens sent) and :meth:`detokenize`
    (tokens -> text, without ``model_prefix``); :meth:`prefix_tokens` turns
    a forced target text into tokens.
    """

    name: str
    model_dir: Any
    where: str
    hint: str
    model_prefix: list[str]
    options: DecodeOptions
    _translator: Any = None

    def tokenize(self, text: str) -> list[str]:
        raise NotImplementedError

    def detokenize(self, tokens: list[str]) -> str:
        raise NotImplementedError

    def prefix_tokens(self, text: str) -> list[str]:
        raise NotImplementedError

    @property
    def translator(self) -> Any:  # ctranslate2.Translator, loaded on first use
        if self._translator is None:
            import ctranslate2

            opts = self.options
            try:
                self._translator = ctranslate2.Translator(
                    str(self.model_dir),
                    device=opts.device,
                    compute_type=opts.compute_type,
                    intra_threads=opts.intra_threads,
                    inter_threads=self.workers,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise L10nError(
                    f"cannot load the model in {self.where}: {exc}", hint=self.hint
                ) from None
        return self._translator

    @property
    def workers(self) -> int:
        if self.options.inter_threads:
            return self.options.inter_threads
        return 1 if self.options.device == "cuda" else (os.cpu_count() or 1)

    @contextmanager
    def _decoding(self) -> Iterator[None]:
        """CTranslate2's errors while decoding: the model's files disagree.

        A vocabulary that does not match the weights, say, loads fine and
        fails only on the first token it cannot map.
        """
        try:
            yield
        except (RuntimeError, ValueError) as exc:
            raise L10nError(
                f"cannot translate with the model in {self.where}: {exc}", hint=self.hint
            ) from None

    def decode_limit(self, longest_source: int) -> int:
        opts = self.options
        return min(opts.max_length, int(longest_source * opts.length_ratio) + opts.length_margin)

    def translate(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 4,
        num_hypotheses: int = 1,
        prefixes: Sequence[str | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, Translation]]:
        """Translate ``texts``; yield (index, translation) one batch at a time.

        Segments are sorted by length so a batch pads little, and each batch
        gets its own decode limit (longer by the longest forced prefix).
        Batches are submitted asynchronously, up to two per worker in flight,
        so every core decodes one while the next waits.  Only token counts
        are kept for all segments; a batch is tokenized when submitted, so
        memory holds the batches in flight, not every segment's tokens or
        translations.
        """
        if not texts:
            return
        lengths = [len(self.tokenize(t)) for t in texts]
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        opts = self.options
        size = max(1, opts.gpu_batch_size if opts.device == "cuda" else opts.batch_size)
        in_flight: deque[tuple[list[int], list, list[int], int]] = deque()

        def finish(batch: list[int], futures: list, forced: list[int], limit: int):
            for i, future, n_forced in zip(batch, futures, forced, strict=True):
                with self._decoding():
                    result = future.result()
                yield i, self._translation(result, n_forced, limit)
            if progress:
                progress(len(batch))

        for start in range(0, len(order), size):
            batch = order[start : start + size]
            source = [self.tokenize(texts[i]) for i in batch]
            wanted = [self.prefix_tokens(prefixes[i] or "") if prefixes else [] for i in batch]
            forced = [self.model_prefix + tokens for tokens in wanted]
            limit = self.decode_limit(max(map(len, source))) + max(map(len, wanted))
            translator = self.translator
            with self._decoding():
                futures = translator.translate_batch(
                    source,
                    target_prefix=[f or None for f in forced] if any(forced) else None,
                    beam_size=max(beam_size, num_hypotheses),
                    num_hypotheses=num_hypotheses,
                    replace_unknowns=True,
                    length_penalty=self.options.length_penalty,
                    max_decoding_length=limit,
                    return_scores=True,
                    asynchronous=True,
                )
            in_flight.append((batch, futures, list(map(len, forced)), limit))
            if len(in_flight) >= 2 * self.workers:
                yield from finish(*in_flight.popleft())
        while in_flight:
            yield from finish(*in_flight.popleft())

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[Hypothesis]:
        """Each whole target as a translation of its source, scored by the model.

        A forced prefix's tokens are not in a decoded hypothesis's score, so
        completions forced with different prefixes cannot be ranked by it;
        this scores every token of the output (the end token included, the
        model's own language token not), normalised by length the way
        decoding does, with the confidence over the same tokens.
        """
        if not sources:
            return []
        # Glossary decoding scores several outputs of each source: tokenize it once.
        tokens = {s: self.tokenize(s) for s in dict.fromkeys(sources)}
        source = [tokens[s] for s in sources]
        target = [self.model_prefix + self.prefix_tokens(t) for t in targets]
        with self._decoding():
            results = self.translator.score_batch(
                source,
                target,
                offset=len(self.model_prefix),
                max_batch_size=self.options.batch_size,
            )
        penalty = self.options.length_penalty
        out = []
        for text, result in zip(targets, results, strict=True):
            probs = result.log_probs
            total = sum(probs)
            n = max(1, len(probs))
            out.append(Hypothesis(text, total / n**penalty, math.exp(total / n)))
        return out

    def _translation(self, result: Any, forced: int, limit: int) -> Translation:
        penalty = self.options.length_penalty
        return Translation(
            tuple(
                Hypothesis(
                    self.detokenize(tokens),
                    score,
                    confidence(score, len(tokens), forced, limit, penalty),
                )
                for tokens, score in zip(result.hypotheses, result.scores, strict=True)
            )
        )
