"""``l10n build``: the article rebuilt in each language from the reviewed PO files.

Built from the shipped, reviewed sq/uk/ru translations: the reader must get
the article with its paragraphs and titles where they were, every sentence
translated, and a sentence without a reviewed translation left in English,
in its place, and counted.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from conftest import LANGS, REPO
from documents.samples import count_segmenter_calls

from l10n.build import build_all, build_language, render
from l10n.cli import cli
from l10n.errors import InputFileError, L10nError
from l10n.po import format_po, read_po
from l10n.segment import read_source, segment_text

SOURCE = Path("source/kursk.en.txt")
LOCALES = Path("locales")
OUT = Path("build")
POT = LOCALES / "kursk.pot"

# Line 10 of the article holds two sentences.
FIRST_OF_10 = (
    "The Russians announced today that the Ukrainians have launched a new offensive in Kursk."
)
SECOND_OF_10 = (
    "According to Russian military bloggers, Ukrainian forces attacked southeast of Sudzha, "
    "advancing towards the settlements of Fanaseyevka and Ulanok."
)
TITLE = "Kursk becomes Putin's nightmare"


@pytest.fixture
def shipped(project) -> Path:
    """The project folder with the shipped locales (template and reviewed PO files)."""
    shutil.copytree(REPO / "locales", project / "locales")
    return project


def reviewed(lang: str) -> dict[str, str]:
    return {e.msgid: e.msgstr for e in read_po(LOCALES / lang / "kursk.po") if not e.obsolete}


def make_fuzzy(lang: str, msgid: str) -> None:
    path = LOCALES / lang / "kursk.po"
    po = read_po(path)
    po.find(msgid).flags.append("fuzzy")
    path.write_text(format_po(po), encoding="utf-8")


def test_build_all_builds_the_three_articles(shipped):
    results = build_all(None, locales=LOCALES, out=OUT)
    assert sorted(r.lang for r in results) == sorted(LANGS)
    source = read_source(SOURCE)
    src_lines = source.splitlines()
    for r in results:
        assert r.doc == "kursk"
        assert r.output == OUT / r.lang / "kursk.txt"
        assert (r.segments, r.translated, r.left_in_english) == (36, 36, 0)
        text = r.output.read_text(encoding="utf-8")
        lines = text.splitlines()
        assert len(lines) == len(src_lines)
        assert [not ln.strip() for ln in lines] == [not ln.strip() for ln in src_lines]
        assert text.endswith("\n") == source.endswith("\n")


def test_no_english_sentence_remains(shipped):
    build_all(None, locales=LOCALES, out=OUT)
    sentences = {s.text for s in segment_text(read_source(SOURCE))}
    for lang in LANGS:
        text = (OUT / lang / "kursk.txt").read_text(encoding="utf-8")
        for english in (TITLE, "The link was copied", FIRST_OF_10, SECOND_OF_10):
            assert english not in text, (lang, english)
        assert [s for s in sentences if s in text] == [], lang


def test_sentences_are_replaced_in_place(shipped):
    build_all(None, locales=LOCALES, out=OUT)
    for lang in LANGS:
        tr = reviewed(lang)
        lines = (OUT / lang / "kursk.txt").read_text(encoding="utf-8").splitlines()
        assert lines[0] == lines[3] == tr[TITLE]
        assert lines[1] == tr["World"]
        assert lines[5] == tr["The link was copied"]
        assert lines[9] == tr[FIRST_OF_10] + " " + tr[SECOND_OF_10]


def test_mo_files_hold_the_reviewed_translations(shipped):
    for r in build_all(None, locales=LOCALES, out=OUT):
        assert r.mo == OUT / r.lang / "kursk.mo"
        mo = polib.mofile(str(r.mo))
        assert {e.msgid: e.msgstr for e in mo} == reviewed(r.lang)
        assert mo.metadata["Language"] == r.lang
        assert "Plural-Forms" in mo.metadata
    assert not list(OUT.rglob(".*.tmp"))


def test_build_only_the_requested_language(shipped):
    results = build_all(["uk"], locales=LOCALES, out=OUT)
    assert [r.lang for r in results] == ["uk"]
    assert sorted(p.name for p in OUT.iterdir()) == ["uk"]


def test_fuzzy_entry_stays_in_english_in_its_place(shipped):
    make_fuzzy("uk", SECOND_OF_10)
    tr = reviewed("uk")
    result = build_language(POT, "uk", locales=LOCALES, out=OUT)
    assert (result.segments, result.translated, result.left_in_english) == (36, 35, 1)
    lines = result.output.read_text(encoding="utf-8").splitlines()
    assert lines[9] == tr[FIRST_OF_10] + " " + SECOND_OF_10
    assert lines[0] == tr[TITLE]
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(result.mo))}
    assert SECOND_OF_10 not in mo
    assert mo[FIRST_OF_10] == tr[FIRST_OF_10]


def test_include_fuzzy_uses_the_fuzzy_translation(shipped):
    make_fuzzy("uk", SECOND_OF_10)
    tr = reviewed("uk")
    result = build_language(POT, "uk", locales=LOCALES, out=OUT, include_fuzzy=True)
    assert (result.translated, result.left_in_english) == (36, 0)
    lines = result.output.read_text(encoding="utf-8").splitlines()
    assert lines[9] == tr[FIRST_OF_10] + " " + tr[SECOND_OF_10]
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(result.mo))}
    assert mo[SECOND_OF_10] == tr[SECOND_OF_10]


def test_fuzzy_title_is_counted_at_both_places(shipped):
    make_fuzzy("sq", TITLE)
    results = build_all(["sq"], locales=LOCALES, out=OUT)
    assert results[0].left_in_english == 2
    lines = results[0].output.read_text(encoding="utf-8").splitlines()
    assert lines[0] == lines[3] == TITLE


def test_rebuilding_gives_the_same_article(shipped):
    build_all(None, locales=LOCALES, out=OUT)
    first = {p: p.read_bytes() for p in sorted(OUT.rglob("*.txt"))}
    build_all(None, locales=LOCALES, out=OUT)
    assert {p: p.read_bytes() for p in sorted(OUT.rglob("*.txt"))} == first


# --- segmentation: once per article, kept between builds -------------------------------


@pytest.fixture
def asked(shipped, tmp_path, monkeypatch) -> list[str]:
    """The paragraphs pysbd segments, with a cache folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    return count_segmenter_calls(monkeypatch)


