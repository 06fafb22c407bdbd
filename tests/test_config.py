"""l10n.toml: found from any subfolder, paths relative to it, every bad key at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import Config, find_config, load_config, project_config
from l10n.errors import InputFileError

FULL = """\
[project]
source-language = "en"
languages = ["de", "uk"]
sources = ["articles/*.en.md", "source/*.en.txt"]
locales = "po"
glossary = "terms"
build = "out"

[translate]
beam = 2
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "l10n.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read_and_paths_are_relative_to_the_file(tmp_path):
    write(tmp_path, FULL)
    config = load_config(tmp_path / "l10n.toml")
    assert config.root == tmp_path.resolve()
    assert config.languages == ("de", "uk")
    assert config.source_language == "en"
    assert config.sources == ("articles/*.en.md", "source/*.en.txt")
    assert config.locales == tmp_path.resolve() / "po"
    assert config.glossary == tmp_path.resolve() / "terms"
    assert config.build == tmp_path.resolve() / "out"
    assert config.beam == 2


def test_found_from_a_subfolder(tmp_path):
    write(tmp_path, FULL)
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == (tmp_path / "l10n.toml").resolve()
    assert project_config(deep).locales == tmp_path.resolve() / "po"


def test_without_a_file_the_defaults_apply_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = project_config()
    assert config.path is None
    assert config.root == tmp_path.resolve()
    assert config.languages == ("sq", "uk", "ru")
    assert config.locales == tmp_path.resolve() / "locales"
    assert config.beam == 4


def test_spelling_is_a_warning_unless_the_check_section_says_error(tmp_path):
    write(tmp_path, "[project]\n")
    assert load_config(tmp_path / "l10n.toml").spelling_severity == "warning"
    write(tmp_path, '[check]\nspelling = "error"\n')
    assert load_config(tmp_path / "l10n.toml").spelling_severity == "error"


def test_missing_keys_take_the_defaults(tmp_path):
    write(tmp_path, '[project]\nlanguages = ["pl"]\n')
    config = load_config(tmp_path / "l10n.toml")
    assert config.languages == ("pl",)
    assert config.sources == Config.sources
    assert config.locales == tmp_path.resolve() / "locales"


def test_source_files_follow_the_globs_in_order(tmp_path):
    write(tmp_path, FULL)
    for name in ["source/b.en.txt", "source/a.en.txt", "articles/x.en.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    files = load_config(tmp_path / "l10n.toml").source_files()
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in files] == [
        "articles/x.en.md",
        "source/a.en.txt",
        "source/b.en.txt",
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[project]\nlangauges = ["de"]\n', 2, ["project.langauges", "unknown key", "languages"]),
        ('[projects]\nlanguages = ["de"]\n', 1, ["unknown section", "project, translate"]),
        ('[project]\nlanguages = "de"\n', 2, ["project.languages", "list of strings"]),
        ('[project]\n\nlanguages = ["de", "xx"]\n', 3, ["unknown language code 'xx'", "ISO"]),
        ('[project]\nlanguages = ["de", "de"]\n', 2, ["listed twice"]),
        ("[project]\nsource-language = 5\n", 2, ["non-empty string"]),
        ("[translate]\nbeam = 0\n", 2, ["translate.beam", "1 or more"]),
        ("[translate]\nbeam = true\n", 2, ["translate.beam"]),
        ('[project]\nlocales = ""\n', 2, ["project.locales"]),
        ("[project]\nlanguages = [\n", 2, ["TOML syntax error"]),
        ("project = 1\n", 1, ["[project]", "must be a table"]),
        ("[project]\n[project]\n", 2, ["duplicate table", "line 1"]),
        (
            '[check]\n\nspelling = "fatal"\n',
            3,
            ["check.spelling", '"warning" or "error"', "exit 1"],
        ),
        ("[check]\nspelling = true\n", 2, ["check.spelling", "True"]),
        ('[check]\nspeling = "error"\n', 2, ["check.speling", "unknown key", "spelling"]),
    ],
)
def test_bad_configuration_names_file_line_and_the_choices(tmp_path, text, line, words):
    assert_input_error_at(tmp_path, text, line, words)


def assert_input_error_at(folder: Path, text: str, line: int, words: list[str]) -> None:
    path = write(folder, text)
    with pytest.raises(InputFileError) as caught:
        load_config(path)
    message = str(caught.value)
    assert f"{path.resolve()}:{line}:" in message
    for word in words:
        assert word in message


