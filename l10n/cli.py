"""The ``l10n`` command line: parse arguments, call the library, format results.

Exit status: 0 all well, 1 findings (check violations, English left in a
build), 2 bad input or usage.  Errors go to stderr as one message with a
hint; no traceback reaches the user.  Library modules are imported inside the
commands so that ``l10n --help`` starts at once.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import click

from l10n import __version__
from l10n.errors import L10nError

F = TypeVar("F", bound=Callable[..., Any])

LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def fail(message: str, hint: str | None = None) -> None:
    click.secho(f"Error: {message}", fg="red", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)
    sys.exit(2)


def handle_errors(func: F) -> F:
    """Bad input becomes a message and exit 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except L10nError as exc:
            fail(exc.message, exc.hint)
        except KeyboardInterrupt:
            click.echo("Interrupted; files are as they were before this run.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def parse_langs(value: str | None, *, option: str = "--to") -> list[str]:
    if value is None:
        return []
    langs = [part.strip().lower() for part in value.split(",") if part.strip()]
    if not langs:
        raise click.BadParameter("name at least one language, e.g. sq,uk,ru", param_hint=option)
    from l10n import languages

    for lang in langs:
        if not LANG_CODE.match(lang) or not languages.is_known(lang):
            raise click.BadParameter(
                f"unknown language code {lang!r}: use ISO 639-1 codes such as sq, uk, ru",
                param_hint=option,
            )
    return list(dict.fromkeys(langs))


def project() -> Any:
    """The project's configuration: the nearest l10n.toml, or the defaults."""
    from l10n.config import project_config

    return project_config()


def shown(path: Path) -> Path:
    """A project path as the user would type it from here: relative to the
    working directory (``locales``, or ``../locales`` from a subfolder)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def load_glossary_option(path: str | None, *, explicit: bool) -> Any:
    """The glossary (--glossary, else the project's), or None when the default
    folder does not exist or '' was given.  In a project with an l10n.toml, a
    term must give a form for each of its languages."""
    if path == "":
        return None
    from l10n.glossary import load_glossary

    config = project()
    target = Path(path) if path else shown(config.glossary)
    if not target.exists():
        if explicit:
            raise L10nError(f"{target}: no such glossary file or folder")
        return None
    return load_glossary(target, list(config.languages) if config.path is not None else None)


locales_option = click.option(
    "--locales",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the POT and PO files [default: l10n.toml's, or locales/].",
)


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


@cli.command()
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


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@handle_errors
def segment(file: Path) -> None:
    """Print the sentences of FILE, one per line (as msgids: Markdown and HTML
    inline markup as numbered placeholders)."""
    from l10n.documents import read_document

    for seg in read_document(file, document_options(project())).segments:
        click.echo(seg.text)


def document_options(config: Any) -> Any:
    """What l10n.toml's [documents] says, for reading sources."""
    from l10n.documents import DocumentOptions

    return DocumentOptions(html_selector=config.html_selector, front_matter=config.front_matter)


class Progress:
    """A progress bar on stderr per language, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.bar: Any = None
        self.lang: str | None = None

    def __call__(self, lang: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if lang != self.lang:
            self.close()
            self.lang = lang
            self.bar = click.progressbar(
                length=total, label=f"Translating into {lang}", file=sys.stderr
            )
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--to", "to", default=None, help="Target languages, comma-separated [default: l10n.toml's]."
)
@locales_option
@click.option(
    "--glossary",
    "glossary_path",
    default=None,
    help="Glossary folder or file [default: glossary/ if it exists; '' for none].",
)
@click.option("--beam", default=None, type=click.IntRange(1, 16), help="Beam size [default: 4].")
@click.option(
    "--from",
    "from_lang",
    default=None,
    help="Source language; given, it skips the check that the article is English.",
)
@click.option(
    "--batch-size",
    default=16,
    show_default=True,
    type=click.IntRange(1, 1024),
    help="Sentences per decoding batch.",
)
@click.option(
    "--cluster",
    "cluster_address",
    default=None,
    metavar="ADDRESS",
    help="Decode on a Dask cluster: a scheduler (tcp://HOST:8786) or local:N worker "
    "processes [default: l10n.toml's [cluster] address, else in this process].",
)
@handle_errors
def translate(
    files: tuple[Path, ...],
    to: str | None,
    locales: Path | None,
    glossary_path: str | None,
    beam: int | None,
    from_lang: str | None,
    batch_size: int,
    cluster_address: str | None,
) -> None:
    """Segment FILES (default: l10n.toml's sources) and write or update their
    POT and one PO per language.

    Reviewed entries are kept as they are; new sentences come from translation
    memory (reviewed PO files under --locales) or else from the machine, marked
    fuzzy for review.  Files are written only when the whole run succeeded, all
    at once; a reviewer's save during the run is kept.
    """
    from l10n.engines import DecodeOptions
    from l10n.pipeline import translate_documents

    config = project()
    sources = list(files) or [shown(p) for p in config.source_files()]
    if not sources:
        raise L10nError(
            f"no article to translate: {', '.join(config.sources)} match no file "
            f"under {shown(config.root)}",
            hint="name the articles (l10n translate FILE...) or set [project] sources in l10n.toml",
        )
    langs = parse_langs(to) if to is not None else list(config.languages)
    source_lang = (
        parse_langs(from_lang, option="--from")[0] if from_lang else config.source_language
    )
    glossary = load_glossary_option(glossary_path, explicit=glossary_path is not None)
    progress = Progress()
    options = DecodeOptions(batch_size=batch_size)
    try:
        with ExitStack() as stack:
            factory = engine_factory(stack, cluster_address or config.cluster_address, options)
            docs = translate_documents(
                sources,
                langs,
                locales=locales or shown(config.locales),
                glossary=glossary,
                beam_size=beam or config.beam,
                from_lang=source_lang,
                detect_language=from_lang is None,
                engine_factory=factory,
                progress=progress,
                root=config.root,
                documents=document_options(config),
                memory=memory_settings(config),
            )
    finally:
        progress.close()
    for doc in docs:
        state = "written" if doc.template_written else "unchanged"
        click.echo(f"{doc.template_path}: {len(doc.template)} segments ({state})")
        for r in doc.languages:
            parts = [f"{r.kept} kept"]
            if r.fuzzy_matched:
                parts.append(f"{r.fuzzy_matched} changed in the source (fuzzy)")
            if r.from_memory:
                parts.append(f"{r.from_memory} from translation memory")
            if r.fuzzy_from_memory:
                parts.append(f"{r.fuzzy_from_memory} similar in translation memory (fuzzy)")
            if r.machine:
                parts.append(f"{r.machine} machine-translated (fuzzy)")
            if r.obsoleted:
                parts.append(f"{r.obsoleted} obsolete")
            if r.fixed_terms:
                parts.append(f"{r.fixed_terms} names set to their glossary form")
            if r.missing_terms:
                parts.append(f"{r.missing_terms} glossary terms not found")
            state = "written" if r.written else "unchanged"
            click.echo(f"  {r.path}: {', '.join(parts)} ({state})")


def engine_factory(stack: ExitStack, cluster_address: str | None, options: Any) -> Any:
    """In-process engines, or with a cluster address, engines decoding on its
    workers (the cluster is stopped or left when ``stack`` closes)."""
    from l10n.pipeline import argos_engine_factory

    if not cluster_address:
        return argos_engine_factory(options)
    from l10n.cluster import argos_specs, cluster_engine_factory, connect

    connection = stack.enter_context(connect(cluster_address))
    return cluster_engine_factory(connection, argos_specs(options))


def memory_settings(config: Any) -> Any:
    """How translate uses the project's translation memory ([memory] in l10n.toml)."""
    from l10n.memory import Settings, memory_path

    return Settings(
        path=memory_path(config.root),
        threshold=config.memory_threshold,
        prefer=config.memory_prefer,
        warn=lambda message: click.echo(f"Warning: {message}", err=True),
    )


@cli.group()
def models() -> None:
    """List and install Argos Translate models."""


@models.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def models_list(as_json: bool) -> None:
    """Show the installed Argos Translate packages."""
    from l10n.models import list_packages, packages_dir

    packages = list_packages()
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "name": p.name,
                        "from": p.from_code,
                        "to": p.to_code,
                        "version": p.version,
                        "path": str(p.path),
                    }
                    for p in packages
                ],
                indent=2,
            )
        )
        return
    if not packages:
        click.echo(f"No packages installed in {packages_dir()}.", err=True)
        click.echo("Install one with `l10n models install LANG`.", err=True)
        return
    for p in packages:
        click.echo(f"{p.from_code}->{p.to_code}\t{p.version}\t{p.name}\t{p.path}")


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


