"""``l10n translate`` end to end, on random-weight Argos packages.

The models' output is nonsense; these tests assert structure a translator
relies on: every segment present, machine output fuzzy with a note, headers,
references, valid gettext, and that nothing a reviewer wrote is ever lost.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import LANGS, REPO, msgfmt_check, snapshot

from l10n import catalog, languages
from l10n.build import build_all
from l10n.errors import L10nError
from l10n.pipeline import translate_documents
from l10n.po import format_po, read_po
from l10n.segment import read_source, segment_text

SOURCE = Path("source/kursk.en.txt")


def run(langs=LANGS, **kwargs):
    kwargs.setdefault("locales", Path("locales"))
    return translate_documents([SOURCE], list(langs), **kwargs)


def article_segments() -> list[str]:
    return list(dict.fromkeys(s.text for s in segment_text(read_source(SOURCE))))


def live(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


def test_translate_writes_template_and_three_valid_po_files(project, with_models):
    run()
    segments = article_segments()
    pot = read_po("locales/kursk.pot")
    assert [e.msgid for e in pot] == segments
    assert msgfmt_check(Path("locales/kursk.pot")).returncode == 0
    for lang in LANGS:
        path = Path(f"locales/{lang}/kursk.po")
        check = msgfmt_check(path)
        assert check.returncode == 0, check.stderr
        po = read_po(path)
        entries = live(po)
        assert [e.msgid for e in entries] == segments
        for e in entries:
            assert e.msgstr.strip(), e.msgid
            assert "fuzzy" in e.flags
            assert catalog.MT_NOTE_PREFIX in e.comment
            assert "translate-en_" + lang in e.comment
        assert po.metadata["Language"] == lang
        assert po.metadata["Plural-Forms"] == languages.plural_forms(lang)
        for field in ("Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date"):
            assert po.metadata[field]
        assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert po.metadata["X-Generator"].startswith("l10n ")


def test_repeated_segment_is_one_entry_with_both_references(project, with_models):
    run(langs=["sq"])
    pot = read_po("locales/kursk.pot")
    title = next(e for e in pot if e.msgid == "Kursk becomes Putin's nightmare")
    assert title.occurrences == [("source/kursk.en.txt", "1"), ("source/kursk.en.txt", "4")]
    for e in pot:
        for path, line in e.occurrences:
            text = Path(path).read_text().splitlines()[int(line) - 1]
            assert e.msgid in text


def test_written_files_are_wrapped_as_msgcat_wraps_them(project, with_models):
    run(langs=["uk"])
    path = Path("locales/uk/kursk.po")
    out = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    assert out.stdout == path.read_text(encoding="utf-8")


def test_missing_model_stops_before_writing_anything(project, models_dir, monkeypatch, tmp_path):
    # Only sq and uk installed: asking for ru as well must fail for ru and
    # write nothing at all, not even the languages that could be done.
    partial = tmp_path / "partial"
    partial.mkdir()
    for lang in ("sq", "uk"):
        (partial / f"translate-en_{lang}-random").symlink_to(
            models_dir / f"translate-en_{lang}-random"
        )
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(partial))
    with pytest.raises(L10nError) as err:
        run()
    assert "en -> ru" in err.value.message
    assert "l10n models install ru" in err.value.hint
    assert not Path("locales").exists()


def test_rerun_changes_nothing(project, with_models):
    run()
    before = snapshot(Path("locales"))
    run()
    assert snapshot(Path("locales")) == before


def review(path: Path, edits: dict[str, str]) -> None:
    """What a translator does in Poedit: edit msgstr, clear fuzzy, save."""
    po = read_po(path)
    for e in po:
        if e.msgid in edits:
            e.msgstr = edits[e.msgid]
            e.flags = [f for f in e.flags if f != "fuzzy"]
    path.write_text(format_po(po), encoding="utf-8")


def test_poedit_session_survives_a_rerun(project, with_models):
    run()
    path = Path("locales/uk/kursk.po")
    edits = {
        "World": "Світ",
        "The link was copied": "Посилання скопійовано",
        "Kursk becomes Putin's nightmare": "Курськ стає кошмаром Путіна",
    }
    po = read_po(path)
    for e in po:
        if e.msgid in edits:
            e.msgstr = edits[e.msgid]
            e.flags.remove("fuzzy")
    # Poedit writes the file through gettext: msgcat is the stand-in.
    path.write_text(format_po(po), encoding="utf-8")
    subprocess.run(["msgcat", str(path), "-o", str(path)], check=True)
    reviewed = path.read_text(encoding="utf-8")

    run()
    # What changes: the three reviewed entries lose their "machine translation,
    # needs review" note (it no longer holds), and the revision date moves.
    after = path.read_text(encoding="utf-8")
    removed = [ln for ln in reviewed.splitlines() if ln not in after.splitlines()]
    added = [ln for ln in after.splitlines() if ln not in reviewed.splitlines()]
    assert all(ln.startswith(('"PO-Revision-Date', "#. Machine translation:")) for ln in removed), (
        removed
    )
    assert all(ln.startswith('"PO-Revision-Date') for ln in added), added
    notes_before = reviewed.count("#. Machine translation:")
    assert after.count("#. Machine translation:") == notes_before - len(edits)
    run()
    assert path.read_text(encoding="utf-8") == after  # and then it stays as it is
    again = {e.msgid: e for e in read_po(path)}
    for msgid, msgstr in edits.items():
        assert again[msgid].msgstr == msgstr
        assert "fuzzy" not in again[msgid].flags


def test_new_sentence_is_pretranslated_and_reviewed_ones_kept(project, with_models):
    run(langs=["sq"])
    path = Path("locales/sq/kursk.po")
    review(path, {"World": "Bota"})
    text = SOURCE.read_text()
    SOURCE.write_text(text.replace("World\n", "World\nA new line was added today.\n", 1))
    run(langs=["sq"])
    entries = {e.msgid: e for e in read_po(path)}
    assert entries["World"].msgstr == "Bota"
    assert "fuzzy" not in entries["World"].flags
    new = entries["A new line was added today."]
    assert new.msgstr and "fuzzy" in new.flags
    # References follow the text: every line below the insertion moved by one.
    assert entries["The link was copied"].occurrences == [("source/kursk.en.txt", "7")]


def without_mt_note(comment: str) -> str:
    lines = comment.split("\n")
    return "\n".join(ln for ln in lines if not ln.startswith(catalog.MT_NOTE_PREFIX))


def test_edited_source_sentence_turns_exactly_that_entry_fuzzy(project, with_models):
    run()
    all_reviewed = {}
    for lang in LANGS:
        path = Path(f"locales/{lang}/kursk.po")
        all_reviewed[lang] = {e.msgid: f"[{lang}] {e.msgid}" for e in read_po(path)}
        review(path, all_reviewed[lang])
    before = {lang: read_po(f"locales/{lang}/kursk.po") for lang in LANGS}

    old = "Russia currently controls roughly a fifth of Ukrainian territory"
    new = "Russia currently controls about a fifth of Ukrainian territory"
    SOURCE.write_text(SOURCE.read_text().replace(old, new))
    run()
    for lang in LANGS:
        after = read_po(f"locales/{lang}/kursk.po")
        changed = [e for e in live(after) if e.msgid.startswith(new)]
        assert len(changed) == 1
        entry = changed[0]
        assert "fuzzy" in entry.flags
        assert entry.previous_msgid.startswith(old)
        assert entry.msgstr == all_reviewed[lang][entry.previous_msgid]
        untouched = [e for e in live(after) if e is not entry]
        old_entries = {e.msgid: e for e in before[lang]}
        for e in untouched:
            o = old_entries[e.msgid]
            # Reviewed (fuzzy cleared): only the "needs review" note goes.
            assert (e.msgstr, e.flags, e.comment, e.occurrences) == (
                o.msgstr,
                o.flags,
                without_mt_note(o.comment),
                o.occurrences,
            )
        assert not [e for e in after if e.obsolete]


def test_removed_sentence_becomes_obsolete(project, with_models):
    run(langs=["ru"])
    path = Path("locales/ru/kursk.po")
    gone = "The link was copied"
    review(path, {gone: "Ссылка скопирована"})
    SOURCE.write_text(SOURCE.read_text().replace(gone + "\n", ""))
    run(langs=["ru"])
    po = read_po(path)
    obsolete = [e for e in po if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [(gone, "Ссылка скопирована")]
    assert '#~ msgid "The link was copied"' in path.read_text()
    assert msgfmt_check(path).returncode == 0


def test_translation_memory_needs_no_model(project, with_models, monkeypatch, tmp_path):
    run(langs=["sq"])
    path = Path("locales/sq/kursk.po")
    review(path, {e.msgid: f"sq: {e.msgid}" for e in read_po(path)})
    # A second article sharing sentences with the first, and no model at all.
    second = Path("source/other.en.txt")
    second.write_text("World\n\nThe link was copied\n")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "nothing"))
    translate_documents([second], ["sq"], locales=Path("locales"))
    other = {e.msgid: e for e in read_po("locales/sq/other.po")}
    assert other["World"].msgstr == "sq: World"
    assert "fuzzy" not in other["World"].flags
    assert catalog.TM_NOTE_PREFIX in other["World"].comment
    assert "locales/sq/kursk.po" in other["World"].comment


def test_translation_memory_ignores_unreviewed_entries(project, with_models, monkeypatch, tmp_path):
    run(langs=["sq"])  # everything fuzzy: nothing reviewed to reuse
    second = Path("source/other.en.txt")
    second.write_text("World\n")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "nothing"))
    with pytest.raises(L10nError):
        translate_documents([second], ["sq"], locales=Path("locales"))
    assert not Path("locales/sq/other.po").exists()


class Boom(RuntimeError):
    pass


def test_failure_part_way_leaves_every_file_byte_identical(project, with_models):
    run()
    for lang in LANGS:
        path = Path(f"locales/{lang}/kursk.po")
        review(path, {"World": f"{lang}-world"})
    SOURCE.write_text(SOURCE.read_text() + "\nOne more sentence.\nAnd another one.\n")
    before = snapshot(Path("locales"))

    from l10n.machine import argos_engine_factory

    real = argos_engine_factory()
    calls = {"n": 0}

    class Failing:
        def __init__(self, engine):
            self.engine, self.name = engine, engine.name

        def translate(self, texts, **kwargs):
            for item in self.engine.translate(texts, **kwargs):
                calls["n"] += 1
                if calls["n"] == 2:
                    raise Boom("killed part way")
                yield item

    with pytest.raises(Boom):
        run(engine_factory=lambda f, t: Failing(real(f, t)))
    assert calls["n"] == 2
    assert snapshot(Path("locales")) == before


def test_broken_po_file_stops_the_run_untouched(project, with_models):
    run(langs=["sq", "uk"])
    broken = Path("locales/uk/kursk.po")
    broken.write_text(
        broken.read_text().replace('msgstr "', 'msgstr "unterminated', 1) + '\nmsgid "x\n'
    )
    before = snapshot(Path("locales"))
    with pytest.raises(L10nError) as err:
        run(langs=["sq", "uk"])
    assert "locales/uk/kursk.po" in err.value.message
    assert snapshot(Path("locales")) == before


def test_non_english_source_is_refused_unless_from_says_so(project, with_models):
    german = Path("source/de.en.txt")
    german.write_text(
        "Die ukrainischen Truppen haben einen Teil der Region Kursk besetzt, und der "
        "Kreml versucht seit Monaten, die Lage herunterzuspielen.\n\n"
        "Nach Angaben des Generalstabs sind die Verluste der russischen Armee hoch.\n"
    )
    with pytest.raises(L10nError) as err:
        translate_documents([german], ["sq"], locales=Path("locales"))
    assert "'de'" in err.value.message and "--from" in err.value.hint
    assert not Path("locales").exists()


def test_short_lines_do_not_trigger_language_detection(project, with_models):
    short = Path("source/short.en.txt")
    short.write_text("Bota\nSvit\nMir\n")
    translate_documents([short], ["sq"], locales=Path("locales"))
    assert Path("locales/sq/short.po").exists()


class Scripted:
    """An engine that answers from a script: machine output we choose."""

    name = "scripted test engine"

    def __init__(self, outputs: dict[str, str]):
        self.outputs = outputs

    def translate(self, texts, *, beam_size=4, progress=None):
        for i, text in enumerate(texts):
            yield i, self.outputs[text]


def test_glossary_is_enforced_on_machine_output(project):
    from l10n.glossary import load_glossary

    source = Path("source/names.en.txt")
    source.write_text(
        "Ukrainian forces attacked southeast of Sudzha.\n\nPutin met Trump in Moscow.\n"
    )
    outputs = {
        "Ukrainian forces attacked southeast of Sudzha.": (
            "Українські сили атакували на південний схід від Судзхи."
        ),
        "Putin met Trump in Moscow.": "Зустріч відбулася в Москві.",
    }
    translate_documents(
        [source],
        ["uk"],
        locales=Path("locales"),
        glossary=load_glossary(Path("glossary")),
        engine_factory=lambda f, t: Scripted(outputs),
    )
    entries = {e.msgid: e for e in read_po("locales/uk/names.po")}
    sudzha = entries["Ukrainian forces attacked southeast of Sudzha."]
    # The misspelt genitive is replaced by the canonical name in the same case.
    assert sudzha.msgstr == "Українські сили атакували на південний схід від Суджі."
    assert "fuzzy" in sudzha.flags
    assert "Sudzha → Суджа" in sudzha.comment
    assert catalog.MISSING_NOTE_PREFIX not in sudzha.comment

    putin = entries["Putin met Trump in Moscow."]
    assert "fuzzy" in putin.flags
    missing = next(
        ln for ln in putin.comment.splitlines() if ln.startswith(catalog.MISSING_NOTE_PREFIX)
    )
    assert "Putin (Путін)" in missing and "Trump (Трамп)" in missing
    assert "Moscow" not in missing  # Москві is Москва, inflected
    assert "scripted test engine" in putin.comment


# --- the shipped, fully reviewed files: no sentence needs a model ---------------------


@pytest.fixture
def shipped(project) -> Path:
    shutil.copytree(REPO / "locales", project / "locales")
    return project


def no_engine(from_code: str, to_code: str):
    raise AssertionError(f"every sentence is reviewed: no model needed ({from_code}->{to_code})")


def test_translate_keeps_entries_with_a_context_or_plural_forms(shipped):
    path = Path("locales/uk/kursk.po")
    po = read_po(path)
    reviewed = {e.msgid: e.msgstr for e in po}
    po.find("World").tcomment = "Site section name."
    po.append(
        polib.POEntry(
            msgctxt="menu",
            msgid="World",
            msgstr="Світ (меню)",
            tcomment="The site's menu, not the section.",
            occurrences=[("app/menu.c", "3")],
        )
    )
    forms = {0: "Минув %d день", 1: "Минуло %d дні", 2: "Минуло %d днів"}
    po.append(
        polib.POEntry(
            msgid="%d day passed",
            msgid_plural="%d days passed",
            msgstr_plural=dict(forms),
            tcomment="Checked by the editor.",
        )
    )
    path.write_text(format_po(po), encoding="utf-8")

    run(["uk"], engine_factory=no_engine)
    after = read_po(path)
    assert {e.msgid: e.msgstr for e in live(after)} == reviewed
    assert not [e for e in live(after) if e.msgctxt is not None or e.msgid_plural]
    assert after.find("World").tcomment == "Site section name."
    # Neither is in the template: obsolete, as msgmerge makes them, and kept whole.
    gone = [e for e in after if e.obsolete]
    assert [(e.msgctxt, e.msgid, e.msgstr, e.tcomment) for e in gone] == [
        ("menu", "World", "Світ (меню)", "The site's menu, not the section."),
        (None, "%d day passed", "", "Checked by the editor."),
    ]
    assert (gone[1].msgid_plural, gone[1].msgstr_plural) == ("%d days passed", forms)
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr


def test_translate_and_build_count_lines_as_grep_and_keep_line_ends(shipped):
    """A CRLF article with a form feed and a U+2028 in it, as editors save them."""
    build_all(["sq"], locales=Path("locales"), out=Path("lf"))
    lf = Path("lf/sq/kursk.txt").read_text(encoding="utf-8").split("\n")
    pot_before = [(e.msgid, e.occurrences) for e in read_po("locales/kursk.pot")]
    po_before = Path("locales/sq/kursk.po").read_bytes()
    tr = {e.msgid: e.msgstr for e in read_po("locales/sq/kursk.po")}
    Path("lf.en.txt").write_text(SOURCE.read_text().split("\n")[9])  # two sentences

    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    lines[5] = "\f" + lines[5]  # "The link was copied"
    lines[9] = lines[9].replace(". According", ".\u2028According")  # two sentences
    SOURCE.write_bytes("\r\n".join(lines).encode())
    run(["sq"], engine_factory=no_engine)

    # The same sentences at the same lines: nothing new, the PO file untouched.
    assert [(e.msgid, e.occurrences) for e in read_po("locales/kursk.pot")] == pot_before
    assert Path("locales/sq/kursk.po").read_bytes() == po_before

    result = build_all(["sq"], locales=Path("locales"), out=Path("crlf"))[0]
    assert result.left_in_english == 0
    lf[5] = "\f" + lf[5]
    first, second = (tr[s.text] for s in segment_text(read_source(Path("lf.en.txt"))))
    assert lf[9] == f"{first} {second}"
    lf[9] = f"{first}\u2028{second}"
    assert result.output.read_bytes() == "\r\n".join(lf).encode()


def test_dated_articles_are_two_documents(project, with_models):
    """Cut at the first dot, both names were '2025-03-01': the second article's
    run turned the first one's entries obsolete."""
    text = SOURCE.read_text(encoding="utf-8").splitlines()
    first = Path("source/2025-03-01.eu-summit.en.txt")
    second = Path("source/2025-03-01.kyiv-power.en.txt")
    first.write_text("\n".join(text[:3]) + "\n", encoding="utf-8")
    second.write_text("\n".join(text[3:6]) + "\n", encoding="utf-8")
    docs = translate_documents([first, second], ["uk"], locales=Path("locales"))
    assert [d.doc for d in docs] == ["2025-03-01.eu-summit", "2025-03-01.kyiv-power"]
    for doc in docs:
        po = read_po(Path("locales/uk") / f"{doc.doc}.po")
        assert live(po) and not [e for e in po if e.obsolete]


