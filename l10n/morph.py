"""Word forms of glossary names: tokenizing, normalising, inflecting.

The glossary (:mod:`l10n.glossary`) needs two things per name and language:
every surface form that counts as the name (to find it in a translation), and
a way to put the canonical name into the case of a wrong form it replaces.
This module provides both, one *chunk* at a time (a chunk is one
space-separated word of a name, possibly hyphenated: ``Санкт-Петербург``).

Each form comes with a *key*, a language-neutral label of its grammatical slot
(``"gent"``, ``"datv,femn"``, ``"def_gen"``) that :func:`inflect` understands, so
a Russian ``Судзхи`` (key ``gent``) becomes ``Суджи`` and an Albanian ``Sudzhës``
(key ``def_gen``) becomes ``Suxhës``.

Russian and Ukrainian use pymorphy3.  A chunk's analyses are used when one of
them is the chunk's own dictionary form (the lemma equals the chunk, or the
chunk is the nominative of an adjective, as in ``Північна``).  Rare names are
not in the dictionaries: pymorphy3 then guesses by analogy, and the guess is
used when its lemma equals the chunk (``Фанасеевка``).  When no analysis has
the chunk as its lemma (``Уланок`` is read as the genitive plural of
``уланка``), the forms come from :data:`RU_TABLE` / :data:`UK_TABLE`, a small
explicit ending table by noun class.

Albanian uses :data:`SQ_CLASSES`, the case and definiteness endings of the
noun classes names fall into, chosen from the ending of the canonical form
(:func:`sq_class`) or set in the glossary (``inflect.sq``).

Nothing here loads pymorphy3 at import time: :func:`analyzer` loads each
language's dictionaries on first use (about 0.1-0.3 s) and keeps them.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

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


# --- Albanian ---------------------------------------------------------------

# Albanian noun classes for names.  Each class lists (ending, slots) in order of
# preference; a form is stem + ending.  Slots: "base" the bare (indefinite) form,
# "def_nom" definite nominative, "def_gen" definite genitive/dative/ablative,
# "def_acc" definite accusative.  Proper names nearly always take the definite
# forms; the bare form is used after prepositions (në Ukrainë, në Kiev) and in
# apposition (presidenti Putin).
#
#   class    canonical ends in              stem     forms
#   m-cons   consonant (not k, g, h)        word     Putin Putini Putinit Putinin
#   m-velar  k, g, h (definite -u)          word     Kursk Kursku Kurskut Kurskun
#   m-i      consonant + i                  word     Kremlini Kremlinit Kremlinin, bare Kremlin;
#                                                    Zelenski Zelenskit Zelenskin
#   m-vowel  -y, -o, -u, vowel + i          word     Zelensky Zelenskyt Zelenskyn; -u -ut -un
#   f-a      -a or -ë                       -a, -ë   Suxha: Suxhë Suxha Suxhës Suxhën;
#                                                    Moska Moskës Moskën; Belgjikë Belgjika
#   f-ia     -ia (stressed -i)              -a       Rusia: Rusi Rusia Rusisë Rusinë
#   f-e      -e, -ea, -eja (stressed -e)    -a, -ja  Krime Krimea Krimeja Krimesë Krimenë;
#                                                    Koreja: Kore Korea Koreja Koresë Korenë
#   link     the articles e, i, të, së      -        any of the four: Koreja e Veriut,
#                                                    Koresë së Veriut
#   none     acronyms (BE, SHBA, GIZ)       word     the form itself
#
# Foreign names often take the ending after a hyphen (Bloomberg-u, KosovaPress-it,
# BE-së): the hyphen separates words, so these match the bare name.  A class can
# be forced per term and language with ``inflect.sq = "f-a"`` (see glossary).
SQ_CLASSES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "m-cons": (("", ("base",)), ("i", ("def_nom",)), ("it", ("def_gen",)), ("in", ("def_acc",))),
    "m-velar": (("", ("base",)), ("u", ("def_nom",)), ("ut", ("def_gen",)), ("un", ("def_acc",))),
    "m-i": (("", ("base", "def_nom")), ("t", ("def_gen",)), ("n", ("def_acc",))),
    "m-vowel": (
        ("", ("base", "def_nom")),
        ("t", ("def_gen",)),
        ("n", ("def_acc",)),
        ("u", ("def_nom",)),
        ("ut", ("def_gen",)),
        ("un", ("def_acc",)),
    ),
    "f-a": (("ë", ("base",)), ("a", ("def_nom",)), ("ës", ("def_gen",)), ("ën", ("def_acc",))),
    "f-ia": (("", ("base",)), ("a", ("def_nom",)), ("së", ("def_gen",)), ("në", ("def_acc",))),
    "f-e": (
        ("", ("base",)),
        ("a", ("def_nom",)),
        ("ja", ("def_nom",)),
        ("së", ("def_gen",)),
        ("në", ("def_acc",)),
    ),
    "none": (("", ("base", "def_nom", "def_gen", "def_acc")),),
}
SQ_LINK_WORDS = ("e", "i", "të", "së")
INFLECT_CLASSES = (*SQ_CLASSES, "link")
_SQ_VOWELS = set("aeëiouy")


def sq_class(chunk: str) -> str:
    """The Albanian class of a word, by its ending (see :data:`SQ_CLASSES`)."""
    w = chunk.lower()
    if is_acronym(chunk):
        return "none"
    if w in SQ_LINK_WORDS:
        return "link"
    if w.endswith("ia"):
        return "f-ia"
    if w.endswith(("a", "ë", "e")):
        return "f-e" if w.endswith(("ea", "eja", "e")) else "f-a"
    if w.endswith("i") and len(w) > 2 and w[-2] not in _SQ_VOWELS:
        return "m-i"
    if w[-1] in _SQ_VOWELS:
        return "m-vowel"
    return "m-velar" if w[-1] in "kgh" else "m-cons"


def _sq_stem(chunk: str, cls: str | None) -> tuple[str, str]:
    """(class, stem): the stem is the word without the ending of its own slot."""
    klass = cls or sq_class(chunk)
    w = chunk.lower()
    if klass == "f-a" and w.endswith(("a", "ë")):
        return klass, w[:-1]
    if klass == "f-ia" and w.endswith("ia"):
        return klass, w[:-1]
    if klass == "f-e":
        if w.endswith("eja"):
            return klass, w[:-2]
        if w.endswith("ea"):
            return klass, w[:-1]
    return klass, w


def sq_forms(chunk: str, cls: str | None = None) -> dict[str, str]:
    """Albanian forms of one word: normalised form -> slot."""
    klass, stem = _sq_stem(chunk, cls)
    if klass == "link":
        return dict.fromkeys(SQ_LINK_WORDS, "link")
    forms: dict[str, str] = {}
    for ending, slots in SQ_CLASSES[klass]:
        forms.setdefault(normalize(stem + ending, "sq"), slots[0])
    forms.setdefault(normalize(chunk, "sq"), "base")
    if klass == "m-i":
        forms.setdefault(normalize(stem[:-1], "sq"), "base")  # Kremlini -> Kremlin
    return forms


def sq_inflect(chunk: str, slot: str, cls: str | None = None) -> str | None:
    klass, stem = _sq_stem(chunk, cls)
    if klass == "link" or slot == "link":
        return None
    for ending, slots in SQ_CLASSES[klass]:
        if slot in slots:
            return normalize(stem + ending, "sq")
    return None


# --- Russian and Ukrainian ----------------------------------------------------

# Fallback endings for nouns pymorphy3 does not know as lemmas (RU_TABLE,
# UK_TABLE).  Each rule: (nominative ending, ((ending that replaces it, case),
# ...)); the first rule whose nominative ending the word has is used, "" being
# the masculine consonant-final class.  Classes: -ия/-ія, masculine -ок/-ек
# (both with the fleeting vowel, Уланок -> Уланка, and without, Уланока: usage
# varies for rare place names), adjectival -ий/-ый/-ій, -й, -ь, feminine -а
# after к/г/х/ж/ч/ш (spelling rules: -ки not -кы; uk -ці, -зі, -сі in the
# dative), other -а, -я, and consonant-final.  Singular only; names ending in
# other vowels (-о, -е, -и, -у, -ю) are indeclinable.
RU_TABLE: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("ия", (("ия", "nomn"), ("ии", "gent"), ("ию", "accs"), ("ией", "ablt"))),
    ("ок", (("ок", "nomn"), ("ка", "gent"), ("ку", "datv"), ("ком", "ablt"), ("ке", "loct"),
            ("ока", "gent"), ("оку", "datv"), ("оком", "ablt"), ("оке", "loct"))),
    ("ек", (("ек", "nomn"), ("ка", "gent"), ("ку", "datv"), ("ком", "ablt"), ("ке", "loct"),
            ("ека", "gent"), ("еку", "datv"), ("еком", "ablt"), ("еке", "loct"))),
    ("ий", (("ий", "nomn"), ("ого", "gent"), ("ому", "datv"), ("им", "ablt"), ("ом", "loct"))),
    ("ый", (("ый", "nomn"), ("ого", "gent"), ("ому", "datv"), ("ым", "ablt"), ("ом", "loct"))),
    ("й", (("й", "nomn"), ("я", "gent"), ("ю", "datv"), ("ем", "ablt"), ("е", "loct"))),
    ("ь", (("ь", "nomn"), ("я", "gent"), ("ю", "datv"), ("ем", "ablt"), ("е", "loct"),
           ("и", "gent"), ("ью", "ablt"))),
    ("ка", (("ка", "nomn"), ("ки", "gent"), ("ке", "datv"), ("ку", "accs"), ("кой", "ablt"),
            ("кою", "ablt"))),
    ("га", (("га", "nomn"), ("ги", "gent"), ("ге", "datv"), ("гу", "accs"), ("гой", "ablt"))),
    ("ха", (("ха", "nomn"), ("хи", "gent"), ("хе", "datv"), ("ху", "accs"), ("хой", "ablt"))),
    ("жа", (("жа", "nomn"), ("жи", "gent"), ("же", "datv"), ("жу", "accs"), ("жей", "ablt"),
            ("жой", "ablt"))),
    ("а", (("а", "nomn"), ("ы", "gent"), ("е", "datv"), ("у", "accs"), ("ой", "ablt"),
           ("ою", "ablt"))),
    ("я", (("я", "nomn"), ("и", "gent"), ("е", "datv"), ("ю", "accs"), ("ей", "ablt"),
           ("ею", "ablt"))),
    ("", (("", "nomn"), ("а", "gent"), ("у", "datv"), ("ом", "ablt"), ("е", "loct"),
          ("ем", "ablt"))),
)  # fmt: skip
UK_TABLE: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("ія", (("ія", "nomn"), ("ії", "gent"), ("ію", "accs"), ("ією", "ablt"))),
    ("ок", (("ок", "nomn"), ("ка", "gent"), ("ку", "gent"), ("кові", "datv"), ("ком", "ablt"),
            ("ку", "loct"), ("ока", "gent"), ("оку", "gent"), ("окові", "datv"), ("оком", "ablt"))),
    ("ий", (("ий", "nomn"), ("ого", "gent"), ("ому", "datv"), ("им", "ablt"), ("ому", "loct"))),
    ("ій", (("ій", "nomn"), ("ього", "gent"), ("ьому", "datv"), ("ім", "ablt"))),
    ("й", (("й", "nomn"), ("я", "gent"), ("ю", "datv"), ("єві", "datv"), ("єм", "ablt"),
           ("ї", "loct"))),
    ("ь", (("ь", "nomn"), ("я", "gent"), ("ю", "datv"), ("еві", "datv"), ("ем", "ablt"),
           ("і", "loct"))),
    ("ка", (("ка", "nomn"), ("ки", "gent"), ("ці", "datv"), ("ку", "accs"), ("кою", "ablt"))),
    ("га", (("га", "nomn"), ("ги", "gent"), ("зі", "datv"), ("гу", "accs"), ("гою", "ablt"))),
    ("ха", (("ха", "nomn"), ("хи", "gent"), ("сі", "datv"), ("ху", "accs"), ("хою", "ablt"))),
    ("жа", (("жа", "nomn"), ("жі", "gent"), ("жу", "accs"), ("жею", "ablt"))),
    ("ча", (("ча", "nomn"), ("чі", "gent"), ("чу", "accs"), ("чею", "ablt"))),
    ("ша", (("ша", "nomn"), ("ші", "gent"), ("шу", "accs"), ("шею", "ablt"))),
    ("а", (("а", "nomn"), ("и", "gent"), ("і", "datv"), ("у", "accs"), ("ою", "ablt"))),
    ("я", (("я", "nomn"), ("і", "gent"), ("ю", "accs"), ("ею", "ablt"))),
    ("", (("", "nomn"), ("а", "gent"), ("у", "gent"), ("ові", "datv"), ("ом", "ablt"),
          ("і", "loct"), ("у", "loct"))),
)  # fmt: skip
_TABLES = {"ru": RU_TABLE, "uk": UK_TABLE}
_INDECLINABLE_ENDINGS = ("о", "е", "є", "и", "і", "у", "ю", "э")

_CASE_MAP = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
_ADJ_POS = ("ADJF", "PRTF")


def table_forms(chunk: str, lang: str) -> dict[str, str]:
    """Forms of a noun from the fallback ending table: normalised form -> case key."""
    w = normalize(chunk, lang)
    forms: dict[str, str] = {w: "nomn"}
    if w.endswith(_INDECLINABLE_ENDINGS) or lang not in _TABLES:
        return forms
    for nominative, endings in _TABLES[lang]:
        if w.endswith(nominative):
            stem = w[: len(w) - len(nominative)]
            for ending, case in endings:
                forms.setdefault(stem + ending, case)
            break
    return forms


def table_inflect(chunk: str, lang: str, key: str) -> str | None:
    case = key.split(",")[0]
    for form, form_case in table_forms(chunk, lang).items():
        if form_case == case:
            return form
    return None


@cache
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyzer for ``lang`` (loaded on first use, then kept)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _method(parse: Any) -> str:
    """dictionary for a word pymorphy3 knows, guess for anything it inferred.

    Guesses by prefix start with a dictionary step too (уланек = ула + нек), so
    only a single dictionary step means a known word.
    """
    stack = parse.methods_stack
    known = len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"
    return "dictionary" if known else "guess"


_TAG_INFO: dict[str, tuple[Any, Any, Any, str]] = {}


def _tag_info(tag: Any) -> tuple[Any, Any, Any, str]:
    """(POS, tense, voice, key) of a tag; pymorphy3's tag attributes are slow, so
    each distinct tag is read once."""
    text = str(tag)
    info = _TAG_INFO.get(text)
    if info is None:
        info = _TAG_INFO[text] = (tag.POS, tag.tense, tag.voice, _key(tag))
    return info


def _key(tag: Any) -> str:
    case = tag.case
    if case is None:
        return ""
    case = _CASE_MAP.get(case, case)
    parts = [case]
    if tag.number == "plur":
        parts.append("plur")
    elif tag.POS in _ADJ_POS and tag.gender:
        parts.append(tag.gender)
    return ",".join(parts)


@cache
def _parse(word: str, lang: str) -> tuple[Any, ...]:
    return tuple(analyzer(lang).parse(word))


def _lemma_parses(chunk: str, lang: str, *, guesses: bool) -> list[Any]:
    """Analyses of ``chunk`` that have it as their dictionary form, best first."""
    w = normalize(chunk, lang)
    good = []
    for p in _parse(chunk.replace("’", "'"), lang):
        if (_method(p) == "dictionary") == guesses:
            continue
        tag = p.tag
        if tag.POS is None:  # UNKN, LATN, numbers
            continue
        lemma = normalize(p.normal_form, lang) == w
        # A nominative reading also names the word: Північна (adjective), Штати
        # (plural).  Not so Уланок, read as the genitive plural of уланка.
        nominative = "nomn" in tag and not guesses
        if lemma or nominative:
            good.append(p)
    # Names are nouns: prefer noun readings of a capitalised chunk for inflection.
    if chunk[:1].isupper():
        good.sort(key=lambda p: p.tag.POS != "NOUN")
    return good


def _lexeme_forms(parses: list[Any], lang: str, forms: dict[str, str]) -> None:
    seen = set()
    for p in parses:
        pos, tense, voice, _ = _tag_info(p.tag)
        # Readings of one word in different cases share a paradigm: build it once.
        para = p.methods_stack[0][2] if len(p.methods_stack[0]) > 2 else None
        ident = (p.normal_form, pos, para)
        if ident in seen:
            continue
        seen.add(ident)
        for f in p.lexeme:
            # The lexeme of a participle (Соединённые) is the whole verb: keep
            # only the forms of the same part of speech, tense and voice.
            fpos, ftense, fvoice, key = _tag_info(f.tag)
            if fpos != pos or ftense != tense or fvoice != voice:
                continue
            forms.setdefault(normalize(f.word, lang), key)


def cyrillic_forms(chunk: str, lang: str, foreign: bool = False) -> tuple[dict[str, str], str]:
    """(forms, method) of one chunk in ru/uk; method is dictionary, guess or table.

    ``foreign`` (for forbidden variants) also takes the other language's
    dictionary: a Russian ``Николай`` in Ukrainian text is declined the Russian way.
    Results are kept on disk (:class:`_FormsCache`), so pymorphy3 only runs for
    words it has not declined before.
    """
    cache = _FormsCache.get(lang)
    key = f"{int(foreign)}\t{chunk}"
    hit = cache.entries.get(key)
    if hit is not None:
        return hit[1], hit[0]
    forms, method = _cyrillic_forms(chunk, lang, foreign)
    cache.put(key, method, forms)
    return forms, method


def _cyrillic_forms(chunk: str, lang: str, foreign: bool) -> tuple[dict[str, str], str]:
    forms: dict[str, str] = {}
    method = ""
    langs = (lang, *(x for x in CYRILLIC_LANGS if x != lang)) if foreign else (lang,)
    for lg in langs:
        # The other language's dictionary only when it knows the word: its
        # guesses would only repeat ours, and guessing is the slow part.
        if lg != lang and not analyzer(lg).word_is_known(chunk.lower()):
            continue
        parses = _lemma_parses(chunk, lg, guesses=False)
        if parses:
            _lexeme_forms(parses, lang, forms)
            method = method or "dictionary"
    if not forms:
        parses = _lemma_parses(chunk, lang, guesses=True)
        if parses:
            _lexeme_forms(parses, lang, forms)
            method = "guess"
            # A guessed paradigm is only an analogy: add the table's forms too.
            for form, key in table_forms(chunk, lang).items():
                forms.setdefault(form, key)
    if not forms:
        forms = table_forms(chunk, lang)
        method = "table"
    forms.setdefault(normalize(chunk, lang), "nomn")
    return forms, method


class _FormsCache:
    """Forms pymorphy3 produced, per language, kept between runs.

    Declining a word takes pymorphy3 0.1-0.5 ms (guessing an unknown name is the
    slow part), a 1,000-term glossary about half a second; read back from disk
    it takes a few milliseconds, and pymorphy3 need not even be loaded.  The
    file (``$XDG_CACHE_HOME/l10n/morph-<lang>-<fingerprint>.json``) is keyed by
    the installed pymorphy3 and dictionary files and by this module's source,
    so any change there starts a fresh cache; it is written at exit, atomically,
    only when something was added.  ``L10N_NO_CACHE=1`` switches it off.
    """

    _by_lang: ClassVar[dict[str, _FormsCache]] = {}
    _registered: ClassVar[bool] = False

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[Any]] = {}
        self.added: dict[str, list[Any]] = {}  # put() in this process
        self.dirty = False
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    self.entries = data
            except (OSError, ValueError):
                pass

    @classmethod
    def get(cls, lang: str) -> _FormsCache:
        found = cls._by_lang.get(lang)
        if found is None:
            found = cls._by_lang[lang] = cls(_cache_path(lang))
        return found

    def put(self, key: str, method: str, forms: dict[str, str]) -> None:
        self.entries[key] = [method, forms]
        self.added[key] = [method, forms]
        if self.path is not None and not self.dirty:
            self.dirty = True
            if not _FormsCache._registered:
                _FormsCache._registered = True
                atexit.register(_FormsCache.save_all)

    @classmethod
    def save_all(cls) -> None:
        for forms_cache in cls._by_lang.values():
            forms_cache.save()

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        from l10n.errors import L10nError
        from l10n.textfile import write_atomic

        try:
            write_atomic(
                self.path, json.dumps(self.entries, ensure_ascii=False, separators=(",", ":"))
            )
            self.dirty = False
            # Files of other fingerprints were made by other versions: stale.
            lang = self.path.name.split("-")[1]
            for old in self.path.parent.glob(f"morph-{lang}-*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)
        except (L10nError, OSError):
            pass  # a cache: never worth failing for


def new_cache_entries() -> dict[str, dict[str, list[Any]]]:
    """Forms declined in this process so far, per language (a worker process
    hands them to its parent, which keeps the cache file)."""
    return {lang: dict(c.added) for lang, c in _FormsCache._by_lang.items() if c.added}


def add_cache_entries(entries: dict[str, dict[str, list[Any]]]) -> None:
    """Take forms another process declined (see :func:`new_cache_entries`)."""
    for lang, added in entries.items():
        forms_cache = _FormsCache.get(lang)
        for key, (method, forms) in added.items():
            if key not in forms_cache.entries:
                forms_cache.put(key, method, forms)


def _cache_path(lang: str) -> Path | None:
    if os.environ.get("L10N_NO_CACHE"):
        return None
    from importlib.util import find_spec

    # The installed pymorphy3 and dictionary files (path, size, mtime change when
    # pip installs another version; importlib.metadata would cost 25 ms) and
    # this module's source.
    parts = []
    for package in ("pymorphy3", f"pymorphy3_dicts_{lang}"):
        spec = find_spec(package)
        origin = spec.origin if spec is not None else None
        if origin:
            stat = os.stat(origin)
            parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}")
        else:
            parts.append("-")
    parts.append(hashlib.sha256(Path(__file__).read_bytes()).hexdigest())
    fingerprint = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "l10n" / f"morph-{lang}-{fingerprint}.json"


def cyrillic_inflect(chunk: str, lang: str, key: str) -> str | None:
    """``chunk`` (a lemma) in the case/number/gender of ``key``, lowercase."""
    if not key:
        return None
    wanted = key.split(",")
    parses = _lemma_parses(chunk, lang, guesses=False) or _lemma_parses(chunk, lang, guesses=True)
    for p in parses:
        for grammemes in (wanted, [*wanted, "sing"], wanted[:1]):
            try:
                r = p.inflect(set(grammemes))
            except ValueError:
                r = None
            if r is not None:
                return normalize(r.word, lang)
    return table_inflect(chunk, lang, key)


def parse_key(word: str, lang: str) -> str:
    """The key of a word found in a text, by analysing it (used when the form is
    not one we generated)."""
    parses = _parse(word, lang)
    return _key(parses[0].tag) if parses else ""


# --- any language ---------------------------------------------------------------


def chunk_forms(
    chunk: str, lang: str, cls: str | None = None, *, foreign: bool = False
) -> tuple[dict[str, str], str]:
    """(forms, method): every normalised form of one chunk with its key."""
    if is_acronym(chunk) or cls == "none":
        return {normalize(chunk, lang): "base"}, "invariable"
    if lang == "sq":
        return sq_forms(chunk, cls), "sq-table"
    if lang in CYRILLIC_LANGS:
        if not any("а" <= c <= "я" or c in "іїєґё" for c in chunk.lower()):
            return {normalize(chunk, lang): "base"}, "invariable"  # Latin script name
        return cyrillic_forms(chunk, lang, foreign)
    return {normalize(chunk, lang): "base"}, "invariable"


def inflect(chunk: str, lang: str, key: str, cls: str | None = None) -> str | None:
    """``chunk`` put into the slot ``key`` (lowercase), or None if we cannot."""
    if is_acronym(chunk) or cls == "none":
        return normalize(chunk, lang)
    if lang == "sq":
        return sq_inflect(chunk, key, cls)
    if lang in CYRILLIC_LANGS:
        forms, _ = chunk_forms(chunk, lang, cls)
        if key == "base" or set(forms.values()) == {"base"}:
            return normalize(chunk, lang)
        # pymorphy3 inflects hyphenated names as a whole (Санкт-Петербурга).
        return cyrillic_inflect(chunk, lang, key)
    return normalize(chunk, lang)
