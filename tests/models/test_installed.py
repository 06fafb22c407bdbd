"""Finding installed packages: ARGOS_PACKAGES_DIR, broken packages, the missing-model error.

A package folder that cannot be read is named in the error, by list and by
translate alike, rather than skipped (translate would then say "no model
installed" about a model that is installed) or ending in a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from support.cli import assert_input_error, run

from l10n.errors import L10nError
from l10n.models import install_file, list_packages, missing_model_error, packages_dir
from models.zips import NAME

SOURCE = "source/kursk.en.txt"
TRANSLATE = ("translate", SOURCE, "--to", "sq", "--glossary", "")


def test_missing_model_error_names_the_pair_and_the_install_command(empty_packages):
    err = missing_model_error("en", "ru")
    assert isinstance(err, L10nError)
    assert "en -> ru" in err.message
    assert str(empty_packages) in err.message
    assert err.hint
    assert "l10n models install ru" in err.hint
    assert "--file" in err.hint


def test_folders_that_are_not_packages_are_skipped(empty_packages, model_files):
    (empty_packages / "notes").mkdir()
    (empty_packages / "readme.txt").write_text("not a package")
    (empty_packages / ".installing-abc").mkdir()
    (empty_packages / ".installing-abc" / "metadata.json").write_text("[]")
    install_file(model_files["sq"])
    assert [p.name for p in list_packages()] == [NAME]


# --- ARGOS_PACKAGES_DIR that is not a folder --------------------------------------


@pytest.fixture
def packages_dir_is_a_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "packages.txt"
    path.write_text("not a folder")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(path))
    return path


def test_packages_dir_that_is_a_file_is_an_error(packages_dir_is_a_file):
    with pytest.raises(L10nError) as err:
        packages_dir()
    assert str(packages_dir_is_a_file) in err.value.message
    assert "ARGOS_PACKAGES_DIR" in err.value.message
    assert err.value.hint


@pytest.mark.parametrize(
    "args",
    [("models", "list"), ("models", "list", "--json"), ("models", "install", "sq"), TRANSLATE],
    ids=" ".join,
)
def test_cli_with_packages_dir_that_is_a_file(args, packages_dir_is_a_file, model_files, project):
    if args[:2] == ("models", "install"):
        args = (*args, "--file", str(model_files["sq"]))
    result = run(*args)
    assert_input_error(result, "ARGOS_PACKAGES_DIR", str(packages_dir_is_a_file), "not a folder")
    assert packages_dir_is_a_file.read_text() == "not a folder"
    assert not Path("locales").exists()


@pytest.mark.parametrize("where", ["a file", "inside a file"])
def test_fresh_process_with_packages_dir_that_is_a_file(where, tmp_path):
    """argostranslate creates the folder when first imported; that must not crash either."""
    path = tmp_path / "packages.txt"
    path.write_text("not a folder")
    target = path if where == "a file" else path / "packages"
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(target), "PYTHONPATH": str(REPO)}
    env.pop("L10N_DEBUG", None)
    out = subprocess.run(
        [sys.executable, "-m", "l10n", "models", "list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 2, out.stderr
    assert "internal error" not in out.stderr
    assert "ARGOS_PACKAGES_DIR" in out.stderr
    assert str(target) in out.stderr


# --- installed packages that are broken -------------------------------------------

BROKEN_METADATA = {
    "a list": b"[]",
    "a number": b"42",
    "not JSON": b'{"from_code": "en",',
    "not UTF-8": b'{"from_code": "\xff"}',
    "from_code a number": b'{"from_code": 5, "to_code": "sq"}',
    "package_version a list": b'{"from_code": "en", "to_code": "sq", "package_version": [1]}',
}


@pytest.fixture(params=list(BROKEN_METADATA))
def broken_package(request, empty_packages, model_files) -> Path:
    info = install_file(model_files["sq"])
    (info.path / "metadata.json").write_bytes(BROKEN_METADATA[request.param])
    return info.path


def test_list_names_the_broken_package(broken_package):
    with pytest.raises(L10nError) as err:
        list_packages()
    assert str(broken_package / "metadata.json") in err.value.message
    assert err.value.hint and "l10n models install" in err.value.hint


@pytest.mark.parametrize(
    "args", [("models", "list"), ("models", "list", "--json"), TRANSLATE], ids=" ".join
)
def test_cli_names_the_broken_package(args, broken_package, project):
    result = run(*args)
    assert_input_error(result, str(broken_package / "metadata.json"), "Hint:")
    assert result.stdout == ""
    assert not Path("locales").exists()


def test_metadata_json_is_read_as_utf8(empty_packages, model_files):
    info = install_file(model_files["sq"])
    meta = json.loads((info.path / "metadata.json").read_text(encoding="utf-8"))
    meta["to_name"] = "Shqip — gjuha shqipe"
    (info.path / "metadata.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    assert [p.to_code for p in list_packages()] == ["sq"]
