"""``l10n build``: the reviewed articles, in every language."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from l10n.cli.common import (
    document_options,
    handle_errors,
    locales_option,
    parse_langs,
    project,
    shown,
)


@click.command()
@click.option("--to", "to", default=None, help="Languages to build [default: every PO file].")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write [default: l10n.toml's build folder, or build/].",
)
@locales_option
@click.option("--include-fuzzy", is_flag=True, help="Use fuzzy (unreviewed) translations too.")
@handle_errors
def build(to: str | None, out: Path | None, locales: Path | None, include_fuzzy: bool) -> None:
    """Rebuild each article in each language from reviewed translations.

    Writes OUT/LANG/DOC.txt and the compiled OUT/LANG/DOC.mo.  Sentences with no
    reviewed translation stay in English; they are counted on stderr and the
    exit status is 1.
    """
    from l10n.build import build_all

    config = project()
    results = build_all(
        parse_langs(to) or None,
        locales=locales or shown(config.locales),
        out=out or shown(config.build),
        include_fuzzy=include_fuzzy,
        root=config.root,
        options=document_options(config),
    )
    left = 0
    for r in results:
        click.echo(f"{r.output}: {r.translated}/{r.segments} sentences translated")
        if r.left_in_english:
            click.echo(f"{r.output}: {r.left_in_english} sentences left in English", err=True)
            left += r.left_in_english
    sys.exit(1 if left else 0)
