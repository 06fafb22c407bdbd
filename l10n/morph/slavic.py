"""Russian and Ukrainian forms of names, through pymorphy3.

A chunk's analyses are used when one of them is the chunk's own dictionary
form (the lemma equals the chunk, or the chunk is the nominative of an
adjective, as in ``Північна``).  Rare names are not in the dictionaries:
pymorphy3 then guesses by analogy, and the guess is used when its lemma
equals the chunk (``Фанасеевка``).  When no analysis has the chunk as its
lemma (``Уланок`` is read as the genitive plural of ``уланка``), the forms
come from :data:`RU_TABLE` / :data:`UK_TABLE`, a small explicit ending table
by noun class.

Each form is keyed by its grammatical slot (``"gent"``, ``"datv,femn"``), so
a Russian ``Судзхи`` (key ``gent``) becomes ``Суджи``.

Nothing here loads pymorphy3 at import time: :func:`analyzer` loads each
language's dictionaries on first use (about 0.1-0.3 s) and keeps them, and
:func:`cyrillic_forms` reads what earlier runs declined from
:mod:`l10n.morph.cache` first.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from l10n.morph.cache import FormsCache
from l10n.morph.text import CYRILLIC_LANGS, normalize

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
    Results are kept on disk (:class:`l10n.morph.cache.FormsCache`), so
    pymorphy3 only runs for words it has not declined before.
    """
    cache = FormsCache.get(lang)
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
