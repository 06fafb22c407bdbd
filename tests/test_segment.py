"""Segmentation: sentences as a translator sees them, and the article read safely.

A wrong split gives the translator half a sentence to translate (and Argos a
fragment it mistranslates); a wrong span rebuilds the article with text lost
or duplicated.  Reading the source must refuse binary, non-UTF-8 and empty
files with a message that says which file and what to do.
"""

from __future__ import annotations

import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import ARTICLE

from l10n import segment
from l10n.errors import InputFileError, L10nError
from l10n.segment import (
    NO_SPLIT_AFTER,
    check_source_language,
    detect_language,
    read_source,
    segment_text,
    split_sentences,
)


def sentences(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in split_sentences(paragraph)]


# --- split_sentences: what must stay one sentence -------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "He moved to the U.S. in 2001 and stayed there for ten years.",
        "The U.S. Army has not commented on the report.",
        "Mikhail Vinogradov heads the St. Petersburg Policy Foundation.",
        "Gen. Syrskyi said the front line held through the winter.",
        "The attack began at 5 a.m. on Monday and ended at 9 p.m. on Tuesday.",
        "We met at 10 a.m. and left before noon.",
        "Prices rose 1.5 percent in May.",
        "J. R. R. Tolkien wrote the book in Oxford.",
        "He paused... then he went on with the speech.",
        '"Go home. Now." said he.',
        '"The losses were heavy. The units withdrew. The line held," the statement said.',
        "Pres. Zelensky spoke in Kiev on Wednesday.",
        "Gov. Starovoit resigned after the incursion.",
        "Approx. 40 thousand soldiers were lost.",
        "It cost approx. 40 million euros to rebuild.",
        "Sgt. Ivanov and Pvt. Petrov were captured near Sudzha.",
    ],
)
def test_abbreviations_and_quotations_stay_inside_their_sentence(paragraph):
    assert sentences(paragraph) == [paragraph]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("He moved to the U.S. He left.", ["He moved to the U.S.", "He left."]),
        (
            "He lives in St. Petersburg now. He likes it.",
            ["He lives in St. Petersburg now.", "He likes it."],
        ),
        (
            "Gen. Syrskyi said the line held. Troops moved north.",
            ["Gen. Syrskyi said the line held.", "Troops moved north."],
        ),
        ("The meeting is at 5 p.m. Then we go.", ["The meeting is at 5 p.m.", "Then we go."]),
        (
            "Prices rose 1.5 percent. They fell later.",
            ["Prices rose 1.5 percent.", "They fell later."],
        ),
        (
            "J. R. R. Tolkien wrote the book. It sold well.",
            ["J. R. R. Tolkien wrote the book.", "It sold well."],
        ),
        (
            "Pres. Zelensky spoke. Approx. 40 people listened.",
            ["Pres. Zelensky spoke.", "Approx. 40 people listened."],
        ),
        (
            'He said: "I cannot. I will not." Then he left.',
            ['He said: "I cannot. I will not."', "Then he left."],
        ),
        ("Is it over? Nobody knows! We wait.", ["Is it over?", "Nobody knows!", "We wait."]),
    ],
)
def test_ordinary_sentence_ends_still_split(paragraph, expected):
    assert sentences(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # A URL's query is not a question.
        (
            "See https://example.com/?p=2025 for details. Then go.",
            ["See https://example.com/?p=2025 for details.", "Then go."],
        ),
        ("Read www.example.com/a.b?x=1 now. Next.", ["Read www.example.com/a.b?x=1 now.", "Next."]),
        # A URL that ends a sentence still ends it.
        ("Visit https://example.com. Then go.", ["Visit https://example.com.", "Then go."]),
        # A time of day followed by what belongs to it.
        ("We met at 9 a.m. Moscow time.", ["We met at 9 a.m. Moscow time."]),
        ("It starts at 5 p.m. GMT on Monday.", ["It starts at 5 p.m. GMT on Monday."]),
        ("At 8 a.m. Monday the shelling began.", ["At 8 a.m. Monday the shelling began."]),
        # Units before a lowercase word.
        (
            "Buy 5 lb. of flour and 2 oz. of salt. Then bake.",
            ["Buy 5 lb. of flour and 2 oz. of salt.", "Then bake."],
        ),
        ("The road is 40 km. Nobody came.", ["The road is 40 km.", "Nobody came."]),
        # A list item alone on its line keeps its marker.
        ("a. apples", ["a. apples"]),
        ("iv. The fourth point.", ["iv. The fourth point."]),
        ("b) pears. Fresh ones.", ["b) pears.", "Fresh ones."]),
    ],
)
def test_urls_times_units_and_list_markers_do_not_split(paragraph, expected):
    assert sentences(paragraph) == expected


