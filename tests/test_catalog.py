"""Templates, merging, translation memory and status: the PO data model.

Merging must behave as msgmerge does, because translators know it: what they
reviewed is never lost, a changed sentence comes back fuzzy with its old
translation and the old English as ``#|``, a removed one becomes obsolete.
"""

from __future__ import annotations

import gettext
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import LANGS, REPO, msgfmt_check

from l10n import catalog, languages
from l10n.catalog import (
    GLOSSARY_NOTE_PREFIX,
    MT_NOTE_PREFIX,
    TM_NOTE_PREFIX,
    build_memory,
    check_document_names,
    document_name,
    make_template,
    merge,
    po_language,
    set_notes,
    status,
)
from l10n.errors import L10nError
from l10n.po import format_po, read_po
from l10n.segment import Segment

SRC = "source/kursk.en.txt"
NOW = "2025-03-01 10:00+0000"
POT_DATE = "2025-02-28 09:00+0000"

UK_RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)

OLD_CHANGED = "Russia currently controls roughly a fifth of Ukrainian territory, including Crimea."
NEW_CHANGED = "Russia currently controls about a fifth of Ukrainian territory, including Crimea."
RETURNING = (
    "Zelensky said shortly after the start of the operation that the goal was a buffer zone."
)
REMOVED = "The link was copied"
REMOVED_EMPTY = "Read about: 5 min."
LONG_GONE = "A sentence removed from the article long ago."
BRAND_NEW = "An entirely unrelated sentence about the weather in Pristina appears."


def segs(*lines: tuple[int, str]) -> list[Segment]:
    return [Segment(text, line, 0, len(text)) for line, text in lines]


def template(*lines: tuple[int, str]) -> polib.POFile:
    return make_template("kursk", segs(*lines), SRC, now=POT_DATE)


def entry(msgid, msgstr="", *, line=1, **kwargs) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=[(SRC, str(line))], **kwargs)


def po_file(*entries: polib.POEntry, lang: str | None = "uk") -> polib.POFile:
    po = polib.POFile()
    po.header = "Ukrainian translation of kursk.\nReviewed."
    po.metadata = {
        "Project-Id-Version": "kursk",
        "POT-Creation-Date": "2024-01-01 00:00+0000",
        "PO-Revision-Date": "2024-01-02 00:00+0000",
        "Last-Translator": "Reviewer <r@example.org>",
        "Language-Team": "Ukrainian",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if lang is not None:
        po.metadata["Language"] = lang
    for e in entries:
        po.append(e)
    return po


def old_po() -> polib.POFile:
    """A reviewed Ukrainian file, before the article changed."""
    world = entry("World", "Світ", line=2, tcomment="Site section name.", flags=["no-c-format"])
    world.comment = "Machine translation: translate-en_uk"
    changed = entry(
        OLD_CHANGED,
        "Росія наразі контролює приблизно п'яту частину території України, включно з Кримом.",
        line=42,
        tcomment="Checked against the Ukrinform style guide.",
    )
    removed = entry(REMOVED, "Посилання скопійовано", line=6)
    removed.comment = "Translation memory: locales/uk/other.po"
    returning = polib.POEntry(
        msgid=RETURNING,
        msgstr="Зеленський сказав невдовзі після початку операції, що метою був буфер.",
        obsolete=True,
    )
    long_gone = polib.POEntry(msgid=LONG_GONE, msgstr="Давно вилучене речення.", obsolete=True)
    return po_file(world, changed, removed, entry(REMOVED_EMPTY, "", line=3), returning, long_gone)


def new_pot() -> polib.POFile:
    """The template after the edit: lines moved, one sentence changed, one removed."""
    return template((1, NEW_CHANGED), (5, "World"), (7, RETURNING), (9, BRAND_NEW))


@pytest.fixture
def merged() -> catalog.MergeResult:
    return merge(new_pot(), old_po(), "kursk", "uk", now=NOW)


def by_msgid(po: polib.POFile, *, obsolete: bool = False) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po if bool(e.obsolete) == obsolete}


# --- document_name / make_template -----------------------------------------------------


