"""Section "incremental": runs whose cost follows the change, not the project.

Decoding is not what is measured here: every side translates with an echo
engine (the sentence itself, prefixed), so the times are l10n's own work.

- nothing changed: a project of ``articles`` x 3 languages, translated once,
  then translated again with nothing changed -- with the manifest (unchanged
  articles skipped) and without it (``incremental=False``: every article
  segmented, merged and formatted again, the previous behaviour);
- one new article in a project of ``reviewed`` reviewed articles (every one
  of the project's sources given, as ``l10n translate`` with l10n.toml's
  sources does, and the new article alone), against the same article in an
  empty project.  The reviewed project is generated (its sentences are the
  corpus's, varied word by word) with the manifest a run would have left,
  since translating 2,000 articles only to set it up takes minutes;
- merge of ``changed`` changed sentences: ``catalog.merge`` against the
  previous merge's difflib search (kept here), which is quadratic: it is
  run on fewer sentences and extrapolated (by the square) when it would
  take minutes.
"""

from __future__ import annotations

import difflib
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from unittest import mock

from bench.common import Row, Section, Side, Target, log, measure_rounds
from bench.synth import LANGS, corpus_articles, document_segments, write_articles

QUICK = {"articles": 30, "reviewed": 100, "changed": 2_000, "difflib": 150}
FULL = {"articles": 200, "reviewed": 2_000, "changed": 2_000, "difflib": 400}


class Echo:
    """An engine that decodes nothing: the sentence back, marked."""

    name = "echo (benchmark)"

    def translate(self, texts: list[str], *, beam_size: int = 4, progress: Any = None) -> Any:
        for i, text in enumerate(texts):
            yield i, f"[mt] {text}"


def _translate(sources: list[Path], root: Path, **kwargs: Any) -> list[Any]:
    from l10n.memory import Settings, memory_path
    from l10n.pipeline import translate_documents

    return translate_documents(
        sources,
        list(LANGS),
        locales=root / "locales",
        engine_factory=lambda f, t: Echo(),
        root=root,
        memory=Settings(path=memory_path(root)),
        **kwargs,
    )


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


# --- (a) nothing changed --------------------------------------------------------------


def unchanged_case(section: Section, articles: int, repeat: int, deadline: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="l10n-bench-incr-"))
    try:
        sources = write_articles(work / "source", corpus_articles(articles))
        log(f"incremental: first run, {articles} articles x {len(LANGS)} languages")
        first, _ = _timed(lambda: _translate(sources, work))
        before = _files(work / "locales")
        sides = [
            Side(
                "previous: every article merged (no manifest)",
                lambda: _timed(lambda: _translate(sources, work, incremental=False)),
            ),
            Side(
                "l10n: manifest, unchanged articles skipped",
                lambda: _timed(lambda: _translate(sources, work)),
            ),
        ]
        section.notes += measure_rounds(sides, repeat, deadline, "incremental nothing changed")
        if _files(work / "locales") != before:
            raise RuntimeError("a run with nothing changed changed the locales")
        skipped = sum(d.skipped for d in sides[1].extras[-1])
        if skipped != articles:
            raise RuntimeError(f"only {skipped} of {articles} unchanged articles were skipped")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    case = f"translate, nothing changed, {articles} articles x {len(LANGS)} languages"
    old, new = sides
    section.rows.append(
        Row("incremental", case, old.label, old.median, old.runs, detail=f"first run {first:.1f} s")
    )
    section.rows.append(
        Row(
            "incremental",
            case,
            new.label,
            new.median,
            new.runs,
            ratio=f"{old.median / new.median:.0f}x faster",
            detail=f"{articles} of {articles} articles skipped",
        )
    )
    section.targets.append(
        Target(
            "nothing changed, 200 articles x 3 languages",
            "at most 2 s",
            f"{new.median:.2f} s ({articles} articles; previous behaviour {old.median:.1f} s)",
            new.median <= 2 if articles >= 200 else None,
        )
    )


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- (b) one new article in a large reviewed project ------------------------------------


