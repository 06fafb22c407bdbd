"""Reading the text files l10n is given: articles, PO files, glossaries.

One place decides what a readable text file is (UTF-8, no NUL bytes, not a
folder), so every command reports a bad file the same way: the path, the
line where it goes wrong, and how to fix it.
"""

from __future__ import annotations

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
