"""Validating glossary entries: from :class:`RawTerm` (as read) to :class:`Term`.

Every mistake is an :class:`InputFileError` naming the file and line of the
offending key, with a hint: unknown keys and languages, values of the wrong
type, empty forms, unknown inflection classes, a form both accepted and
forbidden, a do-not-translate term with language forms
(:func:`build_term`), and the same English name or variant in two terms
(:func:`check_conflicts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from l10n.glossary.formats import FORMAT_HINT, RawTerm
from l10n.glossary.model import LANGUAGES, LangForms, Term
from l10n.morph.sq import INFLECT_CLASSES
from l10n.morph.text import TOKEN_RE, normalize_text, tokenize


def _strings(raw: RawTerm, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise raw.error(f"{key} must be a list of strings", key)
    for x in value:
        if not tokenize(x):
            raise raw.error(f"empty form in {key} of {raw.en!r}", key)
    return tuple(x.strip() for x in value)


def _lang_table(raw: RawTerm, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise raw.error(f"{key} must give languages: {key}.uk = [...]", key, hint=FORMAT_HINT)
    for lang in value:
        if lang not in LANGUAGES:
            raise raw.error(
                f"unknown language {lang!r} in {key} of {raw.en!r}",
                f"{key}.{lang}",
                hint=f"glossary languages: {', '.join(LANGUAGES)}",
            )
    return value


def _phrase_key(text: str, lang: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(normalize_text(text, lang)))


def build_term(raw: RawTerm) -> Term:
    if not tokenize(raw.en):
        raise raw.error("empty English term")
    values = raw.values
    known = {"variants", "dnt", "note", "accepted", "forbidden", "inflect", *LANGUAGES}
    for key in values:
        if key in known:
            continue
        if re.fullmatch(r"[a-z]{2,3}([_-][A-Za-z]{2})?", key):
            raise raw.error(
                f"unknown language {key!r} in {raw.en!r}",
                key,
                hint=f"glossary languages: {', '.join(LANGUAGES)}",
            )
        hint = FORMAT_HINT
        if isinstance(values[key], dict):
            hint = f'a name with a dot must be quoted: ["{raw.en}.{key}"]'
        raise raw.error(f"unknown key {key!r} in {raw.en!r}", key, hint=hint)

    dnt = values.get("dnt", False)
    if not isinstance(dnt, bool):
        raise raw.error("dnt must be true or false", "dnt")
    note = values.get("note", "")
    if not isinstance(note, str):
        raise raw.error("note must be a string", "note")
    en = raw.en.strip()
    variants = _strings(raw, "variants", values.get("variants", []))
    en_key = _phrase_key(en, "en")
    variants = tuple(dict.fromkeys(v for v in variants if _phrase_key(v, "en") != en_key))
    accepted = _lang_table(raw, "accepted", values.get("accepted", {}))
    forbidden = _lang_table(raw, "forbidden", values.get("forbidden", {}))
    inflect = _lang_table(raw, "inflect", values.get("inflect", {}))

    forms: dict[str, LangForms] = {}
    for lang in LANGUAGES:
        if dnt:
            if lang in values:
                raise raw.error(
                    f"conflicting entries: do-not-translate term {en!r} gives a {lang} form; "
                    f'it stays "{en}" in every language',
                    lang,
                    hint="remove the form, or remove dnt = true",
                )
            canonical = en
        else:
            if lang not in values:
                raise raw.error(
                    f"no {lang} form for {en!r}",
                    hint=f'add {lang} = "..." (or dnt = true for a name that stays in English)',
                )
            canonical = values[lang]
            if not isinstance(canonical, str):
                raise raw.error(f"{lang} must be a string (the canonical form)", lang)
            canonical = canonical.strip()
            if not tokenize(canonical):
                raise raw.error(f"empty canonical form for {lang} in {en!r}", lang)
        acc = _strings(raw, f"accepted.{lang}", accepted.get(lang, []))
        forb = _strings(raw, f"forbidden.{lang}", forbidden.get(lang, []))
        cls = inflect.get(lang)
        if cls is not None and cls not in INFLECT_CLASSES:
            raise raw.error(
                f"unknown inflection class {cls!r}",
                f"inflect.{lang}",
                hint=f"classes: {', '.join(INFLECT_CLASSES)}",
            )
        good = {_phrase_key(x, lang): x for x in (canonical, *acc)}
        bad: dict[tuple[str, ...], str] = {}
        for x in forb:
            k = _phrase_key(x, lang)
            if k in good:
                raise raw.error(
                    f'conflicting entries: "{x}" is both accepted and forbidden '
                    f"for {lang} in {en!r}",
                    f"forbidden.{lang}",
                )
            bad.setdefault(k, x)  # "Чатем-Хаус" and "Чатем Хаус" are the same words
        extra = (x for x in acc if _phrase_key(x, lang) != _phrase_key(canonical, lang))
        forms[lang] = LangForms(canonical, tuple(dict.fromkeys(extra)), tuple(bad.values()), cls)
    return Term(en, variants, forms, dnt, note.strip(), f"{raw.path}:{raw.line}")


def check_conflicts(pairs: Sequence[tuple[RawTerm, Term]]) -> None:
    owner: dict[tuple[str, ...], tuple[Term, bool]] = {}
    for raw, term in pairs:
        key = _phrase_key(term.en, "en")
        if key in owner:
            other, is_en = owner[key]
            if is_en:
                raise raw.error(
                    f'duplicate term "{term.en}" (also defined at {other.source})',
                    hint="merge the two entries into one",
                )
            raise raw.error(
                f'conflicting entries: "{term.en}" is also an English variant of '
                f'"{other.en}" ({other.source})'
            )
        owner[key] = (term, True)
        for variant in term.en_variants:
            vkey = _phrase_key(variant, "en")
            if vkey in owner and owner[vkey][0] is not term:
                other = owner[vkey][0]
                raise raw.error(
                    f'conflicting entries: English "{variant}" belongs to both '
                    f'"{other.en}" ({other.source}) and "{term.en}"',
                    "variants",
                )
            owner[vkey] = (term, False)
