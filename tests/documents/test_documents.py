"""Markdown and HTML documents: what becomes a message, and the rebuilt document."""

from __future__ import annotations

from pathlib import Path

import pytest

from documents.samples import HTML, MARKDOWN, count_segmenter_calls
from l10n.documents import DocumentOptions, read_document
from l10n.documents.placeholders import strip_placeholders
from l10n.errors import InputFileError


def document(tmp_path: Path, name: str, text: str, **options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path, DocumentOptions(**options))


def msgids(doc) -> list[str]:
    return [s.text for s in doc.segments]


def test_markdown_messages_are_whole_sentences_with_numbered_tags(tmp_path):
    doc = document(tmp_path, "a.en.md", MARKDOWN)
    assert msgids(doc) == [
        "Troops enter Sudzha",
        "Troops <1>enter</1> Sudzha",
        "Ukrainian troops entered <1>Sudzha</1> on Tuesday, officials said.",
        "The <1>town</1> had <2/> people before the war.",
        "It is <1>calm. Very calm</1> now * and safe & quiet.",
        "The town",  # the link's title, after its paragraph
        # A line break between two sentences is left between them.
        "The city is ours, the commander said.",
        "Nobody believed him.",
        "Roads to the town are closed.",
        "A map <1/> shows the front.",
        "Map of the Kursk region",
        "Town",
        "People",
        "Sudzha",
        "about <1>5,000</1>",
    ]
    # No URL, file name or code reaches a message.
    assert not any("example.com" in m or "map.png" in m or "code block" in m for m in msgids(doc))


def test_references_name_the_line_of_each_sentence(tmp_path):
    doc = document(tmp_path, "a.en.md", MARKDOWN)
    lines = {s.text: s.line for s in doc.segments}
    assert lines["Troops enter Sudzha"] == 2
    assert lines["Ukrainian troops entered <1>Sudzha</1> on Tuesday, officials said."] == 7
    assert lines["Roads to the town are closed."] == 14


def test_html_messages_skip_head_scripts_code_and_attributes_but_alt_and_title(tmp_path):
    doc = document(tmp_path, "a.en.html", HTML)
    assert msgids(doc) == [
        "Home page",
        "Troops <1>enter</1> Sudzha",
        "The town",
        "Ukrainian troops entered <1>Sudzha</1> on Tuesday, officials said.",
        "The <1>town</1> had <2/> people.",
        "It is <1>calm. Very calm</1> now & quiet.",
        "The city is ours, the commander said.",
        "Roads to the town are closed.",
        "Map of the Kursk region",
        "A map <1/> shows the front.",
        "Town",
        "People",
        "Sudzha",
        "about 5,000",
        "Footer text.",
    ]


def test_an_html_selector_keeps_navigation_and_footer_out(tmp_path):
    doc = document(tmp_path, "a.en.html", HTML, html_selector="article.story")
    assert "Home page" not in msgids(doc) and "Footer text." not in msgids(doc)
    assert msgids(doc)[0] == "Troops <1>enter</1> Sudzha"


def test_a_selector_l10n_cannot_read_is_an_input_error(tmp_path):
    with pytest.raises(Exception, match="not a selector"):
        document(tmp_path, "a.en.html", HTML, html_selector="article > p")


@pytest.mark.parametrize(("name", "text"), [("a.en.md", MARKDOWN), ("a.en.html", HTML)])
def test_every_msgstr_its_msgid_gives_the_source_byte_for_byte(tmp_path, name, text):
    doc = document(tmp_path, name, text)
    rendered = doc.render({s.text: s.text for s in doc.segments})
    assert rendered.text == text
    assert rendered.translated == rendered.total == len(doc.segments)


@pytest.mark.parametrize(("name", "text"), [("a.en.md", MARKDOWN), ("a.en.html", HTML)])
def test_translations_replace_text_and_keep_every_url_and_tag(tmp_path, name, text):
    doc = document(tmp_path, name, text)
    upper = {s.text: _upper_text(s.text) for s in doc.segments}
    out = doc.render(upper).text
    again = document(tmp_path, "b" + name[1:], out)
    assert msgids(again) == [upper[m] for m in msgids(doc)]
    for kept in ("https://example.com/?p=2025", "map.png", "5,000"):
        assert kept in out
    assert "Do not translate this." in out or name.endswith(".md")


def _upper_text(msgid: str) -> str:
    """The msgid with its text in capitals and its tags as they were."""
    import re

    return re.sub(r"[^<>]+(?=<|$)", lambda m: m.group().upper(), msgid)


def test_a_translation_with_broken_tags_leaves_the_sentence_in_the_source_language(tmp_path):
    doc = document(tmp_path, "a.en.md", MARKDOWN)
    msgid = "Ukrainian troops entered <1>Sudzha</1> on Tuesday, officials said."
    rendered = doc.render({msgid: "Війська увійшли в Суджу у вівторок."})
    assert rendered.text == MARKDOWN
    assert rendered.translated == 0


def test_translated_text_is_escaped_for_its_format(tmp_path):
    md = document(tmp_path, "a.en.md", "A *b* c.\n")
    assert md.render({"A <1>b</1> c.": "x_y <1>[b]</1> <c>."}).text == "x\\_y *\\[b\\]* \\<c>.\n"
    html = document(tmp_path, "a.en.html", "<p>A <b>b</b> c.</p>")
    assert html.render({"A <1>b</1> c.": "x & <1>y</1> <c>."}).text == (
        "<p>x &amp; <b>y</b> &lt;c&gt;.</p>"
    )


