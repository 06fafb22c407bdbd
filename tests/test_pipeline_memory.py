"""``l10n translate`` with translation memory: exact, fuzzy and hinted matches,
[memory] settings, and a database that cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from memory.samples import LONG, LONG_UK, write_po

from l10n import catalog
from l10n.cli import cli
from l10n.memory import Settings, memory_path
from l10n.pipeline import translate_documents
from l10n.po import read_po

SIMILAR = "Ukrainian forces attacked the village southeast of Sudzha on Sunday morning."  # 97%
LOOSE = "Russian forces shelled the village southeast of Kursk on Monday."  # 73%
OTHER = "The weather was fine."


class Echo:
    name = "echo test engine"

    def translate(self, texts, *, beam_size=4, progress=None):
        for i, text in enumerate(texts):
            yield i, f"[mt] {text}"


def translate(project: Path, settings: Settings | None = None) -> dict[str, object]:
    source = project / "source" / "new.en.txt"
    source.write_text(f"{SIMILAR}\n\n{LOOSE}\n\n{OTHER}\n\n{LONG}\n", encoding="utf-8")
    translate_documents(
        [Path("source/new.en.txt")],
        ["uk"],
        locales=Path("locales"),
        engine_factory=lambda f, t: Echo(),
        detect_language=False,
        memory=settings,
    )
    return {e.msgid: e for e in read_po("locales/uk/new.po")}


@pytest.fixture
def reviewed(project) -> Path:
    write_po(project / "locales" / "uk" / "old.po", {LONG: LONG_UK}, lang="uk")
    return project


def test_exact_fuzzy_and_hinted_matches(reviewed):
    entries = translate(reviewed)
    exact = entries[LONG]
    assert exact.msgstr == LONG_UK and "fuzzy" not in exact.flags
    assert exact.comment == f"{catalog.TM_NOTE_PREFIX} locales/uk/old.po"

    similar = entries[SIMILAR]
    assert similar.msgstr == LONG_UK  # the starting point, for review
    assert "fuzzy" in similar.flags
    assert similar.previous_msgid == LONG  # Poedit shows the source's change
    assert similar.comment == (
        f"{catalog.TM_NOTE_PREFIX} 97% match from locales/uk/old.po; its source: {LONG}"
    )
    assert catalog.MT_NOTE_PREFIX not in similar.comment

    loose = entries[LOOSE]
    assert loose.msgstr == f"[mt] {LOOSE}" and "fuzzy" in loose.flags
    assert (
        f"{catalog.TM_HINT_PREFIX} 73% match from locales/uk/old.po: {LONG} => {LONG_UK}"
        in loose.comment.splitlines()
    )
    assert catalog.MT_NOTE_PREFIX in loose.comment

    other = entries[OTHER]
    assert other.msgstr == f"[mt] {OTHER}"
    assert catalog.TM_HINT_PREFIX not in other.comment  # nothing similar: no hint


def test_a_lower_threshold_makes_the_loose_match_a_starting_point(reviewed):
    entries = translate(reviewed, Settings(threshold=70))
    assert entries[LOOSE].msgstr == LONG_UK
    assert "73% match" in entries[LOOSE].comment


def test_machine_translation_preferred_keeps_the_match_as_a_hint(reviewed):
    entries = translate(reviewed, Settings(prefer="machine"))
    similar = entries[SIMILAR]
    assert similar.msgstr == f"[mt] {SIMILAR}"
    assert f"{catalog.TM_HINT_PREFIX} 97% match" in similar.comment
    assert entries[LONG].msgstr == LONG_UK  # an exact match is used whatever is preferred


def test_the_database_is_updated_and_used_by_later_runs(reviewed):
    db = memory_path(reviewed)
    translate(reviewed, Settings(path=db))
    assert db.is_file()
    # The run's own output is machine translation (fuzzy): not in the memory.
    write_po(reviewed / "locales" / "uk" / "old.po", {LONG: "Оновлений переклад."}, lang="uk")
    (reviewed / "locales" / "uk" / "new.po").unlink()
    entries = translate(reviewed, Settings(path=db))
    assert entries[LONG].msgstr == "Оновлений переклад."


# --- through the CLI -------------------------------------------------------------------


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), prog_name="l10n")
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    return result


@pytest.fixture
def shipped(project) -> Path:
    shutil.copytree(REPO / "locales", project / "locales")
    (project / "l10n.toml").write_text(
        '[project]\nlanguages = ["uk"]\n\n[memory]\nfuzzy-threshold = 80\nprefer = "memory"\n',
        encoding="utf-8",
    )
    return project


def test_translate_with_a_corrupt_database_warns_and_works(shipped):
    db = memory_path(shipped)
    assert run("translate").exit_code == 0
    assert db.is_file()
    db.write_bytes(b"garbage" * 1000)
    result = run("translate")
    assert result.exit_code == 0, result.output
    assert "the translation memory database is unusable" in result.output
    assert "l10n memory rebuild" in result.output
    assert db.read_bytes() == b"garbage" * 1000  # left for rebuild, on request

    assert run("memory", "stats").exit_code == 2
    rebuilt = run("memory", "rebuild")
    assert rebuilt.exit_code == 0, rebuilt.output
    stats = run("memory", "stats")
    assert stats.exit_code == 0 and "uk" in stats.output


def test_memory_commands_export_and_import(shipped, tmp_path):
    out = tmp_path / "uk.tmx"
    result = run("memory", "export", "--tmx", str(out), "--to", "uk")
    assert result.exit_code == 0, result.output
    reviewed = sum(1 for e in read_po("locales/uk/kursk.po") if catalog.is_reviewed(e))
    assert f"{reviewed} translation units" in result.output
    result = run("memory", "import", str(out))
    assert result.exit_code == 0, result.output
    assert (shipped / ".l10n" / "tmx" / "uk.tmx").is_file()
    assert run("memory", "import", str(tmp_path / "missing.tmx")).exit_code == 2


def test_a_bad_memory_setting_is_an_error_at_its_line(shipped):
    (shipped / "l10n.toml").write_text('[memory]\nprefer = "tm"\n', encoding="utf-8")
    result = run("translate")
    assert result.exit_code == 2
    assert "l10n.toml:2" in result.output and "memory.prefer" in result.output
