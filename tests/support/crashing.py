"""Engine specs that end the worker process decoding them, for the cluster tests.

They live in an importable module, not in a test file: a spawned Dask worker
unpickles them by reference, and importing a test file there would run the
suite's conftest in the worker.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from l10n.cluster import WorkerSpec
from l10n.engines import Engine


@dataclass(frozen=True)
class CrashOnce:
    """``inner``, except that the first task to run anywhere ends its worker.

    The first task creates ``marker`` (atomically: one task wins) holding its
    process id, and exits the process in the middle of its batch, as a worker
    killed by the kernel would.
    """

    inner: WorkerSpec
    marker: str
    always: bool = False  # every task ends its worker: the batch can never finish

    @property
    def key(self) -> str:
        return f"crash-once-{self.inner.key}"

    def build(self, threads: int | None = None) -> Engine:
        engine = self.inner.build(threads)
        if threads is None:  # the client's copy never decodes
            return engine
        return _Crashing(engine, Path(self.marker), self.always)


class _Crashing:
    def __init__(self, engine: Engine, marker: Path, always: bool) -> None:
        self.engine, self.marker, self.always = engine, marker, always
        self.name = engine.name

    def translate(self, texts, *, beam_size=4, progress=None):
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if not self.always:
                return self.engine.translate(texts, beam_size=beam_size, progress=progress)
        else:
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
        os._exit(1)
