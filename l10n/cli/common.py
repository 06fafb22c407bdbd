"""What every command shares: errors as exit 2, language lists, the project's
configuration and paths as the user would type them, progress bars.

Exit status: 0 all well, 1 findings (check violations, English left in a
build), 2 bad input or usage.  Errors go to stderr as one message with a
hint; no traceback reaches the user.  Library modules are imported inside the
commands so that ``l10n --help`` starts at once.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

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


def document_options(config: Any) -> Any:
    """What l10n.toml's [documents] says, for reading sources."""
    from l10n.documents import DocumentOptions

    return DocumentOptions(html_selector=config.html_selector, front_matter=config.front_matter)


def memory_settings(config: Any) -> Any:
    """How translate uses the project's translation memory ([memory] in l10n.toml)."""
    from l10n.memory import Settings, memory_path

    return Settings(
        path=memory_path(config.root),
        threshold=config.memory_threshold,
        prefer=config.memory_prefer,
        warn=lambda message: click.echo(f"Warning: {message}", err=True),
    )


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
