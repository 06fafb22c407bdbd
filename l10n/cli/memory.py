"""``l10n memory``: the project's translation memory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from l10n.cli.common import (
    handle_errors,
    locales_option,
    parse_langs,
    project,
    shown,
)


@click.group()
def memory() -> None:
    """The project's translation memory: reviewed translations of every PO file.

    \b
    `l10n translate` takes a new sentence's translation from it: the same
    sentence's, else a similar one's (fuzzy-threshold % or more) as a fuzzy
    starting point, else the machine's, noting the best match as a hint.
    It lives in .l10n/memory.sqlite (git-ignored): a cache of the PO files
    that is updated as they change and rebuilt from them at any time.
    \b
    [memory] in l10n.toml:
      fuzzy-threshold = 75   # percent similarity for a fuzzy starting point
      prefer = "memory"      # or "machine": which wins above the threshold
    """


def _open_memory(locales: Path | None) -> tuple[Any, Any, Path]:
    from l10n.memory import TranslationMemory, memory_path

    config = project()
    path = memory_path(config.root)
    return TranslationMemory.open(path, locales or shown(config.locales)), config, path


@memory.command("stats")
@locales_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def memory_stats(locales: Path | None, as_json: bool) -> None:
    """Per language: PO files, reviewed sentences, and sentences of imported memories."""
    from l10n.memory import stats

    tm, _, path = _open_memory(locales)
    with tm:
        rows = stats(tm)
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in rows], indent=2))
        return
    click.echo(f"{shown(path)}: {path.stat().st_size:,} bytes")
    click.echo(f"{'lang':<5} {'files':>6} {'sentences':>10} {'imported':>9}")
    for r in rows:
        click.echo(f"{r.lang:<5} {r.files:>6} {r.segments:>10} {r.imported:>9}")


@memory.command("rebuild")
@locales_option
@handle_errors
def memory_rebuild(locales: Path | None) -> None:
    """Rebuild the memory from the PO files and the imported TMX files
    (a corrupt or outdated database is replaced)."""
    from l10n.memory import rebuild, stats

    config = project()
    from l10n.memory import memory_path

    path = memory_path(config.root)
    with rebuild(path, locales or shown(config.locales), config.source_language) as tm:
        rows = stats(tm)
    total = sum(r.segments for r in rows)
    click.echo(f"{shown(path)}: rebuilt, {total} reviewed sentences in {len(rows)} language(s)")


@memory.command("export")
@click.option(
    "--tmx",
    "tmx",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The TMX 1.4b file to write.",
)
@click.option("--to", "to", default=None, help="Only these languages [default: all].")
@locales_option
@handle_errors
def memory_export(tmx: Path, to: str | None, locales: Path | None) -> None:
    """Write the project's own memory as TMX 1.4b (OmegaT, memoQ, Trados, Weblate):
    one unit per sentence and language, the source sentence and its reviewed translation."""
    from l10n.memory import export_file

    tm, config, _ = _open_memory(locales)
    with tm:
        count = export_file(tm, tmx, parse_langs(to) or None, config.source_language)
    click.echo(f"{tmx}: {count} translation units")


@memory.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@locales_option
@handle_errors
def memory_import(file: Path, locales: Path | None) -> None:
    """Add a TMX file as an external memory, named by its file name in notes.

    Kept apart from the project's own: an exact match in the project's PO
    files wins.  Importing a file of the same name again replaces it.  A copy
    is kept in .l10n/tmx/ so that `l10n memory rebuild` restores it.
    """
    from l10n.memory import import_file

    tm, config, path = _open_memory(locales)
    with tm:
        count = import_file(tm, file, path, config.source_language)
    click.echo(f"{file}: {count} sentence pairs imported as {file.name}")
