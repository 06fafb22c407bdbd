"""``l10n translate`` with the manifest: an unchanged article is skipped, and
anything that would change its files makes it merge again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from l10n import catalog, manifest, pipeline
from l10n.cli import cli
from l10n.glossary import Glossary
from l10n.glossary.model import LangForms, Term
from l10n.manifest import MANIFEST_NAME
from l10n.memory import Settings, memory_path
from l10n.pipeline import translate_documents
from l10n.po import format_po, read_po

NOW = "2025-03-01 10:00+0000"
OTHER = "Kyiv was without power for six hours on Monday.\n\nRepairs went on all night.\n"


class Echo:
    name = "echo test engine"

    def translate(self, texts, *, beam_size=4, progress=None):
        for i, text in enumerate(texts):
            yield i, f"[mt] {text}"


@pytest.fixture
def articles(project) -> list[Path]:
    (project / "source" / "power.en.txt").write_text(OTHER, encoding="utf-8")
    return [Path("source/kursk.en.txt"), Path("source/power.en.txt")]


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The sources each run segments."""
    seen: list[Path] = []
    real = pipeline.read_document

    def counting(source, options=None):
        seen.append(Path(source))
        return real(source, options)

    monkeypatch.setattr(pipeline, "read_document", counting)
    return seen


def translate(sources, langs=("uk", "sq"), **kwargs):
    kwargs.setdefault("memory", Settings(path=memory_path(Path.cwd())))
    kwargs.setdefault("engine_factory", lambda f, t: Echo())
    return translate_documents(
        sources,
        list(langs),
        locales=Path("locales"),
        detect_language=False,
        now=NOW,
        **kwargs,
    )


def files(folder: Path = Path("locales")) -> dict[str, tuple[bytes, int]]:
    """Every file with its bytes and mtime: untouched means both the same."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def manifest_file() -> Path:
    return memory_path(Path.cwd()).parent / MANIFEST_NAME


def test_an_unchanged_article_is_skipped_and_its_files_untouched(articles, reads):
    first = translate(articles)
    assert [d.skipped for d in first] == [False, False]
    assert reads == articles
    before = files()
    reads.clear()
    again = translate(articles)
    assert reads == []  # not segmented, not merged
    assert [d.skipped for d in again] == [True, True]
    assert [d.template_path for d in again] == [d.template_path for d in first]
    assert files() == before


def test_an_edited_source_merges_that_article_only(articles, reads):
    translate(articles)
    articles[1].write_text(OTHER + "\nA new sentence was added.\n", encoding="utf-8")
    reads.clear()
    docs = translate(articles)
    assert reads == [articles[1]]
    assert [d.skipped for d in docs] == [True, False]
    uk = {e.msgid: e for e in read_po("locales/uk/power.po")}
    assert uk["A new sentence was added."].msgstr == "[mt] A new sentence was added."


def review(path: Path, msgid: str, msgstr: str) -> None:
    """A reviewer's save in Poedit: the translation edited, fuzzy cleared."""
    po = read_po(path)
    for e in po:
        if e.msgid == msgid:
            e.msgstr, e.flags = msgstr, [f for f in e.flags if f != "fuzzy"]
    path.write_text(format_po(po), encoding="utf-8")


def test_a_reviewers_save_makes_the_article_merge_again(articles, reads):
    translate(articles)
    msgid = "Repairs went on all night."
    review(Path("locales/uk/power.po"), msgid, "Ремонт тривав усю ніч.")
    reads.clear()
    translate(articles)
    assert reads == [articles[1]]
    entry = {e.msgid: e for e in read_po("locales/uk/power.po")}[msgid]
    # Merged: the machine-translation note goes once a reviewer cleared fuzzy.
    assert entry.msgstr == "Ремонт тривав усю ніч." and catalog.MT_NOTE_PREFIX not in entry.comment


