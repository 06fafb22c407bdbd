"""What a worker is given: engine specs, and the tasks that decode with them.

A task carries a picklable *spec* of its engine, never the engine: a worker
process builds the engine the first time a spec's key reaches it and keeps
it for every later task (CTranslate2 translators are not fork-safe, and a
model of a gigabyte takes seconds to load).

Workers reach a model through its path: every machine must see the Argos
packages folder, and the model folders ``[engines.LANG]`` names, at the same
path (a shared mount).  The client hashes the files of each model it finds;
a worker compares its copy with that hash and refuses a copy that differs
(another version installed there), so the ``#.`` note names the model that
really translated.

A device is a setting (auto, cpu, cuda) until it reaches a worker: each
worker resolves it for itself, so ``auto`` takes the GPU of a GPU worker and
the CPU of another, and ``cuda`` on a worker without a GPU fails the run
(never a silent decode many times slower than asked for).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from l10n.config import EngineConfig
from l10n.engines import (
    BatchEngine,
    CTranslate2Engine,
    DecodeOptions,
    Engine,
    Hypothesis,
    Translation,
    content_hash,
    resolve_device,
)
from l10n.errors import L10nError
from l10n.extras import require_mt
from l10n.machine import argos_package, configured_engine

HINT = "see README.md, 'Translating on a cluster'"
SAME_PATH_HINT = "every machine must see the same models at the same path; " + HINT


class WorkerSpec(Protocol):
    """A picklable recipe for an engine; built once per worker process."""

    key: str  # the same key, the same engine: what a worker caches the engine under

    def build(self, threads: int | None = None) -> Engine:
        """The engine; ``threads`` is the worker's own thread count (None: the
        client's copy, which only names the model and measures sentences)."""
        ...


SpecFactory = Callable[[str, str], WorkerSpec]  # (from_code, to_code) -> spec


