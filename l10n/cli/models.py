"""``l10n models``: list and install machine translation models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from l10n.cli.common import (
    handle_errors,
    parse_langs,
    project,
)
from l10n.errors import L10nError


@click.group()
def models() -> None:
    """List and install Argos Translate models."""


@models.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def models_list(as_json: bool) -> None:
    """Show the installed Argos Translate packages and the engines l10n.toml
    configures ([engines.LANG]: kind, model, device)."""
    from l10n.machine import configured_engines
    from l10n.models import list_packages, packages_dir

    packages = list_packages()
    engines = configured_engines(project())
    if as_json:
        listed: list[dict[str, Any]] = [
            {
                "name": p.name,
                "from": p.from_code,
                "to": p.to_code,
                "version": p.version,
                "path": str(p.path),
                "kind": "argos",
            }
            for p in packages
        ]
        click.echo(json.dumps(listed + [{**e, "configured": True} for e in engines], indent=2))
        return
    if not packages:
        click.echo(f"No packages installed in {packages_dir()}.", err=True)
        click.echo("Install one with `l10n models install LANG`.", err=True)
    for p in packages:
        click.echo(f"{p.from_code}->{p.to_code}\t{p.version}\t{p.name}\t{p.path}")
    for e in engines:
        found = "" if e["found"] == "yes" else f" ({e['found']})"
        click.echo(
            f"{e['from']}->{e['to']}\t{e['kind']}\t{e['model'] or 'installed package'}{found}\t"
            f"device {e['device']} ({e['decodes_on']})\tl10n.toml [engines.{e['to']}]"
        )


@models.command("install")
@click.argument("langs", nargs=-1, required=True)
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Install from a local .argosmodel file instead of the package index.",
)
@click.option("--from", "from_lang", default="en", show_default=True)
@handle_errors
def models_install(langs: tuple[str, ...], files: tuple[Path, ...], from_lang: str) -> None:
    """Install models translating into LANGS (from the Argos index, or --file)."""
    from l10n.models import install_file, install_from_index

    wanted = parse_langs(",".join(langs), option="LANGS")
    if files:
        if len(files) != len(wanted):
            raise L10nError(
                f"{len(wanted)} language(s) but {len(files)} --file(s)",
                hint="give one --file per language, in the same order",
            )
        for lang, file in zip(wanted, files, strict=True):
            info = install_file(file, expect_to=lang)
            click.echo(f"Installed {info.label} ({info.from_code}->{info.to_code}) in {info.path}")
        return
    for lang in wanted:
        info = install_from_index(
            lang, from_lang, warn=lambda m: click.echo(f"Warning: {m}", err=True)
        )
        click.echo(f"Installed {info.label} ({info.from_code}->{info.to_code}) in {info.path}")
