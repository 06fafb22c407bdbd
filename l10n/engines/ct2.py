"""CTranslate2 model folders configured in ``l10n.toml``: OPUS-MT, NLLB, M2M-100...

``[engines.LANG]`` with ``kind = "ctranslate2"`` names a folder written by
one of CTranslate2's converters and the SentencePiece models that tokenize
for it.  Multilingual models need tokens around the text: OPUS-MT's
multi-target models read the target language from a source token
(``>>ukr<<``), NLLB and M2M-100 from a target token forced first
(``ukr_Cyrl``), and models converted from Hugging Face Transformers expect
the end token ``</s>`` after the source.  Every such token is checked
against the model's vocabulary when the engine is made: a token the model
does not know would be decoded as ``<unk>``, and the output would be in
whatever language the model guessed, with no error at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from l10n.engines.base import BatchEngine, Blame, DecodeOptions, plain_blame
from l10n.errors import L10nError

HINT = (
    "the folder in l10n.toml's [engines.LANG] model must hold a CTranslate2 model "
    "(model.bin, config.json and its vocabularies), as CTranslate2's converters write it"
)
# (source, target) tokenizer names the converters and model hubs use, tried
# in turn when l10n.toml names none; None: the source one serves both.
TOKENIZER_NAMES: tuple[tuple[str, str | None], ...] = (
    ("source.spm", "target.spm"),  # OPUS-MT
    ("sentencepiece.bpe.model", None),  # NLLB
    ("sentencepiece.model", None),  # Argos, M2M-100 (as spm.model)
    ("spm.model", None),
    ("spiece.model", None),  # T5, MADLAD
)
_VOCABULARIES = {
    "source": ("source_vocabulary", "shared_vocabulary"),
    "target": ("target_vocabulary", "shared_vocabulary"),
}


class CTranslate2Engine(BatchEngine):
    """A CTranslate2 model folder with SentencePiece tokenizers.

    Every file is checked here, before any decoding: the folder, the
    tokenizers, and the prefix and suffix tokens against the model's
    vocabularies.  ``blame`` says where a setting came from (l10n.toml's
    file:line); ``label`` is how notes name the model (the folder as
    l10n.toml writes it, the same on every machine).
    """

    def __init__(
        self,
        model_dir: Path,
        *,
        from_code: str,
        to_code: str,
        label: str | None = None,
        source_tokenizer: str | None = None,
        target_tokenizer: str | None = None,
        source_prefix: Sequence[str] = (),
        source_suffix: Sequence[str] = (),
        target_prefix: Sequence[str] = (),
        options: DecodeOptions | None = None,
        blame: Blame = plain_blame,
    ) -> None:
        self.options = options or DecodeOptions()
        self.model_dir = Path(model_dir)
        self.where = str(model_dir)
        self.hint = HINT
        self.label = label or str(model_dir)
        self.pair = f"{from_code}->{to_code}"
        _check_model_dir(self.model_dir, blame)
        source_file, target_file = tokenizer_files(
            self.model_dir, source_tokenizer, target_tokenizer, blame
        )
        self.tokenizer_files = (source_file, target_file)
        self.source_sp = load_sentencepiece(source_file, "source-tokenizer", blame)
        self.target_sp = (
            self.source_sp
            if target_file == source_file
            else load_sentencepiece(target_file, "target-tokenizer", blame)
        )
        for key, tokens, side, sp in (
            ("source-prefix", source_prefix, "source", self.source_sp),
            ("source-suffix", source_suffix, "source", self.source_sp),
            ("target-prefix", target_prefix, "target", self.target_sp),
        ):
            _check_tokens(self.model_dir, key, tokens, side, sp, blame)
        self.source_prefix, self.source_suffix = list(source_prefix), list(source_suffix)
        self.model_prefix = list(target_prefix)
        # Language and end tokens are never content: one can still reach the
        # output when CTranslate2 replaces an unknown target token by the
        # source token it attended to most (replace_unknowns), often >>ukr<<.
        self.control_tokens = {*source_prefix, *source_suffix, *target_prefix}
        self._name: str | None = None

    @property
    def name(self) -> str:
        """What MT notes say: the pair, the folder and a hash of its files.

        Computed on first use (after decoding, when the files are in the
        page cache): hashing a model of a gigabyte takes about a second.
        """
        if self._name is None:
            digest = content_hash([self.model_dir, *self.tokenizer_files])
            self._name = f"CTranslate2 {self.pair} ({self.label}, sha256 {digest[:12]})"
        return self._name

    def tokenize(self, text: str) -> list[str]:
        pieces = self.source_sp.encode(text, out_type=str)
        return [*self.source_prefix, *pieces, *self.source_suffix]

    def prefix_tokens(self, text: str) -> list[str]:
        return self.target_sp.encode(text, out_type=str) if text else []

    def detokenize(self, tokens: list[str]) -> str:
        """The output's text, without the forced prefix or any control token."""
        n = len(self.model_prefix)
        if n and tokens[:n] == self.model_prefix:
            tokens = tokens[n:]
        return self.target_sp.decode([t for t in tokens if t not in self.control_tokens]).strip()


