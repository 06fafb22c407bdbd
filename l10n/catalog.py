"""The PO data model: templates, headers, merging and translation memory.

An article becomes a template (POT) of its segments; each language has a PO
file made from the template.  Merging follows msgmerge, because translators
and their tools expect it:

- an entry whose msgid is still in the template keeps everything a human
  wrote (msgstr, flags, translator comments); only its references change;
- a new msgid close to an old one (difflib ratio >= 0.6, msgmerge's fuzzy
  threshold) gets the old translation as a starting point, marked fuzzy, with
  the old msgid kept as ``#|`` previous msgid;
- an old entry whose msgid left the source becomes obsolete (``#~``).

Extracted comments (``#.``) belong to the program: the glossary note is
recomputed on every run; provenance notes (machine translation, translation
memory) are kept.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polib

from l10n import __version__, languages
from l10n.po import read_po
from l10n.segment import Segment

FUZZY_THRESHOLD = 0.6

GLOSSARY_NOTE_PREFIX = "Glossary:"
MT_NOTE_PREFIX = "Machine translation:"
TM_NOTE_PREFIX = "Translation memory:"
MISSING_NOTE_PREFIX = "Glossary term not found:"


def timestamp(now: datetime | None = None) -> str:
    """A PO header date: 2024-08-06 12:00+0000."""
    now = now or datetime.now().astimezone()
    return now.strftime("%Y-%m-%d %H:%M%z")


def document_name(source: Path | str) -> str:
    """``source/kursk.en.txt`` -> ``kursk``: the name its POT and PO files take."""
    return Path(source).name.split(".")[0]


def template_path(locales: Path, doc: str) -> Path:
    return locales / f"{doc}.pot"


def po_path(locales: Path, lang: str, doc: str) -> Path:
    return locales / lang / f"{doc}.po"


def make_template(
    doc: str, segments: Sequence[Segment], source_ref: str, *, now: str | None = None
) -> polib.POFile:
    """The POT of an article: one entry per distinct segment, in order of first use.

    A segment used twice is one entry with both references, as xgettext does.
    """
    pot = polib.POFile()
    pot.header = f"Template of {doc}: the segments of {source_ref}.\nWritten by l10n."
    pot.metadata = {
        "Project-Id-Version": doc,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now or timestamp(),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"l10n {__version__}",
    }
    by_id: dict[str, polib.POEntry] = {}
    for seg in segments:
        entry = by_id.get(seg.text)
        if entry is None:
            entry = polib.POEntry(msgid=seg.text, msgstr="", occurrences=[])
            by_id[seg.text] = entry
            pot.append(entry)
        entry.occurrences.append((source_ref, str(seg.line)))
    return pot


def same_entries(a: polib.POFile, b: polib.POFile) -> bool:
    """Whether two templates hold the same messages with the same references."""
    key = [(e.msgid, e.occurrences) for e in a if not e.obsolete]
    return key == [(e.msgid, e.occurrences) for e in b if not e.obsolete]


def new_po_header(doc: str, lang: str, pot: polib.POFile, now: str) -> dict[str, str]:
    name = languages.name(lang)
    header = {
        "Project-Id-Version": doc,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": pot.metadata.get("POT-Creation-Date", now),
        "PO-Revision-Date": now,
        "Last-Translator": "",
        "Language-Team": name,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if plural := languages.plural_forms(lang):
        header["Plural-Forms"] = plural
    header["X-Generator"] = f"l10n {__version__}"
    return header


@dataclass
class MergeResult:
    po: polib.POFile
    kept: int = 0
    fuzzy_matched: int = 0
    new: list[polib.POEntry] = field(default_factory=list)
    obsoleted: int = 0


def _note_lines(entry: polib.POEntry) -> list[str]:
    return [line for line in (entry.comment or "").split("\n") if line]


def set_notes(entry: polib.POEntry, *, glossary: str | None = None, **replace: str | None) -> None:
    """Set the program's ``#.`` notes: the glossary note, and provenance by prefix.

    ``replace`` maps a note prefix (MT_NOTE_PREFIX...) to its new line, or to
    None to drop it.  Lines of other kinds are kept in their order.
    """
    lines = [ln for ln in _note_lines(entry) if not ln.startswith(GLOSSARY_NOTE_PREFIX)]
    for prefix, value in replace.items():
        lines = [ln for ln in lines if not ln.startswith(prefix)]
        if value:
            lines.append(value)
    if glossary:
        lines.insert(0, glossary)
    entry.comment = "\n".join(lines)


def _best_fuzzy(msgid: str, candidates: Iterable[polib.POEntry]) -> polib.POEntry | None:
    best, best_ratio = None, FUZZY_THRESHOLD
    for cand in candidates:
        matcher = difflib.SequenceMatcher(None, msgid, cand.msgid, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = cand, ratio
    return best


def merge(
    pot: polib.POFile, existing: polib.POFile | None, doc: str, lang: str, *, now: str
) -> MergeResult:
    """Bring a language's PO file in line with the template, as msgmerge does."""
    po = polib.POFile()
    po.wrapwidth = 79
    if existing is not None:
        po.header = existing.header
        po.metadata = dict(existing.metadata)
        po.metadata["POT-Creation-Date"] = pot.metadata.get(
            "POT-Creation-Date", po.metadata.get("POT-Creation-Date", now)
        )
        po.metadata.setdefault("Language", lang)
        if plural := languages.plural_forms(lang):
            po.metadata.setdefault("Plural-Forms", plural)
    else:
        po.header = (
            f"{languages.name(lang)} translation of {doc}.\n"
            "Pre-translated by l10n; reviewed in Poedit."
        )
        po.metadata = new_po_header(doc, lang, pot, now)
    result = MergeResult(po)

    old_live = {e.msgid: e for e in (existing or []) if not e.obsolete and e.msgid}
    old_obsolete = {e.msgid: e for e in (existing or []) if e.obsolete}
    used: set[str] = set()
    # Old entries whose msgid is still in the template are spoken for: they
    # are never offered as a fuzzy starting point for another message.
    template_ids = {e.msgid for e in pot}

    for tentry in pot:
        old = old_live.get(tentry.msgid) or old_obsolete.get(tentry.msgid)
        if old is not None:
            entry = copy.deepcopy(old)
            entry.obsolete = False
            entry.occurrences = list(tentry.occurrences)
            used.add(old.msgid)
            result.kept += 1
        else:
            near = _best_fuzzy(
                tentry.msgid,
                (
                    e
                    for e in old_live.values()
                    if e.msgstr and e.msgid not in used and e.msgid not in template_ids
                ),
            )
            entry = polib.POEntry(
                msgid=tentry.msgid, msgstr="", occurrences=list(tentry.occurrences)
            )
            if near is not None:
                entry.msgstr = near.msgstr
                entry.tcomment = near.tcomment
                entry.comment = near.comment
                entry.flags = ["fuzzy"] + [f for f in near.flags if f != "fuzzy"]
                entry.previous_msgid = near.msgid
                used.add(near.msgid)
                result.fuzzy_matched += 1
            else:
                result.new.append(entry)
        po.append(entry)

    for msgid, old in old_live.items():
        if msgid in used or not old.msgstr:
            continue
        gone = copy.deepcopy(old)
        gone.obsolete = True
        gone.occurrences = []
        gone.comment = ""
        gone.previous_msgid = None
        po.append(gone)
        result.obsoleted += 1
    for msgid, old in old_obsolete.items():
        if msgid not in used:
            po.append(copy.deepcopy(old))
    return result


