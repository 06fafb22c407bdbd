"""The records of the glossary: terms, their forms per language, what is wrong.

A :class:`Term` is one name: its English form and English variants, and per
language (any ISO 639-1 code) a :class:`LangForms` (canonical form, extra
accepted forms or lemmas, forbidden variants, an inflection class), a
do-not-translate flag and a note for translators.  A :class:`Violation` is one thing wrong with a
translation; :class:`Enforced` is machine output after repair.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

RULES = ("missing", "forbidden", "dnt")


@dataclass(frozen=True)
class LangForms:
    """A term in one language."""

    canonical: str
    accepted: tuple[str, ...] = ()  # extra forms or lemmas that also count
    forbidden: tuple[str, ...] = ()  # variants that must not appear (any inflection)
    inflect: str | None = None  # inflection class override (see morph.SQ_CLASSES; "none")

    @property
    def lemmas(self) -> tuple[str, ...]:
        return (self.canonical, *self.accepted)


@dataclass(frozen=True)
class Term:
    en: str
    en_variants: tuple[str, ...] = ()
    forms: Mapping[str, LangForms] = field(default_factory=dict, hash=False)
    dnt: bool = False  # do not translate: the English form stays, verbatim
    note: str = ""
    source: str = ""  # file:line

    @property
    def english(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)


@dataclass(frozen=True)
class Violation:
    term: Term
    expected: str  # the canonical form
    found: str  # the forbidden text found, or ""
    rule: str  # "missing" | "forbidden" | "dnt"
    message: str
    span: tuple[int, int] | None = None  # where ``found`` is in the translation
    replacement: str | None = None  # what ``found`` should be, when determinable

    def apply(self, text: str) -> str | None:
        """``text`` with this violation repaired, or None when it cannot be."""
        if self.span is None or self.replacement is None:
            return None
        start, end = self.span
        fixed = text[:start] + self.replacement + text[end:]
        return fixed if fixed != text else None


@dataclass(frozen=True)
class Enforced:
    text: str
    replaced: list[tuple[str, str]]  # (old, new)
    missing: list[Term]
