"""Installing a package file: checked whole, then unpacked beside the others.

We install packages ourselves rather than through
``argostranslate.package.install_from_path``: that function imports
``argostranslate.translate`` (stanza and torch, seconds of start-up) and
extracts straight into the package folder, so a bad or interrupted install
leaves a broken package behind.  Here a package file is checked first (a zip
with one folder holding metadata.json, a CTranslate2 model and a tokenizer;
entries we can unpack, with safe names and sane sizes), then unpacked into a
hidden folder next to the packages and renamed into place: an install either
happens or leaves everything as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from l10n.errors import InputFileError, L10nError
from l10n.models.installed import (
    PackageInfo,
    describe,
    load_package,
    metadata_problem,
    packages_dir,
)
from l10n.models.limits import (
    MAX_METADATA,
    MAX_RATIO,
    MAX_UNPACKED,
    RATIO_FLOOR,
    human,
    size_setting,
)

NAME_MAX = 255  # bytes in one file name, on every common file system
CHUNK = 1024**2
UNPACKABLE = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 99: "AES"}


def _check_name(name: str, path: str) -> None:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts:
        raise InputFileError(path, f"unsafe path inside the package: {name!r}")
    longest = max((len(part.encode("utf-8")) for part in pure.parts), default=0)
    if longest > NAME_MAX:
        raise InputFileError(
            path,
            f"has a file name too long to unpack ({longest} bytes, at most {NAME_MAX}): "
            f"{name[:60]!r}...",
            hint="this is not an Argos package as Argos builds them: download it again",
        )


def _check_entry(info: zipfile.ZipInfo, path: str) -> None:
    _check_name(info.filename, path)
    if info.flag_bits & 0x1:
        raise InputFileError(
            path,
            f"{info.filename!r} is encrypted",
            hint="Argos packages are not password-protected: download it again",
        )
    if info.compress_type not in UNPACKABLE:
        method = METHOD_NAMES.get(info.compress_type, "unknown")
        raise InputFileError(
            path,
            f"{info.filename!r} uses compression method {info.compress_type} ({method}), "
            "which cannot be unpacked here",
            hint="re-zip the package folder with ordinary deflate: `zip -r PKG.argosmodel FOLDER`",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bomb(path, f"{info.filename!r} would unpack", info.compress_size, info.file_size)


def _bomb(path: str, what: str, packed: int, unpacked: int) -> InputFileError:
    return InputFileError(
        path,
        f"{what} {human(packed)} into {human(unpacked)}, more than {MAX_RATIO} times "
        "its size: refusing what looks like a zip bomb",
        hint="model weights hardly compress; get the package again from a source you trust",
    )


def _check_sizes(infos: list[zipfile.ZipInfo], path: str) -> None:
    """Refuse before unpacking what would fill the disk, by the sizes the archive declares."""
    limit = size_setting("L10N_MAX_UNPACKED", MAX_UNPACKED)
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(packed, 1):
        raise _bomb(path, "would unpack", packed, unpacked)
    if unpacked > limit:
        raise InputFileError(
            path,
            f"would unpack to {human(unpacked)}, more than the limit of {human(limit)}",
            hint="if you trust this package, raise the limit: L10N_MAX_UNPACKED=8G",
        )


@contextmanager
def _reading(path: str, name: str | None = None) -> Iterator[None]:
    """Errors in the archive's bytes (what zipfile and zlib raise): a damaged file."""
    try:
        yield
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        where = f" ({name!r} cannot be unpacked)" if name else ""
        raise InputFileError(
            path,
            f"is damaged{where}: {exc}".replace("\n", " "),
            hint="download the package again",
        ) from None


