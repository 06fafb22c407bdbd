"""Checking many PO files (or one large one) in several processes.

Workers fork with the glossary and the checks already loaded, so nothing but
the work items and the results crosses between processes.  What a worker does
with one part of one file is given by the caller (:mod:`l10n.qa.runner`), so
this module knows how to share work, not what the work is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from l10n import morph
from l10n.errors import L10nError
from l10n.qa.checks import _dictionary

# Below this much PO text a run stays in one process: starting workers would
# cost more than they save.
PARALLEL_MIN_BYTES = 1_000_000

# (file index, part, parts): part k of n equal runs of one file's entries.
WorkItem = tuple[int, int, int]

# Checks one part of a file: (path, (part, parts), the worker's parsed files)
# -> the result, or raises L10nError.  The dict lets the parts of one file
# that come one after the other share its parse.
PartChecker = Callable[[Path, tuple[int, int], dict[Path, Any]], Any]

_PartResult = Any  # what the PartChecker returned, or the L10nError it raised


def default_jobs(files: Sequence[Path]) -> int:
    """How many processes to check ``files`` with: one per core for a
    megabyte of PO files or more on Linux (where workers fork with the
    glossary already loaded), else one."""
    import os
    import sys

    if sys.platform != "linux" or sum(_sizes(files)) < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def _sizes(files: Sequence[Path]) -> list[int]:
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # reported when the file is read
    return sizes


def _work_items(files: Sequence[Path], jobs: int) -> list[WorkItem]:
    """(file index, part, parts): the work split so that ``jobs`` processes
    get about as much each.  A file larger than one process's share is cut
    into parts (a 10,000-entry catalog is one file); files come grouped by
    language (folder, as in locales/uk/), so each process works out the
    glossary forms of fewer languages."""
    sizes = _sizes(files)
    share = max(1, sum(sizes) // jobs)
    order = sorted(range(len(files)), key=lambda i: (files[i].parent.name, i))
    items = []
    for i in order:
        parts = min(jobs, max(1, round(sizes[i] / share)))
        items += [(i, k, parts) for k in range(parts)]
    return items


# What forked workers check: set in the parent just before the pool starts, so
# the glossary and the checks are inherited rather than pickled.
_WORK: tuple[Sequence[Path], PartChecker] | None = None


def _work_on(
    items: list[WorkItem],
) -> tuple[list[tuple[tuple[int, int], _PartResult]], dict[str, Any], dict[str, Any]]:
    """Worker side: results for its parts of files, the forms it declined and
    the spelling verdicts it reached (for the parent's cache files)."""
    assert _WORK is not None
    files, check_part = _WORK
    parsed: dict[Path, Any] = {}
    out: list[tuple[tuple[int, int], _PartResult]] = []
    for i, k, n in items:
        try:
            result: _PartResult = check_part(files[i], (k, n), parsed)
        except L10nError as exc:
            result = exc
        out.append(((i, k), result))
    return out, morph.new_cache_entries(), _dictionary.new_cache_entries()


def plan(files: Sequence[Path], jobs: int) -> tuple[list[WorkItem], int]:
    """The work items for ``jobs`` processes and how many processes they
    keep busy (1 or fewer: stay in this process)."""
    items = _work_items(files, jobs) if jobs > 1 else []
    return items, min(jobs, len(items))


def run_parts(
    files: Sequence[Path], items: list[WorkItem], jobs: int, check_part: PartChecker
) -> list[list[_PartResult]]:
    """Per file, in order, the results of its parts in order (an L10nError
    where a part raised one), from ``jobs`` forked processes."""
    global _WORK
    import multiprocessing

    # Each process takes a run of the items, which keeps a file's parts and a
    # language's files together.
    batches = [items[w * len(items) // jobs : (w + 1) * len(items) // jobs] for w in range(jobs)]
    _WORK = (files, check_part)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.map(_work_on, batches, chunksize=1)
    finally:
        _WORK = None
    results: dict[tuple[int, int], _PartResult] = {}
    for batch, new_forms, new_verdicts in done:
        results.update(batch)
        morph.add_cache_entries(new_forms)
        _dictionary.add_cache_entries(new_verdicts)
    parts_of = {i: n for i, _, n in items}
    return [[results[(i, k)] for k in range(parts_of[i])] for i in range(len(files))]
