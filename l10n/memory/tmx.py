"""TMX 1.4b, the exchange format of translation memories (OmegaT, memoQ, Trados).

Each translation unit written holds two variants, the source sentence and
one translation: readers that look at only the first two variants of a unit
(translate-toolkit's) read every pair, and OmegaT reads them as well.
Reading takes units with any number of variants and keeps every pair of the
source language with another one; inline markup (``<bpt>``, ``<ph>``...)
is dropped and the text around it kept.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from l10n import __version__, languages
from l10n.errors import InputFileError
from l10n.files import write_atomic

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HINT = "export it again as TMX 1.4 (OmegaT: Project > Export; memoQ: Export TMX)"


def tmx_bytes(pairs: Iterable[tuple[str, str, str, str]], srclang: str) -> bytes:
    """A TMX document of ``pairs`` (lang, source, target, origin)."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        creationtool="l10n",
        creationtoolversion=__version__,
        segtype="sentence",
        adminlang="en",
        srclang=srclang,
        datatype="plaintext",
        **{"o-tmf": "PO"},
    )
    body = ET.SubElement(root, "body")
    for lang, source, target, origin in pairs:
        unit = ET.SubElement(body, "tu")
        prop = ET.SubElement(unit, "prop", type="x-origin")
        prop.text = origin
        for code, text in ((srclang, source), (lang, target)):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: code})
            ET.SubElement(variant, "seg").text = text
    ET.indent(root)
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
    return head + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def write_tmx(path: Path, pairs: Iterable[tuple[str, str, str, str]], srclang: str) -> None:
    write_atomic(path, tmx_bytes(pairs, srclang))


def _seg_text(seg: ET.Element) -> str:
    """The text of a ``<seg>``: its own text and what follows each inline code."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag in ("hi", "sub"):  # they hold translatable text
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _variant_lang(tuv: ET.Element) -> str:
    code = tuv.get(XML_LANG) or tuv.get("lang") or ""
    return languages.normalize(code) if code else ""


def read_tmx(data: bytes, where: str, srclang: str) -> list[tuple[str, str, str]]:
    """(lang, source, target) for every pair of ``srclang`` and another language."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputFileError(where, f"is not valid XML ({exc})", line=line, hint=_HINT) from None
    body = root.find("body")
    if root.tag != "tmx" or body is None:
        raise InputFileError(where, "is not a TMX file (no <tmx> with a <body>)", hint=_HINT)
    header = root.find("header")
    declared = header.get("srclang", "") if header is not None else ""
    source_lang = srclang if declared in ("", "*all*") else languages.normalize(declared)
    pairs: list[tuple[str, str, str]] = []
    for unit in body.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in unit.findall("tuv"):
            seg = tuv.find("seg")
            lang = _variant_lang(tuv)
            if seg is not None and lang and lang not in texts:
                texts[lang] = _seg_text(seg).strip()
        source = texts.pop(source_lang, "")
        if source:
            pairs += [(lang, source, target) for lang, target in texts.items() if target]
    return pairs
