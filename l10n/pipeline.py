"""``l10n translate`` end to end: article -> POT -> one PO per language.

The run is planned and computed in memory first (segment, merge with the
existing PO files, translation memory, machine translation, glossary) and
only then written, each file through a temporary file and a rename.  So a
run that fails for any reason -- a PO file that does not parse, a missing
model, an interrupted decode -- leaves every file as it was.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from l10n import cache, catalog, decoding
from l10n.documents import DocumentOptions, read_document
from l10n.errors import L10nError
from l10n.files import (
    MISSING,
    ConcurrentEditError,
    FileVersion,
    WriteSet,
    folder_lock,
    recover,
    snapshot,
)
from l10n.files.version import digest
from l10n.machine import Decoder, EngineFactory, ProgressFunc, argos_engine_factory
from l10n.manifest import (
    Manifest,
    Seen,
    fingerprint,
    glossary_fingerprint,
    look,
    manifest_path,
)
from l10n.memory import LanguageMemory, Settings, TranslationMemory, open_for_run
from l10n.po import po_bytes, read_po
from l10n.segment import check_source_language

if TYPE_CHECKING:
    from l10n.glossary import Glossary


@dataclass
class LanguageResult:
    lang: str
    path: Path
    po: polib.POFile
    original: bytes | None  # the file's bytes before this run, None if new
    version: FileVersion = MISSING  # what the file held when it was read
    kept: int = 0
    fuzzy_matched: int = 0
    from_memory: int = 0
    fuzzy_from_memory: int = 0  # started from a similar sentence's translation
    machine: int = 0
    obsoleted: int = 0
    missing_terms: int = 0
    fixed_terms: int = 0
    pending: list[polib.POEntry] = field(default_factory=list)  # still to machine-translate
    written: bool = False
    final_sha256: str | None = None  # of the content the commit left in the file


@dataclass
class DocumentResult:
    source: Path
    doc: str
    template_path: Path
    template: polib.POFile
    template_original: bytes | None
    languages: list[LanguageResult]
    template_version: FileVersion = MISSING
    template_written: bool = False
    template_sha256: str | None = None  # of the content the commit left in the POT
    # Unchanged since the run the manifest recorded: nothing read or written,
    # ``template`` is empty and ``languages`` too (see l10n.manifest).
    skipped: bool = False


def source_ref(source: Path, root: Path) -> str:
    """The path written in ``#:`` references: relative to the project root, so
    that ``build`` finds the source from any folder.  A source outside the
    project is refused: its reference could not be followed back."""
    resolved, base = source.resolve(), root.resolve()
    if not resolved.is_relative_to(base):
        raise L10nError(
            f"{source}: is outside the project ({root})",
            hint="keep articles inside the project folder (the one holding l10n.toml)",
        )
    return resolved.relative_to(base).as_posix()


def _read_existing(path: Path) -> tuple[polib.POFile | None, bytes | None, FileVersion]:
    """The parsed file, its text and its version (taken first: an edit saved
    while it is read shows as a change at commit, never as a lost edit)."""
    version = snapshot(path)
    if version == MISSING:
        return None, None, MISSING
    po = read_po(path)
    # The bytes as they were, to tell whether this run changes the file.
    return po, path.read_bytes(), version


def plan_document(
    source: Path,
    langs: Sequence[str],
    *,
    locales: Path,
    from_lang: str,
    detect_language: bool,
    now: str,
    memories: dict[str, LanguageMemory],
    root: Path,
    options: DocumentOptions | None = None,
    memory: Settings | None = None,
) -> DocumentResult:
    """Everything up to machine translation: template, merge, translation memory."""
    document = read_document(source, options)
    if detect_language:
        check_source_language(document.prose, from_lang, str(source))
    segments = document.segments
    doc = catalog.document_name(source)
    pot = catalog.make_template(doc, segments, source_ref(source, root), now=now)
    pot_path = catalog.template_path(locales, doc)
    old_pot, old_pot_text, pot_version = _read_existing(pot_path)
    if old_pot is not None and catalog.same_entries(old_pot, pot):
        # Nothing in the source changed: keep the template's date, so an
        # unchanged article leaves the files byte-identical.
        pot.metadata["POT-Creation-Date"] = old_pot.metadata.get("POT-Creation-Date", now)

    results = []
    for lang in langs:
        path = catalog.po_path(locales, lang, doc)
        existing, original, version = _read_existing(path)
        merged = catalog.merge(pot, existing, doc, lang, now=now)
        result = LanguageResult(
            lang,
            path,
            merged.po,
            original,
            version,
            kept=merged.kept,
            fuzzy_matched=merged.fuzzy_matched,
            obsoleted=merged.obsoleted,
        )
        # One batch: the fuzzy index is built once and scores every sentence
        # together, rather than each lookup paying for itself.
        memories[lang].prefetch(entry.msgid for entry in merged.new)
        for entry in merged.new:
            _from_memory(result, entry, memories[lang], memory or Settings())
        results.append(result)
    return DocumentResult(source, doc, pot_path, pot, old_pot_text, results, pot_version)


def _from_memory(
    result: LanguageResult, entry: polib.POEntry, memory: LanguageMemory, settings: Settings
) -> None:
    """Translation memory for a new sentence: the same sentence's reviewed
    translation; else a similar one's (``settings.threshold`` % or more) as a
    fuzzy start, unless machine translation is preferred; else the machine,
    with the best match below the threshold as a hint in the note."""
    hit = memory.lookup(entry.msgid)
    if hit is not None:
        entry.msgstr, origin = hit
        catalog.set_notes(entry, **{catalog.TM_NOTE_PREFIX: f"{catalog.TM_NOTE_PREFIX} {origin}"})
        result.from_memory += 1
        return
    near = memory.fuzzy(entry.msgid)
    if near is not None and near.score >= settings.threshold and settings.prefer == "memory":
        entry.msgstr = near.target
        entry.previous_msgid = near.source  # Poedit shows what changed
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        note = (
            f"{catalog.TM_NOTE_PREFIX} {near.score:.0f}% match from {near.origin}; "
            f"its source: {near.source}"
        )
        catalog.set_notes(entry, **{catalog.TM_NOTE_PREFIX: note})
        result.fuzzy_from_memory += 1
        return
    if near is not None:
        hint = (
            f"{catalog.TM_HINT_PREFIX} {near.score:.0f}% match from {near.origin}: "
            f"{near.source} => {near.target}"
        )
        catalog.set_notes(entry, **{catalog.TM_HINT_PREFIX: hint})
    result.pending.append(entry)


def _apply_glossary(
    result: LanguageResult,
    glossary: Glossary | None,
    machine: set[int],
    outcomes: Mapping[tuple[str, str], decoding.Outcome] | None = None,
) -> None:
    """Glossary notes on every entry; glossary forms enforced on machine output,
    and for output decoded with the glossary, the path each term took."""
    outcomes = outcomes or {}
    for entry in result.po:
        if entry.obsolete or not entry.msgid:
            continue
        note = glossary.note_for(result.lang, entry.msgid) if glossary else None
        missing_note = decoding_note = None
        if glossary and id(entry) in machine:
            decoded = entry.msgstr
            enforced = glossary.enforce(result.lang, entry.msgid, entry.msgstr)
            outcome = outcomes.get((result.lang, entry.msgid))
            if outcome is not None:
                decoding_note = decoding.note(
                    outcome, glossary, result.lang, entry.msgid, decoded, enforced
                )
            if enforced.text != entry.msgstr:
                result.fixed_terms += len(enforced.replaced) or 1
                entry.msgstr = enforced.text
            if enforced.missing:
                result.missing_terms += len(enforced.missing)
                names = ", ".join(
                    f"{t.en} ({t.forms[result.lang].canonical})" if result.lang in t.forms else t.en
                    for t in enforced.missing
                )
                missing_note = f"{catalog.MISSING_NOTE_PREFIX} {names}"
        if id(entry) in machine or glossary:
            replace = (
                {catalog.MISSING_NOTE_PREFIX: missing_note, decoding.NOTE_PREFIX: decoding_note}
                if id(entry) in machine
                else {}
            )
            catalog.set_notes(entry, glossary=note, **replace)


def translate_documents(
    sources: Sequence[Path],
    langs: Sequence[str],
    *,
    locales: Path,
    glossary: Glossary | None = None,
    beam_size: int = 4,
    from_lang: str = "en",
    detect_language: bool = True,
    engine_factory: EngineFactory | None = None,
    progress: ProgressFunc | None = None,
    now: str | None = None,
    root: Path | None = None,
    documents: DocumentOptions | None = None,
    memory: Settings | None = None,
    glossary_decoding: bool = True,
    incremental: bool = True,
) -> list[DocumentResult]:
    """Pre-translate articles into ``langs`` and write their POT and PO files.

    ``root`` is the project folder (default: the working directory): sources
    must be inside it, and references are written relative to it.  ``memory``
    says where the translation memory database is and how fuzzy matches are
    used (default: a memory built in RAM for this run, 75%, memory first).
    ``glossary_decoding`` False decodes sentences with glossary terms like
    the others, leaving the glossary to replacement after decoding.

    With a memory database, the manifest beside it lets an article whose
    files and inputs are as the last run left them be skipped (its result
    says ``skipped``); ``incremental`` False merges every article.
    """
    now = now or catalog.timestamp()
    root = root or Path.cwd()
    sources = [Path(s) for s in sources]
    catalog.check_document_names(sources)
    decoder = Decoder(
        engine_factory or argos_engine_factory(),
        from_lang,
        beam_size,
        progress,
        glossary if glossary_decoding else None,
    )
    memory = memory or Settings()
    manifest = _open_manifest(
        memory,
        root,
        enabled=incremental,
        langs=sorted(set(langs)),
        from_lang=from_lang,
        detect_language=detect_language,
        documents=documents or DocumentOptions(),
        glossary=glossary_fingerprint(glossary),
        glossary_decoding=glossary_decoding,
    )
    with _writer_lock(locales):
        recover(locales)
        skipped = _skipped(manifest, sources, langs, locales)
        run = _Run(langs, locales, from_lang, detect_language, now, root, documents)
        run.watch = manifest is not None
        docs = run.plan_and_commit(
            [s for s in sources if s not in skipped], memory, decoder, glossary
        )
        if manifest is not None:
            _remember(manifest, docs, run.seen)
            manifest.save()
    planned = {d.source: d for d in docs}
    return [planned.get(s) or skipped[s] for s in sources]


def _open_manifest(
    memory: Settings, root: Path, *, enabled: bool, **inputs: object
) -> Manifest | None:
    """The manifest beside the memory database; None without a database, when
    switched off, or when l10n's code cannot be read to fingerprint it."""
    if not enabled or memory.path is None or cache.disabled():
        return None
    try:
        key = fingerprint(**inputs, memory={"threshold": memory.threshold, "prefer": memory.prefer})
    except OSError:
        return None
    return Manifest(manifest_path(memory.path), root, key)


