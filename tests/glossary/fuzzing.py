"""Random mutations for fuzz tests: of glossary files (as bytes) and of
decoded JSON (cache files), and what ``l10n check`` does with a term."""

from __future__ import annotations

import copy
import dataclasses
import random
from collections.abc import Callable, Iterable
from typing import Any

from l10n.glossary import Glossary
from l10n.glossary.model import Term

TSV = (
    "# A small TSV glossary\n"
    "en\tvariants\tdnt\tnote\tsq\tuk\tru\tuk_forbidden\tru_forbidden\tsq_inflect\tuk_accepted\n"
    "Sudzha\tSudža\t\tTown in Kursk region.\tSuxha\tСуджа\tСуджа\tСудзха\tСудзха\tf-a\t\n"
    "Bloomberg\t\tyes\tNews agency.\t\t\t\tБлумберг\t\t\t\n"
    "Kursk\t\tno\t\tKursk\tКурськ\tКурск\tКурск|Курске\tКурськ\t\tкурський\n"
    "Vladimir Putin\tPutin\t\t\tVladimir Putin\tВолодимир Путін\tВладимир Путин\t\t\t\t\n"
)

# What a hand edit, a bad merge or a broken editor put into a file.
SNIPPETS: list[bytes] = [
    *(c.encode() for c in "\"'[]{}=,.#\\\t|\n\r-_ "),
    b"[[",
    b"]]",
    b'"""',
    b"'''",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # a UTF-16 surrogate, encoded: not UTF-8
    b"\xef\xbb\xbf",  # a byte-order mark in the middle
    b"\r\n",
    "\u2028".encode(),
    "\u0301".encode(),  # a combining stress mark
    "\u0301\u0301 ".encode(),
    b"\\u0000",
    b"\\uD800",
    b"\\x41",
    b"1e999999",
    b"-1e999999",
    b"99999999999999999999999999999999999999",
    b"inf",
    b"nan",
    b"-0",
    b"0x1F",
    b"true",
    b"false",
    b"1979-05-27T07:32:00Z",
    b"07:32:00",
    b"[]",
    b"{}",
    b"[[]]",
    b"[" * 3000,
    b"{a=" * 500,
    b"a." * 300 + b"b = 1",
    b'x = [1, "a"]',
    b"dnt = true",
    b'dnt = "yes"',
    b'de = "Sudscha"',
    b'xx_YY = "x"',
    b'zz = "x"',
    b'inflect.sq = "zz"',
    b"inflect.sq = 5",
    b'inflect.de = "f-a"',
    b'accepted.uk = ["!!!"]',
    b'accepted.uk = [""]',
    b'accepted = ["x"]',
    b"accepted = 1",
    b'forbidden.uk = "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd"',
    b'forbidden.de = ["x"]',
    b'forbidden.uk = ["\xd0\x9f\xd1\x83\xd1\x82\xd1\x96\xd0\xbd"]',
    b"variants = [[]]",
    b'variants = "Putin"',
    b'variants = ["Kursk"]',
    b'uk = ""',
    b'uk = " "',
    b'sq = "-"',
    b'ru = "\xcc\x81"',
    b"ru = 1",
    b"note = 1",
    b'note = """\n"""',
    b"[Putin]",
    b'["Kursk"]',
    b"[Putin.sq]",
    b"[[Putin]]",
    b'["\xcc\x81"]',
    b"[ ]",
    b'[""]',
    b'"Putin".uk = "x"',
    b"en\tsq\tuk\tru",
    b"de",
    b"uk_forbidden",
    b"sq_inflect",
    b"de_accepted",
    b"maybe",
    b"yes",
    b"\t\t\t\t\t\t\t\t\t\t\t\t",
    b"|||",
]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _delete_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return b"\n".join(lines)


def _swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _insert_snippet(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(SNIPPETS) + data[at:]


def _insert_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(SNIPPETS))
    return b"\n".join(lines)