def test_project_rules_cover_the_titles_pysbd_splits_after():
    for text in ["Pres.", "Gov.", "Sen.", "Sgt.", "Pvt.", "Approx.", "approx.", "Est."]:
        assert NO_SPLIT_AFTER.search(f"He met the {text}"), text
    # A word that merely ends in the same letters is an ordinary sentence end.
    for text in ["He was the best.", "They went west.", "It was a rep."]:
        assert not NO_SPLIT_AFTER.search(text), text
    assert sentences("He was the best. Nobody argued.") == ["He was the best.", "Nobody argued."]


def test_spans_are_trimmed_and_point_into_the_paragraph():
    paragraph = "  First sentence here.   Second one follows.  "
    spans = split_sentences(paragraph)
    assert [paragraph[a:b] for a, b in spans] == ["First sentence here.", "Second one follows."]
    assert spans[0][0] == 2
    assert spans[1][0] == paragraph.index("Second")


@pytest.mark.parametrize("paragraph", ["", "   ", "\t"])
def test_blank_paragraph_has_no_sentences(paragraph):
    assert split_sentences(paragraph) == []


# --- the real article ------------------------------------------------------------------


@pytest.fixture(scope="module")
def article() -> str:
    return read_source(ARTICLE)


@pytest.fixture(scope="module")
def segments(article):
    return segment_text(article)


