"""A newsroom adopts l10n: a new project outside this repository, in German
and Ukrainian, run as a user runs it (the console script, a fresh HOME, from
a subfolder), with tiny random-weight models for machine translation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, msgfmt_check

from l10n import languages
from l10n.po import format_po, read_po

SCRIPT = Path(sys.executable).parent / "l10n"

ARTICLE = """\
Kyiv and Sudzha

Ukrainian troops entered Sudzha in August, officials in Kyiv said.

The mayor of Kyiv said the city had power again on Monday.
"""

GLOSSARY = """
[Kyiv]
variants = ["Kiev"]
de = "Kyjiw"
uk = "Київ"
forbidden.de = ["Kiew"]
forbidden.uk = ["Киев"]

[Sudzha]
de = "Sudscha"
uk = "Суджа"
forbidden.uk = ["Судзха"]
"""

# What reviewers write, each with one glossary violation to be caught.
REVIEW = {
    "de": {
        "Kyiv and Sudzha": "Kiew und Sudscha",
        "Ukrainian troops entered Sudzha in August, officials in Kyiv said.": (
            "Ukrainische Truppen sind im August in Sudscha eingerückt, sagten Beamte in Kyjiw."
        ),
        "The mayor of Kyiv said the city had power again on Monday.": (
            "Der Bürgermeister von Kyjiw sagte, die Stadt habe am Montag wieder Strom."
        ),
    },
    "uk": {
        "Kyiv and Sudzha": "Київ і Суджа",
        "Ukrainian troops entered Sudzha in August, officials in Kyiv said.": (
            "Українські війська увійшли в Судзху в серпні, заявили посадовці в Києві."
        ),
        "The mayor of Kyiv said the city had power again on Monday.": (
            "Мер Києва заявив, що в понеділок у місті знову з’явилося світло."
        ),
    },
}


@pytest.fixture
def newsroom(tmp_path, model_files) -> tuple[Path, dict[str, str]]:
    """An empty folder outside the repository, a fresh HOME, no l10n.toml above."""
    assert not REPO in tmp_path.parents  # noqa: E713
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "L10N_", "ARGOS_"))}
    env.update(
        HOME=str(home),
        ARGOS_PACKAGES_DIR=str(tmp_path / "packages"),
        PYTHONPATH=str(REPO),
    )
    return tmp_path, env


def l10n(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    out = subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in out.stdout + out.stderr, out.stderr
    return out


def test_a_german_and_ukrainian_project_from_init_to_build(newsroom, tmp_path_factory):
    from support.randommodel import build_random_package

    where, env = newsroom
    ok = l10n("init", "news", "--languages", "de,uk", cwd=where, env=env)
    assert ok.returncode == 0, ok.stderr
    news = where / "news"
    (news / "source" / "2025-03-01.kyiv-power.en.txt").write_text(ARTICLE, encoding="utf-8")
    with (news / "glossary" / "names.toml").open("a", encoding="utf-8") as f:
        f.write(GLOSSARY)

    models = tmp_path_factory.mktemp("de-uk-models")
    files = [
        build_random_package(models, "en", lang, seed=i) for i, lang in enumerate(("de", "uk"))
    ]
    installed = l10n(
        "models",
        "install",
        "de",
        "uk",
        "--file",
        str(files[0]),
        "--file",
        str(files[1]),
        cwd=where,
        env=env,
    )
    assert installed.returncode == 0, installed.stderr

    drafts = news / "source" / "drafts"
    drafts.mkdir()
    run = lambda *args: l10n(*args, cwd=drafts, env=env)  # noqa: E731

    translated = run("translate")  # no FILE: l10n.toml's sources
    assert translated.returncode == 0, translated.stderr
    doc = "2025-03-01.kyiv-power"
    for lang in ("de", "uk"):
        path = news / "locales" / lang / f"{doc}.po"
        po = read_po(path)
        assert po.metadata["Plural-Forms"] == languages.plural_forms(lang)  # CLDR's
        assert po.metadata["Language"] == lang
        assert msgfmt_check(path).returncode == 0
        assert all(e.msgstr and "fuzzy" in e.flags for e in po if e.msgid)
    pot = read_po(news / "locales" / f"{doc}.pot")
    assert {ref for e in pot for ref, _ in e.occurrences} == {
        f"source/{doc}.en.txt"  # relative to the project root, not to drafts/
    }

    status = run("status", "--json")
    assert status.returncode == 0, status.stderr
    rows = json.loads(status.stdout)
    assert sorted(r["lang"] for r in rows) == ["de", "uk"]
    assert all(r["fuzzy"] == r["total"] == 3 for r in rows)

    # Reviewers translate in Poedit: fuzzy cleared, one glossary slip each.
    for lang, texts in REVIEW.items():
        path = news / "locales" / lang / f"{doc}.po"
        po = read_po(path)
        for entry in po:
            if entry.msgid in texts:
                entry.msgstr = texts[entry.msgid]
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
        path.write_text(format_po(po), encoding="utf-8")

    checked = run("check", "--select", "glossary", "--format", "json")
    assert checked.returncode == 1, checked.stderr
    found = {(f["lang"], f["expected"], f["found"]) for f in json.loads(checked.stdout)}
    assert ("de", "Kyjiw", "Kiew") in found
    assert ("uk", "Суджа", "Судзху") in found

    fixed = run("check", "--select", "glossary", "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    for lang in ("de", "uk"):  # the fixes are drafts to review: clear fuzzy again
        path = news / "locales" / lang / f"{doc}.po"
        po = read_po(path)
        for entry in po:
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
        path.write_text(format_po(po), encoding="utf-8")
    assert run("check", "--select", "glossary").returncode == 0

    built = run("build")
    assert built.returncode == 0, built.stderr
    german = (news / "build" / "de" / f"{doc}.txt").read_text(encoding="utf-8")
    assert german.startswith("Kyjiw und Sudscha\n")
    ukrainian = (news / "build" / "uk" / f"{doc}.txt").read_text(encoding="utf-8")
    assert "увійшли в Суджу" in ukrainian
    assert not (drafts / "build").exists()