def _skipped(
    manifest: Manifest | None, sources: list[Path], langs: Sequence[str], locales: Path
) -> dict[Path, DocumentResult]:
    """The articles whose files are all as the manifest recorded them."""
    found: dict[Path, DocumentResult] = {}
    if manifest is None:
        return found
    for source in sources:
        doc = catalog.document_name(source)
        pot = catalog.template_path(locales, doc)
        files = [source, pot, *(catalog.po_path(locales, lang, doc) for lang in langs)]
        if manifest.unchanged(pot, files):
            found[source] = DocumentResult(source, doc, pot, polib.POFile(), None, [], skipped=True)
    return found


def _remember(
    manifest: Manifest, docs: list[DocumentResult], seen: dict[Path, Seen | None]
) -> None:
    """Record each committed article whose files hold what the commit left
    (a save since then: not recorded, merged next run) and that is fully
    translated (else the next run asks translation memory again)."""
    for doc in docs:
        if not all(_settled(r) for r in doc.languages):
            manifest.forget(doc.template_path)
            continue
        files = {doc.source: seen.get(doc.source)}
        files[doc.template_path] = _as_committed(doc.template_path, doc.template_sha256)
        for r in doc.languages:
            files[r.path] = _as_committed(r.path, r.final_sha256)
        manifest.record(doc.template_path, files)


