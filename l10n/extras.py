"""Optional parts of l10n, installed as extras: a clear error where one is missing.

``pip install l10n`` is what checking needs (segment, check, status, build,
glossary, init): a CI job or a pre-commit hook should not download torch to
read PO files.  Machine translation (argostranslate, CTranslate2,
SentencePiece, and torch through argostranslate) comes with
``pip install "l10n[mt]"``.
"""

from __future__ import annotations

import importlib.util

from l10n.errors import L10nError

MT_MODULES = ("argostranslate", "ctranslate2", "sentencepiece")


def missing(modules: tuple[str, ...]) -> list[str]:
    """The modules of ``modules`` that are not installed."""
    return [name for name in modules if importlib.util.find_spec(name) is None]


def require_mt(purpose: str = "machine translation") -> None:
    """Stop with a message saying what to install when MT is not installed."""
    absent = missing(MT_MODULES)
    if absent:
        raise L10nError(
            f"{purpose} needs {', '.join(absent)}, which this installation of l10n lacks",
            hint='install it with: pip install "l10n[mt]"',
        )
