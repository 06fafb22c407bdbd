"""Writing a run's files as one: all or none even under kill -9, and no edit saved
meanwhile is lost."""

from __future__ import annotations

import errno
import json
import os
import pickle
import subprocess
from pathlib import Path

import pytest

import l10n.files.writeset as writeset
from files.helpers import child, finish, leftovers
from l10n.errors import InputFileError
from l10n.files import (
    MISSING,
    ConcurrentEditError,
    WriteSet,
    clean_stale_temporaries,
    read_versioned,
    recover,
    snapshot,
)

# --- WriteSet --------------------------------------------------------------------------


def test_a_write_set_writes_every_file_and_leaves_unchanged_ones_alone(tmp_path):
    a, b, c = (tmp_path / lang / "kursk.po" for lang in ("uk", "ru", "sq"))
    b.parent.mkdir()
    b.write_text("same\n", encoding="utf-8")
    os.utime(b, ns=(10**18, 10**18))
    with WriteSet(tmp_path) as writes:
        writes.add(a, "нове\n")
        writes.add(b, "same\n")
        writes.add(c, b"bytes\n")
    assert writes.written == [a, c]
    assert a.read_text(encoding="utf-8") == "нове\n"
    assert c.read_text(encoding="utf-8") == "bytes\n"
    assert b.stat().st_mtime_ns == 10**18
    assert leftovers(tmp_path) == []


def test_a_block_that_fails_writes_nothing(tmp_path):
    path = tmp_path / "kursk.po"
    with pytest.raises(ZeroDivisionError), WriteSet(tmp_path) as writes:
        writes.add(path, "new\n")
        1 / 0  # noqa: B018
    assert not path.exists()


def three_files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / lang / "kursk.po" for lang in ("uk", "ru", "sq")]
    for path in paths:
        path.parent.mkdir()
        path.write_text(f"{path.parent.name} reviewed\n", encoding="utf-8")
    return paths


def test_a_full_disk_while_staging_leaves_every_file_as_it_was(tmp_path, monkeypatch):
    paths = three_files(tmp_path)
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:  # the third file's temporary copy
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    writes = WriteSet(tmp_path)
    for path in paths:
        writes.add(path, "machine translation\n")
    with pytest.raises(InputFileError, match="No space left") as err:
        writes.commit()
    assert "free some disk space" in err.value.hint
    assert [p.read_text(encoding="utf-8") for p in paths] == [
        "uk reviewed\n",
        "ru reviewed\n",
        "sq reviewed\n",
    ]
    assert leftovers(tmp_path) == []


def test_a_file_saved_since_it_was_read_stops_the_whole_set(tmp_path):
    paths = three_files(tmp_path)
    versions = [read_versioned(p, kind="PO file")[1] for p in paths]
    paths[1].write_text("ru: the reviewer's new work\n", encoding="utf-8")
    writes = WriteSet(tmp_path)
    for path, version in zip(paths, versions, strict=True):
        writes.add(path, "merged\n", expect=version)
    with pytest.raises(ConcurrentEditError) as err:
        writes.commit()
    assert err.value.paths == [str(paths[1])]
    assert "nothing was written" in err.value.message
    assert pickle.loads(pickle.dumps(err.value)).paths == [str(paths[1])]
    assert paths[0].read_text(encoding="utf-8") == "uk reviewed\n"
    assert paths[1].read_text(encoding="utf-8") == "ru: the reviewer's new work\n"
    assert leftovers(tmp_path) == []

    # The caller reads again, merges again, and the retry goes through.
    again = WriteSet(tmp_path)
    for path in paths:
        again.add(path, "merged\n", expect=snapshot(path))
    assert again.commit() == paths


