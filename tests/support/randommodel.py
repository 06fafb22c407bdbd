"""Build real Argos Translate packages with random weights, entirely offline.

Why: the pipeline's engine code (package loading, SentencePiece tokenisation,
CTranslate2 decoding, detokenisation) should be tested and benchmarked without
downloading 100 MB models that CI machines do not have.  A package built here
is a genuine ``.argosmodel``: a zip holding ``metadata.json``, a trained
``sentencepiece.model`` and a CTranslate2 Transformer written by the real
converter machinery.  Only the weights are random, so the output is gibberish,
but every code path a real package exercises is exercised, at the real cost
when ``TRANSFORMER_BASE`` is used.

The build is deterministic: the same arguments (including ``seed``) give
byte-identical ``model.bin`` and ``sentencepiece.model`` (SentencePiece runs
with a fixed thread count for that reason), and an identical ``.argosmodel``
given the same zlib.

:func:`build_opus_mt_model` and :func:`build_nllb_model` write bare
CTranslate2 model folders laid out like OPUS-MT's and NLLB's (what
``[engines.LANG] kind = "ctranslate2"`` decodes), with their language tokens.

Decoding behaviour: random weights seldom pick ``</s>``, so without
``eos_bias`` nearly every hypothesis runs to ``max_decoding_length``
(CTranslate2's default is 256, and Argos does not lower it); pass a small
``max_decoding_length`` in tests.  A random decoder also falls into loops,
repeating one or a few tokens.  See :func:`build_random_package` for
``eos_bias``, which makes hypotheses end early.

``ctranslate2.specs``/``ctranslate2.converters`` are imported lazily because
they import torch when it is installed (about 1.5 s); importing this module
to read :data:`TINY` or :class:`ModelShape` stays cheap.
"""

from __future__ import annotations

import io
import json
import math
import os
import random
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import sentencepiece as spm

from l10n import languages

if TYPE_CHECKING:
    from ctranslate2.specs.transformer_spec import TransformerSpec

__all__ = [
    "NLLB_LANGUAGES",
    "OPUS_MT_LANGUAGES",
    "TINY",
    "TRANSFORMER_BASE",
    "ModelShape",
    "build_nllb_model",
    "build_opus_mt_model",
    "build_random_package",
]


@dataclass(frozen=True)
class ModelShape:
    """Hyper-parameters of the random Transformer (and its SentencePiece vocabulary).

    The defaults (:data:`TINY`) build in well under a second and decode fast, for
    unit tests; :data:`TRANSFORMER_BASE` matches the real Argos 1.9 packages so
    that benchmarks measure realistic load and decode costs.
    """

    encoder_layers: int = 1
    decoder_layers: int = 1
    d_model: int = 32
    heads: int = 2
    ffn: int = 64
    vocab_size: int = 300  # SentencePiece vocab, shared by source and target
    quantization: str | None = None  # e.g. "int8" (passed to the converter)

    def __post_init__(self) -> None:
        """Reject shapes CTranslate2 would only refuse much later, or load as garbage."""
        for name in ("encoder_layers", "decoder_layers", "d_model", "heads", "ffn"):
            if getattr(self, name) < 1:
                raise ValueError(f"ModelShape.{name} must be >= 1, got {getattr(self, name)}")
        if self.d_model % self.heads:
            raise ValueError(
                f"ModelShape.d_model ({self.d_model}) must be divisible by heads ({self.heads})"
            )
        if self.vocab_size < _MIN_VOCAB_SIZE:
            # The built-in sample text alone has ~150 distinct characters, and
            # SentencePiece needs a piece for each of them.
            raise ValueError(
                f"ModelShape.vocab_size must be >= {_MIN_VOCAB_SIZE}, got {self.vocab_size}"
            )


_MIN_VOCAB_SIZE = 200

TINY = ModelShape()
# the shape of the Argos 1.9 packages: transformer-base, ~100 MB with int8
TRANSFORMER_BASE = ModelShape(6, 6, 512, 8, 2048, 32000, "int8")

