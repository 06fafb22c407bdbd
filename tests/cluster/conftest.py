"""A project whose l10n.toml configures CTranslate2 models for uk and ru (sq: Argos)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CONFIG = """\
[project]
languages = ["sq", "uk", "ru"]

[engines.uk]
kind = "ctranslate2"
model = "models/opus-mt-en-zle"
source-prefix = ">>ukr<<"

[engines.ru]
kind = "ctranslate2"
model = "models/nllb-200"
source-prefix = "eng_Latn"
source-suffix = "</s>"
target-prefix = "rus_Cyrl"
device = "auto"
"""


@pytest.fixture(scope="session")
def ct2_folders(tmp_path_factory) -> dict[str, Path]:
    """Random-weight model folders in the OPUS-MT (en->zle) and NLLB layouts."""
    from support.randommodel import build_nllb_model, build_opus_mt_model

    out = tmp_path_factory.mktemp("ct2models")
    return {
        "opus-mt-en-zle": build_opus_mt_model(out / "opus-mt-en-zle", seed=5),
        "nllb-200": build_nllb_model(out / "nllb-200", seed=6),
    }


@pytest.fixture
def configured(project, with_models, ct2_folders) -> Path:
    """The article project with l10n.toml's engines: uk OPUS-MT, ru NLLB, sq Argos."""
    for name, folder in ct2_folders.items():
        shutil.copytree(folder, project / "models" / name)
    (project / "l10n.toml").write_text(CONFIG, encoding="utf-8")
    return project
