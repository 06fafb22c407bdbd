"""Installed Argos packages: where they are, reading them, finding one.

Packages are found the way Argos Translate finds them (ARGOS_PACKAGES_DIR,
else its own folder), so a model installed with ``argospm`` is ours too and
the other way round.  A package folder whose metadata.json argostranslate
could not use is an error that names it, never skipped: skipping it would
make ``translate`` say "no model installed" about a model that is.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from l10n.errors import InputFileError, L10nError
from l10n.extras import require_mt
from l10n.models.limits import MAX_METADATA

if TYPE_CHECKING:
    from argostranslate.package import Package

FILE_HINT = "install from a file: `l10n models install LANG --file PKG.argosmodel`"
REINSTALL_HINT = "reinstall it with `l10n models install LANG --file PKG.argosmodel`"


@dataclass(frozen=True)
class PackageInfo:
    """What ``l10n models list`` shows of an installed package."""

    name: str
    from_code: str
    to_code: str
    version: str
    path: Path

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


# --- where packages are ---------------------------------------------------------


def _env_packages_dir() -> Path | None:
    """ARGOS_PACKAGES_DIR, read now; a file where a folder must be is an input error."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if not env:
        return None
    path = Path(env)
    for part in (path, *path.parents):
        if part.exists():
            if not part.is_dir():
                where = "" if part == path else f" ({part} is a file)"
                raise L10nError(
                    f"ARGOS_PACKAGES_DIR is not a folder: {path}{where}",
                    hint="point ARGOS_PACKAGES_DIR at a folder (it is created when "
                    "missing), or unset it to use Argos Translate's own",
                )
            break
    return path


def argos_settings() -> ModuleType:
    """``argostranslate.settings``, whose import creates Argos's folders.

    So ARGOS_PACKAGES_DIR is checked first, and a folder that cannot be
    created is an error that says which, not a traceback.
    """
    require_mt("Argos Translate models")
    _env_packages_dir()
    try:
        from argostranslate import settings
    except OSError as exc:
        raise L10nError(
            f"Argos Translate cannot create its folders: {exc}",
            hint="ARGOS_PACKAGES_DIR and XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME "
            "must name folders you can write to",
        ) from None
    return settings


def packages_dir() -> Path:
    """Where packages are installed: ARGOS_PACKAGES_DIR, else Argos's default.

    Read at each call (argostranslate reads it once, at import), so a library
    user or a test can point it elsewhere at any time.
    """
    env = _env_packages_dir()
    settings = argos_settings()
    return env if env is not None else Path(settings.package_data_dir)


def package_dirs() -> list[Path]:
    """Every folder searched for packages: ours first, then Argos's extra ones (snap)."""
    dirs = [packages_dir()]
    dirs += [Path(d) for d in argos_settings().package_dirs[1:] if Path(d) not in dirs]
    return dirs


# --- installed packages ---------------------------------------------------------

_TEXT_FIELDS = ("type", "code", "from_code", "to_code", "from_name", "to_name")
_TEXT_FIELDS += ("package_version", "argos_version", "target_prefix")
_LIST_FIELDS = ("links", "languages", "dependencies", "source_languages", "target_languages")


def json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    names |= {int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def metadata_problem(metadata: object) -> str | None:
    """What stops argostranslate from using a package's metadata.json, or None.

    Said of the file: "is a list, not a JSON object".
    """
    if not isinstance(metadata, dict):
        return f"is {json_type(metadata)}, not a JSON object"
    for key in _TEXT_FIELDS:
        if metadata.get(key) is not None and not isinstance(metadata[key], str):
            return f"gives {key} as {json_type(metadata[key])}, not a string"
    for key in _LIST_FIELDS:
        if metadata.get(key) is not None and not isinstance(metadata[key], list):
            return f"gives {key} as {json_type(metadata[key])}, not a list"
    if metadata.get("type", "translate") == "translate" and not (
        metadata.get("from_code") and metadata.get("to_code")
    ):
        return "names no from_code/to_code"
    return None


def _check_installed(path: Path) -> None:
    """An installed package's metadata.json, checked before argostranslate reads it."""
    file = path / "metadata.json"
    try:
        if file.stat().st_size > MAX_METADATA:
            problem: str | None = "is far too large for a metadata.json"
        else:
            problem = metadata_problem(json.loads(file.read_bytes().decode("utf-8")))
    except OSError as exc:
        problem = f"cannot be read: {exc.strerror or exc}"
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = f"is not valid JSON: {exc}"
    if problem:
        raise InputFileError(
            str(file),
            f"the installed package {path.name} is broken: its metadata.json {problem}",
            hint=f"{REINSTALL_HINT}, or remove the folder {path}",
        )


def load_package(path: Path) -> Package:
    from argostranslate.package import Package

    _check_installed(path)
    try:
        return Package(path)
    except (OSError, ValueError) as exc:
        raise InputFileError(
            str(path / "metadata.json"),
            f"the installed package {path.name} cannot be read: {exc}",
            hint=REINSTALL_HINT,
        ) from None


def installed_packages() -> list[Package]:
    """Every installed package; one that is broken is an error naming it, never skipped."""
    found = []
    for directory in package_dirs():
        if not directory.is_dir():
            continue
        try:
            paths = sorted(directory.iterdir())
        except OSError as exc:
            raise L10nError(
                f"cannot read the packages folder {directory}: {exc.strerror or exc}"
            ) from None
        for path in paths:
            # Our own half-finished installs start with a dot; folders that are
            # not packages (no metadata.json) are none of our business.
            if path.name.startswith(".") or not (path / "metadata.json").is_file():
                continue
            found.append(load_package(path))
    return found


def describe(package: Package) -> PackageInfo:
    return PackageInfo(
        name=package.package_path.name,
        from_code=package.from_code or "",
        to_code=package.to_code or "",
        version=package.package_version or "",
        path=Path(package.package_path),
    )


def list_packages() -> list[PackageInfo]:
    return [describe(p) for p in installed_packages()]


def find_package(from_code: str, to_code: str) -> Package | None:
    """The installed package translating ``from_code`` to ``to_code``, newest first."""
    from packaging.version import InvalidVersion, Version

    def version(p: Package) -> Version:
        try:
            return Version(p.package_version or "0")
        except InvalidVersion:
            return Version("0")

    matches = [
        p
        for p in installed_packages()
        if p.type == "translate" and p.from_code == from_code and p.to_code == to_code
    ]
    return max(matches, key=version) if matches else None


def missing_model_error(from_code: str, to_code: str) -> L10nError:
    return L10nError(
        f"no Argos Translate model for {from_code} -> {to_code} is installed "
        f"(looked in {packages_dir()})",
        hint=f"install one with `l10n models install {to_code}` (needs a network), "
        f"or from a file with `l10n models install {to_code} --file PKG.argosmodel`",
    )
