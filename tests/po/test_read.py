"""The strict PO reader: builds what polib builds, refuses what msgfmt refuses,
and names the file and line of every error."""

from __future__ import annotations

import random
import re
import subprocess
import time

import polib
import pytest
from click.testing import CliRunner
from conftest import REPO, msgfmt_check

from l10n.cli import cli
from l10n.errors import InputFileError, L10nError
from l10n.po import (
    decode_po,
    format_po,
    parse_po,
    read_po,
)
from l10n.po.charset import codec_of_charset
from po.samples import (
    HEADER,
    SHIPPED,
    entries,
    msgcat,
    synthetic_catalog,
    write,
)

# --- read_po errors --------------------------------------------------------------------


def test_read_po_reads_a_valid_file(tmp_path):
    path = write(tmp_path / "ok.po", HEADER + 'msgid "World"\nmsgstr "Світ"\n')
    po = read_po(path)
    assert [(e.msgid, e.msgstr) for e in po] == [("World", "Світ")]


@pytest.mark.parametrize(
    "body, line",
    [
        # line 9: a word that is no PO keyword
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nbogus line here\nmsgstr "d"\n', 9),
        # line 9: a second msgid where msgstr belongs
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgid "c2"\nmsgstr "d"\n', 9),
        # line 8: a string that does not end
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n', 8),
        # line 9: a msgstr whose string does not end, entries follow
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d\n\nmsgid "e"\nmsgstr "f"\n', 9),
        # line 6: the last msgstr does not end
        ('msgid "a"\nmsgstr "unterminated\n', 6),
        # line 8: the file ends in a msgid without msgstr
        ('msgid "a"\nmsgstr "b"\n\nmsgid "e"\n', 8),
        # line 10: a second msgstr in one entry
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\nmsgstr "e"\n', 10),
        # line 9: a string after a comment, with no keyword it could belong to
        ('msgid "a"\nmsgstr "b"\n\n# note\n"stray"\nmsgid "c"\nmsgstr "d"\n', 9),
        # line 8: msgstr[0] in a message without msgid_plural
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr[0] "d"\n', 8),
        # line 8: an escape gettext does not know
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c\\q"\nmsgstr "d"\n', 8),
        # line 9: a comment between msgid and msgstr
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\n# note\nmsgstr "d"\n', 9),
        # line 6: a comment between msgctxt and msgid
        ('msgctxt "x"\n#. note\nmsgid "c"\nmsgstr "d"\n', 6),
        # line 9: a comment after a msgstr[0] ends the message: msgstr[1] is stray
        ('msgid "c"\nmsgid_plural "cs"\nmsgstr[0] "d"\n# note\nmsgstr[1] "ds"\n', 9),
        # line 5: a comment after a msgid, on its line
        ('msgid "a" # note\nmsgstr "b"\n', 5),
        # line 8: an obsolete message with the msgid of a live one
        ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8),
        # line 8: two obsolete messages with one msgid
        ('#~ msgid "a"\n#~ msgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8),
        # line 6: half a message obsolete
        ('#~ msgid "a"\nmsgstr "b"\n', 6),
        ('msgid "a"\n#~ msgstr "b"\n', 6),
        # line 5: the context separator U+0004 in a string, raw or escaped
        ('msgid "a\x04b"\nmsgstr "c"\n', 5),
        ('msgid "a"\nmsgstr "c\\004"\n', 6),
        # line 5: "#~ |" is no previous-msgid mark ("#~|" is)
        ('#~ | msgid "x"\n#~ msgid "a"\n#~ msgstr "b"\n', 5),
        # line 8: a msgctxt, then the end of the file
        ('msgid "a"\nmsgstr "b"\n\nmsgctxt "x"\n', 8),
        # line 8: a previous msgid, then the end of the file
        ('msgid "a"\nmsgstr "b"\n\n#| msgid "x"\n', 8),
    ],
    ids=[
        "unknown-keyword",
        "msgid-twice",
        "open-msgid",
        "open-msgstr",
        "open-last",
        "no-msgstr",
        "msgstr-twice",
        "stray-string",
        "stray-plural",
        "bad-escape",
        "comment-before-msgstr",
        "comment-before-msgid",
        "comment-between-plural-msgstrs",
        "comment-after-msgid-on-its-line",
        "obsolete-duplicates-live",
        "obsolete-twice",
        "half-obsolete-msgstr",
        "half-obsolete-msgid",
        "raw-context-separator",
        "escaped-context-separator",
        "spaced-obsolete-previous",
        "trailing-msgctxt",
        "trailing-previous",
    ],
)
def test_read_po_reports_a_syntax_error_with_its_line(tmp_path, body, line):
    path = write(tmp_path / "broken.po", HEADER + body)
    check = msgfmt_check(path)
    assert check.returncode != 0  # gettext refuses it too
    with pytest.raises(InputFileError) as err:
        read_po(path)
    # The line of the broken text, or a line msgfmt names for it (msgfmt
    # counts the line after an open string, and names a msgid left without
    # its msgstr).
    named = {int(n) for n in re.findall(rf"{re.escape(str(path))}:(\d+):", check.stderr)}
    assert err.value.line in named | {line}, (err.value.message, sorted(named))
    assert f"{path}:{err.value.line}:" in err.value.message
    assert err.value.path == str(path)


