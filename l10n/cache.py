"""Files kept between runs: where they live, the off switch, when they are stale.

Caches spare a run work that an earlier run already did: the terms of a
loaded glossary (:mod:`l10n.glossary.cache`), the word forms pymorphy3
produced (:mod:`l10n.morph.cache`) and the sentences pysbd found in a
document (:mod:`l10n.documents.spans`), among others.  All live in
``$XDG_CACHE_HOME/l10n`` (``~/.cache/l10n`` when it is unset), all are
switched off by ``L10N_NO_CACHE=1``, and all are keyed by
:func:`code_fingerprint` of the code that computes what they keep: a file
written by other code is never read back, so an edit to that code can never
serve stale data.

The folder may come from anywhere (CI restores it from ``actions/cache``), so a
cache file is data to check, never code to run: the caches are JSON, read
with :func:`read_json` (which never blocks on a FIFO nor reads a device) and
checked for shape before use; a file that is not what this code writes is a
cache miss.  Writing one (:func:`write`) is atomic and never fails the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# Far above what a large glossary needs (1,000 terms: 0.3 MB); a larger file
# was not written by l10n, and reading it would only cost memory.
MAX_BYTES = 64 << 20


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


def read_json(path: Path) -> Any:
    """The JSON value in the cache file ``path``, or None when there is none
    to use: missing, not a regular file, larger than :data:`MAX_BYTES`,
    unreadable, not UTF-8 or not JSON (nested too deep included)."""
    try:
        # O_NONBLOCK: opening a FIFO planted there must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            data = handle.read()
    except OSError:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def write(path: Path, value: Any) -> None:
    """Keep ``value`` as JSON in the cache file ``path``, atomically.

    A cache is never worth failing a run for: an unwritable folder, a full
    disk or a folder where the file should be means no cache, silently.  Not
    :func:`l10n.textfile.write_atomic`, which is for the user's files: it
    reads the old file first (a FIFO planted here would block), keeps its
    mode and syncs to disk, none of which a cache needs (a file torn by a
    crash is only a cache miss), and its errors are the user's to fix.
    """
    tmp: str | None = None
    try:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)  # over a file, a FIFO or a link alike; a folder stays
        tmp = None
    except (OSError, ValueError, TypeError, RecursionError):
        pass  # ValueError: a lone surrogate, which UTF-8 cannot encode
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
