"""What the cluster tests share: the article, its entries, the project's outputs."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

from conftest import LANGS, msgfmt_check, snapshot

from l10n import catalog
from l10n.po import read_po
from l10n.segment import read_source, segment_text

SOURCE = Path("source/kursk.en.txt")
BATCH = 4  # small batches: several tasks per language, so a crash lands mid-run


def segments(root: Path) -> list[str]:
    return list(dict.fromkeys(s.text for s in segment_text(read_source(root / SOURCE))))


def entries(root: Path, lang: str) -> list[tuple]:
    """What a reviewer sees of each entry: text, flags, notes."""
    po = read_po(root / "locales" / lang / "kursk.po")
    return [(e.msgid, e.msgstr, e.flags, e.comment) for e in po if not e.obsolete]


def assert_translated(root: Path, langs: tuple[str, ...] = LANGS) -> None:
    """Every segment translated, fuzzy, noted; msgfmt --check clean."""
    for lang in langs:
        path = root / "locales" / lang / "kursk.po"
        check = msgfmt_check(path)
        assert check.returncode == 0, check.stderr
        found = entries(root, lang)
        assert [msgid for msgid, *_ in found] == segments(root)
        for msgid, msgstr, flags, comment in found:
            assert msgstr.strip(), (lang, msgid)
            assert "fuzzy" in flags, (lang, msgid)
            assert catalog.MT_NOTE_PREFIX in comment, (lang, comment)


def outputs(root: Path) -> dict[str, bytes]:
    """The project's files but the translation memory's index (.l10n/), which a
    run builds from the PO files before it decodes: no output of the run."""
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".l10n/")}


def copy_project(root: Path, dest: Path) -> Path:
    """The project's inputs (sources, glossary, models, l10n.toml), not its outputs."""
    for name in ("source", "glossary", "models"):
        if (root / name).is_dir():
            shutil.copytree(root / name, dest / name)
    if (root / "l10n.toml").is_file():
        shutil.copy(root / "l10n.toml", dest / "l10n.toml")
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
