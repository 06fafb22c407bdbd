"""Argos Translate packages: where they are, which are installed, installing more.

Packages are found the way Argos Translate finds them
(``argostranslate.package``, which honours ARGOS_PACKAGES_DIR), so a model
installed with ``argospm`` is ours too and the other way round.

We install packages ourselves rather than through
``argostranslate.package.install_from_path``: that function imports
``argostranslate.translate`` (stanza and torch, seconds of start-up) and
extracts straight into the package folder, so a bad or interrupted install
leaves a broken package behind.  Here a package file is checked first
(a zip with one folder holding metadata.json and a CTranslate2 model), then
extracted next to the packages and renamed into place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from l10n.errors import InputFileError, L10nError

if TYPE_CHECKING:
    from argostranslate.package import Package

INDEX_TIMEOUT = 30  # seconds, for the package index and package downloads


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


def packages_dir() -> Path:
    """Where packages are installed: ARGOS_PACKAGES_DIR, else Argos's default.

    Read at each call (argostranslate reads it once, at import), so a library
    user or a test can point it elsewhere at any time.
    """
    from argostranslate import settings

    env = os.environ.get("ARGOS_PACKAGES_DIR")
    return Path(env) if env else Path(settings.package_data_dir)


def package_dirs() -> list[Path]:
    """Every folder searched for packages: ours first, then Argos's extra ones (snap)."""
    from argostranslate import settings

    dirs = [packages_dir()]
    dirs += [Path(d) for d in settings.package_dirs[1:] if Path(d) not in dirs]
    return dirs


def installed_packages() -> list[Package]:
    from argostranslate.package import Package

    found = []
    for directory in package_dirs():
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            # Our own half-finished installs start with a dot; skip them, and
            # folders that are not packages, rather than failing on them.
            if path.name.startswith(".") or not (path / "metadata.json").is_file():
                continue
            try:
                found.append(Package(path))
            except (OSError, ValueError):
                continue
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


def _read_metadata(zf: zipfile.ZipFile, path: str) -> tuple[str, dict]:
    names = [n for n in zf.namelist() if n and not n.startswith("__MACOSX")]
    for name in names:
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts:
            raise InputFileError(path, f"unsafe path inside the package: {name}")
    tops = {PurePosixPath(n).parts[0] for n in names}
    if len(tops) != 1:
        raise InputFileError(
            path,
            "is not an Argos package: it must hold exactly one folder "
            f"(found {', '.join(sorted(tops)) or 'nothing'})",
        )
    top = tops.pop()
    if top.startswith("."):
        # Hidden folders are where installs are staged; one would never be listed.
        raise InputFileError(path, f"is not an Argos package: its folder {top!r} is hidden")
    try:
        metadata = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
    except KeyError:
        raise InputFileError(path, f"is not an Argos package: no {top}/metadata.json") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(path, f"has a broken metadata.json: {exc}") from None
    if not isinstance(metadata, dict):
        raise InputFileError(path, "has a broken metadata.json: not a JSON object")
    if metadata.get("type", "translate") == "translate":
        if not metadata.get("from_code") or not metadata.get("to_code"):
            raise InputFileError(path, "metadata.json names no from_code/to_code")
        if f"{top}/model/model.bin" not in names:
            raise InputFileError(path, f"is not an Argos package: no {top}/model/model.bin")
        if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(names):
            raise InputFileError(path, "has no tokenizer (sentencepiece.model or bpe.model)")
    return top, metadata


def install_file(path: Path | str, *, expect_to: str | None = None) -> PackageInfo:
    """Install a ``.argosmodel`` file; replaces an installed package of the same name."""
    from argostranslate.package import Package

    path = str(path)
    if not os.path.isfile(path):
        raise InputFileError(path, "no such file")
    if not zipfile.is_zipfile(path):
        raise InputFileError(path, "is not an Argos package (.argosmodel files are zip archives)")
    with zipfile.ZipFile(path) as zf:
        top, metadata = _read_metadata(zf, path)
        if expect_to and metadata.get("to_code") != expect_to:
            raise InputFileError(
                path,
                f"translates {metadata.get('from_code')} -> {metadata.get('to_code')}, "
                f"not to {expect_to}",
            )
        target_root = packages_dir()
        target_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=target_root))
        try:
            zf.extractall(staging)
            destination = target_root / top
            retired = None
            if destination.exists():
                retired = target_root / f".replaced-{top}-{os.getpid()}"
                os.replace(destination, retired)
            os.replace(staging / top, destination)
            if retired is not None:
                shutil.rmtree(retired, ignore_errors=True)
        except zipfile.BadZipFile as exc:
            raise InputFileError(path, f"is a damaged zip archive: {exc}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return describe(Package(destination))


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "l10n (argostranslate)"})
    with urllib.request.urlopen(request, timeout=INDEX_TIMEOUT) as response:
        return response.read()


def available_packages() -> list:
    """The Argos package index, downloaded now (needs a network)."""
    from argostranslate import settings
    from argostranslate.package import AvailablePackage

    try:
        data = _fetch(settings.remote_package_index)
        index = json.loads(data)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise L10nError(
            f"cannot download the Argos package index from {settings.remote_package_index}: "
            f"{getattr(exc, 'reason', exc)}",
            hint="without a network, install from a file: "
            "`l10n models install LANG --file PKG.argosmodel`",
        ) from None
    except json.JSONDecodeError as exc:
        raise L10nError(f"the Argos package index is not valid JSON: {exc}") from None
    Path(settings.local_package_index).write_bytes(data)
    return [AvailablePackage(meta) for meta in index]


def install_from_index(to_code: str, from_code: str = "en") -> PackageInfo:
    """Download the index's package for ``from_code`` -> ``to_code`` and install it."""
    candidates = [
        p
        for p in available_packages()
        if p.type == "translate" and p.from_code == from_code and p.to_code == to_code
    ]
    if not candidates:
        raise L10nError(
            f"the Argos package index has no {from_code} -> {to_code} package",
            hint="`l10n models install --help` explains installing from a file",
        )
    package = candidates[0]
    errors = []
    with tempfile.TemporaryDirectory(prefix="l10n-download-") as tmp:
        target = Path(tmp) / f"{package.code or to_code}.argosmodel"
        for url in package.links:
            try:
                target.write_bytes(_fetch(url))
                break
            except (urllib.error.URLError, OSError, TimeoutError) as exc:
                errors.append(f"{url}: {getattr(exc, 'reason', exc)}")
        else:
            raise L10nError(
                f"could not download the {from_code} -> {to_code} package: {'; '.join(errors)}",
                hint="install from a file: `l10n models install LANG --file PKG.argosmodel`",
            )
        return install_file(target, expect_to=to_code)
