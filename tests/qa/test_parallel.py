"""``l10n check`` in several processes (:mod:`l10n.qa.parallel`): the same
report as one process, the same stop at a broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from l10n.errors import InputFileError
from l10n.glossary import load_glossary
from l10n.po import format_po, read_po
from l10n.qa.checks.spelling import read_word_list
from l10n.qa.parallel import plan, run_parts
from l10n.qa.runner import check_paths
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, run, set_msgstr


def _words() -> frozenset[str]:
    """The project's word list, as `l10n check` reads it."""
    return read_word_list("glossary")


@pytest.fixture
def many_locales(locales) -> Path:
    """Nine copies of each shipped file, one with a Russian name in Ukrainian text."""
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    for path in sorted(locales.glob("*/kursk.po")):
        for n in range(1, 9):
            shutil.copy(path, path.with_name(f"kursk{n}.po"))
    return locales


def test_several_processes_report_what_one_reports(many_locales):
    glossary = load_glossary(Path("glossary"))
    one = check_paths([many_locales], glossary=glossary, jobs=1, words=_words())
    two = check_paths([many_locales], glossary=glossary, jobs=2, words=_words())
    assert two.files == one.files == 27
    assert [f.to_dict() for f in two.findings] == [f.to_dict() for f in one.findings]
    assert len(one.findings) == 9  # the Russian name, in each copy of the uk file


def test_several_processes_stop_at_the_first_broken_file_and_write_nothing(many_locales):
    first = many_locales / "ru" / "kursk3.po"
    later = many_locales / "uk" / "kursk7.po"
    for path in (first, later):
        path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "open\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in many_locales.rglob("*.po")}
    result = run("--fix", "-j", "2", "locales")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {Path('locales/ru/kursk3.po')}:")
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in many_locales.rglob("*.po")} == before


def test_forms_declined_in_worker_processes_reach_the_cache(locales, tmp_path):
    from l10n import morph

    # A name no other test declines, so only the workers can have declined it.
    (tmp_path / "g.toml").write_text(
        '["Zyuzyukinsk"]\nsq = "Zjuzjukinsk"\nuk = "Зюзюкінськ"\nru = "Зюзюкинск"\n',
        encoding="utf-8",
    )
    for n in range(4):
        path = locales / "ru" / f"z{n}.po"
        path.write_text(
            'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '\nmsgid "Zyuzyukinsk is quiet."\nmsgstr "В Зюзюкинске тихо."\n',
            encoding="utf-8",
        )
    glossary = load_glossary(tmp_path / "g.toml")
    report = check_paths([locales / "ru"], glossary=glossary, jobs=2, words=_words())
    assert report.findings == []
    assert any("Зюзюкинск" in key for key in morph.new_cache_entries().get("ru", {}))


def test_small_runs_stay_in_one_process(locales):
    from l10n.catalog import po_files
    from l10n.qa.parallel import default_jobs

    assert default_jobs(po_files([locales])) == 1


def test_input_errors_survive_pickling():
    import pickle

    from l10n.errors import InputFileError

    error = pickle.loads(pickle.dumps(InputFileError("a.po", "broken", line=3, hint="fix it")))
    assert (error.path, error.line, error.hint) == ("a.po", 3, "fix it")
    assert str(error) == "a.po:3: broken\n  hint: fix it"


def test_one_large_file_is_shared_by_several_processes(locales):
    from l10n.qa.parallel import _work_items

    # One catalog of ten copies of the uk article (msgids numbered to keep them distinct).
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    po = read_po(locales / "uk" / "kursk.po")
    big = read_po(locales / "uk" / "kursk.po")
    big.clear()
    for n in range(10):
        for entry in po:
            msgstr = f"{n}. {entry.msgstr}" if entry.msgstr else ""
            big.append(polib.POEntry(msgid=f"{n}. {entry.msgid}", msgstr=msgstr))
    for other in locales.glob("*/kursk.po"):
        other.unlink()
    path = locales / "uk" / "big.po"
    path.write_text(format_po(big), encoding="utf-8")
    assert _work_items([path], 2) == [(0, 0, 2), (0, 1, 2)]
    glossary = load_glossary(Path("glossary"))
    one = check_paths([locales], glossary=glossary, jobs=1, words=_words())
    two = check_paths([locales], glossary=glossary, jobs=2, words=_words())
    assert [f.to_dict() for f in two.findings] == [f.to_dict() for f in one.findings]
    assert len(one.findings) == 10


def test_fix_with_several_processes(many_locales):
    result = run("--fix", "-j", "2", "locales")
    assert result.exit_code == 0, result.stdout
    assert "Fixed 9 entries in 9 file(s)" in result.stderr
    fixed = UK_WITH_RUSSIAN_PUTIN.replace("Путин", "Путін")
    for path in sorted(many_locales.glob("uk/*.po")):
        entry = next(e for e in read_po(path) if e.msgid == RUSSIA_FIFTH)
        assert (entry.msgstr, "fuzzy" in entry.flags) == (fixed, True)
    before = {p: p.read_bytes() for p in many_locales.rglob("*.po")}
    assert run("--fix", "-j", "2", "locales").exit_code == 0
    assert {p: p.read_bytes() for p in many_locales.rglob("*.po")} == before


def _name_and_part(path: Path, part: tuple[int, int], parsed: dict) -> tuple[str, tuple[int, int]]:
    if path.name == "broken.po":
        raise InputFileError(path, "broken", line=1)
    return path.name, part


def test_run_parts_returns_each_files_parts_in_order_and_errors_in_place(tmp_path):
    files = []
    for name, size in [("a.po", 10), ("broken.po", 10), ("big.po", 80)]:
        files.append(tmp_path / name)
        files[-1].write_bytes(b"x" * size)
    items, jobs = plan(files, 2)
    assert jobs == 2
    assert plan(files, 1) == ([], 0)
    results = run_parts(files, items, jobs, _name_and_part)
    assert results[0] == [("a.po", (0, 1))]
    (error,) = results[1]
    assert isinstance(error, InputFileError) and error.line == 1
    assert results[2] == [("big.po", (0, 2)), ("big.po", (1, 2))]
