"""Synthetic inputs: a corpus of articles, a 1,000-term glossary, large PO files.

Everything is derived from the shipped article and translations with a seeded
random generator, so every run measures the same data.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT

ARTICLE = ROOT / "source" / "kursk.en.txt"
LOCALES = ROOT / "locales"
LANGS = ("sq", "uk", "ru")

_WORD = re.compile(r"\b[a-z]{4,}\b")
_NUMBER = re.compile(r"\b\d+\b")


# --- a corpus of articles --------------------------------------------------------


def corpus_articles(count: int, seed: int = 1) -> list[str]:
    """``count`` articles: the real one first, then variants of it.

    A variant keeps the article's lines (titles, paragraphs), so segmentation
    and the length distribution stay those of a real article, but its
    sentences are distinct: a quarter of the lowercase words (4+ letters) are
    swapped for other words of the article, numbers are redrawn, and the
    paragraphs after the six header lines are shuffled.  The text stays
    English, so the language check passes as it does for a real article.
    """
    text = ARTICLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    vocabulary = sorted(set(_WORD.findall(text)))
    articles = [text]
    rng = random.Random(seed)
    for _ in range(1, count):

        def swap(m: re.Match[str]) -> str:
            return rng.choice(vocabulary) if rng.random() < 0.25 else m.group(0)

        def number(m: re.Match[str]) -> str:
            return str(rng.randint(2, 999))

        head, body = lines[:6], lines[6:]
        paragraphs = [ln for ln in body if ln.strip()]
        rng.shuffle(paragraphs)
        new_head = [_NUMBER.sub(number, _WORD.sub(swap, ln)) for ln in head]
        new_body = [_NUMBER.sub(number, _WORD.sub(swap, ln)) for ln in paragraphs]
        articles.append("\n".join([*new_head, "", "\n\n".join(new_body)]) + "\n")
    return articles


def write_articles(folder: Path, articles: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(articles):
        path = folder / f"article{i:03d}.en.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def document_segments(text: str) -> list[str]:
    """The msgids ``l10n translate`` makes of an article: distinct segments, in order."""
    from l10n.segment import segment_text

    return list(dict.fromkeys(s.text for s in segment_text(text)))


# --- a 1,000-term glossary ---------------------------------------------------------

_ONSETS = ("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "zh", "kh")
_VOWELS = ("a", "e", "i", "o", "u")
_CODAS = ("", "", "", "n", "r", "l", "s", "v", "k")
# Latin -> Cyrillic for the generated names (ru and uk differ in i/и/і, e/е/є, h).
_CYR = {
    "shch": "щ",
    "sh": "ш",
    "ch": "ч",
    "zh": "ж",
    "kh": "х",
    "a": "а",
    "b": "б",
    "d": "д",
    "e": "е",
    "g": "г",
    "i": "и",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "v": "в",
    "z": "з",
}
_UK = {**_CYR, "i": "і", "g": "г"}
_SQ = {"sh": "sh", "ch": "ç", "zh": "zh", "kh": "h"}
_KINDS = (
    ("person", 0.45),
    ("town", 0.30),
    ("organisation", 0.15),
    ("dnt", 0.10),
)


def _translit(word: str, table: dict[str, str]) -> str:
    out, i = [], 0
    keys = sorted(table, key=len, reverse=True)
    while i < len(word):
        for k in keys:
            if word.startswith(k, i):
                out.append(table[k])
                i += len(k)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


@dataclass(frozen=True)
class SynthTerm:
    en: str
    forms: dict[str, str]  # lang -> canonical form (the English form for dnt)
    dnt: bool
    forbidden: dict[str, str]


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


def synth_terms(count: int = 1000, seed: int = 7) -> list[SynthTerm]:
    """Distinct invented names: people (two words), towns, organisations, dnt names."""
    rng = random.Random(seed)
    seen: set[str] = set()
    terms: list[SynthTerm] = []
    kinds = [k for k, _ in _KINDS]
    weights = [w for _, w in _KINDS]
    while len(terms) < count:
        kind = rng.choices(kinds, weights)[0]
        if kind == "person":
            words = [_name(rng, rng.randint(2, 3)), _name(rng, rng.randint(2, 3)) + "ov"]
        elif kind == "town":
            words = [_name(rng, rng.randint(2, 3)) + rng.choice(("ka", "sk", "ovo", "ino"))]
        elif kind == "organisation":
            words = [_name(rng, 2), "Institute"]
        else:
            words = [_name(rng, 2) + rng.choice(("ex", "ix", "on")), "Media"]
        en = " ".join(_cap(w) for w in words)
        if en.lower() in seen:
            continue
        seen.add(en.lower())
        if kind == "dnt":
            terms.append(SynthTerm(en, dict.fromkeys(LANGS, en), True, {}))
            continue
        native = [w for w in words if w != "Institute"]
        inst = {"sq": "Instituti", "uk": "Інститут", "ru": "Институт"}
        forms = {}
        for lang, table in (("sq", _SQ), ("uk", _UK), ("ru", _CYR)):
            name = " ".join(_cap(_translit(w, table)) for w in native)
            forms[lang] = f"{inst[lang]} {name}" if kind == "organisation" else name
        # A misspelling per language that must not appear: the other Cyrillic
        # alphabet for uk/ru, the English spelling for sq.
        forbidden = {
            "sq": en if kind != "organisation" else f"Institute {_cap(native[0])}",
            "uk": forms["ru"],
            "ru": forms["uk"],
        }
        forbidden = {k: v for k, v in forbidden.items() if v and v != forms[k]}
        terms.append(SynthTerm(en, forms, False, forbidden))
    return terms


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def glossary_toml(terms: list[SynthTerm]) -> str:
    """The terms in the project's glossary format (see glossary/names.toml)."""
    out = ["# Synthetic benchmark glossary: invented names, generated by bench/synth.py.", ""]
    for t in terms:
        out.append(f"[{_toml_str(t.en)}]")
        if t.dnt:
            out.append("dnt = true")
        else:
            out.extend(f"{lang} = {_toml_str(t.forms[lang])}" for lang in LANGS)
        for lang, bad in t.forbidden.items():
            out.append(f"forbidden.{lang} = [{_toml_str(bad)}]")
        out.append("")
    return "\n".join(out)


