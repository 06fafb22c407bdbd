"""One writing run per folder: ``l10n translate`` and ``l10n check --fix`` on the same
PO files at once would each write over the other's work.

The lock is the system's (flock) on ``FOLDER/.l10n.lock``: it ends with its
process however that process ends, so a killed run's lock file is simply
taken over.  The file also says who holds it, for the second run's message.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from l10n.errors import L10nError
from l10n.files.owner import me, owner_alive
from l10n.textfile import write_error

try:
    import fcntl
except ImportError:  # not a POSIX system: lock files by exclusive creation
    fcntl = None  # type: ignore[assignment]

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

LOCK_NAME = ".l10n.lock"
_held: dict[str, int] = {}  # folders this process holds, and how many times


class FolderLockedError(L10nError):
    """Another run holds the folder's lock; ``owner`` is what its lock file says."""

    def __init__(self, folder: Path, owner: dict) -> None:
        who = f"pid {owner['pid']}" if isinstance(owner.get("pid"), int) else "a process"
        if owner.get("host") and owner["host"] != socket.gethostname():
            who += f" on {owner['host']}"
        if owner.get("command"):
            who += f" ({owner['command']})"
        stamp = owner.get("time")
        since = f", for {_duration(time.time() - stamp)}" if isinstance(stamp, int | float) else ""
        super().__init__(
            f"{folder}: another l10n run is writing here: {who}{since}",
            hint="wait for it to finish and run again; if that process is gone or hangs, "
            f"end it, or remove {folder / LOCK_NAME}",
        )
        self.folder = str(folder)
        self.owner = owner


@contextmanager
def folder_lock(folder: Path | str, *, wait_s: float = 0.0) -> Iterator[Path]:
    """Hold ``folder``'s writer lock (``folder/.l10n.lock``) for the ``with`` block.

    A second run gets :class:`FolderLockedError` naming the holder (after
    waiting up to ``wait_s``).  The lock is the system's (flock): it ends
    with its process, so a killed run's lock file is simply taken over.
    Within one process the lock is re-entrant.  Yields the lock file's path.
    """
    folder = Path(folder)
    lock = folder / LOCK_NAME
    key = os.path.realpath(folder)
    if key in _held:
        _held[key] += 1
        try:
            yield lock
        finally:
            _held[key] -= 1
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(folder, exc) from None
    fd = _acquire(folder, lock, wait_s)
    _held[key] = 1
    try:
        yield lock
    finally:
        del _held[key]
        _release(lock, fd)


def _acquire(folder: Path, lock: Path, wait_s: float) -> int:
    deadline = time.monotonic() + wait_s
    while True:
        fd = _try_lock(lock)
        if fd is not None:
            owner = {**me(), "command": _command()}
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(owner).encode("utf-8"))
            return fd
        if time.monotonic() >= deadline:
            raise FolderLockedError(folder, _read_owner(lock))
        time.sleep(0.2)


def _try_lock(lock: Path) -> int | None:
    """A descriptor holding the lock, or None when another process holds it."""
    if fcntl is None:
        return _try_lock_exclusive(lock)
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o644)
        except OSError as exc:
            raise write_error(lock, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError:  # no flock on this file system
            os.close(fd)
            return _try_lock_exclusive(lock)
        try:
            if os.path.samestat(os.fstat(fd), os.stat(lock)):
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)  # its holder removed it on release: lock the file there now


def _try_lock_exclusive(lock: Path) -> int | None:
    """Without flock: the lock is the file's existence; a dead holder's file is removed."""
    for _attempt in range(2):
        try:
            return os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o644)
        except FileExistsError:
            owner = _read_owner(lock)
            if not owner or owner_alive(owner, None):
                return None
            lock.unlink(missing_ok=True)
        except OSError as exc:
            raise write_error(lock, exc) from None
    return None


def _release(lock: Path, fd: int) -> None:
    try:
        # Removed while still held: a waiter that opened it sees it gone and retries.
        if os.path.samestat(os.fstat(fd), os.stat(lock)):
            os.unlink(lock)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_owner(lock: Path) -> dict:
    try:
        owner = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return owner if isinstance(owner, dict) else {}


def _command() -> str:
    args = sys.argv[1:] if sys.argv else []
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    return " ".join(["l10n" if name == "__main__.py" else name, *args])[:120]


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(seconds, 0):.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
