"""PO files as gettext writes them: byte-identical to msgcat, safe to write, patchable.

Translators review in Poedit (which writes through gettext) and maintainers
read diffs, so every file l10n writes must come out exactly as msgcat would
write it; a file that does not parse must be reported with its path and line;
a write must never leave half a file; and ``check --fix`` must touch nothing
but the msgstr lines it fixes.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import REPO, msgfmt_check

from l10n.errors import InputFileError
from l10n.pofile import (
    format_field,
    format_po,
    parse_po,
    patch_msgstrs,
    read_po,
)

SHIPPED = sorted((REPO / "locales").glob("*/*.po")) + sorted((REPO / "locales").glob("*.pot"))

UK_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


def msgcat(path: Path, *args: str) -> str:
    """gettext's own rendering of a PO file: the reference for every byte we write."""
    out = subprocess.run(
        ["msgcat", *args, str(path)], capture_output=True, check=True, encoding="utf-8"
    )
    return out.stdout


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def assert_same_text(ours: str, reference: str) -> None:
    """Equal texts; on failure, the first differing lines rather than two walls of text."""
    if ours != reference:
        a, b = ours.splitlines(), reference.splitlines()
        for n, (x, y) in enumerate(zip(a, b, strict=False), 1):
            if x != y:
                pytest.fail(f"line {n} differs:\n  ours:   {x!r}\n  msgcat: {y!r}")
        pytest.fail(f"lengths differ: {len(a)} lines vs msgcat's {len(b)}")


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


LONG_PAIRS = [
    (
        "The first invasion of Russian territory by a foreign army since World War II is a "
        "personal setback for Putin, who at home cultivates an image of a strong ruler.",
        "Перше вторгнення іноземної армії на територію Росії після Другої світової війни — "
        "це особиста поразка Путіна, який удома плекає образ сильного правителя.",
    ),
    (
        "Putin’s failure to push Ukraine back at Kursk could gain importance as his U.S. "
        "counterpart Donald Trump tries to negotiate an end to the war, e.g. with sanctions...",
        "Провал Путіна у спробі відтіснити Україну під Курськом може набути ваги, оскільки "
        "його американський колега Дональд Трамп намагається домовитися… «про мир».",
    ),
    (
        "Line one is short.\nLine two is a rather long line that goes on and on and on past "
        "the seventy-nine column limit of gettext\n",
        "Рядок один короткий.\nРядок два — досить довгий рядок, який триває й триває понад "
        "межу в сімдесят дев'ять колонок gettext\n",
    ),
    (
        'He said "go\thome" and left a back\\slash behind, which nobody expected in the '
        "middle of such a long sentence about Kursk.",
        "Він сказав «йди\tдодому» і залишив зворотну \\ риску, чого ніхто не очікував "
        'посеред такого довгого "речення" про Курськ.',
    ),
    (
        '"In general, the effectiveness of military operations is lower than expected. The '
        "system was not particularly prepared - neither for the loss of territory nor for "
        'such a long battle," said Mikhail Vinogradov, head of the St. Petersburg Policy '
        "Foundation.",
        "«Загалом ефективність військових операцій нижча, ніж очікувалося. Система не була "
        "особливо готова — ні до втрати території, ні до такої тривалої битви», — сказав "
        "Михайло Виноградов, голова фонду «Петербурзька політика».",
    ),
    (
        "Ditë pasi trupat ukrainase pushtuan papritur një pjesë të rajonit rus të Kurskut, "
        "presidenti Vladimir Putin u tha zyrtarëve rusë të mbrojtjes se qëllimi ishte...",
        "Несколько дней спустя после того, как украинские войска неожиданно захватили часть "
        "Курской области России, президент Владимир Путин заявил…",
    ),
    (
        "Ukrainian forces crossed the border on August 6, 2024, and seized 1250 square "
        "kilometers (about 483 square miles) of territory, well-known self-defence units "
        "included; approx. 40% of the area—the rest—was lost again.",
        "Українські війська перетнули кордон 6 серпня 2024 року й захопили 1250 квадратних "
        "кілометрів (близько 483 квадратних миль) території; приблизно 40% площі—решту—"
        "знову втратили.",
    ),
    ("World", "Світ"),
    ("Read about: 5 min.", "Час читання: 5 хв."),
]


