"""Fuzzy matches: the similarity CAT tools show, found among many sentences."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from l10n.memory.fuzzy import FuzzyIndex, length_window


def test_the_most_similar_sentence_is_found_with_its_percentage():
    sentences = [
        "The army withdrew from the Kursk region on Tuesday.",
        "Ukrainian forces attacked the village southeast of Sudzha on Monday morning.",
        "Ukrainian forces attacked a town north of Kharkiv on Friday evening.",
    ]
    query = "Ukrainian forces attacked the village southeast of Sudzha on Sunday morning."
    near = FuzzyIndex(sentences).best(query, 75)
    assert near.index == 1
    assert near.score == fuzz.ratio(query, sentences[1])
    assert 90 < near.score < 100


def test_nothing_below_the_cutoff():
    index = FuzzyIndex(["Completely different words here, nothing shared at all."])
    assert index.best("Ukrainian forces attacked the village.", 50) is None
    assert FuzzyIndex([]).best("Anything", 50) is None


def test_the_length_window_keeps_every_length_that_can_reach_the_cutoff():
    for a in (10, 57, 150):
        low, high = length_window(a, 75)
        for b in range(1, 400):
            reachable = 200 * min(a, b) / (a + b) >= 75
            assert reachable == (low <= b <= high), (a, b)


def test_candidate_selection_finds_what_a_full_scan_finds():
    rng = random.Random(3)
    words = [f"w{i}" for i in range(300)]
    sentences = [" ".join(rng.choices(words, k=rng.randint(6, 16))) for _ in range(3000)]
    index = FuzzyIndex(sentences)
    for _ in range(50):
        base = rng.choice(sentences).split()
        base[rng.randrange(len(base))] = rng.choice(words)  # one word changed
        query = " ".join(base)
        near = index.best(query, 75)
        best = max(fuzz.ratio(query, s) for s in sentences)
        if best >= 75:
            assert near is not None and near.score == best