# --- parse_po builds what polib builds ----------------------------------------------------

ENTRY_FIELDS = (
    "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "obsolete", "comment",
    "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
    "previous_msgid_plural", "linenum",
)  # fmt: skip

# Every kind of line, in the places gettext and Poedit put them: header
# comments, a fuzzy header, comments of every kind, multi-line strings,
# context, plurals, previous strings, obsolete entries, odd spacing.
QUIRKY = (
    "# Header comment.\n#\n#  indented header line\n#, fuzzy\n"
    + HEADER.replace("charset=UTF-8\\n", 'charset=UTF-8\\n"\n"X-Folded: one\\n')
    + "#  two-space comment\n#.  extracted, two spaces\n#. \n#: a.txt:1 b.txt c:d:2\n"
    + '#, fuzzy, c-format\n#| msgctxt "old"\n#| msgid "Old "\n#| "text"\n'
    + 'msgctxt "ctx"\nmsgid ""\n"Multi "\n"line"\nmsgstr ""\n"Багато "\n"рядків"\n\n'
    + '  msgid   "Spaced"  \nmsgstr "Пробіли"\t\n\n'
    + '#, fuzzy\n#| msgid "%d old"\n#| msgid_plural "%d olds"\nmsgid "%d day"\n'
    + 'msgid_plural "%d days"\nmsgstr[0] "%d день"\nmsgstr[1] "%d дні"\nmsgstr[2] "%d днів"\n\n'
    + '# kept\n#~ msgid "Gone"\n#~ msgstr ""\n#~ "Немає"\n\n'
    + '#~ msgctxt "c"\n#~ msgid "Gone too"\n#~ msgstr "Теж"\n\n'
    + "# trailing comment with no message\n"
)


def entry_fields(po: polib.POFile) -> list[dict[str, object]]:
    return [{name: getattr(e, name) for name in ENTRY_FIELDS} for e in po]


def assert_parsed_as_polib_parses(text: str) -> None:
    ours, theirs = parse_po(text), polib.pofile(text)
    assert (ours.header, ours.metadata, ours.metadata_is_fuzzy) == (
        theirs.header,
        theirs.metadata,
        theirs.metadata_is_fuzzy,
    )
    assert entry_fields(ours) == entry_fields(theirs)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(REPO).as_posix())
def test_parse_po_builds_what_polib_builds_from_the_shipped_files(path):
    assert_parsed_as_polib_parses(path.read_text(encoding="utf-8"))


def test_parse_po_builds_what_polib_builds_from_every_kind_of_line(tmp_path):
    path = write(tmp_path / "quirky.po", QUIRKY)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    # polib drops a blank "#." line; msgcat (and so parse_po) keeps it.
    assert_parsed_as_polib_parses(QUIRKY.replace("#. \n", ""))
    po = parse_po(QUIRKY)
    assert po[0].comment == " extracted, two spaces\n"
    assert po.header == "Header comment.\n\n indented header line"
    assert po.metadata["X-Folded"] == "one"
    first = po[0]
    assert (first.msgctxt, first.msgid, first.msgstr) == ("ctx", "Multi line", "Багато рядків")
    assert first.occurrences == [("a.txt", "1"), ("b.txt", ""), ("c:d", "2")]
    assert first.previous_msgid == "Old text"
    # Its line is where the entry starts: its first comment.
    assert QUIRKY.split("\n")[first.linenum - 1] == "#  two-space comment"


