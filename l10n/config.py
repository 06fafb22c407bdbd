"""The project's configuration: ``l10n.toml``, found from any subfolder.

A newsroom keeps its articles, PO files and glossary in one repository and
runs l10n from wherever it stands in it, as it runs git or ruff.  So the
configuration is found by walking up from the working directory, and every
relative path in it is relative to the file, never to where l10n was started.
Without a file, today's defaults apply with the working directory as the
project root, so a project that predates ``l10n.toml`` keeps working.

The keys are a published interface (scripts rely on their names), so an
unknown key is an error, not something silently ignored: a typo such as
``langauges`` would otherwise translate into the wrong languages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n import languages, tomlfile
from l10n.errors import InputFileError
from l10n.textfile import read_text

CONFIG_NAME = "l10n.toml"
_HINT = "see `l10n init --help` for a documented l10n.toml"


@dataclass(frozen=True)
class Config:
    """Where a project's files are and what it translates into."""

    root: Path  # the folder holding l10n.toml (or the working directory)
    path: Path | None = None  # the l10n.toml read, None when there is none
    source_language: str = "en"
    languages: tuple[str, ...] = ("sq", "uk", "ru")
    sources: tuple[str, ...] = ("source/*.en.txt",)
    locales: Path = field(default=Path("locales"))
    glossary: Path = field(default=Path("glossary"))
    build: Path = field(default=Path("build"))
    beam: int = 4
    html_selector: str | None = None  # [documents]: the part of an HTML page to translate
    front_matter: tuple[str, ...] = ("title",)  # [documents]: Markdown front matter to translate
    memory_threshold: int = 75  # percent: a fuzzy match this good is a starting point
    memory_prefer: str = "memory"  # at or above it: "memory" or "machine" translation
    cluster_address: str | None = None  # [cluster]: a Dask scheduler, or local:N

    def source_files(self) -> list[Path]:
        """Every file the ``sources`` globs name, in a stable order."""
        found: dict[Path, None] = {}
        for pattern in self.sources:
            for path in sorted(self.root.glob(pattern)):
                if path.is_file():
                    found[path] = None
        return list(found)


# --- validation of one value: (value, where) -> the value to keep ----------


@dataclass(frozen=True)
class _Where:
    path: Path
    line: int | None
    key: str

    def error(self, message: str, hint: str = _HINT) -> InputFileError:
        return InputFileError(str(self.path), f"{self.key}: {message}", line=self.line, hint=hint)


def _string(value: Any, where: _Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"must be a non-empty string, not {value!r}")
    return value


def _strings(value: Any, where: _Where) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise where.error(f"must be a non-empty list of strings, not {value!r}")
    return tuple(_string(item, where) for item in value)


def _language(value: Any, where: _Where) -> str:
    code = _string(value, where)
    if not languages.is_known(code):
        raise where.error(
            f"unknown language code {code!r}",
            hint="use ISO 639-1 codes such as en, de, sq, uk, ru",
        )
    return code


def _languages(value: Any, where: _Where) -> tuple[str, ...]:
    codes = tuple(_language(code, where) for code in _strings(value, where))
    if len(set(codes)) != len(codes):
        raise where.error("a language is listed twice")
    return codes


def _positive_int(value: Any, where: _Where) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise where.error(f"must be a whole number of 1 or more, not {value!r}")
    return value


def _percent(value: Any, where: _Where) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise where.error(f"must be a whole number from 1 to 100 (percent), not {value!r}")
    return value


def _prefer(value: Any, where: _Where) -> str:
    if value not in ("memory", "machine"):
        raise where.error(f'must be "memory" or "machine", not {value!r}')
    return value


Validator = Callable[[Any, _Where], Any]

# section -> key -> (Config field, validator)
SCHEMA: dict[str, dict[str, tuple[str, Validator]]] = {
    "project": {
        "source-language": ("source_language", _language),
        "languages": ("languages", _languages),
        "sources": ("sources", _strings),
        "locales": ("locales", _string),
        "glossary": ("glossary", _string),
        "build": ("build", _string),
    },
    "translate": {
        "beam": ("beam", _positive_int),
    },
    "documents": {
        "html-selector": ("html_selector", _string),
        "front-matter": ("front_matter", _strings),
    },
    "memory": {
        "fuzzy-threshold": ("memory_threshold", _percent),
        "prefer": ("memory_prefer", _prefer),
    },
    "cluster": {
        "address": ("cluster_address", _string),
    },
}
_PATH_FIELDS = ("locales", "glossary", "build")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``l10n.toml`` in ``start`` (default: the working directory)
    or a folder above it."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> Config:
    """The configuration in ``path``; any unusable key is an input error at its line."""
    path = path.resolve()
    text = read_text(path, kind="l10n configuration (TOML)", hint=_HINT)
    lines = tomlfile.scan_lines(path, text)
    data = tomlfile.parse(path, text, hint=_HINT)
    values: dict[str, Any] = {}
    for section, table in data.items():
        known = SCHEMA.get(section)
        where = _Where(path, lines.get((section,)), f"[{section}]")
        if known is None:
            raise where.error("unknown section", hint=f"sections: {_choices(SCHEMA)}")
        if not isinstance(table, dict):
            raise where.error("must be a table")
        for key, value in table.items():
            where = _Where(path, lines.get((section, key)), f"{section}.{key}")
            if key not in known:
                raise where.error("unknown key", hint=f"keys of [{section}]: {_choices(known)}")
            name, validate = known[key]
            values[name] = validate(value, where)
    root = path.parent
    for name in _PATH_FIELDS:
        values[name] = root / values.get(name, getattr(Config, name))
    return Config(root=root, path=path, **values)


def _choices(names: Sequence[str] | dict[str, Any]) -> str:
    return ", ".join(names)


def default_config(root: Path | None = None) -> Config:
    """Today's defaults, rooted in ``root`` (default: the working directory)."""
    root = (root or Path.cwd()).resolve()
    return Config(
        root=root,
        locales=root / "locales",
        glossary=root / "glossary",
        build=root / "build",
    )


def project_config(start: Path | None = None) -> Config:
    """The configuration that applies in ``start``: the nearest l10n.toml, or the defaults."""
    path = find_config(start)
    return load_config(path) if path else default_config(start)
