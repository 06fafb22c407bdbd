"""Segmentation: an article's text -> sentences that know where they came from.

Each line of the article is a paragraph (or a title).  A line ends at a line
feed only, as grep and editors count lines, so ``#:`` references name the line
a translator finds, and CRLF line ends stay in the text as they were.  The
other characters ``str.splitlines`` ends a line at (CR, VT, FF, U+2028...) end
a sentence but not a line.  Sentences are found by
pysbd, a maintained rule-based segmenter that knows abbreviations ('U.S.',
'St. Petersburg', 'Gen.', 'a.m.'), decimals, initials, ellipses and
quotations; :data:`NO_SPLIT_AFTER` adds the cases where it still splits
wrongly.  A :class:`Segment` keeps its line and character span, so the
article can be rebuilt with its original spacing and paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from l10n.errors import InputFileError, L10nError
from l10n.textfile import read_text


@dataclass(frozen=True)
class Segment:
    text: str
    line: int  # 1-based line of the source file
    start: int  # character offsets of ``text`` within that line
    end: int


# Titles and abbreviations that pysbd 0.3.4 still ends a sentence after when
# a capitalised word or a number follows ('Pres. Zelensky', 'Approx. 40');
# in news text they are followed by a name or a number.
NO_SPLIT_AFTER = re.compile(
    r"\b(?:Pres|Gov|Sen|Rep|Rev|Hon|Supt|Bn|Rgt|Bde|Div|Cpl|Pvt|Sgt|[Aa]pprox|[Ee]st)\.$"
)


# A time of day goes on with a capital in news text: '9 a.m. Moscow time',
# '5 p.m. GMT', '8 a.m. Monday'; any other capital starts a sentence
# ('at 5 p.m. Then we go').
_TIME_OF_DAY = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_GOES_ON_AFTER_TIME = re.compile(
    r"(?:[A-Z]{2,4}\b|[A-Z][a-z]+ time\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Eastern|Central|Pacific|Mountain|Kyiv|Moscow|Kiev)\b)"
)
# Units of measure pysbd ends a sentence after when a lowercase word follows
# ('5 lb. of flour'): a sentence never starts in lowercase after them.
_UNIT_BEFORE_LOWERCASE = re.compile(
    r"\b(?:lbs?|oz|kg|mg|km|cm|mm|mi|ft|in|yd|yds|gal|qt|pt|tsp|tbsp|sq|cu|hr|hrs|min|sec|mph)\.$"
)
# A list item's marker alone: 'a.', 'iv)', '12.' at the start of the line.
_LIST_MARKER = re.compile(r"(?:[A-Za-z]|\d{1,3}|[ivxlIVXL]{1,5})[.)]")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]}'’”]")


def _joined(paragraph: str, previous: tuple[int, int], start: int) -> bool:
    """Whether pysbd's break between ``previous`` and the sentence at ``start``
    is wrong: it is inside a URL, after a title, a time of day or a unit, or
    after a list item's marker."""
    before = paragraph[previous[0] : previous[1]]
    if NO_SPLIT_AFTER.search(before):
        return True
    if _TIME_OF_DAY.search(before) and _GOES_ON_AFTER_TIME.match(paragraph, start):
        return True
    if _UNIT_BEFORE_LOWERCASE.search(before) and paragraph[start].islower():
        return True
    if not paragraph[: previous[0]].strip() and _LIST_MARKER.fullmatch(before):
        return True
    return any(m.start() < previous[1] and start < m.end() for m in _URL.finditer(paragraph))


