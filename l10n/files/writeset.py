"""Files written together: all of them or none, even if the run is killed half-way.

Every new content goes to a temporary file beside its destination
(``.NAME.l10n-tmp-PID-TOKEN``), on disk, before anything is replaced; a
journal in the run's folder lists them first.  Then each file is renamed
into place (or, hard-linked, rewritten in place).  A rename is atomic for
one file; the journal makes the set atomic: :func:`recover` finishes a set
whose renames had begun, and removes the temporary files of one that had
not.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from l10n.errors import InputFileError, L10nError
from l10n.files.owner import me, owner_alive, pid_alive
from l10n.files.version import (
    MISSING,
    ConcurrentEditError,
    FileVersion,
    digest,
    file_status,
    read_current,
    version_of,
)
from l10n.textfile import (
    DIRECT,
    IN_PLACE,
    REPLACE,
    TEMP_RE,
    Target,
    is_live_temp,
    os_error_message,
    publish,
    remove_temp,
    resolve_target,
    stage,
    sync_folder,
    temp_path,
    write_direct,
    write_error,
    write_in_place,
)

STALE_AFTER_S = 3600.0
"""A temporary file or journal this old is a leftover even if its pid runs:
pids are reused, and another machine's pids cannot be checked at all."""

_step_hook: Callable[[str, int], None] | None = None
"""Called at each step of a commit; the crash tests kill the process there."""


def _step(name: str, index: int = 0) -> None:
    if _step_hook is not None:
        _step_hook(name, index)


@dataclass
class _Write:
    path: Path
    data: bytes
    expect: FileVersion | None
    target: Target | None = None
    old: FileVersion = MISSING  # what the destination held at the check
    seen: tuple[int, ...] | None = None  # its status then
    temp: Path | None = None


class WriteSet:
    """Files written together: every one of them, or none.

    ``add`` collects the files; ``commit`` writes them.  Before anything is
    replaced, each destination is checked against the version its caller
    read (``expect``), each new content is on disk in a temporary file beside
    its destination, and a journal in ``folder`` lists them.  Then the
    renames.  A failure before them leaves every destination untouched and
    no temporary file; a crash during them is finished by :func:`recover`.
    A file whose content would not change is not touched.  Used as a context
    manager, it commits when the block ends without an exception.
    """

    def __init__(self, folder: Path | str) -> None:
        """``folder`` holds the journal: the folder the run writes in (and locks)."""
        self.folder = Path(folder)
        self.written: list[Path] = []
        self._writes: dict[Path, _Write] = {}
        self._committed = False

    def add(
        self, path: Path | str, content: str | bytes, *, expect: FileVersion | None = None
    ) -> None:
        """Write ``content`` to ``path`` at commit.  With ``expect``, only if the file
        still holds that version (``MISSING``: still does not exist).  Adding a path
        again replaces its content.  ``expect`` means nothing for a FIFO or device."""
        if self._committed:
            raise RuntimeError("this WriteSet is already committed")
        data = content.encode("utf-8") if isinstance(content, str) else content
        self._writes[Path(path)] = _Write(Path(path), data, expect)

    def __enter__(self) -> WriteSet:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()

    def commit(self) -> list[Path]:
        """Write every file added; returns the paths written (unchanged ones are not).

        Raises :class:`ConcurrentEditError` (nothing written) when an expected
        version changed, :class:`InputFileError` when a file cannot be written.
        FIFOs and devices are written last, directly, outside the all-or-none.

        The race left: the last look at the expected files comes after
        staging and the journal, just before the renames, and compares
        their status (no read).  A save that lands between that look and
        the file's rename (microseconds, plus the renames of the files
        before it) is overwritten.  No file system offers "rename if
        unchanged"; an editor that keeps the file open and saves later
        overwrites this commit in turn (its "changed on disk" warning is
        the guard there).
        """
        if self._committed:
            raise RuntimeError("this WriteSet is already committed")
        self._committed = True
        writes, direct = self._check()
        for write in writes:
            write.temp = temp_path(write.target.real)  # type: ignore[union-attr]
        journal = _Journal(self.folder, writes) if _needs_journal(self.folder, writes) else None
        try:
            if journal is not None:
                journal.write(STAGING)  # a crash now: recover() removes the temporary files
                _step("intent")
            for index, write in enumerate(writes):
                stage(write.target, write.data, write.temp)  # type: ignore[arg-type]
                _step("staged", index)
            if journal is not None:
                journal.write(RENAMING)  # the commit point: a crash now, recover() finishes
                _step("journal")
            _recheck(writes)
        except BaseException:
            _undo(writes, journal)
            raise
        _apply(writes, journal)
        for target, data in direct:
            write_direct(target, data)
        self.written = [w.path for w in writes] + [t.path for t, _ in direct]
        return self.written

    def _check(self) -> tuple[list[_Write], list[tuple[Target, bytes]]]:
        """Resolve every destination and read what it holds; nothing is written yet."""
        writes: list[_Write] = []
        direct: list[tuple[Target, bytes]] = []
        changed: list[str] = []
        first: dict[Path, Path] = {}
        for write in self._writes.values():
            target = resolve_target(write.path)
            if target.how == DIRECT:
                direct.append((target, write.data))
                continue
            if first.setdefault(target.real, write.path) != write.path:
                raise InputFileError(
                    str(write.path),
                    f"is the same file as {first[target.real]} (a link)",
                    hint="write each file once",
                )
            write.target = target
            read = read_current(target.real)
            if read is not None:
                write.old, write.seen = version_of(*read), file_status(read[1])
            if write.expect is not None and write.old.sha256 != write.expect.sha256:
                changed.append(str(write.path))
            elif write.old.sha256 != digest(write.data):
                writes.append(write)
        if changed:
            raise ConcurrentEditError(changed)
        return writes, direct


