"""Terms written as TOML (l10n.glossary.tomlwrite): names.toml's layout, and
what is written reads back as the same terms."""

from __future__ import annotations

import tomllib

from glossary.samples import write
from l10n.glossary import Glossary, LangForms, Term, load_glossary
from l10n.glossary.tomlwrite import format_term, format_terms, toml_string


def test_a_term_is_written_as_names_toml_writes_it():
    term = Term(
        "St. Petersburg",
        ("Saint Petersburg",),
        {
            "sq": LangForms(
                "Shën Petersburg", ("Sankt Petersburg",), ("St. Petersburg",), "m-cons"
            ),
            "uk": LangForms("Санкт-Петербург", ("Петербург",)),
        },
        note="City in Russia.",
    )
    assert format_term(term) == (
        '["St. Petersburg"]\n'
        'variants = ["Saint Petersburg"]\n'
        'note = "City in Russia."\n'
        'sq = "Shën Petersburg"\n'
        'uk = "Санкт-Петербург"\n'
        'accepted.sq = ["Sankt Petersburg"]\n'
        'accepted.uk = ["Петербург"]\n'
        'forbidden.sq = ["St. Petersburg"]\n'
        'inflect.sq = "m-cons"\n'
    )
    dnt = Term("GIZ", (), {"de": LangForms("GIZ", (), ("ГИЦ",))}, dnt=True)
    assert format_term(dnt) == '[GIZ]\ndnt = true\nforbidden.de = ["ГИЦ"]\n'


def test_strings_are_escaped():
    for text in ['say "hi"', "back\\slash", "tab\there", "line\nbreak", "del\x7f", "«ü»"]:
        assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


def test_the_shipped_glossary_reads_back_from_what_is_written(gloss, tmp_path):
    path = write(tmp_path, "names.toml", format_terms(gloss.terms, "# written\n"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# written\n\n[Putin]\n")
    assert max(len(line) for line in text.splitlines()) <= 90  # long notes are wrapped
    again = load_glossary(path)
    assert again.languages == gloss.languages
    for a, b in zip(again.terms, gloss.terms, strict=True):
        assert (a.en, a.en_variants, a.forms, a.dnt, a.note) == (
            b.en,
            b.en_variants,
            b.forms,
            b.dnt,
            b.note,
        )


def test_odd_names_and_notes_read_back(tmp_path):
    terms = [
        Term('The "Times"', (), {"de": LangForms("Die „Times“")}, note='a "quoted" \\ note'),
        Term("Kyiv", (), {"de": LangForms("Kyjiw")}, note="line one\nline two\twith a tab"),
        Term("x" * 10, (), {"de": LangForms("y")}, note=" ".join(["word"] * 40) + ' "end"'),
    ]
    path = write(tmp_path, "odd.toml", format_terms(terms))
    assert [(t.en, t.note, t.forms) for t in load_glossary(path).terms] == [
        (t.en, t.note, t.forms) for t in Glossary(terms).terms
    ]
