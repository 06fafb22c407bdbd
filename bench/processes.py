"""The translate section's whole-process case: ``l10n translate`` of the
article as a new process, against the CTranslate2 limit measured the same way.

The other translate sides run in the benchmark's warm process, so they leave
out what every ``l10n translate`` a user starts pays: the interpreter, the
imports, the model load and the source-language check.  Here every run is a
fresh process, timed from spawn to exit, the sides interleaved:

- ``l10n translate ARTICLE --to LANG --glossary ''`` through the CLI
  (``l10n.cli.main``) in a new project folder, so every sentence is decoded;
  the one change to the CLI is the decode length, fixed at T tokens a
  segment as on every side (this module's ``l10n`` mode sets
  ``DecodeOptions``' length fields before the CLI runs).  ``L10N_NO_CACHE=1``:
  the article is segmented as a new article is.  No glossary: glossary-aware
  decoding is work the limit does not do.
- the same with ``--from en``, which skips the language check: what the
  check costs.
- the limit: a new process that imports CTranslate2, loads the model as the
  translate section's "limit with model load" side does and decodes the
  pre-tokenized segments in one ``translate_batch`` call with the limit
  sides' options (:func:`bench.translation.limit_options`).

Both children are ``python -m bench.processes``, whose module imports only
the standard library, so neither pays for the other's imports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

TARGET = 1.15  # l10n translate, whole process, at most this times the limit


# --- the children ------------------------------------------------------------------


def _fix_decode_length(tokens: int) -> None:
    """Make ``l10n.engines.DecodeOptions`` decode exactly ``tokens`` tokens."""
    import dataclasses

    from l10n import engines

    base = engines.DecodeOptions

    @dataclasses.dataclass(frozen=True)
    class FixedLength(base):  # type: ignore[valid-type, misc]
        length_ratio: float = 0.0
        length_margin: int = tokens
        max_length: int = tokens

    engines.DecodeOptions = FixedLength  # type: ignore[misc]


def _l10n_child(tokens: int, args: list[str]) -> None:
    _fix_decode_length(tokens)
    from l10n.cli import main

    sys.argv = ["l10n", *args]
    main()


def _limit_child(spec_path: str) -> None:
    import ctranslate2

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    translator = ctranslate2.Translator(spec["model"], **spec["translator"])
    results = translator.translate_batch(spec["tokens"], **spec["options"])
    decoded = {"segments": len(results), "tokens": sum(len(r.hypotheses[0]) for r in results)}
    print(json.dumps(decoded))


def main(argv: list[str]) -> None:
    if argv[:1] == ["l10n"] and argv[2:3] == ["--"]:
        _l10n_child(int(argv[1]), argv[3:])
    elif argv[:1] == ["limit"] and len(argv) == 2:
        _limit_child(argv[1])
    else:
        sys.exit("usage: python -m bench.processes (l10n TOKENS -- ARGS... | limit SPEC.json)")


# --- the parent ----------------------------------------------------------------------


def _env() -> dict[str, str]:
    import os

    from bench.common import ROOT, bench_env

    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return bench_env(PYTHONPATH=path, L10N_NO_CACHE="1")


def _l10n_side(label: str, work: Any, lang: str, scratch: Path, *, check: bool) -> Any:
    import shutil
    import tempfile

    import polib

    from bench.common import Side, run_process

    def once() -> tuple[float, float]:
        project = Path(tempfile.mkdtemp(prefix="project-", dir=scratch))
        try:
            (project / "source").mkdir()
            shutil.copy(work.sources[0], project / "source" / "article.en.txt")
            args = ["translate", "source/article.en.txt", "--to", lang, "--glossary", ""]
            argv = [sys.executable, "-m", "bench.processes", "l10n", str(work.target_tokens)]
            argv += ["--", *args, *([] if check else ["--from", "en"])]
            proc = run_process(argv, cwd=project, env=_env())
            if proc.returncode != 0:
                raise RuntimeError(f"{label}: exit {proc.returncode}: {proc.stderr[-1000:]}")
            [po] = (project / "locales" / lang).glob("*.po")
            msgids = [e.msgid for e in polib.pofile(str(po)) if e.msgstr]
            if msgids != work.segments:
                raise RuntimeError(f"{label}: translated other segments than the benchmark's")
            return proc.seconds, proc.cpu_seconds
        finally:
            shutil.rmtree(project, ignore_errors=True)

    return Side(label, once)


def _limit_side(label: str, work: Any, model: str, scratch: Path) -> Any:
    from bench.common import Side, run_process
    from bench.translation import COLD, limit_options, translator_settings

    spec = scratch / "limit.json"
    options = limit_options(work.target_tokens)
    options.update(max_batch_size=COLD.max_batch_size, batch_type=COLD.batch_type)
    spec.write_text(
        json.dumps(
            {
                "model": model,
                "translator": translator_settings(COLD),
                "tokens": work.tokens,
                "options": options,
            }
        ),
        encoding="utf-8",
    )
    expected = {"segments": len(work.segments), "tokens": len(work.segments) * work.target_tokens}

    def once() -> tuple[float, float]:
        argv = [sys.executable, "-m", "bench.processes", "limit", str(spec)]
        proc = run_process(argv, env=_env())
        if proc.returncode != 0:
            raise RuntimeError(f"{label}: exit {proc.returncode}: {proc.stderr[-1000:]}")
        decoded = json.loads(proc.stdout.strip().splitlines()[-1])
        if decoded != expected:
            raise RuntimeError(f"{label}: decoded {decoded}; expected {expected}")
        return proc.seconds, proc.cpu_seconds

    return Side(label, once)


def run(work: Any, lang: str, model: str, *, repeat: int, deadline: float, section: Any) -> None:
    """Add the whole-process rows and target for ``work`` (the article) to ``section``."""
    import shutil
    import tempfile

    from bench.common import Row, Target, measure_rounds, median
    from bench.translation import COLD

    scratch = Path(tempfile.mkdtemp(prefix="l10n-bench-processes-"))
    try:
        label = f"l10n translate --to {lang}, new process"
        l10n = _l10n_side(label, work, lang, scratch, check=True)
        unchecked = _l10n_side(
            f"l10n translate --to {lang} --from en (no language check), new process",
            work,
            lang,
            scratch,
            check=False,
        )
        limit = _limit_side(f"limit, new process: model load + {COLD.label}", work, model, scratch)
        sides = [l10n, unchecked, limit]
        section.notes += measure_rounds(sides, repeat, deadline, "translate, new processes")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    n, tokens = len(work.segments), len(work.segments) * work.target_tokens
    case = f"{work.name}, whole processes: {n} seg, {work.source_tokens:,} src tok"
    cpu = {side.label: median(side.extras) for side in sides}
    for side in sides:
        section.rows.append(
            Row(
                "translate",
                case,
                side.label,
                side.median,
                side.runs,
                f"{n / side.median:,.1f} seg/s, {tokens / side.median:,.0f} tok/s",
                f"{side.median / limit.median:.2f}x limit" if side is not limit else "(limit)",
                f"spawn to exit; {cpu[side.label]:.2f} s CPU",
            )
        )
    ratio = l10n.median / limit.median
    check_cost = l10n.median - unchecked.median
    section.targets.append(
        Target(
            f"l10n translate as a new process within 15% of the CTranslate2 limit ({work.name})",
            f"<= {TARGET:.2f}x",
            f"{ratio:.2f}x ({l10n.median:.2f} s vs {limit.median:.2f} s)",
            ratio <= TARGET,
            f"Both whole processes, spawn to exit, interleaved. Without the language check "
            f"(--from en): {unchecked.median / limit.median:.2f}x; the check costs "
            f"{check_cost:+.2f} s. In CPU time (user + system, all threads; steadier than "
            f"wall time on a busy machine): {cpu[l10n.label] / cpu[limit.label]:.2f}x the "
            f"limit, {cpu[unchecked.label] / cpu[limit.label]:.2f}x without the check.",
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
