"""The PO data model: templates, headers, merging and translation memory.

An article becomes a template (POT) of its segments; each language has a PO
file made from the template.  Merging follows msgmerge, because translators
and their tools expect it:

- an entry whose msgid is still in the template keeps everything a human
  wrote (msgstr, flags, translator comments); only its references change;
- a new msgid close to an old one (similarity >= 60%, msgmerge's fuzzy
  threshold, as rapidfuzz's ``fuzz.ratio`` scores it) gets the old
  translation as a starting point, marked fuzzy, with the old msgid kept as
  ``#|`` previous msgid;
- an old entry whose msgid left the source becomes obsolete (``#~``).

Messages are keyed by (msgctxt, msgid), as gettext keys them.  Where msgmerge
would lose what a translator wrote, merge keeps it instead: an entry with a
context or with plural forms (l10n writes neither) is never taken apart as a
fuzzy starting point for a sentence, a plural entry with any form translated
is kept, and an entry that becomes obsolete keeps every comment it had.

Extracted comments (``#.``) belong to the program: the glossary note is
recomputed on every run; provenance notes (machine translation, translation
memory) are kept.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import polib

from l10n import __version__, languages
from l10n.errors import L10nError
from l10n.po import read_po
from l10n.segment import Segment

FUZZY_THRESHOLD = 0.6

GLOSSARY_NOTE_PREFIX = "Glossary:"
MT_NOTE_PREFIX = "Machine translation:"
TM_NOTE_PREFIX = "Translation memory:"
TM_HINT_PREFIX = "Translation memory (below the threshold):"
MISSING_NOTE_PREFIX = "Glossary term not found:"
# Below this confidence (see mt_note) `l10n status` counts a machine
# translation as low-confidence; l10n.toml's [translate] low-confidence.
LOW_CONFIDENCE = 0.5
_CONFIDENCE_RE = re.compile(r"; confidence (\d+(?:\.\d+)?);")


def timestamp(now: datetime | None = None) -> str:
    """A PO header date: 2024-08-06 12:00+0000."""
    now = now or datetime.now().astimezone()
    return now.strftime("%Y-%m-%d %H:%M%z")


def document_name(source: Path | str) -> str:
    """The name a source's POT and PO files take: the file name without its
    extension and language suffix.

    ``kursk.en.txt`` -> ``kursk``; ``2025-03-01.eu-summit.en.txt`` ->
    ``2025-03-01.eu-summit``.  Only the last two parts are dropped, so dated
    names and names with dots stay apart.
    """
    stem = Path(source).name
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]  # the extension
    base, _, suffix = stem.rpartition(".")
    if base and languages.is_known(languages.normalize(suffix)):
        stem = base  # the language suffix
    return stem


def check_document_names(sources: Sequence[Path]) -> None:
    """Refuse two sources that would share one POT/PO (kursk.en.txt in two
    folders, say): each run would turn the other's entries obsolete."""
    seen: dict[str, Path] = {}
    for source in sources:
        doc = document_name(source)
        other = seen.setdefault(doc, source)
        if other != source and Path(other).resolve() != Path(source).resolve():
            raise L10nError(
                f"{other} and {source} would share the document name {doc!r} "
                f"(locales/{doc}.pot and every LANG/{doc}.po)",
                hint="rename one of them: the name before the language suffix must differ",
            )


def locales_root(po_file: Path) -> Path:
    """The locales folder a PO file belongs to (``locales`` for
    ``locales/uk/kursk.po``): the folder every writer locks, so that
    ``translate`` and ``check --fix`` exclude each other whatever they were given."""
    folder = po_file.parent
    if po_file.suffix == ".po" and languages.is_known(languages.normalize(folder.name)):
        return folder.parent
    return folder


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


Key = tuple[str | None, str]  # (msgctxt, msgid): what makes a message one message


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def has_translation(entry: polib.POEntry) -> bool:
    """Whether a translator wrote anything: the msgstr, or any one plural form
    (whitespace alone is nothing)."""
    return bool(entry.msgstr.strip()) or any(v.strip() for v in entry.msgstr_plural.values())


# The standard header fields in the order gettext writes them (msginit,
# msgmerge).  Fields a file has keep their order; one the merge adds goes
# after the nearest of these before it.
HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)


def with_header_field(metadata: dict[str, str], name: str, value: str) -> dict[str, str]:
    """``metadata`` with ``name`` set to ``value``, every other field where it was."""
    if name in metadata or name not in HEADER_ORDER:
        return {**metadata, name: value}
    before = HEADER_ORDER[: HEADER_ORDER.index(name)]
    names = list(metadata)
    anchor = next((f for f in reversed(before) if f in metadata), None)
    at = names.index(anchor) + 1 if anchor is not None else 0
    items = list(metadata.items())
    items.insert(at, (name, value))
    return dict(items)