def synthetic_catalog() -> polib.POFile:
    po = polib.POFile()
    po.header = "Synthetic catalog for the writer tests.\n\nIt has an empty header line."
    po.metadata = {
        "Project-Id-Version": "synthetic",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2025-02-01 12:00+0000",
        "PO-Revision-Date": "2025-02-02 12:00+0000",
        "Last-Translator": "Редактор <editor@example.org>",
        "Language-Team": "Ukrainian",
        "Language": "uk",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": UK_PLURALS,
        "X-Generator": "l10n 0.1.0",
    }
    for i, (msgid, msgstr) in enumerate(LONG_PAIRS):
        refs = [
            (f"source/a-rather-long-article-name-{j}.en.txt", str(10 * j + i))
            for j in range(i * 3 + 1)
        ]
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=refs)
        if i == 1:
            entry.tcomment = (
                "A translator comment that is itself quite long and is not wrapped by msgcat, "
                "because gettext leaves comments alone.\nSecond line of the comment."
            )
            entry.comment = "Glossary: Kursk = Курськ\nMachine translation: translate-en_uk"
            entry.flags = ["fuzzy", "no-c-format"]
            entry.previous_msgid = (
                "Putin’s failure to push Ukraine back at Kursk could gain importance as his "
                "U.S. counterpart tries to negotiate."
            )
        if i == 2:
            entry.flags = ["fuzzy"]
            entry.previous_msgid = "Line one is short.\nLine two.\n"
        if i == 4:
            entry.comment = "Translation memory: locales/uk/other.po"
        po.append(entry)
    po.append(
        polib.POEntry(
            msgctxt="menu",
            msgid="The link was copied",
            msgstr="Посилання скопійовано",
            occurrences=[("source/kursk.en.txt", "6")],
        )
    )
    po.append(
        polib.POEntry(
            msgid="%d soldier was killed at Kursk",
            msgid_plural="%d soldiers were killed at Kursk",
            msgstr_plural={0: "%d солдат загинув", 1: "%d солдати загинули", 2: "%d солдатів"},
            flags=["c-format"],
            occurrences=[("source/kursk.en.txt", "24")],
        )
    )
    po.append(polib.POEntry(msgid="Untranslated sentence.", msgstr="", occurrences=[("a", "")]))
    obsolete = polib.POEntry(
        msgid="An obsolete sentence that was removed from the article a long time ago, but its "
        "translation is kept for when it comes back.",
        msgstr="Застаріле речення, яке давно вилучили зі статті, але його переклад збережено — "
        "на випадок, якщо воно повернеться.",
        obsolete=True,
        tcomment="Kept by msgmerge.",
    )
    po.append(obsolete)
    po.append(
        polib.POEntry(
            msgid="Obsolete fuzzy one",
            msgstr="Застаріле",
            obsolete=True,
            flags=["fuzzy"],
            previous_msgid="Obsolete fuzzy one, as it was",
        )
    )
    return po


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


# --- read_po errors --------------------------------------------------------------------

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


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


# --- patch_msgstrs ---------------------------------------------------------------------

UK = REPO / "locales" / "uk" / "kursk.po"
SHORT = "World"
LONG = (
    "Days after Ukrainian troops unexpectedly seized part of Russia's Kursk region, "
    "President Vladimir Putin told Russian defense officials that their main goal was to "
    "repel the invasion, but six months later that has not happened."
)
FIXES = {
    SHORT: "Світ (виправлено)",
    LONG: "Через кілька днів після того, як українські війська несподівано захопили частину "
    "Курської області Росії, президент Володимир Путін заявив російським військовим, що "
    "їхня головна мета — відбити вторгнення, але й через шість місяців цього не сталося.",
}


def blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.split("\n\n")]


def msgid_of(block: list[str]) -> str | None:
    entries = list(polib.pofile("\n".join(block) + "\n"))
    return entries[0].msgid if entries else None


def test_patch_changes_only_the_msgstr_and_flags_of_the_named_entries(tmp_path):
    original = UK.read_text(encoding="utf-8")
    patched = patch_msgstrs(original, FIXES)
    old_blocks, new_blocks = blocks(original), blocks(patched)
    assert len(old_blocks) == len(new_blocks)
    changed = 0
    for old, new in zip(old_blocks, new_blocks, strict=True):
        if old == new:
            continue
        changed += 1
        assert msgid_of(old) in FIXES
        # Comments, references and msgid lines are unchanged; one "#, fuzzy"
        # line is added right before the msgid (these entries had no flags).
        at = next(i for i, ln in enumerate(old) if ln.startswith("msgid "))
        assert new[:at] == old[:at]
        assert new[at] == "#, fuzzy"
        old_head = old[: next(i for i, ln in enumerate(old) if ln.startswith("msgstr "))]
        assert new[at + 1 : at + 1 + len(old_head) - at] == old_head[at:]
    assert changed == 2
    path = write(tmp_path / "kursk.po", patched)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    entries = {e.msgid: e for e in read_po(path)}
    for msgid, msgstr in FIXES.items():
        assert entries[msgid].msgstr == msgstr
        assert "fuzzy" in entries[msgid].flags
    untouched = {e.msgid: e for e in read_po(UK)}
    for msgid, entry in entries.items():
        if msgid not in FIXES:
            assert (entry.msgstr, entry.flags) == (untouched[msgid].msgstr, untouched[msgid].flags)
    # A gettext-formatted file stays gettext-formatted.
    assert_same_text(patched, msgcat(path))


