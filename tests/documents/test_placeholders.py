"""Placeholders: parsing, comparing, and putting tags back into machine output."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from l10n.documents.placeholders import (
    compare,
    restore_placeholders,
    signature,
    strip_placeholders,
    tags,
)


def test_tags_are_read_in_order_and_kinds():
    found = [(t.kind, t.number) for t in tags("a <1>b <2/></1> c")]
    assert found == [("open", 1), ("empty", 2), ("close", 1)]


def test_strip_leaves_the_text():
    assert strip_placeholders("Troops entered <1>Sudzha</1>.<2/>") == "Troops entered Sudzha."


def test_restore_puts_tags_at_the_same_relative_place_on_word_boundaries():
    msgid = "Troops entered <1>Sudzha</1> on Tuesday."
    out = restore_placeholders(msgid, "Die Truppen betraten Sudscha am Dienstag.")
    assert out == "Die Truppen betraten <1>Sudscha</1> am Dienstag."
    # By position only: a shorter start moves the tag a word off (a reviewer's job).
    out = restore_placeholders(msgid, "Війська ввійшли в Суджу у вівторок.")
    assert out == "Війська ввійшли <1>в Суджу</1> у вівторок."


def test_an_element_with_words_keeps_at_least_one():
    out = restore_placeholders("<1>A</1> very long sentence here.", "Дуже довге речення тут.")
    assert out.startswith("<1>Дуже</1>")


def test_restore_on_an_empty_translation_keeps_every_tag():
    out = restore_placeholders("a <1>b</1> <2/>", "")
    assert out == "<1></1><2/>"


# Msgids with properly nested tags, as documents produce them.
@st.composite
def msgids(draw) -> str:
    words = st.text(alphabet="abcdefg ,.", min_size=0, max_size=12)
    counter = [0]

    def element(depth: int) -> str:
        parts = [draw(words)]
        for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
            counter[0] += 1
            n = counter[0]
            if draw(st.booleans()):
                parts.append(f"<{n}/>")
            else:
                parts.append(f"<{n}>{element(depth + 1)}</{n}>")
            parts.append(draw(words))
        return "".join(parts)

    return element(0)


@given(msgids(), st.text(alphabet="абвгд ,.!", max_size=40))
def test_restored_output_has_every_tag_once_nested_and_the_text_unchanged(msgid, plain):
    out = restore_placeholders(msgid, plain)
    assert compare(msgid, out) == []
    assert strip_placeholders(out) == plain
    assert [t.kind for t in tags(out)] == [t.kind for t in tags(msgid)]


@given(msgids())
def test_a_msgid_matches_itself(msgid):
    assert compare(msgid, msgid) == []
    assert signature(msgid)[0] == []


def test_compare_names_missing_extra_and_crossed_tags():
    assert compare("<1>a</1> <2/>", "a") == ["missing </1> <1> <2/>"]
    assert compare("<1>a</1>", "<1>a</1><3/>") == ["not in the source: <3/>"]
    assert "</1> closes <1> inside <2>" in compare("<1>a <2>b</2></1>", "<1>a <2>b</1></2>")
