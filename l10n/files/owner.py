"""Who wrote a record (a journal, a lock file), and whether that process still runs.

A pid alone misleads: pids are reused, and another machine's pids mean
nothing here.  So a record holds the pid, the host and the process's start
time, and a process on another host counts as running.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path


def me() -> dict:
    """This process, as a record says it: pid, host, start time, and now."""
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": process_start(os.getpid()),
        "time": time.time(),
    }


def proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (Linux), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return text[text.rfind(")") + 2 :].split()


def process_start(pid: int) -> int | None:
    """When ``pid`` started (clock ticks since boot): tells a reused pid from its first owner."""
    fields = proc_stat(pid)
    return int(fields[19]) if fields and len(fields) > 19 else None


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine; True when that cannot be told."""
    if pid <= 0 or os.name != "posix":
        return pid > 0  # os.kill would end the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's
    fields = proc_stat(pid)
    return not (fields and fields[0] == "Z")  # killed, not yet reaped


def owner_alive(owner: dict, max_age_s: float | None) -> bool:
    """Whether the process that wrote ``owner`` (see :func:`me`) still runs.

    Another machine's process cannot be checked: it counts as alive, unless
    the record is older than ``max_age_s``.
    """
    pid = owner.get("pid")
    if not isinstance(pid, int):
        return True  # still being written
    if owner.get("host") != socket.gethostname():
        stamp = owner.get("time")
        if max_age_s is None or not isinstance(stamp, int | float):
            return True
        return time.time() - stamp < max_age_s
    if not pid_alive(pid):
        return False
    started = owner.get("started")
    return started is None or process_start(pid) in (None, started)