def _settled(result: LanguageResult) -> bool:
    return all(catalog.has_translation(e) for e in result.po if not e.obsolete and e.msgid)


def _as_committed(path: Path, sha256: str | None) -> Seen | None:
    seen = look(path)
    return seen if seen is not None and seen.sha256 == sha256 else None


@dataclass
class _Run:
    """What every attempt of a run plans its articles with."""

    langs: Sequence[str]
    locales: Path
    from_lang: str
    detect_language: bool
    now: str
    root: Path
    documents: DocumentOptions | None
    watch: bool = False  # look at each source before it is read, for the manifest
    # Each source as read by the attempt that was committed.
    seen: dict[Path, Seen | None] = field(default_factory=dict)

    def plan_and_commit(
        self,
        sources: list[Path],
        memory: Settings,
        decoder: Decoder,
        glossary: Glossary | None,
    ) -> list[DocumentResult]:
        """Plan, translate and commit ``sources``; again with what a reviewer
        saved meanwhile (ConcurrentEditError), up to COMMIT_ATTEMPTS times."""
        with _open_memory(memory, self.locales, self.from_lang) as tm:
            for attempt in range(1, COMMIT_ATTEMPTS + 1):
                if attempt > 1:
                    tm.sync()  # the files a reviewer saved meanwhile
                docs = self._plan(sources, tm, memory, attempt)
                decoder.translate([r for d in docs for r in d.languages])
                for doc in docs:
                    for r in doc.languages:
                        _apply_glossary(r, glossary, {id(e) for e in r.pending}, decoder.outcomes)
                try:
                    _commit(docs, self.locales, self.now)
                    return docs
                except ConcurrentEditError as exc:
                    if attempt == COMMIT_ATTEMPTS:
                        raise L10nError(
                            f"{', '.join(map(str, exc.paths))}: saved by someone else "
                            f"{COMMIT_ATTEMPTS} times while this run was merging; "
                            "nothing was written",
                            hint="run `l10n translate` again when the files are not being edited",
                        ) from None
        raise AssertionError("unreachable")

    def _plan(
        self, sources: list[Path], tm: TranslationMemory, memory: Settings, attempt: int
    ) -> list[DocumentResult]:
        memories = {lang: tm.language(lang) for lang in self.langs}
        # Each source's version before it is read: an edit in between shows
        # as a change next run, never as a recorded state it did not have.
        if self.watch:
            self.seen = {s: look(s) for s in sources}
        return [
            plan_document(
                s,
                self.langs,
                locales=self.locales,
                from_lang=self.from_lang,
                detect_language=self.detect_language and attempt == 1,
                now=self.now,
                memories=memories,
                root=self.root,
                options=self.documents,
                memory=memory,
            )
            for s in sources
        ]