def package_digest(path: Path) -> str:
    """A digest of every file of a package: what a worker compares its copy with."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode() + b"\0")
        with file.open("rb") as f:
            digest.update(hashlib.file_digest(f, "sha256").digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class ArgosSpec:
    """An installed Argos package, by path and content."""

    package_path: str
    key: str  # package_digest of the client's copy
    options: DecodeOptions  # device: the setting, resolved on each worker

    def build(self, threads: int | None = None) -> Engine:
        from l10n.engines import ArgosEngine
        from l10n.models.installed import load_package

        path = Path(self.package_path)
        if threads is None:
            return ArgosEngine(load_package(path), replace(self.options, device="cpu"))
        with _on_worker():
            self._check_copy(path)
            options = replace(
                self.options, device=worker_device(self.options.device), inter_threads=threads
            )
            return ArgosEngine(load_package(path), options)

    def _check_copy(self, path: Path) -> None:
        try:
            same = package_digest(path) == self.key if path.is_dir() else False
        except OSError:
            same = False
        if not same:
            raise L10nError(
                f"{path}: this worker does not have the client's copy of this package "
                "(missing, or another version)",
                hint=SAME_PATH_HINT,
            )


@dataclass(frozen=True)
class CT2Spec:
    """A CTranslate2 model folder as ``[engines.LANG]`` configures it, by path
    and content (``digest``: the client's copy of the folder and tokenizers)."""

    config: EngineConfig
    from_code: str
    to_code: str
    options: DecodeOptions  # device: the setting, resolved on each worker
    digest: str

    @property
    def key(self) -> str:
        """The model and every setting that makes its engine differ: one
        multilingual model serves uk and ru with other language tokens."""
        c = self.config
        settings = (
            self.from_code,
            self.to_code,
            c.source_tokenizer,
            c.target_tokenizer,
            c.source_prefix,
            c.source_suffix,
            c.target_prefix,
            c.model_text,
            self.options,
        )
        return f"ct2-{self.digest}-{hashlib.sha256(repr(settings).encode()).hexdigest()[:16]}"

    def build(self, threads: int | None = None) -> Engine:
        if threads is None:
            return self._engine(replace(self.options, device="cpu"))
        with _on_worker():
            device = worker_device(self.options.device)
            engine = self._engine(replace(self.options, device=device, inter_threads=threads))
            if _model_digest(engine) != self.digest:
                raise L10nError(
                    f"{engine.where}: this worker's copy of the model differs from the client's",
                    hint=SAME_PATH_HINT,
                )
            share_translator(engine, self.digest)
            return engine

    def _engine(self, options: DecodeOptions) -> CTranslate2Engine:
        return configured_engine(self.config, self.from_code, self.to_code, options)


def _model_digest(engine: CTranslate2Engine) -> str:
    """What the engine's notes name the model by (its ``name``'s sha256)."""
    return content_hash([engine.model_dir, *engine.tokenizer_files])


def configured_specs(
    engines: Mapping[str, EngineConfig],
    options: DecodeOptions | None = None,
    *,
    device: str | None = None,
    default_device: str = "cpu",
) -> SpecFactory:
    """Specs for the engines l10n.toml's ``[engines.LANG]`` tables configure,
    else the installed Argos package, found here as an in-process run finds
    them (:func:`l10n.machine.engine_factory`), the device with the same
    precedence: ``device`` (--device), the table's, ``default_device``."""
    options = options or DecodeOptions()

    def spec(from_code: str, to_code: str) -> WorkerSpec:
        require_mt()
        config = engines.get(to_code) or EngineConfig(to_code)
        opts = replace(
            options,
            device=device or config.device or default_device,
            compute_type=config.compute_type,
        )
        if config.kind == "ctranslate2":
            spec = CT2Spec(config, from_code, to_code, opts, "")
            # Built here first: a bad setting is blamed at its line in
            # l10n.toml before any worker is asked.
            local = spec._engine(replace(opts, device="cpu"))
            return replace(spec, digest=_model_digest(local))
        return _argos_spec(from_code, to_code, opts)

    return spec


def argos_specs(options: DecodeOptions | None = None) -> SpecFactory:
    """Specs for installed Argos packages only, on the device ``options`` says."""
    options = options or DecodeOptions()
    return configured_specs({}, options, default_device=options.device)


def _argos_spec(from_code: str, to_code: str, options: DecodeOptions) -> ArgosSpec:
    path = Path(argos_package(from_code, to_code).package_path).resolve()
    return ArgosSpec(str(path), package_digest(path), options)


# --- on a worker ------------------------------------------------------------------

_ENGINES: dict[str, Engine] = {}  # a worker process's engines, built once
_TRANSLATORS: dict[tuple, Any] = {}  # ... and their models, loaded once
_ENGINES_LOCK = threading.Lock()


def worker_address() -> str:
    from distributed import get_worker

    try:
        return get_worker().address
    except ValueError:  # not on a worker
        return "this process"


def _worker_threads() -> int:
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:
        return 1
    return getattr(worker, "state", worker).nthreads


@contextmanager
def _on_worker() -> Iterator[None]:
    """Errors of a worker name the worker: the client cannot tell which of
    them lacks the model or the GPU."""
    try:
        yield
    except L10nError as exc:
        raise L10nError(
            f"the Dask worker {worker_address()}: {exc.message}", hint=exc.hint or SAME_PATH_HINT
        ) from None


def worker_device(requested: str) -> str:
    """The device this worker decodes on for a setting of auto, cpu or cuda."""

    def blame(key: str, message: str, hint: str | None = None) -> L10nError:
        return L10nError(
            f"{key} = {message}",
            hint='start GPU workers only (one per GPU), or set device = "auto" to decode '
            "on whatever each worker has; " + HINT,
        )

    return resolve_device(requested, blame)


def share_translator(engine: BatchEngine, digest: str) -> None:
    """Load the engine's model now, or give it the one this worker loaded
    for another language: one multilingual model (NLLB) for uk and ru is in
    memory once."""
    opts = engine.options
    key = (digest, opts.device, opts.compute_type, opts.intra_threads, engine.workers)
    translator = _TRANSLATORS.get(key)
    if translator is None:
        _TRANSLATORS[key] = engine.translator  # loads it; errors name the model
    else:
        engine._translator = translator


def worker_engine(spec: WorkerSpec) -> Any:
    """This worker's engine for ``spec``, built on first use."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(spec.key)
        if engine is None:
            engine = _ENGINES[spec.key] = spec.build(threads=_worker_threads())
    return engine


def decode_task(
    spec: WorkerSpec,
    texts: list[str],
    beam_size: int,
    num_hypotheses: int = 1,
    prefixes: list[str | None] | None = None,
) -> list[tuple[int, Translation | str]]:
    """Runs on a worker: translate ``texts`` with the worker's engine for ``spec``.

    Only what the caller asked for is passed on, so an engine that knows
    neither n-best lists nor prefixes (a scripted one) still decodes.
    """
    wanted: dict[str, Any] = {}
    if num_hypotheses != 1:
        wanted["num_hypotheses"] = num_hypotheses
    if prefixes is not None:
        wanted["prefixes"] = prefixes
    engine = worker_engine(spec)
    return list(engine.translate(texts, beam_size=beam_size, **wanted))


def score_task(spec: WorkerSpec, sources: list[str], targets: list[str]) -> list[Hypothesis]:
    """Runs on a worker: the model's scores of whole outputs (glossary-aware decoding)."""
    return worker_engine(spec).score(sources, targets)