def test_a_save_that_keeps_size_and_mtime_is_still_seen(articles, reads, monkeypatch):
    # An editor saving within the same timestamp tick, or a tool that sets
    # the mtime back: same size, same mtime, other bytes.  Every record is
    # trusted at once here (no "recent" window): the ctime gives it away.
    monkeypatch.setattr(manifest, "RECENT_S", 0.0)
    translate(articles)
    path = Path("locales/sq/power.po")
    st = path.stat()
    data = path.read_bytes()
    path.write_bytes(data.replace(b"[mt] Repairs", b"[MT] Repairs"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    reads.clear()
    translate(articles)
    assert reads == [articles[1]]


def test_a_file_restored_byte_for_byte_is_not_a_change(articles, reads):
    translate(articles)
    path = Path("locales/uk/kursk.po")
    path.write_bytes(path.read_bytes())  # a new mtime, the same bytes
    reads.clear()
    assert [d.skipped for d in translate(articles)] == [True, True]
    assert reads == []


def test_a_deleted_po_file_is_written_again(articles, reads):
    translate(articles)
    before = files()
    Path("locales/sq/kursk.po").unlink()
    reads.clear()
    translate(articles)
    assert reads == [articles[0]]
    assert files()["sq/kursk.po"][0] == before["sq/kursk.po"][0]


def glossary(form: str) -> Glossary:
    return Glossary([Term("Kyiv", forms={"uk": LangForms(form), "sq": LangForms("Kievi")})])


def test_a_changed_glossary_merges_every_article_again(articles, reads):
    translate(articles, glossary=glossary("Київ"))
    reads.clear()
    translate(articles, glossary=glossary("Київ"))
    assert reads == []
    translate(articles, glossary=glossary("Кийов"))
    assert reads == articles
    entry = next(e for e in read_po("locales/uk/power.po") if "Kyiv" in e.msgid)
    assert "Kyiv → Кийов" in entry.comment


@pytest.mark.parametrize(
    "change",
    [
        {"langs": ("uk",)},
        {"langs": ("uk", "sq", "ru")},
        {"memory": Settings(threshold=90)},  # completed with the path below
        {"glossary_decoding": False},
    ],
    ids=["fewer languages", "more languages", "memory settings", "decoding switch"],
)
def test_other_run_inputs_merge_every_article_again(articles, reads, change):
    translate(articles)
    if "memory" in change:
        change = {"memory": Settings(path=memory_path(Path.cwd()), threshold=90)}
    reads.clear()
    translate(articles, **change)
    assert reads == articles


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[]", b'{"format": 1, "articles": {"x": 3}}', b"\xff\xfe"],
    ids=["empty", "truncated", "a list", "bad article", "not UTF-8"],
)
def test_a_corrupt_manifest_is_ignored_and_rewritten(articles, reads, content):
    translate(articles)
    before = files()
    manifest_file().write_bytes(content)
    reads.clear()
    docs = translate(articles)
    assert reads == articles and not any(d.skipped for d in docs)
    assert files() == before  # merged again, to the same bytes: nothing written
    assert json.loads(manifest_file().read_text(encoding="utf-8"))["format"] == 1
    reads.clear()
    assert [d.skipped for d in translate(articles)] == [True, True]


def test_a_deleted_manifest_only_costs_a_merge(articles, reads):
    translate(articles)
    before = files()
    manifest_file().unlink()
    reads.clear()
    translate(articles)
    assert reads == articles
    assert files() == before


def test_no_manifest_without_a_memory_database_or_when_switched_off(articles, reads, monkeypatch):
    translate(articles, memory=Settings())
    assert not manifest_file().exists()
    translate(articles, incremental=False)
    assert not manifest_file().exists()
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    translate(articles)
    assert not manifest_file().exists()
    assert len(reads) == 6


def test_an_untranslated_entry_keeps_its_article_out_of_the_manifest(articles, reads):
    class Silent(Echo):
        def translate(self, texts, *, beam_size=4, progress=None):
            for i, text in enumerate(texts):
                yield i, "" if "Repairs" in text else text

    translate(articles, engine_factory=lambda f, t: Silent())
    reads.clear()
    # The empty entry asks translation memory and the machine again.
    translate(articles)
    assert reads == [articles[1]]
    assert "[mt] Repairs went on all night." in Path("locales/uk/power.po").read_text()


def test_a_skipping_run_leaves_what_a_full_run_leaves(articles, project, tmp_path):
    translate(articles)
    review(Path("locales/uk/kursk.po"), "Kursk becomes Putin's nightmare", "Курськ — жах Путіна")
    translate(articles)
    other = tmp_path / "copy"
    shutil.copytree(project, other)
    articles[1].write_text(OTHER + "\nThe grid held.\n", encoding="utf-8")
    (other / articles[1]).write_text(OTHER + "\nThe grid held.\n", encoding="utf-8")
    skipping = translate(articles)
    assert [d.skipped for d in skipping] == [True, False]
    os.chdir(other)
    full = translate(articles, incremental=False, root=other)
    assert not any(d.skipped for d in full)
    assert {k: v[0] for k, v in files(other / "locales").items()} == {
        k: v[0] for k, v in files(project / "locales").items()
    }


def test_the_cli_says_which_articles_it_skipped(project):
    # The shipped translations are all reviewed: no model is needed.
    shutil.copytree(REPO / "locales", project / "locales")
    (project / "l10n.toml").write_text('[project]\nlanguages = ["uk"]\n', encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["translate"], prog_name="l10n")
    assert first.exit_code == 0, first.output
    assert "locales/uk/kursk.po: 35 kept (unchanged)" in first.output
    again = runner.invoke(cli, ["translate"], prog_name="l10n")
    assert again.exit_code == 0, again.output
    assert "kursk.po" not in again.output
    assert "1 article(s) unchanged since the last run, skipped" in again.output
