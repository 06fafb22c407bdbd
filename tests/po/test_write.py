"""The PO writer: every file l10n writes comes out exactly as msgcat would
write it (Poedit writes through gettext; maintainers read diffs)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polib
import pytest
from conftest import REPO, msgfmt_check
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from l10n.errors import L10nError
from l10n.po import (
    encoding_of,
    format_field,
    format_po,
    parse_po,
    po_bytes,
    read_po,
)
from po.samples import (
    HEADER,
    LONG_PAIRS,
    SHIPPED,
    assert_same_text,
    entries,
    msgcat,
    msgcat_bytes,
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


# --- read, then write: what msgcat keeps, kept ----------------------------------------

# msgcat's own output for a file with every kind of comment on live and
# obsolete messages and a header written by hand: reading and writing it
# must give back every byte.
KEPT_AS_READ = (
    "# Header comment.\n#\n"
    'msgid ""\nmsgstr ""\n'
    '"X-Generator: by hand\\n"\n'
    '"Language: uk\\n"\n'
    '"not a field\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"X-Empty:\\n"\n'
    '"x-lower-case:  two  spaces\\n"\n'
    '"Language: ru\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "\n'
    '"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
    '"X-Last: no newline"\n\n'
    "# # a translator comment that starts with a hash\n"
    "#  two leading spaces, two trailing  \n"
    "#\n"
    "#. extracted\n#.\n#.  after a blank line\n"
    "#: a.txt:1 b.txt\n"
    "#, fuzzy\n"
    'msgid "World"\nmsgstr "Світ"\n\n'
    "# kept by msgmerge\n#. Glossary: Kursk = Курськ\n#: source/kursk.en.txt:12\n"
    "#, fuzzy\n"
    '#~| msgid "Old world"\n'
    '#~ msgid "Gone"\n#~ msgstr "Немає"\n\n'
    "#. only an extracted comment\n"
    '#~ msgid "Gone too"\n#~ msgstr "Теж немає"\n'
)


def test_reading_and_writing_keeps_what_msgcat_keeps(tmp_path):
    path = write(tmp_path / "kept.po", KEPT_AS_READ)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    assert_same_text(msgcat(path), KEPT_AS_READ)  # msgcat changes nothing: the reference
    assert_same_text(format_po(read_po(path)), KEPT_AS_READ)


def test_a_changed_header_field_is_rewritten_where_it_was(tmp_path):
    po = read_po(write(tmp_path / "kept.po", KEPT_AS_READ))
    po.metadata["Content-Type"] = "text/plain; charset=utf-8"  # changed
    del po.metadata["X-Empty"]  # removed
    po.metadata["PO-Revision-Date"] = "2025-02-03 10:00+0000"  # new
    header = format_po(po).split("\n\n")[0]
    assert header.split("\n")[4:] == [
        '"X-Generator: by hand\\n"',
        '"Language: uk\\n"',
        '"not a field\\n"',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"x-lower-case:  two  spaces\\n"',
        '"Language: ru\\n"',
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "',
        '"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"',
        '"X-Last: no newline\\n"',
        '"PO-Revision-Date: 2025-02-03 10:00+0000\\n"',
    ]
    # A field written twice, changed: written once, where it first was.
    po.metadata["Language"] = "sq"
    lines = format_po(po).split("\n\n")[0].split("\n")
    assert [ln for ln in lines if ln.startswith('"Language')] == ['"Language: sq\\n"']
    assert lines.index('"Language: sq\\n"') == 5


def test_header_fields_come_out_in_the_order_of_the_metadata():
    po = polib.POFile()
    po.metadata = {
        "X-Generator": "l10n",
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "uk",
        "Project-Id-Version": "kursk",
    }
    header = format_po(po).split("\n\n")[0].rstrip("\n")
    assert header.split("\n")[2:] == [
        '"X-Generator: l10n\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Language: uk\\n"',
        '"Project-Id-Version: kursk\\n"',
    ]


# --- strings gettext cannot hold; control characters as msgcat writes them ---------------


@pytest.mark.parametrize("char", ["\x00", "\x04"], ids=["NUL", "EOT"])
@pytest.mark.parametrize("field", ["msgid", "msgstr", "msgctxt", "previous_msgid"])
def test_format_po_refuses_what_gettext_cannot_hold(char, field):
    entry = polib.POEntry(msgid="World", msgstr="Світ")
    setattr(entry, field, f"a{char}b")
    po = polib.POFile()
    po.append(entry)
    with pytest.raises(L10nError) as err:
        format_po(po)
    assert "U+0004" in err.value.message or "NUL" in err.value.message
    assert err.value.hint


def test_control_characters_come_out_as_msgcat_writes_them(tmp_path):
    controls = "".join(chr(c) for c in [*range(1, 32), 127] if c not in (0, 4))
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid=f"All of them: {controls} end", msgstr=f"{controls}"))
    ours = format_po(po)
    path = write(tmp_path / "controls.po", ours)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    assert_same_text(ours, msgcat(path))
    assert [(e.msgid, e.msgstr) for e in read_po(path)] == [(po[0].msgid, po[0].msgstr)]


# --- a "\n" escape ends its line: gettext never breaks before it ------------------------


@pytest.mark.parametrize("tail", [",\n", ". \n", " \n", "-\n", "x\n", ", \n"])
def test_no_line_break_before_a_newline_escape(tail, tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for width in range(60, 80):  # the "\n" falls on and around column 79
        msgid = "a" * (width - 10) + " bbbbbbbb" + tail + "next line"
        po.append(polib.POEntry(msgid=msgid, msgstr=""))
    ours = format_po(po)
    assert '\n"\\n"\n' not in ours
    assert_same_text(ours, msgcat(write(tmp_path / "nl.po", ours)))


# --- charsets: written back in the one the header declares -------------------------------

CHARSET_SAMPLES = [
    ("ISO-8859-1", "Çfarë ndodhi në Kursk?"),
    ("KOI8-R", "Что случилось в Курске?"),
    ("CP1251", "Що сталося в Курську? Ґанок і їжак."),
    ("SHIFT_JIS", "表示と予定"),
]


@pytest.mark.parametrize("charset, msgstr", CHARSET_SAMPLES, ids=[c for c, _ in CHARSET_SAMPLES])
def test_po_bytes_writes_the_charset_the_header_declares(tmp_path, charset, msgstr):
    po = polib.POFile()
    po.metadata = {"Content-Type": f"text/plain; charset={charset}"}
    po.append(polib.POEntry(msgid="What happened?", msgstr=msgstr, tcomment=msgstr))
    data = po_bytes(po)
    assert data == format_po(po).encode(encoding_of(po))
    path = tmp_path / "cs.po"
    path.write_bytes(data)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    assert msgcat_bytes(path) == data  # gettext writes the same bytes back
    # ...and reads the text we meant, not mojibake.
    assert f'msgstr "{msgstr}"' in msgcat(path, "--to-code=UTF-8")
    again = read_po(path)
    assert [(e.msgstr, e.tcomment) for e in again] == [(msgstr, msgstr)]
    assert po_bytes(again) == data


def test_po_bytes_refuses_a_character_the_charset_lacks():
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=ISO-8859-1"}
    po.append(polib.POEntry(msgid="World", msgstr="Світ"))
    with pytest.raises(L10nError) as err:
        po_bytes(po, "sq/kursk.po")
    assert "sq/kursk.po:5:" in err.value.message  # the msgstr line
    assert "'С'" in err.value.message
    assert "charset=UTF-8" in err.value.hint


# --- properties: any entries survive writing and reading, as msgcat writes them ----------

WORDS = ["Kursk", "Курськ", "the", "war,", "U.S.", "self-defence", "—", "«мир».", "(483", "km²)"]
# Any character a string may hold: gettext cannot hold NUL nor U+0004; surrogates
# are no text.  Long runs of words make long lines that wrap.
ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x04")
ANY_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=12)), max_size=40).map(
        " ".join
    ),
)
# What msgcat wraps as we do: text made of words (letters and digits of the
# project's languages, with escapes and control characters inside) between
# spaces, punctuation at their edges, as in prose.  (Our wrapping is a subset
# of UAX #14: punctuation run together, such as "!1" or "./(", may break
# where libunistring would not.)
WORD = st.builds(
    lambda lead, core, trail: lead + core + trail,
    st.sampled_from(["", "", "«", "(", '"']),
    st.text(st.sampled_from(list("abczABZ019ëçÇдежЖї\t\x01\x1b")), min_size=1, max_size=12),
    st.sampled_from(["", "", ".", ",", ":", ";", "!", "?", "»", ")", '"', "...", "…", "\n"]),
)
WRAPPED_TEXT = st.lists(st.one_of(st.sampled_from(WORDS), WORD), max_size=40).map(" ".join)
# A comment line holds anything but a line end; it cannot end in a backslash
# (gettext would join the next line to it).
COMMENT_LINE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\n\r"), max_size=30
).filter(lambda line: not line.endswith("\\"))
COMMENT = st.lists(COMMENT_LINE, max_size=3).map("\n".join)
ANY_FLAGS = st.lists(st.from_regex(r"[a-z][a-z-]{0,12}", fullmatch=True), max_size=3, unique=True)
# msgcat keeps only the flags gettext knows, in its own order.
GETTEXT_FLAGS = ["fuzzy", "c-format", "python-format", "no-python-brace-format", "no-wrap"]
KNOWN_FLAGS = st.lists(st.sampled_from(GETTEXT_FLAGS), max_size=3, unique=True).map(
    lambda flags: sorted(flags, key=GETTEXT_FLAGS.index)
)
REFERENCE = st.tuples(
    st.from_regex(
        r"[A-Za-z][A-Za-z0-9_-]{0,8}(/[A-Za-z0-9_-]{1,8}){0,2}(\.[a-z]{1,3})?", fullmatch=True
    ),
    st.from_regex(r"|[1-9][0-9]{0,3}", fullmatch=True),
)


@st.composite
def catalogs(draw, text=ANY_TEXT, flags=ANY_FLAGS) -> polib.POFile:
    po = polib.POFile()
    po.header = draw(COMMENT)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.metadata.update(
        draw(
            st.dictionaries(
                st.from_regex(r"X-[A-Za-z-]{1,10}", fullmatch=True),
                text.map(
                    lambda v: " ".join(v.split())  # a header value is one stripped line
                ),
                max_size=3,
            )
        )
    )
    po.metadata["Plural-Forms"] = "nplurals=3; plural=(n%10==1 ? 0 : n%10>=2 ? 1 : 2);"
    keys = set()
    for _ in range(draw(st.integers(0, 6))):
        msgctxt = draw(st.one_of(st.none(), text))
        msgid = draw(text if msgctxt is not None else text.filter(bool))
        if (msgctxt, msgid) in keys:
            continue
        keys.add((msgctxt, msgid))
        entry = polib.POEntry(msgctxt=msgctxt, msgid=msgid, obsolete=draw(st.booleans()))
        if draw(st.booleans()):
            entry.msgid_plural = draw(text.filter(bool))
            entry.msgstr_plural = {i: draw(text) for i in range(draw(st.integers(1, 3)))}
        else:
            entry.msgstr = draw(text)
        entry.tcomment = draw(COMMENT)
        entry.comment = draw(COMMENT)
        entry.flags = draw(flags)
        entry.occurrences = (
            [] if entry.obsolete else draw(st.lists(REFERENCE, max_size=4, unique=True))
        )
        entry.previous_msgid = draw(st.one_of(st.none(), text))
        if entry.previous_msgid is not None:  # gettext: no #| msgctxt without a #| msgid
            entry.previous_msgctxt = draw(st.one_of(st.none(), text))
            entry.previous_msgid_plural = draw(st.one_of(st.none(), text))
        po.append(entry)
    return po


def as_written(po: polib.POFile) -> list[polib.POEntry]:
    """The entries as gettext writes them: obsolete ones last, and no fuzzy
    flag on a message without a translation."""
    entries = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
    for e in entries:
        if not (e.msgstr_plural.get(0) if e.msgid_plural else e.msgstr):
            e.flags = [f for f in e.flags if f != "fuzzy"]
    return entries


PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, database=None)


@PROPERTY
@given(catalogs())
def test_any_catalog_survives_writing_and_reading(po):
    again = parse_po(format_po(po))
    assert entries(again) == entries(as_written(po))
    assert again.metadata == po.metadata
    assert again.header == po.header


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(catalogs(WRAPPED_TEXT, KNOWN_FLAGS))
def test_msgcat_leaves_what_we_write_as_it_is(po):
    # gettext drops an obsolete message with no translation when it reads one.
    po[:] = [e for e in po if not e.obsolete or (e.msgstr_plural.get(0) or e.msgstr)]
    assume(len(po) > 0)  # msgcat writes nothing for a file without messages
    ours = format_po(po)
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "any.po", ours)
        assert_same_text(msgcat(path), ours)
