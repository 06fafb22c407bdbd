"""Writing files safely: a write never leaves half a file, and an unchanged
file is not touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.errors import L10nError
from l10n.files import write_atomic
from l10n.textfile import path_problem, read_text

# --- write_atomic ----------------------------------------------------------------------


def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_write_atomic_creates_the_file_and_its_folder(tmp_path):
    path = tmp_path / "uk" / "kursk.po"
    assert write_atomic(path, "Світ\n") is True
    assert path.read_bytes() == "Світ\n".encode()
    assert leftovers(path.parent, "kursk.po") == []
    assert os.access(path, os.R_OK)


def test_write_atomic_leaves_an_unchanged_file_untouched(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text("same\n", encoding="utf-8")
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.stat().st_mtime_ns
    assert write_atomic(path, "same\n") is False
    assert path.stat().st_mtime_ns == before
    assert leftovers(tmp_path, "kursk.po") == []


def test_write_atomic_replaces_changed_content_and_keeps_the_mode(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    assert write_atomic(path, "new\n") is True
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert leftovers(tmp_path, "kursk.po") == []


def test_write_atomic_failure_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "kursk.po"
    path.write_text("reviewed work\n", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    # Either the OSError itself or an input error naming the file.
    with pytest.raises((OSError, L10nError)) as err:
        write_atomic(path, "half-written replacement\n")
    if isinstance(err.value, L10nError):
        assert str(path) in err.value.message
    assert path.read_text(encoding="utf-8") == "reviewed work\n"
    assert leftovers(tmp_path, "kursk.po") == []


def test_write_atomic_interrupted_while_writing_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "kursk.po"
    path.write_text("reviewed work\n", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "replacement\n")
    assert path.read_text(encoding="utf-8") == "reviewed work\n"
    assert leftovers(tmp_path, "kursk.po") == []


# --- what is not a plain file ------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, *args: str, timeout: float = 60, **kwargs):
    """Run ``code`` in a fresh interpreter importing this checkout's l10n."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args], env=env, timeout=timeout, **kwargs
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child hung (no answer in {timeout} s)")


WRITE_ARGV1 = (
    "import sys; from l10n.files import write_atomic; write_atomic(sys.argv[1], 'Світ\\n')"
)


def test_write_atomic_writes_into_a_fifo_without_reading_it(tmp_path):
    fifo = tmp_path / "out.po"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that a writer can open it
    try:
        child = run_python(
            WRITE_ARGV1,
            str(fifo),
            capture_output=True,
        )
        assert child.returncode == 0, child.stderr
        assert os.read(reader, 1000) == "Світ\n".encode()
    finally:
        os.close(reader)
    assert fifo.is_fifo()
    assert leftovers(tmp_path, "out.po") == []


def test_write_atomic_to_a_piped_stdout_writes_the_pipe(tmp_path):
    # Through a link in tmp_path: were it replaced, /dev/stdout itself stays safe.
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    child = run_python(WRITE_ARGV1, str(link), capture_output=True)
    assert child.returncode == 0, child.stderr
    assert child.stdout == "Світ\n".encode()
    assert link.is_symlink()


def test_write_atomic_to_stdout_redirected_to_a_file_appends_to_it(tmp_path):
    # /proc/self/fd/1 rather than /dev/stdout: were it replaced, /proc refuses.
    out = tmp_path / "out.txt"
    code = "print('before', flush=True); " + WRITE_ARGV1
    with out.open("wb") as handle:
        child = run_python(code, "/proc/self/fd/1", stdout=handle, stderr=subprocess.PIPE)
    assert child.returncode == 0, child.stderr
    assert out.read_text(encoding="utf-8") == "before\nСвіт\n"
    assert leftovers(tmp_path, "out.txt") == []


def test_write_atomic_to_a_device_keeps_the_device(tmp_path):
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    assert write_atomic(link, "discarded\n") is True
    assert link.is_symlink() and Path("/dev/null").is_char_device()
    assert leftovers(tmp_path, "null") == []


def test_write_atomic_refuses_a_socket_with_a_true_message(tmp_path):
    import socket

    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(L10nError, match="is a socket"):
            write_atomic(path, "x\n")
    finally:
        server.close()
    assert path.is_socket()


