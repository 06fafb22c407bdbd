"""The glossary: names that must come out the same way every time.

A :class:`Term` is one name: its English form and English variants, and per
language (any the project translates into) a canonical form, extra accepted
forms or lemmas and forbidden variants, a do-not-translate flag and a note
for translators.  The data lives in the glossary folder: ``*.toml`` files,
``*.tsv``/``*.csv`` tables (DeepL glossaries among them) and ``*.tbx``
termbases; the format is described in docs/glossary.md and in
:func:`load_glossary`.

Matching understands inflection where l10n has the morphology: a term is
present in a translation when any inflected form of its canonical form or of
an accepted lemma occurs as a whole word, so ``Курской области``, ``Николаю
Петрову`` and ``Suxhës`` all count (pymorphy3 for ru and uk, an ending table
for sq, :mod:`l10n.morph`).  Other languages match the forms as written and
the accepted ones (:meth:`Glossary.matching`).

One module per stage:

- :mod:`~l10n.glossary.model`: the records (:class:`Term`, :class:`LangForms`,
  :class:`Violation`, :class:`Enforced`);
- :mod:`~l10n.glossary.formats`: reading files, TOML among them;
  :mod:`~l10n.glossary.tables` (TSV, CSV, DeepL) and
  :mod:`~l10n.glossary.tbx` (TBX) for the other formats;
- :mod:`~l10n.glossary.validate`: from what was read to terms, with file:line
  errors, and the terms fitted to the project's languages;
- :mod:`~l10n.glossary.load`: :func:`load_glossary`, kept between runs by
  :mod:`~l10n.glossary.cache`;
- :mod:`~l10n.glossary.forms`: a term's word forms per language, compiled and
  indexed;
- :mod:`~l10n.glossary.matching`: finding them in English and in translations;
- :mod:`~l10n.glossary.glossary`: the :class:`Glossary` (terms in a source
  text, violations in a translation, translator notes);
- :mod:`~l10n.glossary.repair`: forbidden variants replaced in machine output;
- :mod:`~l10n.glossary.tbx`: :func:`export_tbx` (TBX-Basic, for Weblate,
  OmegaT, memoQ); :func:`export_deepl_tsv` writes one language pair for DeepL;
- :mod:`~l10n.glossary.importing`: :func:`import_glossary`, a termbase into
  the project's TOML (:mod:`~l10n.glossary.tomlwrite` writes it).

The ``glossary`` check lives in :mod:`l10n.qa.checks.glossary`; nothing here
imports the checks.  Importing this package does not load pymorphy3, which
happens on first use of ru or uk, nor an XML parser.
"""

from l10n.glossary.formats import GLOSSARY_SUFFIXES
from l10n.glossary.glossary import Glossary
from l10n.glossary.importing import import_glossary
from l10n.glossary.load import load_glossary
from l10n.glossary.model import RULES, Enforced, LangForms, Term, Violation
from l10n.glossary.tables import export_deepl_tsv
from l10n.glossary.tbx import export_tbx

__all__ = [
    "GLOSSARY_SUFFIXES",
    "RULES",
    "Enforced",
    "Glossary",
    "LangForms",
    "Term",
    "Violation",
    "export_deepl_tsv",
    "export_tbx",
    "import_glossary",
    "load_glossary",
]
