"""``l10n translate --cluster``: decoding on Dask workers, on 127.0.0.1 only.

The models are the random-weight packages (conftest); a local cluster's
workers are spawned processes that inherit this process's environment
(ARGOS_PACKAGES_DIR) and import path.  Decoding the same batch with
CTranslate2 on CPU gives the same output wherever it runs, and the cluster
cuts its tasks from the same length-sorted order, whole batches at a time, so
a cluster run must equal an in-process run token for token.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import LANGS
from support.cli import assert_input_error, run
from support.crashing import CrashOnce

from cluster.samples import (
    BATCH,
    SOURCE,
    assert_translated,
    entries,
    free_port,
    outputs,
    segments,
)
from l10n.cluster import (
    ArgosSpec,
    Connection,
    argos_specs,
    client,
    cluster_engine_factory,
    package_digest,
    parse_address,
)
from l10n.engines import DecodeOptions
from l10n.errors import L10nError
from l10n.machine import argos_engine_factory
from l10n.pipeline import translate_documents


@pytest.fixture
def twin(project, tmp_path_factory) -> Path:
    """The same project translated in-process with the same batch size: the reference."""
    other = tmp_path_factory.mktemp("in-process")
    shutil.copytree(project / "source", other / "source")
    if (project / "glossary").is_dir():
        shutil.copytree(project / "glossary", other / "glossary")
    translate_documents(
        [other / SOURCE],
        LANGS,
        locales=other / "locales",
        engine_factory=argos_engine_factory(DecodeOptions(batch_size=BATCH)),
        root=other,
        now="2024-01-01 00:00+0000",
    )
    return other


def test_local_cluster_translates_as_in_process(with_models, project, twin):
    result = run(
        "translate",
        str(SOURCE),
        "--to",
        ",".join(LANGS),
        "--batch-size",
        str(BATCH),
        "--glossary",
        "",
        "--cluster",
        "local:2",
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert_translated(project)
    for lang in LANGS:
        assert entries(project, lang) == entries(twin, lang), lang


def test_a_worker_killed_mid_batch_is_replaced(with_models, project, twin, tmp_path):
    marker = tmp_path / "crashed"
    specs = argos_specs(DecodeOptions(batch_size=BATCH))
    connection = Connection(parse_address("local:2"))
    seen: list[tuple[str, int, int]] = []
    try:
        translate_documents(
            [SOURCE],
            LANGS,
            locales=Path("locales"),
            engine_factory=cluster_engine_factory(
                connection, lambda f, t: CrashOnce(specs(f, t), str(marker))
            ),
            progress=lambda label, n, total: seen.append((label, n, total)),
            root=project,
        )
    finally:
        connection.close()
    assert marker.read_text().isdigit()  # a worker process really died decoding
    assert_translated(project)
    # The languages decoded at once: one bar counts every segment of all three.
    total = len(LANGS) * len(segments(project))
    assert {label for label, *_ in seen} == {"sq, uk, ru"}
    assert seen[-1][1:] == (total, total)
    for lang in LANGS:
        assert entries(project, lang) == entries(twin, lang), lang


def test_unreachable_scheduler_writes_nothing(with_models, project, monkeypatch):
    monkeypatch.setattr(client, "CONNECT_TIMEOUT", 2.0)
    before = outputs(project)
    address = f"tcp://127.0.0.1:{free_port()}"
    result = run("translate", str(SOURCE), "--cluster", address)
    assert_input_error(result, "cannot reach the Dask scheduler", address)
    assert outputs(project) == before
    assert not (project / "locales").exists()


@pytest.fixture
def no_worker_cluster():
    """A scheduler on 127.0.0.1 with no worker at all: every worker lost."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None) as local:
        yield local.scheduler_address


def test_a_cluster_without_workers_ends_the_run_unwritten(
    with_models, project, monkeypatch, no_worker_cluster
):
    monkeypatch.setattr(client, "NO_WORKER_TIMEOUT", 2.0)
    (project / "l10n.toml").write_text(f'[cluster]\naddress = "{no_worker_cluster}"\n')
    before = outputs(project)
    result = run("translate", str(SOURCE), "--to", "sq")
    assert_input_error(result, "has had no worker for 2 s", "nothing was written")
    assert outputs(project) == before


def test_a_batch_that_kills_every_worker_ends_the_run_unwritten(
    with_models, project, tmp_path_factory
):
    import dask

    marker = str(tmp_path_factory.mktemp("crash") / "m")
    specs = argos_specs(DecodeOptions(batch_size=BATCH))
    before = outputs(project)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        connection = Connection(parse_address("local:1"))
        factory = cluster_engine_factory(
            connection,
            lambda f, t: CrashOnce(specs(f, t), marker, always=True),
        )
        with pytest.raises(L10nError, match="ended every worker"):
            try:
                translate_documents(
                    [SOURCE], ["sq"], locales=Path("locales"), engine_factory=factory
                )
            finally:
                connection.close()
    assert outputs(project) == before


def test_without_dask_cluster_says_what_to_install(with_models, project, monkeypatch):
    monkeypatch.setattr(client, "missing", lambda modules: list(modules))
    result = run("translate", str(SOURCE), "--cluster", "local:2")
    assert_input_error(result, "dask, distributed", 'pip install "l10n[cluster]"')
    assert not (project / "locales").exists()


@pytest.mark.parametrize("address", ["local:0", "local:x", "local:", "tcp://a b"])
def test_a_bad_address_is_an_input_error(address):
    with pytest.raises(L10nError, match="cluster address"):
        parse_address(address)


def test_parse_address():
    assert parse_address("local:3") == 3
    assert parse_address(" tcp://127.0.0.1:8786 ") == "tcp://127.0.0.1:8786"


def test_a_worker_with_another_copy_of_the_model_refuses_it(with_models, tmp_path):
    spec = argos_specs()("en", "sq")
    assert isinstance(spec, ArgosSpec)
    copy = tmp_path / "copy"
    shutil.copytree(spec.package_path, copy)
    (copy / "metadata.json").write_text((copy / "metadata.json").read_text() + "\n")
    with pytest.raises(L10nError, match="does not have the client's copy"):
        ArgosSpec(str(copy), spec.key, spec.options).build(threads=1)
    same = ArgosSpec(str(copy), package_digest(copy), spec.options).build(threads=1)
    assert same.name