def one_segmentation(asked: list[str], text: str) -> list[str]:
    """The paragraphs of ``text``, each once: what segmenting it once asks
    pysbd (a title repeated at the end is the same question)."""
    before = len(asked)
    segment_text(text)
    once = list(dict.fromkeys(asked[before:]))
    del asked[before:]
    return once


def built() -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(OUT.rglob("*")) if p.is_file()}


def sentence_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "l10n").rglob("*.json"))


def test_each_article_is_segmented_once_for_all_its_languages(asked):
    once = one_segmentation(asked, read_source(SOURCE))
    results = build_all(None, locales=LOCALES, out=OUT)
    assert len(results) == 3
    assert asked == once


def test_a_second_build_segments_nothing_and_builds_the_same(asked):
    build_all(None, locales=LOCALES, out=OUT)
    first = built()
    asked.clear()
    build_all(None, locales=LOCALES, out=OUT)
    assert asked == []
    assert built() == first


def test_a_changed_source_is_segmented_again(asked):
    build_all(None, locales=LOCALES, out=OUT)
    changed = read_source(SOURCE).replace(TITLE, "Kursk: the new front. Day one")
    SOURCE.write_text(changed, encoding="utf-8")
    once = one_segmentation(asked, changed)
    asked.clear()
    build_all(None, locales=LOCALES, out=OUT)
    assert asked == once
    text = (OUT / "sq" / "kursk.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "Kursk: the new front. Day one"  # no translation yet


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json",
        b'{"key": 1}',
        b"[]",
        # Its own key, but a span past the end of its paragraph.
        None,
    ],
)
def test_a_corrupt_cache_file_is_ignored_and_replaced(asked, tmp_path, content):
    build_all(None, locales=LOCALES, out=OUT)
    first = built()
    [path] = sentence_files(tmp_path)
    if content is None:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["spans"][0][1][0] = [0, 10_000]
        content = json.dumps(data).encode()
    path.write_bytes(content)
    asked.clear()
    build_all(None, locales=LOCALES, out=OUT)
    assert asked == one_segmentation(asked, read_source(SOURCE))
    assert built() == first
    asked.clear()
    build_all(None, locales=LOCALES, out=OUT)  # the file was written again
    assert asked == []


def test_the_off_switch_keeps_no_sentences(asked, tmp_path, monkeypatch):
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    once = one_segmentation(asked, read_source(SOURCE))
    for _ in range(2):
        build_all(None, locales=LOCALES, out=OUT)
        assert asked == once
        asked.clear()
    assert sentence_files(tmp_path) == []


def test_missing_po_for_a_requested_language_is_an_error(shipped):
    with pytest.raises(L10nError) as err:
        build_all(["de"], locales=LOCALES, out=OUT)
    assert "locales/de/kursk.po" in err.value.message
    assert "--to de" in err.value.hint


def test_no_template_is_an_error(project):
    (project / "locales" / "sq").mkdir(parents=True)
    shutil.copy(REPO / "locales" / "sq" / "kursk.po", project / "locales" / "sq" / "kursk.po")
    with pytest.raises(L10nError) as err:
        build_all(None, locales=LOCALES, out=OUT)
    assert "no .pot" in err.value.message
    assert not OUT.exists()


def test_no_locales_folder_is_an_error(project):
    with pytest.raises(L10nError):
        build_all(["sq"], locales=LOCALES, out=OUT)


# --- render ----------------------------------------------------------------------------


def test_render_keeps_spacing_paragraphs_and_untranslated_sentences():
    text = "Title\n\n  One.   Two.  \nThree.\n"
    out, total, translated = render(text, {"Title": "Titull", "One.": "Një.", "Three.": "Tre."})
    assert out == "Titull\n\n  Një.   Two.  \nTre.\n"
    assert (total, translated) == (4, 3)


