"""Text helpers that several checks share.

The target language of a file, per-file scratch space, word and whitespace
handling, and the removal of what may legitimately stay as in the English
source (URLs, hashtags, do-not-translate terms, acronyms).  Shared so that the
``language`` and ``untranslated`` checks judge the same remaining text, and so
that the memo caches below are filled once per run for both.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from l10n import languages
from l10n.qa.base import CheckContext

# Target languages by script: which alphabet a translation must be in.
CYRILLIC_TARGETS = {"uk", "ru", "bg", "mk", "sr", "be"}
LATIN_TARGETS = {"sq", "en", "it", "ro", "hr", "sl", "tr", "de", "fr", "es", "pt", "nl"}


def target_lang(ctx: CheckContext) -> str:
    """'uk' for 'uk', 'uk_UA', 'uk-UA'."""
    return languages.normalize(ctx.lang or "")


def target_script(ctx: CheckContext) -> str | None:
    """'Cyrl' for uk, bg, kk, sr; 'Latn' for sq and a file marked sr@latin."""
    return ctx.script or languages.script(ctx.lang or "")


def file_state(ctx: CheckContext, name: str) -> dict[str, Any]:
    """Per-file scratch space of the check ``name`` (see CheckContext.cache)."""
    state = ctx.cache.get(name)
    if not isinstance(state, dict):
        state = ctx.cache[name] = {}
    return state


def split_words(text: str) -> list[str]:
    """Whitespace-separated words of a literal: keeps long word lists readable."""
    return text.split()


def norm_space(text: str) -> str:
    return " ".join(text.split())


def same_text(source: str, translation: str) -> bool:
    """The translation is the source, but for case and spacing (language, untranslated)."""
    # Equal texts end in the same word: most pairs are told apart by it alone.
    last, other_last = source.rsplit(maxsplit=1), translation.rsplit(maxsplit=1)
    if last and other_last and last[-1].casefold() != other_last[-1].casefold():
        return False
    return _same_normalised_text(source, translation)


@lru_cache(maxsize=256)
def _same_normalised_text(source: str, translation: str) -> bool:
    return norm_space(translation).casefold() == norm_space(source).casefold()


_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_HASHTAG = re.compile(r"[#@]\w+")
# All-caps Latin acronyms and dotted abbreviations: GIZ, DW, EU, APL, U.S., COVID-19.
_ACRONYM = re.compile(r"(?<!\w)(?:[A-Z]\.){2,}|(?<!\w)[A-Z][A-Z0-9&]*[A-Z](?:-?\d+)?(?!\w)")
# A word: letters, with inner apostrophes or hyphens (п’ять, об’єкт, co-financed).
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_ASCII_UPPER = re.compile(r"[A-Z]")


# glossary id -> (the glossary, its do-not-translate forms): computed once per
# glossary rather than once per file.
_DNT_FORMS: dict[int, tuple[object, list[str]]] = {}


def dnt_strings(ctx: CheckContext) -> list[str]:
    """English forms of the glossary's do-not-translate terms, longest first."""
    cached = _DNT_FORMS.get(id(ctx.glossary))
    if cached is not None and cached[0] is ctx.glossary:
        return cached[1]
    forms = _collect_dnt_strings(ctx.glossary)
    _DNT_FORMS.clear()  # one glossary per run, as a rule: keep only the last
    _DNT_FORMS[id(ctx.glossary)] = (ctx.glossary, forms)
    return forms


def _collect_dnt_strings(glossary: Any) -> list[str]:
    terms = getattr(glossary, "terms", None) or ()
    found: set[str] = set()
    for term in terms:
        if not getattr(term, "dnt", False):
            continue
        for form in (getattr(term, "en", ""), *(getattr(term, "en_variants", ()) or ())):
            if isinstance(form, str) and form.strip():
                found.add(form.strip())
    return sorted(found, key=len, reverse=True)


@cache
def _compile_dnt(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    r"""All do-not-translate forms as one regex, longest first, compiled once per
    set of forms (so once per glossary), not per file or entry.

    The matches are those of ``(?<!\w)(?:A|B|…)(?!\w)``, but each alternative
    starts with its literal first character and tests the boundary before it
    right after (``A(?<!\w.)…``): then every alternative starts with a literal,
    and the regex engine skips ahead to the positions holding one of those
    first characters instead of trying every alternative at every position.
    """
    if not forms:
        return None
    alternatives = (re.escape(f[0]) + r"(?<!\w.)" + re.escape(f[1:]) for f in forms)
    return re.compile(r"(?s:" + "|".join(alternatives) + r")(?!\w)")


def _dnt_pattern(ctx: CheckContext, owner: str) -> re.Pattern[str] | None:
    """One regex for all do-not-translate terms, looked up once per file."""
    state = file_state(ctx, owner)
    if "dnt" not in state:
        state["dnt"] = _compile_dnt(tuple(dnt_strings(ctx)))
    return state["dnt"]


def may_hold_urls_or_tags(text: str) -> bool:
    """Whether ``text`` could hold a URL, an e-mail address or a hashtag
    (_URL and _HASHTAG match nothing without one of these), at the cost of a
    few substring searches."""
    return (
        "#" in text
        or "@" in text
        or "://" in text
        or (("w" in text or "W" in text) and "www." in text.lower())
    )


def strip_names(text: str, ctx: CheckContext, owner: str) -> str:
    """Remove what may legitimately stay as in the English source.

    URLs, e-mail addresses, hashtags, do-not-translate terms and all-caps
    acronyms; what is left is the text whose language is judged.
    """
    return _strip(text, _dnt_pattern(ctx, owner))


def _strip(text: str, dnt: re.Pattern[str] | None) -> str:
    if may_hold_urls_or_tags(text):  # (they match nothing otherwise)
        text = _HASHTAG.sub(" ", _URL.sub(" ", text))
    if dnt is not None:
        text = dnt.sub(" ", text)
    if _ASCII_UPPER.search(text) is None:
        return text  # no acronym without a capital A-Z
    return _ACRONYM.sub(" ", text)


@lru_cache(maxsize=16)
def tokens_of(text: str) -> tuple[str, ...]:
    """``text`` split at whitespace, once for the several checks that read each
    translation's words in turn.  Splitting is quicker than finding words, and
    a check that remembers the tokens it has judged (most recur: "на", "Курськ,")
    looks at a token's words only the first time."""
    return tuple(text.split())


# Bare domain and file names (kosovapress.com, report.pdf): names, not words.
_DOTTED = re.compile(r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9][\w-]*)+")


def remaining_words(text: str, ctx: CheckContext) -> tuple[str, ...]:
    """The words of ``text`` once what may stay as in the source is gone (see
    :func:`strip_names`; also bare domain and file names).

    The spelling and foreign-words checks judge the same words of each
    translation, one after the other: the second gets them from the cache.
    """
    return _remaining_words(text, _dnt_pattern(ctx, "words"))


@lru_cache(maxsize=16)
def _remaining_words(text: str, dnt: re.Pattern[str] | None) -> tuple[str, ...]:
    text = _strip(text, dnt)
    if "." in text:
        text = _DOTTED.sub(" ", text)
    return tuple(WORD.findall(text))


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
