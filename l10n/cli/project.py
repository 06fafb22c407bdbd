"""``l10n init``: a new project."""

from __future__ import annotations

from pathlib import Path

import click

from l10n.cli.common import (
    handle_errors,
    parse_langs,
)


@click.command()
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path))
@click.option(
    "--languages",
    "langs",
    default="sq,uk,ru",
    show_default=True,
    help="Target languages, comma-separated ISO 639-1 codes.",
)
@click.option("--source-language", default="en", show_default=True, help="The articles' language.")
@handle_errors
def init(directory: Path, langs: str, source_language: str) -> None:
    """Start a project in DIRECTORY (default: here): l10n.toml, source/,
    locales/, a documented glossary and a .gitignore.  Never overwrites a file."""
    from l10n.project import create_project

    created, next_steps = create_project(
        directory,
        parse_langs(langs, option="--languages"),
        source_language=parse_langs(source_language, option="--source-language")[0],
    )
    for path in (*created.folders, *created.files):
        click.echo(f"created {path}")
    click.echo(next_steps)
