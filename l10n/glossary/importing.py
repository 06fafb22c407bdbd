"""``l10n glossary import``: a termbase (TBX, CSV, TSV) turned into the
project's TOML, for review in git (:func:`import_glossary`).

The imported terms go to a new TOML file in the glossary folder, named after
the input (``weblate.tbx`` -> ``glossary/weblate.toml``), never over an
existing file.  Only the project's languages are kept.  A term the glossary
already has is left alone when the import says nothing new about it, and is
otherwise a conflict, refused unless ``replace``: then the imported forms win
where the two disagree, the forms only the glossary has stay, and the term is
rewritten where it is defined, so the change shows in ``git diff``.  Nothing
is written unless the glossary as it would be afterwards loads without error.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from l10n import tomlfile
from l10n.errors import InputFileError, L10nError
from l10n.files import write_atomic
from l10n.glossary.formats import GLOSSARY_SUFFIXES, read_glossary_text
from l10n.glossary.load import glossary_files, load_terms, read_terms
from l10n.glossary.model import LangForms, Term
from l10n.glossary.tomlwrite import format_term, format_terms
from l10n.glossary.validate import for_languages, phrase_key

IMPORTABLE = (".tbx", ".csv", ".tsv")
_HEADER = re.compile(r"^\s*\[(?!\[)")


@dataclass
class ImportResult:
    target: Path  # the TOML file of the new terms
    added: list[Term] = field(default_factory=list)
    unchanged: list[Term] = field(default_factory=list)  # already in the glossary as imported
    updated: list[Term] = field(default_factory=list)  # rewritten in place (replace)
    rewritten: list[Path] = field(default_factory=list)  # the files they are in


def import_glossary(
    source: Path,
    folder: Path,
    languages: Sequence[str] | None = None,
    *,
    to: Path | None = None,
    replace: bool = False,
) -> ImportResult:
    """Import ``source`` into the glossary ``folder`` for ``languages`` (None: the
    glossary's own, or else the file's) and write the result."""
    target = _target(source, folder, to)
    existing_files = _existing(folder)
    existing = load_terms(existing_files) if existing_files else []
    langs = languages
    if langs is None and existing:
        langs = for_languages(existing, None)[1]
    imported, _ = for_languages(read_terms([source]), langs)
    result = ImportResult(target)
    current = {id(t): t for t in existing}
    owners = _owners(existing)
    for term in imported:
        old = _owner(term, owners)
        if old is None:
            result.added.append(term)
            continue
        now = current[id(old)]
        merged = _merge(now, term)
        if merged == now:
            result.unchanged.append(term)
            continue
        if not replace:
            raise InputFileError(
                _path(term.source),
                f'conflicting entries: "{term.en}" differs from the glossary\'s entry at '
                f"{old.source} ({_difference(now, merged)})",
                line=_line(term.source),
                hint="--replace takes the imported forms where they differ; or edit one of the two",
            )
        current[id(old)] = merged
    updates = [(old, current[id(old)]) for old in existing if current[id(old)] is not old]
    result.updated = [new for _, new in updates]
    texts = _rewrite(updates)
    result.rewritten = list(texts)
    if result.added:
        header = f"# Imported from {source.name} by `l10n glossary import`.\n"
        texts[target] = format_terms(result.added, header)
    files = [*existing_files, target] if result.added else existing_files
    for_languages(read_terms(files, texts), langs)  # the glossary afterwards must load
    for path, text in texts.items():
        write_atomic(path, text)
    return result


def _target(source: Path, folder: Path, to: Path | None) -> Path:
    if source.suffix not in IMPORTABLE:
        hint = "a TOML glossary needs no import: copy it into the glossary folder"
        raise InputFileError(
            str(source),
            "cannot import this kind of file",
            hint=hint if source.suffix == ".toml" else "import *.tbx, *.csv or *.tsv files",
        )
    read_glossary_text(source)  # a missing or unreadable file says so first
    if folder.is_dir() and source.resolve().is_relative_to(folder.resolve()):
        raise InputFileError(
            str(source),
            "is in the glossary folder, where it is loaded as it is",
            hint="import it from outside the folder, or keep it there and skip the import",
        )
    target = to if to is not None else folder / f"{source.stem}.toml"
    if target.suffix != ".toml":
        raise L10nError(f"{target}: the imported glossary is written as TOML (*.toml)")
    if target.exists():
        raise InputFileError(
            str(target), "already exists", hint="choose another file with --to FILE.toml"
        )
    return target


def _existing(folder: Path) -> list[Path]:
    if not folder.is_dir() or not any(
        f.suffix in GLOSSARY_SUFFIXES for f in folder.iterdir() if not f.name.startswith(".")
    ):
        return []
    return glossary_files(folder)


def _owners(terms: Sequence[Term]) -> dict[tuple[str, ...], Term]:
    owners = {}
    for term in terms:
        for name in term.english:
            owners[phrase_key(name, "en")] = term
    return owners


def _owner(term: Term, owners: dict[tuple[str, ...], Term]) -> Term | None:
    hits = (owners.get(phrase_key(name, "en")) for name in term.english)
    found = list({id(t): t for t in hits if t is not None}.values())
    if len(found) > 1:
        raise InputFileError(
            _path(term.source),
            f'conflicting entries: the names of "{term.en}" belong to two terms of the glossary '
            f'("{found[0].en}" at {found[0].source}, "{found[1].en}" at {found[1].source})',
            line=_line(term.source),
        )
    return found[0] if found else None


def _path(source: str) -> str:
    return source.rpartition(":")[0]


def _line(source: str) -> int:
    return int(source.rpartition(":")[2])


# --- merging ---------------------------------------------------------------------


def _merge(old: Term, new: Term) -> Term:
    """``old`` with what ``new`` says: ``new`` wins where they disagree."""
    if old.dnt != new.dnt:
        forms = dict(new.forms)
    else:
        forms = dict(old.forms)
        for lang, lf in new.forms.items():
            if new.dnt and lf == LangForms(new.en) and lang not in forms:
                continue  # nothing to say: a do-not-translate name stays as it is
            forms[lang] = _merge_forms(forms.get(lang), lf, lang)
    seen = {phrase_key(old.en, "en")}
    variants = []
    for variant in (*old.en_variants, new.en, *new.en_variants):
        key = phrase_key(variant, "en")
        if key not in seen:
            seen.add(key)
            variants.append(variant)
    return dataclasses.replace(
        old,
        en_variants=tuple(variants),
        forms=forms,
        dnt=new.dnt,
        note=new.note or old.note,
    )


def _merge_forms(old: LangForms | None, new: LangForms, lang: str) -> LangForms:
    if old is None:
        return new
    good = {phrase_key(x, lang) for x in new.lemmas}
    bad = {phrase_key(x, lang) for x in new.forbidden}
    canonical = phrase_key(new.canonical, lang)
    accepted = [x for x in (*old.accepted, *new.accepted) if phrase_key(x, lang) not in bad]
    forbidden = [x for x in (*old.forbidden, *new.forbidden) if phrase_key(x, lang) not in good]
    return LangForms(
        new.canonical,
        tuple(_unique(x for x in accepted if phrase_key(x, lang) != canonical)),
        tuple(_unique(forbidden)),
        new.inflect or old.inflect,
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _difference(old: Term, new: Term) -> str:
    """The first way ``new`` differs from ``old``, in a few words."""
    if old.dnt != new.dnt:
        return "do-not-translate here" if new.dnt else "translated here, do-not-translate there"
    for lang, lf in new.forms.items():
        was = old.forms.get(lang)
        if was is None or not was.canonical:
            return f"a {lang} form here, none there"
        if was.canonical != lf.canonical:
            return f'{lang}: "{lf.canonical}" here, "{was.canonical}" there'
        if was != lf:
            return f"more {lang} forms here"
    if old.en_variants != new.en_variants:
        return "more English variants here"
    return "another note here"


# --- rewriting terms in place --------------------------------------------------------


def _rewrite(updates: Sequence[tuple[Term, Term]]) -> dict[Path, str]:
    """The new text of each file holding an updated term: its table replaced."""
    by_file: dict[str, list[tuple[Term, Term]]] = {}
    for old, new in updates:
        by_file.setdefault(_path(old.source), []).append((old, new))
    return {Path(path): _replace_tables(Path(path), pairs) for path, pairs in by_file.items()}


def _replace_tables(path: Path, updates: list[tuple[Term, Term]]) -> str:
    text = read_glossary_text(path)
    lines = text.splitlines(keepends=True)
    starts = sorted(n for key, n in tomlfile.scan_lines(path, text).items() if len(key) == 1)
    spans = []
    for old, new in updates:
        line = _line(old.source)
        if path.suffix != ".toml" or not _HEADER.match(lines[line - 1]):
            raise InputFileError(
                str(path),
                f'cannot rewrite "{old.en}" here to take the imported forms',
                line=line,
                hint="edit the entry by hand, or remove it and import again",
            )
        later = [n for n in starts if n > line]
        end = later[0] - 1 if later else len(lines)
        # Blank lines and comments before the next table belong to that table.
        while end > line and (
            not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
        ):
            end -= 1
        spans.append((line, end, format_term(new)))
    for line, end, table in sorted(spans, reverse=True):
        lines[line - 1 : end] = [table]
    return "".join(lines)
