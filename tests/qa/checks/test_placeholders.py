"""The ``placeholders`` check: the tags of a document sentence in its translation."""

from __future__ import annotations

from qa.checks.samples import find

MSGID = "Troops entered <1>Sudzha</1> on <2>Tuesday</2>.<3/>"


def problems(msgstr: str) -> list[str]:
    return [p.message for name, p in find("uk", MSGID, msgstr) if name == "placeholders"]


def test_tags_moved_but_all_present_and_nested_pass():
    assert problems("У <2>вівторок</2> війська увійшли в <1>Суджу</1>.<3/>") == []


def test_a_missing_tag_is_named():
    assert problems("Війська увійшли в <1>Суджу</1> у вівторок.<3/>") == [
        "markup tags: missing </2> <2>"
    ]


def test_a_tag_twice_or_one_the_source_lacks_is_an_error():
    found = problems("<1>Війська</1> увійшли в <1>Суджу</1> <2>у</2> вівторок.<3/><4/>")
    assert found == ["markup tags: not in the source: </1> <1> <4/>"]


def test_crossed_tags_are_an_error_even_when_each_is_present():
    found = problems("Війська увійшли в <1>Суджу <2>у</1> вівторок</2>.<3/>")
    assert "markup tags: </1> closes <1> inside <2>" in found


def test_sentences_without_tags_are_not_looked_at():
    assert [n for n, _ in find("uk", "Plain text.", "Простий текст.")] == []
