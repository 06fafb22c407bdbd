"""``check --fix``'s patcher: it touches nothing but the msgstr lines it fixes."""

from __future__ import annotations

import polib
import pytest
from conftest import REPO, msgfmt_check

from l10n.errors import L10nError
from l10n.po import (
    format_po,
    parse_po,
    patch_msgstrs,
    patch_po_file,
    read_po,
)
from po.samples import (
    HEADER,
    LONG_PAIRS,
    assert_same_text,
    msgcat,
    synthetic_catalog,
    write,
)

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


# --- line ends and charsets stay as they were --------------------------------------------


def test_patch_keeps_crlf_line_ends():
    original = UK.read_text(encoding="utf-8")
    crlf = original.replace("\n", "\r\n")
    patched = patch_msgstrs(crlf, FIXES)
    assert patched.count("\n") == patched.count("\r\n")  # no line lost its CR
    assert patched == patch_msgstrs(original, FIXES).replace("\n", "\r\n")


def test_patch_po_file_changes_no_byte_but_the_fix(tmp_path):
    # CRLF line ends and a lone CR inside a comment: the fixed file keeps
    # both, byte for byte, and still parses.
    original = UK.read_text(encoding="utf-8").replace(
        'msgid "World"', '# checked\rtwice\nmsgid "World"'
    )
    path = tmp_path / "kursk.po"
    path.write_bytes(original.replace("\n", "\r\n").encode("utf-8"))
    assert msgfmt_check(path).returncode == 0
    assert patch_po_file(path, {SHORT: "Світ!"})
    expected = original.replace(
        '# checked\rtwice\nmsgid "World"\nmsgstr "Світ"',
        '# checked\rtwice\n#, fuzzy\nmsgid "World"\nmsgstr "Світ!"',
    )
    assert expected != original
    assert path.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    world = next(e for e in read_po(path) if e.msgid == SHORT)
    assert (world.msgstr, world.tcomment, world.flags) == ("Світ!", "checked\rtwice", ["fuzzy"])
    assert not patch_po_file(path, {SHORT: "Світ!"})  # nothing left to change


def test_patch_po_file_writes_back_in_the_files_charset(tmp_path):
    text = HEADER.replace("UTF-8", "ISO-8859-1") + 'msgid "What?"\nmsgstr "Çka?"\n'
    path = tmp_path / "sq.po"
    path.write_bytes(text.encode("iso8859-1"))
    assert patch_po_file(path, {"What?": "Çfarë?"})
    assert path.read_bytes() == text.replace(
        'msgid "What?"\nmsgstr "Çka?"', '#, fuzzy\nmsgid "What?"\nmsgstr "Çfarë?"'
    ).encode("iso8859-1")
    assert msgfmt_check(path).returncode == 0
    # A character the charset lacks: an error, and the file stays as it was.
    before = path.read_bytes()
    with pytest.raises(L10nError) as err:
        patch_po_file(path, {"What?": "Що?"})
    assert str(path) in err.value.message
    assert path.read_bytes() == before
