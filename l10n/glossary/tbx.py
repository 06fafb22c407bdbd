"""The glossary as TBX, for Weblate, OmegaT and memoQ (see :func:`export_tbx`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.files import write_atomic

if TYPE_CHECKING:
    from l10n.glossary.glossary import Glossary

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"


def export_tbx(glossary: Glossary, path: Path | str) -> None:
    """Write the glossary as TBX-Basic (TBX v2, ``martif``), which Weblate, OmegaT
    and memoQ import.  Per term: the English forms, per language the canonical form
    (preferred), accepted forms (admitted) and forbidden variants
    (deprecatedTerm-admn-sts); the note; do-not-translate as a termNote
    (``translationNote``: no) and a ``Translation needed`` descrip."""
    import xml.etree.ElementTree as ET

    def tig(parent: ET.Element, text: str, status: str, *, dnt: bool = False) -> None:
        t = ET.SubElement(parent, "tig")
        ET.SubElement(t, "term").text = text
        ET.SubElement(t, "termNote", type="termType").text = "fullForm"
        ET.SubElement(t, "termNote", type="administrativeStatus").text = status
        if dnt:
            ET.SubElement(t, "termNote", type="translationNote").text = "no"

    root = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "l10n glossary"
    ET.SubElement(
        ET.SubElement(file_desc, "sourceDesc"), "p"
    ).text = "Exported by l10n from the glossary/ folder; edit the source files, not this file."
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    used: set[str] = set()
    for term in glossary.terms:
        ident = _slug(term.en)
        while ident in used:
            ident += "-x"
        used.add(ident)
        entry = ET.SubElement(body, "termEntry", id=ident)
        if term.dnt:
            ET.SubElement(entry, "descrip", type="Translation needed").text = "no"
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        if term.dnt:
            ET.SubElement(entry, "note").text = "Do not translate: keep the English form."
        en = ET.SubElement(entry, "langSet", {_XML_LANG: "en"})
        tig(en, term.en, "preferredTerm-admn-sts", dnt=term.dnt)
        for variant in term.en_variants:
            tig(en, variant, "admittedTerm-admn-sts", dnt=term.dnt)
        for lang in glossary.languages:
            lf = term.forms.get(lang)
            if lf is None:
                continue
            ls = ET.SubElement(entry, "langSet", {_XML_LANG: lang})
            tig(ls, lf.canonical, "preferredTerm-admn-sts", dnt=term.dnt)
            for form in lf.accepted:
                tig(ls, form, "admittedTerm-admn-sts")
            for form in lf.forbidden:
                tig(ls, form, "deprecatedTerm-admn-sts")
    ET.indent(root, space="  ")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )
    write_atomic(path, xml)