def _recheck(writes: list[_Write]) -> None:
    """The last look before the renames: did anyone save an expected file since the check?

    A status compare (no read) unless the status moved, to keep the window
    between this look and the renames as short as it can be.
    """
    changed = []
    for write in writes:
        if write.expect is None:
            continue
        real = write.target.real  # type: ignore[union-attr]
        try:
            now: tuple[int, ...] | None = file_status(os.stat(real))
        except FileNotFoundError:
            now = None
        if now != write.seen:
            read = read_current(real)
            if (None if read is None else digest(read[0])) != write.old.sha256:
                changed.append(str(write.path))
    if changed:
        raise ConcurrentEditError(changed)


def _apply(writes: list[_Write], journal: _Journal | None) -> None:
    with _signals_held():
        for index, write in enumerate(writes):
            _step("applying", index)
            try:
                publish(write.temp, write.target, write.data)  # type: ignore[arg-type]
            except OSError as exc:
                _stopped(write, journal, exc)
            _step("applied", index)
        for folder in {w.target.real.parent for w in writes}:  # type: ignore[union-attr]
            sync_folder(folder)
        if journal is not None:
            _drop_journal(journal.path)
    _step("done")


def _stopped(write: _Write, journal: _Journal | None, exc: OSError) -> None:
    """A rename or rewrite failed: no journal, nothing was replaced; else the journal stays."""
    if journal is None:
        remove_temp(write.temp)  # type: ignore[arg-type]
        raise write_error(write.path, exc) from None
    _live_journals.discard(str(journal.path))  # now recover() may finish it
    reason = os_error_message(write.path, exc, writing=True)
    raise InputFileError(
        str(write.path),
        f"{reason}; the run's other new files wait beside their destinations",
        hint=f"fix that and run again: l10n first finishes the writing listed in {journal.path}",
    ) from None


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C (or TERM, HUP) during the renames takes effect after them, not between."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    held = {
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    }
    before = mask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, before)


