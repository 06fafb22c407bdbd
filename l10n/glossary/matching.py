"""Finding words: English source text against the English index, and
translations (split once into normalised words, :class:`Text`) against a
term's compiled forms.

The usual translated entry has its names right; :func:`quick_has` answers
"is this phrase there?" for it from the common prefix of a phrase's first
word, without splitting the text into words at all (see
``Glossary._quick_violations``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from l10n.glossary.forms import Index, Phrase
from l10n.morph.text import TOKEN_RE, normalize, normalize_text, tokenize

# --- translations ---------------------------------------------------------------


def _starts_word(norm: str, i: int) -> bool:
    """Whether a word (a TOKEN_RE match) can start at ``norm[i]``."""
    if i == 0:
        return True
    before = norm[i - 1]
    return not (before.isalnum() or (before == "'" and i >= 2 and norm[i - 2].isalnum()))


def quick_has(norm: str, stems: tuple[tuple[str, tuple[frozenset[str], ...]], ...]) -> bool:
    """Whether an accepted phrase occurs in the normalised text: the same
    answer as ``Text.has``, found from its first word's common prefix
    rather than by splitting the whole text into words."""
    match, search = TOKEN_RE.match, TOKEN_RE.search
    for stem, sets in stems:
        i = norm.find(stem)
        while i >= 0:
            if _starts_word(norm, i):
                m = match(norm, i)
                if m is not None and m.group() in sets[0]:
                    # The following words, as Text would split them.
                    for words in sets[1:]:
                        m = search(norm, m.end())
                        if m is None or m.group() not in words:
                            break
                    else:
                        return True
            i = norm.find(stem, i + 1)
    return False


class Text:
    """A translation split into normalised words once, for every term looked up.

    The whole text is normalised in one go and split with one regex call;
    character spans are only worked out when a violation is reported.
    """

    __slots__ = ("_norm", "_spans", "lang", "text", "words", "wordset")

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        norm = normalize_text(text, lang)
        if len(norm) == len(text):
            # Normalising mapped character to character: spans carry over.
            self.words: list[str] = TOKEN_RE.findall(norm)
            self._spans: list[tuple[int, int]] | None = None
        else:
            tokens = tokenize(text)
            self.words = [normalize(t, lang) for _, _, t in tokens]
            self._spans = [(a, b) for a, b, _ in tokens]
        self._norm = norm
        self.wordset = set(self.words)

    def raw(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in TOKEN_RE.finditer(self._norm)]
        return self._spans

    def has(self, index: Index) -> bool:
        """Whether any phrase of ``index`` occurs (set operations only, mostly)."""
        common = self.wordset.intersection(index.first)
        if not common:
            return False
        if not common.isdisjoint(index.single):
            return True
        return bool(self.find(index))

    def find(self, index: Index) -> list[tuple[int, int, Phrase]]:
        """Matches as (first token, end token, phrase), longest first at each position."""
        common = self.wordset.intersection(index.first)
        if not common:
            return []
        words = self.words
        n = len(words)
        out = []
        for word in common:
            phrases = index.phrases[word]
            for i in positions(words, (word,)):
                for phrase in phrases:
                    sets = phrase.sets
                    k = len(sets)
                    if k == 1 or (i + k <= n and all(words[i + j] in sets[j] for j in range(1, k))):
                        out.append((i, i + k, phrase))
                        break
        if len(out) > 1:
            # Leftmost-longest, no overlaps: Петербурге inside Санкт-Петербурге
            # is not a second match.
            out.sort(key=lambda m: (m[0], m[0] - m[1]))
            kept = [out[0]]
            for m in out[1:]:
                if m[0] >= kept[-1][1]:
                    kept.append(m)
            out = kept
        return out

    def span(self, i: int, j: int) -> tuple[int, int]:
        spans = self.spans
        return spans[i][0], spans[j - 1][1]


# --- English -------------------------------------------------------------------

# English possessives: Putin's, Putin’s, PUTIN'S (s' plurals end the word anyway).
# (The pattern starts with the apostrophe so that re scans for it quickly.)
_POSSESSIVE_RE = re.compile(r"['’](?<=[^\W_]['’])[sS]\b")
# ASCII fast path: every ASCII character that is not a letter, digit or
# apostrophe separates words (same words as TOKEN_RE, 3x faster).
_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) != "'"}
)


# Non-ASCII punctuation common in English text, turned into ASCII so that such
# text too takes the fast path.
_EN_PUNCTUATION = (
    ("’", "'"), ("‘", "'"), ("“", " "), ("”", " "), ("—", " "), ("–", " "),
    ("…", " "), ("\xa0", " "), ("«", " "), ("»", " "), ("„", " "), ("•", " "),
)  # fmt: skip


def en_words(text: str) -> list[str]:
    """Normalised English words: lowercase, possessive 's dropped."""
    if "'" in text or "’" in text:
        text = _POSSESSIVE_RE.sub("", text)
    text = text.lower()
    if not text.isascii():
        for char, replacement in _EN_PUNCTUATION:
            if char in text:
                text = text.replace(char, replacement)
    if text.isascii():
        words = text.translate(_ASCII_SEPARATORS).split()
        if "'" in text:
            words = [w for w in (w.strip("'") for w in words) if w]
        return words
    return TOKEN_RE.findall(normalize_text(text, "en"))


def en_raw_words(text: str) -> list[str]:
    """The same words as written (for acronyms, which match in capitals only)."""
    return TOKEN_RE.findall(_POSSESSIVE_RE.sub("", text))


def positions(words: list[str], wanted: Iterable[str]) -> Iterator[int]:
    """Where the ``wanted`` words are in ``words`` (list.count and list.index
    run at C speed; counting first spares raising ValueError for each word)."""
    for word in wanted:
        i = -1
        for _ in range(words.count(word)):
            i = words.index(word, i + 1)
            yield i
