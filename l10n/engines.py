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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from l10n.errors import L10nError

if TYPE_CHECKING:
    from argostranslate.package import Package


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
    batch_size: int = 32  # sentences per CTranslate2 call
    intra_threads: int = 0  # 0: one per core
    inter_threads: int = 1
    compute_type: str = "auto"
    # A decode never runs longer than this many tokens per source token (plus
    # a margin): a guard against a model that repeats itself forever.
    length_ratio: float = 2.0
    length_margin: int = 10
    max_length: int = 256  # CTranslate2's own default limit
    length_penalty: float = 0.2  # as argostranslate decodes


class ArgosEngine:
    """An installed Argos package, decoded with CTranslate2 in batches."""

    def __init__(self, package: Package, options: DecodeOptions | None = None) -> None:
        self.package = package
        self.options = options or DecodeOptions()
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
                    intra_threads=opts.intra_threads or (os.cpu_count() or 1),
                    inter_threads=opts.inter_threads,
                )
            except (RuntimeError, ValueError) as exc:
                raise L10nError(
                    f"cannot load the model in {self.package.package_path}: {exc}",
                    hint="reinstall it with `l10n models install LANG --file PKG.argosmodel`",
                ) from None
        return self._translator

    def tokenize(self, text: str) -> list[str]:
        return self.package.tokenizer.encode(text)

    def detokenize(self, tokens: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        text = self.package.tokenizer.decode(tokens)
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text.strip()

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

        Only one batch of decoded output is held at once, so memory does not
        grow with the number of segments.
        """
        if not texts:
            return
        tokens = [self.tokenize(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        prefix = self.package.target_prefix
        size = max(1, self.options.batch_size)
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            source = [tokens[i] for i in batch]
            results = self.translator.translate_batch(
                source,
                target_prefix=[[prefix]] * len(source) if prefix else None,
                beam_size=beam_size,
                num_hypotheses=1,
                replace_unknowns=True,
                length_penalty=self.options.length_penalty,
                max_decoding_length=self.decode_limit(max(len(s) for s in source)),
            )
            for i, result in zip(batch, results, strict=True):
                yield i, self.detokenize(result.hypotheses[0])
            if progress:
                progress(len(batch))