# --- the journal and recovery ----------------------------------------------------------

JOURNAL_RE = re.compile(r"^\.l10n-journal-(?P<pid>\d+)-(?P<token>[0-9a-f]{8})\.json$")
_live_journals: set[str] = set()  # written by this process, commit still running


STAGING = "staging"
RENAMING = "renaming"


class _Journal:
    """A set's files and temporary files, listed in ``folder`` before anything is staged.

    State STAGING while the temporary files are written: recover() removes
    them, wherever they are (beside a symbolic link's target outside the
    folder, too).  RENAMING once all are on disk: recover() finishes the set.
    Each state appears whole: staged, fsynced, renamed over the last.
    """

    def __init__(self, folder: Path, writes: list[_Write]) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(folder, exc) from None
        self.base = Path(os.path.realpath(folder))
        self.path = self.base / f".l10n-journal-{os.getpid()}-{secrets.token_hex(4)}.json"
        self.state: str | None = None
        # Paths relative to the journal: a project folder moved after a crash still recovers.
        self.entries = [
            {
                "dest": os.path.relpath(w.target.real, self.base),  # type: ignore[union-attr]
                "temp": os.path.relpath(w.temp, self.base),  # type: ignore[arg-type]
                "in_place": w.target.how == IN_PLACE,  # type: ignore[union-attr]
                "old": w.old.sha256,
                "new": digest(w.data),
            }
            for w in writes
        ]
        _live_journals.add(str(self.path))

    def write(self, state: str) -> None:
        data = json.dumps({**me(), "state": state, "entries": self.entries}, indent=1)
        target = Target(self.path, self.path, REPLACE)
        temp = stage(target, data.encode("utf-8"))
        try:
            publish(temp, target, data.encode("utf-8"))
        except OSError as exc:
            raise write_error(self.path, exc) from None
        finally:
            remove_temp(temp)
        sync_folder(self.base)
        self.state = state


def _needs_journal(folder: Path, writes: list[_Write]) -> bool:
    """One rename in the folder is atomic, and its temporary file is found there."""
    inside = os.path.realpath(folder) + os.sep
    return (
        len(writes) > 1
        or any(w.target.how == IN_PLACE for w in writes)  # type: ignore[union-attr]
        or any(not str(w.temp).startswith(inside) for w in writes)
    )


def _undo(writes: list[_Write], journal: _Journal | None) -> None:
    """Remove the temporary files of a commit stopped before its renames."""
    if journal is not None and journal.state == RENAMING:
        try:
            journal.write(STAGING)  # a crash while removing them must not finish the set
        except (OSError, L10nError):
            _drop_journal(journal.path)
    for index, write in enumerate(writes):
        if write.temp is not None:
            remove_temp(write.temp)
            _step("removed", index)
    if journal is not None:
        _drop_journal(journal.path)


def _drop_journal(journal: Path) -> None:
    with suppress(FileNotFoundError):
        os.unlink(journal)
    _live_journals.discard(os.path.realpath(journal))
    sync_folder(journal.parent)


@dataclass
class Recovery:
    """What :func:`recover` found and did."""

    finished: list[Path] = field(default_factory=list)  # written from a killed run's journal
    kept_aside: list[Path] = field(default_factory=list)  # not applied: the file changed since
    removed: list[Path] = field(default_factory=list)  # stale temporary files


