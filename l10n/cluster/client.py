"""The client side of ``l10n translate --cluster``: a scheduler, and engines
whose batches its workers decode.

:class:`ClusterEngine` is an ordinary :class:`~l10n.engines.Engine`: its
``translate`` sends length-sorted tasks of one language to the cluster and
yields their translations as they finish; its ``score`` (glossary-aware
decoding) runs on the workers too.  It is a remote engine
(:mod:`l10n.engines.concurrent`): the pipeline decodes every language at
once, each in a thread, so the workers take tasks of every language.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from l10n.cluster.specs import HINT, SpecFactory, WorkerSpec, decode_task, score_task
from l10n.engines import Cancelled, DecodeOptions, Engine, Hypothesis, Translation, Turns
from l10n.errors import L10nError
from l10n.extras import missing

if TYPE_CHECKING:
    from distributed import Client, Future

T = TypeVar("T")

CLUSTER_MODULES = ("dask", "distributed")
CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler before the run stops
NO_WORKER_TIMEOUT = 30.0  # seconds a scheduler may have no worker at all
POLL = 1.0  # seconds between checks that the cluster still has workers
TASK_BATCHES = 1  # decode batches per task: one keeps every worker busy to the end
# Pairs per scoring task: scoring is one forward pass, far cheaper than
# decoding; a call this small is one task, scored exactly as in-process.
SCORE_TASK = 4096
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


def batch_sentences(options: DecodeOptions) -> int:
    """Sentences per decode batch on the device a worker will take: with
    ``auto`` the client cannot know which, so a task holds whole batches of
    either size (a CPU worker decodes it in several)."""
    if options.device == "cuda":
        return max(1, options.gpu_batch_size)
    if options.device == "auto":
        return math.lcm(max(1, options.batch_size), max(1, options.gpu_batch_size))
    return max(1, options.batch_size)


class ClusterEngine:
    """An Engine whose batches are decoded by the cluster's workers.

    ``local`` is the same engine built here, never used to decode (its model
    is not even loaded): it names the model and measures sentences in tokens,
    so tasks are cut from the order an in-process engine decodes in, whole
    batches at a time.  A worker sorts a task's sentences again (stably: they
    come sorted) and cuts the same batches an in-process run would.
    """

    remote = True  # l10n.engines.concurrent: languages decode at once

    def __init__(
        self, connection: Connection, spec: WorkerSpec, local: Engine, task_batches: int, lang: str
    ) -> None:
        self.connection, self.spec, self.local = connection, spec, local
        self.name = local.name
        self.lang = lang
        self.turns: Turns | None = None
        options = getattr(spec, "options", None) or getattr(local, "options", None)
        batch = batch_sentences(options) if isinstance(options, DecodeOptions) else 16
        self.task_size = batch * max(1, task_batches)

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
        num_hypotheses: int = 1,
        prefixes: Sequence[str | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[int, Translation | str]]:
        """Yield (index, translation) as tasks finish, in any order.

        ``num_hypotheses`` and ``prefixes`` go to the workers' engines as
        BatchEngine takes them (glossary-aware decoding).
        """
        if not texts:
            return
        run = self._run_name()

        def submit(client: Client, chunk: list[int]) -> Future:
            return client.submit(
                decode_task,
                self.spec,
                [texts[i] for i in chunk],
                beam_size,
                num_hypotheses,
                None if prefixes is None else [prefixes[i] for i in chunk],
                key=f"{run}-{chunk[0]}",
                retries=RETRIES,
                pure=False,
            )

        for chunk, results in self._stream(iter(self.tasks(texts)), submit):
            for i, text in results:
                yield chunk[i], text
            if progress:
                progress(len(chunk))

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[Hypothesis]:
        """Each whole target scored as a translation of its source, on the workers."""
        if not sources:
            return []
        run = self._run_name()

        def submit(client: Client, start: int) -> Future:
            end = start + SCORE_TASK
            return client.submit(
                score_task,
                self.spec,
                list(sources[start:end]),
                list(targets[start:end]),
                key=f"{run}-score-{start}",
                retries=RETRIES,
                pure=False,
            )

        out: list[Hypothesis] = []
        scored = dict(self._stream(iter(range(0, len(sources), SCORE_TASK)), submit))
        for start in sorted(scored):
            out.extend(scored[start])
        return out

    def _run_name(self) -> str:
        return f"l10n-{self.lang}-{uuid.uuid4().hex[:8]}"

    def _stream(
        self, units: Iterator[T], submit: Callable[[Client, T], Future]
    ) -> Iterator[tuple[T, Any]]:
        """(unit, its task's result) as tasks finish.

        Tasks are submitted a window at a time (a few per worker thread), so
        the client holds a bounded number of them whatever the archive's
        size; the next is submitted before a result is handed on, so the
        workers stay busy while the caller works.
        """
        client = self.connection.client
        pending: dict[Future, T] = {}

        def submit_next() -> None:
            unit = next(units, None)
            if unit is not None:
                pending[submit(client, unit)] = unit

        try:
            for _ in range(self._window(client)):
                submit_next()
            while pending:
                for future in self._finished(client, list(pending)):
                    unit = pending.pop(future)
                    result = _result(future)
                    submit_next()
                    yield unit, result
        finally:
            for future in pending:
                future.cancel()

    @staticmethod
    def _window(client: Client) -> int:
        threads = sum(_nthreads(client).values())
        return max(4, 3 * threads)

    def _waiting(self) -> AbstractContextManager[None]:
        """Other languages' threads run while this one waits for the cluster."""
        return self.turns.given_up() if self.turns is not None else nullcontext()

    def _finished(self, client: Client, futures: list[Future]) -> list[Future]:
        """The futures done now, waiting for one; a cluster left without a
        worker for NO_WORKER_TIMEOUT seconds, or without its scheduler, ends
        the run, and so does another language's failure (Cancelled)."""
        from distributed import wait

        idle = 0.0
        while True:
            if self.turns is not None and self.turns.cancelled.is_set():
                raise Cancelled(self.lang)
            with self._waiting():
                try:
                    return list(wait(futures, timeout=POLL, return_when="FIRST_COMPLETED").done)
                except TimeoutError:
                    pass
                workers = _nthreads(client)
            idle = 0.0 if workers else idle + POLL
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


def _result(future: Future) -> Any:
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