# SentencePiece's unigram trainer sums per-thread statistics, so the model it
# writes depends on the thread count: fix it so builds are byte-identical on
# every machine.  4 threads cost little on smaller machines.
_SP_THREADS = 4
# Byte fallback adds 256 <0xNN> pieces: realistic for big vocabularies (and it
# exercises the decoder's handling of byte pieces), but it would swamp TINY's.
_BYTE_FALLBACK_MIN_VOCAB = 1024
# Cap on user-supplied training lines (sampled deterministically from the seed).
_MAX_TRAINING_LINES = 200_000
# Fixed zip timestamp (the earliest zip can store) so archives are reproducible.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Real sentences in the scripts the pipeline translates between, so the
# vocabulary (and thus random decoding) mixes Latin, Cyrillic and Albanian
# letters such as ë and ç.
_SAMPLE_SENTENCES = (
    "The city lies on the banks of the river, about five hundred kilometres south of Moscow.",
    "In the summer of 1943 the largest tank battle in history was fought near the town.",
    "The old cathedral was rebuilt after the war and is open to visitors every day.",
    "Trains to the capital leave twice a day from the main railway station.",
    "Winters are cold and snowy, while summers are warm with occasional thunderstorms.",
    "The university has faculties of medicine, law, engineering and agriculture.",
    "Місто розташоване на березі річки, приблизно за п'ятсот кілометрів від столиці.",
    "Улітку 1943 року поблизу міста відбулася найбільша танкова битва в історії.",
    "Старий собор відбудували після війни, і тепер його щодня відвідують туристи.",
    "Зими тут холодні й сніжні, а літо тепле, з частими грозами.",
    "Університет має факультети медицини, права, інженерії та сільського господарства.",
    "Город расположен на берегу реки, примерно в пятистах километрах к югу от Москвы.",
    "Летом 1943 года под городом произошло крупнейшее танковое сражение в истории.",
    "Старый собор был восстановлен после войны и открыт для посетителей каждый день.",
    "Зимы здесь холодные и снежные, а лето тёплое, с частыми грозами.",
    "Поезда в столицу отправляются с главного вокзала дважды в день.",
    "Qyteti shtrihet në bregun e lumit, rreth pesëqind kilometra në jug të Moskës.",
    "Në verën e vitit 1943 pranë qytetit u zhvillua beteja më e madhe e tankeve në histori.",
    "Katedralja e vjetër u rindërtua pas luftës dhe është e hapur çdo ditë për vizitorët.",
    "Dimrat janë të ftohtë dhe me borë, ndërsa verat janë të ngrohta.",
    "Universiteti ka fakultete të mjekësisë, drejtësisë, inxhinierisë dhe bujqësisë.",
    "Trenat për në kryeqytet nisen dy herë në ditë nga stacioni qendror hekurudhor.",
)

# (onsets, vowels, codas) per script, for deterministic pseudo-words: enough
# distinct substrings for SentencePiece to reach a 32000-piece vocabulary.
_SYLLABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "latin": (
        (*"bcdfghjklmnprstvwz", "th", "sh", "ch", "st", "br", "tr", "pl", "gr"),
        (*"aeiou", "ea", "ou", "ai", "ee"),
        ("", "", "n", "r", "s", "t", "l", "nd", "st", "ng"),
    ),
    "cyrillic": (
        (*"бвгджзклмнпрстфхцчшщ", "ст", "пр", "кр", "зв", "дн"),
        (*"аеиоуяюєіїыё",),
        ("", "", "н", "р", "с", "т", "й", "ль", "ть", "ськ"),
    ),
    "albanian": (
        (*"bcçdfghjklmnprstvxz", "sh", "zh", "xh", "gj", "nj", "th", "dh", "ll", "rr"),
        (*"aeiouyë",),
        ("", "", "n", "r", "t", "s", "m", "sh", "ll"),
    ),
}