def test_render_without_trailing_newline_and_with_nothing_translated():
    text = "He left. She stayed.\n\nThey waited."
    assert render(text, {}) == (text, 3, 0)


def test_render_a_translation_longer_than_the_sentence():
    translations = {"He left.": "Ai u largua prej andej.", "She stayed.": "Ajo mbeti aty."}
    out, total, translated = render("He left. She stayed.", translations)
    assert out == "Ai u largua prej andej. Ajo mbeti aty."
    assert (total, translated) == (2, 2)


def test_render_keeps_every_line_end_byte_for_byte():
    # Only \n ends a line; \r\n, \r, VT, FF and U+2028 stay exactly where they were.
    text = "Title\r\n\r\nOne.\x0bTwo.\x0cThree.\u2028Four.\rFive.\r\nLast."
    translations = {s: s.upper() for s in ("Title", "One.", "Two.", "Three.", "Four.", "Five.")}
    out, total, translated = render(text, translations)
    assert out == "TITLE\r\n\r\nONE.\x0bTWO.\x0cTHREE.\u2028FOUR.\rFIVE.\r\nLast."
    assert (total, translated) == (7, 6)


def test_a_crlf_article_is_rebuilt_with_crlf_line_ends(shipped):
    build_all(["uk"], locales=LOCALES, out=Path("lf"))
    lf = (Path("lf") / "uk" / "kursk.txt").read_bytes()
    SOURCE.write_bytes(SOURCE.read_bytes().replace(b"\n", b"\r\n"))
    result = build_all(["uk"], locales=LOCALES, out=OUT)[0]
    assert result.left_in_english == 0
    assert result.output.read_bytes() == lf.replace(b"\n", b"\r\n")


# --- a context entry in the PO file ----------------------------------------------------


def test_build_uses_the_entry_without_a_context_and_compiles_both(shipped):
    world = reviewed("uk")["World"]
    path = LOCALES / "uk" / "kursk.po"
    po = read_po(path)
    po.append(polib.POEntry(msgctxt="menu", msgid="World", msgstr="Світ (меню)"))
    path.write_text(format_po(po), encoding="utf-8")
    result = build_language(POT, "uk", locales=LOCALES, out=OUT)
    assert result.output.read_text(encoding="utf-8").splitlines()[1] == world
    mo = polib.mofile(str(result.mo))
    assert {(e.msgctxt, e.msgstr) for e in mo if e.msgid == "World"} == {
        (None, world),
        ("menu", "Світ (меню)"),
    }


# --- references outside the project ---------------------------------------------------


@pytest.fixture
def outside(tmp_path_factory) -> Path:
    """A readable file that is not in the project."""
    path = tmp_path_factory.mktemp("elsewhere") / "secret.en.txt"
    path.write_text("A private note that must not end up in an article.\n", encoding="utf-8")
    return path


def point_template_at(reference: str) -> None:
    """Make the first #: reference of the template (line 17) name ``reference``."""
    text = POT.read_text(encoding="utf-8")
    assert text.splitlines()[16] == "#: source/kursk.en.txt:1 source/kursk.en.txt:4"
    POT.write_text(text.replace("source/kursk.en.txt:1 ", f"{reference}:1 ", 1), encoding="utf-8")


def escaping_references(outside: Path) -> dict[str, str]:
    """How a template can name a file outside the project: by name, then its reference."""
    Path("source/link.en.txt").symlink_to(outside)
    relative = Path(os.path.relpath(outside, Path.cwd())).as_posix()
    return {
        "absolute": "/etc/hostname",
        "absolute, inside": (Path.cwd() / SOURCE).as_posix(),
        "parent folder": relative,
        "through source/..": f"source/../{relative}",
        "symlink": "source/link.en.txt",
    }


@pytest.mark.parametrize(
    "kind", ["absolute", "absolute, inside", "parent folder", "through source/..", "symlink"]
)
def test_a_reference_outside_the_project_is_refused(shipped, outside, kind):
    reference = escaping_references(outside)[kind]
    point_template_at(reference)
    with pytest.raises(InputFileError) as err:
        build_all(None, locales=LOCALES, out=OUT)
    assert err.value.message.startswith(f"{POT}:17: ")
    assert repr(reference) in err.value.message
    assert f"the project ({Path.cwd()})" in err.value.message
    assert not OUT.exists()

    result = CliRunner().invoke(cli, ["build"], prog_name="l10n")
    assert result.exit_code == 2, result.output
    assert f"{POT}:17:" in result.stderr and reference in result.stderr
    assert "Traceback" not in result.output
    assert not OUT.exists()


def test_a_reference_through_dot_dot_that_stays_inside_is_read(shipped):
    point_template_at("source/../source/kursk.en.txt")
    result = build_all(["sq"], locales=LOCALES, out=OUT)[0]
    assert (result.segments, result.left_in_english) == (36, 0)