def test_parse_po_builds_what_polib_builds_from_msgcat_output(tmp_path):
    path = write(tmp_path / "synthetic.po", format_po(synthetic_catalog()))
    text = msgcat(path)
    ours = parse_po(text)
    theirs = polib.pofile(text)
    # polib drops the "#~|" previous msgid of obsolete entries; we keep it.
    assert [e.previous_msgid for e in ours if e.obsolete] == [None, "Obsolete fuzzy one, as it was"]
    for entry in ours:
        if entry.obsolete:
            entry.previous_msgid = None
    assert entry_fields(ours) == entry_fields(theirs)


def test_parse_po_decodes_escapes_as_gettext_does(tmp_path):
    # msgcat writes each string back with gettext's own escapes; both files
    # must read as the same text.
    path = write(
        tmp_path / "escapes.po",
        HEADER + 'msgid "tab\\there \\"q\\" \\\\ \\101\\x42 bell\\a"\nmsgstr "x"\n',
    )
    assert msgfmt_check(path).returncode == 0
    normalised = write(tmp_path / "normalised.po", msgcat(path))
    ours = parse_po(path.read_text(encoding="utf-8"))[0].msgid
    assert ours == 'tab\there "q" \\ AB bell\a'
    assert parse_po(normalised.read_text(encoding="utf-8"))[0].msgid == ours


def test_read_po_refuses_a_binary_file(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="World", msgstr="Світ"))
    mo = tmp_path / "kursk.mo"
    po.save_as_mofile(str(mo))
    with pytest.raises(InputFileError) as err:
        read_po(mo)
    assert str(mo) in err.value.message
    assert "binary" in err.value.message
    assert ".mo" in err.value.hint


