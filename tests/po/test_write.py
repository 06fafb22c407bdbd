"""The PO writer: every file l10n writes comes out exactly as msgcat would
write it (Poedit writes through gettext; maintainers read diffs)."""

from __future__ import annotations

import polib
import pytest
from conftest import REPO, msgfmt_check

from l10n.po import (
    format_field,
    format_po,
    read_po,
)
from po.samples import (
    HEADER,
    LONG_PAIRS,
    SHIPPED,
    assert_same_text,
    msgcat,
    synthetic_catalog,
    write,
)

# --- format_po == msgcat ---------------------------------------------------------------


def test_the_shipped_files_are_there():
    assert {p.relative_to(REPO / "locales").as_posix() for p in SHIPPED} == {
        "kursk.pot",
        "ru/kursk.po",
        "sq/kursk.po",
        "uk/kursk.po",
    }


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(REPO).as_posix())
def test_shipped_files_come_out_of_format_po_as_msgcat_writes_them(path, tmp_path):
    ours = format_po(read_po(path))
    assert_same_text(ours, msgcat(path))
    # ...and msgcat leaves our own output alone.
    assert_same_text(ours, msgcat(write(tmp_path / path.name, ours)))


def test_synthetic_catalog_comes_out_as_msgcat_writes_it(tmp_path):
    ours = format_po(synthetic_catalog())
    path = write(tmp_path / "synthetic.po", ours)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    assert_same_text(ours, msgcat(path))


def test_synthetic_catalog_survives_a_round_trip(tmp_path):
    po = synthetic_catalog()
    again = read_po(write(tmp_path / "synthetic.po", format_po(po)))

    def key(entry):
        plural = {int(k): v for k, v in entry.msgstr_plural.items()}
        fields = (entry.msgctxt, entry.msgid, entry.msgstr, plural, entry.flags)
        previous = None if entry.obsolete else entry.previous_msgid
        return (*fields, previous, bool(entry.obsolete), entry.tcomment)

    assert [key(e) for e in again] == [key(e) for e in po]
    assert again.metadata == po.metadata
    assert again.header == po.header


def test_obsolete_previous_msgid_survives_reading_and_writing(tmp_path):
    # msgmerge --previous keeps "#~|" lines on obsolete fuzzy entries; reading
    # and re-writing such a file (what every `l10n translate` run does) must
    # not drop them.
    path = write(
        tmp_path / "obsolete.po",
        HEADER
        + '#: a.txt:1\nmsgid "World"\nmsgstr "Світ"\n\n'
        + '#, fuzzy\n#~| msgid "Obsolete one, as it was"\n'
        + '#~ msgid "Obsolete one"\n#~ msgstr "Застаріле"\n',
    )
    assert msgfmt_check(path).returncode == 0
    assert_same_text(format_po(read_po(path)), msgcat(path))


def test_no_wrap_flag_is_honoured_as_msgcat_does(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=LONG_PAIRS[0][0], msgstr=LONG_PAIRS[0][1], flags=["no-wrap"]))
    ours = format_po(po)
    assert_same_text(ours, msgcat(write(tmp_path / "nowrap.po", ours)))


def test_obsolete_entries_come_last_with_their_prefix():
    text = format_po(synthetic_catalog())
    assert text.index('#~ msgid "Obsolete fuzzy one"') > text.index(
        'msgid "Untranslated sentence."'
    )
    assert '#~| msgid "Obsolete fuzzy one, as it was"' in text
    assert text.endswith('#~ msgstr "Застаріле"\n')


# Quotations closing right after a comma, full stop or question mark, where the
# 79-column limit falls between the punctuation and the closing quote: gettext
# may break before an escape (\" or \\) that follows punctuation, and does
# ("...people," / "\" the commander...").  Common in news text.
CLOSING_QUOTE_AT_THE_LIMIT = [
    '"We will hold the line at Kursk for as long as it takes to protect people," the '
    "commander told reporters.",
    '"The North Korean units withdrew from the battlefield after severe losses," the '
    "statement said.",
    '"Where are the soldiers who were sent to Kursk to push back the Ukrainians?" asked one '
    "of the mothers.",
    'Putin replied: "I cannot and do not want to give a specific date for this." He then moved on.',
    "The newsroom keeps the reviewed translations and glossary on the drive at "
    "C:\\Newsroom\\Kursk for now.",
]


@pytest.mark.parametrize(
    "msgid", CLOSING_QUOTE_AT_THE_LIMIT, ids=["comma", "comma-2", "question", "stop", "colon"]
)
def test_break_before_an_escaped_quote_after_punctuation_as_msgcat(msgid, tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=msgid, msgstr=msgid))
    ours = format_po(po)
    assert_same_text(ours, msgcat(write(tmp_path / "q.po", ours)))


# --- format_field ----------------------------------------------------------------------


def test_format_field_short_value_is_one_line():
    assert format_field("msgid", "World") == ['msgid "World"']
    assert format_field("msgstr", "") == ['msgstr ""']
    assert format_field("msgid", 'a "b" \\ c\td', "#~ ") == ['#~ msgid "a \\"b\\" \\\\ c\\td"']


def test_format_field_fills_exactly_79_columns():
    fits = "x" * (79 - len('msgid ""'))
    assert format_field("msgid", fits) == [f'msgid "{fits}"']
    words = " ".join(["word"] * 30)
    lines = format_field("msgid", words)
    assert lines[0] == 'msgid ""'
    assert all(len(line) <= 79 for line in lines)
    assert "".join(line[1:-1] for line in lines[1:]) == words
    # Greedy: each line is as full as it can be.
    assert len(lines[1]) >= 79 - len("word ")


def test_format_field_starts_a_line_after_each_newline():
    assert format_field("msgstr", "one\ntwo\n") == ['msgstr ""', '"one\\n"', '"two\\n"']
    assert format_field("msgstr", "one\n", "#~ ") == ['#~ msgstr "one\\n"']
