"""The glossary as TBX: reading termbases (Weblate, memoQ, OmegaT exports) and
writing TBX-Basic (:func:`export_tbx`).

Mapping, both ways: a ``termEntry`` is a term; its ``langSet`` for English
gives the English form (the preferred term) and variants (the others); each
other ``langSet`` gives a language's forms by ``administrativeStatus``:
preferred -> canonical, admitted -> accepted, deprecated or superseded ->
forbidden.  ``note`` and ``descrip type="definition"`` of the entry are the
note.  TBX-Basic has no data category for "do not translate": the export
says it in a ``note`` (:data:`DNT_NOTE`) that reading recognises, as it
does Weblate's ``termNote type="translationNote"`` ``no``.  Inflection
classes have no TBX-Basic category either and are not exported.

Reading is liberal in what it takes (TBX v2 ``martif`` and TBX v3 ``tbx``,
``tig`` and ``ntig``, region codes such as ``en-US``, a term without a
status), strict about safety: the XML goes through expat with every entity
and DTD declaration refused (a DOCTYPE naming an external DTD is allowed, as
TBX-Basic files carry one, and never fetched), and line numbers come with
every message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from l10n import languages
from l10n.errors import InputFileError
from l10n.files import write_atomic
from l10n.glossary.formats import RawTerm

if TYPE_CHECKING:
    from l10n.glossary.glossary import Glossary

DNT_NOTE = "Do not translate: keep the English form."
SOURCE = "en"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HINT = "a TBX file is XML: martif/text/body/termEntry/langSet/tig/term"

# administrativeStatus values (TBX-Basic's picklist first, then those of
# TBX-Min, TBX v3 and Weblate) -> the glossary's kind of form.
STATUS = {
    "preferredTerm-admn-sts": "canonical",
    "admittedTerm-admn-sts": "accepted",
    "deprecatedTerm-admn-sts": "forbidden",
    "supersededTerm-admn-sts": "forbidden",
    "standardizedTerm-admn-sts": "canonical",
    "preferred": "canonical",
    "admitted": "accepted",
    "notRecommended": "forbidden",
    "obsolete": "forbidden",
    "deprecated": "forbidden",
    "superseded": "forbidden",
    "forbidden": "forbidden",
}


# --- a small XML tree with line numbers ------------------------------------------


@dataclass
class Node:
    tag: str  # without a namespace prefix
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All the text inside, markup (``<hi>``) dropped, spaces collapsed."""
        return " ".join("".join(self._texts()).split())

    def _texts(self) -> list[str]:
        out = list(self.parts)
        for child in self.children:
            out.extend(child._texts())
        return out

    def find(self, *tags: str) -> list[Node]:
        return [c for c in self.children if c.tag in tags]

    def type(self) -> str:
        return self.attrs.get("type", "")


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].rsplit("}", 1)[-1]


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def parse_xml(path: Path, text: str) -> Node:
    """The document's root, without ever expanding an entity or reading a DTD."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Node] = []
    roots: list[Node] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        node = Node(_local(name), attrs, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if stack:
            stack[-1].parts.append(chunk)

    def doctype(name: str, system: Any, public: Any, internal_subset: int) -> None:
        if internal_subset:
            raise _Refused("a DOCTYPE with declarations (entities are not allowed)")

    def entity(*args: Any) -> None:
        raise _Refused("an entity declaration (entities are not allowed)")

    def skipped(name: str, is_parameter: int) -> None:
        raise _Refused(f"a reference to the undeclared entity &{name};")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.SkippedEntityHandler = skipped
    parser.ExternalEntityRefHandler = lambda *args: 0  # never fetch anything
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise InputFileError(
            str(path), f"XML syntax error: {expat.ErrorString(exc.code)}", line=exc.lineno
        ) from None
    except _Refused as exc:
        raise InputFileError(
            str(path),
            f"refused: {exc.message}",
            line=parser.CurrentLineNumber,
            hint="a termbase needs no DTD declarations; remove the DOCTYPE's [...] part",
        ) from None
    return roots[0]


# --- reading ------------------------------------------------------------------------


def read_tbx(path: Path, text: str) -> list[RawTerm]:
    root = parse_xml(path, text)
    if root.tag not in ("martif", "tbx"):
        raise InputFileError(
            str(path), f"not a TBX file: the root element is <{root.tag}>", line=1, hint=_HINT
        )
    raws = []
    for body in _walk(root, "body"):
        for entry in body.find("termEntry", "conceptEntry"):
            raws.append(_entry(path, entry))
    return raws


def _walk(node: Node, tag: str) -> list[Node]:
    found = [node] if node.tag == tag else []
    for child in node.children:
        found.extend(_walk(child, tag))
    return found


@dataclass
class _Form:
    text: str
    kind: str  # canonical, accepted, forbidden, or "" (no status)
    line: int


def _entry(path: Path, entry: Node) -> RawTerm:
    notes: list[str] = []
    dnt = _notes(entry, notes)
    by_lang: dict[str, list[_Form]] = {}
    for langset in entry.find("langSet", "langSec"):
        code = langset.attrs.get("xml:lang") or langset.attrs.get("lang") or ""
        lang = languages.normalize(code)
        if not languages.is_known(lang):
            raise InputFileError(
                str(path),
                f"unknown language {code!r}" if code else "a langSet without xml:lang",
                line=langset.line,
                hint="xml:lang names the language by its ISO 639-1 code: de, en-US, uk...",
            )
        if lang == SOURCE:
            _notes(langset, notes)
        for tig in langset.find("tig", "ntig", "termSec"):
            form, translate = _tig(path, tig)
            dnt = dnt or translate is False
            if form is not None:
                by_lang.setdefault(lang, []).append(form)
    english = by_lang.pop(SOURCE, [])
    if not english:
        raise InputFileError(
            str(path),
            "an entry without an English term",
            line=entry.line,
            hint='each termEntry has a <langSet xml:lang="en"> with the English name',
        )
    english.sort(key=lambda f: f.kind != "canonical")  # the preferred term first
    en = english[0]
    values: dict[str, Any] = {"dnt": dnt} if dnt else {}
    lines: dict[str, int] = {}
    if len(english) > 1:
        values["variants"] = [f.text for f in english[1:]]
        lines["variants"] = english[1].line
    if notes:
        values["note"] = " ".join(notes)
    for lang, forms in by_lang.items():
        _language_forms(lang, forms, en.text if dnt else None, values, lines)
    return RawTerm(str(path), entry.line, en.text, values, lines)


def _notes(node: Node, notes: list[str]) -> bool:
    """Add ``node``'s notes and definitions to ``notes``; whether one says do not translate."""
    dnt = False
    for child in node.children:
        if child.tag == "descripGrp":
            dnt = _notes(child, notes) or dnt
        elif child.tag == "note" or (child.tag == "descrip" and child.type() == "definition"):
            text = child.text()
            if text == DNT_NOTE:
                dnt = True
            elif text:
                notes.append(text)
        elif child.tag == "descrip" and child.type() == "Translation needed":
            dnt = dnt or child.text().lower() == "no"  # what l10n wrote before TBX-Basic
    return dnt