def test_read_po_reports_the_line_of_invalid_utf8(tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes((HEADER + 'msgid "World"\nmsgstr "Café"\n').encode("latin-1"))
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 6
    assert f"{path}:6:" in err.value.message
    assert "UTF-8" in err.value.message


def test_read_po_refuses_a_duplicate_msgid(tmp_path):
    path = write(
        tmp_path / "dup.po",
        HEADER + 'msgid "World"\nmsgstr "Bota"\n\nmsgid "World"\nmsgstr "Svijet"\n',
    )
    assert msgfmt_check(path).returncode != 0
    with pytest.raises(InputFileError) as err:
        read_po(path)
    message = err.value.message
    assert str(path) in message
    assert "duplicate" in message.lower() or "already exists" in message
    # It says which message: by its text, or by the line of the second one.
    assert "World" in message or err.value.line == 8, message


def test_read_po_reports_a_missing_file(tmp_path):
    path = tmp_path / "sq" / "kursk.po"
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert str(path) in err.value.message
    assert "No such file" in err.value.message


def test_read_po_reports_a_folder(tmp_path):
    with pytest.raises(InputFileError) as err:
        read_po(tmp_path)
    assert str(tmp_path) in err.value.message


def test_read_po_names_the_comment_after_a_msgid_not_an_open_string(tmp_path):
    # msgfmt refuses it; the message used to say a closing quote was missing.
    path = write(tmp_path / "inline.po", HEADER + 'msgid "World" # the planet\nmsgstr "Світ"\n')
    assert msgfmt_check(path).returncode != 0
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 5
    assert "comment" in err.value.message
    assert "quote" not in err.value.message


# --- what msgfmt accepts, parse_po accepts and reads as msgcat reads it ------------------

ACCEPTED = {
    # A comment after the last string of a message is the next message's comment.
    "comment-after-msgstr": 'msgid "a"\nmsgstr "b" # note\n\nmsgid "c"\nmsgstr "d"\n',
    "no-space-after-keyword": 'msgid"a"\nmsgstr""\n',
    "two-keywords-on-a-line": 'msgid "a" msgstr "b"\n',
    "strings-on-the-keyword-line": 'msgid "a" "b"\nmsgstr "c" "d"\n',
    "keyword-and-string-on-two-lines": 'msgid\n"a"\nmsgstr\n"b"\n',
    "tabs-in-previous-lines": '#,\tfuzzy\n#|\tmsgid\t"old"\n#|\t"er"\nmsgid "a"\nmsgstr "b"\n',
    "spaced-plural-index": HEADER.replace(
        "UTF-8\\n", 'UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=n!=1;\\n'
    )
    + 'msgid "a"\nmsgid_plural "as"\nmsgstr [0] "b"\nmsgstr[ 1 ]"bs"\n',
    "backslash-newline-in-a-string": 'msgid "con\\\ntinued"\nmsgstr "b"\n',
    "backslash-newline-in-a-keyword": 'msg\\\nid "a"\nmsgstr "b"\n',
    "form-feed-and-vertical-tab": 'msgid\f"a"\nmsgstr "b"\v\n',
    "obsolete-message-on-one-line": '#~ msgid "a" msgstr "b"\n',
    "lone-cr-in-a-comment": '# one\rtwo\nmsgid "a"\nmsgstr "b"\n',
    "raw-control-characters": 'msgid "a\x01\x1b\x7f"\nmsgstr "b\x02"\n',
    "crlf-line-ends": (HEADER + '# note\nmsgid "a"\nmsgstr ""\n"b"\n').replace("\n", "\r\n"),
    # gettext takes CR for whitespace: a file with CR line ends and no
    # comment reads as it looks.
    "cr-line-ends": (HEADER + 'msgid "a"\nmsgstr ""\n"b"\n\n#~ msgid "c"\n#~ msgstr "d"\n').replace(
        "\n", "\r"
    ),
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_read_po_accepts_what_msgfmt_accepts_and_reads_it_as_gettext(tmp_path, text):
    if not text.startswith(('msgid ""', 'msgid ""\r')):
        text = HEADER + text
    path = write(tmp_path / "odd.po", text)
    check = msgfmt_check(path)
    assert check.returncode == 0, check.stderr
    ours = read_po(path)
    # msgcat writes what gettext read in the canonical form every editor writes.
    theirs = parse_po(msgcat(path))
    assert entries(ours) == entries(theirs)
    assert ours.metadata == theirs.metadata
    assert len(ours) >= 1


def test_read_po_puts_a_comment_after_a_msgstr_on_the_next_message(tmp_path):
    path = write(tmp_path / "c.po", HEADER + ACCEPTED["comment-after-msgstr"])
    assert [(e.msgid, e.tcomment) for e in read_po(path)] == [("a", ""), ("c", "note")]


def test_read_po_refuses_a_comment_that_would_swallow_messages(tmp_path):
    # With CR line ends, gettext reads everything after a comment as that
    # comment: msgfmt accepts the file and loses every message after it.
    text = (HEADER + '# note\nmsgid "a"\nmsgstr "b"\n').replace("\n", "\r")
    path = write(tmp_path / "mac.po", text)
    assert msgfmt_check(path).returncode == 0
    assert 'msgid "a"' not in msgcat(path)  # gettext lost the message
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 6  # the msgid the comment would swallow
    assert "carriage return" in err.value.message
    # A backslash at the end of a comment joins the next line to it: here
    # gettext reads the fuzzy flag as comment, and the message as no longer fuzzy.
    path = write(tmp_path / "joined.po", HEADER + '# C:\\\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n')
    assert "\n#, fuzzy\n" not in msgcat(path)
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 5
    assert "backslash" in err.value.message


def test_read_po_refuses_the_domain_directive_as_msgfmt_o_does(tmp_path):
    path = write(tmp_path / "domain.po", HEADER + 'domain "other"\nmsgid "a"\nmsgstr "b"\n')
    check = msgfmt_check(path)
    assert check.returncode != 0 and "domain" in check.stderr
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 5
    assert '"domain" directive' in err.value.message
    assert "one catalog" in err.value.message


def test_read_po_refuses_a_byte_order_mark_as_msgfmt_does(tmp_path):
    path = tmp_path / "bom.po"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + 'msgid "a"\nmsgstr "b"\n').encode())
    assert msgfmt_check(path).returncode != 0
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 1
    assert "BOM" in err.value.message
    assert "without a BOM" in err.value.hint


# --- the header: a msgid "" without msgctxt, nothing else ------------------------------