def _merged_header(
    pot: polib.POFile, existing: polib.POFile, lang: str, now: str
) -> dict[str, str]:
    """The existing header, fields in the order they were read, brought up to date."""
    meta = dict(existing.metadata)
    meta = with_header_field(
        meta,
        "POT-Creation-Date",
        pot.metadata.get("POT-Creation-Date", meta.get("POT-Creation-Date", now)),
    )
    if "Language" not in meta:
        meta = with_header_field(meta, "Language", lang)
    plural = languages.plural_forms(lang)
    if plural and "Plural-Forms" not in meta:
        meta = with_header_field(meta, "Plural-Forms", plural)
    return meta


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


def mt_note(engine: str, confidence: float | None) -> str:
    """The machine-translation note: the model, and how sure it was.

    The confidence is the model's own average probability per token of its
    output (0 to 1, two decimals), not a measure of correctness: a fluent
    wrong sentence can score high.  Engines without scores give none.
    """
    shown = "" if confidence is None else f"; confidence {confidence:.2f}"
    return f"{MT_NOTE_PREFIX} {engine}{shown}; needs review."


def note_confidence(entry: polib.POEntry) -> float | None:
    """The confidence in an entry's machine-translation note, if it has one."""
    for line in _note_lines(entry):
        if line.startswith(MT_NOTE_PREFIX):
            found = _CONFIDENCE_RE.search(line)
            return float(found.group(1)) if found else None
    return None


def drop_note(entry: polib.POEntry, prefix: str) -> None:
    """Drop the program's ``#.`` note that starts with ``prefix``; every other
    line (the glossary note included) stays as and where it is."""
    lines = _note_lines(entry)
    kept = [ln for ln in lines if not ln.startswith(prefix)]
    if kept != lines:
        entry.comment = "\n".join(kept)


class _FuzzyStarts:
    """The old entries that may give their translation to a new message, and
    the most similar one for each new message, each given once.

    Comparing every new message with every old entry made a merge quadratic
    (2,000 changed sentences: minutes), so candidates are chosen first by the
    words they share (:class:`l10n.memory.fuzzy.FuzzyIndex`), and only those
    are scored (rapidfuzz's ``fuzz.ratio``, 0..100).  The index is built on
    the first message without an exact match: an unchanged article never
    builds one.
    """

    def __init__(self, entries: Iterable[polib.POEntry]) -> None:
        self.groups: dict[str | None, list[polib.POEntry]] = {}
        for entry in entries:
            self.groups.setdefault(entry.msgctxt, []).append(entry)
        self.indexes: dict[str | None, Any] = {}
        self.used: set[int] = set()

    def take(self, tentry: polib.POEntry) -> polib.POEntry | None:
        """The unused old entry most like ``tentry`` at FUZZY_THRESHOLD or more."""
        group = self.groups.get(tentry.msgctxt)
        if not group:
            return None
        index = self.indexes.get(tentry.msgctxt)
        if index is None:
            # Here, not at the top: l10n.memory's package imports this module.
            from l10n.memory.fuzzy import FuzzyIndex

            index = self.indexes[tentry.msgctxt] = FuzzyIndex([e.msgid for e in group])
        near = index.best(tentry.msgid, FUZZY_THRESHOLD * 100)
        if near is None:
            return None
        found: polib.POEntry | None = group[near.index]
        if id(found) in self.used:
            # Given to another message already (one sentence split in two):
            # the best of the others, by scoring all of them, which is rare.
            found = self._scan(tentry.msgid, group)
        if found is not None:
            self.used.add(id(found))
        return found

    def _scan(self, msgid: str, group: list[polib.POEntry]) -> polib.POEntry | None:
        from rapidfuzz import fuzz, process

        free = {i: e.msgid for i, e in enumerate(group) if id(e) not in self.used}
        found = process.extractOne(
            msgid, free, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD * 100
        )
        return None if found is None else group[found[2]]


def _fuzzy_from(tentry: polib.POEntry, near: polib.POEntry) -> polib.POEntry:
    """A new message started from the translation of a similar old one."""
    entry = polib.POEntry(
        msgctxt=tentry.msgctxt,
        msgid=tentry.msgid,
        msgstr=near.msgstr,
        occurrences=list(tentry.occurrences),
        tcomment=near.tcomment,
        flags=["fuzzy"] + [f for f in near.flags if f != "fuzzy"],
        previous_msgid=near.msgid,
    )
    entry.comment = near.comment
    return entry


