"""One writing run per folder: a second run is told who holds it; a killed run's
lock is taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
from pathlib import Path

import pytest

import l10n.files.lock as lock_module
from files.helpers import child, finish
from l10n.files import FolderLockedError, folder_lock

# --- folder lock -----------------------------------------------------------------------

LOCK_CHILD = """
import sys
from l10n.files import folder_lock
with folder_lock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def hold_lock(folder: Path) -> subprocess.Popen:
    holder = child(LOCK_CHILD, str(folder), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_second_run_is_told_who_holds_the_folder(tmp_path):
    holder = hold_lock(tmp_path)
    try:
        with pytest.raises(FolderLockedError) as err, folder_lock(tmp_path):
            pytest.fail("two runs hold the lock")
        message = err.value.message
        assert f"pid {holder.pid}" in message and "for " in message
        assert str(tmp_path / ".l10n.lock") in err.value.hint
        assert err.value.owner["pid"] == holder.pid
    finally:
        holder.stdin.close()
        assert finish(holder) == 0
    assert not (tmp_path / ".l10n.lock").exists()  # released, and cleaned up
    with folder_lock(tmp_path):
        pass


def test_a_killed_runs_lock_is_taken_over(tmp_path):
    holder = hold_lock(tmp_path)
    holder.kill()
    finish(holder)
    lock = tmp_path / ".l10n.lock"
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == holder.pid  # left behind
    with folder_lock(tmp_path):
        assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_a_run_can_wait_for_the_lock(tmp_path):
    holder = hold_lock(tmp_path)
    timer = threading.Timer(0.5, holder.stdin.close)
    timer.start()
    try:
        with folder_lock(tmp_path, wait_s=120):
            assert json.loads((tmp_path / ".l10n.lock").read_text())["pid"] == os.getpid()
    finally:
        timer.join()
        finish(holder)


def test_the_lock_is_reentrant_within_a_process(tmp_path):
    with folder_lock(tmp_path), folder_lock(tmp_path / "."):
        assert (tmp_path / ".l10n.lock").exists()
    assert not (tmp_path / ".l10n.lock").exists()


def test_without_flock_a_dead_holders_lock_file_is_taken_over(tmp_path, monkeypatch):
    monkeypatch.setattr(lock_module, "fcntl", None)
    holder = hold_lock(tmp_path)  # the child locks with flock; its file stays when killed
    holder.kill()
    finish(holder)
    with folder_lock(tmp_path):
        alive = child("import sys; sys.stdin.read()", stdin=subprocess.PIPE)
        try:
            owner = {"pid": alive.pid, "host": socket.gethostname()}
            # A live holder's file is respected.
            lock = tmp_path / "elsewhere" / ".l10n.lock"
            lock.parent.mkdir()
            lock.write_text(json.dumps(owner), encoding="utf-8")
            with (
                pytest.raises(FolderLockedError, match=f"pid {alive.pid}"),
                folder_lock(lock.parent),
            ):
                pass
        finally:
            alive.stdin.close()
            finish(alive)
