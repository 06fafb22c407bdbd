"""l10n.engines.argos: an installed package that cannot be decoded is an input error.

The package is a random-weight one (``model_files``) installed into a
throw-away ARGOS_PACKAGES_DIR, then damaged the way a disk or a hand edit
would damage it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import cli
from l10n.engines import ArgosEngine, DecodeOptions
from l10n.errors import L10nError
from l10n.models import find_package, install_file


def damage(package: Path, how: str) -> None:
    if how == "garbage sentencepiece.model":
        (package / "sentencepiece.model").write_bytes(b"this is not a SentencePiece model")
    elif how == "empty sentencepiece.model":
        (package / "sentencepiece.model").write_bytes(b"")
    elif how == "no tokenizer":
        (package / "sentencepiece.model").unlink()
    elif how == "garbage model.bin":
        (package / "model" / "model.bin").write_bytes(b"this is not a CTranslate2 model")
    elif how == "vocabulary that does not fit the model":
        (package / "model" / "shared_vocabulary.json").write_text("[]")
    else:
        raise AssertionError(how)


DAMAGE = [
    "garbage sentencepiece.model",
    "empty sentencepiece.model",
    "no tokenizer",
    "garbage model.bin",
    "vocabulary that does not fit the model",
]


@pytest.fixture(params=DAMAGE)
def damaged(request, empty_packages, model_files) -> Path:
    path = install_file(model_files["sq"]).path
    damage(path, request.param)
    return path


def test_translating_with_a_damaged_package_is_an_input_error(damaged):
    package = find_package("en", "sq")
    assert package is not None
    with pytest.raises(L10nError) as err:
        engine = ArgosEngine(package, DecodeOptions(max_length=8))
        list(engine.translate(["Hello.", "The war began in 1943."]))
    assert str(damaged) in err.value.message
    assert err.value.hint and "l10n models install" in err.value.hint


def test_translate_command_names_the_damaged_package(damaged, project):
    result = CliRunner().invoke(
        cli, ["translate", "source/kursk.en.txt", "--to", "sq", "--glossary", ""]
    )
    assert result.exit_code == 2, (result.output, result.exception)
    assert "Traceback" not in result.output
    assert str(damaged) in result.stderr
    assert "Hint:" in result.stderr
    assert not Path("locales").exists()


def test_bpe_package_without_a_readable_model_is_an_input_error(empty_packages, model_files):
    path = install_file(model_files["sq"]).path
    (path / "sentencepiece.model").unlink()
    (path / "bpe.model").write_bytes(b"\xff\xfe not a BPE codes file")
    package = find_package("en", "sq")
    assert package is not None
    with pytest.raises(L10nError) as err:
        list(ArgosEngine(package).translate(["Hello."]))
    assert str(path) in err.value.message
