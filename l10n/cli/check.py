"""``l10n status`` and ``l10n check``: where the review stands, and the CI gate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from l10n.cli.common import (
    handle_errors,
    load_glossary_option,
    project,
    shown,
)
from l10n.errors import L10nError


@click.command()
@click.argument("directory", required=False, default=None, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def status(directory: Path | None, as_json: bool) -> None:
    """Per PO file in DIRECTORY (default: the project's locales): segments,
    reviewed, machine-translated (fuzzy), of which low-confidence (below
    l10n.toml's [translate] low-confidence, default 0.5), untranslated."""
    from l10n.catalog import po_files
    from l10n.catalog import status as po_status
    from l10n.po import read_po

    config = project()
    directory = directory or shown(config.locales)
    if not directory.exists():
        raise L10nError(f"{directory}: no such folder", hint="run `l10n translate` first")
    rows = [
        po_status(read_po(p), p, low_confidence=config.low_confidence)
        for p in po_files([directory])
    ]
    if as_json:
        click.echo(
            json.dumps(
                [dict(r.__dict__, percent_reviewed=round(r.percent_reviewed, 1)) for r in rows],
                indent=2,
            )
        )
        return
    if not rows:
        click.echo(f"No PO files in {directory}.")
        return
    click.echo(
        f"{'file':<28} {'lang':<5} {'segments':>8} {'reviewed':>13} {'fuzzy':>6} "
        f"{'low conf.':>9} {'untransl.':>9}"
    )
    for r in rows:
        click.echo(
            f"{r.path:<28} {r.lang:<5} {r.total:>8} "
            f"{r.reviewed:>6} ({r.percent_reviewed:>3.0f}%) {r.fuzzy:>6} "
            f"{r.low_confidence:>9} {r.untranslated:>9}"
        )


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--glossary", "glossary_path", default=None, help="Glossary folder or file.")
@click.option(
    "--require-glossary",
    is_flag=True,
    help="Fail (exit 2) when there is no glossary, instead of a warning.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
)
@click.option("--fix", is_flag=True, help="Repair what can be repaired, in place; marks it fuzzy.")
@click.option("--select", multiple=True, metavar="NAME", help="Run only these checks (repeatable).")
@click.option("--disable", multiple=True, metavar="NAME", help="Skip a check (repeatable).")
@click.option("--include-fuzzy", is_flag=True, help="Check fuzzy (unreviewed) entries too.")
@click.option("--list", "list_checks", is_flag=True, help="Explain every check and exit.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to check with [default: one per core for 1 MB of PO files or more].",
)
@handle_errors
def check(
    paths: tuple[Path, ...],
    glossary_path: str | None,
    require_glossary: bool,
    fmt: str,
    fix: bool,
    select: tuple[str, ...],
    disable: tuple[str, ...],
    include_fuzzy: bool,
    list_checks: bool,
    jobs: int | None,
) -> None:
    """Check PO files (default: the project's locales) against the glossary and
    the QA checks.

    Exit 0 when clean, 1 when an error-level check failed, 2 on bad input.
    Spelling is a warning unless l10n.toml says `[check] spelling = "error"`.
    Switch a check off for one entry with the flag `ignore-NAME` (Poedit keeps it).
    """
    from l10n.qa.checks.spelling import read_word_list
    from l10n.qa.output import format_github, format_json, format_text
    from l10n.qa.registry import all_checks
    from l10n.qa.runner import check_paths, with_severity

    config = project()
    severity = {"spelling": config.spelling_severity}
    if list_checks:
        for c in with_severity(sorted(all_checks().values(), key=lambda c: c.name), severity):
            click.echo(f"{c.name} ({c.severity.value})\n    {c.summary}")
        return
    glossary = load_glossary_option(glossary_path, explicit=glossary_path is not None)
    if glossary is None:
        where = glossary_path if glossary_path is not None else shown(config.glossary)
        if require_glossary:
            raise L10nError(
                f"no glossary ({where or 'none given'}): the glossary gate cannot run",
                hint="add glossary files, or point --glossary at them",
            )
        click.echo(
            f"Warning: no glossary ({where or 'none given'}): the glossary gate is off.", err=True
        )
    report = check_paths(
        paths or [shown(config.locales)],
        glossary=glossary,
        disable=_names(disable),
        select=_names(select),
        fix=fix,
        include_fuzzy=include_fuzzy,
        jobs=jobs,
        words=read_word_list(glossary_path or shown(config.glossary)),
        severity=severity,
    )
    for note in report.notes:
        click.echo(f"Warning: {note}.", err=True)
    if fmt == "json":
        click.echo(format_json(report.findings))
    elif fmt == "github":
        if report.findings:
            click.echo(format_github(report.findings))
    else:
        click.echo(format_text(report.findings, report.files))
    if fix and report.fixed_entries:
        click.echo(
            f"Fixed {report.fixed_entries} entries in {len(report.fixed_files)} file(s); "
            "they are marked fuzzy for review.",
            err=True,
        )
    _leave(1 if report.errors else 0)


def _leave(code: int) -> NoReturn:
    """Exit with ``code``; where ``l10n check`` is the whole process (the
    ``l10n`` command or ``python -m l10n``, its output the process's own, not
    a script's or click's test runner's), without tearing the interpreter
    down.  Freeing a large run's objects one at a time (parsed entries, word
    forms, compiled names) took a tenth of a check of 10,000 entries.  The
    exit handlers (the cache files) run first, as at any exit."""
    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    whole = program.stem == "l10n" or program.parent.name == "l10n"
    if not whole or sys.stdout is not sys.__stdout__ or sys.stderr is not sys.__stderr__:
        sys.exit(code)
    import atexit
    import os

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe (`l10n check | head`): leave as Python would
        sys.exit(code)
    os._exit(code)


def _names(values: tuple[str, ...]) -> list[str]:
    """Check names given as repeated options and/or comma-separated."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]
