"""``l10n translate`` never loses a translator's work: a save while it runs,
a second run, a killed run.

The engine here is a stand-in that runs a "reviewer" in the middle of
decoding, which is where a real run spends its minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from l10n.errors import L10nError
from l10n.pipeline import translate_documents
from l10n.po import format_po, read_po

SOURCE = Path("source/kursk.en.txt")
UK = Path("locales/uk/kursk.po")
NEW_SENTENCE = "A new sentence was added to the article."
REVIEWED_ID = "Kursk Oblast, 7 August 2024."


@pytest.fixture
def shipped(project) -> Path:
    """The reviewed locales, and one new sentence in the article to decode."""
    shutil.copytree(REPO / "locales", project / "locales")
    with SOURCE.open("a", encoding="utf-8") as f:
        f.write("\n" + NEW_SENTENCE + "\n")
    return project


def reviewer_saves(msgid: str, msgstr: str) -> None:
    """What Poedit does on save: read the file, change one entry, write it all."""
    po = read_po(UK)
    entry = next(e for e in po if e.msgid == msgid)
    entry.msgstr = msgstr
    UK.write_text(format_po(po), encoding="utf-8")


class Interrupting:
    """An engine whose decoding is interrupted, once, by something else."""

    name = "interrupting test engine"

    def __init__(self, during) -> None:
        self.during = during
        self.calls: list[list[str]] = []

    def translate(self, texts, *, beam_size=4, progress=None):
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            self.during()
        for i, text in enumerate(texts):
            yield i, f"[mt] {text}"


def first_reviewed_msgid() -> str:
    return next(e.msgid for e in read_po(UK) if e.msgid and "fuzzy" not in e.flags)


def test_a_reviewers_save_during_decoding_is_kept(shipped):
    msgid = first_reviewed_msgid()
    edited = "Редакторська правка, збережена під час перекладу."
    engine = Interrupting(lambda: reviewer_saves(msgid, edited))
    translate_documents(
        [SOURCE], ["uk"], locales=Path("locales"), engine_factory=lambda f, t: engine
    )
    entries = {e.msgid: e for e in read_po(UK)}
    assert entries[msgid].msgstr == edited  # the reviewer's edit survived
    assert entries[NEW_SENTENCE].msgstr == f"[mt] {NEW_SENTENCE}"  # and the run's work too
    assert "fuzzy" in entries[NEW_SENTENCE].flags
    assert engine.calls == [[NEW_SENTENCE]]  # merging again did not decode again


def test_a_reviewers_save_during_decoding_is_kept_every_time(shipped):
    """Five trials, as the bug report had: 5 of 5 edits were lost."""
    msgid = first_reviewed_msgid()
    for trial in range(5):
        edited = f"Правка номер {trial}."
        engine = Interrupting(lambda edited=edited: reviewer_saves(msgid, edited))
        with SOURCE.open("a", encoding="utf-8") as f:
            f.write(f"\nAnother new sentence number {trial}.\n")
        translate_documents(
            [SOURCE], ["uk"], locales=Path("locales"), engine_factory=lambda f, t, e=engine: e
        )
        assert {e.msgid: e.msgstr for e in read_po(UK)}[msgid] == edited


def test_saves_during_every_merge_end_the_run_unwritten(shipped, monkeypatch):
    import l10n.pipeline as pipeline

    msgid = first_reviewed_msgid()
    saves = iter(range(100))
    real_commit = pipeline._commit

    def commit_after_a_save(docs, locales, now):
        reviewer_saves(msgid, f"Ще одна правка {next(saves)}.")
        return real_commit(docs, locales, now)

    monkeypatch.setattr(pipeline, "_commit", commit_after_a_save)
    before = UK.read_bytes()
    with pytest.raises(L10nError, match="saved by someone else"):
        translate_documents(
            [SOURCE],
            ["uk"],
            locales=Path("locales"),
            engine_factory=lambda f, t: Interrupting(lambda: None),
        )
    after = read_po(UK)
    assert UK.read_bytes() != before  # the reviewer's last save is there...
    assert NEW_SENTENCE not in {e.msgid for e in after}  # ...and nothing of the run


def test_a_second_run_on_the_same_folder_is_refused_while_the_first_runs(shipped):
    """Two runs used to both exit 0, the one that read the older source last."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    second: list[subprocess.CompletedProcess] = []

    def run_second() -> None:
        second.append(
            subprocess.run(
                [sys.executable, "-m", "l10n", "translate", str(SOURCE), "--to", "uk"],
                capture_output=True,
                text=True,
                env=env,
            )
        )

    engine = Interrupting(run_second)
    translate_documents(
        [SOURCE], ["uk"], locales=Path("locales"), engine_factory=lambda f, t: engine
    )
    (result,) = second
    assert result.returncode == 2, result.stderr
    assert "locales" in result.stderr and str(os.getpid()) in result.stderr
    assert "Traceback" not in result.stderr
    assert NEW_SENTENCE in {e.msgid for e in read_po(UK)}