@pytest.mark.parametrize(
    "source, doc",
    [
        ("source/kursk.en.txt", "kursk"),
        (Path("source/kursk.en.txt"), "kursk"),
        ("kursk.en.txt", "kursk"),
        ("/abs/path/report.txt", "report"),
        ("notes", "notes"),
        # Dated names keep everything but the language suffix and extension:
        # cutting at the first dot made these two articles one document.
        ("source/2025-03-01.eu-summit.en.txt", "2025-03-01.eu-summit"),
        ("source/2025-03-01.kyiv-power.en.txt", "2025-03-01.kyiv-power"),
        ("report.de.txt", "report"),
        ("a.b.txt", "a.b"),
    ],
)
def test_document_name(source, doc):
    assert document_name(source) == doc


def test_two_sources_with_one_document_name_are_refused():
    check_document_names([Path("a/x.en.txt"), Path("b/y.en.txt")])
    with pytest.raises(L10nError, match="would share the document name 'kursk'") as caught:
        check_document_names([Path("a/kursk.en.txt"), Path("b/kursk.en.txt")])
    assert "a/kursk.en.txt and b/kursk.en.txt" in caught.value.message


def test_template_has_one_entry_per_distinct_segment_in_order_of_first_use():
    pot = template((1, "Title"), (2, "World"), (4, "Title"), (6, "Last one."), (8, "World"))
    assert [e.msgid for e in pot] == ["Title", "World", "Last one."]
    assert [e.occurrences for e in pot] == [
        [(SRC, "1"), (SRC, "4")],
        [(SRC, "2"), (SRC, "8")],
        [(SRC, "6")],
    ]
    assert all(e.msgstr == "" and not e.flags for e in pot)


def test_template_header_and_validity(tmp_path):
    pot = template((1, "Title"), (1, "Title"))
    assert pot.metadata["POT-Creation-Date"] == POT_DATE
    assert pot.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert pot.metadata["Project-Id-Version"] == "kursk"
    assert pot.metadata["X-Generator"].startswith("l10n ")
    assert SRC in pot.header
    path = tmp_path / "kursk.pot"
    path.write_text(format_po(pot), encoding="utf-8")
    assert msgfmt_check(path).returncode == 0
    assert read_po(path)[0].occurrences == [(SRC, "1"), (SRC, "1")]


def test_template_without_now_gets_a_timestamp():
    date = make_template("kursk", segs((1, "A")), SRC).metadata["POT-Creation-Date"]
    assert len(date) == len("2025-03-01 10:00+0000") and date[4] == "-" and date[10] == " "


# --- merge -----------------------------------------------------------------------------


def test_merge_follows_the_template_order_and_puts_obsolete_last(merged):
    assert [e.msgid for e in merged.po] == [
        NEW_CHANGED,
        "World",
        RETURNING,
        BRAND_NEW,
        REMOVED,
        LONG_GONE,
    ]
    assert [bool(e.obsolete) for e in merged.po] == [False] * 4 + [True] * 2


def test_merge_keeps_a_reviewed_entry_exactly_and_moves_its_reference(merged):
    old = by_msgid(old_po())["World"]
    new = by_msgid(merged.po)["World"]
    assert new.msgstr == old.msgstr == "Світ"
    assert new.flags == ["no-c-format"]
    assert new.tcomment == "Site section name."
    # Reviewed (not fuzzy): the "machine translation" note no longer holds.
    assert old.comment == "Machine translation: translate-en_uk"
    assert new.comment == ""
    assert new.previous_msgid is None
    assert new.occurrences == [(SRC, "5")]


def test_merge_changed_sentence_is_fuzzy_with_old_translation_and_previous_msgid(merged):
    new = by_msgid(merged.po)[NEW_CHANGED]
    old = by_msgid(old_po())[OLD_CHANGED]
    assert new.flags == ["fuzzy"]
    assert new.previous_msgid == OLD_CHANGED
    assert new.msgstr == old.msgstr
    assert new.tcomment == "Checked against the Ukrinform style guide."
    assert new.occurrences == [(SRC, "1")]
    # The old msgid was used as the starting point: it is not also obsolete.
    assert OLD_CHANGED not in by_msgid(merged.po, obsolete=True)


