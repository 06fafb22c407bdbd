"""Fuzzy matches: the most similar sentence in the memory, as a percentage.

The score is rapidfuzz's ``fuzz.ratio``: the normalized Indel similarity of
the two sentences, character by character, the measure CAT tools show as
"82% match".  Scoring every sentence of a large memory is far too slow
(about 0.17 s a lookup against 500,000 sentences), so candidates are chosen
first, as CAT tools do, by the words they share: a sentence that is 75%
like another shares most of its words, and in particular some of its rarest
ones.  Only the sentences sharing the most of the query's rarest words, and
whose length allows the cutoff at all, are scored.

Two sentences of lengths a <= b score at most 200*a/(a+b), so a cutoff c
keeps only lengths within [a*c/(200-c), a*(200-c)/c].
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz, process

_WORD = re.compile(r"\w+")
RARE_WORDS = 8  # the query's rarest words whose sentences are candidates
CANDIDATES = 64  # sentences scored per lookup, those sharing the most rare words


@dataclass(frozen=True)
class Near:
    score: float  # 0..100
    index: int  # into the sentences the index was built from


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def length_window(length: int, cutoff: float) -> tuple[float, float]:
    if cutoff <= 0:
        return 0.0, float("inf")
    return length * cutoff / (200 - cutoff), length * (200 - cutoff) / cutoff


class FuzzyIndex:
    """Sentences by the words in them, for candidate selection."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = sentences
        self.lengths = [len(s) for s in sentences]
        postings: dict[str, list[int]] = {}
        for i, sentence in enumerate(sentences):
            for word in words(sentence):
                postings.setdefault(word, []).append(i)
        self.postings = postings

    def best(self, query: str, cutoff: float) -> Near | None:
        """The most similar sentence scoring ``cutoff`` or more, if any."""
        lists = sorted((self.postings[w] for w in words(query) if w in self.postings), key=len)[
            :RARE_WORDS
        ]
        if not lists:
            return None
        low, high = length_window(len(query), cutoff)
        lengths = self.lengths
        counts = Counter(i for i in chain.from_iterable(lists) if low <= lengths[i] <= high)
        chosen = [i for i, _ in counts.most_common(CANDIDATES)]
        found = process.extractOne(
            query,
            [self.sentences[i] for i in chosen],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
        )
        if found is None:
            return None
        _, score, at = found
        return Near(score, chosen[at])