def _replace_value(rng: random.Random, data: bytes) -> bytes:
    """The value of a ``key = value`` line (or a TSV cell) becomes a snippet."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    sep = b" = " if b" = " in lines[i] else b"\t"
    cells = lines[i].split(sep)
    cells[rng.randrange(len(cells))] = rng.choice(SNIPPETS)
    lines[i] = sep.join(cells)
    return b"\n".join(lines)


# Characters for names: scripts, marks and cases where lowercasing changes the
# length (İ, ẞ), apostrophes, hyphens, spaces, digits, invisible characters.
NAME_CHARS = (
    "abcxyzABCXYZ"
    "абвгґдеєёжіїйщьъюяАБВҐЄЁІЇЩ"
    "ëçËÇ"
    "İıẞßΣσςﬁǅ"
    "'’ʼ`-‐–— .,()/&"
    "0123456789"
    "\u0301\u0300\u200b\u200d\u00ad\u00a0\u202e"
    "中日😀"
)


def _replace_text(rng: random.Random, data: bytes) -> bytes:
    """The text of a quoted string or of a TSV cell becomes a random name."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    name = "".join(rng.choice(NAME_CHARS) for _ in range(rng.randint(1, 12))).encode()
    parts = lines[i].split(b'"') if b'"' in lines[i] else lines[i].split(b"\t")
    if len(parts) > 1:
        k = rng.randrange(1, len(parts), 2) if b'"' in lines[i] else rng.randrange(len(parts))
        parts[k] = name
    lines[i] = (b'"' if b'"' in lines[i] else b"\t").join(parts)
    return b"\n".join(lines)


def _replace_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


OPERATORS: list[Callable[[random.Random, bytes], bytes]] = [
    _delete_line,
    _duplicate_line,
    _swap_lines,
    _insert_snippet,
    _insert_snippet,
    _insert_line,
    _replace_value,
    _replace_value,
    _replace_text,
    _replace_text,
    _replace_text,
    _replace_byte,
    _truncate,
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data = rng.choice(OPERATORS)(rng, data)
    return data


def unplaced(terms: Iterable[Term]) -> set[Term]:
    """The terms, without the file and line they come from."""
    return {dataclasses.replace(t, source="") for t in terms}


def exercise(gloss: Glossary, original: set[Term]) -> None:
    """What ``l10n check`` does with a term, for each term not in ``original``
    (see :func:`unplaced`): find it in English, check a translation that has
    it and one that has not, repair forbidden forms, write a note."""
    for term in gloss.terms:
        if dataclasses.replace(term, source="") in original:
            continue
        for lang in gloss.languages:
            gloss.violations(lang, f"In {term.en} today.", f"{term.forms[lang].canonical} ok.")
            gloss.violations(lang, f"{term.en}.", "-")
            gloss.enforce(lang, term.en, " ".join(term.forms[lang].forbidden))
            gloss.note_for(lang, term.en, with_notes=True)


# Values a JSON node becomes: every JSON type, and strings the glossary code
# must not trip over.
JSON_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1e308,
    "",
    " ",
    "!!!",
    "-",
    "\u0301",
    "x",
    "Путин",
    "İstanbul",
    "gent,plur",
    "zzz",
    "f-a",
    "none",
    "x" * 10_000,
    [],
    [""],
    ["x"],
    [[]],
    {},
    {"": ""},
    {"x": "y"},
    {"uk": ["x", [], [], None]},
]


def _nodes(value: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """(container, index or key) of every node under ``value``."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for k, child in list(items):
        out.append((value, k))
        if isinstance(child, (dict, list)):
            _nodes(child, out)
    return out


def mutate_json(rng: random.Random, value: Any, keep: frozenset[str] = frozenset()) -> None:
    """Change one node of ``value`` in place: replace it, delete it, or (in an
    object) rename its key.  Top-level keys in ``keep`` are left alone."""
    nodes = [(c, k) for c, k in _nodes(value, []) if not (c is value and k in keep)]
    if not nodes:
        return
    container, k = rng.choice(nodes)
    action = rng.random()
    if action < 0.7:
        container[k] = copy.deepcopy(rng.choice(JSON_VALUES))  # never shared
    elif action < 0.85 or isinstance(container, list):
        del container[k]
    else:
        container[rng.choice(["", "x", "de", "uk", "ru", "0"])] = container.pop(k)
