"""The ``l10n`` command line: parse arguments, call the library, format results.

Each command group lives in a module of its own and is added here, by name:
the list below is the whole command line.  What they share (errors as exit 2,
the project's configuration, language lists) is in :mod:`l10n.cli.common`.
"""

from __future__ import annotations

import os
import sys

import click

from l10n import __version__
from l10n.cli import build, check, glossary, memory, models, project, translate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="l10n")
def cli() -> None:
    """Offline translation pipeline for news articles.

    Segment an English article, pre-translate it with Argos Translate, enforce
    the glossary's name forms, review the PO files in Poedit, check them in CI
    and rebuild the article in every language.

    Settings come from the nearest l10n.toml (see `l10n init`); options on
    the command line win.

    \b
    Typical run:
      l10n init --languages sq,uk,ru
      l10n translate
      l10n status
      l10n check
      l10n build
    """


for command in (
    project.init,
    translate.segment,
    translate.translate,
    models.models,
    check.status,
    check.check,
    build.build,
    glossary.glossary,
    memory.memory,
):
    cli.add_command(command)


def main() -> None:
    try:
        cli(prog_name="l10n")
    except Exception as exc:  # a bug: say so plainly, keep the traceback for debugging
        if os.environ.get("L10N_DEBUG"):
            raise
        click.echo(
            f"l10n: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in l10n; run again with L10N_DEBUG=1 for details.",
            err=True,
        )
        sys.exit(3)
