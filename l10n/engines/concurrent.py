"""Every language at once, for engines that decode on other machines.

An engine whose batches are decoded elsewhere (a Dask cluster's workers:
:mod:`l10n.cluster`) spends a run waiting.  Decoded one language after
another, a cluster idles at the end of each language (its last batches busy
a few workers) and during glossary-aware decoding's rounds (each waits for
the one before).  So the pipeline gives each language a thread of its own and
the cluster's workers take batches of every language as they come.

Only one of those threads runs at a time: the one holding the *turn*.  An
engine gives the turn up while it waits for its workers, and takes it back
before it returns.  So the code around the engine (glossary, morphology,
translation memory, progress) runs as it does one language at a time and
need not be thread-safe; only the waiting overlaps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Protocol


class Cancelled(Exception):
    """Raised by a remote engine whose decoding was cancelled: another language failed."""


class Turns:
    """The turn the threads of :func:`decode_at_once` take to run, and
    whether the run is over (a language failed: the others stop)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.cancelled = threading.Event()

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            yield

    @contextmanager
    def given_up(self) -> Iterator[None]:
        """Let the other threads run meanwhile (the caller holds the turn)."""
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()


class RemoteEngine(Protocol):
    """An engine that decodes elsewhere and may decode languages at once.

    It says so with ``remote = True``.  While its language runs in a
    thread, ``turns`` is set: the engine gives the turn up whenever it
    waits, and raises :class:`Cancelled` soon after ``turns.cancelled`` is
    set (another language failed: the run is over).
    """

    remote: bool
    turns: Turns | None


def decodes_remotely(engine: object) -> bool:
    return getattr(engine, "remote", False) is True


def decode_at_once(jobs: Mapping[str, Callable[[], None]], engines: Sequence[RemoteEngine]) -> None:
    """Run every language's job, each in its own thread, taking turns.

    The first job to fail cancels the others, and its error is raised once
    every thread has ended (an interrupt too): nothing is left running.
    """
    turns = Turns()
    for engine in engines:
        engine.turns = turns

    def run(job: Callable[[], None]) -> None:
        with turns.held():
            job()

    pool = ThreadPoolExecutor(max_workers=max(1, len(jobs)), thread_name_prefix="l10n-decode")
    futures = [pool.submit(run, job) for job in jobs.values()]
    try:
        wait(futures, return_when=FIRST_EXCEPTION)
        failed = _first_failure(futures)
        if failed is not None:
            raise failed
    except BaseException:
        turns.cancelled.set()
        wait(futures)
        raise
    finally:
        pool.shutdown()
        for engine in engines:
            engine.turns = None


def _first_failure(futures: Sequence[Future]) -> BaseException | None:
    """The error of a job that failed on its own (not one cancelled since)."""
    errors = [f.exception() for f in futures if f.done()]
    found = [e for e in errors if e is not None and not isinstance(e, Cancelled)]
    return found[0] if found else None
