"""Words as the glossary compares them: tokenizing, normalising, capitals.

A word is letters and digits with apostrophes inside; everything else,
hyphens included, separates words.  Words are compared in one normal form
(:func:`normalize_text`), so stress marks, apostrophe styles, ё and capitals
never decide whether a name is there.  :func:`match_case` goes the other way:
it writes a form computed in lowercase with the capitals of the name it
replaces.
"""

from __future__ import annotations

import re
import unicodedata

# A word: letters and digits, with apostrophes inside (п'ять, O'Brien).  Hyphens
# and everything else separate words, so "Bloomberg-u", "Санкт-Петербург" and
# "London-based" are two words each.  TOKEN_RE runs on normalised text (stress
# marks removed, NFC); RAW_TOKEN_RE also keeps combining marks inside a word, for
# finding words in text as written.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
RAW_TOKEN_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’ʼ](?:[^\W_]|[\u0300-\u036f])+)*")

CYRILLIC_LANGS = ("ru", "uk")


def normalize_text(text: str, lang: str) -> str:
    """The form words are compared in: lowercase, NFC, no stress marks, one
    apostrophe ('), ё = е (ru, uk).  Works on single words and whole texts alike;
    str.replace only runs when the character is there (translate is slow on
    non-ASCII text)."""
    text = text.lower()
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for mark in ("\u0301", "\u0300"):  # stress marks: Су́джа
        if mark in text:
            text = text.replace(mark, "")
    for apostrophe in ("’", "ʼ", "`"):
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    if lang in CYRILLIC_LANGS and "ё" in text:
        text = text.replace("ё", "е")
    return text


normalize = normalize_text


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` as (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in RAW_TOKEN_RE.finditer(text)]


def is_acronym(chunk: str) -> bool:
    """ЕС, ЗСУ, GIZ, BE: written in capitals (or with digits); never inflected."""
    if chunk.isalpha():  # the usual case, decided at C speed
        return len(chunk) >= 2 and chunk.isupper()
    letters = [c for c in chunk if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or any(
        c.isdigit() for c in chunk
    )


def match_case(form: str, model: str, found: str = "") -> str:
    """``form`` (lowercase) written with the capitals of ``model`` and, at a sentence
    start, of ``found``: each hyphen-separated part keeps the model part's capital."""
    parts = form.split("-")
    model_parts = model.split("-")
    out = []
    for i, part in enumerate(parts):
        m = model_parts[i] if i < len(model_parts) else model_parts[-1]
        if is_acronym(m):
            out.append(part.upper())
        elif m[:1].isupper():
            out.append(part[:1].upper() + part[1:])
        else:
            out.append(part)
    result = "-".join(out)
    if found[:1].isupper() and result[:1].islower():
        result = result[:1].upper() + result[1:]
    if len(found) > 1 and found.isupper() and not is_acronym(model):
        result = result.upper()
    return result
