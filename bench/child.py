"""A whole ``l10n translate`` process for the memory section (``python -m bench.child``).

Runs :func:`bench.translation.translate_once` (the library call behind
``l10n translate``, with the benchmark's fixed decode length) on the articles
in a folder and prints one JSON object: seconds in the call, decode counts and
the bytes of the POT/PO files written, and the process's peak RSS (VmHWM);
with ``--tracemalloc``, also the Python heap's peak and what it still holds
at the end (the documents: the PO data in memory).

The peak RSS is read here rather than from the parent's ``wait4``: Linux
carries a process's peak RSS across ``exec``, so a child forked from a big
parent (this benchmark holds several models) reports at least the parent's
RSS; ``VmHWM`` belongs to the new address space only.
"""

from __future__ import annotations

import argparse
import json
import tracemalloc
from pathlib import Path

from bench.translation import translate_once


def peak_rss() -> int:
    """This process's peak resident set size in bytes (Linux ``VmHWM``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.child")
    parser.add_argument("sources", type=Path, help="folder of NAME.en.txt articles")
    parser.add_argument("--locales", type=Path, required=True)
    parser.add_argument("--to", default="sq")
    parser.add_argument("--target-tokens", type=int, required=True)
    parser.add_argument("--glossary", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args(argv)
    if args.tracemalloc:
        tracemalloc.start()
    sources = sorted(args.sources.glob("*.en.txt"))
    seconds, stats, docs = translate_once(
        sources,
        args.to.split(","),
        args.locales,
        glossary=args.glossary,
        target_tokens=args.target_tokens,
    )
    heap = tracemalloc.get_traced_memory() if args.tracemalloc else (0, 0)
    from l10n.models import find_package

    tokenizer = find_package("en", args.to.split(",")[0]).tokenizer
    longest = max(len(tokenizer.encode(e.msgid)) for d in docs for e in d.template)
    written = [d.template_path for d in docs] + [r.path for d in docs for r in d.languages]
    print(
        json.dumps(
            {
                "seconds": seconds,
                "segments": stats.segments,
                "tokens": stats.tokens,
                "po_bytes": sum(p.stat().st_size for p in written),
                "files": len(written),
                "heap_held": heap[0],
                "heap_peak": heap[1],
                "peak_rss": peak_rss(),
                "longest_segment_tokens": longest,
            }
        )
    )


if __name__ == "__main__":
    main()
