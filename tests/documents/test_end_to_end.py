"""``l10n translate`` and ``l10n build`` on a Markdown and an HTML article with
random-weight models: models that never write a tag, so every tag in the
output was put back by l10n."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import msgfmt_check

from documents.samples import HTML, MARKDOWN
from l10n.cli import cli
from l10n.documents.html import scan
from l10n.documents.placeholders import compare, has_placeholders

SKIPPED = {"text", "text_special", "softbreak"}


def markdown_structure(text: str):
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").disable("text_join").parse(text)
    return [
        (t.type, Counter(c.type for c in t.children or [] if c.type not in SKIPPED)) for t in tokens
    ]


def html_structure(text: str):
    return [(e.kind, e.tag) for e in scan(text) if e.kind in ("start", "end", "startend")]


def l10n(*args: str):
    result = CliRunner().invoke(cli, list(args), prog_name="l10n")
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    ("name", "text", "structure"),
    [("story.en.md", MARKDOWN, markdown_structure), ("story.en.html", HTML, html_structure)],
)
def test_machine_translation_keeps_the_documents_structure_and_tags(
    tmp_path, monkeypatch, with_models, name, text, structure
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / name).write_text(text, encoding="utf-8")
    l10n("translate", f"source/{name}", "--to", "uk", "--from", "en")
    po_path = tmp_path / "locales" / "uk" / "story.po"
    assert msgfmt_check(po_path).returncode == 0, msgfmt_check(po_path).stderr
    po = polib.pofile(str(po_path))
    marked = [e for e in po if has_placeholders(e.msgid)]
    assert marked, "the sample has sentences with inline markup"
    for entry in marked:
        assert compare(entry.msgid, entry.msgstr) == [], (entry.msgid, entry.msgstr)
        assert "Markup placed by position; check it." in entry.comment
    l10n("build", "--include-fuzzy", "--to", "uk")
    built = (tmp_path / "build" / "uk" / Path(name).name.replace(".en", "")).read_text("utf-8")
    assert built != text
    assert structure(built) == structure(text)
    for kept in ("https://example.com/?p=2025", "map.png", "5,000"):
        assert kept in built


@pytest.mark.parametrize(("name", "text"), [("story.en.md", MARKDOWN), ("story.en.html", HTML)])
def test_msgstr_set_to_msgid_builds_the_source_byte_for_byte(
    tmp_path, monkeypatch, with_models, name, text
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / name).write_bytes(text.encode())
    l10n("translate", f"source/{name}", "--to", "uk", "--from", "en")
    po_path = tmp_path / "locales" / "uk" / "story.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = entry.msgid
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po.save(str(po_path))
    result = l10n("build", "--to", "uk")
    suffix = Path(name).suffix
    # Every byte as in the source but the page's language, which is now uk.
    expected = text.replace('<html lang="en">', '<html lang="uk">')
    assert (tmp_path / "build" / "uk" / f"story{suffix}").read_bytes() == expected.encode()
    total = len([e for e in po if e.msgid])
    assert f"{total}/{total} sentences translated" in result.output


def test_untranslated_sentences_stay_in_english_and_are_counted(tmp_path, monkeypatch, with_models):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "story.en.html").write_text(HTML, encoding="utf-8")
    l10n("translate", "source/story.en.html", "--to", "uk", "--from", "en")
    result = CliRunner().invoke(cli, ["build", "--to", "uk"], prog_name="l10n")
    assert result.exit_code == 1  # every entry is fuzzy machine output
    built = (tmp_path / "build" / "uk" / "story.html").read_text("utf-8")
    assert built == HTML.replace('<html lang="en">', '<html lang="uk">')
    assert "sentences left in English" in result.stderr
