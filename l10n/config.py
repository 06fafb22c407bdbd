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

Most sections are flat tables; ``[engines.LANG]`` is a section of tables,
one per target language, each read with its own keys and kept with the
lines it came from, so that a problem found only when the engine is made
(a model folder missing on this machine, a token not in the vocabulary)
is still reported at its line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n import languages, tomlfile
from l10n.errors import InputFileError
from l10n.textfile import read_text

CONFIG_NAME = "l10n.toml"
_HINT = "see `l10n init --help` for a documented l10n.toml"


ENGINE_KINDS = ("argos", "ctranslate2")
DEVICES = ("auto", "cpu", "cuda")
# CTranslate2's compute types (ctranslate2.get_supported_compute_types lists
# those a device supports; an unsupported one fails when the model loads).
COMPUTE_TYPES = (
    "auto",
    "default",
    "float32",
    "float16",
    "bfloat16",
    "int16",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
)


@dataclass(frozen=True)
class EngineConfig:
    """One ``[engines.LANG]`` table: which model translates into ``lang``.

    ``model`` is absolute (relative to l10n.toml in the file), ``model_text``
    as written (how notes and listings name it).  ``device`` None: the
    ``[translate] device``.
    """

    lang: str
    kind: str = "argos"
    model: Path | None = None
    model_text: str = ""
    source_tokenizer: str | None = None
    target_tokenizer: str | None = None
    source_prefix: tuple[str, ...] = ()
    source_suffix: tuple[str, ...] = ()
    target_prefix: tuple[str, ...] = ()
    device: str | None = None
    compute_type: str = "auto"
    file: Path | None = None  # the l10n.toml it came from
    lines: tuple[tuple[str, int], ...] = ()  # (key, line); (lang, line): the table's

    def error(self, key: str, message: str, hint: str | None = None) -> InputFileError:
        """An error about ``key`` of this table, at its line in l10n.toml."""
        lines = dict(self.lines)
        where = _Where(
            self.file or Path(CONFIG_NAME),
            lines.get(key, lines.get(self.lang)),
            f"engines.{self.lang}.{key}" if key else f"[engines.{self.lang}]",
        )
        return where.error(message, hint or _HINT)


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
    device: str = "cpu"  # [translate] device: the engines' default
    low_confidence: float = 0.5  # `l10n status` counts machine translations below it
    glossary_decoding: bool = True  # [translate]: decode sentences with terms glossary-aware
    engines: Mapping[str, EngineConfig] = field(default_factory=dict)
    cluster_address: str | None = None  # [cluster]: a Dask scheduler, or local:N
    spelling_severity: str = "warning"  # [check] spelling: "error" fails `l10n check`

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


def _bool(value: Any, where: _Where) -> bool:
    if not isinstance(value, bool):
        raise where.error(f"must be true or false, not {value!r}")
    return value


def _percent(value: Any, where: _Where) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise where.error(f"must be a whole number from 1 to 100 (percent), not {value!r}")
    return value


def _prefer(value: Any, where: _Where) -> str:
    if value not in ("memory", "machine"):
        raise where.error(f'must be "memory" or "machine", not {value!r}')
    return value


def _fraction(value: Any, where: _Where) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise where.error(f"must be a number from 0 to 1, not {value!r}")
    return float(value)


