"""PO files for the memory tests: reviewed sentences in a locales folder."""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.po import format_po

LONG = "Ukrainian forces attacked the village southeast of Sudzha on Monday morning."
LONG_UK = "Українські сили атакували село на південний схід від Суджі в понеділок вранці."


def write_po(path: Path, pairs: dict[str, str], *, lang: str, fuzzy: tuple[str, ...] = ()) -> Path:
    po = polib.POFile()
    po.metadata = {
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for msgid, msgstr in pairs.items():
        flags = ["fuzzy"] if msgid in fuzzy else []
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_po(po), encoding="utf-8")
    return path


def sample_locales(root: Path) -> Path:
    locales = root / "locales"
    write_po(locales / "uk" / "a.po", {"World": "Світ", LONG: LONG_UK}, lang="uk")
    write_po(
        locales / "uk" / "b.po",
        {"World": "Світ (b)", "Unreviewed": "Неперевірене"},
        lang="uk",
        fuzzy=("Unreviewed",),
    )
    write_po(locales / "sq" / "a.po", {"World": "Bota"}, lang="sq")
    return locales
