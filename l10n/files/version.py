"""What a file held when a run read it, to tell later whether someone saved it since.

The content decides (a SHA-256 of it): an editor that saves the same text
again changed nothing; one that saves within the same mtime tick did.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import InputFileError, L10nError
from l10n.textfile import decode_text, os_error_message

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class FileVersion:
    """What a file held when it was read: enough to tell later whether anyone saved it."""

    sha256: str | None  # of the content; None: there was no file
    size: int = 0
    mtime_ns: int = 0  # for messages; the content decides

    @property
    def exists(self) -> bool:
        return self.sha256 is not None


MISSING = FileVersion(None)
"""The version of a file that does not exist: ``expect=MISSING`` writes a new file
only if nobody created it meanwhile."""


def snapshot(path: Path | str) -> FileVersion:
    """The version ``path`` holds now (:data:`MISSING` if none); reads it whole.

    Take it before reading the file some other way: an edit in between then
    shows as a change (a needless retry), never as no change (a lost edit).
    """
    read = read_current(Path(path))
    return MISSING if read is None else version_of(*read)


def read_versioned(
    path: Path | str, *, kind: str, hint: str | None = None, missing_ok: bool = False
) -> tuple[str | None, FileVersion]:
    """The file's text (as :func:`l10n.textfile.read_text`) and the version of exactly
    those bytes; ``(None, MISSING)`` for a missing file when ``missing_ok``."""
    path = Path(path)
    try:
        data, st = read_regular(path, kind)
    except FileNotFoundError as exc:
        if missing_ok:
            return None, MISSING
        raise InputFileError(str(path), os_error_message(path, exc, kind=kind), hint=hint) from None
    except OSError as exc:
        raise InputFileError(str(path), os_error_message(path, exc, kind=kind), hint=hint) from None
    return decode_text(data, path, kind=kind, hint=hint), version_of(data, st)


def changed_since(path: Path | str, version: FileVersion) -> bool:
    """Whether ``path`` holds other content than ``version`` (or appeared, or went)."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return version.exists
    if version.exists and size != version.size:
        return True
    return snapshot(path).sha256 != version.sha256


class ConcurrentEditError(L10nError):
    """Files changed on disk after the run read them; nothing was written."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(
            f"{', '.join(paths)}: changed on disk while l10n was working on it "
            "(saved in an editor, or by another run); nothing was written",
            hint="run the command again: it reads the saved version and keeps its changes",
        )
        self.paths = paths


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def version_of(data: bytes, st: os.stat_result) -> FileVersion:
    return FileVersion(digest(data), len(data), st.st_mtime_ns)


def read_regular(path: Path, kind: str = "file") -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and status through one descriptor.

    Opened non-blocking: a FIFO found there is refused, not waited on.
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputFileError(str(path), f"is a folder, not a {kind}")
        if not stat.S_ISREG(st.st_mode):
            raise InputFileError(
                str(path),
                "is not a regular file (a FIFO or a device): it has no version to compare",
                hint="name a regular file",
            )
        return handle.read(), st


def read_current(path: Path) -> tuple[bytes, os.stat_result] | None:
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputFileError(str(path), os_error_message(path, exc)) from None


def file_status(st: os.stat_result) -> tuple[int, ...]:
    """What changes whenever a file is written (or replaced)."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
