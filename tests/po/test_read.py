"""The strict PO reader: builds what polib builds, refuses what msgfmt refuses,
and names the file and line of every error."""

from __future__ import annotations

import re

import polib
import pytest
from conftest import REPO, msgfmt_check

from l10n.errors import InputFileError
from l10n.po import (
    format_po,
    parse_po,
    read_po,
)
from po.samples import (
    HEADER,
    SHIPPED,
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
    assert_parsed_as_polib_parses(QUIRKY)
    po = parse_po(QUIRKY)
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