def build_random_package(
    dest_dir: Path,
    from_code: str,
    to_code: str,
    *,
    shape: ModelShape = TINY,
    seed: int = 0,
    training_text: str | None = None,
    target_prefix: str = "",
    package_version: str = "0.0.1",
    eos_bias: float | None = None,
) -> Path:
    """Write `<dest_dir>/translate-<from>_<to>-random.argosmodel` and return its path.

    The archive holds one folder, ``translate-<from>_<to>-random/``, laid out like
    the packages from the Argos index: ``metadata.json``, ``README.md``,
    ``sentencepiece.model`` and the CTranslate2 model in ``model/``.

    Args:
        dest_dir: Directory for the ``.argosmodel`` (created if missing; an
            existing file of the same name is replaced atomically).
        from_code, to_code: Language codes written to ``metadata.json``.
        shape: Model and vocabulary size; :data:`TINY` for tests,
            :data:`TRANSFORMER_BASE` for realistic benchmarks.
        seed: Seeds the weights and the built-in training text; same seed,
            same bytes.
        training_text: Text to train SentencePiece on, one sentence per line.
            Default: built-in English/Ukrainian/Russian/Albanian sentences plus
            seeded pseudo-words in the three scripts, sized to reach
            ``shape.vocab_size``.  A short custom text may yield fewer pieces
            than asked for; the model then uses the smaller vocabulary.
        target_prefix: Written to ``metadata.json`` (Argos passes it to the
            decoder as a forced first target token) if non-empty, and made a
            whole SentencePiece piece so that it is in the vocabulary.
        package_version: Written to ``metadata.json``.
        eos_bias: Added to the ``</s>`` logit of the output projection so that
            decoding stops on its own.  The projection weights are
            N(0, 1/d_model) and act on a layer-normed state, so each logit is
            about N(0, 1) whatever the shape, and the bias is in those units.
            A large bias (>= 8) is the useful setting: every hypothesis has
            exactly ``min_decoding_length`` tokens (CTranslate2 masks ``</s>``
            until then; the default 1 is what Argos uses, a target prefix
            counts), which gives benchmarks exact, controllable output
            lengths.  Smaller values give a mix of early stops and runs to
            ``max_decoding_length`` that depends on beam size and shape (the
            switch is near 2 for TINY and near 4-5 for TRANSFORMER_BASE, where
            the largest of V normal logits, sqrt(2 ln V), is larger).
            ``None`` (default): no bias, decoding runs to
            ``max_decoding_length``.

    Returns:
        Path of the written ``.argosmodel`` file.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-random"
    archive = dest_dir / f"{name}.argosmodel"

    with tempfile.TemporaryDirectory(prefix="l10n-randommodel-") as tmp:
        tmp_dir = Path(tmp)
        pkg_dir = tmp_dir / name
        pkg_dir.mkdir()

        if training_text is None:
            lines = _builtin_corpus(shape.vocab_size, seed)
        else:
            lines = _user_corpus(training_text, seed)
        sp_model = pkg_dir / "sentencepiece.model"
        extra_pieces = [target_prefix] if target_prefix else []
        sp_model.write_bytes(_train_sentencepiece(lines, shape.vocab_size, extra_pieces))

        processor = spm.SentencePieceProcessor(model_file=str(sp_model))
        vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
        spec = _random_spec(shape, vocabulary, seed, eos_bias)
        _spec_converter(spec).convert(
            str(pkg_dir / "model"), quantization=shape.quantization, force=True
        )

        metadata: dict[str, Any] = {
            "package_version": package_version,
            "argos_version": "1.9",
            "from_code": from_code,
            "from_name": languages.name(from_code),
            "to_code": to_code,
            "to_name": languages.name(to_code),
            "type": "translate",
            "links": [],
        }
        if target_prefix:
            metadata["target_prefix"] = target_prefix
        (pkg_dir / "metadata.json").write_text(
            json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (pkg_dir / "README.md").write_text(
            _readme(from_code, to_code, shape, seed, len(vocabulary), eos_bias), encoding="utf-8"
        )

        fd, partial_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=dest_dir)
        os.close(fd)
        partial = Path(partial_name)
        try:
            _zip_tree(pkg_dir, partial)
            os.replace(partial, archive)
        finally:
            partial.unlink(missing_ok=True)
    return archive


def _builtin_corpus(vocab_size: int, seed: int) -> list[str]:
    """Sample sentences plus seeded pseudo-word sentences, enough for ``vocab_size`` pieces.

    About 0.7 pseudo-sentences per requested piece reach the requested size
    (checked up to 32000) while keeping SentencePiece training to ~1.5 s.
    """
    rng = random.Random(seed)
    n_sentences = max(300, vocab_size * 7 // 10)
    scripts = list(_SYLLABLES)
    lexicons: dict[str, list[str]] = {}
    for script in scripts:
        onsets, vowels, codas = _SYLLABLES[script]
        words: set[str] = set()
        target = 200 + n_sentences // 2
        while len(words) < target:
            syllables = rng.randint(1, 4)
            words.add(
                "".join(
                    rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                    for _ in range(syllables)
                )
            )
        lexicons[script] = sorted(words)

    # Repeat the real sentences so that ~15% of the text is real language and
    # its frequent words and affixes become pieces, as in a real vocabulary.
    lines = list(_SAMPLE_SENTENCES) * max(1, n_sentences // (6 * len(_SAMPLE_SENTENCES)))
    for i in range(n_sentences):
        lexicon = lexicons[scripts[i % len(scripts)]]
        # Cubing a uniform draw skews towards the start of the lexicon: a few
        # frequent words and a long tail, roughly like natural text.
        words = [lexicon[int(len(lexicon) * rng.random() ** 3)] for _ in range(rng.randint(4, 14))]
        sentence = " ".join(words)
        lines.append(sentence[0].upper() + sentence[1:] + rng.choice(".,?!;:"))
    return lines


def _user_corpus(text: str, seed: int) -> list[str]:
    """Non-empty lines of ``text``; a deterministic sample if there are too many.

    Sampling here (rather than SentencePiece's ``input_sentence_size``, which
    shuffles with its own unseeded generator) keeps builds reproducible.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError("training_text has no non-empty lines")
    if len(lines) > _MAX_TRAINING_LINES:
        keep = sorted(random.Random(seed).sample(range(len(lines)), _MAX_TRAINING_LINES))
        lines = [lines[i] for i in keep]
    return lines


