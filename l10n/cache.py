"""Files kept between runs: where they live, the off switch, when they are stale.

Two caches spare a run work that an earlier run already did: the terms of a
loaded glossary (:mod:`l10n.glossary.cache`) and the word forms pymorphy3
produced (:mod:`l10n.morph.cache`).  Both live in ``$XDG_CACHE_HOME/l10n``
(``~/.cache/l10n`` when it is unset), both are switched off by
``L10N_NO_CACHE=1``, and both are keyed by :func:`code_fingerprint` of the code
that computes what they keep: a file written by other code is never read
back, so an edit to that code can never serve stale data.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path


def disabled() -> bool:
    """Whether ``L10N_NO_CACHE`` is set (to anything but an empty string)."""
    return bool(os.environ.get("L10N_NO_CACHE"))


def folder() -> Path:
    """Where cache files go: ``$XDG_CACHE_HOME/l10n``, else ``~/.cache/l10n``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "l10n"


def source_files(modules: Iterable[str]) -> list[tuple[str, Path]]:
    """(label, path) of the source of each module; a package stands for every
    ``.py`` file under its folder, so a module added to it later is covered
    without anyone having to remember to list it."""
    files: list[tuple[str, Path]] = []
    for name in modules:
        spec = find_spec(name)
        if spec is None:
            raise ModuleNotFoundError(f"no module named {name!r}", name=name)
        if spec.submodule_search_locations:
            for location in map(Path, spec.submodule_search_locations):
                files += [
                    (f"{name}/{path.relative_to(location).as_posix()}", path)
                    for path in sorted(location.rglob("*.py"))
                ]
        elif spec.origin:
            files.append((name, Path(spec.origin)))
    return files


def fingerprint(files: Iterable[tuple[str, Path]]) -> str:
    """A hash of the files' labels and bytes (see :func:`source_files`)."""
    digest = hashlib.sha256()
    for label, path in files:
        digest.update(f"\0{label}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_fingerprint(modules: Iterable[str]) -> str:
    """A hash of the source of ``modules`` (packages: every module in them).

    It raises OSError when a source file cannot be read.
    """
    return fingerprint(source_files(modules))
