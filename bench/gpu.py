"""The translation section's GPU line: ``l10n translate`` decoding on a GPU.

Where CTranslate2 sees a GPU, the article is translated into one language
as the CPU sides translate it (same engine, same fixed decode length), with
the engine on ``cuda``, and the row gives its throughput.  Where it sees
none, the row says so: the number would be the CPU's under another name.
Kept cheap: the article only, ``repeat`` runs, after one untimed run that
loads CUDA and the model onto the GPU.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from bench.common import Row, median

LABEL = "l10n translate, {lang}, decoding on the GPU (device cuda)"


def gpu_name() -> str:
    """The GPU's name as nvidia-smi gives it, or "" where it cannot."""
    try:
        out = subprocess.run(
            ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
            capture_output=True,
            text=True,
            timeout=20,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.strip().splitlines()[0] if out.strip() else ""


def gpu_row(work: Any, lang: str, project: Path, *, glossary: bool, repeat: int) -> Row:
    """The GPU line for ``work`` (a bench.translation.Workload)."""
    from bench.translation import run_l10n
    from l10n.engines import cuda_devices

    label = LABEL.format(lang=lang)
    case = f"{work.name}: {len(work.segments)} seg, {work.source_tokens:,} src tok"
    if cuda_devices() == 0:
        return Row("translate", case, label, None, detail="no GPU on this machine: not measured")
    run_l10n(work, [lang], project, glossary=glossary, device="cuda")  # CUDA and model load
    runs, stats = [], []
    for _ in range(repeat):
        seconds, st = run_l10n(work, [lang], project, glossary=glossary, device="cuda")
        runs.append(seconds)
        stats.append(st)
    tokens = len(work.segments) * work.target_tokens
    if any(st.tokens != tokens for st in stats):
        raise RuntimeError(f"GPU side decoded {stats[0].tokens} tokens; expected {tokens}")
    seconds = median(runs)
    return Row(
        "translate",
        case,
        label,
        seconds,
        runs,
        f"{len(work.segments) / seconds:,.1f} seg/s, {tokens / seconds:,.0f} tok/s",
        "",
        f"{gpu_name() or 'GPU'}; {stats[0].calls} CT2 calls; "
        f"{median([st.seconds for st in stats]):.2f} s decoding in flight",
        {"gpu": gpu_name(), "target_tokens": tokens, "ct2_calls": stats[0].calls},
    )