def _train_sentencepiece(lines: list[str], vocab_size: int, extra_pieces: list[str]) -> bytes:
    """Train a unigram SentencePiece model (what Argos packages use); return its bytes.

    ``<unk>``, ``<s>`` and ``</s>`` get ids 0, 1 and 2, the tokens CTranslate2's
    sequence-to-sequence config expects by name.  ``extra_pieces`` (the target
    prefix) become whole pieces, as in real multilingual packages: otherwise
    CTranslate2 would turn the forced prefix into ``<unk>``.  The model goes to memory, not
    to a ``model_prefix``: SentencePiece records the prefix in the model, and a
    temporary path there would make builds differ byte-wise.
    """
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        byte_fallback=vocab_size >= _BYTE_FALLBACK_MIN_VOCAB,
        # All lines (already capped by _user_corpus), in order: no sampling.
        input_sentence_size=0,
        shuffle_input_sentence=False,
        num_threads=_SP_THREADS,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        user_defined_symbols=extra_pieces,
        minloglevel=2,
    )
    return model.getvalue()


def _random_spec(
    shape: ModelShape,
    vocabulary: list[str],
    seed: int,
    eos_bias: float | None,
    target_vocabulary: list[str] | None = None,
    never: tuple[str, ...] = (),
) -> TransformerSpec:
    """A pre-norm Transformer spec with every variable filled with seeded random weights.

    Scales keep activations like a trained model's: embeddings N(0, 1/d) (the
    spec multiplies them by sqrt(d)), linear weights N(0, 1/fan_in) so each
    sublayer adds O(1) to the residual stream, biases N(0, 0.02²), layer
    norms gamma=1 beta=0.  The output projection has weights N(0, 1/d) and
    zero bias, so its logits are ~N(0, 1), except ``</s>`` (``eos_bias``) and
    ``<s>`` and ``never`` (suppressed, as a trained model would).
    ``target_vocabulary``: the decoder's, when it is not the encoder's.
    """
    from ctranslate2.specs.transformer_spec import TransformerSpec

    rng = np.random.default_rng(seed)
    target = vocabulary if target_vocabulary is None else target_vocabulary
    d, ffn, vocab = shape.d_model, shape.ffn, len(vocabulary)

    def normal(rows: int, cols: int | None, std: float) -> np.ndarray:
        size = (rows,) if cols is None else (rows, cols)
        return rng.standard_normal(size, dtype=np.float32) * np.float32(std)

    def linear(spec: Any, out_dim: int, in_dim: int) -> None:
        spec.weight = normal(out_dim, in_dim, 1 / math.sqrt(in_dim))
        spec.bias = normal(out_dim, None, 0.02)

    def layer_norm(spec: Any) -> None:
        spec.gamma = np.ones(d, dtype=np.float32)
        spec.beta = np.zeros(d, dtype=np.float32)

    def ffn_block(spec: Any) -> None:
        layer_norm(spec.layer_norm)
        linear(spec.linear_0, ffn, d)
        linear(spec.linear_1, d, ffn)

    spec = TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.heads, pre_norm=True
    )

    encoder = spec.encoder
    encoder.embeddings[0].weight = normal(vocab, d, 1 / math.sqrt(d))
    layer_norm(encoder.layer_norm)
    for layer in encoder.layer:
        layer_norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)  # fused q, k, v
        linear(layer.self_attention.linear[1], d, d)
        ffn_block(layer.ffn)

    decoder = spec.decoder
    decoder.embeddings.weight = normal(len(target), d, 1 / math.sqrt(d))
    layer_norm(decoder.layer_norm)
    for layer in decoder.layer:
        layer_norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)  # fused q, k, v
        linear(layer.self_attention.linear[1], d, d)
        layer_norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d, d)  # q
        linear(layer.attention.linear[1], 2 * d, d)  # fused k, v (of the encoder output)
        linear(layer.attention.linear[2], d, d)
        ffn_block(layer.ffn)
    decoder.projection.weight = normal(len(target), d, 1 / math.sqrt(d))
    bias = np.zeros(len(target), dtype=np.float32)
    # A trained model never predicts the start token; a random one would, and
    # it decodes to nothing.  e^-100 is "never" for any logit scale used here.
    for token in ("<s>", *never):
        bias[target.index(token)] = -100.0
    if eos_bias is not None:
        bias[target.index("</s>")] = eos_bias
    decoder.projection.bias = bias

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(target)
    return spec