def test_merge_removed_sentence_with_translation_becomes_obsolete(merged):
    gone = by_msgid(merged.po, obsolete=True)
    assert list(gone) == [REMOVED, LONG_GONE]
    assert gone[REMOVED].msgstr == "Посилання скопійовано"
    # Kept as msgcat keeps them (msgmerge drops them): where the sentence was.
    assert gone[REMOVED].occurrences == [(SRC, "6")]
    assert gone[REMOVED].comment == "Translation memory: locales/uk/other.po"
    assert REMOVED not in by_msgid(merged.po)


def test_merge_drops_a_removed_untranslated_sentence(merged):
    assert REMOVED_EMPTY not in {e.msgid for e in merged.po}


def test_merge_restores_an_obsolete_entry_that_comes_back(merged):
    back = by_msgid(merged.po)[RETURNING]
    assert back.msgstr.startswith("Зеленський сказав")
    assert "fuzzy" not in back.flags
    assert back.occurrences == [(SRC, "7")]
    assert RETURNING not in by_msgid(merged.po, obsolete=True)


def test_merge_unrelated_new_sentence_is_new_and_untranslated(merged):
    new = by_msgid(merged.po)[BRAND_NEW]
    assert new.msgstr == ""
    assert new.flags == []
    assert new.previous_msgid is None
    assert [e.msgid for e in merged.new] == [BRAND_NEW]


def test_merge_counts(merged):
    assert (merged.kept, merged.fuzzy_matched, len(merged.new), merged.obsoleted) == (2, 1, 1, 1)


def test_merge_keeps_the_existing_header_and_updates_the_template_date(merged):
    meta = merged.po.metadata
    assert meta["POT-Creation-Date"] == POT_DATE
    assert meta["Last-Translator"] == "Reviewer <r@example.org>"
    assert meta["PO-Revision-Date"] == "2024-01-02 00:00+0000"
    assert meta["Language"] == "uk"
    assert merged.po.header == old_po().header


def test_merge_does_not_change_its_inputs():
    old, pot = old_po(), new_pot()
    before = (format_po(old), format_po(pot))
    merge(pot, old, "kursk", "uk", now=NOW)
    assert (format_po(old), format_po(pot)) == before


def test_merge_with_nothing_changed_is_a_fixed_point(merged):
    again = merge(new_pot(), merged.po, "kursk", "uk", now=NOW)
    assert format_po(again.po) == format_po(merged.po)


def test_merged_file_passes_msgfmt(merged, tmp_path):
    path = tmp_path / "kursk.po"
    path.write_text(format_po(merged.po), encoding="utf-8")
    check = msgfmt_check(path)
    assert check.returncode == 0, check.stderr


def msginit_plural_forms(lang: str, pot_path: Path) -> str:
    out = subprocess.run(
        ["msginit", "--no-translator", "-l", lang, "-i", str(pot_path), "-o", "-"],
        capture_output=True,
        check=True,
        encoding="utf-8",
    )
    return polib.pofile(out.stdout).metadata.get("Plural-Forms", "")


@pytest.mark.parametrize("lang", ["sq", "uk", "ru"])
def test_new_file_header(lang, tmp_path):
    pot = new_pot()
    result = merge(pot, None, "kursk", lang, now=NOW)
    meta = result.po.metadata
    assert meta["Language"] == lang
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["Content-Transfer-Encoding"] == "8bit"
    assert meta["MIME-Version"] == "1.0"
    assert meta["POT-Creation-Date"] == POT_DATE
    assert meta["PO-Revision-Date"] == NOW
    assert meta["X-Generator"].startswith("l10n ")
    assert meta["Project-Id-Version"] == "kursk"
    assert [e.msgid for e in result.po] == [e.msgid for e in pot]
    assert all(e.msgstr == "" for e in result.po)
    assert len(result.new) == len(pot)
    path = tmp_path / f"{lang}.po"
    path.write_text(format_po(result.po), encoding="utf-8")
    check = msgfmt_check(path)
    assert check.returncode == 0, check.stderr


