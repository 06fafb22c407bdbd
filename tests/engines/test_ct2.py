"""l10n.engines.ct2: CTranslate2 model folders in the OPUS-MT and NLLB layouts.

Every setting that would make a model decode garbage without an error (a
language token the vocabulary lacks, a tokenizer that is not there) is an
error when the engine is made, blamed on the setting.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from l10n.engines import CTranslate2Engine, DecodeOptions
from l10n.errors import L10nError

OPTIONS = DecodeOptions(max_length=10)


class Blamed(L10nError):
    def __init__(self, key: str, message: str, hint: str | None = None) -> None:
        super().__init__(f"{key}: {message}", hint=hint)
        self.key = key


def opus(folder: Path, **settings) -> CTranslate2Engine:
    settings.setdefault("source_prefix", [">>ukr<<"])
    return CTranslate2Engine(
        folder, from_code="en", to_code="uk", options=OPTIONS, blame=Blamed, **settings
    )


def nllb(folder: Path, **settings) -> CTranslate2Engine:
    settings = {
        "source_prefix": ["eng_Latn"],
        "source_suffix": ["</s>"],
        "target_prefix": ["rus_Cyrl"],
        **settings,
    }
    return CTranslate2Engine(
        folder, from_code="en", to_code="ru", options=OPTIONS, blame=Blamed, **settings
    )


@pytest.fixture
def copy(ct2_models, tmp_path):
    """A copy of a model folder, to damage."""

    def make(name: str) -> Path:
        dest = tmp_path / f"{name}-{len(list(tmp_path.iterdir()))}"
        return Path(shutil.copytree(ct2_models[name], dest))

    return make


def test_opus_mt_layout_finds_both_tokenizers_and_puts_the_language_token_first(ct2_models):
    engine = opus(ct2_models["opus"])
    assert [p.name for p in engine.tokenizer_files] == ["source.spm", "target.spm"]
    tokens = engine.tokenize("The river.")
    assert tokens[0] == ">>ukr<<"
    assert "".join(tokens[1:]).replace("▁", " ").strip() == "The river."
    assert engine.model_prefix == []


def test_nllb_layout_wraps_the_source_and_strips_the_forced_language(ct2_models):
    engine = nllb(ct2_models["nllb"])
    assert [p.name for p in engine.tokenizer_files] == ["sentencepiece.bpe.model"] * 2
    tokens = engine.tokenize("The river.")
    assert tokens[0] == "eng_Latn" and tokens[-1] == "</s>"
    assert engine.model_prefix == ["rus_Cyrl"]
    pieces = engine.target_sp.encode("Город на реке.", out_type=str)
    assert engine.detokenize(["rus_Cyrl", *pieces]) == "Город на реке."


def test_language_tokens_never_reach_the_text(ct2_models):
    # replace_unknowns copies the source token the model attended to most in
    # place of an unknown target token: often the language token.
    engine = opus(ct2_models["opus"])
    pieces = engine.target_sp.encode("Місто на річці.", out_type=str)
    assert engine.detokenize([*pieces[:2], ">>ukr<<", *pieces[2:]]) == "Місто на річці."
    engine = nllb(ct2_models["nllb"])
    pieces = engine.target_sp.encode("Город.", out_type=str)
    assert engine.detokenize(["rus_Cyrl", "eng_Latn", *pieces, "rus_Cyrl"]) == "Город."


def test_both_layouts_translate(ct2_models):
    for engine in (opus(ct2_models["opus"]), nllb(ct2_models["nllb"])):
        got = dict(engine.translate(["The city lies on the banks of the river.", "Hello."]))
        assert sorted(got) == [0, 1]
        for translation in got.values():
            assert "rus_Cyrl" not in translation.text and ">>ukr<<" not in translation.text
            assert 0 < translation.confidence <= 1


def test_the_name_gives_the_folder_and_a_hash_of_its_files(ct2_models, copy):
    engine = opus(ct2_models["opus"], label="models/opus-mt-en-zle")
    assert engine.name.startswith("CTranslate2 en->uk (models/opus-mt-en-zle, sha256 ")
    same = opus(copy("opus"), label="models/opus-mt-en-zle")
    assert same.name == engine.name  # the content, not where it lies
    changed = copy("opus")
    with (changed / "config.json").open("a") as f:
        f.write("\n")
    assert opus(changed, label="models/opus-mt-en-zle").name != engine.name


# --- errors ---------------------------------------------------------------------------


def blamed(make, *args, **kwargs) -> Blamed:
    with pytest.raises(Blamed) as err:
        make(*args, **kwargs)
    return err.value


def test_a_missing_folder_is_blamed_on_model(tmp_path):
    err = blamed(opus, tmp_path / "nowhere")
    assert err.key == "model" and "no such folder" in err.message


def test_a_folder_without_a_model_is_blamed_on_model(tmp_path):
    err = blamed(opus, tmp_path)
    assert err.key == "model" and "no model.bin" in err.message


def test_no_tokenizer_of_a_usual_name(copy):
    folder = copy("nllb")
    (folder / "sentencepiece.bpe.model").rename(folder / "tokenizer.spm")
    err = blamed(nllb, folder)
    assert err.key == "model" and "sentencepiece.bpe.model" in err.message
    assert "source-tokenizer" in err.hint
    assert nllb(folder, source_tokenizer="tokenizer.spm").tokenize("a")[0] == "eng_Latn"


def test_a_configured_tokenizer_that_is_not_there(ct2_models):
    err = blamed(opus, ct2_models["opus"], source_tokenizer="source.spm", target_tokenizer="x.spm")
    assert err.key == "target-tokenizer" and "x.spm: no such file" in err.message


def test_a_tokenizer_that_is_not_sentencepiece(copy):
    folder = copy("opus")
    (folder / "target.spm").write_bytes(b"not a model")
    err = blamed(opus, folder)
    assert err.key == "target-tokenizer" and "cannot load" in err.message


def test_a_language_token_the_model_does_not_know(ct2_models):
    err = blamed(opus, ct2_models["opus"], source_prefix=[">>ukr<"])
    assert err.key == "source-prefix"
    assert "'>>ukr<'" in err.message and "source_vocabulary.json" in err.message
    # OPUS-MT's language tokens are source tokens: forcing one in the output is wrong.
    err = blamed(opus, ct2_models["opus"], target_prefix=[">>ukr<<"])
    assert err.key == "target-prefix" and "target_vocabulary.json" in err.message
    err = blamed(nllb, ct2_models["nllb"], target_prefix=["ukr_Cyrl", "rus_Cyr"])
    assert err.key == "target-prefix" and "'rus_Cyr'" in err.message


def test_without_vocabulary_files_the_tokenizers_pieces_are_checked(copy):
    folder = copy("nllb")
    (folder / "shared_vocabulary.json").unlink()
    err = blamed(nllb, folder)  # NLLB's language tokens are not SentencePiece pieces
    assert err.key == "source-prefix" and "SentencePiece" in err.message
    assert nllb(folder, source_prefix=[], source_suffix=["</s>"], target_prefix=["▁"])