# OPUS-MT's multi-target models (opus-mt-tc-big-en-zle...) choose the target
# language from a token before the source, which only the model's source
# vocabulary holds: the SentencePiece models know nothing of it.
OPUS_MT_LANGUAGES = (">>bel<<", ">>rus<<", ">>ukr<<")
# NLLB-200's language tokens: one shared vocabulary, the token of the source
# language first in the source, the target's forced first in the output.
NLLB_LANGUAGES = ("eng_Latn", "rus_Cyrl", "sqi_Latn", "ukr_Cyrl")


def build_opus_mt_model(
    dest: Path,
    *,
    shape: ModelShape = TINY,
    seed: int = 0,
    languages: tuple[str, ...] = OPUS_MT_LANGUAGES,
    eos_bias: float | None = None,
) -> Path:
    """Write a CTranslate2 model folder laid out like a converted OPUS-MT model.

    ``dest`` gets ``source.spm`` and ``target.spm`` (two SentencePiece
    models, trained on differently seeded text), ``model.bin``, and separate
    ``source_vocabulary.json`` / ``target_vocabulary.json``: the source
    vocabulary is the source pieces followed by ``languages``, the target
    tokens a multi-target model reads.  Returns ``dest``.
    """
    source_sp = _train_sentencepiece(_builtin_corpus(shape.vocab_size, seed), shape.vocab_size, [])
    target_sp = _train_sentencepiece(
        _builtin_corpus(shape.vocab_size, seed + 1), shape.vocab_size, []
    )
    source = [*_pieces(source_sp), *languages]
    spec = _random_spec(shape, source, seed, eos_bias, target_vocabulary=_pieces(target_sp))
    return _write_model_folder(
        dest, spec, shape, {"source.spm": source_sp, "target.spm": target_sp}
    )