def test_new_file_plural_forms_are_cldrs_and_agree_with_gettext(tmp_path):
    pot_path = tmp_path / "kursk.pot"
    pot_path.write_text(format_po(new_pot()), encoding="utf-8")
    forms = {
        lang: merge(new_pot(), None, "kursk", lang, now=NOW).po.metadata["Plural-Forms"]
        for lang in ("sq", "uk", "ru", "de", "pl")
    }
    assert forms["sq"] == "nplurals=2; plural=(n != 1);"
    assert forms == {lang: languages.plural_forms(lang) for lang in forms}
    # gettext's own table (msginit) writes the rules another way; they must
    # choose the same form for every n (it has no entry for sq).
    for lang in ("uk", "ru", "de", "pl"):
        ours, theirs = forms[lang], msginit_plural_forms(lang, pot_path)
        assert ours.split(";")[0] == theirs.split(";")[0]  # nplurals
        choose, reference = (
            gettext.c2py(f.split("plural=")[1].rstrip(";")) for f in (ours, theirs)
        )
        assert [choose(n) for n in range(2000)] == [reference(n) for n in range(2000)], lang


def test_merge_adds_missing_language_and_plural_forms_to_an_old_header():
    result = merge(new_pot(), po_file(lang=None), "kursk", "ru", now=NOW)
    assert result.po.metadata["Language"] == "ru"
    assert result.po.metadata["Plural-Forms"] == languages.plural_forms("ru")


def msgmerge(old: polib.POFile, pot: polib.POFile, tmp_path: Path) -> polib.POFile:
    old_path, pot_path, out = tmp_path / "old.po", tmp_path / "new.pot", tmp_path / "out.po"
    old_path.write_text(format_po(old), encoding="utf-8")
    pot_path.write_text(format_po(pot), encoding="utf-8")
    subprocess.run(
        ["msgmerge", "--quiet", "--previous", "-o", str(out), str(old_path), str(pot_path)],
        check=True,
    )
    return polib.pofile(str(out))


def decisions(po: polib.POFile) -> list[tuple]:
    """What a translator sees of a merge: per msgid, translation, fuzziness, previous, state."""
    return sorted(
        (
            e.msgctxt or "",
            e.msgid,
            e.msgid_plural,
            e.msgstr,
            sorted(e.msgstr_plural.items()),
            "fuzzy" in e.flags,  # msgmerge takes format flags from the POT; we keep them
            e.previous_msgid if not e.obsolete else None,
            bool(e.obsolete),
            e.tcomment,
            e.occurrences if not e.obsolete else [],
        )
        for e in po
    )


def test_merge_decides_as_msgmerge_does(tmp_path):
    ours = merge(new_pot(), old_po(), "kursk", "uk", now=NOW).po
    theirs = msgmerge(old_po(), new_pot(), tmp_path)
    assert decisions(ours) == decisions(theirs)


def test_merge_keeps_a_reviewed_entry_even_when_a_new_sentence_resembles_it(tmp_path):
    # "World" is still in the template: it is not offered as a fuzzy match.
    pot = template((1, "World"), (2, "World!"))
    result = merge(pot, po_file(entry("World", "Світ")), "kursk", "uk", now=NOW)
    assert by_msgid(result.po)["World"].msgstr == "Світ"
    assert "fuzzy" not in by_msgid(result.po)["World"].flags
    assert not [e for e in result.po if e.obsolete]


def many_sentences(count: int) -> list[str]:
    """``count`` distinct sentences of the same shape, as a long article has."""
    import random

    rng = random.Random(3)
    words = [
        "army",
        "village",
        "border",
        "town",
        "river",
        "bridge",
        "power",
        "plant",
        "drone",
        "convoy",
    ]
    return [
        f"Report {i}: the {rng.choice(words)} near the {rng.choice(words)} "
        f"was hit by {rng.choice(words)} fire on day {i * 7 + 3}."
        for i in range(count)
    ]


def test_merge_of_many_changed_sentences_starts_each_from_its_own_old_translation():
    # Every sentence of a long article edited by one word: each new message
    # starts from the translation of the sentence it was, not of a look-alike.
    old = many_sentences(600)
    new = [s.replace("was hit by", "came under") for s in old]
    existing = po_file(*(entry(s, f"uk {i}", line=i + 1) for i, s in enumerate(old)))
    pot = template(*((i + 1, s) for i, s in enumerate(new)))
    result = merge(pot, existing, "kursk", "uk", now=NOW)
    live = [e for e in result.po if not e.obsolete]
    assert [(e.msgid, e.previous_msgid, e.msgstr) for e in live] == [
        (n, o, f"uk {i}") for i, (n, o) in enumerate(zip(new, old, strict=True))
    ]
    assert all("fuzzy" in e.flags for e in live)
    assert (result.fuzzy_matched, result.obsoleted, result.new) == (600, 0, [])