def recover(folder: Path | str, *, max_age_s: float = STALE_AFTER_S) -> Recovery:
    """Finish what killed runs left under ``folder``; call it with the folder locked.

    A journal whose run is gone is rolled forward: each listed file not yet
    replaced is, if it still holds what it held at that run's check (or a
    prefix of the new text, left by an interrupted in-place rewrite).  A file
    someone saved after the crash is kept; the run's new version goes beside
    it as ``NAME.l10n-unapplied-DATE`` (``kept_aside``).  Temporary files of
    runs that stopped before their journal are removed.
    """
    folder = Path(folder)
    result = Recovery()
    if not folder.is_dir():
        return result
    for journal in _journals(folder):
        record = _load_journal(journal)
        if record is not None and _journal_in_use(journal, record, max_age_s):
            continue
        base = Path(os.path.realpath(journal.parent))
        entries = (record or {}).get("entries", [])
        if (record or {}).get("state") == RENAMING:
            for entry in entries:
                _finish(base, entry, result)
            for dest in {p.parent for p in result.finished}:
                sync_folder(dest)
        else:  # stopped while staging: nothing was replaced
            for entry in entries:
                temp = _under(base, entry["temp"])
                if temp.exists():
                    temp.unlink()
                    result.removed.append(temp)
        _drop_journal(journal)
    result.removed += clean_stale_temporaries(folder, max_age_s=max_age_s)
    return result


def _finish(base: Path, entry: dict, result: Recovery) -> None:
    """Roll one journal entry forward, unless someone saved its file after the crash."""
    dest, temp = _under(base, entry["dest"]), _under(base, entry["temp"])
    try:
        new = temp.read_bytes()
    except FileNotFoundError:
        return  # replaced before the crash
    try:
        read = read_current(dest)
        current = None if read is None else read[0]
        now = None if current is None else digest(current)
        if now == entry["new"] or digest(new) != entry["new"]:
            os.unlink(temp)  # done already; or not the staged text (cannot happen: fsynced)
            return
        torn = entry["in_place"] and current is not None and new.startswith(current)
        if now == entry["old"] or torn:
            if entry["in_place"] and current is not None:
                write_in_place(dest, new)
                os.unlink(temp)
            else:
                os.replace(temp, dest)
            result.finished.append(dest)
            return
        aside = dest.with_name(f"{dest.name}.l10n-unapplied-{time.strftime('%Y%m%d-%H%M%S')}")
        os.replace(temp, aside)
        result.kept_aside.append(aside)
    except InputFileError:
        raise
    except OSError as exc:
        raise write_error(dest, exc) from None


def _under(base: Path, relative: str) -> Path:
    return Path(os.path.normpath(base / relative))  # base is real: ".." is safe


def _journals(folder: Path) -> list[Path]:
    return [
        Path(top) / name
        for top, _dirs, names in os.walk(folder)
        for name in sorted(names)
        if JOURNAL_RE.match(name)
    ]


def _load_journal(path: Path) -> dict | None:
    """The journal's record, or None when it cannot be read (it is dropped then)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _journal_in_use(journal: Path, record: dict, max_age_s: float) -> bool:
    if os.path.realpath(journal) in _live_journals:
        return True
    if record.get("pid") == os.getpid():
        return False  # this process's, no commit running: a failed one
    return owner_alive(record, max_age_s)


def clean_stale_temporaries(folder: Path | str, *, max_age_s: float = STALE_AFTER_S) -> list[Path]:
    """Remove l10n's temporary files under ``folder`` that no running commit needs.

    A temporary file (``.NAME.l10n-tmp-PID-TOKEN``) is stale when its process
    is gone on this machine, or it is older than ``max_age_s``; one a journal
    lists is kept for :func:`recover`.  Returns the files removed.
    """
    folder = Path(folder)
    pending = {
        os.path.realpath(_under(Path(os.path.realpath(j.parent)), e["temp"]))
        for j in _journals(folder)
        for e in (_load_journal(j) or {}).get("entries", [])
    }
    removed = []
    for top, _dirs, names in os.walk(folder):
        for name in names:
            match = TEMP_RE.match(name)
            path = Path(top) / name
            if match is None or is_live_temp(path) or os.path.realpath(path) in pending:
                continue
            pid = int(match["pid"])
            try:
                age = time.time() - path.lstat().st_mtime
                if pid == os.getpid() or not pid_alive(pid) or age > max_age_s:
                    path.unlink()
                    removed.append(path)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise write_error(path, exc) from None
    return removed