@cli.command()
@click.argument("directory", required=False, default=None, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def status(directory: Path | None, as_json: bool) -> None:
    """Per PO file in DIRECTORY (default: the project's locales): segments,
    reviewed, machine-translated (fuzzy), untranslated."""
    from l10n.catalog import po_files
    from l10n.catalog import status as po_status
    from l10n.po import read_po

    directory = directory or shown(project().locales)
    if not directory.exists():
        raise L10nError(f"{directory}: no such folder", hint="run `l10n translate` first")
    rows = [po_status(read_po(p), p) for p in po_files([directory])]
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
        f"{'file':<28} {'lang':<5} {'segments':>8} {'reviewed':>13} {'fuzzy':>6} {'untransl.':>9}"
    )
    for r in rows:
        click.echo(
            f"{r.path:<28} {r.lang:<5} {r.total:>8} "
            f"{r.reviewed:>6} ({r.percent_reviewed:>3.0f}%) {r.fuzzy:>6} {r.untranslated:>9}"
        )


@cli.command()
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
    Switch a check off for one entry with the flag `ignore-NAME` (Poedit keeps it).
    """
    from l10n.qa.output import format_github, format_json, format_text
    from l10n.qa.registry import all_checks
    from l10n.qa.runner import check_paths

    if list_checks:
        for c in sorted(all_checks().values(), key=lambda c: c.name):
            click.echo(f"{c.name} ({c.severity.value})\n    {c.summary}")
        return
    config = project()
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
    )
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
    sys.exit(1 if report.errors else 0)


def _names(values: tuple[str, ...]) -> list[str]:
    """Check names given as repeated options and/or comma-separated."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@cli.command()
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


@cli.group()
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


@cli.group()
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