def build_nllb_model(
    dest: Path,
    *,
    shape: ModelShape = TINY,
    seed: int = 0,
    languages: tuple[str, ...] = NLLB_LANGUAGES,
    eos_bias: float | None = None,
) -> Path:
    """Write a CTranslate2 model folder laid out like a converted NLLB-200 model.

    ``dest`` gets one SentencePiece model, ``sentencepiece.bpe.model``, and
    ``model.bin`` with one ``shared_vocabulary.json``: the pieces followed
    by the language tokens ``languages`` (as in NLLB, where the tokenizer
    adds them and the SentencePiece model does not hold them).  The decoder
    never chooses a language token itself; one is forced first as the
    target prefix.  Returns ``dest``.
    """
    sp_model = _train_sentencepiece(_builtin_corpus(shape.vocab_size, seed), shape.vocab_size, [])
    vocabulary = [*_pieces(sp_model), *languages]
    spec = _random_spec(shape, vocabulary, seed, eos_bias, never=languages)
    return _write_model_folder(dest, spec, shape, {"sentencepiece.bpe.model": sp_model})


def _pieces(sp_model: bytes) -> list[str]:
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _write_model_folder(
    dest: Path, spec: TransformerSpec, shape: ModelShape, files: dict[str, bytes]
) -> Path:
    """The converter's output in ``dest`` (replaced whole), plus ``files``."""
    dest = Path(dest)
    _spec_converter(spec).convert(str(dest), quantization=shape.quantization, force=True)
    for name, data in files.items():
        (dest / name).write_bytes(data)
    return dest


def _spec_converter(spec: TransformerSpec) -> Any:
    """A ``ctranslate2`` Converter whose "checkpoint" is the ready-made ``spec``.

    Going through ``Converter.convert`` (rather than ``spec.save``) runs the
    same validation, variable aliasing and quantisation as real conversions.
    """
    from ctranslate2.converters.converter import Converter

    class _SpecConverter(Converter):
        def _load(self) -> TransformerSpec:
            return spec

    return _SpecConverter()


def _readme(
    from_code: str,
    to_code: str,
    shape: ModelShape,
    seed: int,
    vocab_size: int,
    eos_bias: float | None,
) -> str:
    """The package README: says loudly that the translations are meaningless."""
    return (
        f"# Random-weight test package {from_code} -> {to_code}\n\n"
        "Built by `tests/support/randommodel.py` for tests and benchmarks. The weights are\n"
        "random: it loads, tokenizes and decodes like a real Argos Translate\n"
        "package, but its output is gibberish. Do not use it to translate.\n\n"
        f"- layers: {shape.encoder_layers} encoder, {shape.decoder_layers} decoder\n"
        f"- d_model {shape.d_model}, heads {shape.heads}, ffn {shape.ffn}\n"
        f"- SentencePiece vocabulary: {vocab_size} pieces (unigram)\n"
        f"- quantization: {shape.quantization or 'none (float32)'}\n"
        f"- seed: {seed}, eos_bias: {eos_bias}\n"
    )


def _zip_tree(root: Path, archive: Path) -> None:
    """Zip ``root`` as a single top-level folder, reproducibly (sorted, fixed dates)."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        paths = sorted(root.rglob("*"))
        for path in [root, *paths]:
            arcname = path.relative_to(root.parent).as_posix()
            if path.is_dir():
                info = zipfile.ZipInfo(arcname + "/", date_time=_ZIP_DATE)
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
            else:
                info = zipfile.ZipInfo(arcname, date_time=_ZIP_DATE)
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with path.open("rb") as src, zf.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
