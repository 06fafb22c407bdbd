"""Section 3: ``l10n check`` on large PO sets, next to polib's bare parse.

Synthetic data (see :mod:`bench.synth`): a 1,000-term glossary in the
project's TOML format and PO files of reviewed sq/uk/ru sentences that each
mention one glossary name.  Each side is a whole process over the same files:

- ``l10n check --select glossary``: the glossary gate alone (issue 3's gate),
  with as many processes as ``l10n check`` picks by itself, and with ``-j1``;
- ``l10n check``: every check (glossary and the QA checks), likewise;
- ``l10n check`` with empty caches: a first run on a fresh machine, which
  declines the glossary's names with pymorphy3;
- ``l10n check`` without the checks issue 15 added (spelling, foreign and
  doubled words, brackets, start capital, blank, links, units): what every
  check costs beyond the checks before them (the goal: at most 20%);
- polib's bare parse, ``polib.pofile(path)`` for every file;
- ``l10n.po.parse_po``: our strict reader alone.

Wall time is what the targets use (what a CI job waits for); CPU time (user +
system, workers included) is shown beside it.  Caches are warm except on the
"empty caches" side: the first round of every side also warms them.

One in-process profiled run of ``check_paths`` on the smallest set splits the
check's time by check function, to say where it goes.
"""

from __future__ import annotations

import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    ROOT,
    Row,
    Section,
    Side,
    Target,
    bench_env,
    log,
    measure_rounds,
    run_process,
)
from bench.startup import check_available, l10n_command
from bench.synth import glossary_toml, synth_terms, write_po_corpus

GLOSSARY_TERMS = 1000
# The checks issue 15 added, which may add at most 20% to a full check.
ISSUE_15_CHECKS = (
    "spelling",
    "foreign-words",
    "doubled-words",
    "brackets",
    "bracket-count",
    "start-capital",
    "blank",
    "links",
    "units",
)
PROFILE_FILES = 20  # files of the first set profiled in-process
PARSE = (
    "import sys, polib\n"
    "from pathlib import Path\n"
    "n = 0\n"
    "for p in sorted(Path(sys.argv[1]).rglob('*.po')):\n"
    "    n += len(polib.pofile(str(p)))\n"
    "print(f'{n} entries parsed')\n"
)
OUR_PARSE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from l10n.po import read_po\n"
    "n = 0\n"
    "for p in sorted(Path(sys.argv[1]).rglob('*.po')):\n"
    "    n += len(read_po(p))\n"
    "print(f'{n} entries parsed')\n"
)


@dataclass(frozen=True)
class Case:
    entries: int
    per_file: int

    @property
    def name(self) -> str:
        files = -(-self.entries // self.per_file)
        where = "one file" if files == 1 else f"{files:,} files of {self.per_file:,}"
        return f"{self.entries:,} entries, {where}"


def _process_side(
    label: str, argv: list[str], max_runs: int | None = None, *, fresh_cache: bool = False
) -> Side:
    def once() -> tuple[float, str]:
        env = bench_env()
        cache = None
        if fresh_cache:
            cache = tempfile.mkdtemp(prefix="l10n-bench-cache-")
            env["XDG_CACHE_HOME"] = cache
        try:
            proc = run_process(argv, cwd=ROOT, env=env)
        finally:
            if cache is not None:
                shutil.rmtree(cache, ignore_errors=True)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{label}: exit {proc.returncode}: {proc.stderr[-1500:]}")
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        return proc.seconds, f"CPU {proc.cpu_seconds:.2f} s; {last}"

    return Side(label, once, max_runs=max_runs)


def _median_extra(side: Side) -> str:
    """The extra data (CPU time, output) of the run whose time is the median
    (the first run also warms the caches, so its CPU time says little)."""
    if not side.runs:
        return ""
    best = min(range(len(side.runs)), key=lambda i: abs(side.runs[i] - side.median))
    return str(side.extras[best])


def profile_checks(paths: list[Path], glossary_path: Path) -> list[tuple[str, float]]:
    """Seconds per part of one in-process ``check_paths`` run (under cProfile)."""
    from l10n.glossary import load_glossary
    from l10n.qa.checks.spelling import read_word_list
    from l10n.qa.registry import all_checks
    from l10n.qa.runner import check_paths

    glossary = load_glossary(glossary_path)
    words = read_word_list(glossary_path)  # as `l10n check` reads it
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    check_paths(paths, glossary=glossary, words=words)
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]

    def cumulative(code: object) -> float:
        key = (code.co_filename, code.co_firstlineno, code.co_name)  # type: ignore[attr-defined]
        return stats[key][3] if key in stats else 0.0

    import l10n.po

    parts = [("read_po (strict parse)", cumulative(l10n.po.read_po.__code__))]
    parts += [(f"check {c.name}", cumulative(c.func.__code__)) for c in all_checks().values()]
    parts.sort(key=lambda p: -p[1])
    return [("total (profiled)", total), *parts]


