"""Writing a run's files as one, without losing what a translator saved meanwhile.

``l10n translate`` and ``l10n check --fix`` rewrite PO files that people
edit.  Three tools keep their work:

- :class:`WriteSet`: a run's files are written all or none.  Every new
  content is staged beside its destination first; a journal then lists the
  renames, so that a run killed half-way is finished by :func:`recover`.
- :class:`FileVersion`: what a file held when it was read.  ``WriteSet.add(
  ..., expect=version)`` makes the commit refuse, writing nothing, when
  someone saved the file since (:class:`ConcurrentEditError`).
- :func:`folder_lock`: one writing run per folder at a time.

How a command uses them::

    with folder_lock(locales):
        recover(locales)  # finish or undo what a killed run left
        text, version = read_versioned(po, kind="PO file", missing_ok=True)
        new_text = ...  # merge, translate, fix
        files = WriteSet(locales)
        files.add(po, new_text, expect=version)
        files.commit()  # ConcurrentEditError: read again, merge again, retry

A second writing run on the folder stops at once (or after ``wait_s``)
with :class:`FolderLockedError` naming the holder.  How each single file
is written (links, FIFOs, modes) is :mod:`l10n.textfile`'s.

Modules: ``version`` (what a file held), ``writeset`` (all or none, the
journal, recovery), ``lock`` (one writer per folder), ``owner`` (which
process wrote a record, and whether it still runs).
"""

from __future__ import annotations

from l10n.files.atomic import write_atomic
from l10n.files.lock import LOCK_NAME, FolderLockedError, folder_lock
from l10n.files.version import (
    MISSING,
    ConcurrentEditError,
    FileVersion,
    changed_since,
    read_versioned,
    snapshot,
)
from l10n.files.writeset import (
    STALE_AFTER_S,
    Recovery,
    WriteSet,
    clean_stale_temporaries,
    recover,
)

__all__ = [
    "LOCK_NAME",
    "MISSING",
    "STALE_AFTER_S",
    "ConcurrentEditError",
    "FileVersion",
    "FolderLockedError",
    "Recovery",
    "WriteSet",
    "changed_since",
    "clean_stale_temporaries",
    "folder_lock",
    "read_versioned",
    "recover",
    "snapshot",
    "write_atomic",
]