def _tig(path: Path, tig: Node) -> tuple[_Form | None, bool | None]:
    """The form of a tig/ntig/termSec, and whether it says (not) to translate."""
    holders = [tig, *tig.find("termGrp")]
    terms = [t for h in holders for t in h.find("term")]
    kind = ""
    translate = None
    for note in (n for h in holders for n in h.find("termNote")):
        if note.type() == "administrativeStatus":
            value = note.text()
            if value not in STATUS:
                raise InputFileError(
                    str(path),
                    f"unknown administrativeStatus {value!r}",
                    line=note.line,
                    hint="TBX-Basic's values: " + ", ".join(list(STATUS)[:4]),
                )
            kind = STATUS[value]
        elif note.type() == "translationNote":  # Weblate's "read-only" terms
            translate = note.text().lower() != "no"
    if not terms:
        return None, translate
    return _Form(terms[0].text(), kind, terms[0].line), translate


def _language_forms(
    lang: str,
    forms: list[_Form],
    dnt_name: str | None,
    values: dict[str, Any],
    lines: dict[str, int],
) -> None:
    """Put one language's forms into ``values`` as the TOML keys would."""
    good = [f for f in forms if f.kind != "forbidden"]
    bad = [f for f in forms if f.kind == "forbidden"]
    good.sort(key=lambda f: f.kind != "canonical")  # the first preferred term is canonical
    if dnt_name is not None:
        # A do-not-translate term's form is the English name; TBX repeats it.
        good = [f for f in good if f.text != dnt_name]
    elif good:
        values[lang] = good[0].text
        lines[lang] = good[0].line
        good = good[1:]
    if good:
        values.setdefault("accepted", {})[lang] = [f.text for f in good]
        lines[f"accepted.{lang}"] = good[0].line
    if bad:
        values.setdefault("forbidden", {})[lang] = [f.text for f in bad]
        lines[f"forbidden.{lang}"] = bad[0].line


# --- writing ------------------------------------------------------------------------


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "term"
    return slug if slug[0].isalpha() else f"t-{slug}"  # an XML ID starts with a letter


def export_tbx(glossary: Glossary, path: Path | str) -> None:
    """Write the glossary as TBX-Basic (TBX v2, ``martif``), which Weblate, OmegaT
    and memoQ import, using only TBX-Basic's data categories and picklist
    values.  Per term: the English forms (preferred, variants admitted), per
    language the canonical form (preferred), accepted forms (admitted) and
    forbidden variants (deprecated); the note, and :data:`DNT_NOTE` for a
    do-not-translate term."""
    import xml.etree.ElementTree as ET

    def tig(parent: ET.Element, text: str, status: str) -> None:
        t = ET.SubElement(parent, "tig")
        ET.SubElement(t, "term").text = text
        ET.SubElement(t, "termNote", type="administrativeStatus").text = status

    root = ET.Element("martif", {"type": "TBX-Basic", _XML_LANG: SOURCE})
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
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        if term.dnt:
            ET.SubElement(entry, "note").text = DNT_NOTE
        en = ET.SubElement(entry, "langSet", {_XML_LANG: SOURCE})
        tig(en, term.en, "preferredTerm-admn-sts")
        for variant in term.en_variants:
            tig(en, variant, "admittedTerm-admn-sts")
        for lang in glossary.languages:
            lf = term.forms.get(lang)
            if lf is None:
                continue
            ls = ET.SubElement(entry, "langSet", {_XML_LANG: lang})
            tig(ls, lf.canonical, "preferredTerm-admn-sts")
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
