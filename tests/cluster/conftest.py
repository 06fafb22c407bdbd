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


@pytest.fixture
def configured(project, with_models, ct2_models) -> Path:
    """The article project with l10n.toml's engines: uk OPUS-MT, ru NLLB, sq Argos."""
    for name, folder in (("opus-mt-en-zle", ct2_models["opus"]), ("nllb-200", ct2_models["nllb"])):
        shutil.copytree(folder, project / "models" / name)
    (project / "l10n.toml").write_text(CONFIG, encoding="utf-8")
    return project
