"""The shipped glossary, loaded once per test module."""

from __future__ import annotations

import pytest
from conftest import REPO

from l10n.glossary import Glossary, load_glossary


@pytest.fixture(scope="module")
def gloss() -> Glossary:
    return load_glossary(REPO / "glossary")