def run(*, repeat: int, deadline: float, quick: bool) -> Section:
    section = Section()
    missing = check_available()
    if missing is not None:
        section.notes.append(f"check section skipped: glossary module not available ({missing})")
        section.targets.append(
            Target("l10n check <= 2x polib's bare parse", "<= 2x", "skipped", None, missing)
        )
        return section
    cases = (
        [Case(1000, 100), Case(3000, 100), Case(1000, 1000)]
        if quick
        else [Case(10_000, 100), Case(100_000, 100), Case(10_000, 10_000)]
    )
    work = Path(tempfile.mkdtemp(prefix="l10n-bench-check-"))
    try:
        terms = synth_terms(GLOSSARY_TERMS)
        glossary = work / "glossary" / "terms.toml"
        glossary.parent.mkdir()
        glossary.write_text(glossary_toml(terms), encoding="utf-8")
        # The PO files are made of the shipped sentences: their word list too.
        words = ROOT / "glossary" / "words.txt"
        if words.is_file():
            shutil.copy(words, glossary.parent / words.name)
        l10n = l10n_command()
        profiled = None
        for case in cases:
            folder = work / f"po-{case.entries}-{case.per_file}"
            paths = write_po_corpus(folder, case.entries, case.per_file, terms)
            size = sum(p.stat().st_size for p in paths)
            log(f"check: {case.name}, {size / 1e6:.1f} MB")
            check = [*l10n, "check", "--glossary", str(glossary.parent), str(folder)]
            gate = [*check, "--select", "glossary"]
            sides = [
                _process_side("l10n check --select glossary (the glossary gate)", gate),
                _process_side("l10n check --select glossary -j1", [*gate, "-j1"]),
                _process_side("l10n check (every check)", check),
                _process_side("l10n check -j1", [*check, "-j1"]),
                _process_side("l10n check, empty caches (first run)", check, 3, fresh_cache=True),
                _process_side(
                    "polib.pofile (bare parse)", [sys.executable, "-c", PARSE, str(folder)]
                ),
                _process_side(
                    "l10n.po.read_po (strict parse)",
                    [sys.executable, "-c", OUR_PARSE, str(folder)],
                ),
                _process_side(
                    "l10n check without the issue-15 checks",
                    [*check, "--disable", ",".join(ISSUE_15_CHECKS)],
                ),
            ]
            section.notes += measure_rounds(sides, repeat, deadline, f"check {case.name}")
            bare = sides[5]
            for side in sides:
                ratio = f"{side.median / bare.median:.2f}x polib" if side is not bare else ""
                section.rows.append(
                    Row(
                        "check",
                        f"{case.name} ({size / 1e6:.1f} MB)",
                        side.label,
                        side.median,
                        side.runs,
                        f"{case.entries / side.median:,.0f} entries/s",
                        ratio,
                        _median_extra(side),
                    )
                )
            for what, side in (("glossary gate", sides[0]), ("every check", sides[2])):
                per_entry = (side.median - bare.median) / case.entries * 1e6
                section.targets.append(
                    Target(
                        f"l10n check, {what}, <= 2x polib's bare parse ({case.name})",
                        "<= 2x",
                        f"{side.median / bare.median:.1f}x ({side.median:.2f} s vs "
                        f"{bare.median:.2f} s)",
                        side.median <= 2 * bare.median,
                        f"Beyond polib's parse, this spends about {per_entry:,.0f} µs per entry "
                        f"(2x polib leaves {bare.median / case.entries * 1e6:,.0f}); "
                        f"{_median_extra(side).split(';')[0]} in all "
                        f"processes. One process (-j1): "
                        f"{sides[sides.index(side) + 1].median / bare.median:.1f}x.",
                    )
                )
            every, before = sides[2], sides[-1]
            section.targets.append(
                Target(
                    f"the issue-15 checks add at most 20% to l10n check ({case.name})",
                    "<= 1.2x",
                    f"{every.median / before.median:.2f}x ({every.median:.2f} s vs "
                    f"{before.median:.2f} s)",
                    every.median <= 1.2 * before.median,
                    f"Every check against every check but {', '.join(ISSUE_15_CHECKS)}; "
                    f"{_median_extra(before).split(';')[0]} without them.",
                )
            )
            if profiled is None and time.monotonic() < deadline:
                sample = paths[:PROFILE_FILES]
                entries = min(case.entries, case.per_file * len(sample))
                log(f"check: profiling check_paths in-process on {entries:,} entries")
                profiled = (entries, profile_checks(sample, glossary.parent))
        if profiled is not None:
            entries, parts = profiled
            total = parts[0][1]
            where = (
                f"Where check_paths spends its time ({entries:,} entries with the 1,000-term "
                f"glossary, one in-process run under cProfile, {total:.1f} s; cProfile "
                "inflates Python-heavy code): "
                + ", ".join(f"{name} {sec:.2f} s ({sec / total:.0%})" for name, sec in parts[1:])
            )
            section.notes.append(where)
            top = ", ".join(
                f"{name.removeprefix('check ')} {sec / total:.0%}" for name, sec in parts[1:4]
            )
            for target in section.targets:
                target.comment += f" Biggest costs in the profile: {top}."
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return section
