"""Validating glossary entries: from :class:`RawTerm` (as read) to :class:`Term`.

Every mistake is an :class:`InputFileError` naming the file and line of the
offending key, with a hint.  Validation runs in two steps, because a
glossary's files are read once and kept (:mod:`l10n.glossary.cache`) while
the languages it must serve are the project's:

1. :func:`build_term` and :func:`merge_terms` check what the files say,
   whatever the project: unknown keys and language codes, values of the
   wrong type, empty forms, control characters, unknown inflection classes,
   a form both accepted and forbidden, a do-not-translate term with language
   forms, the same English name or variant in two terms.  A term keeps the
   forms of every language its file gives.
2. :func:`for_languages` fits the terms to the project's languages: every
   term gives a form for each (a do-not-translate term stays in English), and
   forms of other languages are left out, since a shared termbase may hold
   more languages than one project translates into.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from l10n import languages as language_codes
from l10n.errors import InputFileError
from l10n.glossary.formats import FORMAT_HINT, RawTerm
from l10n.glossary.model import LangForms, Term
from l10n.morph.sq import INFLECT_CLASSES
from l10n.morph.text import TOKEN_RE, normalize_text, tokenize

_KEYS = frozenset({"variants", "dnt", "note", "accepted", "forbidden", "inflect"})
_LANGUAGE_LIKE = re.compile(r"[a-z]{2,3}([_-][A-Za-z]{2,4})?")
# Names are one line of plain text; notes may have line breaks.  What XML 1.0
# cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) is in neither,
# or the TBX export would be a file no tool can read.
_BAD_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
_BAD_IN_NOTE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(raw: RawTerm, key: str, text: str, *, note: bool = False) -> None:
    bad = (_BAD_IN_NOTE if note else _BAD_IN_NAME).search(text)
    if bad:
        what = f"{key} of {raw.en!r}" if key else "the English name"
        raise raw.error(
            f"control character U+{ord(bad.group()):04X} in {what}",
            key,
            hint="names and notes are plain text: remove the character",
        )


def _language(raw: RawTerm, code: str, key: str) -> None:
    """An error unless ``code`` is an ISO 639-1 code, as glossary keys must be."""
    if language_codes.is_known(code):
        return
    base = language_codes.normalize(code)
    hint = "languages are ISO 639-1 codes: de, pl, sq, uk..."
    if base != code and language_codes.is_known(base):
        hint = f"use the language code alone: {base}"
    raise raw.error(f"unknown language {code!r} in {raw.en!r}", key, hint=hint)


def _strings(raw: RawTerm, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise raw.error(f"{key} must be a list of strings", key)
    for x in value:
        _plain(raw, key, x)
        if not tokenize(x):
            raise raw.error(f"empty form in {key} of {raw.en!r}", key)
    return tuple(x.strip() for x in value)


def _lang_table(raw: RawTerm, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise raw.error(f"{key} must give languages: {key}.uk = [...]", key, hint=FORMAT_HINT)
    for lang in value:
        _language(raw, lang, f"{key}.{lang}")
    return value


def phrase_key(text: str, lang: str) -> tuple[str, ...]:
    """The words of a name as they are compared (case, apostrophes, hyphens aside)."""
    return tuple(TOKEN_RE.findall(normalize_text(text, lang)))


def _check_keys(raw: RawTerm) -> list[str]:
    """The language keys of the entry (canonical forms); any other unknown key is an error."""
    langs = []
    for key, value in raw.values.items():
        if key in _KEYS:
            continue
        if _LANGUAGE_LIKE.fullmatch(key):
            _language(raw, key, key)
            langs.append(key)
            continue
        hint = FORMAT_HINT
        if isinstance(value, dict):
            hint = f'a name with a dot must be quoted: ["{raw.en}.{key}"]'
        raise raw.error(f"unknown key {key!r} in {raw.en!r}", key, hint=hint)
    return langs


def build_term(raw: RawTerm) -> Term:
    """The term an entry gives, with a :class:`LangForms` for every language it
    names (an empty canonical form where it names one only in ``accepted``,
    ``forbidden`` or ``inflect``: :func:`for_languages` decides whether that
    is missing)."""
    _plain(raw, "", raw.en)
    if not tokenize(raw.en):
        raise raw.error("empty English term")
    values = raw.values
    named = _check_keys(raw)
    dnt = values.get("dnt", False)
    if not isinstance(dnt, bool):
        raise raw.error("dnt must be true or false", "dnt")
    note = values.get("note", "")
    if not isinstance(note, str):
        raise raw.error("note must be a string", "note")
    _plain(raw, "note", note, note=True)
    en = raw.en.strip()
    variants = _strings(raw, "variants", values.get("variants", []))
    en_key = phrase_key(en, "en")
    variants = tuple(dict.fromkeys(v for v in variants if phrase_key(v, "en") != en_key))
    tables = {
        kind: _lang_table(raw, kind, values.get(kind, {}))
        for kind in ("accepted", "forbidden", "inflect")
    }
    langs = dict.fromkeys([*named, *(lang for table in tables.values() for lang in table)])
    forms = {lang: _lang_forms(raw, en, lang, dnt, tables) for lang in langs}
    return Term(en, variants, forms, dnt, note.strip(), f"{raw.path}:{raw.line}")


def _canonical(raw: RawTerm, en: str, lang: str, dnt: bool) -> str:
    values = raw.values
    if dnt:
        if lang in values:
            raise raw.error(
                f"conflicting entries: do-not-translate term {en!r} gives a {lang} form; "
                f'it stays "{en}" in every language',
                lang,
                hint="remove the form, or remove dnt = true",
            )
        return en
    if lang not in values:
        return ""
    canonical = values[lang]
    if not isinstance(canonical, str):
        raise raw.error(f"{lang} must be a string (the canonical form)", lang)
    _plain(raw, lang, canonical)
    canonical = canonical.strip()
    if not tokenize(canonical):
        raise raw.error(f"empty canonical form for {lang} in {en!r}", lang)
    return canonical


def _lang_forms(
    raw: RawTerm, en: str, lang: str, dnt: bool, tables: dict[str, dict[str, Any]]
) -> LangForms:
    canonical = _canonical(raw, en, lang, dnt)
    acc = _strings(raw, f"accepted.{lang}", tables["accepted"].get(lang, []))
    forb = _strings(raw, f"forbidden.{lang}", tables["forbidden"].get(lang, []))
    cls = tables["inflect"].get(lang)
    if cls is not None and cls not in INFLECT_CLASSES:
        raise raw.error(
            f"unknown inflection class {cls!r}",
            f"inflect.{lang}",
            hint=f"classes: {', '.join(INFLECT_CLASSES)}",
        )
    good = {phrase_key(x, lang): x for x in (canonical, *acc) if x}
    bad: dict[tuple[str, ...], str] = {}
    for x in forb:
        k = phrase_key(x, lang)
        if k in good:
            raise raw.error(
                f'conflicting entries: "{x}" is both accepted and forbidden for {lang} in {en!r}',
                f"forbidden.{lang}",
            )
        bad.setdefault(k, x)  # "Чатем-Хаус" and "Чатем Хаус" are the same words
    extra = (x for x in acc if phrase_key(x, lang) != phrase_key(canonical, lang))
    return LangForms(canonical, tuple(dict.fromkeys(extra)), tuple(bad.values()), cls)


# --- across terms ----------------------------------------------------------------


def merge_terms(pairs: Sequence[tuple[RawTerm, Term]]) -> list[Term]:
    """The terms, each English name or variant belonging to one of them.

    The same name in two entries is an error, except that a term of a one-pair
    file (a DeepL glossary) joins the entry of the same name with its
    language, so ``en-de.csv`` and ``en-uk.csv`` (or ``names.toml``) make one
    glossary; giving one language two different ways is an error.
    """
    terms: list[Term | None] = []
    pair_only: list[bool] = []
    owner: dict[tuple[str, ...], tuple[int, bool]] = {}  # key -> (term index, is the en form)
    for raw, term in pairs:
        keys = [phrase_key(term.en, "en"), *(phrase_key(v, "en") for v in term.en_variants)]
        hits = list(dict.fromkeys(owner[k][0] for k in keys if k in owner))
        if not raw.pair:
            _no_duplicates(raw, term, keys, owner, terms, pair_only)
        merged = term
        for i in hits:  # a pair's term, or a term a pair joins
            old = terms[i]
            assert old is not None
            merged = _merge(old, merged, raw) if raw.pair else _merge(merged, old, raw)
            terms[i] = None
        if hits and raw.pair:
            index = hits[0]
            terms[index] = merged
            pair_only[index] = pair_only[index] and raw.pair
        else:
            index = len(terms)
            terms.append(merged)
            pair_only.append(raw.pair)
        # A pair's term has no variants: every key of the terms merged is here.
        owner[keys[0]] = (index, True)
        for k in (phrase_key(v, "en") for v in merged.en_variants):
            owner[k] = (index, False)
    return [t for t in terms if t is not None]


def _no_duplicates(
    raw: RawTerm,
    term: Term,
    keys: list[tuple[str, ...]],
    owner: dict[tuple[str, ...], tuple[int, bool]],
    terms: list[Term | None],
    pair_only: list[bool],
) -> None:
    """An error when a name or variant of ``term`` belongs to an entry that is
    more than a language pair."""
    for n, key in enumerate(keys):
        if key not in owner or pair_only[owner[key][0]]:
            continue
        other = terms[owner[key][0]]
        assert other is not None
        if n:
            variant = term.en_variants[n - 1]
            raise raw.error(
                f'conflicting entries: English "{variant}" belongs to both '
                f'"{other.en}" ({other.source}) and "{term.en}"',
                "variants",
            )
        if owner[key][1]:
            raise raw.error(
                f'duplicate term "{term.en}" (also defined at {other.source})',
                hint="merge the two entries into one",
            )
        raise raw.error(
            f'conflicting entries: "{term.en}" is also an English variant of '
            f'"{other.en}" ({other.source})'
        )


def _merge(base: Term, other: Term, raw: RawTerm) -> Term:
    """``base`` with the languages of ``other``, where one of them is a language
    pair's term; ``base`` names the term and says where it is defined."""
    dnt, translated = (base, other) if base.dnt else (other, base)
    if base.dnt != other.dnt:
        # A pair that maps the name to itself is how DeepL keeps a name.
        if any(lf.canonical != dnt.en for lf in translated.forms.values()):
            raise raw.error(
                f'conflicting entries: "{base.en}" is do-not-translate at {dnt.source} '
                f"and translated at {translated.source}"
            )
        base = dataclasses.replace(base, dnt=True)
    forms = dict(base.forms)
    for lang, lf in other.forms.items():
        if lang in forms and forms[lang].canonical != lf.canonical:
            raise raw.error(
                f'conflicting entries: "{base.en}" has two {lang} forms: '
                f'"{forms[lang].canonical}" ({base.source}) and "{lf.canonical}" ({other.source})',
                lang,
                hint="give each language of a name once",
            )
        forms.setdefault(lang, lf)
    variants = tuple(dict.fromkeys((*base.en_variants, *other.en_variants)))
    return dataclasses.replace(
        base, en_variants=variants, forms=forms, note=base.note or other.note
    )