def po_language(po: polib.POFile, path: Path | str) -> str:
    """A PO file's language: its Language header, else the name of its folder."""
    lang = (po.metadata.get("Language") or "").strip()
    return languages.normalize(lang or Path(path).parent.name)


def is_reviewed(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) and "fuzzy" not in entry.flags and not entry.obsolete


@dataclass(frozen=True)
class Memory:
    """Reviewed translations of one language, by exact English text."""

    lang: str
    entries: dict[str, tuple[str, str]]  # msgid -> (msgstr, file it came from)

    def lookup(self, msgid: str) -> tuple[str, str] | None:
        return self.entries.get(msgid)


def po_files(paths: Iterable[Path | str]) -> list[Path]:
    """PO files named, or found below named folders, in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(x for x in p.rglob("*.po") if x.is_file())
        else:
            found.append(p)
    return found


def build_memory(
    locales: Path, lang: str, *, loaded: dict[Path, polib.POFile] | None = None
) -> Memory:
    """Every reviewed entry of ``lang`` in any PO file under ``locales``.

    ``loaded`` holds files the caller has parsed already (they are used as
    they were before this run changed anything).
    """
    entries: dict[str, tuple[str, str]] = {}
    if not locales.is_dir():
        return Memory(lang, entries)
    loaded = loaded or {}
    for path in po_files([locales]):
        po = loaded.get(path) or read_po(path)
        if po_language(po, path) != lang:
            continue
        for entry in po:
            if is_reviewed(entry) and entry.msgid and entry.msgid not in entries:
                entries[entry.msgid] = (entry.msgstr, path.as_posix())
    return Memory(lang, entries)


@dataclass(frozen=True)
class Status:
    path: str
    lang: str
    total: int
    reviewed: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def percent_reviewed(self) -> float:
        return 100.0 * self.reviewed / self.total if self.total else 100.0


def status(po: polib.POFile, path: Path | str) -> Status:
    live = [e for e in po if not e.obsolete]
    fuzzy = sum(1 for e in live if "fuzzy" in e.flags and e.msgstr)
    reviewed = sum(1 for e in live if is_reviewed(e))
    return Status(
        path=Path(path).as_posix(),
        lang=po_language(po, path),
        total=len(live),
        reviewed=reviewed,
        fuzzy=fuzzy,
        untranslated=len(live) - reviewed - fuzzy,
        obsolete=len(po) - len(live),
    )