def test_deeply_nested_toml_is_an_input_error_not_a_crash(tmp_path):
    path = write(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(InputFileError, match="nested too deeply"):
        load_config(path)


def test_a_binary_file_is_an_input_error(tmp_path):
    (tmp_path / "l10n.toml").write_bytes(b"\0\1\2")
    with pytest.raises(InputFileError, match="binary"):
        load_config(tmp_path / "l10n.toml")


# --- [engines.LANG] ---------------------------------------------------------------

ENGINES = """\
[translate]
device = "auto"
low-confidence = 0.35

[engines.uk]
kind = "ctranslate2"
model = "models/opus-mt-en-zle"
source-tokenizer = "source.spm"
target-tokenizer = "target.spm"
source-prefix = ">>ukr<<"
device = "cpu"
compute-type = "int8"

[engines.ru]
kind = "ctranslate2"
model = "models/nllb"
source-prefix = ["eng_Latn"]
source-suffix = "</s>"
target-prefix = "rus_Cyrl"

[engines.sq]
device = "cuda"
"""


def test_engine_tables_are_read_per_language(tmp_path):
    config = load_config(write(tmp_path, ENGINES))
    assert config.device == "auto" and config.low_confidence == 0.35
    uk, ru, sq = config.engines["uk"], config.engines["ru"], config.engines["sq"]
    assert uk.kind == "ctranslate2"
    assert uk.model == tmp_path.resolve() / "models" / "opus-mt-en-zle"
    assert uk.model_text == "models/opus-mt-en-zle"
    assert (uk.source_tokenizer, uk.target_tokenizer) == ("source.spm", "target.spm")
    assert uk.source_prefix == (">>ukr<<",) and uk.target_prefix == ()
    assert (uk.device, uk.compute_type) == ("cpu", "int8")
    assert ru.source_prefix == ("eng_Latn",) and ru.source_suffix == ("</s>",)
    assert ru.target_prefix == ("rus_Cyrl",) and ru.device is None
    assert ru.source_tokenizer is None and ru.compute_type == "auto"
    assert (sq.kind, sq.model, sq.device) == ("argos", None, "cuda")


def test_without_engine_tables_every_language_takes_its_argos_package(tmp_path):
    config = load_config(write(tmp_path, FULL))
    assert config.engines == {} and config.device == "cpu" and config.low_confidence == 0.5
    assert config.glossary_decoding is True


def test_glossary_decoding_can_be_turned_off(tmp_path):
    config = load_config(write(tmp_path, "[translate]\nglossary-decoding = false\n"))
    assert config.glossary_decoding is False


def test_an_engine_setting_found_bad_later_is_reported_at_its_line(tmp_path):
    path = write(tmp_path, ENGINES).resolve()
    uk = load_config(path).engines["uk"]
    assert str(uk.error("source-prefix", "not in the vocabulary")).startswith(
        f"{path}:10: engines.uk.source-prefix: not in the vocabulary"
    )
    # A key the table does not set (a default that failed) is at the table's line.
    ru = load_config(path).engines["ru"]
    assert str(ru.error("device", "no GPU")).startswith(f"{path}:14: engines.ru.device: no GPU")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[engines.uk]\nkind = "ctranslate2"\nmodle = "m"\n', 3, ["engines.uk.modle", "model"]),
        ('[engines.uk]\nkind = "marian"\n', 2, ["engines.uk.kind", "argos, ctranslate2"]),
        ("[engines.uk]\nmodel = 3\n", 2, ["engines.uk.model", "non-empty string"]),
        ('[engines.xx]\nkind = "argos"\n', 1, ["[engines.xx]", "unknown language code 'xx'"]),
        ('\n[engines.uk]\nkind = "ctranslate2"\n', 2, ["[engines.uk]", "needs model"]),
        ('[engines.uk]\nmodel = "m"\n', 2, ["engines.uk.model", 'kind = "ctranslate2" only']),
        ('[engines.uk]\ntarget-prefix = "x"\n', 2, ["engines.uk.target-prefix", "Argos"]),
        ('[engines.uk]\nkind = "ctranslate2"\nmodel = "m"\nsource-prefix = []\n', 4, ["token"]),
        ('[engines.uk]\nkind = "ctranslate2"\nmodel = "m"\ntarget-prefix = 5\n', 4, ["token"]),
        ('[engines.uk]\ndevice = "gpu"\n', 2, ["engines.uk.device", "auto, cpu, cuda"]),
        ('[engines.uk]\ncompute-type = "int4"\n', 2, ["engines.uk.compute-type", "int8"]),
        ("[engines]\nuk = 1\n", 2, ["[engines.uk]", "must be a table"]),
        ('[translate]\ndevice = "gpu"\n', 2, ["translate.device"]),
        ("[translate]\nlow-confidence = 1.5\n", 2, ["translate.low-confidence", "0 to 1"]),
        ('[translate]\nlow-confidence = "high"\n', 2, ["translate.low-confidence"]),
        ('[translate]\nglossary-decoding = "no"\n', 2, ["translate.glossary-decoding", "true"]),
    ],
)
def test_bad_engine_settings_name_file_line(tmp_path, text, line, words):
    assert_input_error_at(tmp_path, text, line, words)