# --- links -------------------------------------------------------------------------------


def test_write_atomic_through_a_symlink_updates_the_shared_target(tmp_path):
    shared = tmp_path / "shared" / "kursk.po"
    shared.parent.mkdir()
    shared.write_text("old\n", encoding="utf-8")
    shared.chmod(0o640)
    link = tmp_path / "uk" / "kursk.po"
    link.parent.mkdir()
    link.symlink_to(shared)
    assert write_atomic(link, "new\n") is True
    assert link.is_symlink()
    assert shared.read_text(encoding="utf-8") == "new\n"
    assert shared.stat().st_mode & 0o777 == 0o640
    assert leftovers(shared.parent, "kursk.po") == []
    assert leftovers(link.parent, "kursk.po") == []


def test_write_atomic_through_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "kursk.po"
    link.symlink_to("real.po")
    assert write_atomic(link, "new\n") is True
    assert link.is_symlink()
    assert (tmp_path / "real.po").read_text(encoding="utf-8") == "new\n"


def test_write_atomic_keeps_a_hard_link(tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    other = tmp_path / "copy-for-review.po"
    os.link(path, other)
    assert write_atomic(path, "new\n") is True
    assert other.read_text(encoding="utf-8") == "new\n"
    assert os.path.samefile(path, other)
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy-for-review.po", "kursk.po"]


# --- true messages -----------------------------------------------------------------------


def loop(tmp_path: Path) -> Path:
    path = tmp_path / "loop.po"
    path.symlink_to(path.name)
    return path


def file_as_parent(tmp_path: Path) -> Path:
    (tmp_path / "uk").write_text("not a folder\n", encoding="utf-8")
    return tmp_path / "uk" / "kursk.po"


def test_read_text_names_a_symlink_loop(tmp_path):
    with pytest.raises(L10nError, match="symbolic link loop"):
        read_text(loop(tmp_path), kind="PO file")


def test_read_text_names_the_file_that_is_in_the_way_of_a_folder(tmp_path):
    with pytest.raises(L10nError) as err:
        read_text(file_as_parent(tmp_path), kind="PO file")
    assert f"{tmp_path / 'uk'} is a file, not a folder" in err.value.message


def test_read_text_names_a_dangling_symlink(tmp_path):
    (tmp_path / "kursk.po").symlink_to("gone.po")
    with pytest.raises(L10nError, match=r"symbolic link to gone\.po, which does not exist"):
        read_text(tmp_path / "kursk.po", kind="PO file")


def test_read_text_reports_a_missing_file_in_the_systems_words(tmp_path):
    with pytest.raises(L10nError, match=r"kursk\.po: cannot read: No such file or directory$"):
        read_text(tmp_path / "kursk.po", kind="PO file")


def test_write_atomic_refuses_a_symlink_loop_and_keeps_it(tmp_path):
    path = loop(tmp_path)
    with pytest.raises(L10nError, match="symbolic link loop"):
        write_atomic(path, "x\n")
    assert path.is_symlink()


def test_write_atomic_names_the_file_that_is_in_the_way_of_a_folder(tmp_path):
    with pytest.raises(L10nError) as err:
        write_atomic(file_as_parent(tmp_path), "x\n")
    assert f"{tmp_path / 'uk'} is a file, not a folder" in err.value.message
    assert "File exists" not in err.value.message


def test_write_atomic_refuses_a_folder_with_a_true_message(tmp_path):
    (tmp_path / "kursk.po").mkdir()
    with pytest.raises(L10nError, match=r"kursk\.po: is a folder, not a file"):
        write_atomic(tmp_path / "kursk.po", "x\n")


def test_path_problem_says_what_is_there_instead_of_a_file(tmp_path):
    (tmp_path / "kursk.po").write_text("fine\n", encoding="utf-8")
    assert path_problem(tmp_path / "kursk.po") is None
    assert path_problem(loop(tmp_path), kind="PO file") == "is a symbolic link loop"
    assert path_problem(tmp_path, kind="PO file") == "is a folder, not a PO file"
    under = file_as_parent(tmp_path)
    assert path_problem(under) == f"{tmp_path / 'uk'} is a file, not a folder"
