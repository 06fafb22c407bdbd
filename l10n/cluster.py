"""Decoding on a Dask cluster: ``l10n translate --cluster ADDRESS``.

An archive of millions of sentences outgrows one machine's cores; the rest of
a run (merge, translation memory, glossary, writing every file at once or
none) does not, and it must stay in the one process that owns the files.  So
only decoding moves: :class:`ClusterEngine` is an ordinary
:class:`~l10n.engines.Engine` whose ``translate`` sends length-sorted batches
of one language to the cluster's workers and yields their translations as
they finish.  The pipeline cannot tell it from an in-process engine, and it
writes nothing until every batch is back, so a cluster that fails midway
leaves every file as it was.

The work unit is a task of :data:`TASK_BATCHES` decode batches, cut from the
same length-sorted order an in-process engine uses, so each CTranslate2 batch
holds the same sentences as it would in-process and gives the same output.

Workers reach a model through its path: every machine must see the Argos
packages folder at the same path (a shared mount).  A worker loads a model
once and keeps it, keyed by a digest of the package's files, and refuses a
package whose files differ from the client's (another version installed
there), so the ``#.`` note names the model that really translated.  Each
worker process loads its own CTranslate2 translator (they are not fork-safe;
a local cluster's processes are spawned, never forked).
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from l10n.engines import DecodeOptions, Engine
from l10n.errors import L10nError
from l10n.extras import missing

if TYPE_CHECKING:
    from distributed import Client, Future

CLUSTER_MODULES = ("dask", "distributed")
CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler before the run stops
NO_WORKER_TIMEOUT = 30.0  # seconds a scheduler may have no worker at all
POLL = 1.0  # seconds between checks that the cluster still has workers
TASK_BATCHES = 1  # decode batches per task: one keeps every worker busy to the end
RETRIES = 1  # a task that raised runs once more (a worker's death is retried anyway)
LOCAL_PREFIX = "local:"

WORKER_CONFIG = {
    # Spawned, never forked: a forked CTranslate2 translator is not safe.
    "distributed.worker.multiprocessing-method": "spawn",
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which
    # turns off glibc's adaptive mmap threshold: CTranslate2 then maps and
    # unmaps its buffers at every step and decodes about 8x slower.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
HINT = "see README.md, 'Translating on a cluster'"


def require_cluster() -> None:
    """Stop with a message saying what to install when Dask is not installed."""
    absent = missing(CLUSTER_MODULES)
    if absent:
        raise L10nError(
            f"--cluster needs {', '.join(absent)}, which this installation of l10n lacks",
            hint='install it with: pip install "l10n[cluster]"',
        )


def parse_address(text: str) -> str | int:
    """``local:N`` -> N worker processes here; anything else: a scheduler's address."""
    text = text.strip()
    if text.startswith(LOCAL_PREFIX):
        count = text[len(LOCAL_PREFIX) :]
        if not count.isdigit() or not 1 <= int(count) <= 1024:
            raise L10nError(
                f"cluster address {text!r}: N in local:N must be a number of workers, 1 to 1024",
                hint="for example --cluster local:4",
            )
        return int(count)
    if not text or any(c.isspace() for c in text):
        raise L10nError(
            f"cluster address {text!r} is not an address",
            hint="give the scheduler's address (tcp://HOST:8786) or local:N",
        )
    return text


# --- the work a worker is given ------------------------------------------------


class WorkerSpec(Protocol):
    """A picklable recipe for an engine; built once per worker process."""

    key: str  # the same key, the same model: what a worker caches the engine under

    def build(self, threads: int | None = None) -> Engine:
        """The engine; ``threads`` is the worker's own thread count (None: the client's)."""
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
    options: DecodeOptions

    def build(self, threads: int | None = None) -> Engine:
        from l10n.engines import ArgosEngine
        from l10n.models.installed import load_package

        path = Path(self.package_path)
        if threads is not None:  # on a worker: its copy must be the client's
            self._check_copy(path)
        options = self.options if threads is None else replace(self.options, inter_threads=threads)
        return ArgosEngine(load_package(path), options)

    def _check_copy(self, path: Path) -> None:
        try:
            same = package_digest(path) == self.key if path.is_dir() else False
        except OSError:
            same = False
        if not same:
            raise L10nError(
                f"{path}: a worker ({_worker_address()}) does not have the client's copy "
                "of this package (missing, or another version)",
                hint="every machine must see the same packages folder at the same path; " + HINT,
            )


def argos_specs(options: DecodeOptions | None = None) -> SpecFactory:
    """Specs for installed Argos packages, found here as an in-process run finds them."""
    from l10n.extras import require_mt
    from l10n.models import find_package, missing_model_error

    def spec(from_code: str, to_code: str) -> WorkerSpec:
        require_mt()
        package = find_package(from_code, to_code)
        if package is None:
            raise missing_model_error(from_code, to_code)
        path = Path(package.package_path).resolve()
        return ArgosSpec(str(path), package_digest(path), options or DecodeOptions())

    return spec


_ENGINES: dict[str, Engine] = {}  # a worker process's models, loaded once
_ENGINES_LOCK = threading.Lock()


def _worker_address() -> str:
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


