"""In-place edits of msgstrs, for ``l10n check --fix``.

A fix must not re-wrap a translator's file: every byte but the fixed msgstr
lines (and the ``fuzzy`` flag) stays as it was, line ends and charset too.
"""

from __future__ import annotations

from pathlib import Path

from l10n.files import write_atomic
from l10n.po.read import _read_bytes, decode_po, decode_strings
from l10n.po.write import encode_po, format_field


def _unquote(line: str) -> str:
    """The text of the quoted string on a line, decoded as :func:`parse_po` does
    (so that msgids found here match the ones it read)."""
    line = line.strip()
    start, end = line.find('"'), line.rfind('"')
    return decode_strings([line[start : end + 1]]) if 0 <= start < end else ""


def patch_msgstrs(text: str, changes: dict[str, str], *, mark_fuzzy: bool = True) -> str:
    """Rewrite the msgstr of the entries named in ``changes`` (msgid -> new msgstr).

    Every other byte of the file stays as it was: only the msgstr lines of
    those entries are rewritten, and ``fuzzy`` is added to their flags.  This
    is what ``l10n check --fix`` needs: a fix must not re-wrap a translator's
    file.  The lines written end as the entry's msgstr line ended (CRLF stays
    CRLF); a lone CR inside a line is part of that line.  Entries with a
    msgctxt or plural forms are left alone.
    """
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        out.extend(_patch_block(block, changes, mark_fuzzy) if block else [])
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _patch_block(block: list[str], changes: dict[str, str], mark_fuzzy: bool) -> list[str]:
    if any(ln.startswith(("#~", "msgctxt", "msgid_plural")) for ln in block):
        return block
    msgid_at = next((i for i, ln in enumerate(block) if ln.startswith("msgid ")), None)
    msgstr_at = next((i for i, ln in enumerate(block) if ln.startswith("msgstr ")), None)
    if msgid_at is None or msgstr_at is None or msgstr_at < msgid_at:
        return block
    msgid = "".join(_unquote(ln) for ln in block[msgid_at:msgstr_at])
    if msgid not in changes or not msgid:
        return block
    end = msgstr_at + 1
    while end < len(block) and block[end].lstrip().startswith('"'):
        end += 1
    cr = "\r" if block[msgstr_at].endswith("\r") else ""
    no_wrap = any(ln.startswith("#,") and "no-wrap" in ln for ln in block)
    msgstr = [ln + cr for ln in format_field("msgstr", changes[msgid], wrap=not no_wrap)]
    new = block[:msgstr_at] + msgstr + block[end:]
    if mark_fuzzy:
        flags_at = next((i for i, ln in enumerate(new) if ln.startswith("#,")), None)
        if flags_at is None:
            first = next(i for i, ln in enumerate(new) if ln.startswith(("#|", "msgid ")))
            new.insert(first, "#, fuzzy" + cr)
        elif "fuzzy" not in [f.strip() for f in new[flags_at][2:].split(",")]:
            new[flags_at] = "#, fuzzy, " + new[flags_at][2:].strip() + cr
    return new


def patch_po_bytes(
    data: bytes, changes: dict[str, str], where: str, *, mark_fuzzy: bool = True
) -> bytes:
    """:func:`patch_msgstrs` on a file's bytes: read in the charset its header
    declares and written back in it, line ends as they were."""
    text, codec, _ = decode_po(data, where)
    patched = patch_msgstrs(text, changes, mark_fuzzy=mark_fuzzy)
    return data if patched == text else encode_po(patched, codec, where)


def patch_po_file(path: Path | str, changes: dict[str, str], *, mark_fuzzy: bool = True) -> bool:
    """:func:`patch_po_bytes` on a file, in place.  Returns whether it changed."""
    path = Path(path)
    data = _read_bytes(path)
    patched = patch_po_bytes(data, changes, str(path), mark_fuzzy=mark_fuzzy)
    return patched != data and write_atomic(path, patched)
