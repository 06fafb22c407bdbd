"""What ``translate`` asks the memory: exact and fuzzy matches, one by one or prefetched."""

from __future__ import annotations

import pytest

from l10n.memory import TranslationMemory
from memory.samples import LONG, LONG_UK, sample_locales

SIMILAR = LONG.replace("Monday", "Sunday")


@pytest.fixture
def memory(tmp_path):
    with TranslationMemory.open(None, sample_locales(tmp_path)) as tm:
        yield tm


def test_a_fuzzy_match_names_its_source_origin_and_score(memory):
    match = memory.language("uk").fuzzy(SIMILAR)
    assert (match.target, match.source) == (LONG_UK, LONG)
    assert match.origin.endswith("locales/uk/a.po")
    assert 90 < match.score < 100
    assert memory.language("uk").fuzzy(SIMILAR, cutoff=99) is None
    assert memory.language("sq").fuzzy(SIMILAR) is None


def answers(memory, msgid):
    """What the pipeline asks: the exact match, else the fuzzy one (and at 95%)."""
    exact = memory.lookup(msgid)
    return exact if exact is not None else (memory.fuzzy(msgid), memory.fuzzy(msgid, 95))


def test_prefetched_answers_are_those_of_single_lookups(memory, monkeypatch):
    asked = ["World", SIMILAR, "Nothing like any sentence here at all", SIMILAR]
    expected = [answers(memory.language("uk"), m) for m in asked]
    assert expected[0][0] == "Світ" and expected[1][0].source == LONG
    uk = memory.language("uk")
    uk.prefetch(asked)
    # Prefetched sentences are answered without the database or the index.
    with monkeypatch.context() as patch:
        patch.setattr(memory, "conn", None)
        patch.setattr(uk, "_fuzzy_index", None)
        assert [answers(uk, m) for m in asked] == expected
