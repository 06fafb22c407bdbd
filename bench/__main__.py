"""``python -m bench``: run the benchmarks, print the table, write JSON (and the docs)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import bench
from bench.common import RESULTS, Section, log, machine_info, randommodel
from bench.report import DOCS, markdown, text_table, to_json, write_json

SECTIONS = ("translate", "startup", "check", "memory", "tm", "incremental", "cluster", "terms")
# The order the sections run in, with their shares of the time left when
# they start: the sections of mostly fixed cost first, so that translation
# (the one that most needs its repeats) gets whatever they leave.
ORDER = (
    ("terms", 0.03),  # its model's training is fixed cost: run first, not charged (below)
    ("startup", 0.06),  # l10n build of 200 articles included
    ("tm", 0.05),
    ("incremental", 0.10),
    ("check", 0.26),
    ("memory", 0.08),
    ("translate", 0.60),
    ("cluster", 0.05),
)
LANGS = ["sq", "uk", "ru"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=(bench.__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--repeat", type=int, default=None, help="runs per side (default 3)")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run: {','.join(SECTIONS)}",
    )
    parser.add_argument("--articles", type=int, default=None, help="corpus size (default 3)")
    parser.add_argument(
        "--memory-articles", type=int, default=None, help="memory corpus size (default 25)"
    )
    parser.add_argument(
        "--budget", type=float, default=None, help="seconds for the whole run (default 520)"
    )
    parser.add_argument("--write-docs", action="store_true", help=f"also write {DOCS.name}")
    parser.add_argument(
        "--docs-only",
        action="store_true",
        help="only rewrite the docs from bench/results/latest.json",
    )
    args = parser.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be >= 1")
    quick = args.quick
    args.repeat = args.repeat or (1 if quick else 3)
    args.articles = args.articles or (2 if quick else 3)
    args.memory_articles = args.memory_articles or (2 if quick else 25)
    args.budget = args.budget or (90.0 if quick else 520.0)
    args.target_tokens = 8 if quick else 32
    return args


def run_sections(
    args: argparse.Namespace, packages_dir: Path | None, deadline: float
) -> dict[str, Section]:
    """Run the chosen sections in order, each with its share of the time left.

    terms trains its model first (a few minutes, whatever the budget): the
    time it runs past its share moves the deadline, so the other sections
    get what they would without it.
    """
    sections: dict[str, Section] = {}
    plan = [(name, share) for name, share in ORDER if name in args.only]
    for i, (name, share) in enumerate(plan):
        now = time.monotonic()
        left = sum(s for _, s in plan[i:])
        until = now + share / left * max(0.0, deadline - now)
        log(f"section {name}: {until - now:.0f} s of budget")
        if name == "terms":
            from bench import terms

            sections[name] = terms.run(quick=args.quick, repeat=args.repeat, deadline=until)
            deadline += max(0.0, time.monotonic() - until)
        elif name == "startup":
            from bench import startup

            sections[name] = startup.run(repeat=args.repeat, deadline=until, quick=args.quick)
        elif name == "translate":
            from bench import translation

            sections[name] = translation.run(
                repeat=args.repeat,
                articles=args.articles,
                langs=LANGS,
                deadline=until,
                target_tokens=args.target_tokens,
            )
        elif name == "check":
            from bench import checking

            sections[name] = checking.run(repeat=args.repeat, deadline=until, quick=args.quick)
        elif name == "cluster":
            from bench import cluster

            sections[name] = cluster.run(
                articles=2 * args.articles,
                target_tokens=args.target_tokens,
                repeat=args.repeat,
                quick=args.quick,
            )
        elif name == "tm":
            from bench import tm

            sections[name] = tm.run(quick=args.quick)
        elif name == "incremental":
            from bench import incremental

            sections[name] = incremental.run(quick=args.quick, repeat=args.repeat, deadline=until)
        elif name == "memory":
            from bench import memory
            from bench.translation import load_repo_glossary

            assert packages_dir is not None
            sections[name] = memory.run(
                articles=args.memory_articles,
                packages_dir=packages_dir,
                glossary=load_repo_glossary()[0] is not None,
            )
    return sections


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    latest = RESULTS / "latest.json"
    if args.docs_only:
        data = json.loads(latest.read_text(encoding="utf-8"))
        DOCS.write_text(markdown(data, bench.__doc__ or ""), encoding="utf-8")
        print(f"wrote {DOCS}")
        return

    TRANSFORMER_BASE = randommodel().TRANSFORMER_BASE

    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    start = time.monotonic()
    deadline = start + args.budget
    machine = machine_info()
    build_s = 0.0
    packages_dir = None
    if {"translate", "memory", "cluster"} & set(args.only):
        from bench.packages import build_packages, install_packages

        files, build_s = build_packages(LANGS, TRANSFORMER_BASE)
        packages_dir = install_packages(files)

    try:
        sections = run_sections(args, packages_dir, deadline)
    finally:
        if packages_dir is not None:
            shutil.rmtree(packages_dir, ignore_errors=True)
    ordered = {name: sections[name] for name in SECTIONS if name in sections}
    shape = TRANSFORMER_BASE
    summary = (
        f"repeat {args.repeat}; corpus {args.articles} articles; memory corpus "
        f"{args.memory_articles} articles; {args.target_tokens} target tokens per segment "
        f"(memory section: 8); beam 4; random-weight packages en->{','.join(LANGS)}, "
        f"{shape.encoder_layers}+{shape.decoder_layers} layers, d_model {shape.d_model}, "
        f"{shape.heads} heads, FFN {shape.ffn}, vocab {shape.vocab_size}, {shape.quantization}"
    )
    data = to_json(
        {
            "command": " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]),
            "started": started,
            "elapsed_s": time.monotonic() - start,
            "machine": machine,
            "settings": {
                "repeat": args.repeat,
                "articles": args.articles,
                "memory_articles": args.memory_articles,
                "target_tokens": args.target_tokens,
                "budget_s": args.budget,
                "package_build_s": build_s,
                "quick": args.quick,
                "summary": summary,
            },
        },
        ordered,
    )
    write_json(latest, data)
    print(text_table(data))
    print(f"\n{len(ordered)} section(s) in {data['elapsed_s']:.0f} s; JSON: {latest}")
    if args.write_docs:
        DOCS.write_text(markdown(data, bench.__doc__ or ""), encoding="utf-8")
        print(f"wrote {DOCS}")


if __name__ == "__main__":
    main()