def test_a_killed_runs_leftovers_are_cleaned_by_the_next_run(shipped):
    """A temporary file of a run killed with -9 (its pid gone) is removed."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    leftover = UK.with_name(f".kursk.po.l10n-tmp-{dead.stdout.strip()}-0123abcd")
    leftover.write_text("half a file", encoding="utf-8")
    translate_documents(
        [SOURCE],
        ["uk"],
        locales=Path("locales"),
        engine_factory=lambda f, t: Interrupting(lambda: None),
    )
    assert not leftover.exists()
    assert not [p for p in Path("locales").rglob("*") if "l10n-tmp" in p.name]


KILLER = """
import os, signal, sys
from pathlib import Path
from l10n.files import writeset
from l10n.pipeline import translate_documents

target = int(sys.argv[1])
seen = []

def hook(name, index):
    seen.append(name)
    if len(seen) == target:
        os.kill(os.getpid(), signal.SIGKILL)

class Engine:
    name = "killed test engine"
    def translate(self, texts, *, beam_size=4, progress=None):
        for i, text in enumerate(texts):
            yield i, "[mt] " + text

writeset._step_hook = hook
# One timestamp for every run: each killed run's new files must be the same
# bytes as the whole run's, or "old or new" could not be told apart.
translate_documents([Path("source/kursk.en.txt")], ["sq", "uk", "ru"],
                    locales=Path("locales"), engine_factory=lambda f, t: Engine(),
                    now="2025-03-01 09:00+0000")
print(len(seen))
"""


def test_kill_9_at_any_step_of_the_write_phase_leaves_old_or_new(shipped):
    """Killed at each step of the commit, every file is entirely as before or
    entirely the new version, the set as one; the next run finishes or undoes
    what the killed one left, and no temporary file survives it."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    files = [
        Path("locales/kursk.pot"),
        *(Path(f"locales/{lang}/kursk.po") for lang in ("sq", "uk", "ru")),
    ]
    old = {p: p.read_bytes() for p in files}
    snapshot = Path("..") / "before"
    shutil.copytree("locales", snapshot)
    # A whole run first, to learn the new versions and the number of steps.
    done = subprocess.run(
        [sys.executable, "-c", KILLER, "0"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    steps = int(done.stdout)
    new = {p: p.read_bytes() for p in files}
    assert all(new[p] != old[p] for p in files)
    outcomes = set()
    for step in range(1, steps + 1):
        shutil.rmtree("locales")
        shutil.copytree(snapshot, "locales")
        killed = subprocess.run(
            [sys.executable, "-c", KILLER, str(step)], capture_output=True, text=True, env=env
        )
        assert killed.returncode == -9, (step, killed.stderr)
        # The next run starts by recovering; a run with nothing to do changes nothing else.
        translate_documents([], ["uk"], locales=Path("locales"))
        state = {p: p.read_bytes() for p in files}
        assert state in (old, new), f"mixed set after a kill at step {step}"
        outcomes.add("new" if state == new else "old")
        leftovers = [
            p for p in Path("locales").rglob("*") if "l10n-tmp" in p.name or "journal" in p.name
        ]
        assert not leftovers, (step, leftovers)
    assert outcomes == {"old", "new"}  # killed both before and after the point of no return