def test_merge_gives_each_old_translation_to_one_new_message_only():
    # A sentence split in two: both halves are most like the old sentence;
    # the second gets the next most similar old one, as msgmerge would.
    first = "The army shelled the village of Sudzha on Sunday morning."
    second = "The army shelled the town of Sudzha on Monday evening."
    pot = template((1, first + " Again."), (2, first + " Twice."))
    old = po_file(entry(first, "Перше", line=1), entry(second, "Друге", line=2))
    result = merge(pot, old, "kursk", "uk", now=NOW)
    live = [(e.previous_msgid, e.msgstr) for e in result.po if not e.obsolete]
    assert live == [(first, "Перше"), (second, "Друге")]
    assert result.obsoleted == 0


def test_merge_offers_no_old_translation_below_the_threshold():
    pot = template((1, "Kyiv was without power for six hours."))
    old = po_file(entry("The convoy crossed the river at dawn.", "Колона", line=1))
    result = merge(pot, old, "kursk", "uk", now=NOW)
    [new] = result.new
    assert (new.msgstr, new.previous_msgid, result.obsoleted) == ("", None, 1)


CONTEXT_NOTE = "Another tool's message, with its own context."


def menu_world() -> polib.POEntry:
    """A reviewed entry l10n did not write: a msgctxt, and a msgid that is a sentence."""
    menu = polib.POEntry(
        msgctxt="menu",
        msgid="World",
        msgstr="Світ (меню)",
        occurrences=[("app/menu.c", "3")],
        tcomment=CONTEXT_NOTE,
        flags=["no-c-format"],
    )
    menu.comment = "Extracted by xgettext."
    return menu


def days() -> polib.POEntry:
    """A reviewed plural entry: l10n's templates have none."""
    plural = polib.POEntry(
        msgid="%d day passed since the start of the operation",
        msgid_plural="%d days passed since the start of the operation",
        msgstr_plural={0: "Минув %d день", 1: "Минуло %d дні", 2: "Минуло %d днів"},
        occurrences=[("app/days.c", "9")],
        tcomment="Checked by the editor.",
    )
    plural.comment = "Counted in days."
    return plural


def exactly(e: polib.POEntry) -> tuple:
    """Everything an entry holds, to prove merge changed nothing but its state."""
    return (
        e.msgctxt,
        e.msgid,
        e.msgid_plural,
        e.msgstr,
        sorted(e.msgstr_plural.items()),
        e.tcomment,
        e.comment,
        e.occurrences,
        e.flags,
        e.previous_msgid,
    )


@pytest.mark.parametrize("context_first", [False, True])
def test_merge_keys_entries_by_context_and_msgid(context_first):
    plain = entry("World", "Світ", line=2, tcomment="Site section name.")
    pair = [menu_world(), plain] if context_first else [plain, menu_world()]
    result = merge(template((5, "World")), po_file(*pair), "kursk", "uk", now=NOW)
    live = [e for e in result.po if not e.obsolete]
    gone = [e for e in result.po if e.obsolete]
    assert [(e.msgctxt, e.msgid, e.msgstr, e.tcomment) for e in live] == [
        (None, "World", "Світ", "Site section name.")
    ]
    assert live[0].occurrences == [(SRC, "5")]
    # Not in the template: obsolete, as msgmerge makes it, and otherwise as it was.
    assert [exactly(e) for e in gone] == [exactly(menu_world())]
    assert (result.kept, result.obsoleted, result.new) == (1, 1, [])


def test_merge_treats_an_entry_with_a_context_as_another_message():
    # msgmerge would offer "menu|World" as a fuzzy starting point for "World"
    # (and drop it); l10n keeps it as it is and translates "World" afresh.
    result = merge(template((5, "World")), po_file(menu_world()), "kursk", "uk", now=NOW)
    new = by_msgid(result.po)["World"]
    assert (new.msgctxt, new.msgstr, new.flags, new.previous_msgid) == (None, "", [], None)
    assert result.new == [new]
    assert [exactly(e) for e in result.po if e.obsolete] == [exactly(menu_world())]


