"""The check runner: every check is a small function over one PO entry.

As in Babel's ``checkers.py``, a check is a plain function.  It receives one
:class:`Unit` (the msgid, msgstr and flags of a translated entry) and a
:class:`CheckContext` (the language, the glossary, the whole file for checks
that need consistency across entries) and yields :class:`Problem` records.
The runner adds where the entry is (file, line, language) and turns problems
into :class:`Finding` records, which the CLI prints as text, JSON or GitHub
annotations.

A check registers itself with :func:`register`.  It can be switched off for a
run (``disable=``) or for one entry with the flag ``ignore-<name>`` (Weblate's
convention; Poedit keeps unknown flags when it saves).

A problem that can be repaired carries ``fixed``: the whole msgstr with that
problem repaired.  :func:`fix_msgstr` applies fixes until none is left, so a
check never has to fix several problems at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n.qa.base import Check, CheckContext, CheckFunc, Problem, Severity, Unit

if TYPE_CHECKING:
    from l10n.glossary import Glossary


REGISTRY: dict[str, Check] = {}


def register(name: str, severity: Severity, summary: str) -> Callable[[CheckFunc], CheckFunc]:
    """Decorator that adds a check function to :data:`REGISTRY` under ``name``."""

    def decorate(func: CheckFunc) -> CheckFunc:
        if name in REGISTRY:
            raise ValueError(f"check {name!r} registered twice")
        REGISTRY[name] = Check(name, severity, summary, func)
        return func

    return decorate


def all_checks() -> dict[str, Check]:
    """Every known check, importing the modules that define them."""
    import l10n.checks  # noqa: F401  (registers the QA checks)
    from l10n.qa.checks import glossary

    return {**REGISTRY, **{c.name: c for c in glossary.CHECKS}}


@dataclass(frozen=True)
class Finding:
    """A problem located in a file: what every output format prints."""

    file: str
    line: int
    lang: str
    msgid: str
    msgstr: str
    check: str
    severity: str
    message: str
    term: str = ""
    expected: str = ""
    found: str = ""
    fixable: bool = False

    @property
    def rule(self) -> str:
        return self.check

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rule"] = self.rule
        return data


def ignored_checks(flags: Iterable[str]) -> set[str]:
    return {flag[len("ignore-") :] for flag in flags if flag.startswith("ignore-")}


def run_checks(
    unit: Unit, ctx: CheckContext, checks: Iterable[Check]
) -> Iterator[tuple[Check, Problem]]:
    """Yield every problem the given checks find in one translated entry."""
    if not unit.msgstr:
        return
    skip = ignored_checks(unit.flags)
    for check in checks:
        if check.name in skip:
            continue
        for problem in check.func(unit, ctx):
            yield check, problem


def fix_msgstr(unit: Unit, ctx: CheckContext, checks: Sequence[Check], limit: int = 20) -> str:
    """Apply fixable problems one at a time until none is left; return the new msgstr.

    Re-running the checks after each fix keeps every check simple (it fixes one
    problem) and makes the result a fixed point: running it again changes nothing.
    """
    msgstr = unit.msgstr
    for _ in range(limit):
        current = Unit(unit.msgid, msgstr, unit.flags, unit.line)
        fix = next(
            (p.fixed for _, p in run_checks(current, ctx, checks) if p.fixed is not None), None
        )
        if fix is None or fix == msgstr:
            break
        msgstr = fix
    return msgstr


def select_checks(disable: Iterable[str] = (), select: Iterable[str] = ()) -> list[Check]:
    """The checks to run: the selected ones (default: all) minus the disabled
    ones; unknown names are an input error."""
    from l10n.errors import L10nError

    checks = all_checks()
    disabled, selected = set(disable), set(select)
    unknown = sorted((disabled | selected) - set(checks))
    if unknown:
        raise L10nError(
            f"unknown check: {', '.join(unknown)}",
            hint=f"known checks: {', '.join(sorted(checks))} (see `l10n check --list`)",
        )
    return [
        c
        for name, c in sorted(checks.items())
        if name not in disabled and (not selected or name in selected)
    ]


# --- output formats -------------------------------------------------------


def format_text(findings: Sequence[Finding], files_checked: int) -> str:
    lines = [
        f"{f.file}:{f.line}: {f.lang}: {f.severity}: [{f.check}] {f.message}" for f in findings
    ]
    errors = sum(f.severity == Severity.ERROR.value for f in findings)
    warnings = len(findings) - errors
    lines.append(
        f"{files_checked} file{'s' if files_checked != 1 else ''} checked: "
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )
    return "\n".join(lines)


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    # https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Sequence[Finding]) -> str:
    out = []
    for f in findings:
        level = "error" if f.severity == Severity.ERROR.value else "warning"
        title = _escape_github(f"l10n {f.check} ({f.lang})", property_value=True)
        file = _escape_github(str(Path(f.file).as_posix()), property_value=True)
        out.append(
            f"::{level} file={file},line={f.line},title={title}::"
            + _escape_github(f"[{f.check}] {f.message}")
        )
    return "\n".join(out)


# --- running over files ---------------------------------------------------


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    fixed_entries: int = 0
    fixed_files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == Severity.ERROR.value for f in self.findings)


def check_po(
    path: Path,
    po: Any,
    checks: Sequence[Check],
    glossary: Glossary | None,
    *,
    include_fuzzy: bool = False,
    part: tuple[int, int] = (0, 1),
) -> tuple[list[Finding], dict[str, str]]:
    """Findings in one parsed PO file, and the fixed msgstr of each fixable entry.

    Fuzzy entries are drafts waiting for review (msgfmt leaves them out of
    the compiled catalog too), so like pofilter we check them only on request.
    ``part`` = (k, n) checks only the k-th of n equal runs of entries (the
    checks still see the whole file), so that processes can share one file.
    """
    from l10n.catalog import po_language

    lang = po_language(po, path)
    units = [
        Unit(e.msgid, e.msgstr, tuple(e.flags), e.linenum or 0)
        for e in po
        if not e.obsolete
        and e.msgid
        and e.msgstr
        and not e.msgid_plural
        and (include_fuzzy or "fuzzy" not in e.flags)
    ]
    ctx = CheckContext(lang=lang, glossary=glossary, units=units)
    findings: list[Finding] = []
    fixes: dict[str, str] = {}
    k, n = part
    for unit in units[k * len(units) // n : (k + 1) * len(units) // n]:
        fixable = False
        for check, problem in run_checks(unit, ctx, checks):
            fixable = fixable or problem.fixed is not None
            findings.append(
                Finding(
                    file=path.as_posix(),
                    line=unit.line,
                    lang=lang,
                    msgid=unit.msgid,
                    msgstr=unit.msgstr,
                    check=check.name,
                    severity=check.severity.value,
                    message=problem.message,
                    term=problem.term,
                    expected=problem.expected,
                    found=problem.found,
                    fixable=problem.fixed is not None,
                )
            )
        if fixable:
            fixed = fix_msgstr(unit, ctx, checks)
            if fixed != unit.msgstr:
                fixes[unit.msgid] = fixed
    return findings, fixes


# Below this much PO text a run stays in one process: starting workers would
# cost more than they save.
PARALLEL_MIN_BYTES = 1_000_000


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


def _work_items(files: Sequence[Path], jobs: int) -> list[tuple[int, int, int]]:
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


def _check_part(
    path: Path,
    part: tuple[int, int],
    checks: Sequence[Check],
    glossary: Glossary | None,
    include_fuzzy: bool,
    parsed: dict[Path, Any],
) -> tuple[list[Finding], dict[str, str]]:
    from l10n.po import read_po

    if path not in parsed:
        parsed.clear()  # parts of one file come one after the other
        parsed[path] = read_po(path)
    po = parsed[path]
    return check_po(path, po, checks, glossary, include_fuzzy=include_fuzzy, part=part)


# What forked workers check: set in the parent just before the pool starts, so
# the glossary and the checks are inherited rather than pickled.
_WORK: tuple[list[Path], list[Check], Glossary | None, bool] | None = None

_PartResult = tuple[list[Finding], dict[str, str]] | Exception


def _work_on(
    items: list[tuple[int, int, int]],
) -> tuple[list[tuple[tuple[int, int], _PartResult]], dict[str, Any]]:
    """Worker side: results for its parts of files, and the forms it declined."""
    from l10n import morph
    from l10n.errors import L10nError

    assert _WORK is not None
    files, checks, glossary, include_fuzzy = _WORK
    parsed: dict[Path, Any] = {}
    out: list[tuple[tuple[int, int], _PartResult]] = []
    for i, k, n in items:
        try:
            result: _PartResult = _check_part(
                files[i], (k, n), checks, glossary, include_fuzzy, parsed
            )
        except L10nError as exc:
            result = exc
        out.append(((i, k), result))
    return out, morph.new_cache_entries()


def _check_files(
    files: list[Path],
    checks: list[Check],
    glossary: Glossary | None,
    include_fuzzy: bool,
    jobs: int,
) -> list[tuple[list[Finding], dict[str, str]]]:
    """(findings, fixes) per file, in order; the first bad file (in order) raises."""
    global _WORK
    items = _work_items(files, jobs) if jobs > 1 else []
    jobs = min(jobs, len(items))
    if jobs <= 1:
        from l10n.po import read_po

        # Every file is parsed before any is checked: a broken one stops the
        # run before any work is spent.
        parsed = [read_po(path) for path in files]
        return [
            check_po(path, po, checks, glossary, include_fuzzy=include_fuzzy)
            for path, po in zip(files, parsed, strict=True)
        ]
    import multiprocessing

    from l10n import morph

    # Each process takes a run of the items, which keeps a file's parts and a
    # language's files together.
    batches = [items[w * len(items) // jobs : (w + 1) * len(items) // jobs] for w in range(jobs)]
    _WORK = (files, checks, glossary, include_fuzzy)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.map(_work_on, batches, chunksize=1)
    finally:
        _WORK = None
    results: dict[tuple[int, int], _PartResult] = {}
    for batch, new_forms in done:
        results.update(batch)
        morph.add_cache_entries(new_forms)
    parts_of = {i: n for i, _, n in items}
    ordered = []
    for i in range(len(files)):
        findings: list[Finding] = []
        fixes: dict[str, str] = {}
        for k in range(parts_of[i]):
            result = results[(i, k)]
            if isinstance(result, Exception):
                raise result
            findings += result[0]
            fixes.update(result[1])
        ordered.append((findings, fixes))
    return ordered


def check_paths(
    paths: Sequence[Path | str],
    *,
    glossary: Glossary | None = None,
    disable: Iterable[str] = (),
    fix: bool = False,
    include_fuzzy: bool = False,
    jobs: int | None = None,
    select: Iterable[str] = (),
) -> Report:
    """Check PO files (or folders of them); with ``fix``, repair what can be repaired.

    Every file is parsed before anything is reported or written: a file that
    does not parse stops the run with its file:line (exit 2), untouched.
    ``jobs`` processes share the work (default: :func:`default_jobs`).
    """
    from l10n.catalog import po_files
    from l10n.errors import L10nError
    from l10n.po import patch_msgstrs, read_po
    from l10n.textfile import write_atomic

    checks = select_checks(disable, select)
    files = po_files(paths)
    for p in map(Path, paths):
        if not p.exists():
            raise L10nError(f"{p}: no such file or folder")
    if jobs is None:
        jobs = default_jobs(files)
    results = _check_files(files, checks, glossary, include_fuzzy, jobs)
    report = Report(files=len(files))
    for path, (findings, fixes) in zip(files, results, strict=True):
        if fix and fixes:
            text = path.read_text(encoding="utf-8")
            write_atomic(path, patch_msgstrs(text, fixes))
            report.fixed_entries += len(fixes)
            report.fixed_files.append(path.as_posix())
            # Report what is left after fixing, as a second run would.
            findings, _ = check_po(
                path, read_po(path), checks, glossary, include_fuzzy=include_fuzzy
            )
        report.findings += findings
    return report
