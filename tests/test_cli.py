"""The ``l10n`` command line, every command through click's CliRunner.

Conventions held here: ``--help`` works on every command; exit status 0 ok,
1 findings, 2 bad input or usage; errors on stderr as ``Error: ...`` (with a
``Hint: ...`` where the library gives one); never a traceback; ``l10n --help``
imports none of the heavy libraries.

Translate runs pass ``--glossary ''`` unless the glossary is what is tested, so
these tests do not depend on the glossary data; tests/test_e2e.py runs the
default.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from conftest import REPO, msgfmt_check, snapshot
from support.cli import assert_input_error, run

from l10n.cli import cli
from l10n.po import format_po, read_po
from l10n.segment import read_source, segment_text

SOURCE = "source/kursk.en.txt"
NO_GLOSSARY = ("--glossary", "")


@pytest.fixture
def shipped_locales(project) -> Path:
    """The reviewed locales/ of the repository, copied into the project."""
    shutil.copytree(REPO / "locales", project / "locales")
    return project / "locales"


# --- help and version -------------------------------------------------------------


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))


COMMANDS = [(), *command_paths()]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "l10n")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_on_every_command(path, flag):
    result = run(*path, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: l10n")
    assert result.stderr == ""


def test_every_command_is_covered_by_the_help_test():
    names = {" ".join(p) for p in COMMANDS}
    for expected in ("segment", "translate", "models list", "models install", "status"):
        assert expected in names
    for expected in ("check", "build", "glossary list", "glossary export"):
        assert expected in names


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert "0.1.0" in result.stdout


HEAVY = (
    "ctranslate2",
    "argostranslate",
    "torch",
    "stanza",
    "pymorphy3",
    "langdetect",
    "pysbd",
    "polib",
)


@pytest.mark.parametrize(
    "args",
    [["--help"], ["translate", "--help"], ["models", "install", "--help"], ["check", "--help"]],
    ids=" ".join,
)
def test_help_imports_no_heavy_library(args):
    code = (
        "import json, sys\n"
        "from l10n.cli import cli\n"
        f"code = cli.main({args!r}, prog_name='l10n', standalone_mode=False)\n"
        "print('MODULES=' + json.dumps(sorted(sys.modules)))\n"
        "sys.exit(code or 0)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    assert out.returncode == 0, out.stderr
    assert "Usage: l10n" in out.stdout
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("MODULES="))
    modules = json.loads(line.removeprefix("MODULES="))
    imported = sorted({m for m in modules if m.split(".")[0] in HEAVY})
    assert imported == []


# --- segment ----------------------------------------------------------------------


def test_segment_prints_one_sentence_per_line(project):
    result = run("segment", SOURCE)
    assert result.exit_code == 0, result.stderr
    expected = [s.text for s in segment_text(read_source(SOURCE))]
    assert result.stdout.splitlines() == expected
    assert result.stdout.endswith("\n")
    assert result.stderr == ""


def test_segment_binary_file_is_an_input_error(project):
    Path("photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    result = run("segment", "photo.jpg")
    assert_input_error(result, "photo.jpg")
    assert result.stdout == ""


def test_segment_missing_file_is_an_input_error(project):
    assert_input_error(run("segment", "source/nowhere.txt"), "nowhere.txt")


# --- translate --------------------------------------------------------------------


def test_translate_writes_the_locales(project, with_models):
    result = run("translate", SOURCE, "--to", "sq", *NO_GLOSSARY)
    assert result.exit_code == 0, result.stderr
    pot, po = Path("locales/kursk.pot"), Path("locales/sq/kursk.po")
    assert pot.is_file()
    assert po.is_file()
    assert not Path("locales/uk").exists()
    assert msgfmt_check(po).returncode == 0
    segments = list(dict.fromkeys(s.text for s in segment_text(read_source(SOURCE))))
    assert [e.msgid for e in read_po(po) if not e.obsolete] == segments
    assert "locales/kursk.pot" in result.stdout
    assert "locales/sq/kursk.po" in result.stdout
    assert f"{len(segments)} machine-translated" in result.stdout


def test_translate_without_models_is_an_input_error(project):
    result = run("translate", SOURCE, "--to", "ru", *NO_GLOSSARY)
    assert_input_error(result, "en -> ru", "Hint:", "l10n models install ru")
    assert not Path("locales").exists()


def test_translate_unknown_language_is_a_usage_error(project, with_models):
    result = run("translate", SOURCE, "--to", "xx")
    assert_input_error(result, "xx")
    assert not Path("locales").exists()


def test_translate_empty_language_list_is_a_usage_error(project, with_models):
    assert_input_error(run("translate", SOURCE, "--to", " , "), "--to")
    assert not Path("locales").exists()


def test_translate_missing_source_is_an_input_error(project, with_models):
    result = run("translate", "source/nowhere.txt", "--to", "sq", *NO_GLOSSARY)
    assert_input_error(result, "source/nowhere.txt")
    assert not Path("locales").exists()


def test_translate_missing_glossary_is_an_input_error(project, with_models):
    result = run("translate", SOURCE, "--to", "sq", "--glossary", "no-such-glossary")
    assert_input_error(result, "no-such-glossary")
    assert not Path("locales").exists()


def test_failed_translate_leaves_existing_locales_unchanged(shipped_locales, with_models):
    before = snapshot(shipped_locales)
    Path("source/broken.en.txt").write_bytes(b"\x00\x01binary")
    result = run("translate", SOURCE, "source/broken.en.txt", "--to", "sq,uk,ru", *NO_GLOSSARY)
    assert_input_error(result, "broken.en.txt")
    assert snapshot(shipped_locales) == before


def test_translate_locales_that_cannot_be_created_is_an_input_error(project, with_models):
    # --locales below a file: the folder cannot be made; that is bad input, not a crash.
    result = run("translate", SOURCE, "--to", "sq", *NO_GLOSSARY, "--locales", f"{SOURCE}/locales")
    assert_input_error(result, f"{SOURCE}/locales")
    assert not Path("locales").exists()


# --- models -----------------------------------------------------------------------


def test_models_list_with_no_packages(project):
    result = run("models", "list")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "l10n models install" in result.stderr
    result = run("models", "list", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_models_list_text(with_models):
    result = run("models", "list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for lang in ("sq", "uk", "ru"):
        (line,) = [ln for ln in lines if ln.startswith(f"en->{lang}\t")]
        assert f"translate-en_{lang}-random" in line
        assert str(with_models) in line


def test_models_list_json(with_models):
    result = run("models", "list", "--json")
    assert result.exit_code == 0, result.stderr
    packages = json.loads(result.stdout)
    assert sorted(p["to"] for p in packages) == ["ru", "sq", "uk"]
    for p in packages:
        assert p["from"] == "en"
        assert p["name"] == f"translate-en_{p['to']}-random"
        assert p["version"]
        assert Path(p["path"]).is_dir()


def installed(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_models_install_file(empty_packages, model_files):
    sq, uk = str(model_files["sq"]), str(model_files["uk"])
    result = run("models", "install", "sq", "uk", "--file", sq, "--file", uk)
    assert result.exit_code == 0, result.stderr
    assert installed(empty_packages) == ["translate-en_sq-random", "translate-en_uk-random"]
    assert "en->sq" in result.stdout
    assert "en->uk" in result.stdout
    listed = run("models", "list", "--json")
    assert sorted(p["to"] for p in json.loads(listed.stdout)) == ["sq", "uk"]


def test_models_install_counts_files_against_languages(empty_packages, model_files):
    result = run("models", "install", "sq", "uk", "--file", str(model_files["sq"]))
    assert_input_error(result, "Hint:")
    assert installed(empty_packages) == []


def test_models_install_bad_file(empty_packages, tmp_path):
    bad = tmp_path / "model.argosmodel"
    bad.write_text("not a zip\n")
    assert_input_error(run("models", "install", "sq", "--file", str(bad)), str(bad))
    assert installed(empty_packages) == []


def test_models_install_missing_file(empty_packages, tmp_path):
    missing = tmp_path / "nowhere.argosmodel"
    assert_input_error(run("models", "install", "sq", "--file", str(missing)), str(missing))
    assert installed(empty_packages) == []


def test_models_install_file_of_another_language(empty_packages, model_files):
    result = run("models", "install", "uk", "--file", str(model_files["sq"]))
    assert_input_error(result, "uk")
    assert installed(empty_packages) == []


def test_models_install_unknown_language(empty_packages, model_files):
    assert_input_error(run("models", "install", "xx", "--file", str(model_files["sq"])), "xx")
    assert installed(empty_packages) == []


def test_models_install_without_network_hints_at_file(empty_packages, monkeypatch):
    import argostranslate.settings

    from l10n.models import download

    with socket.socket() as sock:  # a loopback port with nothing listening on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setattr(download, "INDEX_TIMEOUT", 10)
    monkeypatch.setattr(
        argostranslate.settings, "remote_package_index", f"http://127.0.0.1:{port}/index.json"
    )
    result = run("models", "install", "sq")
    assert_input_error(result, "Hint:", "--file")
    assert installed(empty_packages) == []


# --- status -----------------------------------------------------------------------


def test_status_table_on_reviewed_locales(shipped_locales):
    result = run("status")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["file", "lang", "segments"]
    for lang in ("sq", "uk", "ru"):
        (row,) = [ln for ln in lines[1:] if ln.startswith(f"locales/{lang}/kursk.po ")]
        assert row.split()[1] == lang
        assert "(100%)" in row


def test_status_json_on_reviewed_locales(shipped_locales):
    result = run("status", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert sorted(r["lang"] for r in rows) == ["ru", "sq", "uk"]
    for r in rows:
        assert r["percent_reviewed"] == 100.0
        assert r["total"] > 0
        assert r["reviewed"] == r["total"]
        assert r["fuzzy"] == r["untranslated"] == 0


def test_status_missing_folder_is_an_input_error(project):
    assert_input_error(run("status", "nowhere"), "nowhere", "Hint:")


# --- build ------------------------------------------------------------------------


def mark_fuzzy(path: Path, msgid: str) -> None:
    po = read_po(path)
    (entry,) = [e for e in po if e.msgid == msgid]
    entry.flags.insert(0, "fuzzy")
    path.write_text(format_po(po), encoding="utf-8")


def test_build_complete_translations(shipped_locales):
    result = run("build")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    for lang in ("sq", "uk", "ru"):
        out = Path(f"build/{lang}/kursk.txt")
        assert out.is_file()
        assert Path(f"build/{lang}/kursk.mo").is_file()
        match = re.search(rf"build/{lang}/kursk\.txt: (\d+)/(\d+) sentences", result.stdout)
        assert match, result.stdout
        assert match[1] == match[2]
    assert Path("build/uk/kursk.txt").read_text(encoding="utf-8") != Path(SOURCE).read_text()


def test_build_counts_sentences_left_in_english(shipped_locales):
    mark_fuzzy(shipped_locales / "uk" / "kursk.po", "World")
    result = run("build")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.search(r"build/uk/kursk\.txt: 1 sentences? left in English", result.stderr)
    assert "build/sq/kursk.txt" not in result.stderr
    assert "build/ru/kursk.txt" not in result.stderr
    assert "World" in Path("build/uk/kursk.txt").read_text(encoding="utf-8").splitlines()
    # Fuzzy translations may be asked for explicitly.
    assert run("build", "--include-fuzzy").exit_code == 0


def test_build_output_that_cannot_be_created_is_an_input_error(shipped_locales):
    result = run("build", "--out", f"{SOURCE}/build")
    assert_input_error(result, f"{SOURCE}/build")


def test_build_without_templates_is_an_input_error(project):
    assert_input_error(run("build"), "Hint:")


# --- check ------------------------------------------------------------------------


def test_check_list_names_the_checks(project):
    result = run("check", "--list")
    assert result.exit_code == 0, result.stderr
    heads = [ln for ln in result.stdout.splitlines() if ln and not ln.startswith(" ")]
    assert heads
    for head in heads:
        assert re.fullmatch(r"[a-z0-9_-]+ \((error|warning)\)", head), head


def msgfmt_error_line(path: Path) -> int:
    """The line of the first error msgfmt reports: the reference for where it is."""
    out = msgfmt_check(path)
    assert out.returncode != 0, "msgfmt accepts the file: the test's broken PO is not broken"
    match = re.search(rf"{re.escape(path.name)}:(\d+):", out.stderr)
    assert match, out.stderr
    return int(match[1])


# Ways to break the "World" entry of locales/sq/kursk.po, each one msgfmt rejects.
BROKEN_PO = {
    "garbage line": lambda entry: entry.replace('msgstr "Bota"', "this is not PO syntax"),
    "unterminated msgstr": lambda entry: entry.replace('msgstr "Bota"', 'msgstr "Bota'),
    "unterminated continuation": lambda entry: entry + '"more\n',
    "junk after msgid": lambda entry: entry.replace('msgid "World"', 'msgid "World" junk'),
    "invalid escape": lambda entry: entry.replace('msgstr "Bota"', 'msgstr "Bo\\qta"'),
    "msgstr[0] without msgid_plural": lambda entry: entry.replace("msgstr ", "msgstr[0] "),
    "duplicate entry": lambda entry: entry + "\n" + entry,
}


@pytest.mark.parametrize("case", list(BROKEN_PO))
def test_check_unparsable_po_is_an_input_error_with_file_and_line(case, shipped_locales):
    path = shipped_locales / "sq" / "kursk.po"
    text = path.read_text(encoding="utf-8")
    entry = 'msgid "World"\nmsgstr "Bota"\n'
    assert entry in text
    path.write_text(text.replace(entry, BROKEN_PO[case](entry), 1), encoding="utf-8")
    line = msgfmt_error_line(path)
    before = snapshot(shipped_locales)
    result = run("check", "locales")
    # msgfmt reports an unterminated string on the line after it (its lexer
    # has read the newline by then); we name the line with the open quote.
    assert_input_error(result)
    reported = re.search(r"locales/sq/kursk\.po:(\d+):", result.stderr)
    assert reported, result.stderr
    assert int(reported[1]) in (line, line - 1), (line, result.stderr)
    assert snapshot(shipped_locales) == before


def test_check_json_output_is_json(shipped_locales):
    result = run("check", "--format", "json", "locales")
    assert result.exit_code in (0, 1), result.stderr
    findings = json.loads(result.stdout)
    assert isinstance(findings, list)


# --- no traceback, ever -----------------------------------------------------------


def _binary_source() -> list[str]:
    Path("source/photo.en.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return ["translate", "source/photo.en.txt", "--to", "sq", *NO_GLOSSARY]


def _broken_po() -> list[str]:
    shutil.copytree(REPO / "locales", "locales")
    Path("locales/ru/kursk.po").write_text('msgid "a"\nmsgstr "b"\njunk\n', encoding="utf-8")
    return ["check", "locales"]


def _broken_po_status() -> list[str]:
    _broken_po()
    return ["status"]


def _broken_po_build() -> list[str]:
    _broken_po()
    return ["build"]


def _write(name: str, data: bytes) -> str:
    Path(name).write_bytes(data)
    return name


BAD_INPUTS = {
    "binary file as source (segment)": lambda: ["segment", _write("x.txt", b"\x00\x01\x02")],
    "binary file as source (translate)": _binary_source,
    "non-UTF-8 source": lambda: ["segment", _write("latin1.txt", "Café\n".encode("latin-1"))],
    "empty source": lambda: ["segment", _write("empty.txt", b"")],
    "directory as source (segment)": lambda: ["segment", "source"],
    "directory as source (translate)": lambda: ["translate", "source", "--to", "sq", *NO_GLOSSARY],
    "broken PO in check": _broken_po,
    "broken PO in status": _broken_po_status,
    "broken PO in build": _broken_po_build,
    "check a missing path": lambda: ["check", "no-such-folder"],
    "unknown check disabled": lambda: [
        "check",
        "--disable",
        "no-such-check",
        str(REPO / "locales"),
    ],
    "unknown language": lambda: ["translate", SOURCE, "--to", "xx"],
    "malformed language": lambda: ["translate", SOURCE, "--to", "sq;uk"],
    "unknown language in build": lambda: ["build", "--to", "xx"],
    "missing model": lambda: ["translate", SOURCE, "--to", "ru", *NO_GLOSSARY],
    "model file that is not a package": lambda: [
        "models",
        "install",
        "sq",
        "--file",
        _write("pkg.argosmodel", b"PK\x03\x04garbage"),
    ],
    "missing required option": lambda: ["translate", SOURCE],
    "beam out of range": lambda: ["translate", SOURCE, "--to", "sq", "--beam", "0"],
    "unknown option": lambda: ["status", "--no-such-option"],
    "unknown command": lambda: ["no-such-command"],
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_with_an_error_and_no_traceback(case, project):
    args = BAD_INPUTS[case]()
    result = run(*args)
    assert_input_error(result)
    assert "internal error" not in result.stderr