def test_merge_keeps_a_plural_entry_obsolete_with_every_form():
    result = merge(template((5, "World")), po_file(days()), "kursk", "uk", now=NOW)
    gone = [e for e in result.po if e.obsolete]
    assert [exactly(e) for e in gone] == [exactly(days())]
    assert result.obsoleted == 1


def test_merge_keeps_a_plural_entry_translated_in_any_form():
    # msgmerge drops a plural whose msgstr[0] is empty; another form is still work.
    partial = days()
    partial.msgstr_plural[0] = ""
    result = merge(template((5, "World")), po_file(partial), "kursk", "uk", now=NOW)
    assert [exactly(e) for e in result.po if e.obsolete] == [exactly(partial)]


def test_merge_never_uses_a_plural_entry_as_a_fuzzy_starting_point():
    # msgmerge would make this sentence fuzzy with msgstr[0], losing the other forms.
    sentence = "%d day passed since the start of the operation."
    result = merge(template((5, sentence)), po_file(days()), "kursk", "uk", now=NOW)
    new = by_msgid(result.po)[sentence]
    assert (new.msgstr, new.flags, new.previous_msgid) == ("", [], None)
    assert [exactly(e) for e in result.po if e.obsolete] == [exactly(days())]


def test_merge_keeps_a_plural_entry_whose_msgid_is_a_sentence_as_it_is():
    # Same key, so it is that message; msgmerge would make it a fuzzy singular
    # with msgstr[0] and drop the other forms.
    sentence = days().msgid
    result = merge(template((5, sentence)), po_file(days()), "kursk", "uk", now=NOW)
    [kept] = result.po
    assert not kept.obsolete
    assert (kept.msgid_plural, kept.msgstr_plural) == (days().msgid_plural, days().msgstr_plural)
    assert kept.occurrences == [(SRC, "5")]
    assert (result.kept, result.new, result.obsoleted) == (1, [], 0)


def test_merge_drops_an_untranslated_plural_entry_as_msgmerge_does():
    empty = days()
    empty.msgstr_plural = {0: "", 1: "", 2: ""}
    result = merge(template((5, "World")), po_file(empty), "kursk", "uk", now=NOW)
    assert [e.msgid for e in result.po] == ["World"]


def test_merge_of_context_and_plural_entries_decides_as_msgmerge_does(tmp_path):
    old = po_file(
        entry("World", "Світ", line=2, tcomment="Site section name."), menu_world(), days()
    )
    pot = template((5, "World"), (6, BRAND_NEW))
    ours = merge(pot, old, "kursk", "uk", now=NOW).po
    assert decisions(ours) == decisions(msgmerge(old, pot, tmp_path))
    path = tmp_path / "merged.po"
    path.write_text(format_po(ours), encoding="utf-8")
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr


def test_merge_obsoletes_an_entry_with_everything_it_held():
    removed = entry(REMOVED, "Посилання скопійовано", line=6, tcomment="Short form.")
    removed.comment = "Translation memory: locales/uk/other.po"
    removed.flags = ["fuzzy"]
    removed.previous_msgid = "The link was copied!"
    before = exactly(removed)
    result = merge(template((1, "World")), po_file(removed), "kursk", "uk", now=NOW)
    gone = [e for e in result.po if e.obsolete]
    assert [exactly(e) for e in gone] == [before]


def test_merge_keeps_an_obsolete_entry_with_everything_it_held():
    old = polib.POEntry(
        msgid=LONG_GONE,
        msgstr="Давно вилучене речення.",
        obsolete=True,
        tcomment="Kept for the archive.",
        occurrences=[(SRC, "40")],
        flags=["fuzzy"],
        previous_msgid="A sentence removed long ago.",
    )
    old.comment = "Machine translation: translate-en_uk; needs review."
    before = exactly(old)
    result = merge(template((1, "World")), po_file(old), "kursk", "uk", now=NOW)
    assert [exactly(e) for e in result.po if e.obsolete] == [before]


HEADER_AS_READ = {
    "X-Zeta": "z",
    "Project-Id-Version": "kursk",
    "Content-Type": "text/plain; charset=UTF-8",
    "X-Alpha": "a",
    "Language-Team": "Ukrainian",
    "PO-Revision-Date": "2024-01-02 00:00+0000",
    "Last-Translator": "Reviewer <r@example.org>",
    "X-Generator": "Poedit 3.4",
}


