"""The random-weight package builder: its packages must load and decode for real.

The point of the builder is that the engine code can be tested without
downloaded models, so these tests go through the same libraries the engine
uses (argostranslate.package, SentencePiece, ctranslate2.Translator) rather
than inspecting the builder's internals.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import argostranslate.package
import ctranslate2
import pytest
import sentencepiece as spm

from support.randommodel import TINY, TRANSFORMER_BASE, ModelShape, build_random_package

TOP = "translate-en_sq-random"
# Mixed-script input: the built-in vocabulary covers Latin, Cyrillic and Albanian.
SOURCES = [
    "The city lies on the banks of the river.",
    "Місто розташоване на березі річки.",
    "Город расположен на берегу реки.",
    "Qyteti shtrihet në bregun e lumit, çdo ditë.",
]
MAX_LEN = 8


def _extract(archive: Path, dest: Path) -> Path:
    """Unzip like argostranslate.package.install_from_path and return the package dir."""
    with zipfile.ZipFile(archive) as zf:
        tops = {name.split("/", 1)[0] for name in zf.namelist()}
        assert len(tops) == 1, tops
        zf.extractall(dest)
    return dest / tops.pop()


def _translate(pkg_dir: Path, **options: object) -> list[list[str]]:
    """Tokenize SOURCES with the package tokenizer and decode with CTranslate2."""
    pkg = argostranslate.package.Package(pkg_dir)
    translator = ctranslate2.Translator(str(pkg_dir / "model"), device="cpu")
    batch = [pkg.tokenizer.encode(text) for text in SOURCES]
    results = translator.translate_batch(batch, **{"max_decoding_length": MAX_LEN, **options})
    return [result.hypotheses[0] for result in results]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_random_package(tmp_path_factory.mktemp("build"), "en", "sq")


@pytest.fixture(scope="module")
def pkg_dir(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _extract(archive, tmp_path_factory.mktemp("extract"))


def test_archive_is_a_zip_with_one_top_folder(archive: Path) -> None:
    assert archive.name == f"{TOP}.argosmodel"
    assert zipfile.is_zipfile(archive)
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    assert {name.split("/", 1)[0] for name in names} == {TOP}
    for required in ("metadata.json", "sentencepiece.model", "README.md", "model/model.bin"):
        assert f"{TOP}/{required}" in names
    assert not list(archive.parent.glob("*.partial"))


def test_metadata(pkg_dir: Path) -> None:
    metadata = json.loads((pkg_dir / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["from_code"] == "en"
    assert metadata["to_code"] == "sq"
    assert metadata["from_name"] == "English"
    assert metadata["to_name"] == "Albanian"
    assert metadata["argos_version"] == "1.9"
    assert metadata["package_version"] == "0.0.1"
    assert metadata["type"] == "translate"
    assert metadata["links"] == []
    assert "target_prefix" not in metadata
    assert "random" in (pkg_dir / "README.md").read_text(encoding="utf-8").lower()


def test_argos_package_loads_and_tokenizes(pkg_dir: Path) -> None:
    pkg = argostranslate.package.Package(pkg_dir)
    assert (pkg.from_code, pkg.to_code) == ("en", "sq")
    assert pkg.target_prefix == ""
    for text in SOURCES:
        pieces = pkg.tokenizer.encode(text)
        assert pieces and "<unk>" not in pieces
        assert pkg.tokenizer.decode(pieces).strip() == text


def test_vocabulary_is_the_sentencepiece_vocabulary(pkg_dir: Path) -> None:
    sp = spm.SentencePieceProcessor(model_file=str(pkg_dir / "sentencepiece.model"))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    assert len(pieces) == TINY.vocab_size
    assert pieces[:3] == ["<unk>", "<s>", "</s>"]
    vocabulary = json.loads((pkg_dir / "model" / "shared_vocabulary.json").read_text("utf-8"))
    assert vocabulary == pieces
    config = json.loads((pkg_dir / "model" / "config.json").read_text("utf-8"))
    assert (config["unk_token"], config["bos_token"], config["eos_token"]) == (
        "<unk>",
        "<s>",
        "</s>",
    )
    # The vocabulary mixes scripts, so random decoding does too.
    text = "".join(pieces)
    assert any("а" <= ch <= "я" for ch in text)
    assert "ë" in text


def test_translate_batch_decodes_to_text(pkg_dir: Path) -> None:
    pkg = argostranslate.package.Package(pkg_dir)
    vocabulary = set(json.loads((pkg_dir / "model" / "shared_vocabulary.json").read_text("utf-8")))
    hypotheses = _translate(pkg_dir)
    assert len(hypotheses) == len(SOURCES)
    for tokens in hypotheses:
        assert 0 < len(tokens) <= MAX_LEN
        assert set(tokens) <= vocabulary
        assert "<s>" not in tokens
        assert pkg.tokenizer.decode(tokens).strip()
    # Without eos_bias random weights (almost) never end a sentence.
    assert any(len(tokens) == MAX_LEN for tokens in hypotheses)


def test_same_seed_same_bytes_other_seed_other_weights(archive: Path, tmp_path: Path) -> None:
    again = build_random_package(tmp_path / "again", "en", "sq", seed=0)
    other = build_random_package(tmp_path / "other", "en", "sq", seed=1)
    assert again.read_bytes() == archive.read_bytes()
    with zipfile.ZipFile(archive) as a, zipfile.ZipFile(again) as b, zipfile.ZipFile(other) as c:
        model = f"{TOP}/model/model.bin"
        assert a.read(model) == b.read(model)
        assert a.read(f"{TOP}/sentencepiece.model") == b.read(f"{TOP}/sentencepiece.model")
        assert a.read(model) != c.read(model)


def test_rebuilding_replaces_the_archive(tmp_path: Path) -> None:
    first = build_random_package(tmp_path, "en", "sq", package_version="1")
    second = build_random_package(tmp_path, "en", "sq", package_version="2")
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{TOP}.argosmodel"]
    with zipfile.ZipFile(second) as zf:
        assert json.loads(zf.read(f"{TOP}/metadata.json"))["package_version"] == "2"


def test_target_prefix_in_metadata_and_vocabulary(tmp_path: Path) -> None:
    archive = build_random_package(tmp_path, "en", "uk", target_prefix="__uk__")
    pkg_dir = _extract(archive, tmp_path / "x")
    assert pkg_dir.name == "translate-en_uk-random"
    metadata = json.loads((pkg_dir / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["target_prefix"] == "__uk__"
    assert metadata["to_name"] == "Ukrainian"
    assert argostranslate.package.Package(pkg_dir).target_prefix == "__uk__"
    # The prefix is a real token, so forcing it does not turn into <unk>.
    hypotheses = _translate(pkg_dir, target_prefix=[["__uk__"]] * len(SOURCES))
    assert all(tokens[0] == "__uk__" for tokens in hypotheses)


def test_eos_bias_ends_hypotheses_at_min_decoding_length(tmp_path: Path) -> None:
    pkg_dir = _extract(build_random_package(tmp_path, "en", "sq", eos_bias=10.0), tmp_path / "x")
    assert [len(tokens) for tokens in _translate(pkg_dir)] == [1] * len(SOURCES)
    lengths = [len(tokens) for tokens in _translate(pkg_dir, min_decoding_length=3, beam_size=4)]
    assert lengths == [3] * len(SOURCES)


def test_int8_quantization_is_applied(archive: Path, tmp_path: Path) -> None:
    int8 = build_random_package(tmp_path, "en", "sq", shape=ModelShape(quantization="int8"))
    pkg_dir = _extract(int8, tmp_path / "x")
    with zipfile.ZipFile(archive) as zf:
        float32_size = zf.getinfo(f"{TOP}/model/model.bin").file_size
    assert (pkg_dir / "model" / "model.bin").stat().st_size < float32_size / 2
    assert all(tokens for tokens in _translate(pkg_dir))


def test_custom_training_text(tmp_path: Path) -> None:
    lines = ["Καλημέρα κόσμε, τι κάνεις σήμερα;", "Ο ήλιος λάμπει πάνω από τη θάλασσα."]
    archive = build_random_package(tmp_path, "en", "el", training_text="\n".join(lines * 50))
    pkg_dir = _extract(archive, tmp_path / "x")
    sp = spm.SentencePieceProcessor(model_file=str(pkg_dir / "sentencepiece.model"))
    vocabulary = json.loads((pkg_dir / "model" / "shared_vocabulary.json").read_text("utf-8"))
    # A tiny text cannot fill 300 pieces; the model follows the smaller vocabulary.
    assert len(vocabulary) == sp.get_piece_size() < TINY.vocab_size
    letters = {ch for piece in vocabulary[3:] for ch in piece if ch.isalpha()}
    assert letters and all("\u0370" <= ch <= "\u03ff" for ch in letters)  # Greek only
    translator = ctranslate2.Translator(str(pkg_dir / "model"), device="cpu")
    pieces = sp.encode("Καλημέρα κόσμε", out_type=str)
    (result,) = translator.translate_batch([pieces], max_decoding_length=MAX_LEN)
    assert result.hypotheses[0]
    assert sp.decode(result.hypotheses[0])


@pytest.mark.parametrize(
    "kwargs",
    [{"d_model": 30, "heads": 4}, {"encoder_layers": 0}, {"vocab_size": 50}],
)
def test_invalid_shapes_are_rejected(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        ModelShape(**kwargs)


def test_transformer_base_is_the_argos_shape() -> None:
    # Built by hand (too slow for the suite): ~6 s, 88 MB archive.
    assert ModelShape(6, 6, 512, 8, 2048, 32000, "int8") == TRANSFORMER_BASE
    assert TRANSFORMER_BASE.d_model % TRANSFORMER_BASE.heads == 0
