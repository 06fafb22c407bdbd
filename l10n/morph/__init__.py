"""Word forms of glossary names: tokenizing, normalising, inflecting.

The glossary (:mod:`l10n.glossary`) needs two things per name and language:
every surface form that counts as the name (to find it in a translation), and
a way to put the canonical name into the case of a wrong form it replaces.
This package provides both, one *chunk* at a time (a chunk is one
space-separated word of a name, possibly hyphenated: ``Санкт-Петербург``).

Each form comes with a *key*, a language-neutral label of its grammatical slot
(``"gent"``, ``"datv,femn"``, ``"def_gen"``) that :func:`inflect` understands, so
a Russian ``Судзхи`` (key ``gent``) becomes ``Суджи`` and an Albanian ``Sudzhës``
(key ``def_gen``) becomes ``Suxhës``.

- :mod:`l10n.morph.text`: words, their normal form, capitals;
- :mod:`l10n.morph.sq`: Albanian endings by noun class;
- :mod:`l10n.morph.slavic`: Russian and Ukrainian through pymorphy3, with
  ending tables for the names it does not know;
- :mod:`l10n.morph.cache`: what pymorphy3 declined, kept between runs;
- :mod:`l10n.morph.chunks`: the entry points, :func:`chunk_forms` and
  :func:`inflect`, for any language.

Nothing here loads pymorphy3 at import time; that happens on first use of ru
or uk.
"""

from l10n.morph.cache import add_cache_entries, new_cache_entries
from l10n.morph.chunks import chunk_forms, inflect, matching
from l10n.morph.slavic import (
    RU_TABLE,
    UK_TABLE,
    analyzer,
    cyrillic_forms,
    cyrillic_inflect,
    parse_key,
    table_forms,
    table_inflect,
)
from l10n.morph.sq import INFLECT_CLASSES, SQ_CLASSES, SQ_LINK_WORDS, sq_class, sq_forms, sq_inflect
from l10n.morph.text import (
    CYRILLIC_LANGS,
    RAW_TOKEN_RE,
    TOKEN_RE,
    is_acronym,
    match_case,
    normalize,
    normalize_text,
    tokenize,
)

__all__ = [
    "CYRILLIC_LANGS",
    "INFLECT_CLASSES",
    "RAW_TOKEN_RE",
    "RU_TABLE",
    "SQ_CLASSES",
    "SQ_LINK_WORDS",
    "TOKEN_RE",
    "UK_TABLE",
    "add_cache_entries",
    "analyzer",
    "chunk_forms",
    "cyrillic_forms",
    "cyrillic_inflect",
    "inflect",
    "is_acronym",
    "match_case",
    "matching",
    "new_cache_entries",
    "normalize",
    "normalize_text",
    "parse_key",
    "sq_class",
    "sq_forms",
    "sq_inflect",
    "table_forms",
    "table_inflect",
    "tokenize",
]