def test_merge_keeps_the_header_fields_in_the_order_they_were_read():
    old = po_file()
    old.metadata = dict(HEADER_AS_READ)
    result = merge(new_pot(), old, "kursk", "uk", now=NOW)
    # Fields the merge adds go where gettext puts them, after their neighbours.
    assert list(result.po.metadata.items()) == [
        ("X-Zeta", "z"),
        ("Project-Id-Version", "kursk"),
        ("POT-Creation-Date", POT_DATE),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Plural-Forms", languages.plural_forms("uk")),
        ("X-Alpha", "a"),
        ("Language-Team", "Ukrainian"),
        ("Language", "uk"),
        ("PO-Revision-Date", "2024-01-02 00:00+0000"),
        ("Last-Translator", "Reviewer <r@example.org>"),
        ("X-Generator", "Poedit 3.4"),
    ]
    assert list(old.metadata.items()) == list(HEADER_AS_READ.items())


def test_merge_keeps_a_fuzzy_header_fuzzy():
    # msgmerge keeps it: a translator has not yet filled the header in.
    old = po_file(entry("World", "Світ"))
    old.metadata_is_fuzzy = ["fuzzy"]
    result = merge(new_pot(), old, "kursk", "uk", now=NOW)
    assert '# Reviewed.\n#, fuzzy\nmsgid ""\n' in format_po(result.po)


# --- set_notes -------------------------------------------------------------------------


def test_set_notes_replaces_the_glossary_note_and_provenance_by_prefix():
    e = entry("Kursk", "Курськ")
    e.comment = "Glossary: Kursk = Курск\nMachine translation: old-model\nA note for reviewers"
    set_notes(e, glossary="Glossary: Kursk = Курськ", **{MT_NOTE_PREFIX: None})
    assert e.comment == "Glossary: Kursk = Курськ\nA note for reviewers"
    set_notes(e, glossary=None, **{TM_NOTE_PREFIX: "Translation memory: locales/uk/a.po"})
    assert e.comment == "A note for reviewers\nTranslation memory: locales/uk/a.po"


def test_set_notes_is_idempotent_and_keeps_one_glossary_note():
    e = entry("Kursk", "Курськ")
    for _ in range(3):
        set_notes(
            e, glossary="Glossary: Kursk = Курськ", **{MT_NOTE_PREFIX: "Machine translation: m"}
        )
    assert e.comment == "Glossary: Kursk = Курськ\nMachine translation: m"
    assert e.comment.count(GLOSSARY_NOTE_PREFIX) == 1


def test_set_notes_on_an_entry_without_notes():
    e = entry("Kursk", "Курськ")
    set_notes(e)
    assert e.comment == ""


# --- build_memory ----------------------------------------------------------------------


def save(path: Path, po: polib.POFile) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_po(po), encoding="utf-8")
    return path


@pytest.fixture
def locales(tmp_path) -> Path:
    root = tmp_path / "locales"
    save(
        root / "sq" / "a.po",
        po_file(
            entry("World", "Bota"),
            entry("Machine output", "Dalje e makinës", flags=["fuzzy"]),
            entry("Not translated", ""),
            polib.POEntry(msgid="Gone", msgstr="Iku", obsolete=True),
            lang="sq",
        ),
    )
    save(
        root / "sq" / "b.po",
        po_file(entry("World", "Bota e dytë"), entry("Other", "Tjetër"), lang="sq"),
    )
    # Language header wins over the folder name...
    save(root / "misc" / "c.po", po_file(entry("Header says sq", "Koka thotë sq"), lang="sq"))
    save(root / "sq" / "wrong.po", po_file(entry("Really Ukrainian", "Справді"), lang="uk"))
    # ...and the folder name is the fallback when there is no header.
    save(root / "sq_AL" / "d.po", po_file(entry("Folder says sq", "Dosja thotë sq"), lang=None))
    save(root / "uk" / "a.po", po_file(entry("World", "Світ"), lang="uk"))
    return root