def test_a_save_during_the_commit_is_caught_before_any_rename(tmp_path, monkeypatch):
    paths = three_files(tmp_path)
    writes = WriteSet(tmp_path)
    for path in paths:
        writes.add(path, "merged\n", expect=snapshot(path))

    def editor_saves(step, index):
        if step == "staged" and index == 2:
            paths[2].write_text("sq: saved just now\n", encoding="utf-8")

    monkeypatch.setattr(writeset, "_step_hook", editor_saves)
    with pytest.raises(ConcurrentEditError):
        writes.commit()
    assert paths[0].read_text(encoding="utf-8") == "uk reviewed\n"
    assert paths[2].read_text(encoding="utf-8") == "sq: saved just now\n"
    assert leftovers(tmp_path) == []


def test_a_new_file_someone_created_meanwhile_is_not_overwritten(tmp_path):
    path = tmp_path / "kursk.po"
    writes = WriteSet(tmp_path)
    writes.add(path, "machine\n", expect=MISSING)
    path.write_text("the reviewer's\n", encoding="utf-8")
    with pytest.raises(ConcurrentEditError):
        writes.commit()
    assert path.read_text(encoding="utf-8") == "the reviewer's\n"


def test_a_write_set_keeps_links_and_writes_devices_directly(tmp_path):
    shared = tmp_path / "shared.po"
    shared.write_text("old\n", encoding="utf-8")
    symlinked = tmp_path / "uk.po"
    symlinked.symlink_to(shared)
    hard = tmp_path / "ru.po"
    hard.write_text("old\n", encoding="utf-8")
    os.link(hard, tmp_path / "ru-review.po")
    null = tmp_path / "null"
    null.symlink_to("/dev/null")
    with WriteSet(tmp_path) as writes:
        writes.add(symlinked, "uk new\n")
        writes.add(hard, "ru new\n")
        writes.add(null, "discarded\n")
    assert symlinked.is_symlink() and shared.read_text(encoding="utf-8") == "uk new\n"
    assert os.path.samefile(hard, tmp_path / "ru-review.po")
    assert (tmp_path / "ru-review.po").read_text(encoding="utf-8") == "ru new\n"
    assert null.is_symlink()
    assert leftovers(tmp_path) == []


def test_two_names_of_one_file_in_a_set_are_refused(tmp_path):
    (tmp_path / "a.po").write_text("old\n", encoding="utf-8")
    (tmp_path / "b.po").symlink_to("a.po")
    writes = WriteSet(tmp_path)
    writes.add(tmp_path / "a.po", "one\n")
    writes.add(tmp_path / "b.po", "other\n")
    with pytest.raises(InputFileError, match="is the same file as"):
        writes.commit()
    assert (tmp_path / "a.po").read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_rename_failing_half_way_is_finished_by_the_next_run(tmp_path, monkeypatch):
    paths = three_files(tmp_path)
    real_publish, calls = writeset.publish, []

    def publish(temp, target, data):
        calls.append(target.real.name)
        if calls.count("kursk.po") == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_publish(temp, target, data)

    monkeypatch.setattr(writeset, "publish", publish)
    writes = WriteSet(tmp_path)
    for path in paths:
        writes.add(path, f"{path.parent.name} new\n")
    with pytest.raises(InputFileError, match="wait beside their destinations") as err:
        writes.commit()
    assert "finishes the writing" in err.value.hint
    monkeypatch.setattr(writeset, "publish", real_publish)

    done = recover(tmp_path)
    assert sorted(done.finished) == sorted(p.resolve() for p in paths[1:])
    assert [p.read_text(encoding="utf-8") for p in paths] == ["uk new\n", "ru new\n", "sq new\n"]
    assert leftovers(tmp_path) == []


# --- kill -9 during a commit -----------------------------------------------------------

