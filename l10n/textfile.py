"""Reading the text files l10n is given (articles, PO files, glossaries) and
writing files safely.

One place decides what a readable text file is (UTF-8, no NUL bytes, not a
folder), so every command reports a bad file the same way: the path, the
line where it goes wrong, and how to fix it.  And one place writes files
(PO files, articles, TBX, caches) so that none is ever left half-written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from l10n.errors import InputFileError


def read_text(path: Path | str, *, kind: str, hint: str | None = None) -> str:
    """The file's text, without a byte-order mark; an unusable file is an input error.

    ``kind`` names what the file should be ("PO file", "glossary"...) in the
    messages; ``hint`` says how to fix a file of that kind.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputFileError(str(path), f"is a folder, not a {kind}", hint=hint) from None
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read: {exc.strerror or exc}", hint=hint) from None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise InputFileError(
            str(path), f"is a binary file (NUL byte), not a {kind}", line=line, hint=hint
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            str(path),
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            line=line,
            hint=f"save the {kind} as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


def write_atomic(path: Path | str, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` through a temporary file and a rename.

    A run that fails or is killed leaves either the old file or the new one,
    never half of one.  An unchanged file is not touched (its mtime stays):
    returns whether anything was written.  A path that cannot be written is
    an input error naming it.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        pass
    except OSError:
        pass  # unreadable: try to write it, which reports the real problem
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputFileError(
            str(path),
            f"cannot write: {exc.strerror or exc}",
            hint="check that its folder exists or can be created, and is writable",
        ) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return True
