"""``l10n glossary``: show, import and export the glossary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from l10n.cli.common import (
    handle_errors,
    load_glossary_option,
    parse_langs,
    project,
    shown,
)
from l10n.errors import L10nError


@click.group()
def glossary() -> None:
    """Show, import or export the glossary: names and their fixed forms.

    \b
    The glossary folder (glossary/, or `glossary` in l10n.toml) holds *.toml
    files, one table per term, named by its English form:
      ["Sudzha"]
      variants = ["Sudža"]          # other English spellings
      note = "Town in Kursk region" # for translators
      uk = "Суджа"                  # canonical form, one per project language
      de = "Sudscha"
      accepted.uk = ["..."]         # other forms or lemmas that also count
      forbidden.uk = ["Судзха"]     # must not appear, in any inflection
      dnt = true                    # do not translate: stays in English
    It may also hold *.tsv/*.csv tables (a header row naming the columns, or
    DeepL glossaries of one pair: en-de.csv) and *.tbx termbases (TBX-Basic).

    \b
    Matching: uk and ru forms count in any inflection (pymorphy3), sq forms
    through an ending table, other languages as written or as listed in
    accepted.  The full description is in docs/glossary.md.
    """


def _load_project_glossary(glossary_path: str | None) -> Any:
    return load_glossary_option(glossary_path, explicit=True)


def _glossary_and_languages(glossary_path: str | None) -> tuple[Path, list[str] | None]:
    """The glossary folder and the project's languages: --glossary, else l10n.toml's,
    else glossary/ and the languages its files give."""
    config = project()
    folder = Path(glossary_path) if glossary_path else shown(config.glossary)
    return folder, list(config.languages) if config.path is not None else None


glossary_folder_option = click.option(
    "--glossary",
    "glossary_path",
    default=None,
    help="Glossary folder or file [default: the project's, glossary/].",
)


@glossary.command("list")
@glossary_folder_option
@click.option("--lang", default=None, help="Only this language's forms.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def glossary_list(glossary_path: str | None, lang: str | None, as_json: bool) -> None:
    """List the glossary's terms and their forms, and how each language matches."""
    gloss = _load_project_glossary(glossary_path)
    langs = parse_langs(lang, option="--lang") if lang else list(gloss.languages)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "en": t.en,
                        "en_variants": list(t.en_variants),
                        "do_not_translate": t.dnt,
                        "note": t.note,
                        "forms": {
                            code: {
                                "canonical": f.canonical,
                                "accepted": list(f.accepted),
                                "forbidden": list(f.forbidden),
                            }
                            for code, f in t.forms.items()
                            if code in langs
                        },
                    }
                    for t in gloss.terms
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo("Matching:")
    for code, how in gloss.matching().items():
        if code in langs:
            click.echo(f"  {code}: {how}")
    click.echo("")
    for t in gloss.terms:
        variants = f" ({', '.join(t.en_variants)})" if t.en_variants else ""
        if t.dnt:
            click.echo(f"{t.en}{variants}: do not translate")
            continue
        forms = "; ".join(f"{code}: {t.forms[code].canonical}" for code in langs if code in t.forms)
        click.echo(f"{t.en}{variants}: {forms}")


@glossary.command("export")
@click.option(
    "--tbx",
    "tbx",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write TBX-Basic, for Weblate, OmegaT or memoQ.",
)
@click.option(
    "--tsv",
    "tsv",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a DeepL glossary (TSV) of one pair: en and --to.",
)
@click.option("--to", "to", default=None, help="With --tsv: the target language.")
@glossary_folder_option
@handle_errors
def glossary_export(
    tbx: Path | None, tsv: Path | None, to: str | None, glossary_path: str | None
) -> None:
    """Write the glossary as TBX-Basic (--tbx) or as a DeepL glossary (--tsv FILE --to LANG).

    The DeepL glossary maps every English form (variants too) to the canonical
    form; a do-not-translate name maps to itself.  Name it like en-de.tsv and
    l10n reads it back.
    """
    from l10n.glossary import export_deepl_tsv, export_tbx

    if tbx is None and tsv is None:
        raise click.UsageError("name a file: --tbx FILE or --tsv FILE --to LANG")
    if tsv is not None and to is None:
        raise click.UsageError("--tsv needs --to LANG, the target language")
    if tsv is None and to is not None:
        raise click.UsageError("--to goes with --tsv")
    gloss = _load_project_glossary(glossary_path)
    if tbx is not None:
        export_tbx(gloss, tbx)
        click.echo(f"{tbx}: {len(gloss.terms)} terms")
    if tsv is not None:
        lang = gloss.language_of(parse_langs(to)[0])
        if lang is None:
            raise L10nError(
                f"the glossary has no language {to!r}",
                hint=f"glossary languages: {', '.join(gloss.languages)}",
            )
        from l10n.glossary.tables import pair_file_name

        rows = export_deepl_tsv(gloss, lang, tsv)
        click.echo(f"{tsv}: {rows} entries, en -> {lang}")
        if not pair_file_name(tsv, lang):
            click.echo(f"Note: name it like en-{lang}.tsv for l10n to read it back.", err=True)


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "to",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The TOML file to write [default: GLOSSARY/<FILE's name>.toml].",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Where an imported term differs from the glossary's, take the imported forms.",
)
@glossary_folder_option
@handle_errors
def glossary_import(file: Path, to: Path | None, replace: bool, glossary_path: str | None) -> None:
    """Convert a termbase (TBX, CSV, TSV) into a TOML file of the glossary.

    Only the project's languages are kept.  A term the glossary already has
    is skipped when the import adds nothing to it, and otherwise refused
    (exit 2) unless --replace, which rewrites it where it is defined.
    Nothing is written unless the glossary loads afterwards.
    """
    from l10n.glossary import import_glossary

    folder, langs = _glossary_and_languages(glossary_path)
    result = import_glossary(file, folder, langs, to=to, replace=replace)
    if result.added:
        click.echo(f"{result.target}: {len(result.added)} terms imported from {file}")
    for path in result.rewritten:
        names = [t.en for t in result.updated if t.source.rpartition(":")[0] == str(path)]
        click.echo(f"{path}: {len(names)} terms updated ({', '.join(names)})")
    if result.unchanged:
        click.echo(f"{len(result.unchanged)} terms already in the glossary")
    if not result.added and not result.updated:
        click.echo("Nothing new to import.")
