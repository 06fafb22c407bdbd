"""Fuzzy matches: the most similar sentence in the memory, as a percentage.

The score is rapidfuzz's ``fuzz.ratio``: the normalized Indel similarity of
the two sentences, character by character, the measure CAT tools show as
"82% match".  Scoring every sentence of a large memory is far too slow
(about 0.17 s a lookup against 500,000 sentences), so candidates are chosen
first, as CAT tools do, by what they share: a sentence that is 75% like
another shares most of its words and of its word pairs, and in particular
some of its rarest ones.  The index holds, for every word and every pair of
adjacent words, the sentences containing it; a lookup counts, over the
query's rarest keys, how many each sentence shares, and scores only the
sentences sharing the most (and, among equals, those closest in length).
Word pairs are what makes this fast: a pair is far rarer than either word,
so a few hundred postings single out the few sentences built around it.

Two sentences of lengths a <= b score at most 200*a/(a+b), so a cutoff c
keeps only lengths within [a*c/(200-c), a*(200-c)/c].  The sentences are
numbered by length, so that window is one range of numbers; when it holds
few sentences (a short query, a small memory) they are all scored, which is
exact and cheaper than the index.  The index is built on first need: the
first few lookups of a run scan, since building costs about as much as a
couple of dozen scans.

Words are taken from UTF-8 bytes: the text lowercased, ASCII punctuation
and the common Unicode punctuation made spaces, split at whitespace; the
whole memory is tokenized as one string and the posting lists made by one
numpy sort, which keeps building in C (about 5 s for 500,000 sentences on a
slow machine; the previous word index took as long).  Words and pairs found
in more sentences than COMMON_SHARE (at least COMMON_MIN) single out
nothing and are left out; a query with no other key scores the sentences
nearest its length.
"""

from __future__ import annotations

import math
import re
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

RARE_KEYS = 12  # the query's rarest words and word pairs whose sentences are candidates
CANDIDATES = 128  # sentences scored per lookup, those sharing the most rare keys
POSTINGS_BUDGET = 20_000  # postings counted per lookup, at most
SCAN_WINDOW = 2_000  # a length window this small is scored whole, without the index
NEAREST = 2_000  # sentences nearest in length scored for a query without useful keys
SCANS_BEFORE_INDEX = 16  # whole scans a run may do before building the index pays
# A key in more sentences than this tells little about any of them (the,
# of the): it is left out of the index, which keeps building fast.
COMMON_SHARE = 0.002
COMMON_MIN = 1_000
BUCKETS = 1 << 22  # keys are counted in this many buckets

_SEPARATOR = b"\x00"
_LOW_HALF = 0 if sys.byteorder == "little" else 1
_SEPARATOR_HASH = np.uint64(zlib.crc32(_SEPARATOR))
# Bytes to bytes: ASCII punctuation and controls made spaces; the
# separator, letters, digits and non-ASCII bytes kept.
_ASCII = bytes(
    c if chr(c).isalnum() or c in (0, ord("_")) or c >= 128 else ord(" ") for c in range(256)
)
# General punctuation and spaces (U+2000-U+203F: dashes, curly quotes,
# ellipsis, thin spaces), and no-break space and guillemets.
_GENERAL_PUNCTUATION = re.compile(rb"\xe2\x80[\x80-\xbf]")
_LATIN1_PUNCTUATION = (b"\xc2\xa0", b"\xc2\xab", b"\xc2\xbb")


@dataclass(frozen=True)
class Near:
    score: float  # 0..100
    index: int  # into the sentences the index was built from


def length_window(length: int, cutoff: float) -> tuple[float, float]:
    if cutoff <= 0:
        return 0.0, float("inf")
    return length * cutoff / (200 - cutoff), length * (200 - cutoff) / cutoff


def keyed_text(texts: Sequence[str], separator: str = "") -> bytes:
    """``texts`` as the index sees them, joined by ``separator``: UTF-8,
    lowercase, punctuation made spaces."""
    text = separator.join(map(str.lower, texts))
    data = text.encode("utf-8", "surrogatepass").translate(_ASCII)
    if b"\xe2\x80" in data:
        data = _GENERAL_PUNCTUATION.sub(b" ", data)
    for mark in _LATIN1_PUNCTUATION:
        if mark in data:
            data = data.replace(mark, b" ")
    return data