def test_a_message_with_msgctxt_and_an_empty_msgid_is_no_header(tmp_path):
    # No header at all: msgcat reads a message with a context and an empty msgid.
    body = '# the menu\nmsgctxt "menu"\nmsgid ""\nmsgstr "Menyja"\n\nmsgid "World"\nmsgstr "Bota"\n'
    path = write(tmp_path / "headerless.po", body)
    assert 'msgstr "Menyja"' in msgcat(path)
    po = read_po(path)
    assert po.metadata == {}
    assert [(e.msgctxt, e.msgid, e.msgstr, e.tcomment) for e in po] == [
        ("menu", "", "Menyja", "the menu"),
        (None, "World", "Bota", ""),
    ]
    # Before the header, too: the header is the msgid "" without a msgctxt.
    path = write(tmp_path / "late-header.po", body + "\n" + HEADER)
    assert msgfmt_check(path).returncode == 0
    po = read_po(path)
    assert po.metadata == {"Content-Type": "text/plain; charset=UTF-8"}
    assert [(e.msgctxt, e.msgstr) for e in po] == [("menu", "Menyja"), (None, "Bota")]
    # ...and writing it keeps the translation.
    again = parse_po(format_po(po))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in again] == [
        ("menu", "", "Menyja"),
        (None, "World", "Bota"),
    ]


def test_a_header_field_written_twice_has_its_first_value(tmp_path):
    # gettext looks fields up from the start of the header: the first counts.
    path = write(
        tmp_path / "twice.po",
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: ru\\n"\n\nmsgid "a"\nmsgstr "b"\n',
    )
    assert read_po(path).metadata == {
        "Language": "uk",
        "Content-Type": "text/plain; charset=UTF-8",
    }


# --- charsets: the one the header declares, as gettext reads it --------------------------

CHARSET_SAMPLES = [
    ("ISO-8859-1", "Çfarë ndodhi në Kursk?"),
    ("KOI8-R", "Что случилось в Курске?"),
    ("CP1251", "Що сталося в Курську? Ґанок і їжак."),
    ("ISO-8859-5", "Что случилось в Курске?"),
    ("EUC-JP", "クルスクで何が起きたか"),
    ("SHIFT_JIS", "表示と予定"),  # second bytes 0x5C: not a backslash
]


def charset_file(path, charset: str, msgstr: str):
    text = (
        HEADER.replace("UTF-8", charset)
        + f'# {msgstr}\nmsgid "What happened?"\nmsgstr "{msgstr}"\n'
    )
    path.write_bytes(text.encode(codec_of_charset(charset)))
    return path