def _choice(choices: tuple[str, ...]) -> Validator:
    def validate(value: Any, where: _Where) -> str:
        if value not in choices:
            raise where.error(f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    return validate


def _tokens(value: Any, where: _Where) -> tuple[str, ...]:
    """Token(s): one string (split at spaces) or a list of strings."""
    if isinstance(value, str):
        tokens = tuple(value.split())
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        tokens = tuple(t for v in value for t in v.split())
    else:
        tokens = ()
    if not tokens:
        raise where.error(f"must be a token or a list of tokens, not {value!r}")
    return tokens


def _severity(value: Any, where: _Where) -> str:
    """A check's severity: "warning" reports only, "error" fails `l10n check`."""
    if value not in ("warning", "error"):
        raise where.error(
            f'must be "warning" or "error", not {value!r}',
            hint='"error" makes a finding fail `l10n check` (exit 1); "warning" (the default) '
            "only reports it",
        )
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
        "device": ("device", _choice(DEVICES)),
        "low-confidence": ("low_confidence", _fraction),
        "glossary-decoding": ("glossary_decoding", _bool),
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
    "check": {
        "spelling": ("spelling_severity", _severity),
    },
}
# [engines.LANG]: key -> (EngineConfig field, validator)
ENGINE_SCHEMA: dict[str, tuple[str, Validator]] = {
    "kind": ("kind", _choice(ENGINE_KINDS)),
    "model": ("model_text", _string),
    "source-tokenizer": ("source_tokenizer", _string),
    "target-tokenizer": ("target_tokenizer", _string),
    "source-prefix": ("source_prefix", _tokens),
    "source-suffix": ("source_suffix", _tokens),
    "target-prefix": ("target_prefix", _tokens),
    "device": ("device", _choice(DEVICES)),
    "compute-type": ("compute_type", _choice(COMPUTE_TYPES)),
}
# What only a CTranslate2 model folder has: an Argos package brings its own.
_CT2_ONLY = ("model", "source-tokenizer", "target-tokenizer", "source-prefix")
_CT2_ONLY += ("source-suffix", "target-prefix")
# Sections of tables, one per name: [engines.uk], [engines.ru]...
_TABLE_SECTIONS = {"engines": "a target language"}
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
        where = _Where(path, lines.get((section,)), f"[{section}]")
        if section not in SCHEMA and section not in _TABLE_SECTIONS:
            raise where.error(
                "unknown section", hint=f"sections: {_choices([*SCHEMA, *_TABLE_SECTIONS])}"
            )
        if not isinstance(table, dict):
            raise where.error("must be a table")
        if section == "engines":
            values["engines"] = {
                lang: _engine(path, lines, lang, value) for lang, value in table.items()
            }
        else:
            values.update(_read_table(path, lines, (section,), table, SCHEMA[section]))
    root = path.parent
    for name in _PATH_FIELDS:
        values[name] = root / values.get(name, getattr(Config, name))
    return Config(root=root, path=path, **values)


def _read_table(
    path: Path,
    lines: dict[tuple[str, ...], int],
    at: tuple[str, ...],
    table: dict[str, Any],
    known: dict[str, tuple[str, Validator]],
) -> dict[str, Any]:
    """The fields of one table, every key validated at its line."""
    values = {}
    for key, value in table.items():
        where = _Where(path, lines.get((*at, key), lines.get(at)), ".".join((*at, key)))
        if key not in known:
            raise where.error("unknown key", hint=f"keys of [{'.'.join(at)}]: {_choices(known)}")
        name, validate = known[key]
        values[name] = validate(value, where)
    return values


def _engine(path: Path, lines: dict[tuple[str, ...], int], lang: str, table: Any) -> EngineConfig:
    """One [engines.LANG] table, its keys checked together (a CTranslate2
    engine needs a model; an Argos package brings its own files)."""
    at = ("engines", lang)
    where = _Where(path, lines.get(at), f"[engines.{lang}]")
    _language(lang, where)
    if not isinstance(table, dict):
        raise where.error("must be a table", hint='[engines.LANG] with kind = "argos" or ...')
    values = _read_table(path, lines, at, table, ENGINE_SCHEMA)
    kind = values.get("kind", "argos")
    if kind == "ctranslate2" and "model_text" not in values:
        raise where.error(
            'kind = "ctranslate2" needs model, the CTranslate2 model folder',
            hint='model = "models/opus-mt-en-zle" (relative to l10n.toml)',
        )
    for key in _CT2_ONLY if kind == "argos" else ():
        if key in table:
            raise _Where(path, lines.get((*at, key)), f"engines.{lang}.{key}").error(
                f'is for kind = "ctranslate2" only: an Argos package brings its own {key}',
                hint='set kind = "ctranslate2" to decode a CTranslate2 model folder',
            )
    if "model_text" in values:
        values["model"] = path.parent / values["model_text"]
    found = tuple((k[-1], n) for k, n in lines.items() if k[:2] == at and len(k) <= 3)
    return EngineConfig(lang=lang, file=path, lines=found, **values)


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