@lru_cache(maxsize=1)
def _segmenter():  # pysbd.Segmenter, imported lazily: the CLI starts without it
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph, whitespace trimmed."""
    if not paragraph.strip():
        return []
    spans: list[tuple[int, int]] = []
    for piece in _segmenter().segment(paragraph):
        start, end = piece.start, piece.end
        # pysbd's spans include trailing whitespace; trim both ends.
        while start < end and paragraph[start].isspace():
            start += 1
        while end > start and paragraph[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if spans and _joined(paragraph, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


# A run of text between the breaks that end a sentence but not a line.
_UNBROKEN = re.compile("[^\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


Splitter = Callable[[str], list[tuple[int, int]]]


def segment_text(text: str, split: Splitter | None = None) -> list[Segment]:
    """All sentences of an article, in order, one list entry per occurrence.

    ``split`` stands in for :func:`split_sentences` (a cache of its answers).
    """
    split = split or split_sentences
    segments: list[Segment] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for piece in _UNBROKEN.finditer(line):
            offset = piece.start()
            for start, end in split(piece.group()):
                start, end = start + offset, end + offset
                segments.append(Segment(line[start:end], number, start, end))
    return segments


ARTICLE_HINT = "l10n reads plain-text UTF-8 articles, one paragraph or title per line"


def read_source(path: Path | str) -> str:
    """The article's text; a binary, non-UTF-8 or empty file is an input error."""
    text = read_text(path, kind="plain-text article", hint=ARTICLE_HINT)
    if not text.strip():
        raise InputFileError(
            str(path), "is empty: there is nothing to translate", hint=ARTICLE_HINT
        )
    return text


# Lines shorter than this say too little for a language guess ('World',
# '1 months ago'); langdetect is only asked about the article's long lines.
MIN_DETECT_CHARS = 40
# Below this many letters in all long lines together, no verdict is given.
MIN_DETECT_TOTAL = 80


class _Probabilities(dict):
    """langdetect's n-gram -> [probability in each language] table, filled in
    for the n-grams a text has, as the detector looks them up.

    langdetect builds the whole table when it loads its 55 profiles: a list
    of 55 floats for each of 87,600 n-grams, 0.25-0.6 s of every
    ``l10n translate``.  A detector reads only the entries of its text's
    n-grams (a few hundred of them; it asks whether a few thousand exist),
    so each is computed when first read, exactly as
    ``DetectorFactory.add_profile`` computes it: the verdicts are
    langdetect's, and what is left of the cost is parsing the profiles.
    """

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]]) -> None:
        super().__init__()
        self.profiles = profiles
        self.seen: dict[str, bool] = {}  # n-gram -> whether some language has it

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self.seen.get(word)
        if known is None:
            known = self.seen[word] = any(word in freq for freq, _ in self.profiles)
        return known

    def __missing__(self, word: str) -> list[float]:
        if word not in self:
            raise KeyError(word)
        length = len(word)
        probabilities = [0.0] * len(self.profiles)
        if 1 <= length <= 3:
            for index, (freq, n_words) in enumerate(self.profiles):
                count = freq.get(word)
                if count is not None:
                    probabilities[index] = 1.0 * count / n_words[length - 1]
        self[word] = probabilities
        return probabilities


@lru_cache(maxsize=1)
def _detector_factory():  # langdetect's DetectorFactory, every profile, lazily tabled
    import json
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = []
    # The profiles in the order langdetect's own load_profile reads them.
    for name in os.listdir(PROFILES_DIRECTORY):
        path = Path(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        factory.langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    factory.word_lang_prob_map = _Probabilities(profiles)
    factory.seed = 0  # each detector is seeded from its factory: deterministic
    return factory


def detect_language(text: str) -> tuple[str, float] | None:
    """The language of the article's prose and langdetect's confidence.

    None when the text is too short to judge.  Seeded, so deterministic.
    """
    sample = "\n".join(ln for ln in text.splitlines() if len(ln.strip()) >= MIN_DETECT_CHARS)
    if sum(c.isalpha() for c in sample) < MIN_DETECT_TOTAL:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(sample)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return None
    return (found[0].lang, found[0].prob) if found else None


def check_source_language(text: str, expected: str, path: str) -> None:
    """Stop when an article is clearly not in the language it is said to be in."""
    found = detect_language(text)
    if found is None:
        return
    lang, prob = found
    if lang.split("-")[0] != expected and prob >= 0.9:
        raise L10nError(
            f"{path}: the text looks like '{lang}' (confidence {prob:.2f}), not '{expected}'",
            hint=f"pass --from LANG to say which language it is in (--from {lang} to "
            f"translate from '{lang}', --from {expected} to skip this check)",
        )