def test_a_document_name_clash_stops_before_writing(project, with_models):
    Path("other").mkdir()
    Path("other/kursk.en.txt").write_text("Another article.\n", encoding="utf-8")
    with pytest.raises(L10nError, match="would share the document name 'kursk'"):
        translate_documents([SOURCE, Path("other/kursk.en.txt")], ["uk"], locales=Path("locales"))
    assert not Path("locales").exists()


def test_references_are_relative_to_the_project_root(project, with_models, monkeypatch):
    """Run from a subfolder with the root given: the references still name
    source/kursk.en.txt, so build finds the article from anywhere."""
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    translate_documents([project / SOURCE], ["uk"], locales=project / "locales", root=project)
    pot = read_po(project / "locales" / "kursk.pot")
    assert {ref for e in pot for ref, _ in e.occurrences} == {"source/kursk.en.txt"}


def test_a_source_outside_the_project_is_refused(project, with_models, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "kursk.en.txt"
    outside.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(L10nError, match="is outside the project"):
        translate_documents([outside], ["uk"], locales=Path("locales"))
    assert not Path("locales").exists()


def test_entries_left_empty_by_msgmerge_are_pretranslated(project, with_models):
    """Poedit's "Update from POT" (msgmerge) leaves new messages empty; the
    next run pre-translates them instead of counting them as kept."""
    run(["uk"])
    po = read_po("locales/uk/kursk.po")
    emptied = [e for e in live(po) if e.msgid][:3]
    for entry in emptied:
        entry.msgstr = ""
        entry.flags = []
        entry.comment = ""
    Path("locales/uk/kursk.po").write_text(format_po(po), encoding="utf-8")
    (doc,) = run(["uk"])
    (result,) = doc.languages
    assert result.machine == 3
    again = {e.msgid: e for e in read_po("locales/uk/kursk.po")}
    for entry in emptied:
        assert again[entry.msgid].msgstr and "fuzzy" in again[entry.msgid].flags
        assert catalog.MT_NOTE_PREFIX in again[entry.msgid].comment


def test_the_machine_translation_note_goes_once_a_reviewer_clears_fuzzy(project, with_models):
    run(["uk"])
    po = read_po("locales/uk/kursk.po")
    reviewed = next(e for e in live(po) if e.msgid)
    assert catalog.MT_NOTE_PREFIX in reviewed.comment
    reviewed.flags.remove("fuzzy")
    still_draft = next(e for e in live(po) if e.msgid and e is not reviewed)
    Path("locales/uk/kursk.po").write_text(format_po(po), encoding="utf-8")
    run(["uk"])
    again = {e.msgid: e for e in read_po("locales/uk/kursk.po")}
    assert catalog.MT_NOTE_PREFIX not in again[reviewed.msgid].comment
    assert again[reviewed.msgid].msgstr == reviewed.msgstr
    assert catalog.MT_NOTE_PREFIX in again[still_draft.msgid].comment  # still fuzzy
