"""Machine translation engines.

:class:`ArgosEngine` decodes an Argos Translate package with CTranslate2
directly.  ``argostranslate.translate`` would do the same one paragraph at a
time, after importing stanza and torch and running a sentence splitter that
downloads a model; we already have sentences, so we tokenize them with the
package's own tokenizer and decode all of a language's segments in
length-sorted batches, which keeps padding (wasted work) small.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from l10n.errors import L10nError

if TYPE_CHECKING:
    from argostranslate.package import Package
    from argostranslate.tokenizer import Tokenizer


class Engine(Protocol):
    """Translates sentences; yields (index, translation) in any order."""

    name: str

    def translate(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 4,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, str]]: ...


@dataclass(frozen=True)
class DecodeOptions:
    # One batch per core, decoded side by side (inter_threads), each on one
    # thread: on 2 cores this is 2x faster than one batch on 2 threads, and
    # batches of 16 keep both cores busy even on a 35-sentence article
    # (docs/benchmarks.md has the numbers).
    batch_size: int = 16  # sentences per CTranslate2 batch
    intra_threads: int = 1  # threads per batch
    inter_threads: int = 0  # batches decoded at once; 0: one per core
    compute_type: str = "auto"
    # A decode never runs longer than this many tokens per source token (plus
    # a margin): a guard against a model that repeats itself forever.
    length_ratio: float = 2.0
    length_margin: int = 10
    max_length: int = 256  # CTranslate2's own default limit
    length_penalty: float = 0.2  # as argostranslate decodes


REINSTALL_HINT = "reinstall it with `l10n models install LANG --file PKG.argosmodel`"


def load_tokenizer(package: Package) -> Tokenizer:
    """The package's tokenizer, loaded now: a broken one stops a run before any decoding.

    argostranslate gives a package no ``tokenizer`` attribute when it has
    neither tokenizer file, and loads the file only on first use.
    """
    tokenizer = getattr(package, "tokenizer", None)
    if tokenizer is None:
        raise L10nError(
            f"{package.package_path}: the package has no tokenizer "
            "(sentencepiece.model or bpe.model)",
            hint=REINSTALL_HINT,
        )
    try:
        tokenizer.encode("Hello.")
    except ImportError:
        raise
    except Exception as exc:  # whatever the file makes its loader raise: the file is bad
        where = getattr(tokenizer, "model_file", package.package_path)
        raise L10nError(
            f"{where}: cannot load the package's tokenizer: {exc}", hint=REINSTALL_HINT
        ) from None
    return tokenizer


class ArgosEngine:
    """An installed Argos package, decoded with CTranslate2 in batches."""

    def __init__(self, package: Package, options: DecodeOptions | None = None) -> None:
        self.package = package
        self.options = options or DecodeOptions()
        self.tokenizer = load_tokenizer(package)
        self._translator = None
        version = package.package_version or "?"
        self.name = (
            f"Argos Translate {package.from_code}->{package.to_code} "
            f"({package.package_path.name}, version {version})"
        )

    @property
    def translator(self):  # ctranslate2.Translator, loaded on first use
        if self._translator is None:
            import ctranslate2

            opts = self.options
            try:
                self._translator = ctranslate2.Translator(
                    str(self.package.package_path / "model"),
                    device="cpu",
                    compute_type=opts.compute_type,
                    intra_threads=opts.intra_threads,
                    inter_threads=self.workers,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise L10nError(
                    f"cannot load the model in {self.package.package_path}: {exc}",
                    hint=REINSTALL_HINT,
                ) from None
        return self._translator

    @property
    def workers(self) -> int:
        return self.options.inter_threads or (os.cpu_count() or 1)

    def tokenize(self, text: str) -> list[str]:
        return self.tokenizer.encode(text)

    def detokenize(self, tokens: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        text = self.tokenizer.decode(tokens)
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text.strip()

    @contextmanager
    def _decoding(self) -> Iterator[None]:
        """CTranslate2's errors while decoding: the package's files disagree.

        A vocabulary that does not match the weights, say, loads fine and
        fails only on the first token it cannot map.
        """
        try:
            yield
        except (RuntimeError, ValueError) as exc:
            raise L10nError(
                f"cannot translate with the model in {self.package.package_path}: {exc}",
                hint=REINSTALL_HINT,
            ) from None

    def decode_limit(self, longest_source: int) -> int:
        opts = self.options
        return min(opts.max_length, int(longest_source * opts.length_ratio) + opts.length_margin)

    def translate(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 4,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, str]]:
        """Translate ``texts``; yield (index, translation) one batch at a time.

        Segments are sorted by length so a batch pads little, and each batch
        gets its own decode limit.  Batches are submitted asynchronously, up
        to two per worker in flight, so every core decodes one while the next
        waits.  Only token counts are kept for all segments; a batch is
        tokenized when submitted, so memory holds the batches in flight, not
        every segment's tokens or translations.
        """
        if not texts:
            return
        lengths = [len(self.tokenize(t)) for t in texts]
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        prefix = self.package.target_prefix
        size = max(1, self.options.batch_size)
        in_flight: deque[tuple[list[int], list]] = deque()

        def finish(batch: list[int], futures: list) -> Iterator[tuple[int, str]]:
            for i, future in zip(batch, futures, strict=True):
                with self._decoding():
                    result = future.result()
                yield i, self.detokenize(result.hypotheses[0])
            if progress:
                progress(len(batch))

        for start in range(0, len(order), size):
            batch = order[start : start + size]
            source = [self.tokenize(texts[i]) for i in batch]
            translator = self.translator
            with self._decoding():
                futures = translator.translate_batch(
                    source,
                    target_prefix=[[prefix]] * len(source) if prefix else None,
                    beam_size=beam_size,
                    num_hypotheses=1,
                    replace_unknowns=True,
                    length_penalty=self.options.length_penalty,
                    max_decoding_length=self.decode_limit(max(len(s) for s in source)),
                    asynchronous=True,
                )
            in_flight.append((batch, futures))
            if len(in_flight) >= 2 * self.workers:
                yield from finish(*in_flight.popleft())
        while in_flight:
            yield from finish(*in_flight.popleft())
