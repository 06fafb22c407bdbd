"""Random-weight CTranslate2 model folders in the OPUS-MT and NLLB layouts, built once."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def ct2_models(tmp_path_factory) -> dict[str, Path]:
    """{"opus": an OPUS-MT-layout folder (en->zle), "nllb": an NLLB-layout one}."""
    from support.randommodel import build_nllb_model, build_opus_mt_model

    out = tmp_path_factory.mktemp("ct2models")
    return {
        "opus": build_opus_mt_model(out / "opus-mt-en-zle", seed=5),
        "nllb": build_nllb_model(out / "nllb-200", seed=6),
    }
