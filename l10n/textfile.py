"""Reading the text files l10n is given (articles, PO files, glossaries) and
writing files safely.

One place decides what a readable text file is (UTF-8, no NUL bytes, not a
folder), so every command reports a bad file the same way: the path, the
line where it goes wrong, and how to fix it.  And one place writes files
(PO files, articles, TBX, caches) so that none is ever left half-written.

A write goes where the user pointed, and keeps what the user set up there:

- a symbolic link is followed: the shared file it points to gets the new
  text (through a temporary file beside it and a rename), the link stays;
- a hard-linked file is rewritten in place, so that every name still shows
  the same file (a rename would leave the other names on the old text).
  That write is not atomic: it goes through :class:`l10n.files.WriteSet`,
  whose journal and staged copy let :func:`l10n.files.recover` finish it
  after a kill.  After a power cut the file system may keep a torn file;
  recovery then leaves it and puts the new text beside it;
- a FIFO, a device or a piped ``/dev/stdout`` is opened and written, never
  read first and never replaced by a regular file;
- a replaced file keeps its permissions (and its owner, where allowed).

:mod:`l10n.files` builds on the primitives here (:func:`resolve_target`,
:func:`stage`, :func:`publish`) to write several files as one.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import InputFileError

# --- reading ---------------------------------------------------------------------------


def read_bytes(path: Path | str, *, kind: str, hint: str | None = None) -> bytes:
    """The file's bytes; a file that cannot be read is an input error saying why."""
    path = Path(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(str(path), os_error_message(path, exc, kind=kind), hint=hint) from None


def read_text(path: Path | str, *, kind: str, hint: str | None = None) -> str:
    """The file's text, without a byte-order mark; an unusable file is an input error.

    ``kind`` names what the file should be ("PO file", "glossary"...) in the
    messages; ``hint`` says how to fix a file of that kind.
    """
    return decode_text(read_bytes(path, kind=kind, hint=hint), path, kind=kind, hint=hint)


def decode_text(data: bytes, path: Path | str, *, kind: str, hint: str | None = None) -> str:
    """``data`` read from ``path`` as text: UTF-8, no NUL byte, no byte-order mark."""
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise InputFileError(
            str(path), f"is a binary file (NUL byte), not a {kind}", line=line, hint=hint
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            str(path),
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            line=line,
            hint=f"save the {kind} as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


# --- saying what is wrong with a path --------------------------------------------------


def path_problem(path: Path | str, *, kind: str = "file") -> str | None:
    """Why ``path`` is not an existing file to read, or None when it is.

    For callers that check a path before using it: ``Path.exists()`` is
    False for a symbolic link loop or a path under a file, which then reads
    as "no such file"; this says what is really there.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return os_error_message(Path(path), exc, kind=kind)
    return f"is a folder, not a {kind}" if stat.S_ISDIR(st.st_mode) else None


def os_error_message(
    path: Path | str, exc: OSError, *, kind: str = "file", writing: bool = False
) -> str:
    """What ``exc``, raised using ``path``, means for the user: what is really there.

    The system's words mislead: a link loop is "Too many levels of symbolic
    links", a file where a folder should be is "File exists" or "Not a
    directory", a link to nothing is "No such file or directory".
    """
    path = Path(path)
    code = exc.errno
    if code == errno.ELOOP:
        return _loop_message(path)
    if code in (errno.ENOTDIR, errno.EEXIST) and (blocker := _not_a_folder(path)) is not None:
        return blocker
    if code == errno.EISDIR or (code == errno.EEXIST and path.is_dir()):
        return f"is a folder, not a {kind}"
    if code == errno.ENOENT and not writing and path.is_symlink():
        return f"is a symbolic link to {os.readlink(path)}, which does not exist"
    if code == errno.ENXIO and path.is_socket():
        return f"is a socket, not a {kind}"
    if code in (errno.EACCES, errno.EPERM):
        folder = f" in {path.parent}" if writing else ""
        return f"permission denied: cannot {'write' if writing else 'read'}{folder}"
    return f"cannot {'write' if writing else 'read'}: {exc.strerror or exc}"


WRITE_HINT = "check that its folder exists or can be created, and is writable"


def write_error(path: Path | str, exc: OSError) -> InputFileError:
    """The input error for a failed write of ``path``: what happened, how to fix it."""
    hints = {
        errno.ENOSPC: "free some disk space and run again; the old file is unchanged",
        errno.EDQUOT: "free some disk space and run again; the old file is unchanged",
        errno.EROFS: "the file system is read-only: write somewhere else",
    }
    hint = hints.get(exc.errno or 0, WRITE_HINT)
    return InputFileError(str(path), os_error_message(path, exc, writing=True), hint=hint)


def _loop_message(path: Path) -> str:
    for step in [*reversed(path.parents), path]:
        try:
            os.stat(step)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                if step == path:
                    return "is a symbolic link loop"
                return f"its folder {step} is a symbolic link loop"
    return "goes through a symbolic link loop"


def _not_a_folder(path: Path) -> str | None:
    """The message naming the first ancestor of ``path`` that is there but is no folder."""
    for step in reversed(path.parents):
        if step.is_dir():
            continue
        if not os.path.lexists(step):
            return None
        if step.is_file():
            return f"{step} is a file, not a folder"
        if step.is_symlink() and not step.exists():
            return f"{step} is a symbolic link to nothing, not a folder"
        return f"{step} is not a folder"
    return None


# --- writing ---------------------------------------------------------------------------

REPLACE = "replace"
"""How a write goes: a temporary file beside the target, renamed over it (atomic)."""
IN_PLACE = "in-place"
"""How a write goes: truncate and rewrite the file itself, so hard links keep sharing it."""
DIRECT = "direct"
"""How a write goes: open and write (a FIFO, a device, /dev/stdout); never read, never renamed."""

NEW_FILE_MODE = 0o644
TEMP_MARK = ".l10n-tmp-"
TEMP_RE = re.compile(r"^\.(?P<name>.+)\.l10n-tmp-(?P<pid>\d+)-(?P<token>[0-9a-f]{8})$")
"""A temporary file's name: ``.NAME.l10n-tmp-PID-TOKEN``, so a later run can tell
whose it is (:func:`l10n.files.clean_stale_temporaries`)."""

_STDIO = re.compile(r"^/dev/(stdout|stderr|fd/\d+)$|^/proc/(self|\d+)/fd/\d+$")
_live_temps: set[str] = set()  # staged by this process, not yet published or removed


@dataclass(frozen=True)
class Target:
    """Where a write to ``path`` really goes, and how it is done safely."""

    path: Path  # as the caller named it, for messages
    real: Path  # the file that gets the bytes: symbolic links resolved
    how: str  # REPLACE, IN_PLACE or DIRECT
    mode: int = NEW_FILE_MODE  # the permissions the written file keeps
    owner: tuple[int, int] | None = None  # (uid, gid) of the file replaced


def resolve_target(path: Path | str) -> Target:
    """How to write ``path``; a path that cannot be a file is an input error saying why."""
    path = Path(path)
    if _STDIO.match(path.as_posix()):
        # Resolving /dev/stdout leads to the shell's file or to "pipe:[...]":
        # either way the caller meant the open descriptor, not a file to replace.
        return Target(path, path, DIRECT)
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None  # a new file (or a link to one still to be created)
    except OSError as exc:
        raise write_error(path, exc) from None
    if st is None:
        return Target(path, Path(os.path.realpath(path)), REPLACE)
    if stat.S_ISDIR(st.st_mode):
        raise InputFileError(str(path), "is a folder, not a file", hint="name a file to write")
    if stat.S_ISSOCK(st.st_mode):
        raise InputFileError(str(path), "is a socket, not a file", hint="name a file to write")
    if not stat.S_ISREG(st.st_mode):
        return Target(path, path, DIRECT)
    how = IN_PLACE if st.st_nlink > 1 else REPLACE
    mode = stat.S_IMODE(st.st_mode) & 0o777
    return Target(path, Path(os.path.realpath(path)), how, mode, (st.st_uid, st.st_gid))


def temp_path(real: Path) -> Path:
    """A fresh temporary name beside ``real`` that says it is l10n's and whose."""
    name = real.name[:200]  # the suffix must fit in the system's 255 bytes
    return real.with_name(f".{name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def stage(target: Target, data: bytes, temp: Path | None = None) -> Path:
    """Write ``data`` to a temporary file beside ``target.real``, on disk (fsync).

    ``temp`` is its name, if chosen before (:func:`temp_path`).  The file
    already has the target's permissions and owner, so publishing it is one
    rename.  Any failure removes it again.
    """
    try:
        target.real.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(target.path, exc) from None
    temp = temp or temp_path(target.real)
    _live_temps.add(str(temp))  # before it exists: a concurrent clean-up must not take it
    fd = -1
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if target.owner is not None:
                _chown(handle.fileno(), *target.owner)
            os.chmod(temp, target.mode)
            os.fsync(handle.fileno())
    except BaseException as exc:
        if fd >= 0:
            remove_temp(temp)
        _live_temps.discard(str(temp))
        if isinstance(exc, OSError):
            raise write_error(target.path, exc) from None
        raise
    return temp


def publish(temp: Path, target: Target, data: bytes) -> None:
    """Put the staged ``temp`` (holding ``data``) in place of ``target``.

    REPLACE: one rename, atomic.  IN_PLACE: the file is truncated and
    rewritten, then ``temp`` is removed; a crash in between leaves a prefix
    of ``data``, which only a journal (:class:`l10n.files.WriteSet`) repairs.
    """
    if target.how == IN_PLACE:
        write_in_place(target.real, data)
        remove_temp(temp)
    else:
        os.replace(temp, target.real)
        _live_temps.discard(str(temp))


def write_in_place(real: Path, data: bytes) -> None:
    """Truncate ``real`` and write ``data`` into it, on disk: same inode, same links."""
    fd = os.open(real, os.O_WRONLY | os.O_TRUNC | _CLOEXEC)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def write_direct(target: Target, data: bytes) -> None:
    """Open ``target.path`` for writing and write ``data``: no read, no rename.

    A FIFO waits for its reader, as the shell's ``>`` does.  A /dev/stdout
    that is a regular file is appended to: the shell opened (and emptied) it.
    """
    try:
        regular = stat.S_ISREG(os.stat(target.path).st_mode)
        flags = os.O_WRONLY | _CLOEXEC | (os.O_APPEND if regular else 0)
        fd = os.open(target.path, flags)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as exc:
        raise write_error(target.path, exc) from None


def remove_temp(temp: Path) -> None:
    """Remove a staged temporary file, if it is still there."""
    try:
        os.unlink(temp)
    except FileNotFoundError:
        pass
    finally:
        _live_temps.discard(str(temp))


def is_live_temp(path: Path) -> bool:
    """Whether this process staged ``path`` and still needs it."""
    return os.path.realpath(path) in _live_temps


def sync_folder(folder: Path) -> None:
    """Put a folder's renames on disk; a system that cannot do so is left as it is."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def same_content(real: Path, data: bytes) -> bool:
    """Whether the regular file ``real`` holds exactly ``data`` (False if unreadable)."""
    try:
        if os.stat(real).st_size != len(data):
            return False
        return real.read_bytes() == data
    except OSError:
        return False


_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _chown(fd: int, uid: int, gid: int) -> None:
    """Keep the replaced file's owner and group where the system lets us."""
    if not hasattr(os, "fchown"):
        return
    for owner in ((uid, gid), (-1, gid)):
        try:
            os.fchown(fd, *owner)
            return
        except OSError:
            continue
