"""Argos Translate packages, decoded with CTranslate2 directly.

``argostranslate.translate`` would do the same one paragraph at a time,
after importing stanza and torch and running a sentence splitter that
downloads a model; we already have sentences, so we tokenize them with the
package's own tokenizer and decode all of a language's segments in
length-sorted batches (:class:`~l10n.engines.base.BatchEngine`), which keeps
padding (wasted work) small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from l10n.engines.base import BatchEngine, DecodeOptions
from l10n.errors import L10nError

if TYPE_CHECKING:
    from argostranslate.package import Package
    from argostranslate.tokenizer import Tokenizer


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


class ArgosEngine(BatchEngine):
    """An installed Argos package, decoded with CTranslate2 in batches."""

    hint = REINSTALL_HINT

    def __init__(self, package: Package, options: DecodeOptions | None = None) -> None:
        self.package = package
        self.options = options or DecodeOptions()
        self.tokenizer = load_tokenizer(package)
        self.model_dir = package.package_path / "model"
        self.where = str(package.package_path)
        prefix = package.target_prefix
        self.model_prefix = [prefix] if prefix else []
        version = package.package_version or "?"
        self.name = (
            f"Argos Translate {package.from_code}->{package.to_code} "
            f"({package.package_path.name}, version {version})"
        )

    def tokenize(self, text: str) -> list[str]:
        return self.tokenizer.encode(text)

    def prefix_tokens(self, text: str) -> list[str]:
        return self.tokenizer.encode(text) if text else []

    def detokenize(self, tokens: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        text = self.tokenizer.decode(tokens)
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text.strip()
