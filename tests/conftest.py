"""Shared fixtures: an isolated Argos home, random-weight models, a project folder.

argostranslate reads its folders from the environment once, when
``argostranslate.settings`` is first imported, and creates them.  So the
environment is pointed at a throw-away folder here, before any test imports
it: the suite never reads or writes the user's real packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="l10n-tests-"))
_EMPTY_PACKAGES = _HOME / "no-packages"
for _var, _sub in [
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
]:
    os.environ[_var] = str(_HOME / _sub)
os.environ["ARGOS_PACKAGES_DIR"] = str(_EMPTY_PACKAGES)
_EMPTY_PACKAGES.mkdir(parents=True, exist_ok=True)

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "kursk.en.txt"
LANGS = ("sq", "uk", "ru")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _no_models_by_default(monkeypatch):
    """Every test starts with no Argos package installed."""
    empty = _HOME / "no-packages"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))


@pytest.fixture(scope="session")
def model_files(tmp_path_factory) -> dict[str, Path]:
    """Random-weight en->sq/uk/ru .argosmodel files, built once per test session."""
    from support.randommodel import build_random_package

    out = tmp_path_factory.mktemp("argosmodels")
    return {lang: build_random_package(out, "en", lang, seed=i) for i, lang in enumerate(LANGS)}


@pytest.fixture(scope="session")
def ct2_models(tmp_path_factory) -> dict[str, Path]:
    """Random-weight CTranslate2 model folders, built once per test session:
    {"opus": the OPUS-MT layout (en->zle), "nllb": the NLLB layout}."""
    from support.randommodel import build_nllb_model, build_opus_mt_model

    out = tmp_path_factory.mktemp("ct2models")
    return {
        "opus": build_opus_mt_model(out / "opus-mt-en-zle", seed=5),
        "nllb": build_nllb_model(out / "nllb-200", seed=6),
    }


@pytest.fixture(scope="session")
def models_dir(model_files, tmp_path_factory) -> Path:
    """A packages folder with the three random models installed by `l10n models install`."""
    from l10n.models import install_file

    target = tmp_path_factory.mktemp("packages")
    old = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(target)
    try:
        for lang, path in model_files.items():
            install_file(path, expect_to=lang)
    finally:
        os.environ["ARGOS_PACKAGES_DIR"] = old or ""
    return target


@pytest.fixture
def empty_packages(tmp_path, monkeypatch) -> Path:
    """An empty packages folder that installs go to."""
    target = tmp_path / "packages"
    target.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(target))
    return target


@pytest.fixture
def with_models(models_dir, monkeypatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(models_dir))
    return models_dir


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder holding the article and the glossary; the working directory."""
    (tmp_path / "source").mkdir()
    shutil.copy(ARTICLE, tmp_path / "source" / "kursk.en.txt")
    if (REPO / "glossary").is_dir():
        shutil.copytree(REPO / "glossary", tmp_path / "glossary")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    """gettext's own verdict on a PO file: the reference for validity."""
    return subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes, to prove nothing changed."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
