"""Loading a glossary: a folder of ``*.toml`` and ``*.tsv`` files, or one file.

The files are read (:mod:`l10n.glossary.formats`), every entry validated
(:mod:`l10n.glossary.validate`) and the terms kept for the next run
(:mod:`l10n.glossary.cache`); an unchanged glossary is read back from there.
"""

from __future__ import annotations

from pathlib import Path

from l10n.errors import InputFileError
from l10n.glossary.cache import LoadCache
from l10n.glossary.formats import GLOSSARY_SUFFIXES, RawTerm, read_toml, read_tsv
from l10n.glossary.glossary import Glossary
from l10n.glossary.validate import build_term, check_conflicts


def load_glossary(path: Path | str) -> Glossary:
    """Read a glossary: a folder (every ``*.toml`` and ``*.tsv`` in it) or one file.

    TOML: one table per term, named by its English form::

        ["Sudzha"]
        variants = ["Sudža"]              # other English spellings
        note = "Town in Kursk region."    # for translators
        sq = "Suxha"                      # canonical form per language
        uk = "Суджа"
        ru = "Суджа"
        accepted.uk = ["..."]             # extra forms/lemmas that also count
        forbidden.uk = ["Судзха"]         # must not appear, in any inflection
        inflect.sq = "f-a"                # Albanian ending class (optional)
        dnt = true                        # do not translate (no language forms)

    TSV: a header row naming the columns ``en variants dnt note sq sq_accepted
    sq_forbidden sq_inflect uk ... ru ...``, one term per row, lists separated by
    ``|``.  Errors (syntax, duplicate or conflicting entries, unknown languages,
    empty forms, binary files) raise :class:`InputFileError` with file and line.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(
            f
            for f in p.iterdir()
            if f.is_file() and f.suffix in GLOSSARY_SUFFIXES and not f.name.startswith(".")
        )
        if not files:
            raise InputFileError(
                str(p), "no glossary files here", hint="expected *.toml or *.tsv files"
            )
    elif p.is_file():
        if p.suffix not in GLOSSARY_SUFFIXES:
            raise InputFileError(
                str(p), "not a glossary file", hint="glossary files end in .toml or .tsv"
            )
        files = [p]
    else:
        raise InputFileError(str(p), "no such file or folder")
    cache = LoadCache(files)
    terms = cache.terms()
    if terms is None:
        raws: list[RawTerm] = []
        for f in files:
            raws.extend(read_tsv(f) if f.suffix == ".tsv" else read_toml(f))
        pairs = [(raw, build_term(raw)) for raw in raws]
        check_conflicts(pairs)
        terms = [term for _, term in pairs]
        cache.keep(terms)
    return Glossary(terms)