def merge(
    pot: polib.POFile, existing: polib.POFile | None, doc: str, lang: str, *, now: str
) -> MergeResult:
    """Bring a language's PO file in line with the template, as msgmerge does."""
    po = polib.POFile()
    po.wrapwidth = 79
    if existing is not None:
        po.header = existing.header
        # The header as read (field order, spelling, odd lines), which the
        # writer keeps, changing only the fields whose values changed.
        po.header_entry = getattr(existing, "header_entry", None)
        po.metadata = _merged_header(pot, existing, lang, now)
        po.metadata_is_fuzzy = copy.copy(existing.metadata_is_fuzzy)
    else:
        po.header = (
            f"{languages.name(lang)} translation of {doc}.\n"
            "Pre-translated by l10n; reviewed in Poedit."
        )
        po.metadata = new_po_header(doc, lang, pot, now)
    result = MergeResult(po)

    old_live = {key(e): e for e in (existing or []) if not e.obsolete and key(e) != (None, "")}
    old_obsolete = [e for e in (existing or []) if e.obsolete]
    obsolete_by_key: dict[Key, polib.POEntry] = {}
    for e in old_obsolete:
        obsolete_by_key.setdefault(key(e), e)
    used: set[int] = set()  # ids of the old entries the new file is made of
    # Old entries whose message is still in the template are spoken for: they
    # are never offered as a fuzzy starting point for another message.
    template_keys = {key(e) for e in pot}
    starts = _FuzzyStarts(
        e for e in old_live.values() if _can_start(e) and key(e) not in template_keys
    )

    for tentry in pot:
        old = old_live.get(key(tentry)) or obsolete_by_key.get(key(tentry))
        if old is not None:
            entry = copy.deepcopy(old)
            entry.obsolete = False
            entry.occurrences = list(tentry.occurrences)
            used.add(id(old))
            po.append(entry)
            if not has_translation(entry):
                # Left empty by msgmerge or Poedit's "Update from POT": as new.
                result.new.append(entry)
                continue
            result.kept += 1
            if "fuzzy" not in entry.flags:
                # A reviewer cleared fuzzy: "needs review" no longer holds.
                drop_note(entry, MT_NOTE_PREFIX)
            continue
        near = starts.take(tentry)
        if near is not None:
            entry = _fuzzy_from(tentry, near)
            used.add(id(near))
            result.fuzzy_matched += 1
        else:
            entry = polib.POEntry(
                msgctxt=tentry.msgctxt,
                msgid=tentry.msgid,
                msgstr="",
                occurrences=list(tentry.occurrences),
            )
            result.new.append(entry)
        po.append(entry)

    _add_obsolete(result, old_live.values(), old_obsolete, used)
    return result


def _can_start(old: polib.POEntry) -> bool:
    """Whether ``old`` may give its translation to a new message as a fuzzy start.

    Only a translated message without plural forms, and only to a message of
    its own context (:class:`_FuzzyStarts` keeps them apart): msgmerge would
    also take one from another context, or msgstr[0] of a plural, and that
    entry would be lost.
    """
    return bool(old.msgstr) and not old.msgid_plural


def _add_obsolete(
    result: MergeResult,
    old_live: Iterable[polib.POEntry],
    old_obsolete: Iterable[polib.POEntry],
    used: set[int],
) -> None:
    """Old entries not in the new file, as obsolete ones at its end.

    They keep all they held; msgmerge drops their #. and #: lines, but those
    are the only record of where another tool's message came from.  One that
    was never translated goes, as with msgmerge.
    """
    for old in old_live:
        if id(old) in used or not has_translation(old):
            continue
        gone = copy.deepcopy(old)
        gone.obsolete = True
        result.po.append(gone)
        result.obsoleted += 1
    result.po.extend(copy.deepcopy(e) for e in old_obsolete if id(e) not in used)


def po_language(po: polib.POFile, path: Path | str) -> str:
    """A PO file's language: its Language header, else the name of its folder."""
    lang = (po.metadata.get("Language") or "").strip()
    return languages.normalize(lang or Path(path).parent.name)


def is_reviewed(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr.strip()) and "fuzzy" not in entry.flags and not entry.obsolete


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
            # A message with a context means something else than the bare
            # sentence; plural forms are not one translation.
            if (
                is_reviewed(entry)
                and entry.msgid
                and entry.msgctxt is None
                and not entry.msgid_plural
                and entry.msgid not in entries
            ):
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
    low_confidence: int = 0  # fuzzy machine translations below the threshold

    @property
    def percent_reviewed(self) -> float:
        return 100.0 * self.reviewed / self.total if self.total else 100.0


def status(po: polib.POFile, path: Path | str, *, low_confidence: float = LOW_CONFIDENCE) -> Status:
    """Counts of one PO file; ``low_confidence`` counts the unreviewed machine
    translations whose model confidence is below it: where review starts."""
    live = [e for e in po if not e.obsolete]
    fuzzy_entries = [e for e in live if "fuzzy" in e.flags and e.msgstr.strip()]
    fuzzy = len(fuzzy_entries)
    confidences = (note_confidence(e) for e in fuzzy_entries)
    reviewed = sum(1 for e in live if is_reviewed(e))
    return Status(
        path=Path(path).as_posix(),
        lang=po_language(po, path),
        total=len(live),
        reviewed=reviewed,
        fuzzy=fuzzy,
        untranslated=len(live) - reviewed - fuzzy,
        obsolete=len(po) - len(live),
        low_confidence=sum(1 for c in confidences if c is not None and c < low_confidence),
    )