@pytest.mark.parametrize("charset, msgstr", CHARSET_SAMPLES, ids=[c for c, _ in CHARSET_SAMPLES])
def test_read_po_reads_the_charset_the_header_declares(tmp_path, charset, msgstr):
    path = charset_file(tmp_path / "cs.po", charset, msgstr)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    po = read_po(path)
    assert [(e.msgstr, e.tcomment) for e in po] == [(msgstr, msgstr)]
    assert po.encoding == codec_of_charset(charset)
    # msgconv reads it the same way.
    utf8 = subprocess.run(
        ["msgconv", "--to-code=UTF-8", str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert [e.msgstr for e in parse_po(utf8)] == [msgstr]


def test_read_po_takes_an_ascii_file_in_any_charset(tmp_path):
    path = write(
        tmp_path / "ascii.po", HEADER.replace("UTF-8", "ISO-8859-1") + 'msgid "a"\nmsgstr "b"\n'
    )
    assert read_po(path).encoding == "iso8859-1"
    # A fresh template's placeholder charset is UTF-8.
    path = write(
        tmp_path / "t.pot", HEADER.replace("UTF-8", "CHARSET") + 'msgid "Світ"\nmsgstr ""\n'
    )
    assert read_po(path).encoding == "utf-8"


def test_read_po_refuses_utf8_text_under_another_charset(tmp_path):
    # msgfmt accepts it and reads mojibake ("Ð¡Ð²Ñ–Ñ‚" for "Світ").
    path = write(
        tmp_path / "mislabelled.po",
        HEADER.replace("UTF-8", "ISO-8859-1") + 'msgid "World"\nmsgstr "Світ"\n',
    )
    assert msgfmt_check(path).returncode == 0
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 6
    assert "charset=ISO-8859-1" in err.value.message
    assert "UTF-8" in err.value.message
    assert "charset=UTF-8" in err.value.hint


@pytest.mark.parametrize(
    "charset, byte", [("CP1251", b"\x98"), ("ASCII", b"\xe9"), ("UTF-8", b"\xe9")]
)
def test_read_po_reports_a_byte_the_declared_charset_lacks(tmp_path, charset, byte):
    path = tmp_path / "bad.po"
    path.write_bytes(
        HEADER.replace("UTF-8", charset).encode() + b'msgid "a"\nmsgstr "b' + byte + b'"\n'
    )
    assert msgfmt_check(path).returncode != 0
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 6
    assert f"{path}:6:" in err.value.message
    assert charset in err.value.message


def test_read_po_refuses_a_charset_gettext_does_not_know(tmp_path):
    path = write(tmp_path / "k.po", HEADER.replace("UTF-8", "klingon") + 'msgid "a"\nmsgstr "b"\n')
    assert "not a portable encoding name" in msgfmt_check(path).stderr
    with pytest.raises(InputFileError) as err:
        read_po(path)
    assert err.value.line == 3
    assert '"klingon"' in err.value.message
    assert "UTF-8" in err.value.hint


# --- fuzz: no input makes the reader fail other than with a clear error --------------------

UK = REPO / "locales" / "uk" / "kursk.po"
PIECES = [
    b'"', b"\\", b"\n", b"\r", b"\r\n", b"#", b"#~ ", b"#| ", b"#~| ", b"#, fuzzy\n", b"#.",
    b"msgid ", b"msgstr ", b'msgctxt "c" ', b'msgid_plural "p"\n', b"msgstr[0] ", b"msgstr[9]",
    b"[", b"]", b"\t", b" ", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\x00", b"\x04", b"\\n", b"\\\n",
    b"\\x41", b"\\777", b"\\0", b"\\x", b'domain "d"\n', b"\f", b'"x"', b"charset=KOI8-R",
    b"charset=klingon", b"charset=", b'msgid ""\nmsgstr ""\n',
]  # fmt: skip


def mutate(data: bytes, rng: random.Random) -> bytes:
    """``data`` with one to three random edits: bytes and lines deleted,
    duplicated or replaced, PO syntax and odd bytes inserted."""
    for _ in range(rng.randint(1, 3)):
        lines = data.split(b"\n")
        at = rng.randrange(len(data) + 1)
        op = rng.randrange(6)
        if op == 0:
            data = data[:at] + data[at + rng.randint(1, 8) :]
        elif op == 1:
            data = data[:at] + rng.choice(PIECES) + data[at:]
        elif op == 2:
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif op == 3:
            del lines[rng.randrange(len(lines))]
            data = b"\n".join(lines)
        elif op == 4:
            lines.insert(rng.randrange(len(lines)), rng.choice(lines))
            data = b"\n".join(lines)
        else:
            i = rng.randrange(len(lines))
            lines[i] = lines[i].replace(b"msgstr", b"msgid") + rng.choice(PIECES)
            data = b"\n".join(lines)
    return data


def test_any_mutation_of_a_po_file_parses_or_is_a_clear_error():
    original = UK.read_bytes()
    rng = random.Random(20250301)
    deadline = time.monotonic() + 20  # a slow machine checks fewer
    outcomes = {"parsed": 0, "refused": 0}
    for n in range(3000):
        if time.monotonic() > deadline:
            break
        data = mutate(original, rng)
        try:
            decode_po(data, "fuzz.po")
            outcomes["parsed"] += 1
        except L10nError as exc:
            assert exc.message.startswith("fuzz.po"), exc.message
            outcomes["refused"] += 1
        except Exception as exc:  # a crash: show the input that caused it
            pytest.fail(f"mutation {n}: {type(exc).__name__}: {exc}\ninput: {data!r}")
    assert outcomes["parsed"] > 100 and outcomes["refused"] > 100, outcomes


def test_l10n_check_exits_0_1_or_2_on_any_mutation(tmp_path):
    original = UK.read_bytes()
    rng = random.Random(20250302)
    path = tmp_path / "kursk.po"
    for n in range(200):
        path.write_bytes(mutate(original, rng))
        result = CliRunner().invoke(cli, ["check", "--glossary", "", "-j", "1", str(path)])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            pytest.fail(
                f"mutation {n}: {type(result.exception).__name__}: {result.exception}\n"
                f"input: {path.read_bytes()!r}"
            )
        assert result.exit_code in (0, 1, 2), (n, result.exit_code, result.output)