def test_memory_has_only_reviewed_entries_of_the_language(locales):
    memory = build_memory(locales, "sq")
    assert memory.lang == "sq"
    assert memory.entries == {
        "World": ("Bota", (locales / "sq" / "a.po").as_posix()),
        "Other": ("Tjetër", (locales / "sq" / "b.po").as_posix()),
        "Header says sq": ("Koka thotë sq", (locales / "misc" / "c.po").as_posix()),
        "Folder says sq": ("Dosja thotë sq", (locales / "sq_AL" / "d.po").as_posix()),
    }
    assert memory.lookup("Machine output") is None
    assert memory.lookup("Not translated") is None
    assert memory.lookup("Gone") is None
    assert memory.lookup("World") == ("Bota", (locales / "sq" / "a.po").as_posix())


def test_memory_of_another_language(locales):
    memory = build_memory(locales, "uk")
    assert {k: v[0] for k, v in memory.entries.items()} == {
        "World": "Світ",
        "Really Ukrainian": "Справді",
    }


def test_memory_uses_files_already_loaded(locales):
    path = locales / "sq" / "a.po"
    loaded = {path: po_file(entry("World", "Bota në kujtesë"), lang="sq")}
    assert build_memory(locales, "sq", loaded=loaded).lookup("World")[0] == "Bota në kujtesë"


def test_memory_has_no_entry_with_a_context(tmp_path):
    # "menu|World" is another message: it must not go into "World" as reviewed.
    save(tmp_path / "uk" / "app.po", po_file(menu_world(), days()))
    assert build_memory(tmp_path, "uk").entries == {}


def test_memory_of_a_missing_folder_is_empty(tmp_path):
    assert build_memory(tmp_path / "nothing", "sq").entries == {}


# --- status / po_language --------------------------------------------------------------


def test_status_counts():
    po = po_file(
        entry("One", "Один"),
        entry("Two", "Два"),
        entry("Three", "Три", flags=["fuzzy"]),
        entry("Four", "", flags=["fuzzy"]),
        entry("Five", ""),
        entry("Six", ""),
        polib.POEntry(msgid="Gone", msgstr="Немає", obsolete=True),
        polib.POEntry(msgid="Gone too", msgstr="", obsolete=True),
    )
    s = status(po, Path("locales/uk/kursk.po"))
    assert (s.total, s.reviewed, s.fuzzy, s.untranslated, s.obsolete) == (6, 2, 1, 3, 2)
    assert s.lang == "uk"
    assert s.path == "locales/uk/kursk.po"
    assert s.percent_reviewed == pytest.approx(100 * 2 / 6)


def test_whitespace_alone_is_untranslated_never_reviewed():
    po = po_file(
        entry("One", "Один"),
        entry("Two", "   "),
        entry("Three", "\n", flags=["fuzzy"]),
        entry("Four", "\u00a0\t"),
    )
    s = status(po, Path("locales/uk/kursk.po"))
    assert (s.total, s.reviewed, s.fuzzy, s.untranslated) == (4, 1, 0, 3)
    assert [catalog.is_reviewed(e) for e in po] == [True, False, False, False]
    assert [catalog.has_translation(e) for e in po] == [True, False, False, False]


def test_status_of_the_shipped_files_is_fully_reviewed():
    for lang in LANGS:
        path = REPO / "locales" / lang / "kursk.po"
        s = status(read_po(path), path)
        assert s.lang == lang
        assert s.total == s.reviewed == 35  # 36 sentences, the title twice
        assert (s.fuzzy, s.untranslated, s.obsolete) == (0, 0, 0)
        assert s.percent_reviewed == 100.0


def test_status_of_an_empty_file():
    s = status(po_file(), "locales/sq/empty.po")
    assert (s.total, s.reviewed) == (0, 0)
    assert s.percent_reviewed == 100.0


@pytest.mark.parametrize(
    "header, path, lang",
    [
        ("uk", "locales/sq/kursk.po", "uk"),
        ("pt_BR", "locales/x/kursk.po", "pt"),
        ("sr-Latn", "locales/x/kursk.po", "sr"),
        (" RU ", "locales/x/kursk.po", "ru"),
        (None, "locales/sq/kursk.po", "sq"),
        ("", "locales/sq_AL/kursk.po", "sq"),
        (None, "locales/UK/kursk.po", "uk"),
    ],
)
def test_po_language(header, path, lang):
    po = po_file(lang=header)
    assert po_language(po, path) == lang
    assert po_language(po, Path(path)) == lang