def test_patch_keeps_a_file_with_other_wrapping_as_it_was(tmp_path):
    unwrapped = msgcat(UK, "--no-wrap")
    patched = patch_msgstrs(unwrapped, {SHORT: "Світ!"})
    old, new = unwrapped.split("\n"), patched.split("\n")
    at = old.index('msgid "World"')
    assert new == [*old[:at], "#, fuzzy", old[at], 'msgstr "Світ!"', *old[at + 2 :]]


def test_patch_adds_fuzzy_to_an_existing_flags_line():
    po = synthetic_catalog()
    plain = LONG_PAIRS[3][0]
    po.find(plain).flags = ["no-c-format", "python-brace-format"]
    already = LONG_PAIRS[1][0]  # "#, fuzzy, no-c-format" and a #| previous msgid
    text = format_po(po)
    patched = patch_msgstrs(text, {plain: "Новий переклад", already: "Інший"})
    old, new = text.split("\n"), patched.split("\n")
    assert "#, no-c-format, python-brace-format" in old
    assert "#, no-c-format, python-brace-format" not in new
    assert "#, fuzzy, no-c-format, python-brace-format" in new
    assert len([ln for ln in new if ln.startswith("#,")]) == len(
        [ln for ln in old if ln.startswith("#,")]
    )
    again = polib.pofile(patched)
    assert again.find(plain).flags == ["fuzzy", "no-c-format", "python-brace-format"]
    assert again.find(plain).msgstr == "Новий переклад"
    # Already fuzzy: the flag is not doubled and the #| lines stay.
    assert again.find(already).flags == ["fuzzy", "no-c-format"]
    assert again.find(already).msgstr == "Інший"
    assert again.find(already).previous_msgid == po.find(already).previous_msgid
    assert patched.count("#, fuzzy, no-c-format\n") == 1


def test_patch_skips_obsolete_entries_and_unknown_msgids(tmp_path):
    text = format_po(synthetic_catalog())
    obsolete = [e.msgid for e in synthetic_catalog() if e.obsolete]
    assert patch_msgstrs(text, dict.fromkeys(obsolete, "x")) == text
    assert patch_msgstrs(text, {"Not in the file": "x"}) == text
    assert patch_msgstrs(text, {}) == text


def test_patch_without_mark_fuzzy_leaves_the_flags(tmp_path):
    original = UK.read_text(encoding="utf-8")
    patched = patch_msgstrs(original, {SHORT: "Світ!"}, mark_fuzzy=False)
    assert patched == original.replace(
        'msgid "World"\nmsgstr "Світ"', 'msgid "World"\nmsgstr "Світ!"'
    )


def test_patching_twice_gives_the_same_text(tmp_path):
    original = UK.read_text(encoding="utf-8")
    once = patch_msgstrs(original, FIXES)
    assert once != original
    assert patch_msgstrs(once, FIXES) == once


def test_patched_synthetic_catalog_passes_msgfmt(tmp_path):
    text = format_po(synthetic_catalog())
    changes = {LONG_PAIRS[0][0]: 'Нове «речення» з "лапками" і \\ та\tтабом\nі рядком.'}
    patched = patch_msgstrs(text, changes)
    path = write(tmp_path / "p.po", patched)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    assert read_po(path).find(LONG_PAIRS[0][0]).msgstr == changes[LONG_PAIRS[0][0]]


def test_patch_finds_a_msgid_with_escapes_as_parse_po_reads_it():
    text = HEADER + 'msgid "Tab\\there, \\101\\x42"\nmsgstr "old"\n'
    (entry,) = parse_po(text)
    patched = patch_msgstrs(text, {entry.msgid: "new"})
    assert [e.msgstr for e in parse_po(patched)] == ["new"]