COMMIT_CHILD = """
import json, os, signal, sys
from pathlib import Path
import l10n.files as files
import l10n.files.writeset as writeset

plan = json.loads(sys.argv[1])
steps = []

def hook(step, index):
    steps.append((step, index))
    for path, text in plan.get("edits", {}).get(f"{step} {index}", {}).items():
        Path(path).write_text(text, encoding="utf-8")  # someone saves meanwhile
    if [step, index] == plan.get("pause_on"):
        print("paused", flush=True)
        sys.stdin.readline()
    if len(steps) == plan.get("crash_at") or [step, index] == plan.get("crash_on"):
        for path, prefix in plan.get("torn", {}).items():
            Path(path).write_bytes(prefix.encode())  # truncated and half rewritten
        os.kill(os.getpid(), signal.SIGKILL)

writeset._step_hook = hook
writes = writeset.WriteSet(plan["folder"])
for path, text in plan["files"].items():
    writes.add(path, text, expect=files.snapshot(path) if plan.get("expect") else None)
writes.commit()
print(json.dumps(steps), flush=True)
"""


class Project:
    """A locales folder with a plain PO file, one symlinked to a shared file outside,
    one hard-linked to a reviewer's copy, and one still to be created."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.locales = root / "locales"
        uk, ru, sq, de = (self.locales / lang / "kursk.po" for lang in ("uk", "ru", "sq", "de"))
        self.shared, self.review = root / "shared" / "ru.po", root / "review" / "sq.po"
        for path in (uk, self.shared, sq, self.review):
            path.parent.mkdir(parents=True, exist_ok=True)
        uk.write_text("uk reviewed\n", encoding="utf-8")
        self.shared.write_text("ru reviewed\n", encoding="utf-8")
        ru.parent.mkdir(parents=True)
        ru.symlink_to(self.shared)
        sq.write_text("sq reviewed\n", encoding="utf-8")
        os.link(sq, self.review)
        self.old = {uk: "uk reviewed\n", ru: "ru reviewed\n", sq: "sq reviewed\n", de: None}
        self.new = {p: f"{p.parent.name} merged and translated\n" * 40 for p in self.old}

    def commit_in_child(self, only: Path | None = None, **plan) -> subprocess.Popen:
        new = {p: t for p, t in self.new.items() if only in (None, p)}
        plan.update(folder=str(self.locales), files={str(p): t for p, t in new.items()})
        return child(COMMIT_CHILD, json.dumps(plan), stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def contents(self) -> dict[Path, str | None]:
        return {p: p.read_text(encoding="utf-8") if p.exists() else None for p in self.old}

    def assert_links_kept(self) -> None:
        ru, sq = list(self.old)[1:3]
        assert ru.is_symlink() and ru.resolve() == self.shared
        assert os.path.samefile(sq, self.review)


STEPS = 1 + 4 + 1 + 2 * 4 + 1  # intent, staged x4, journal, (applying, applied) x4, done


@pytest.mark.parametrize("crash_at", range(1, STEPS + 2))
def test_kill_9_at_any_step_leaves_the_set_all_old_or_all_new(tmp_path, crash_at):
    project = Project(tmp_path)
    run = project.commit_in_child(crash_at=crash_at)
    out, _ = run.communicate(timeout=120)
    assert run.returncode == (0 if crash_at > STEPS else -9), out
    if crash_at > STEPS:
        assert len(json.loads(out)) == STEPS  # the steps counted here are the real ones
    for path, text in project.contents().items():  # each file: old or new, never half
        assert text in (project.old[path], project.new[path])

    recover(project.locales)
    journal_written = crash_at >= 6
    assert project.contents() == (project.new if journal_written else project.old)
    project.assert_links_kept()
    assert leftovers(tmp_path) == []


def test_kill_9_writing_one_symlinked_file_leaves_nothing_beside_its_target(tmp_path):
    project = Project(tmp_path)
    ru = list(project.old)[1]
    run = project.commit_in_child(only=ru, crash_on=["staged", 0])
    run.communicate(timeout=120)
    assert run.returncode == -9
    assert leftovers(project.shared.parent)  # the temporary file is outside the folder

    recover(project.locales)
    assert project.contents() == project.old
    assert leftovers(tmp_path) == []


def test_kill_9_inside_an_in_place_rewrite_is_finished(tmp_path):
    project = Project(tmp_path)
    sq = list(project.old)[2]
    run = project.commit_in_child(crash_on=["applying", 2], torn={str(sq): project.new[sq][:100]})
    run.communicate(timeout=120)
    assert run.returncode == -9
    assert sq.read_text(encoding="utf-8") == project.new[sq][:100]

    done = recover(project.locales)
    assert sq.resolve() in done.finished
    assert project.contents() == project.new
    project.assert_links_kept()
    assert leftovers(tmp_path) == []


def test_a_file_saved_after_the_crash_keeps_the_save(tmp_path):
    project = Project(tmp_path)
    uk, ru = list(project.old)[:2]
    run = project.commit_in_child(crash_on=["applying", 1])  # uk written, ru not yet
    run.communicate(timeout=120)
    ru.write_text("ru: reviewed again after the crash\n", encoding="utf-8")

    done = recover(project.locales)
    assert ru.read_text(encoding="utf-8") == "ru: reviewed again after the crash\n"
    (aside,) = done.kept_aside
    assert aside.name.startswith("ru.po.l10n-unapplied-")
    assert aside.parent == project.shared.parent.resolve()
    assert aside.read_text(encoding="utf-8") == project.new[ru]
    assert uk.read_text(encoding="utf-8") == project.new[uk]
    assert leftovers(tmp_path) == []


def test_kill_9_while_undoing_a_refused_commit_leaves_every_file_as_it_was(tmp_path):
    project = Project(tmp_path)
    uk = next(iter(project.old))
    run = project.commit_in_child(
        expect=True,
        edits={"journal 0": {str(uk): "uk: saved during the commit\n"}},
        crash_on=["removed", 1],  # two temporary files removed, two left
    )
    run.communicate(timeout=120)
    assert run.returncode == -9

    recover(project.locales)
    assert project.contents() == {**project.old, uk: "uk: saved during the commit\n"}
    assert leftovers(tmp_path) == []


def test_recovery_leaves_a_running_commit_alone(tmp_path):
    project = Project(tmp_path)
    run = project.commit_in_child(pause_on=["journal", 0])
    assert run.stdout.readline() == "paused\n"
    pending = leftovers(tmp_path)
    assert len(pending) == 5  # four temporary files and the journal

    done = recover(project.locales, max_age_s=0)  # old enough, but their process runs
    assert done.finished == done.removed == done.kept_aside == []
    assert leftovers(tmp_path) == pending
    assert project.contents() == project.old

    run.stdin.write("\n")
    run.stdin.close()
    assert finish(run) == 0
    assert project.contents() == project.new
    assert leftovers(tmp_path) == []


# --- stale temporary files -------------------------------------------------------------


def test_clean_stale_temporaries_removes_only_dead_runs_leftovers(tmp_path):
    gone = child("pass")
    finish(gone)
    alive = child("import sys; sys.stdin.read()", stdin=subprocess.PIPE)
    try:
        folder = tmp_path / "uk"
        folder.mkdir()
        dead_one = folder / f".kursk.po.l10n-tmp-{gone.pid}-0123abcd"
        running = folder / f".kursk.po.l10n-tmp-{alive.pid}-0123abcd"
        old_one = folder / f".other.po.l10n-tmp-{alive.pid}-89abcdef"
        for path in (dead_one, running, old_one):
            path.write_text("half\n", encoding="utf-8")
        os.utime(old_one, (0, 0))
        editors = [folder / ".kursk.po.swp", folder / "kursk.po.l10n-tmp-1-0123abcd"]
        for path in editors:
            path.write_text("not ours\n", encoding="utf-8")

        removed = clean_stale_temporaries(tmp_path)
        assert sorted(removed) == sorted([dead_one, old_one])
        assert running.exists() and all(p.exists() for p in editors)
    finally:
        alive.stdin.close()
        finish(alive)
