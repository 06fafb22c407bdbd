"""l10n.engines.concurrent: every language at once, one thread running at a time.

The engines here stand in for a cluster: they "wait for workers" on a
barrier that only opens when every language waits at once, which they can
only do if their threads run together; and a counter proves that no two
threads ever run outside that wait.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import LANGS

from l10n.engines import Cancelled, Turns, decode_at_once
from l10n.pipeline import translate_documents


class Remote:
    """A remote engine whose every batch waits until all languages wait."""

    remote = True

    def __init__(self, lang: str, barrier: threading.Barrier, running: list[int]) -> None:
        self.lang, self.barrier, self.running = lang, barrier, running
        self.name = f"remote {lang}"
        self.turns: Turns | None = None

    def wait(self) -> None:
        self.running[0] -= 1
        assert self.turns is not None
        with self.turns.given_up():
            self.block(self.turns)
        self.running[0] += 1
        assert self.running[0] == 1  # the turn: only this thread runs

    def block(self, turns: Turns) -> None:
        self.barrier.wait(timeout=10)  # BrokenBarrierError: not at once

    def translate(self, texts, *, beam_size=4, progress=None):
        self.running[0] += 1
        assert self.running[0] == 1
        try:
            for start in range(0, len(texts), 8):
                self.wait()
                batch = range(start, min(start + 8, len(texts)))
                yield from ((i, f"{self.lang}: {texts[i]}") for i in batch)
                if progress:
                    progress(len(batch))
        finally:
            self.running[0] -= 1


def test_remote_engines_decode_every_language_at_once(project):
    barrier, running = threading.Barrier(len(LANGS)), [0]
    engines: dict[str, Remote] = {}
    seen: list[tuple[str, int, int]] = []

    def factory(from_code: str, to_code: str) -> Remote:
        return engines.setdefault(to_code, Remote(to_code, barrier, running))

    docs = translate_documents(
        [Path("source/kursk.en.txt")],
        LANGS,
        locales=Path("locales"),
        engine_factory=factory,
        progress=lambda label, done, total: seen.append((label, done, total)),
        root=project,
    )
    for result in docs[0].languages:
        assert result.machine > 8  # several batches each, all waited for together
        assert all(e.msgstr.startswith(f"{result.lang}: ") for e in result.po if e.msgid)
    assert all(engine.turns is None for engine in engines.values())
    total = sum(len({e.msgid for e in r.po if e.msgid}) for r in docs[0].languages)
    assert {label for label, *_ in seen} == {"sq, uk, ru"}  # one bar across languages
    assert seen[-1][1:] == (total, total)


class Waiting(Remote):
    """Waits for the cluster until the run is cancelled."""

    def block(self, turns: Turns) -> None:
        assert turns.cancelled.wait(timeout=10)
        raise Cancelled(self.lang)


class Failing(Remote):
    def translate(self, texts, *, beam_size=4, progress=None):
        raise ValueError(f"{self.lang} failed")
        yield  # a generator, as engines are


def test_the_first_failure_cancels_the_others_and_is_raised():
    running = [0]
    barrier = threading.Barrier(2)
    engines = [Waiting("uk", barrier, running), Failing("sq", barrier, running)]
    ended: list[str] = []

    def job(engine: Remote):
        def run() -> None:
            try:
                list(engine.translate([f"sentence {i}" for i in range(20)]))
            finally:
                ended.append(engine.lang)

        return run

    with pytest.raises(ValueError, match="sq failed"):
        decode_at_once({e.lang: job(e) for e in engines}, engines)
    assert sorted(ended) == ["sq", "uk"]  # nothing left running
    assert all(engine.turns is None for engine in engines)