def test_elements_around_a_whole_sentence_stay_outside_the_message(tmp_path):
    doc = document(tmp_path, "a.en.html", "<p><strong>Kyiv.</strong> Sirens sounded.</p>")
    assert msgids(doc) == ["Kyiv.", "Sirens sounded."]


def test_a_sentence_that_cuts_an_element_is_merged_with_its_neighbour(tmp_path):
    doc = document(tmp_path, "a.en.md", "It is *calm. Very* calm now. Next one.\n")
    assert msgids(doc) == ["It is <1>calm. Very</1> calm now.", "Next one."]


def test_pure_markup_gives_no_message(tmp_path):
    doc = document(tmp_path, "a.en.html", '<p>Text.</p><p><img src="x.png"> <br></p>')
    assert msgids(doc) == ["Text."]


def test_translate_no_and_code_are_kept(tmp_path):
    doc = document(
        tmp_path,
        "a.en.html",
        '<p>Run <code>ls -l</code> now.</p><p translate="no">Keep me.</p><pre>x = 1</pre>',
    )
    assert msgids(doc) == ["Run <1/> now."]


def test_a_document_with_no_text_is_an_input_error(tmp_path):
    with pytest.raises(InputFileError, match="no text to translate"):
        document(tmp_path, "a.en.html", "<p><img src='x.png'></p>")


def test_prose_for_language_detection_has_no_tags(tmp_path):
    doc = document(tmp_path, "a.en.md", MARKDOWN)
    assert "<1>" not in doc.prose
    assert strip_placeholders(msgids(doc)[1]) in doc.prose.split("\n")


# --- the language of a built HTML page --------------------------------------------------


def test_a_built_page_says_its_new_language_and_nothing_else_changes(tmp_path):
    page = document(tmp_path, "story.html", HTML)
    same = {s.text: s.text for s in page.segments}
    assert page.render(same, "uk").text == HTML.replace('<html lang="en">', '<html lang="uk">')
    assert page.render(same).text == HTML  # no language given: the source's


@pytest.mark.parametrize(
    ("tag", "built"),
    [
        (
            '<html xml:lang="en" lang=en xmlns="http://www.w3.org/1999/xhtml">',
            '<html xml:lang="sq" lang=sq xmlns="http://www.w3.org/1999/xhtml">',
        ),
        ("<html>", '<html lang="sq">'),
        ('<HTML class="js">', '<HTML lang="sq" class="js">'),
        ("<html lang>", '<html lang="sq">'),
        ("<html lang='en-GB' data-lang=\"en\">", "<html lang='sq' data-lang=\"en\">"),
    ],
)
def test_the_html_tags_language_attributes_are_set(tmp_path, tag, built):
    page = document(tmp_path, "page.html", f"{tag}<body><p>Troops entered the town.</p></body>")
    rendered = page.render({"Troops entered the town.": "Trupat hynë në qytet."}, "sq").text
    assert rendered == f"{built}<body><p>Trupat hynë në qytet.</p></body>"


def test_a_fragment_without_an_html_tag_gets_none(tmp_path):
    fragment = '<p lang="en">Troops entered the town.</p>\n'
    page = document(tmp_path, "fragment.html", fragment)
    assert page.render({}, "sq").text == fragment


def test_markdown_has_no_language_to_set(tmp_path):
    md = document(tmp_path, "story.md", MARKDOWN)
    assert md.render({}, "uk").text == MARKDOWN


# --- sentence spans kept between runs ----------------------------------------------------


@pytest.fixture
def asked(tmp_path, monkeypatch) -> list[str]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    return count_segmenter_calls(monkeypatch)


@pytest.mark.parametrize(("name", "text"), [("story.md", MARKDOWN), ("story.html", HTML)])
def test_a_document_read_again_is_not_segmented_again(tmp_path, asked, name, text):
    first = document(tmp_path, name, text)
    assert asked
    asked.clear()
    again = document(tmp_path, name, text)
    assert asked == []
    assert again.segments == first.segments
    same = {s.text: s.text for s in first.segments}
    assert again.render(same).text == text


def test_other_document_options_are_segmented_anew(tmp_path, asked):
    document(tmp_path, "story.html", HTML)
    asked.clear()
    selected = document(tmp_path, "story.html", HTML, html_selector="article")
    assert asked
    assert "Home page" not in msgids(selected)


def test_files_of_other_segmenting_code_are_removed(tmp_path, asked):
    old = tmp_path / "cache" / "l10n" / "sentences" / "0123456789abcdef"
    old.mkdir(parents=True)
    (old / "story.json").write_text("{}", encoding="utf-8")
    document(tmp_path, "story.md", MARKDOWN)
    [kept] = (tmp_path / "cache" / "l10n" / "sentences").iterdir()
    assert kept.name != old.name
    assert len(list(kept.glob("*.json"))) == 1


def test_the_html_tags_translated_title_and_language_are_both_written(tmp_path):
    page = document(
        tmp_path, "page.html", '<html title="A page about towns." lang="en"><p>Troops.</p></html>'
    )
    rendered = page.render({"A page about towns.": "Një faqe për qytetet."}, "sq").text
    assert rendered == '<html title="Një faqe për qytetet." lang="sq"><p>Troops.</p></html>'