def test_article_spans_reproduce_the_text_of_their_line(article, segments):
    lines = article.splitlines()
    for seg in segments:
        assert lines[seg.line - 1][seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip() and seg.text


def test_article_segments_cover_every_non_blank_line_in_order(article, segments):
    lines = article.splitlines()
    assert sorted({s.line for s in segments}) == [n for n, ln in enumerate(lines, 1) if ln.strip()]
    assert [(s.line, s.start) for s in segments] == sorted((s.line, s.start) for s in segments)
    # Between two sentences of a line there is only whitespace: nothing is lost.
    for a, b in pairwise(segments):
        if a.line == b.line:
            assert not lines[a.line - 1][a.end : b.start].strip()


def test_article_gives_one_segment_per_sentence(article, segments):
    by_line = {}
    for seg in segments:
        by_line.setdefault(seg.line, []).append(seg.text)
    assert len(segments) == 36
    assert by_line[10] == [
        "The Russians announced today that the Ukrainians have launched a new offensive in Kursk.",
        "According to Russian military bloggers, Ukrainian forces attacked southeast of "
        "Sudzha, advancing towards the settlements of Fanaseyevka and Ulanok.",
    ]
    # A quotation of three sentences is one segment with its attribution.
    assert len(by_line[16]) == 1
    assert by_line[16][0].startswith('"The total losses')
    assert by_line[16][0].endswith("the statement said.")
    assert len(by_line[44]) == 3
    assert by_line[46] == ["All rights reserved by APL KosovaPress © 2002-2025"]


def test_article_abbreviations_stay_inside_their_sentences(segments):
    us = [s for s in segments if "U.S." in s.text]
    assert len(us) == 1
    assert us[0].text.startswith("Putin’s failure")
    assert us[0].text.endswith("an end to the war.")
    st = [s for s in segments if "St. Petersburg" in s.text]
    assert len(st) == 1
    assert st[0].text.startswith('"In general, the effectiveness')
    assert st[0].text.endswith("St. Petersburg Policy Foundation.")
    assert not [s for s in segments if s.text in ("U.S.", "St.") or s.text.startswith("S. ")]


def test_article_title_appears_twice(segments):
    title = [s for s in segments if s.text == "Kursk becomes Putin's nightmare"]
    assert [(s.line, s.start, s.end) for s in title] == [(1, 0, 31), (4, 0, 31)]


def test_segment_text_numbers_lines_from_one_and_keeps_offsets():
    text = "Title\n\n  One. Two.\nThree."
    segs = segment_text(text)
    assert [(s.text, s.line, s.start, s.end) for s in segs] == [
        ("Title", 1, 0, 5),
        ("One.", 3, 2, 6),
        ("Two.", 3, 7, 11),
        ("Three.", 4, 0, 6),
    ]


LINE_ENDS = (
    "Title\r\n\r\nOne.\x0bTwo.\x0cThree.\u2028Four.\u2029Five.\r\n"
    "Six.\rSeven.\x85Eight.\x1cNine.\nLast line."
)


def test_segment_text_counts_lines_as_grep_does(tmp_path):
    path = tmp_path / "ends.en.txt"
    path.write_bytes(LINE_ENDS.encode())
    text = read_source(path)
    assert text == LINE_ENDS  # read as it is: no line end is translated
    segs = segment_text(text)
    grep = subprocess.run(
        ["grep", "-n", "Last line", str(path)], capture_output=True, text=True, check=True
    )
    assert segs[-1].line == int(grep.stdout.split(":")[0]) == 5
    assert [(s.text, s.line) for s in segs] == [
        ("Title", 1),
        ("One.", 3),
        ("Two.", 3),
        ("Three.", 3),
        ("Four.", 3),
        ("Five.", 3),
        ("Six.", 4),
        ("Seven.", 4),
        ("Eight.", 4),
        ("Nine.", 4),
        ("Last line.", 5),
    ]
    lines = text.split("\n")
    assert all(lines[s.line - 1][s.start : s.end] == s.text for s in segs)


# --- read_source -----------------------------------------------------------------------


def test_read_source_returns_the_text(tmp_path):
    path = tmp_path / "a.en.txt"
    path.write_text("Hello world.\nSecond line.\n", encoding="utf-8")
    assert read_source(path) == "Hello world.\nSecond line.\n"
    assert read_source(str(path)) == "Hello world.\nSecond line.\n"


def test_read_source_drops_a_utf8_bom(tmp_path):
    path = tmp_path / "bom.en.txt"
    path.write_bytes("\ufeffKursk becomes Putin's nightmare\n".encode())
    assert read_source(path) == "Kursk becomes Putin's nightmare\n"


def test_read_source_refuses_a_binary_file(tmp_path):
    path = tmp_path / "article.en.txt"
    path.write_bytes(b"Kursk\x00\x01\x02 binary\n")
    with pytest.raises(InputFileError) as err:
        read_source(path)
    assert str(path) in err.value.message
    assert "binary" in err.value.message
    assert err.value.path == str(path)


def test_read_source_reports_the_line_of_invalid_utf8(tmp_path):
    path = tmp_path / "latin1.en.txt"
    path.write_bytes("First line.\nSecond line.\nThird café line.\n".encode("latin-1"))
    with pytest.raises(InputFileError) as err:
        read_source(path)
    assert err.value.line == 3
    assert f"{path}:3:" in err.value.message
    assert "UTF-8" in err.value.message
    assert "UTF-8" in err.value.hint


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", "\ufeff".encode()])
def test_read_source_refuses_an_empty_file(tmp_path, content):
    path = tmp_path / "empty.en.txt"
    path.write_bytes(content)
    with pytest.raises(InputFileError) as err:
        read_source(path)
    assert str(path) in err.value.message
    assert "empty" in err.value.message


def test_read_source_refuses_a_folder(tmp_path):
    with pytest.raises(InputFileError) as err:
        read_source(tmp_path)
    assert str(tmp_path) in err.value.message
    assert "folder" in err.value.message


def test_read_source_reports_a_missing_file(tmp_path):
    path = tmp_path / "nope.en.txt"
    with pytest.raises(L10nError) as err:
        read_source(path)
    assert str(path) in err.value.message
    assert "No such file" in err.value.message


# --- language detection ----------------------------------------------------------------

GERMAN = (
    "Die ukrainischen Truppen haben einen Teil der Region Kursk besetzt, und der Kreml "
    "versucht seit Monaten, die Lage herunterzuspielen.\n\n"
    "Nach Angaben des Generalstabs sind die Verluste der russischen Armee sehr hoch.\n"
)
FRENCH = (
    "Les troupes ukrainiennes ont occupé une partie de la région de Koursk, et le Kremlin "
    "tente depuis des mois de minimiser la situation.\n\n"
    "Selon l'état-major, les pertes de l'armée russe sont très élevées.\n"
)


@pytest.mark.parametrize("text, lang", [(GERMAN, "de"), (FRENCH, "fr")])
def test_foreign_article_is_refused_naming_its_language(text, lang):
    with pytest.raises(L10nError) as err:
        check_source_language(text, "en", "source/x.en.txt")
    assert "source/x.en.txt" in err.value.message
    assert f"'{lang}'" in err.value.message
    assert "'en'" in err.value.message
    assert "--from" in err.value.hint
    assert f"--from {lang}" in err.value.hint


def test_foreign_article_is_accepted_when_said_to_be_in_that_language():
    check_source_language(GERMAN, "de", "source/x.de.txt")
    check_source_language(FRENCH, "fr", "source/x.fr.txt")


def test_the_english_article_passes_the_check(article):
    assert detect_language(article)[0] == "en"
    check_source_language(article, "en", str(ARTICLE))


@pytest.mark.parametrize(
    "text",
    [
        "World\nBota\nМир\n",
        "Bota\nSvit\nMir\n",
        "Welt\n1 Monat her\nDer Link wurde kopiert\n",
        "Світ\n\nПосилання скопійовано\n",
    ],
)
def test_short_lines_do_not_trigger_detection(text):
    assert detect_language(text) is None
    check_source_language(text, "en", "short.en.txt")


def test_detection_is_deterministic():
    # Mixed text is where an unseeded langdetect changes its mind between runs.
    mixed = GERMAN + "\n" + read_source(ARTICLE).splitlines()[7] + "\n"
    results = {detect_language(mixed) for _ in range(3)}
    assert len(results) == 1
    assert detect_language(GERMAN) == detect_language(GERMAN)
    assert detect_language(GERMAN)[0] == "de"


UKRAINIAN = (
    "Українські війська зайняли частину Курської області, а Кремль уже кілька місяців "
    "намагається применшити ситуацію.\n\n"
    "За даними Генерального штабу, втрати російської армії дуже високі.\n"
)


def langdetect_verdict(text: str) -> tuple[str, float]:
    """What langdetect itself, every profile loaded, says of the text's long lines."""
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    sample = "\n".join(ln for ln in text.splitlines() if len(ln.strip()) >= 40)
    best = detect_langs(sample)[0]
    return best.lang, best.prob


@pytest.mark.parametrize("name", ["article", "german", "french", "ukrainian", "mixed"])
def test_detection_gives_langdetects_own_verdicts(article, name):
    text = {
        "article": article,
        "german": GERMAN,
        "french": FRENCH,
        "ukrainian": UKRAINIAN,
        "mixed": GERMAN + "\n" + article.splitlines()[7] + "\n",
    }[name]
    assert detect_language(text) == langdetect_verdict(text)


@pytest.fixture
def untabled(monkeypatch):
    """Detection from a fresh start with langdetect's own loading of its
    profiles (the whole table: 0.25-0.6 s) made to fail the test."""
    from langdetect.detector_factory import DetectorFactory

    def refused(*args, **kwargs):
        raise AssertionError("langdetect tabled every profile")

    monkeypatch.setattr(DetectorFactory, "load_profile", refused)
    monkeypatch.setattr(DetectorFactory, "add_profile", refused)
    segment._detector_factory.cache_clear()
    yield
    segment._detector_factory.cache_clear()


def test_the_check_tables_only_the_ngrams_of_the_article(article, untabled):
    check_source_language(article, "en", str(ARTICLE))
    with pytest.raises(L10nError, match="looks like 'uk'"):
        check_source_language(UKRAINIAN, "en", "source/x.en.txt")
    table = segment._detector_factory().word_lang_prob_map
    assert 0 < len(table) < 2_000  # of the 87,600 n-grams in its profiles


def test_read_source_of_the_project_article(project):
    text = read_source(Path("source/kursk.en.txt"))
    assert text.splitlines()[0] == "Kursk becomes Putin's nightmare"
    assert len(text.splitlines()) == 46
