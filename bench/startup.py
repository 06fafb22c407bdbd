"""Section 2: start-up, as whole processes (what a user or CI waits for).

Each command runs as a subprocess of the installed console script from the
repo root (so ``l10n check`` finds ``glossary/`` as it does in CI), timed from
spawn to exit, interleaved over the repeats.  ``python -c pass`` is the floor:
the interpreter's own start-up on this machine.  Then ``l10n build`` of a
project of unchanged articles (:mod:`bench.building`).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from bench import building
from bench.common import (
    ROOT,
    VENV_BIN,
    Row,
    Section,
    Side,
    Target,
    bench_env,
    measure_rounds,
    run_process,
)

HELP_TARGET = 0.3
CHECK_TARGET = 1.0


def l10n_command() -> list[str]:
    script = VENV_BIN / "l10n"
    if script.exists():
        return [str(script)]
    found = shutil.which("l10n")
    return [found] if found else [sys.executable, "-m", "l10n"]


def _side(label: str, argv: list[str]) -> Side:
    def once() -> tuple[float, int]:
        proc = run_process(argv, cwd=ROOT, env=bench_env())
        if proc.returncode not in (0, 1):  # 1: check findings, still a full run
            raise RuntimeError(f"{label}: exit {proc.returncode}: {proc.stderr[-1000:]}")
        return proc.seconds, proc.returncode

    return Side(label, once)


def check_available() -> str | None:
    """None if ``l10n check`` can run, else why not."""
    try:
        import l10n.glossary
        import l10n.qa.registry
        import l10n.qa.runner  # (what `l10n check` imports, too)

        l10n.qa.registry.all_checks()
    except Exception as exc:  # a colleague's module mid-edit
        return f"{type(exc).__name__}: {exc}"
    return None


def run(*, repeat: int, deadline: float, quick: bool = False) -> Section:
    section = Section()
    start = time.monotonic()
    l10n = l10n_command()
    sides = [
        _side("python -c pass (interpreter floor)", [sys.executable, "-c", "pass"]),
        _side("l10n --help", [*l10n, "--help"]),
        _side("l10n status locales", [*l10n, "status", "locales"]),
    ]
    missing = check_available()
    if missing is None:
        sides.append(_side("l10n check locales", [*l10n, "check", "locales"]))
    else:
        section.notes.append(f"l10n check skipped: check/glossary not importable ({missing})")
    # The commands above get a third of the time; the build case the rest.
    until = start + (deadline - start) / 3
    section.notes += measure_rounds(sides, repeat, until, "startup")
    shipped = sorted(Path(ROOT / "locales").rglob("*.po"))
    floor = sides[0].median
    for side in sides:
        detail = f"exit {side.extras[0]}" if side.extras else ""
        if side.label.startswith("l10n check"):
            detail += f"; {len(shipped)} PO files, repo glossary"
        section.rows.append(
            Row(
                "startup",
                "whole process, from spawn to exit",
                side.label,
                side.median,
                side.runs,
                "",
                f"{side.median / floor:.1f}x interpreter" if side is not sides[0] else "",
                detail,
            )
        )
    by_label = {s.label: s for s in sides}
    help_s = by_label["l10n --help"].median
    section.targets.append(
        Target(
            "l10n --help",
            f"< {HELP_TARGET} s",
            f"{help_s:.3f} s (interpreter alone {floor:.3f} s)",
            help_s < HELP_TARGET,
        )
    )
    check = by_label.get("l10n check locales")
    section.targets.append(
        Target(
            "l10n check on the shipped locales",
            f"< {CHECK_TARGET} s",
            f"{check.median:.3f} s" if check else "skipped",
            check.median < CHECK_TARGET if check else None,
            "" if check else "check/glossary modules not available",
        )
    )
    building.run(l10n, section, repeat=repeat, deadline=deadline, quick=quick)
    return section