def _vary(rng: random.Random, sentence: str, words: list[str]) -> str:
    return " ".join(rng.choice(words) if rng.random() < 0.2 else w for w in sentence.split())


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _po_text(lang: str | None, ref: str, pairs: Iterable[tuple[str, str]]) -> str:
    header = ['msgid ""', 'msgstr ""', '"Project-Id-Version: bench\\n"']
    if lang:
        header.append(f'"Language: {lang}\\n"')
    header += ['"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    body = []
    for line, (msgid, msgstr) in enumerate(pairs, 1):
        body += [f"#: {ref}:{line}", f"msgid {_quote(msgid)}", f"msgstr {_quote(msgstr)}", ""]
    return "\n".join(header + body)


def reviewed_project(root: Path, count: int) -> list[Path]:
    """``count`` articles, each with its POT and a reviewed PO per language,
    and the manifest the run that wrote them would have left."""
    from l10n import catalog
    from l10n.manifest import glossary_fingerprint, look
    from l10n.memory import Settings, memory_path
    from l10n.pipeline import _open_manifest

    rng = random.Random(11)
    bases = [document_segments(text) for text in corpus_articles(20, seed=5)]
    words = sorted({w for segs in bases for s in segs for w in s.split()})
    sources = []
    for i in range(count):
        segments = [*(_vary(rng, s, words) for s in bases[i % len(bases)]), f"Dispatch {i}."]
        segments = list(dict.fromkeys(segments))
        source = root / "source" / f"a{i:05d}.en.txt"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("\n\n".join(segments) + "\n", encoding="utf-8")
        ref = source.relative_to(root).as_posix()
        pot = catalog.template_path(root / "locales", source.name.split(".")[0])
        pot.parent.mkdir(parents=True, exist_ok=True)
        pot.write_text(_po_text(None, ref, ((s, "") for s in segments)), encoding="utf-8")
        for lang in LANGS:
            po = catalog.po_path(root / "locales", lang, source.name.split(".")[0])
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(_po_text(lang, ref, ((s, f"[{lang}] {s}") for s in segments)), "utf-8")
        sources.append(source)
    # What translate_documents records, with the inputs it fingerprints.
    from l10n.documents import DocumentOptions

    manifest = _open_manifest(
        Settings(path=memory_path(root)),
        root,
        enabled=True,
        langs=sorted(LANGS),
        from_lang="en",
        detect_language=True,
        documents=DocumentOptions(),
        glossary=glossary_fingerprint(None),
        glossary_decoding=True,
    )
    assert manifest is not None
    for source in sources:
        doc = catalog.document_name(source)
        pot = catalog.template_path(root / "locales", doc)
        pos = [catalog.po_path(root / "locales", lang, doc) for lang in LANGS]
        manifest.record(pot, {p: look(p) for p in [source, pot, *pos]})
    manifest.save()
    return sources


def _drop_outputs(root: Path, doc: str) -> None:
    from l10n import catalog

    catalog.template_path(root / "locales", doc).unlink(missing_ok=True)
    for lang in LANGS:
        catalog.po_path(root / "locales", lang, doc).unlink(missing_ok=True)


def new_article_case(section: Section, reviewed: int, repeat: int, deadline: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="l10n-bench-new-"))
    try:
        big, empty = work / "big", work / "empty"
        log(f"incremental: generating a project of {reviewed} reviewed articles")
        sources = reviewed_project(big, reviewed)
        text = corpus_articles(2, seed=99)[1]
        new_big = write_articles(big / "new", [text])[0]
        new_empty = write_articles(empty / "source", [text])[0]
        doc = new_big.name.split(".")[0]
        log("incremental: first run over the reviewed project (memory database built)")
        _translate([*sources, new_big], big)
        _drop_outputs(big, doc)

        def in_big(given: list[Path]) -> tuple[float, Any]:
            _drop_outputs(big, doc)
            return _timed(lambda: _translate(given, big))

        def in_empty() -> tuple[float, Any]:
            shutil.rmtree(empty / "locales", ignore_errors=True)
            shutil.rmtree(empty / ".l10n", ignore_errors=True)
            return _timed(lambda: _translate([new_empty], empty))

        sides = [
            Side("the article in an empty project", in_empty),
            Side(
                f"in {reviewed:,} reviewed articles: all sources given",
                lambda: in_big([*sources, new_big]),
            ),
            Side(
                f"in {reviewed:,} reviewed articles: the article alone", lambda: in_big([new_big])
            ),
        ]
        section.notes += measure_rounds(sides, repeat, deadline, "incremental new article")
        planned = [d for d in sides[1].extras[-1] if not d.skipped]
        if [d.source for d in planned] != [new_big]:
            raise RuntimeError(f"the new article's run merged {len(planned)} articles, not 1")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    case = f"one new article, echo engine (decoding excluded), {len(LANGS)} languages"
    alone = sides[0]
    section.rows.append(Row("incremental", case, alone.label, alone.median, alone.runs))
    for side in sides[1:]:
        section.rows.append(
            Row(
                "incremental",
                case,
                side.label,
                side.median,
                side.runs,
                ratio=f"{side.median / alone.median:.2f}x the empty project",
            )
        )
    worst = max(s.median for s in sides[1:]) / alone.median
    section.targets.append(
        Target(
            "one new article in 2,000 reviewed articles",
            "at most 1.5x the empty project",
            f"{worst:.2f}x ({reviewed:,} reviewed articles)",
            worst <= 1.5 if reviewed >= 2000 else None,
        )
    )


