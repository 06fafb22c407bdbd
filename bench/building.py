"""The startup section's ``l10n build`` case: a project of many unchanged
articles built into three languages, as whole processes.

The project is synthetic (:func:`bench.synth.corpus_articles`): each article
has a template and a PO file per language whose every entry is translated
(the msgid reversed), as after review.  Two sides, interleaved, each a new
``l10n build`` process from spawn to exit:

- with the cache switched off (``L10N_NO_CACHE=1``): every article is
  segmented, once for its three languages;
- with the cache warm (an earlier build kept the sentence spans): nothing is
  segmented, which is what a build of unchanged articles costs.

Before this, every article was segmented twice per language (six times a
build): 23 s for 200 articles on the reference machine, 83% of it in pysbd.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.common import Row, Section, Side, Target, bench_env, measure_rounds, run_process

LANGS = ("sq", "uk", "ru")
ARTICLES = 200
QUICK_ARTICLES = 20
TARGET = 2.0  # seconds, 200 unchanged articles


def make_project(folder: Path, count: int) -> None:
    """``count`` articles with a template and a reviewed PO file per language."""
    import polib

    from bench.synth import corpus_articles, write_articles
    from l10n.documents import read_document

    paths = write_articles(folder / "source", corpus_articles(count))
    for path in paths:
        doc = path.name.split(".")[0]
        reference = path.relative_to(folder).as_posix()
        entries: dict[str, polib.POEntry] = {}
        for segment in read_document(path).segments:
            entry = entries.setdefault(segment.text, polib.POEntry(msgid=segment.text))
            entry.occurrences.append((reference, str(segment.line)))
        for lang in ("", *LANGS):
            po = polib.POFile(wrapwidth=0)
            po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
            for entry in entries.values():
                msgstr = entry.msgid[::-1] if lang else ""
                where = entry.occurrences
                po.append(polib.POEntry(msgid=entry.msgid, msgstr=msgstr, occurrences=where))
            target = folder / "locales" / lang / f"{doc}.{'po' if lang else 'pot'}"
            target.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(target))


def _side(label: str, l10n: list[str], project: Path, env: dict[str, str]) -> Side:
    def once() -> tuple[float, int]:
        proc = run_process([*l10n, "build"], cwd=project, env=env)
        if proc.returncode != 0:
            raise RuntimeError(f"{label}: exit {proc.returncode}: {proc.stderr[-1000:]}")
        return proc.seconds, proc.stdout.count("sentences translated")

    return Side(label, once)


def run(l10n: list[str], section: Section, *, repeat: int, deadline: float, quick: bool) -> None:
    """Time ``l10n build`` (the command ``l10n``) and add its rows and target."""
    count = QUICK_ARTICLES if quick else ARTICLES
    scratch = Path(tempfile.mkdtemp(prefix="l10n-bench-build-"))
    try:
        project, cache = scratch / "project", scratch / "cache"
        warm = bench_env(XDG_CACHE_HOME=str(cache))
        warm.pop("L10N_NO_CACHE", None)
        make_project(project, count)
        run_process([*l10n, "build"], cwd=project, env=warm)  # fills the cache
        off = {**warm, "L10N_NO_CACHE": "1"}
        sides = [
            _side("l10n build, cache off (L10N_NO_CACHE=1)", l10n, project, off),
            _side("l10n build, cache warm", l10n, project, warm),
        ]
        section.notes += measure_rounds(sides, repeat, deadline, "startup / build")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    case = f"l10n build: {count} unchanged articles x {len(LANGS)} languages"
    cold, hot = sides
    for side in sides:
        built = side.extras[0]
        if built != count * len(LANGS):
            raise RuntimeError(f"{side.label}: built {built} documents, not {count * len(LANGS)}")
        section.rows.append(
            Row(
                "startup",
                case,
                side.label,
                side.median,
                side.runs,
                f"{built / side.median:,.0f} documents/s",
                f"{side.median / hot.median:.1f}x cache warm" if side is cold else "",
                "whole process, spawn to exit",
            )
        )
    section.targets.append(
        Target(
            f"l10n build of {ARTICLES} unchanged articles",
            f"<= {TARGET:.0f} s",
            f"{hot.median:.2f} s ({count} articles)",
            hot.median <= TARGET if count == ARTICLES else None,
            f"Cache off, each article segmented once for its {len(LANGS)} languages: "
            f"{cold.median:.2f} s."
            + ("" if count == ARTICLES else f" --quick: {count} articles, not the target's size."),
        )
    )