def _check_model_dir(model_dir: Path, blame: Blame) -> None:
    if not model_dir.is_dir():
        raise blame(
            "model",
            f"{model_dir}: no such folder",
            "give the CTranslate2 model's folder, relative to l10n.toml",
        )
    if not (model_dir / "model.bin").is_file():
        raise blame("model", f"{model_dir}: not a CTranslate2 model (no model.bin)", HINT)


def tokenizer_files(
    model_dir: Path, source: str | None, target: str | None, blame: Blame
) -> tuple[Path, Path]:
    """The source and target SentencePiece files: as configured (relative to
    the model folder), else the first of the usual names that exists."""
    if source is None:
        for name, pair in TOKENIZER_NAMES:
            if (model_dir / name).is_file():
                source, target = name, target or pair
                break
        else:
            raise blame(
                "model",
                f"{model_dir}: no SentencePiece model "
                f"({', '.join(name for name, _ in TOKENIZER_NAMES)})",
                "name it with source-tokenizer (and target-tokenizer where the target "
                "side has its own), relative to the model folder",
            )
    paths = []
    for key, name in (("source-tokenizer", source), ("target-tokenizer", target or source)):
        path = model_dir / name
        if not path.is_file():
            raise blame(key, f"{path}: no such file", "give the file relative to the model folder")
        paths.append(path)
    return paths[0], paths[1]


def load_sentencepiece(path: Path, key: str, blame: Blame) -> Any:
    import sentencepiece as spm

    try:
        return spm.SentencePieceProcessor(model_file=str(path))
    except Exception as exc:  # whatever the file makes the loader raise: the file is bad
        raise blame(
            key, f"{path}: cannot load the SentencePiece model: {exc}", "is it a .spm/.model file?"
        ) from None


def model_vocabulary(model_dir: Path, side: str) -> tuple[Path, set[str]] | None:
    """The model's own vocabulary of one side (what CTranslate2 maps tokens
    with), and its file; None when the folder has none (older converters)."""
    for stem in _VOCABULARIES[side]:
        for suffix in (".json", ".txt"):
            path = model_dir / f"{stem}{suffix}"
            if not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
                tokens = json.loads(text) if suffix == ".json" else text.splitlines()
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise L10nError(f"{path}: cannot read the vocabulary: {exc}", hint=HINT) from None
            if not isinstance(tokens, list):
                raise L10nError(f"{path}: the vocabulary is not a list of tokens", hint=HINT)
            return path, {t for t in tokens if isinstance(t, str)}
    return None


def _check_tokens(
    model_dir: Path, key: str, tokens: Sequence[str], side: str, sp: Any, blame: Blame
) -> None:
    """Every prefix/suffix token must be one the model knows, or it decodes as <unk>."""
    if not tokens:
        return
    found = model_vocabulary(model_dir, side)
    if found is not None:
        where, known = str(found[0]), found[1]
    else:
        where = "the SentencePiece model's pieces"
        known = {sp.id_to_piece(i) for i in range(sp.get_piece_size())}
    for token in tokens:
        if token not in known:
            raise blame(
                key,
                f"{token!r} is not in the model's {side} vocabulary ({where})",
                "multilingual models list their language tokens in the vocabulary: "
                "check the spelling (OPUS-MT: >>ukr<<, NLLB: ukr_Cyrl)",
            )


def content_hash(paths: Sequence[Path]) -> str:
    """sha256 over the names and bytes of every file in ``paths`` (folders:
    the files directly in them), each file once, in a stable order."""
    files: dict[Path, str] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file():
                    files.setdefault(child.resolve(), child.name)
        elif path.is_file():
            files.setdefault(path.resolve(), path.name)
    digest = hashlib.sha256()
    for path, name in sorted(files.items(), key=lambda item: (item[1], str(item[0]))):
        with path.open("rb") as f:
            file_digest = hashlib.file_digest(f, "sha256").hexdigest()
        digest.update(f"{name}\0{file_digest}\n".encode())
    return digest.hexdigest()
