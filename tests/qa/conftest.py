"""Fixtures of the check tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO


@pytest.fixture
def locales(project) -> Path:
    shutil.copytree(REPO / "locales", project / "locales")
    return project / "locales"
