"""Loading a glossary: a folder of glossary files, or one file.

The files are read (:mod:`l10n.glossary.formats`), every entry validated
and merged (:mod:`l10n.glossary.validate`) and the terms kept for the next run
(:mod:`l10n.glossary.cache`); an unchanged glossary is read back from there.
What is kept does not depend on the project's languages: the terms are
fitted to them (:func:`~l10n.glossary.validate.for_languages`) after the
cache, which takes microseconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from l10n.errors import InputFileError, L10nError
from l10n.glossary.cache import LoadCache
from l10n.glossary.formats import (
    GLOSSARY_SUFFIXES,
    RawTerm,
    read_glossary_text,
    read_toml,
)
from l10n.glossary.glossary import Glossary
from l10n.glossary.model import Term
from l10n.glossary.tables import read_table
from l10n.glossary.tbx import read_tbx
from l10n.glossary.validate import build_term, for_languages, merge_terms

_SUFFIXES = ", ".join(f"*{s}" for s in GLOSSARY_SUFFIXES)


def load_glossary(path: Path | str, languages: Sequence[str] | None = None) -> Glossary:
    """Read a glossary: a folder (every ``*.toml``, ``*.tsv``, ``*.csv`` and
    ``*.tbx`` in it) or one file, for the project's ``languages``.

    TOML: one table per term, named by its English form::

        ["Sudzha"]
        variants = ["Sudža"]              # other English spellings
        note = "Town in Kursk region."    # for translators
        uk = "Суджа"                      # canonical form, one per language
        de = "Sudscha"
        accepted.uk = ["..."]             # extra forms/lemmas that also count
        forbidden.uk = ["Судзха"]         # must not appear, in any inflection
        inflect.sq = "f-a"                # Albanian ending class (optional)
        dnt = true                        # do not translate (no language forms)

    TSV and CSV tables (a header row naming the columns, or a DeepL glossary
    of one language pair) and TBX termbases are described in
    docs/glossary.md.  Every term gives a form for each of ``languages``
    (None: the languages the files give), forms in other languages are left
    out.  Errors (syntax, duplicate or conflicting entries, unknown
    languages, empty forms, binary files) raise :class:`InputFileError` with
    file and line.
    """
    files = glossary_files(path)
    cache = LoadCache(files)
    cached = cache.terms()
    if cached is not None:
        try:
            return Glossary(*for_languages(cached, languages))
        except L10nError:
            pass  # the error, if true, comes again from the files themselves
    terms = read_terms(files)
    cache.keep(terms)
    return Glossary(*for_languages(terms, languages))


def glossary_files(path: Path | str) -> list[Path]:
    """The files of a glossary folder, or the one glossary file ``path``."""
    p = Path(path)
    if p.is_dir():
        files = sorted(
            f
            for f in p.iterdir()
            if f.is_file() and f.suffix in GLOSSARY_SUFFIXES and not f.name.startswith(".")
        )
        if not files:
            raise InputFileError(str(p), "no glossary files here", hint=f"expected {_SUFFIXES}")
        return files
    if p.is_file():
        if p.suffix not in GLOSSARY_SUFFIXES:
            raise InputFileError(
                str(p), "not a glossary file", hint=f"glossary files are {_SUFFIXES}"
            )
        return [p]
    raise InputFileError(str(p), "no such file or folder")


def load_terms(files: Sequence[Path]) -> list[Term]:
    """The validated, merged terms of ``files``, from the cache when unchanged."""
    cache = LoadCache(files)
    terms = cache.terms()
    if terms is None:
        terms = read_terms(files)
        cache.keep(terms)
    return terms


def read_file(path: Path, text: str | None = None) -> list[RawTerm]:
    """The terms of one glossary file, by its suffix; ``text`` when it is not
    on disk yet (``l10n glossary import`` checks what it would write)."""
    if text is None:
        text = read_glossary_text(path)
    if path.suffix == ".toml":
        return read_toml(path, text)
    if path.suffix == ".tbx":
        return read_tbx(path, text)
    return read_table(path, text)


def read_terms(files: Sequence[Path], texts: Mapping[Path, str] | None = None) -> list[Term]:
    """The validated, merged terms of ``files``; ``texts`` replaces what some
    of them hold on disk (or would hold: a file not written yet)."""
    texts = texts or {}
    raws: list[RawTerm] = []
    for f in files:
        if f.suffix == ".toml":
            raws.extend(read_toml(f, texts[f]) if f in texts else read_toml(f))
        else:
            raws.extend(read_file(f, texts.get(f)))
    return merge_terms([(raw, build_term(raw)) for raw in raws])
