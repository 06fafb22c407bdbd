"""Writing one file so that no crash leaves half of it.

It lives with :class:`~l10n.files.WriteSet` because a hard-linked file can
only be rewritten in place, which takes the write set's journal to finish
after a crash.
"""

from __future__ import annotations

from pathlib import Path

from l10n.files.writeset import WriteSet
from l10n.textfile import (
    DIRECT,
    IN_PLACE,
    publish,
    remove_temp,
    resolve_target,
    same_content,
    stage,
    sync_folder,
    write_direct,
    write_error,
)


def write_atomic(path: Path | str, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` so that no crash leaves half of it.

    A run that fails or is killed leaves either the old file or the new one,
    never half of one.  An unchanged file is not touched (its mtime stays):
    returns whether anything was written.  A path that cannot be written is
    an input error naming it.  Links, FIFOs and devices: see the module's
    docstring.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    target = resolve_target(path)
    if target.how == DIRECT:
        write_direct(target, data)
        return True
    if same_content(target.real, data):
        return False
    if target.how == IN_PLACE:
        # Rewriting in place is not atomic: only a journal finishes it after
        # a crash, and the journal lives with the writing of several files.
        files = WriteSet(target.real.parent)
        files.add(path, data)
        return bool(files.commit())
    temp = stage(target, data)
    try:
        publish(temp, target, data)
    except OSError as exc:
        raise write_error(path, exc) from None
    finally:
        remove_temp(temp)
    sync_folder(target.real.parent)
    return True