def for_languages(
    terms: Sequence[Term], languages: Sequence[str] | None
) -> tuple[list[Term], tuple[str, ...]]:
    """The terms fitted to ``languages``, and those languages.

    None means the languages the files give, in the order they first appear
    (so a glossary without a project configuration works as it always did).
    Each term must give a form for each language, unless it is
    do-not-translate; forms in other languages are left out.
    """
    if languages is None:
        langs = tuple(dict.fromkeys(lang for term in terms for lang in term.forms))
    else:
        langs = tuple(languages)
    out = []
    for term in terms:
        forms = term.forms
        if tuple(forms) == langs and all(lf.canonical for lf in forms.values()):
            out.append(term)  # the usual case: nothing to change
            continue
        fitted = {}
        for lang in langs:
            lf = forms.get(lang)
            if term.dnt:
                fitted[lang] = lf if lf is not None else LangForms(term.en)
            elif lf is None or not lf.canonical:
                raise _missing(term, lang, languages is not None)
            else:
                fitted[lang] = lf
        out.append(dataclasses.replace(term, forms=fitted))
    return out, langs


def _missing(term: Term, lang: str, configured: bool) -> InputFileError:
    path, _, line = term.source.rpartition(":")
    hint = f'add {lang} = "..." (or dnt = true for a name that stays in English)'
    if configured:
        hint += f"; {lang} is one of the project's languages (l10n.toml)"
    return InputFileError(
        path,
        f"no {lang} form for {term.en!r}",
        line=int(line) if line.isdigit() else None,
        hint=hint,
    )
