"""Limits on what a package may cost: sizes and times, settable from the environment."""

from __future__ import annotations

import os
import re

from l10n.errors import L10nError

MIB = 1024**2
GIB = 1024**3
DOWNLOAD_TIMEOUT = 3600.0  # seconds one whole download may take: L10N_DOWNLOAD_TIMEOUT
MAX_DOWNLOAD = 2 * GIB  # bytes one package download may have: L10N_MAX_DOWNLOAD
MAX_UNPACKED = 4 * GIB  # bytes one package may unpack to: L10N_MAX_UNPACKED
MAX_INDEX = 16 * MIB  # the real index is about 100 kB
MAX_METADATA = MIB
# Model weights hardly compress; a package packed a hundred times smaller than
# its contents is a zip bomb, not a model.  Small files (README, vocabulary)
# may compress well, so the ratio is only checked above RATIO_FLOOR bytes.
MAX_RATIO = 100
RATIO_FLOOR = MIB


def size_setting(var: str, default: int) -> int:
    """A size in bytes from the environment: ``500000000``, ``500M``, ``2G`` (powers of 1024)."""
    raw = os.environ.get(var, "").strip()
    if not raw:
        return default
    match = re.fullmatch(r"(\d+)\s*([KMGT]?)(?:i?B)?", raw, re.IGNORECASE)
    if not match:
        raise L10nError(f"{var}={raw!r} is not a size", hint=f"give bytes, or K, M or G: {var}=2G")
    return int(match[1]) * 1024 ** " KMGT".index(match[2].upper() or " ")


def seconds_setting(var: str, default: float) -> float:
    raw = os.environ.get(var, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise L10nError(f"{var}={raw!r} is not a number of seconds", hint=f"e.g. {var}=600")
    return seconds


def human(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    raise AssertionError("unreachable")
