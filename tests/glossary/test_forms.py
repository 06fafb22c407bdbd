"""Compiled forms (l10n.glossary.forms): every word form of a term, indexed."""

from __future__ import annotations

from l10n.glossary import LangForms, Term
from l10n.glossary.forms import compile_term

KURSK = Term(
    "Kursk",
    forms={
        "uk": LangForms("Курськ", ("курський",), ("Курск",)),
        "sq": LangForms("Kursk"),
    },
)


def test_a_term_compiles_to_its_inflected_forms():
    uk = compile_term(KURSK, "uk")
    assert [p.text for p in uk.accepted] == ["Курськ", "курський"]
    assert {"курська", "курську", "курської"} <= uk.accepted_index.first
    assert uk.accepted[0].chunks[0].method == "dictionary"
    # Forbidden variants are declined too, the Russian way (Курске, Курском).
    assert {"курск", "курске", "курском"} <= uk.forbidden_index.first
    sq = compile_term(KURSK, "sq")
    assert sq.accepted[0].sets == (frozenset({"kursk", "kursku", "kurskut", "kurskun"}),)
    assert sq.forbidden == () and not sq.forbidden_index.first


def test_one_word_phrases_match_by_themselves():
    uk = compile_term(KURSK, "uk")
    assert "курську" in uk.accepted_index.single
    two = compile_term(Term("North Korea", forms={"uk": LangForms("Північна Корея")}), "uk")
    assert "північної" in two.accepted_index.first
    assert not two.accepted_index.single  # the first word alone is not the name


def test_quick_path_stems_are_common_prefixes():
    uk = compile_term(KURSK, "uk")
    assert uk.accepted_stems is not None and uk.forbidden_stems is not None
    assert [stem for stem, _ in uk.accepted_stems] == ["курськ", "курськ"]
    assert uk.forbidden_stems == ("курск",)
