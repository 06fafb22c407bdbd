"""``l10n check``: the CI gate over PO files, its output formats, exit codes and --fix."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import REPO, msgfmt_check

from l10n.check import check_paths
from l10n.cli import cli
from l10n.glossary import load_glossary
from l10n.po import format_field, format_po, read_po


@pytest.fixture
def locales(project) -> Path:
    shutil.copytree(REPO / "locales", project / "locales")
    return project / "locales"


def set_msgstr(path: Path, msgid: str, msgstr: str, *, flags: list[str] | None = None) -> None:
    po = read_po(path)
    entry = next(e for e in po if e.msgid == msgid)
    entry.msgstr = msgstr
    if flags is not None:
        entry.flags = flags
    path.write_text(format_po(po), encoding="utf-8")


RUSSIA_FIFTH = (
    "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea, "
    "which Putin annexed in 2014."
)
# Correct but for one name: the Russian spelling Путин in Ukrainian text.
UK_WITH_RUSSIAN_PUTIN = (
    "Наразі Росія контролює приблизно п’яту частину території України, зокрема Крим, "
    "який Путин анексував у 2014 році."
)


def run(*args: str):
    result = CliRunner().invoke(cli, ["check", *args], prog_name="l10n")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result


def test_shipped_locales_are_clean(locales):
    result = run("locales")
    assert result.exit_code == 0, result.stdout
    assert "3 files checked: 0 errors, 0 warnings" in result.stdout


def test_glossary_violation_fails_with_file_line_and_term(locales):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    result = run("locales")
    assert result.exit_code == 1
    lines = [ln for ln in result.stdout.splitlines() if "[glossary]" in ln]
    assert len(lines) == 1
    match = re.match(r"locales/uk/kursk\.po:(\d+): uk: error: \[glossary\] (.*)", lines[0])
    assert match, lines[0]
    assert "Путін" in match[2] and "Путин" in match[2]
    # The line points into the entry that holds the violation.
    text = path.read_text(encoding="utf-8").splitlines()
    start = int(match[1])
    assert any("Путин" in ln for ln in text[start - 1 : start + 12])
    assert result.stdout.splitlines()[-1] == "3 files checked: 1 error, 0 warnings"


def test_json_output_carries_every_field(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    result = run("--format", "json", "locales")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert len(findings) == 1
    f = findings[0]
    assert f["file"] == "locales/uk/kursk.po"
    assert f["lang"] == "uk"
    assert f["msgid"] == RUSSIA_FIFTH
    assert f["msgstr"] == UK_WITH_RUSSIAN_PUTIN
    assert f["term"] == "Putin"
    assert f["expected"] == "Путін"
    assert f["found"] == "Путин"
    assert f["rule"] == f["check"] == "glossary"
    assert f["severity"] == "error"
    assert isinstance(f["line"], int) and f["line"] > 0


def test_github_output_is_workflow_annotations(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    result = run("--format", "github", "locales")
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert re.match(
        r"::error file=locales/uk/kursk\.po,line=\d+,title=l10n glossary \(uk\)::", line
    )
    assert "[glossary]" in line


def test_fix_repairs_in_place_marks_fuzzy_and_is_idempotent(locales):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    before = path.read_text(encoding="utf-8").splitlines()
    result = run("--fix", "locales")
    assert "Fixed 1 entries" in result.stderr
    # Fixed entries are fuzzy (to be reviewed), so the gate passes.
    assert result.exit_code == 0, result.stdout
    after_text = path.read_text(encoding="utf-8")
    after = after_text.splitlines()
    entry = next(e for e in read_po(path) if e.msgid == RUSSIA_FIFTH)
    assert entry.msgstr == UK_WITH_RUSSIAN_PUTIN.replace("Путин", "Путін")
    assert "fuzzy" in entry.flags
    # Every other line is as it was: the msgstr lines were replaced and the
    # fuzzy flag added, nothing else.
    diff = [d for d in difflib.ndiff(before, after) if d[:2] in ("- ", "+ ")]
    removed = [d[2:] for d in diff if d.startswith("- ")]
    added = [d[2:] for d in diff if d.startswith("+ ")]
    fixed = UK_WITH_RUSSIAN_PUTIN.replace("Путин", "Путін")
    old_block = format_field("msgstr", UK_WITH_RUSSIAN_PUTIN)
    new_block = format_field("msgstr", fixed)
    assert removed == [ln for ln in old_block if ln not in new_block]
    assert added == ["#, fuzzy"] + [ln for ln in new_block if ln not in old_block]
    assert msgfmt_check(path).returncode == 0

    second = run("--fix", "locales")
    assert second.exit_code == 0
    assert "Fixed" not in second.stderr
    assert path.read_text(encoding="utf-8") == after_text

    # And with fuzzy entries included, nothing is left to fix or report.
    third = run("--fix", "--include-fuzzy", "locales")
    assert third.exit_code == 0, third.stdout
    assert path.read_text(encoding="utf-8") == after_text


def test_fuzzy_entries_are_checked_only_on_request(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, flags=["fuzzy"])
    assert run("locales").exit_code == 0
    assert run("--include-fuzzy", "locales").exit_code == 1


def test_disable_and_per_entry_ignore_flag(locales):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    assert run("--disable", "glossary", "locales").exit_code == 0
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, flags=["ignore-glossary"])
    assert run("locales").exit_code == 0
    # The flag switches off only the check it names.
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, flags=["ignore-numbers"])
    assert run("locales").exit_code == 1


def test_warnings_are_reported_but_do_not_fail(locales):
    path = locales / "sq" / "kursk.po"
    po = read_po(path)
    entry = next(e for e in po if e.msgid == "The link was copied")
    set_msgstr(path, entry.msgid, entry.msgstr.replace(" ", "  ", 1))  # a doubled space
    result = run("locales")
    assert result.exit_code == 0, result.stdout
    assert "warning: [spacing]" in result.stdout
    assert "0 errors, 1 warning" in result.stdout


def test_select_runs_only_the_named_checks(locales):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN + "  ")  # glossary + whitespace
    both = run("--format", "json", "locales")
    assert {f["check"] for f in json.loads(both.stdout)} == {"glossary", "whitespace"}
    only = run("--format", "json", "--select", "glossary", "locales")
    assert only.exit_code == 1
    assert {f["check"] for f in json.loads(only.stdout)} == {"glossary"}
    assert run("--select", "numbers,quotes", "locales").exit_code == 0
    unknown = run("--select", "glosary", "locales")
    assert unknown.exit_code == 2
    assert "unknown check: glosary" in unknown.stderr


def test_unknown_check_name_is_a_usage_error(locales):
    result = run("--disable", "nonsense", "locales")
    assert result.exit_code == 2
    assert "unknown check: nonsense" in result.stderr


def test_missing_path_is_an_input_error(project):
    result = run("nowhere")
    assert result.exit_code == 2
    assert "nowhere: no such file or folder" in result.stderr


def test_broken_glossary_is_an_input_error_and_nothing_is_checked(locales, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('["Kursk"]\nsq = "Kursk"\nuk = "Курськ"\nru = "Курск"\n\n["Kursk"]\nsq = "X"\n')
    result = run("--glossary", str(bad), "locales")
    assert result.exit_code == 2
    assert "bad.toml:" in result.stderr


def test_list_explains_every_check():
    result = CliRunner().invoke(cli, ["check", "--list"])
    assert result.exit_code == 0
    names = re.findall(r"^(\S+) \((error|warning)\)$", result.stdout, flags=re.M)
    assert {"glossary", "numbers", "language", "untranslated", "punctuation", "quotes"} <= {
        n for n, _ in names
    }


def test_library_report_matches_cli(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    report = check_paths([locales], glossary=load_glossary(Path("glossary")))
    assert report.files == 3
    assert report.errors == 1
    assert [f.check for f in report.findings] == ["glossary"]


# --- several processes -----------------------------------------------------------------


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
    one = check_paths([many_locales], glossary=glossary, jobs=1)
    two = check_paths([many_locales], glossary=glossary, jobs=2)
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
    report = check_paths([locales / "ru"], glossary=load_glossary(tmp_path / "g.toml"), jobs=2)
    assert report.findings == []
    assert any("Зюзюкинск" in key for key in morph.new_cache_entries().get("ru", {}))


def test_small_runs_stay_in_one_process(locales):
    from l10n.catalog import po_files
    from l10n.check import default_jobs

    assert default_jobs(po_files([locales])) == 1


def test_input_errors_survive_pickling():
    import pickle

    from l10n.errors import InputFileError

    error = pickle.loads(pickle.dumps(InputFileError("a.po", "broken", line=3, hint="fix it")))
    assert (error.path, error.line, error.hint) == ("a.po", 3, "fix it")
    assert str(error) == "a.po:3: broken\n  hint: fix it"


def test_one_large_file_is_shared_by_several_processes(locales):
    from l10n.check import _work_items

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
    one = check_paths([locales], glossary=glossary, jobs=1)
    two = check_paths([locales], glossary=glossary, jobs=2)
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
