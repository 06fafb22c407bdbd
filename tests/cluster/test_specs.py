"""l10n.cluster.specs: the engines of l10n.toml on the workers, devices per worker.

The end-to-end test runs the same command with and without ``--cluster``:
CTranslate2 folders in the OPUS-MT and NLLB layouts (their language tokens
sent by the workers' engines), an Argos package, and the glossary (whose
terms are decoded with n-best lists, forced prefixes and scoring, all on the
workers) must give the same files.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import LANGS
from support.cli import assert_input_error, run

from cluster.samples import BATCH, assert_translated, copy_project, entries, outputs
from l10n import catalog
from l10n.cluster import CT2Spec, batch_sentences, configured_specs
from l10n.cluster.specs import worker_device
from l10n.config import load_config
from l10n.decoding import NOTE_PREFIX
from l10n.engines import DecodeOptions, base, cuda_devices
from l10n.errors import L10nError


def translate(*options: str) -> None:
    result = run("translate", "--batch-size", str(BATCH), *options)
    assert result.exit_code == 0, result.output + result.stderr


def test_configured_models_and_the_glossary_decode_on_the_cluster_as_in_process(
    configured, tmp_path_factory, monkeypatch
):
    twin = copy_project(configured, tmp_path_factory.mktemp("in-process"))
    translate("--cluster", "local:2")
    monkeypatch.chdir(twin)
    translate()

    assert_translated(configured)
    for lang in LANGS:
        assert entries(configured, lang) == entries(twin, lang), lang
    models = {"uk": "CTranslate2 en->uk (models/opus-mt-en-zle", "ru": "nllb-200", "sq": "Argos"}
    for lang, model in models.items():
        notes = [comment for *_, comment in entries(configured, lang)]
        assert all(model in note for note in notes if catalog.MT_NOTE_PREFIX in note), lang
        # NLLB's forced language token never reaches the output.
        assert not any("rus_Cyrl" in msgstr for _, msgstr, *_ in entries(configured, lang))
    # Sentences naming glossary terms took glossary-aware decoding's paths.
    assert any(NOTE_PREFIX in comment for *_, comment in entries(configured, "ru"))


@pytest.mark.skipif(cuda_devices() > 0, reason="the workers here have a GPU")
def test_cuda_on_a_worker_without_a_gpu_ends_the_run_unwritten(configured):
    config = (configured / "l10n.toml").read_text()
    (configured / "l10n.toml").write_text(config.replace('device = "auto"', 'device = "cuda"'))
    before = outputs(configured)
    result = run("translate", "--to", "ru", "--cluster", "local:1")
    assert_input_error(
        result, "the Dask worker tcp://127.0.0.1:", '"cuda", but CTranslate2 sees no GPU'
    )
    assert outputs(configured) == before


def specs_of(root: Path, **settings) -> dict[str, CT2Spec]:
    factory = configured_specs(load_config(root / "l10n.toml").engines, **settings)
    return {lang: factory("en", lang) for lang in ("uk", "ru")}  # type: ignore[misc]


def test_a_worker_resolves_the_device_itself(configured, monkeypatch):
    specs = specs_of(configured, device=None, default_device="cpu")
    assert (specs["uk"].options.device, specs["ru"].options.device) == ("cpu", "auto")
    assert specs_of(configured, device="cuda")["ru"].options.device == "cuda"  # no GPU here: kept

    monkeypatch.setattr(base, "cuda_devices", lambda: 0)
    assert worker_device("auto") == "cpu"
    with pytest.raises(L10nError, match='device = "cuda", but CTranslate2 sees no GPU'):
        worker_device("cuda")
    monkeypatch.setattr(base, "cuda_devices", lambda: 1)
    assert worker_device("auto") == "cuda"


def test_one_model_for_two_languages_is_loaded_once_per_worker(configured):
    nllb = specs_of(configured)["ru"]
    uk = replace(nllb, to_code="uk", config=replace(nllb.config, target_prefix=("ukr_Cyrl",)))
    assert uk.key != nllb.key  # other language tokens: another engine
    ru_engine, uk_engine = nllb.build(threads=1), uk.build(threads=1)
    assert (ru_engine.model_prefix, uk_engine.model_prefix) == (["rus_Cyrl"], ["ukr_Cyrl"])
    assert ru_engine.translator is uk_engine.translator


def test_a_worker_refuses_a_copy_of_the_model_that_differs(configured, tmp_path):
    spec = specs_of(configured)["uk"]
    copy = Path(shutil.copytree(configured / "models" / "opus-mt-en-zle", tmp_path / "copy"))
    moved = replace(spec, config=replace(spec.config, model=copy))
    assert moved.build(threads=1).name == spec.build().name  # the same files elsewhere: fine
    (copy / "config.json").write_text((copy / "config.json").read_text() + "\n")
    with pytest.raises(L10nError, match="copy of the model differs from the client's"):
        moved.build(threads=1)


def test_a_task_holds_whole_batches_of_the_device_a_worker_may_take():
    options = DecodeOptions(batch_size=16, gpu_batch_size=64)
    assert batch_sentences(options) == 16
    assert batch_sentences(replace(options, device="cuda")) == 64
    assert batch_sentences(replace(options, device="auto")) == 64
    assert batch_sentences(replace(options, device="auto", batch_size=24)) == 192
