"""Fuzzy matches: the similarity CAT tools show, found among many sentences."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from l10n.memory import fuzzy
from l10n.memory.fuzzy import FuzzyIndex, length_window

SUDZHA = "Ukrainian forces attacked the village southeast of Sudzha on Monday morning."
SENTENCES = [
    "The army withdrew from the Kursk region on Tuesday.",
    SUDZHA,
    "Ukrainian forces attacked a town north of Kharkiv on Friday evening.",
]


def indexed(sentences):
    """An index that uses its word index for every lookup (no whole scans)."""
    return FuzzyIndex(sentences, scan_window=0, scans=0)


def full_scan(query, sentences, cutoff):
    """The best score at ``cutoff`` or more of every sentence, or None."""
    best = max((fuzz.ratio(query, s) for s in sentences), default=0)
    return best if best >= cutoff else None


def random_memory(seed=3, count=3000, vocabulary=300):
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    return rng, words, [" ".join(rng.choices(words, k=rng.randint(6, 16))) for _ in range(count)]


@pytest.mark.parametrize("make", [FuzzyIndex, indexed], ids=["scan", "index"])
def test_the_most_similar_sentence_is_found_with_its_percentage(make):
    query = SUDZHA.replace("Monday", "Sunday")
    near = make(SENTENCES).best(query, 75)
    assert near.index == 1
    assert near.score == fuzz.ratio(query, SENTENCES[1])
    assert 90 < near.score < 100


@pytest.mark.parametrize("make", [FuzzyIndex, indexed], ids=["scan", "index"])
def test_nothing_below_the_cutoff(make):
    index = make(["Completely different words here, nothing shared at all."])
    assert index.best("Ukrainian forces attacked the village.", 50) is None
    assert make([]).best("Anything", 50) is None
    query = SUDZHA.replace("Monday morning", "Sunday night")  # 93.3%
    assert make(SENTENCES).best(query, 93).score == fuzz.ratio(query, SUDZHA)
    assert make(SENTENCES).best(query, 94) is None


def test_the_length_window_keeps_every_length_that_can_reach_the_cutoff():
    for a in (10, 57, 150):
        low, high = length_window(a, 75)
        for b in range(1, 400):
            reachable = 200 * min(a, b) / (a + b) >= 75
            assert reachable == (low <= b <= high), (a, b)


@pytest.mark.parametrize("make", [FuzzyIndex, indexed], ids=["scan", "index"])
def test_a_sentence_at_the_edge_of_the_length_window_is_found(make):
    # 4 and 12 characters: at most 2*4/16 = 50%, reached when one holds the other.
    index = make(["aaaaaaaaaaaa", "bbbb bbbb bbbb bbbb"])
    assert index.best("aaaa", 50).score == 50
    assert index.best("aaaa", 51) is None


@pytest.mark.parametrize("make", [FuzzyIndex, indexed], ids=["scan", "index"])
def test_degenerate_queries(make):
    long = " ".join([SUDZHA] * 60)  # about 4,600 characters
    sentences = ["...", "Kursk.", "Kursk region", "«Kursk»", SUDZHA, "Україна!", "A\x00B c d", long]
    index = make(sentences)
    assert index.best("", 0) is None
    assert index.best("...", 75).index == 0  # punctuation only: no words, still matched
    assert index.best("?!", 75) is None
    assert index.best("Kursk", 75).index == 1  # one word
    assert index.best("УКРАЇНА!", 10).index == 5  # case folded for the index, not the score
    assert index.best("A\x00B c d", 75).score == 100
    assert index.best(long.replace("Monday", "Sunday", 1), 75).index == 7


def test_word_pairs_find_the_sentence_among_many_sharing_its_words():
    rng, words, sentences = random_memory()
    index = indexed(sentences)
    for _ in range(50):
        base = rng.choice(sentences).split()
        base[rng.randrange(len(base))] = rng.choice(words)  # one word changed
        query = " ".join(base)
        near = index.best(query, 75)
        best = full_scan(query, sentences, 75)
        if best is not None:
            assert near is not None and near.score == best


def test_a_batch_gives_what_each_lookup_gives():
    rng, words, sentences = random_memory(seed=5, count=1500)
    queries = [
        " ".join(rng.choice(words) if rng.random() < share else w for w in s.split())
        for share in (0.1, 0.4, 0.9)
        for s in rng.sample(sentences, 20)
    ]
    queries += [*queries[:5], "", "?", "w1"]
    index = indexed(sentences)
    assert index.best_many(queries, 60) == [index.best(q, 60) for q in queries]


def test_a_few_lookups_scan_instead_of_building_the_index(monkeypatch):
    _, _, sentences = random_memory(count=200)
    built = []
    real = fuzzy._Keys.build
    monkeypatch.setattr(fuzzy._Keys, "build", lambda s: built.append(1) or real(s))
    index = FuzzyIndex(sentences, scan_window=0, scans=3)
    for query in sentences[:3]:
        assert index.best(query, 50).score == 100
    assert built == []
    index.best_many(sentences[3:5], 50)  # two more than the three scans
    assert built == [1]
    assert FuzzyIndex(sentences).best_many(sentences, 50)[0].score == 100
    assert built == [1]  # every window of 200 sentences is scanned whole


sentence = st.lists(
    st.sampled_from(["the", "army", "Kursk", "region", "village", "of", "on", "Monday", ",", "."]),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, min_size=1, max_size=40), sentence, st.sampled_from([0, 50, 75, 90]))
def test_any_match_is_a_real_score_at_or_above_the_cutoff(sentences, query, cutoff):
    best = full_scan(query, sentences, cutoff)
    scanned = FuzzyIndex(sentences).best(query, cutoff)  # a small memory is scanned whole
    assert (None if scanned is None else scanned.score) == best
    near = indexed(sentences).best(query, cutoff)
    if near is not None:
        assert near.score == fuzz.ratio(query, sentences[near.index]) >= cutoff
        assert near.score <= best
    if query in sentences:
        assert near.score == 100
