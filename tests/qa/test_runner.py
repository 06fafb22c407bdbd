"""The check runner (:mod:`l10n.qa.runner`) and ``l10n check`` over PO files:
exit codes, --fix, fuzzy entries, per-entry ignore flags, bad input."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from conftest import msgfmt_check

from l10n.glossary import load_glossary
from l10n.po import format_field, read_po
from l10n.qa.base import CheckContext, Unit
from l10n.qa.checks.spelling import read_word_list
from l10n.qa.runner import check_paths, fix_msgstr
from qa.checks.samples import names, qa_checks
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, run, set_msgstr


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


def test_library_report_matches_cli(locales):
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    report = check_paths(
        [locales], glossary=load_glossary(Path("glossary")), words=read_word_list("glossary")
    )
    assert report.files == 3
    assert report.errors == 1
    assert [f.check for f in report.findings] == ["glossary"]


# --- one entry: ignore flags and the fix loop -------------------------------------


def test_ignore_flags_switch_off_one_check_for_one_entry():
    msgid, msgstr = 'He said: "We lost 4000."', 'Він сказав: "Ми втратили 400."'
    assert names("uk", msgid, msgstr) == ["extra-numbers", "numbers", "quotes"]
    flags = ["ignore-numbers", "ignore-quotes"]
    assert names("uk", msgid, msgstr, flags=flags) == ["extra-numbers"]


def test_fix_msgstr_reaches_a_fixed_point():
    unit = Unit('He said: "We will win." ', 'Він  сказав: "Ми переможемо"')
    ctx = CheckContext("uk", units=[unit])
    fixed = fix_msgstr(unit, ctx, qa_checks())
    assert fixed == "Він сказав: «Ми переможемо». "
    assert fix_msgstr(Unit(unit.msgid, fixed), ctx, qa_checks()) == fixed


def test_a_file_marked_latin_serbian_is_not_judged_as_cyrillic(tmp_path):
    """The runner reads the script from the language code as written: sr@latin
    and sr are both Serbian, in different alphabets."""
    entry = 'msgid "Kursk becomes Putin\'s nightmare"\nmsgstr "{}"\n'
    for code, text in (
        ("sr@latin", "Kursk postaje Putinov nightmare"),
        ("sr", "Курск постаје Путинов nightmare"),
    ):
        folder = tmp_path / code
        folder.mkdir()
        header = (
            f'msgid ""\nmsgstr ""\n"Language: {code}\\n"\n'
            '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        )
        (folder / "a.po").write_text(header + entry.format(text), encoding="utf-8")
    report = check_paths([tmp_path], select=["foreign-words"])
    assert [(Path(f.file).parent.name, f.found) for f in report.findings] == [("sr", "nightmare")]


def test_the_command_writes_its_output_and_cache_files_before_it_leaves(locales, tmp_path):
    """`l10n check` as a process of its own leaves without tearing the
    interpreter down: its output and the cache files written at exit must
    all be there."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    cache = tmp_path / "cache"
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(cache))
    env.pop("L10N_NO_CACHE", None)
    set_msgstr(locales / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    done = subprocess.run(
        [sys.executable, "-m", "l10n", "check", "locales"],
        cwd=locales.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.endswith("3 files checked: 1 error, 0 warnings\n")
    assert list((cache / "l10n").glob("morph-uk-*.json"))  # written at exit
