"""End to end: the installed ``l10n`` console script, in a subprocess, as a user runs it.

Packages are the random-weight ones from ``tests/support/randommodel.py``; the project is
a copy of the article and the glossary in a temporary folder.  The translate
run here uses the defaults (glossary/ included), as the README's does.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGS, msgfmt_check

from l10n.po import read_po
from l10n.segment import read_source, segment_text

SCRIPT = Path(sys.executable).parent / "l10n"
SOURCE = "source/kursk.en.txt"


def l10n(*args: str, packages: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(packages))
    env.pop("L10N_DEBUG", None)
    out = subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in out.stdout + out.stderr, out.stderr
    assert "internal error" not in out.stderr, out.stderr
    return out


def source_segments(project: Path) -> list[str]:
    return list(dict.fromkeys(s.text for s in segment_text(read_source(project / SOURCE))))


@pytest.fixture(autouse=True)
def _script_installed():
    assert SCRIPT.is_file(), f"{SCRIPT}: the console script is not installed (pip install -e .)"


def test_translate_status_build(project, models_dir):
    run = functools.partial(l10n, packages=models_dir, cwd=project)

    listed = run("models", "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 3
    assert sorted(line.split("\t")[0] for line in lines) == ["en->ru", "en->sq", "en->uk"]

    translated = run("translate", SOURCE, "--to", "sq,uk,ru")
    assert translated.returncode == 0, translated.stderr
    segments = source_segments(project)
    pot = project / "locales" / "kursk.pot"
    assert pot.is_file()
    assert msgfmt_check(pot).returncode == 0
    assert [e.msgid for e in read_po(pot)] == segments
    for lang in LANGS:
        path = project / "locales" / lang / "kursk.po"
        check = msgfmt_check(path)
        assert check.returncode == 0, check.stderr
        entries = [e for e in read_po(path) if not e.obsolete]
        assert [e.msgid for e in entries] == segments
        for e in entries:
            assert e.msgstr.strip(), (lang, e.msgid)
            assert "fuzzy" in e.flags, (lang, e.msgid)

    status = run("status")
    assert status.returncode == 0, status.stderr
    for lang in LANGS:
        (row,) = [ln for ln in status.stdout.splitlines() if ln.startswith(f"locales/{lang}/")]
        assert "(  0%)" in row, row
    rows = json.loads(run("status", "--json").stdout)
    assert sorted(r["lang"] for r in rows) == sorted(LANGS)
    for r in rows:
        assert r["reviewed"] == 0
        assert r["percent_reviewed"] == 0
        assert r["fuzzy"] == r["total"] == len(segments)

    # Nothing is reviewed: a plain build leaves everything in English...
    plain = run("build")
    assert plain.returncode == 1
    assert "left in English" in plain.stderr
    # ... and --include-fuzzy builds the machine drafts.
    built = run("build", "--include-fuzzy")
    assert built.returncode == 0, built.stderr
    english = (project / SOURCE).read_text(encoding="utf-8")
    for lang in LANGS:
        out = project / "build" / lang / "kursk.txt"
        assert out.is_file()
        assert (project / "build" / lang / "kursk.mo").is_file()
        text = out.read_text(encoding="utf-8")
        assert text != english
        assert len(text.splitlines()) == len(english.splitlines())
        match = re.search(rf"build/{lang}/kursk\.txt: (\d+)/(\d+) sentences", built.stdout)
        assert match and match[1] == match[2], built.stdout


def test_install_from_file_then_translate_one_language(project, model_files, tmp_path):
    packages = tmp_path / "packages"
    packages.mkdir()
    run = functools.partial(l10n, packages=packages, cwd=project)

    empty = run("models", "list", "--json")
    assert empty.returncode == 0
    assert json.loads(empty.stdout) == []

    installed = run("models", "install", "sq", "--file", str(model_files["sq"]))
    assert installed.returncode == 0, installed.stderr
    assert "en->sq" in installed.stdout
    assert sorted(p.name for p in packages.iterdir()) == ["translate-en_sq-random"]
    listed = json.loads(run("models", "list", "--json").stdout)
    assert [(p["from"], p["to"]) for p in listed] == [("en", "sq")]

    translated = run("translate", SOURCE, "--to", "sq")
    assert translated.returncode == 0, translated.stderr
    po = project / "locales" / "sq" / "kursk.po"
    assert msgfmt_check(po).returncode == 0
    assert [e.msgid for e in read_po(po) if not e.obsolete] == source_segments(project)
    assert sorted(p.name for p in (project / "locales").iterdir()) == ["kursk.pot", "sq"]

    # uk was never installed: a clear error, and nothing written for it.
    missing = run("translate", SOURCE, "--to", "uk")
    assert missing.returncode == 2
    assert "Error:" in missing.stderr
    assert "l10n models install uk" in missing.stderr
    assert not (project / "locales" / "uk").exists()


BAD_INPUTS = {
    "binary source": ["segment", "photo.jpg"],
    "directory as source": ["translate", "source", "--to", "sq"],
    "unknown language": ["translate", SOURCE, "--to", "xx"],
    "broken PO in check": ["check", "broken"],
    "model file that is not a package": ["models", "install", "sq", "--file", "photo.jpg"],
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_through_the_script_exits_2_without_traceback(case, project, tmp_path):
    (project / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (project / "broken" / "sq").mkdir(parents=True)
    (project / "broken" / "sq" / "kursk.po").write_text('msgid "a"\nmsgstr "b"\njunk\n')
    out = l10n(*BAD_INPUTS[case], packages=tmp_path / "no-packages", cwd=project)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert out.stderr.startswith("Error:") or "\nError:" in out.stderr
    assert "Traceback" not in out.stdout + out.stderr
