"""Package archives for the tests: copies of a good package with one thing wrong.

``write_raw_zip`` lays a zip out byte by byte, so a test can make what
``zipfile`` refuses to write: an entry flagged as encrypted, a Deflate64
entry, a deflate stream that does not inflate, sizes in the headers that
lie, a gigabyte of zeros in a megabyte.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

NAME = "translate-en_sq-random"  # the top-level folder of model_files["sq"]
MODEL_BIN = f"{NAME}/model/model.bin"
GIB = 1024**3


def members(archive: Path) -> dict[str, bytes]:
    """Every file in a zip, by name (folder entries left out)."""
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist() if not n.endswith("/")}


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


@dataclass(frozen=True)
class RawEntry:
    """One zip entry exactly as it is written: ``data`` is already compressed."""

    name: str
    data: bytes
    method: int = zipfile.ZIP_STORED
    flags: int = 0
    crc: int = 0
    size: int = 0  # the unpacked size the headers declare


def stored(name: str, data: bytes) -> RawEntry:
    return RawEntry(name, data, crc=zlib.crc32(data), size=len(data))


def deflated(name: str, data: bytes) -> RawEntry:
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = raw.compress(data) + raw.flush()
    return RawEntry(name, packed, zipfile.ZIP_DEFLATED, crc=zlib.crc32(data), size=len(data))


def package_entries(archive: Path, **replace: RawEntry) -> list[RawEntry]:
    """The archive's files as deflated entries; ``replace`` swaps some by role.

    Roles are ``model_bin`` and ``metadata``; an entry under any other role is
    added at the end.
    """
    names = {"model_bin": MODEL_BIN, "metadata": f"{NAME}/metadata.json"}
    swap = {names.get(role, entry.name): entry for role, entry in replace.items()}
    entries = [swap.pop(n, None) or deflated(n, d) for n, d in members(archive).items()]
    return entries + list(swap.values())


def write_raw_zip(path: Path, entries: list[RawEntry]) -> Path:
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        flags = e.flags | 0x800  # names are UTF-8
        offset = len(out)
        out += struct.pack(
            "<4s2B4HL2L2H",
            b"PK\x03\x04",
            20, 0, flags, e.method, 0, 0x21,
            e.crc, len(e.data), e.size, len(name), 0,
        )  # fmt: skip
        out += name + e.data
        central += struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            20, 3, 20, 0, flags, e.method, 0, 0x21,
            e.crc, len(e.data), e.size, len(name), 0, 0, 0, 0, 0o100644 << 16, offset,
        )  # fmt: skip
        central += name
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    path.write_bytes(bytes(out + central + end))
    return path


@cache
def gigabyte_of_zeros() -> RawEntry:
    """model.bin as a deflate stream of 1 GiB of zeros, about a megabyte packed.

    Each MiB is compressed on its own (a full flush resets the compressor),
    so one compressed MiB repeated 1024 times is the whole stream.
    """
    zeros = bytes(1024**2)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(zeros, crc)
    return RawEntry(MODEL_BIN, block * 1024 + end, zipfile.ZIP_DEFLATED, crc=crc, size=GIB)