class FuzzyIndex:
    """Sentences by length, and (built on first need) by the words in them."""

    def __init__(
        self,
        sentences: Sequence[str],
        *,
        scan_window: int = SCAN_WINDOW,
        scans: int = SCANS_BEFORE_INDEX,
    ) -> None:
        self.sentences = sentences
        self.scan_window = scan_window
        self._scans_left = scans
        lengths = np.fromiter(map(len, sentences), np.int64, len(sentences))
        self._order = np.argsort(lengths, kind="stable")  # rank -> index into sentences
        self._lengths = lengths[self._order]
        self._by_length = [sentences[i] for i in self._order.tolist()]
        self._keys: _Keys | None = None  # built on first need

    def best(self, query: str, cutoff: float) -> Near | None:
        """The most similar sentence scoring ``cutoff`` or more, if any."""
        return self.best_many([query], cutoff)[0]

    def best_many(self, queries: Sequence[str], cutoff: float) -> list[Near | None]:
        """``best`` of each query; the index is built only if enough of them need it."""
        windows = {q: self._window(q, cutoff) for q in queries}
        wide = sum(hi - lo > self.scan_window for lo, hi in windows.values())
        if self._keys is None and wide:
            if wide > self._scans_left:
                self.build()
            else:
                self._scans_left -= wide
        found = {q: self._best(q, lo, hi, cutoff) for q, (lo, hi) in windows.items()}
        return [found[q] for q in queries]

    def build(self) -> None:
        """Build the word index now, rather than on first need."""
        if self._keys is None:
            self._keys = _Keys.build(self._by_length)

    def _best(self, query: str, lo: int, hi: int, cutoff: float) -> Near | None:
        if hi <= lo or not query:
            return None
        if hi - lo <= self.scan_window or self._keys is None:
            return self._score(query, range(lo, hi), cutoff)
        middle = int(np.searchsorted(self._lengths, len(query)))
        found = self._keys.candidates(query, lo, hi, middle)
        if not len(found):  # only common words, or none the memory knows: nearest lengths
            start = max(lo, min(middle - NEAREST // 2, hi - NEAREST))
            return self._score(query, range(start, min(hi, start + NEAREST)), cutoff)
        return self._score(query, most_shared(found, self._lengths, len(query), CANDIDATES), cutoff)

    def _window(self, query: str, cutoff: float) -> tuple[int, int]:
        """The ranks of the sentences whose length allows ``cutoff``."""
        if cutoff > 100:
            return 0, 0
        low, high = length_window(len(query), cutoff)
        lo = int(np.searchsorted(self._lengths, math.ceil(low), "left"))
        if math.isinf(high):
            return lo, len(self._lengths)
        return lo, int(np.searchsorted(self._lengths, math.floor(high), "right"))

    def _score(self, query: str, ranks: Sequence[int], cutoff: float) -> Near | None:
        if isinstance(ranks, range):
            choices = self._by_length[ranks.start : ranks.stop]
        else:
            choices = [self._by_length[r] for r in ranks]
        found = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None:
            return None
        _, score, at = found
        return Near(score, int(self._order[ranks[at]]))


class _Keys:
    """Postings of words and word pairs: for each key, the ranks (by length)
    of the sentences containing it, ascending.

    A word's key is the CRC-32 of its bytes, a pair's a mix of its words'
    CRCs cut to the bits that leave room for a rank in one int64, so that one
    sort of the packed (key, rank) numbers builds every posting list.  Keys
    that collide only add candidates, which are all scored; and CRC-32, unlike
    Python's salted ``hash``, gives every run the same keys, so the same
    candidates and the same matches.
    """

    def __init__(self, sentences: int) -> None:
        self.rank_bits = max(1, sentences.bit_length())
        key_bits = 62 - self.rank_bits
        self.word_shift = np.uint64(max(0, 32 - key_bits))
        self.pair_shift = np.uint64(64 - key_bits)
        self.keys = np.zeros(0, np.uint64)  # distinct keys, ascending
        self.starts = np.zeros(1, np.int64)  # key i's ranks: ranks[starts[i]:starts[i + 1]]
        self.ranks = np.zeros(0, np.int32)

    @classmethod
    def build(cls, sentences: Sequence[str]) -> _Keys:
        data = keyed_text(sentences, " \x00 ")
        if data.count(_SEPARATOR) != max(0, len(sentences) - 1):  # a sentence holds one
            data = keyed_text([s.replace("\x00", " ") for s in sentences], " \x00 ")
        tokens = data.split()
        del data
        hashes = np.fromiter(map(zlib.crc32, tokens), np.uint64, len(tokens))
        del tokens
        index = cls(len(sentences))
        index._fill(hashes, len(sentences))
        return index

    def key_pairs(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The keys of the words, then of the adjacent word pairs, in
        ``hashes`` (tokens, separators among them), and which are real:
        neither a separator nor a pair across one."""
        n = len(hashes)
        keys = np.empty(max(0, 2 * n - 1), np.uint64)
        np.right_shift(hashes, self.word_shift, out=keys[:n])
        pairs = keys[n:]
        np.left_shift(hashes[:-1], np.uint64(32), out=pairs)
        pairs |= hashes[1:]
        with np.errstate(over="ignore"):
            pairs *= np.uint64(0x9E3779B97F4A7C15)
        pairs >>= self.pair_shift
        real = np.empty(len(keys), bool)
        np.not_equal(hashes, _SEPARATOR_HASH, out=real[:n])
        np.logical_and(real[: n - 1], real[1:n], out=real[n:])
        return keys, real

    def _fill(self, hashes: np.ndarray, sentences: int) -> None:
        """Postings from the token hashes of all sentences, in rank order."""
        n = len(hashes)
        keys, real = self.key_pairs(hashes)
        del hashes
        ends = np.flatnonzero(~real[:n])
        rank = np.repeat(
            np.arange(len(ends) + 1, dtype=np.uint32), np.diff(ends, prepend=-1, append=n - 1)
        )
        del ends
        # Keys counted by bucket: an upper bound of each key's count, cheap.
        buckets = (keys & np.uint64(BUCKETS - 1)).view(np.int64)
        common = np.bincount(buckets, minlength=BUCKETS) > max(
            COMMON_MIN, int(sentences * COMMON_SHARE)
        )
        real &= ~common[buckets]
        del buckets, common
        keys <<= np.uint64(self.rank_bits)
        keys[:n] |= rank
        keys[n:] |= rank[:-1]
        del rank
        packed = keys[real]
        del keys, real
        packed.sort()
        if not len(packed):
            return
        distinct = np.empty(len(packed), bool)
        distinct[0] = True
        np.not_equal(packed[1:], packed[:-1], out=distinct[1:])
        packed = packed[distinct]
        keys = packed >> np.uint64(self.rank_bits)
        # The low 32 bits of each packed number hold its rank: no 64-bit copy.
        low = packed.view(np.uint32)[_LOW_HALF::2]
        self.ranks = (low & np.uint32((1 << self.rank_bits) - 1)).view(np.int32)
        del packed
        first = np.empty(len(keys), bool)
        first[0] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        self.keys = keys[starts]
        self.starts = np.append(starts, len(keys))

    def query_keys(self, query: str) -> np.ndarray:
        """Positions in ``keys`` of the query's words and word pairs."""
        tokens = keyed_text([query]).split()
        if not tokens or not len(self.keys):
            return np.zeros(0, np.int64)
        hashes = np.fromiter(map(zlib.crc32, tokens), np.uint64, len(tokens))
        keys, real = self.key_pairs(hashes)
        wanted = np.unique(keys[real])
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return at[self.keys[at] == wanted]

    def candidates(self, query: str, lo: int, hi: int, middle: int) -> np.ndarray:
        """Ranks in [lo, hi) holding some of the query's rarest keys, with
        repeats: each rank once per key it holds.  ``middle``: the rank of the
        query's length, around which one common key's sentences are taken."""
        at = self.query_keys(query)
        starts, ends = self.starts[at], self.starts[at + 1]
        parts: list[np.ndarray] = []
        total = 0
        for i in np.argsort(ends - starts, kind="stable")[:RARE_KEYS].tolist():
            part = self.ranks[starts[i] : ends[i]]
            if len(part) > POSTINGS_BUDGET // 8:  # cut to the window before counting
                a, b = np.searchsorted(part, (lo, hi))
                part = part[a:b]
            if total and total + len(part) > POSTINGS_BUDGET:
                break
            parts.append(part)
            total += len(part)
        if not parts:
            return np.zeros(0, np.int32)
        found = np.concatenate(parts) if len(parts) > 1 else parts[0]
        found = found[(found >= lo) & (found < hi)]
        if len(found) > POSTINGS_BUDGET:  # one common key: the sentences nearest in length
            at_middle = int(np.searchsorted(found, middle))
            half = POSTINGS_BUDGET // 2
            found = found[max(0, at_middle - half) : at_middle + half]
        return found


def most_shared(found: np.ndarray, lengths: np.ndarray, length: int, count: int) -> list[int]:
    """The ``count`` ranks repeated most in ``found``, best first; among equals,
    those whose length is nearest ``length`` (the higher bound on the score)."""
    if not len(found):
        return []
    found = np.sort(found, kind="stable")  # sorted runs: merged, not sorted again
    first = np.empty(len(found), bool)
    first[0] = True
    np.not_equal(found[1:], found[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    ranks = found[starts]
    shared = np.diff(np.append(starts, len(found)))
    merit = shared.astype(np.int64) * (1 << 40) - np.abs(lengths[ranks] - length)
    if len(ranks) > count:
        top = np.argpartition(-merit, count)[:count]
        ranks, merit = ranks[top], merit[top]
    return ranks[np.argsort(-merit, kind="stable")].tolist()
