"""The glossary: names that must come out the same way every time.

A :class:`Term` is one name: its English form and English variants, and per
language (sq, uk, ru) a canonical form, extra accepted forms or lemmas and
forbidden variants, a do-not-translate flag and a note for translators.  The
data lives in ``glossary/*.toml`` (or ``*.tsv``); the format is described at the
top of ``glossary/names.toml`` and in :func:`load_glossary`.

Matching understands inflection: a term is present in a translation when any
inflected form of its canonical form or of an accepted lemma occurs as a whole
word, so ``Курской области``, ``Николаю Петрову`` and ``Suxhës`` all count.
The forms come from :mod:`l10n.morph`.

One module per stage:

- :mod:`~l10n.glossary.model`: the records (:class:`Term`, :class:`LangForms`,
  :class:`Violation`, :class:`Enforced`);
- :mod:`~l10n.glossary.formats`: reading TOML and TSV files;
- :mod:`~l10n.glossary.validate`: from what was read to terms, with file:line
  errors;
- :mod:`~l10n.glossary.load`: :func:`load_glossary`, kept between runs by
  :mod:`~l10n.glossary.cache`;
- :mod:`~l10n.glossary.forms`: a term's word forms per language, compiled and
  indexed;
- :mod:`~l10n.glossary.matching`: finding them in English and in translations;
- :mod:`~l10n.glossary.glossary`: the :class:`Glossary` (terms in a source
  text, violations in a translation, translator notes);
- :mod:`~l10n.glossary.repair`: forbidden variants replaced in machine output;
- :mod:`~l10n.glossary.tbx`: :func:`export_tbx`, for Weblate, OmegaT, memoQ.

The ``glossary`` check lives in :mod:`l10n.qa.checks.glossary`; nothing here
imports the checks.  Importing this package does not load pymorphy3, which
happens on first use of ru or uk.
"""

from l10n.glossary.formats import GLOSSARY_SUFFIXES
from l10n.glossary.glossary import Glossary
from l10n.glossary.load import load_glossary
from l10n.glossary.model import LANGUAGES, RULES, Enforced, LangForms, Term, Violation
from l10n.glossary.tbx import export_tbx

__all__ = [
    "GLOSSARY_SUFFIXES",
    "LANGUAGES",
    "RULES",
    "Enforced",
    "Glossary",
    "LangForms",
    "Term",
    "Violation",
    "export_tbx",
    "load_glossary",
]