# A reviewer's save during the run costs one more merge (decoding is kept);
# saves that keep landing during every merge end the run unwritten.
COMMIT_ATTEMPTS = 5


@contextmanager
def _open_memory(settings: Settings, locales: Path, from_lang: str) -> Iterator[TranslationMemory]:
    tm = open_for_run(settings, locales, from_lang)
    try:
        yield tm
    finally:
        tm.close()


@contextmanager
def _writer_lock(locales: Path) -> Iterator[None]:
    """Hold the locales folder's writer lock; a folder made only to hold the
    lock is removed again when the run wrote nothing into it."""
    created = not locales.exists()
    try:
        with folder_lock(locales):
            yield
    finally:
        if created:
            with suppress(OSError):
                locales.rmdir()


def _commit(docs: list[DocumentResult], locales: Path, now: str) -> None:
    """Write every file of the run at once, or none: each only if it still
    holds what this run read (else ConcurrentEditError, nothing written)."""
    files = WriteSet(locales)
    for doc in docs:
        template = po_bytes(doc.template, str(doc.template_path))
        doc.template_sha256 = digest(template)
        files.add(doc.template_path, template, expect=doc.template_version)
        for r in doc.languages:
            # Written in the charset the file declares (ISO-8859-1 stays so).
            data = po_bytes(r.po, str(r.path))
            if r.original is not None and data != r.original:
                r.po.metadata["PO-Revision-Date"] = now
                data = po_bytes(r.po, str(r.path))
            r.final_sha256 = digest(data)
            files.add(r.path, data, expect=r.version)
    written = set(files.commit())
    for doc in docs:
        doc.template_written = doc.template_path in written
        for r in doc.languages:
            r.written = r.path in written