def _read_metadata(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: str
) -> tuple[str, dict]:
    names = [i.filename for i in infos if i.filename and not i.filename.startswith("__MACOSX")]
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
        info = zf.getinfo(f"{top}/metadata.json")
    except KeyError:
        raise InputFileError(path, f"is not an Argos package: no {top}/metadata.json") from None
    if info.file_size > MAX_METADATA:
        raise InputFileError(
            path, f"has a {human(info.file_size)} metadata.json: not an Argos package"
        )
    with _reading(path, info.filename):
        data = zf.read(info)
    try:
        metadata = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(path, f"its metadata.json is not valid JSON: {exc}") from None
    problem = metadata_problem(metadata)
    if problem:
        raise InputFileError(path, f"its metadata.json {problem}")
    if metadata.get("type", "translate") == "translate":
        if f"{top}/model/model.bin" not in names:
            raise InputFileError(path, f"is not an Argos package: no {top}/model/model.bin")
        if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(names):
            raise InputFileError(path, "has no tokenizer (sentencepiece.model or bpe.model)")
    return top, metadata


def _copy(src: BinaryIO, out: BinaryIO, info: zipfile.ZipInfo, path: str) -> None:
    """Copy one entry, counting: never more bytes than its header declared.

    zipfile stops at the declared size today; counting here keeps the limits
    checked by ``_check_sizes`` true whatever the archive's headers say.
    """
    written = 0
    while chunk := src.read(CHUNK):
        written += len(chunk)
        if written > info.file_size:
            raise InputFileError(
                path,
                f"{info.filename!r} unpacks to more than the {info.file_size} bytes "
                "its header declares",
                hint="the file is damaged or forged: download it again",
            )
        out.write(chunk)


def _extract(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], top: str, staging: Path, path: str
) -> None:
    for info in infos:
        parts = PurePosixPath(info.filename).parts
        if not parts or parts[0] != top:
            continue  # __MACOSX and the like: not part of the package
        target = staging.joinpath(*parts)
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with _reading(path, info.filename), zf.open(info) as src, open(target, "wb") as out:
            _copy(src, out, info, path)


def _move_into_place(unpacked: Path, destination: Path) -> None:
    """Replace ``destination``; if that fails, the package it held is put back."""
    retired = None
    if destination.exists():
        retired = destination.with_name(f".replaced-{destination.name}-{os.getpid()}")
        os.replace(destination, retired)
    try:
        os.replace(unpacked, destination)
    except OSError:
        if retired is not None:
            os.replace(retired, destination)
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def _unpack(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], top: str, path: str) -> Path:
    """Unpack beside the installed packages, then rename into place: all or nothing."""
    root = packages_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    except OSError as exc:
        raise L10nError(
            f"cannot create a folder in {root}: {exc.strerror or exc}",
            hint="ARGOS_PACKAGES_DIR must name a folder you can write to",
        ) from None
    destination = root / top
    try:
        _extract(zf, infos, top, staging, path)
        _move_into_place(staging / top, destination)
    except OSError as exc:
        raise InputFileError(
            path, f"cannot be unpacked into {root}: {exc.strerror or exc}"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return destination


def install_file(path: Path | str, *, expect_to: str | None = None) -> PackageInfo:
    """Install a ``.argosmodel`` file; replaces an installed package of the same name."""
    path = str(path)
    if not os.path.isfile(path):
        raise InputFileError(path, "no such file")
    if not zipfile.is_zipfile(path):
        raise InputFileError(path, "is not an Argos package (.argosmodel files are zip archives)")
    with _reading(path):
        zf = zipfile.ZipFile(path)
    with zf:
        infos = zf.infolist()
        for info in infos:
            _check_entry(info, path)
        _check_sizes(infos, path)
        top, metadata = _read_metadata(zf, infos, path)
        if expect_to and metadata.get("to_code") != expect_to:
            raise InputFileError(
                path,
                f"translates {metadata.get('from_code')} -> {metadata.get('to_code')}, "
                f"not to {expect_to}",
            )
        destination = _unpack(zf, infos, top, path)
    return describe(load_package(destination))
