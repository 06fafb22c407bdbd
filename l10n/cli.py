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


def load_glossary_option(path: str | None, *, explicit: bool, default: Path | None = None) -> Any:
    """The glossary, or None when the default folder does not exist or '' was given."""
    if path == "":
        return None
    from l10n.glossary import load_glossary

    target = Path(path) if path else shown(default or project().glossary)
    if not target.exists():
        if explicit:
            raise L10nError(f"{target}: no such glossary file or folder")
        return None
    return load_glossary(target)


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
    """Print the sentences of FILE, one per line."""
    from l10n.segment import read_source, segment_text

    for seg in segment_text(read_source(file)):
        click.echo(seg.text)


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
@handle_errors
def translate(
    files: tuple[Path, ...],
    to: str | None,
    locales: Path | None,
    glossary_path: str | None,
    beam: int | None,
    from_lang: str | None,
    batch_size: int,
) -> None:
    """Segment FILES (default: l10n.toml's sources) and write or update their
    POT and one PO per language.

    Reviewed entries are kept as they are; new sentences come from translation
    memory (reviewed PO files under --locales) or else from the machine, marked
    fuzzy for review.  Files are written only when the whole run succeeded, all
    at once; a reviewer's save during the run is kept.
    """
    from l10n.engines import DecodeOptions
    from l10n.pipeline import argos_engine_factory, translate_documents

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
    try:
        docs = translate_documents(
            sources,
            langs,
            locales=locales or shown(config.locales),
            glossary=glossary,
            beam_size=beam or config.beam,
            from_lang=source_lang,
            detect_language=from_lang is None,
            engine_factory=argos_engine_factory(DecodeOptions(batch_size=batch_size)),
            progress=progress,
            root=config.root,
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
    from l10n.qa.checks.spelling import read_word_list
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
        words=read_word_list(glossary_path or shown(config.glossary)),
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
    """Show or export the glossary."""


@glossary.command("list")
@click.option(
    "--glossary", "glossary_path", default=None, help="[default: the project's glossary/]"
)
@click.option("--lang", default=None, help="Only this language's forms.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def glossary_list(glossary_path: str | None, lang: str | None, as_json: bool) -> None:
    """List the glossary's terms and their forms."""
    gloss = load_glossary_option(glossary_path or str(shown(project().glossary)), explicit=True)
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
    for t in gloss.terms:
        variants = f" ({', '.join(t.en_variants)})" if t.en_variants else ""
        if t.dnt:
            click.echo(f"{t.en}{variants}: do not translate")
            continue
        forms = "; ".join(f"{code}: {t.forms[code].canonical}" for code in langs if code in t.forms)
        click.echo(f"{t.en}{variants}: {forms}")


@glossary.command("export")
@click.option("--tbx", "tbx", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--glossary", "glossary_path", default=None, help="[default: the project's glossary/]"
)
@handle_errors
def glossary_export(tbx: Path, glossary_path: str | None) -> None:
    """Write the glossary as TBX, for Weblate, OmegaT or memoQ."""
    from l10n.glossary import export_tbx

    gloss = load_glossary_option(glossary_path or str(shown(project().glossary)), explicit=True)
    export_tbx(gloss, tbx)
    click.echo(f"{tbx}: {len(gloss.terms)} terms")


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