# --- (c) merge of many changed sentences ------------------------------------------------


def _best_fuzzy(msgid: str, candidates: Iterable[Any]) -> Any:
    """The previous merge's search: difflib against every old entry."""
    best, best_ratio = None, 0.6
    for cand in candidates:
        matcher = difflib.SequenceMatcher(None, msgid, cand.msgid, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = cand, ratio
    return best


class _DifflibStarts:
    """catalog's fuzzy starting points as the previous merge chose them."""

    def __init__(self, entries: Iterable[Any]) -> None:
        self.entries = list(entries)
        self.used: set[int] = set()

    def take(self, tentry: Any) -> Any:
        near = _best_fuzzy(
            tentry.msgid,
            (e for e in self.entries if e.msgctxt == tentry.msgctxt and id(e) not in self.used),
        )
        if near is not None:
            self.used.add(id(near))
        return near


def _merge_inputs(count: int) -> tuple[Any, Any]:
    """A reviewed PO file of ``count`` sentences, and the template after an
    edit changed a word or two in every one of them."""
    import polib

    from l10n import catalog
    from l10n.segment import Segment

    rng = random.Random(17)
    bases = [s for text in corpus_articles(20, seed=7) for s in document_segments(text)]
    words = sorted({w for s in bases for w in s.split()})
    old: dict[str, None] = {}
    while len(old) < count:
        old[_vary(rng, rng.choice(bases), words)] = None
    po = polib.POFile()
    po.metadata = {"Language": "uk", "Content-Type": "text/plain; charset=UTF-8"}
    for i, msgid in enumerate(old):
        po.append(polib.POEntry(msgid=msgid, msgstr=f"uk {i}", occurrences=[("a.txt", str(i))]))
    changed = []
    for msgid in old:
        parts = msgid.split()
        parts[rng.randrange(len(parts))] = rng.choice(words)
        changed.append(" ".join(parts))
    segments = [Segment(text, i + 1, 0, len(text)) for i, text in enumerate(changed)]
    return catalog.make_template("bench", segments, "a.txt", now="2025-01-01 00:00+0000"), po


def merge_case(section: Section, changed: int, difflib_size: int) -> None:
    from l10n import catalog

    pot, po = _merge_inputs(changed)
    log(f"incremental: merge of {changed:,} changed sentences")
    new, result = _timed(lambda: catalog.merge(pot, po, "bench", "uk", now="x"))
    small_pot, small_po = _merge_inputs(difflib_size)
    log(f"incremental: previous merge (difflib) of {difflib_size:,} changed sentences")
    with mock.patch.object(catalog, "_FuzzyStarts", _DifflibStarts):
        old_small, old_result = _timed(
            lambda: catalog.merge(small_pot, small_po, "bench", "uk", now="x")
        )
    new_small, new_result = _timed(
        lambda: catalog.merge(small_pot, small_po, "bench", "uk", now="x")
    )
    agree = sum(
        a.previous_msgid == b.previous_msgid
        for a, b in zip(old_result.po, new_result.po, strict=True)
        if not a.obsolete
    )
    old = old_small * (changed / difflib_size) ** 2
    case = f"merge, {changed:,} changed sentences"
    section.rows.append(
        Row(
            "incremental",
            case,
            "l10n: candidates by shared words (FuzzyIndex) + rapidfuzz",
            new,
            [new],
            detail=f"{result.fuzzy_matched:,} fuzzy starts; {new_small:.2f} s for {difflib_size:,}",
        )
    )
    section.rows.append(
        Row(
            "incremental",
            case,
            f"previous: difflib against every entry (extrapolated from {difflib_size:,})",
            old,
            [old],
            ratio=f"{old / new:.0f}x l10n",
            detail=(
                f"{old_small:.1f} s for {difflib_size:,}; the same starting point for "
                f"{agree:,} of {difflib_size:,} sentences"
            ),
        )
    )
    section.targets.append(
        Target(
            "merge of 2,000 changed sentences",
            "under 5 s",
            f"{new:.2f} s ({changed:,} sentences)",
            new < 5 if changed >= 2000 else None,
        )
    )


def run(*, quick: bool = False, repeat: int = 3, deadline: float | None = None) -> Section:
    sizes = QUICK if quick else FULL
    deadline = deadline or time.monotonic() + (60 if quick else 600)
    section = Section()
    merge_case(section, sizes["changed"], sizes["difflib"])
    share = (deadline - time.monotonic()) / 2
    unchanged_case(section, sizes["articles"], repeat, time.monotonic() + share)
    new_article_case(section, sizes["reviewed"], repeat, deadline)
    return section
