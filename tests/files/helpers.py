"""Shared by the tests of l10n.files: child interpreters, and what a run left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.files.writeset import JOURNAL_RE
from l10n.textfile import TEMP_RE

ROOT = Path(__file__).resolve().parent.parent.parent


def child(code: str, *args: str, **kwargs) -> subprocess.Popen:
    """A fresh interpreter running ``code`` with this checkout's l10n."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True, **kwargs)


def finish(process: subprocess.Popen) -> int:
    try:
        return process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the child process hung")


def leftovers(root: Path) -> list[str]:
    """l10n's temporary files and journals anywhere under ``root``."""
    return sorted(
        str(Path(top, name).relative_to(root))
        for top, _dirs, names in os.walk(root)
        for name in names
        if TEMP_RE.match(name) or JOURNAL_RE.match(name)
    )
