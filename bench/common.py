"""Timing, subprocess and machine helpers shared by the benchmark sections."""

from __future__ import annotations

import functools
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VENV_BIN = Path(sys.executable).parent


@functools.cache
def randommodel() -> Any:
    """The test suite's random-weight package builder (tests/support/randommodel.py).

    Loaded by its path: argostranslate installs a top-level ``tests`` package
    into site-packages, which would shadow the repository's ``tests`` folder.
    """
    spec = importlib.util.spec_from_file_location(
        "l10n_randommodel", ROOT / "tests" / "support" / "randommodel.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def log(message: str) -> None:
    """Progress on stderr, so that stdout stays the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class ProcessResult:
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0  # user + system, the process and every process it waited for


def run_process(
    argv: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> ProcessResult:
    """Run a whole process; its wall time from spawn to exit, and its output.

    Output goes to temporary files rather than pipes, so a chatty child can
    never block on a full pipe while we wait.  (Peak RSS is not taken from
    ``wait4`` here: Linux carries the parent's RSS into a forked child across
    ``exec``; see :mod:`bench.child`.)
    """
    import resource

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        returncode = subprocess.call(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0)
        err.seek(0)
        return ProcessResult(
            seconds,
            returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        )


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for child processes: ours, plus ``extra``.

    Python may write bytecode, as in a normal install: with
    PYTHONDONTWRITEBYTECODE set (as on some CI machines) every start of l10n
    would compile its sources again, while pip-installed libraries such as
    polib were compiled when installed, and the comparison would be unfair.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


@dataclass
class Row:
    """One line of the results table."""

    section: str
    case: str
    side: str
    seconds: float | None  # median wall time
    runs: list[float] = field(default_factory=list)
    throughput: str = ""  # e.g. "120 seg/s, 3,840 tok/s"
    ratio: str = ""  # e.g. "1.08x limit"
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)  # machine-readable extras


@dataclass
class Target:
    name: str
    goal: str
    measured: str
    met: bool | None  # None: not measured
    comment: str = ""


@dataclass
class Section:
    rows: list[Row] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine_info() -> dict[str, Any]:
    """CPU model, cores, RAM, Python and library versions, load at the start."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kb = next(
        (
            int(line.split()[1])
            for line in _read("/proc/meminfo").splitlines()
            if line.startswith("MemTotal:")
        ),
        0,
    )
    versions = {}
    for name in ("ctranslate2", "sentencepiece", "polib", "argostranslate"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:  # not installed: say so rather than fail the run
            versions[name] = "not installed"
    load = _read("/proc/loadavg").split()[:3]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_at_start": " ".join(load),
        **versions,
    }


def fmt_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


# --- rounds and the time budget -----------------------------------------------------

# A side whose first run took longer than this is not repeated: the budget
# goes to the many short runs, where noise matters most.
LONG_RUN = 30.0


@dataclass
class Side:
    """Something timed: ``func`` returns (seconds, extra data) for one run."""

    label: str
    func: Callable[[], tuple[float, Any]]
    runs: list[float] = field(default_factory=list)
    extras: list[Any] = field(default_factory=list)
    max_runs: int | None = None

    @property
    def median(self) -> float:
        return median(self.runs)

    @property
    def done(self) -> bool:
        if self.max_runs is not None and len(self.runs) >= self.max_runs:
            return True
        return bool(self.runs) and self.runs[0] > LONG_RUN


def measure_rounds(sides: Sequence[Side], repeat: int, deadline: float, name: str) -> list[str]:
    """Run ``sides`` in interleaved rounds (A, B, C, A, B, C...).

    The first round always runs in full.  Before each later round, its cost
    is estimated from the sides' last runs; while it would not end before
    ``deadline`` (time.monotonic()), the slowest side is left out of the
    remaining rounds, so the budget goes to the many short runs, where noise
    matters most.  Returns notes on anything cut short.
    """
    notes = []
    for rep in range(repeat):
        active = [s for s in sides if not s.done]
        if rep:
            while active and time.monotonic() + sum(s.runs[-1] for s in active) > deadline:
                slowest = max(active, key=lambda s: s.runs[-1])
                slowest.max_runs = len(slowest.runs)
                active.remove(slowest)
                notes.append(f"{name} / {slowest.label}: {rep} of {repeat} runs (time budget).")
        if not active:
            break
        for side in active:
            log(f"{name} [{rep + 1}/{repeat}] {side.label}")
            seconds, extra = side.func()
            side.runs.append(seconds)
            side.extras.append(extra)
    for side in sides:
        if len(side.runs) == 1 < repeat and side.runs[0] > LONG_RUN:
            notes.append(f"{name} / {side.label}: 1 run (over {LONG_RUN:.0f} s, not repeated).")
    return notes
