"""TBX export (l10n.glossary.tbx)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from l10n.glossary import export_tbx


def test_export_tbx(gloss, tmp_path):
    path = tmp_path / "glossary.tbx"
    export_tbx(gloss, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entries = root.findall("./text/body/termEntry")
    assert len(entries) == len(gloss.terms)
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"

    def tigs(en, lang):
        entry = next(e for e in entries if e.find("langSet/tig/term").text == en)
        langset = next(ls for ls in entry.findall("langSet") if ls.get(lang_attr) == lang)
        return {
            tig.find("term").text: tig.find("termNote[@type='administrativeStatus']").text
            for tig in langset.findall("tig")
        }, entry

    kursk, entry = tigs("Kursk", "uk")
    assert kursk["Курськ"] == "preferredTerm-admn-sts"
    assert kursk["курський"] == "admittedTerm-admn-sts"
    assert kursk["Курск"] == "deprecatedTerm-admn-sts"
    assert "Курська область" in entry.find("note").text
    bloomberg, entry = tigs("Bloomberg", "ru")
    assert bloomberg == {
        "Bloomberg": "preferredTerm-admn-sts",
        "Блумберг": "deprecatedTerm-admn-sts",
    }
    assert entry.find("descrip[@type='Translation needed']").text == "no"
    assert entry.find("langSet/tig/termNote[@type='translationNote']").text == "no"
