"""``l10n init``: a new project that works on the first command.

A newsroom adopting l10n should not have to learn the layout before it sees
a result, so ``init`` writes a documented ``l10n.toml``, the folders the
defaults name, a glossary whose comments are the format's documentation, and
a ``.gitignore`` for what l10n generates.  It never overwrites anything: an
existing file stops it before a single file is written, so running it in the
wrong folder costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n import languages
from l10n.config import CONFIG_NAME
from l10n.errors import L10nError
from l10n.files import write_atomic

GLOSSARY_EXAMPLE = "names.toml"


@dataclass(frozen=True)
class Created:
    root: Path
    files: tuple[Path, ...]
    folders: tuple[Path, ...]


def config_text(langs: Sequence[str], source_language: str) -> str:
    quoted = ", ".join(f'"{code}"' for code in langs)
    return f"""\
# l10n project configuration.  Paths are relative to this file; every l10n
# command finds it from any subfolder.  Options on the command line win.

[project]
source-language = "{source_language}"   # the language articles are written in
languages = [{quoted}]   # ISO 639-1 codes of the target languages
sources = ["source/*.{source_language}.txt"]   # globs: `l10n translate` with no FILE takes them all
locales = "locales"     # NAME.pot and LANG/NAME.po, reviewed in Poedit
glossary = "glossary"   # *.toml / *.tsv name forms every translation must use
build = "build"         # where `l10n build` writes the translated articles

[translate]
beam = 4                # beam size of machine translation (1 = fastest)
device = "cpu"          # cpu; cuda (a GPU, an error where there is none); auto (a GPU if any)
low-confidence = 0.5    # `l10n status` counts machine translations the model was less sure of
glossary-decoding = true  # sentences with glossary terms: n-best, then the term forced

# Each language is translated by its installed Argos package (`l10n models
# install LANG`) unless a table here names a CTranslate2 model folder:
#
# [engines.uk]
# kind = "ctranslate2"
# model = "models/opus-mt-tc-big-en-zle"  # the converted model, relative to this file
# source-tokenizer = "source.spm"  # SentencePiece files, relative to the model folder
# target-tokenizer = "target.spm"  # default: the source tokenizer
# source-prefix = ">>ukr<<"        # token(s) before the source (OPUS-MT multi-target)
# source-suffix = "</s>"           # token(s) after it (models converted from Transformers)
# target-prefix = "ukr_Cyrl"       # token(s) forced first in the output (NLLB, M2M-100)
# device = "auto"                  # this language's device
# compute-type = "auto"            # or int8, float16, ... (CTranslate2's compute types)

[check]
spelling = "warning"    # "error": a word the dictionary lacks fails `l10n check` (exit 1)
"""


def glossary_text(langs: Sequence[str]) -> str:
    forms = "\n".join(f'#   {code} = "..."' for code in langs)
    names = ", ".join(f"{languages.name(code)} ({code})" for code in langs)
    return f"""\
# Glossary: the fixed forms that translations into {names} must use.
# Every *.toml and *.tsv file in this folder is loaded; mistakes are reported
# with the file and line, and `l10n check` fails when a translation breaks it.
#
# One table per term, named by its English form (quote it: ["St. Petersburg"]):
#
#   ["Example Name"]
#   variants = ["Example-Name"]     # other spellings of the same name in the source
#   note = "..."                    # for translators (PO comments, TBX export)
{forms}
#   accepted.LANG = ["..."]         # other forms that also count
#   forbidden.LANG = ["..."]        # variants that must not appear
#   dnt = true                      # do not translate: stays as written everywhere
#
# A form counts in any inflection where l10n knows the language's morphology
# (Russian and Ukrainian through pymorphy3, Albanian through its ending
# table); elsewhere list the inflected forms under accepted.LANG.
"""


GITIGNORE = """\
# Written by l10n: compiled catalogs and rebuilt articles.
*.mo
build/
# Left by an l10n run that was killed; the next run cleans them up.
.l10n.lock
.*.l10n-tmp-*
.l10n-journal-*.json
# Translation memory database: rebuilt from the PO files by `l10n memory rebuild`.
.l10n/
"""


def _next_steps(root: Path, source_language: str) -> str:
    return (
        f"next: put articles in {root / 'source'}/NAME.{source_language}.txt, then\n"
        "  l10n models install LANG...   # once, for machine translation\n"
        "  l10n translate                # pre-translate every source into locales/\n"
        "  l10n status && l10n check     # review in Poedit, then check\n"
        "  l10n build                    # the reviewed articles, in build/"
    )


def create_project(
    root: Path, langs: Sequence[str], *, source_language: str = "en"
) -> tuple[Created, str]:
    """Write a new project into ``root``; return what was created and the next steps.

    Nothing is written when any of the files exists already.
    """
    if not langs:
        raise L10nError("name at least one target language", hint="--languages de,uk")
    for code in (*langs, source_language):
        if not languages.is_known(code):
            raise L10nError(
                f"unknown language code {code!r}", hint="use ISO 639-1 codes such as de, sq, uk"
            )
    files = {
        root / CONFIG_NAME: config_text(langs, source_language),
        root / "glossary" / GLOSSARY_EXAMPLE: glossary_text(langs),
        root / ".gitignore": GITIGNORE,
    }
    for path in files:
        if path.exists() or path.is_symlink():
            raise L10nError(
                f"{path}: already exists; l10n init never overwrites a file",
                hint="run it in a new folder, or remove the file first",
            )
    if root.exists() and not root.is_dir():
        raise L10nError(f"{root}: is a file, not a folder")
    folders = tuple(root / name for name in ("source", "locales", "glossary"))
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        write_atomic(path, text)
    return Created(root, tuple(files), folders), _next_steps(root, source_language)
