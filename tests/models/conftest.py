"""Fixtures for the model tests: no proxy, no stray settings, a local package index."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from l10n.models import download
from models.web import Site, point_index_at, serve


@pytest.fixture
def no_proxy(monkeypatch):
    """Loopback requests must not go through a proxy set in the environment."""
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    for var in ("ARGOS_PACKAGE_INDEX", "L10N_ALLOW_HTTP", "L10N_MAX_DOWNLOAD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("L10N_DOWNLOAD_TIMEOUT", raising=False)
    monkeypatch.setattr(download, "INDEX_TIMEOUT", 10)


@pytest.fixture
def site(tmp_path, no_proxy, monkeypatch) -> Iterator[Site]:
    """A package index on 127.0.0.1 that ARGOS_PACKAGE_INDEX points at, for this test only."""
    with serve(tmp_path / "www") as s:
        point_index_at(monkeypatch, s.base + "/")
        yield s