def decode_task(spec: WorkerSpec, texts: list[str], beam_size: int) -> list[tuple[int, str]]:
    """Runs on a worker: translate ``texts`` with the worker's engine for ``spec``."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(spec.key)
        if engine is None:
            engine = _ENGINES[spec.key] = spec.build(threads=_worker_threads())
    return list(engine.translate(texts, beam_size=beam_size))


# --- the client side ------------------------------------------------------------


class Connection:
    """A scheduler, connected to on first use: a run that the translation
    memory covers entirely never starts or reaches a cluster."""

    def __init__(self, address: str | int) -> None:
        self.address = address
        self._client: Client | None = None
        self._cluster: Any = None

    @property
    def client(self) -> Client:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Client:
        from distributed import Client

        if isinstance(self.address, int):
            return Client(self._start_local(self.address))
        try:
            return Client(self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise L10nError(
                f"cannot reach the Dask scheduler at {self.address} "
                f"(tried for {CONNECT_TIMEOUT:g} s): {exc}",
                hint="start it with `dask scheduler` and check the address; " + HINT,
            ) from None

    def _start_local(self, workers: int) -> Any:
        import dask
        from distributed import LocalCluster

        with dask.config.set(WORKER_CONFIG):
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
        return self._cluster

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None


@contextmanager
def connect(address: str) -> Iterator[Connection]:
    """A connection to the cluster at ``address``, closed (a local one stopped) at exit."""
    require_cluster()
    connection = Connection(parse_address(address))
    try:
        yield connection
    finally:
        connection.close()


def cluster_engine_factory(
    connection: Connection, specs: SpecFactory, task_batches: int = TASK_BATCHES
) -> Callable[[str, str], Engine]:
    """Engines that decode on the cluster, one per language, as ``specs`` describes."""

    def factory(from_code: str, to_code: str) -> Engine:
        spec = specs(from_code, to_code)
        return ClusterEngine(connection, spec, spec.build(), task_batches, to_code)

    return factory


class ClusterEngine:
    """An Engine whose batches are decoded by the cluster's workers.

    ``local`` is the same engine built here, never used to decode (its model
    is not even loaded): it names the model and measures sentences in tokens,
    so tasks are cut from the order an in-process engine decodes in.
    """

    def __init__(
        self, connection: Connection, spec: WorkerSpec, local: Engine, task_batches: int, lang: str
    ) -> None:
        self.connection, self.spec, self.local = connection, spec, local
        self.name = local.name
        self.lang = lang
        options = getattr(local, "options", None)
        batch = options.batch_size if isinstance(options, DecodeOptions) else 16
        self.task_size = max(1, batch) * max(1, task_batches)

    def tasks(self, texts: Sequence[str]) -> list[list[int]]:
        """Indexes of ``texts`` per task: length-sorted, as the engine sorts them."""
        tokenize = getattr(self.local, "tokenize", None)
        lengths = [len(tokenize(t)) if tokenize else len(t) for t in texts]
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        return [order[i : i + self.task_size] for i in range(0, len(order), self.task_size)]

    def translate(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 4,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, str]]:
        """Yield (index, translation) as tasks finish, in any order.

        Tasks are submitted a window at a time (a few per worker thread), so
        the client holds a bounded number of them whatever the archive's size.
        """
        if not texts:
            return
        client = self.connection.client
        todo = iter(self.tasks(texts))
        run = f"l10n-{self.lang}-{uuid.uuid4().hex[:8]}"
        pending: dict[Future, list[int]] = {}

        def submit() -> None:
            chunk = next(todo, None)
            if chunk is not None:
                future = client.submit(
                    decode_task,
                    self.spec,
                    [texts[i] for i in chunk],
                    beam_size,
                    key=f"{run}-{chunk[0]}",
                    retries=RETRIES,
                    pure=False,
                )
                pending[future] = chunk

        try:
            for _ in range(self._window(client)):
                submit()
            while pending:
                for future in self._finished(client, list(pending)):
                    chunk = pending.pop(future)
                    for i, text in _result(future):
                        yield chunk[i], text
                    if progress:
                        progress(len(chunk))
                    submit()
        finally:
            for future in pending:
                future.cancel()

    @staticmethod
    def _window(client: Client) -> int:
        threads = sum(_nthreads(client).values())
        return max(4, 3 * threads)

    def _finished(self, client: Client, futures: list[Future]) -> list[Future]:
        """The futures done now, waiting for one; a cluster left without a
        worker for NO_WORKER_TIMEOUT seconds, or without its scheduler, ends the run."""
        from distributed import wait

        idle = 0.0
        while True:
            try:
                return list(wait(futures, timeout=POLL, return_when="FIRST_COMPLETED").done)
            except TimeoutError:
                pass
            idle = 0.0 if _nthreads(client) else idle + POLL
            if idle >= NO_WORKER_TIMEOUT:
                raise L10nError(
                    f"the Dask cluster at {client.scheduler.address} has had no worker for "
                    f"{NO_WORKER_TIMEOUT:g} s; nothing was written",
                    hint="start workers (`dask worker SCHEDULER`) and run again; " + HINT,
                )


def _nthreads(client: Client) -> dict[str, int]:
    """The workers the scheduler has now (asked, not cached)."""
    try:
        return client.nthreads()
    except (OSError, TimeoutError) as exc:
        raise L10nError(
            f"lost the Dask scheduler: {exc}; nothing was written",
            hint="check that the scheduler is running and run again; " + HINT,
        ) from None


def _result(future: Future) -> list[tuple[int, str]]:
    """A task's translations; the cluster's own failures as input errors."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        raise L10nError(
            f"a batch ended every worker that tried to decode it ({exc}); nothing was written",
            hint="a worker that runs out of memory dies so: give workers more memory, or use "
            "a smaller --batch-size; " + HINT,
        ) from None
    except ImportError as exc:
        raise L10nError(
            f"a worker cannot run l10n: {exc}",
            hint='install the same l10n on every worker: pip install "l10n[mt,cluster]"',
        ) from None
    except Exception as exc:
        if type(exc).__name__ == "CancelledError":
            raise L10nError(
                f"the Dask scheduler dropped a batch ({exc}); nothing was written",
                hint="check that the scheduler is running and run again; " + HINT,
            ) from None
        raise
