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
    ],
)
def test_bad_configuration_names_file_line_and_the_choices(tmp_path, text, line, words):
    path = write(tmp_path, text)
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
