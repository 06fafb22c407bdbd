"""The CLI in a project: ``l10n init``, l10n.toml found from any subfolder,
options that override it, and its errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from l10n.cli import cli
from l10n.config import load_config
from l10n.po import read_po


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), prog_name="l10n")
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def shipped(project) -> Path:
    """The project with reviewed locales and an l10n.toml: no model is needed."""
    shutil.copytree(REPO / "locales", project / "locales")
    (project / "l10n.toml").write_text(
        '[project]\nlanguages = ["sq", "uk", "ru"]\n', encoding="utf-8"
    )
    return project


def test_init_writes_a_project_that_loads(tmp_path):
    result = run("init", str(tmp_path / "news"), "--languages", "de,uk")
    assert result.exit_code == 0, result.output
    root = tmp_path / "news"
    for name in ("source", "locales", "glossary"):
        assert (root / name).is_dir()
    config = load_config(root / "l10n.toml")
    assert config.languages == ("de", "uk")
    assert config.sources == ("source/*.en.txt",)
    assert "*.mo" in (root / ".gitignore").read_text(encoding="utf-8")
    glossary_doc = (root / "glossary" / "names.toml").read_text(encoding="utf-8")
    assert "de = " in glossary_doc and "uk = " in glossary_doc
    assert "l10n translate" in result.output  # the next steps


def test_init_never_overwrites_and_writes_nothing_then(tmp_path):
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 2
    assert ".gitignore" in result.output and "never overwrites" in result.output
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "l10n.toml").exists()
    assert not (tmp_path / "glossary").exists()


def test_init_refuses_an_unknown_language(tmp_path):
    result = run("init", str(tmp_path), "--languages", "de,xx")
    assert result.exit_code == 2
    assert "xx" in result.output
    assert not (tmp_path / "l10n.toml").exists()


def test_every_command_works_from_a_subfolder(shipped, monkeypatch):
    sub = shipped / "source" / "drafts"
    sub.mkdir()
    monkeypatch.chdir(sub)
    # translate with no FILE takes l10n.toml's sources; all are reviewed (TM).
    result = run("translate")
    assert result.exit_code == 0, result.output
    assert "../../locales/uk/kursk.po: 35 kept (unchanged)" in result.output
    status = run("status")
    assert status.exit_code == 0 and "../../locales/uk/kursk.po" in status.output
    check = run("check")
    assert check.exit_code == 0, check.output
    assert "3 files checked: 0 errors" in check.output
    build = run("build")
    assert build.exit_code == 0, build.output
    # build finds the source through the root-relative references, and writes
    # into the project's build folder, not the working directory's.
    assert (shipped / "build" / "uk" / "kursk.txt").is_file()
    assert not (sub / "build").exists()


def test_options_override_the_configuration(shipped):
    result = run("translate", "--to", "uk")
    assert result.exit_code == 0, result.output
    assert "uk/kursk.po" in result.output and "sq/kursk.po" not in result.output


def test_configured_sources_that_match_nothing_are_an_error(shipped):
    (shipped / "l10n.toml").write_text('[project]\nsources = ["nowhere/*.txt"]\n')
    result = run("translate")
    assert result.exit_code == 2
    assert "nowhere/*.txt match no file" in result.output


def test_a_bad_configuration_is_exit_2_with_file_and_line(shipped):
    (shipped / "l10n.toml").write_text('[project]\nlanguages = ["sq"]\nlangauge = "x"\n')
    for command in (["translate"], ["status"], ["check"], ["build"], ["glossary", "list"]):
        result = run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "l10n.toml:3:" in result.output and "unknown key" in result.output


def test_check_says_when_the_glossary_gate_is_off(shipped):
    shutil.rmtree(shipped / "glossary")
    result = run("check")
    assert result.exit_code == 0
    assert "the glossary gate is off" in result.stderr
    required = run("check", "--require-glossary")
    assert required.exit_code == 2
    assert "glossary" in required.stderr


def test_references_written_from_a_subfolder_are_root_relative(shipped, monkeypatch):
    monkeypatch.chdir(shipped / "source")
    assert run("translate", "kursk.en.txt").exit_code == 0
    pot = read_po(shipped / "locales" / "kursk.pot")
    assert {ref for e in pot for ref, _ in e.occurrences} == {"source/kursk.en.txt"}
