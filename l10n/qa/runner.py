"""The check runner: the checks over PO files, as findings and fixes.

The runner adds where an entry is (file, line, language) to what the checks
find and turns their problems into :class:`Finding` records, which
:mod:`l10n.qa.output` prints as text, JSON or GitHub annotations.

A check can be switched off for a run (``disable=``) or for one entry with the
flag ``ignore-<name>`` (Weblate's convention; Poedit keeps unknown flags when
it saves).  A translation of whitespace alone goes to the ``blank`` check
only: the others would each report the missing text again.
:func:`fix_msgstr` applies fixes until none is left, so a check never has to
fix several problems at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from os.path import commonpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n import catalog, languages
from l10n.catalog import po_files, po_language
from l10n.errors import L10nError
from l10n.files import ConcurrentEditError, WriteSet, folder_lock, recover, snapshot
from l10n.po import patch_po_bytes, read_po
from l10n.qa import parallel
from l10n.qa.base import Check, CheckContext, Problem, Severity, Unit
from l10n.qa.checks.blank import NAME as BLANK
from l10n.qa.registry import all_checks, select_checks

if TYPE_CHECKING:
    from l10n.glossary import Glossary


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
    if unit.msgstr.isspace():
        checks = [check for check in checks if check.name == BLANK]
    skip = ignored_checks(unit.flags) if unit.flags else None
    for check in checks:
        if skip and check.name in skip:
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


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    fixed_entries: int = 0
    fixed_files: list[str] = field(default_factory=list)
    # Checks that could not run here, and why (say, no dictionary installed).
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == Severity.ERROR.value for f in self.findings)


def _finding(path: Path, lang: str, unit: Unit, check: Check, problem: Problem) -> Finding:
    return Finding(
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


def check_po(
    path: Path,
    po: Any,
    checks: Sequence[Check],
    glossary: Glossary | None,
    *,
    include_fuzzy: bool = False,
    part: tuple[int, int] = (0, 1),
    words: frozenset[str] = frozenset(),
) -> tuple[list[Finding], dict[str, str]]:
    """Findings in one parsed PO file, and the fixed msgstr of each fixable entry.

    Fuzzy entries are drafts waiting for review (msgfmt leaves them out of
    the compiled catalog too), so like pofilter we check them only on request.
    ``part`` = (k, n) checks only the k-th of n equal runs of entries (the
    checks still see the whole file), so that processes can share one file.
    ``words`` is the project's word list (see :class:`CheckContext`).
    """
    lang = po_language(po, path)
    code = (po.metadata.get("Language") or "").strip() or path.parent.name
    units = [
        Unit(e.msgid, e.msgstr, tuple(e.flags), e.linenum or 0)
        for e in po
        if not e.obsolete
        and e.msgid
        and e.msgstr
        and not e.msgid_plural
        and (include_fuzzy or "fuzzy" not in e.flags)
    ]
    ctx = CheckContext(
        lang=lang, glossary=glossary, units=units, words=words, script=languages.script(code)
    )
    findings: list[Finding] = []
    fixes: dict[str, str] = {}
    k, n = part
    plain = [(check, check.func) for check in checks]
    for unit in units[k * len(units) // n : (k + 1) * len(units) // n]:
        fixable = False
        if unit.flags or unit.msgstr.isspace():
            found = list(run_checks(unit, ctx, checks))
        else:  # what run_checks does, less its cases (the usual entry, in one loop)
            found = [(check, problem) for check, func in plain for problem in func(unit, ctx)]
        for check, problem in found:
            fixable = fixable or problem.fixed is not None
            findings.append(_finding(path, lang, unit, check, problem))
        if fixable:
            fixed = fix_msgstr(unit, ctx, checks)
            if fixed != unit.msgstr:
                fixes[unit.msgid] = fixed
    return findings, fixes


def _check_part(
    path: Path,
    part: tuple[int, int],
    parsed: dict[Path, Any],
    *,
    checks: Sequence[Check],
    glossary: Glossary | None,
    include_fuzzy: bool,
    words: frozenset[str],
) -> tuple[list[Finding], dict[str, str]]:
    """What a worker process does with one part of one file."""
    if path not in parsed:
        parsed.clear()  # parts of one file come one after the other
        parsed[path] = read_po(path)
    po = parsed[path]
    return check_po(path, po, checks, glossary, include_fuzzy=include_fuzzy, part=part, words=words)


def _check_files(
    files: list[Path],
    checks: list[Check],
    glossary: Glossary | None,
    include_fuzzy: bool,
    jobs: int,
    words: frozenset[str],
) -> list[tuple[list[Finding], dict[str, str]]]:
    """(findings, fixes) per file, in order; the first bad file (in order) raises."""
    items, jobs = parallel.plan(files, jobs)
    if jobs <= 1:
        # Every file is parsed before any is checked: a broken one stops the
        # run before any work is spent.
        parsed = [read_po(path) for path in files]
        return [
            check_po(path, po, checks, glossary, include_fuzzy=include_fuzzy, words=words)
            for path, po in zip(files, parsed, strict=True)
        ]
    check_part = partial(
        _check_part, checks=checks, glossary=glossary, include_fuzzy=include_fuzzy, words=words
    )
    ordered = []
    for parts in parallel.run_parts(files, items, jobs, check_part):
        findings: list[Finding] = []
        fixes: dict[str, str] = {}
        for result in parts:
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
    words: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
) -> Report:
    """Check PO files (or folders of them); with ``fix``, repair what can be repaired.

    Every file is parsed before anything is reported or written: a file that
    does not parse stops the run with its file:line (exit 2), untouched.
    ``jobs`` processes share the work (default: :func:`parallel.default_jobs`).
    ``words`` is the project's word list, for the spelling check.  A check
    that cannot run in this installation is left out, with a note saying why.
    ``severity`` overrides checks' severities by name (l10n.toml's ``[check]
    spelling = "error"``).
    """
    checks = with_severity(select_checks(disable, select), severity or {})
    notes = [note for c in checks if c.unavailable is not None and (note := c.unavailable())]
    word_list = frozenset(words)
    files = po_files(paths)
    for p in map(Path, paths):
        if not p.exists():
            raise L10nError(f"{p}: no such file or folder")
    if jobs is None:
        jobs = parallel.default_jobs(files)
    run = partial(_check_files, files, checks, glossary, include_fuzzy, jobs, word_list)
    if not fix:
        report = Report(files=len(files), notes=notes)
        for findings, _ in run():
            report.findings += findings
        return report
    report = _check_and_fix(
        files, run, partial(_recheck, checks, glossary, include_fuzzy, word_list)
    )
    report.notes = notes
    return report


def with_severity(checks: Sequence[Check], severity: Mapping[str, str]) -> list[Check]:
    """``checks`` with the severities ``severity`` gives by check name."""
    known = all_checks()
    for name, value in severity.items():
        if name not in known:
            raise L10nError(
                f"unknown check: {name}",
                hint=f"known checks: {', '.join(sorted(known))} (see `l10n check --list`)",
            )
        if value not in set(Severity):
            raise L10nError(
                f"{name}: unknown severity {value!r}",
                hint=f"severities: {', '.join(Severity)}",
            )
    return [
        replace(c, severity=Severity(severity[c.name])) if c.name in severity else c for c in checks
    ]


# A reviewer's save between the check and the fix costs one more check; saves
# that keep landing every time end the run with nothing written.
FIX_ATTEMPTS = 5


def _check_and_fix(
    files: list[Path],
    run: Callable[[], list[tuple[list[Finding], dict[str, str]]]],
    recheck: Callable[[Path], list[Finding]],
) -> Report:
    """Check, then write every fix at once, each file only if nobody saved it
    since it was read: a fix computed from the old text must never overwrite
    a reviewer's new one.  On such a save, check the new text again."""
    roots = sorted({catalog.locales_root(path) for path in files})
    with ExitStack() as stack:
        for root in roots:  # in one order, so two runs cannot hold one each
            stack.enter_context(folder_lock(root))
            recover(root)
        for attempt in range(1, FIX_ATTEMPTS + 1):
            versions = {path: snapshot(path) for path in files}
            results = run()
            writes = WriteSet(roots[0] if len(roots) == 1 else Path(commonpath(roots)))
            fixed = {}
            for path, (_, fixes) in zip(files, results, strict=True):
                if fixes:
                    data = patch_po_bytes(path.read_bytes(), fixes, str(path))
                    writes.add(path, data, expect=versions[path])
                    fixed[path] = len(fixes)
            try:
                writes.commit()
                break
            except ConcurrentEditError as exc:
                if attempt == FIX_ATTEMPTS:
                    raise L10nError(
                        f"{', '.join(map(str, exc.paths))}: saved by someone else "
                        f"{FIX_ATTEMPTS} times while the fixes were made; nothing was written",
                        hint="run `l10n check --fix` again when the files are not being edited",
                    ) from None
    report = Report(files=len(files))
    for path, (findings, _) in zip(files, results, strict=True):
        if path in fixed:
            report.fixed_entries += fixed[path]
            report.fixed_files.append(path.as_posix())
            # Report what is left after fixing, as a second run would.
            findings = recheck(path)
        report.findings += findings
    return report


def _recheck(
    checks: Sequence[Check],
    glossary: Glossary | None,
    include_fuzzy: bool,
    words: frozenset[str],
    path: Path,
) -> list[Finding]:
    po = read_po(path)
    findings, _ = check_po(path, po, checks, glossary, include_fuzzy=include_fuzzy, words=words)
    return findings