# --- large PO files -----------------------------------------------------------------


def shipped_pairs(lang: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) of the shipped, reviewed translation of the article."""
    import polib

    po = polib.pofile(str(LOCALES / lang / "kursk.po"))
    return [(e.msgid, e.msgstr) for e in po if e.msgid and e.msgstr and not e.obsolete]


def _po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def po_entries(
    lang: str, count: int, terms: list[SynthTerm], rng: random.Random
) -> Iterator[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy): reviewed sentences with an invented name added.

    Each entry is a shipped sentence pair with one glossary name prepended in
    the language's canonical form (one in 50 uses a forbidden variant instead,
    one in 20 is fuzzy), numbered so that msgids are distinct within a file.
    """
    pairs = shipped_pairs(lang)
    for i in range(count):
        msgid, msgstr = pairs[i % len(pairs)]
        term = terms[rng.randrange(len(terms))]
        form = term.forms[lang]
        if lang in term.forbidden and rng.random() < 0.02:
            form = term.forbidden[lang]
        yield (
            f"{i + 1}. {term.en} reports: {msgid}",
            f"{i + 1}. {form}: {msgstr}",
            rng.random() < 0.05,
        )


def write_po_corpus(folder: Path, total: int, per_file: int, terms: list[SynthTerm]) -> list[Path]:
    """``total`` entries in files of ``per_file`` entries, languages in turn (sq, uk, ru)."""
    rng = random.Random(total)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range((total + per_file - 1) // per_file):
        lang = LANGS[n % len(LANGS)]
        size = min(per_file, total - n * per_file)
        path = folder / lang / f"doc{n:05d}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            'msgid ""',
            'msgstr ""',
            '"Project-Id-Version: bench\\n"',
            f'"Language: {lang}\\n"',
            '"MIME-Version: 1.0\\n"',
            '"Content-Type: text/plain; charset=UTF-8\\n"',
            '"Content-Transfer-Encoding: 8bit\\n"',
            "",
        ]
        for line, (msgid, msgstr, fuzzy) in enumerate(po_entries(lang, size, terms, rng), 1):
            lines.append(f"#: source/doc{n:05d}.en.txt:{line}")
            if fuzzy:
                lines.append("#, fuzzy")
            lines.append(f"msgid {_po_quote(msgid)}")
            lines.append(f"msgstr {_po_quote(msgstr)}")
            lines.append("")
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths
