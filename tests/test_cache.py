"""Where cache files live, the off switch, and code fingerprints (l10n.cache)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from l10n import cache


def test_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "l10n"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for unset in (monkeypatch.delenv, lambda name: monkeypatch.setenv(name, "")):
        unset("XDG_CACHE_HOME")
        assert cache.folder() == tmp_path / "home" / ".cache" / "l10n"


def test_the_off_switch(monkeypatch):
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    assert not cache.disabled()
    monkeypatch.setenv("L10N_NO_CACHE", "")
    assert not cache.disabled()
    for value in ("1", "yes", "0"):  # any value switches it off, as before
        monkeypatch.setenv("L10N_NO_CACHE", value)
        assert cache.disabled()


@pytest.fixture
def package(tmp_path, monkeypatch) -> Path:
    """A package ``fingerprinted`` with a module and a subpackage, on sys.path."""
    root = tmp_path / "fingerprinted"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text('"""A package."""\n')
    (root / "a.py").write_text("A = 1\n")
    (root / "sub" / "__init__.py").write_text("")
    (root / "sub" / "b.py").write_text("B = 2\n")
    (tmp_path / "single.py").write_text("S = 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    return root


def test_a_package_stands_for_every_module_in_it(package):
    files = cache.source_files(["fingerprinted", "single"])
    assert [label for label, _ in files] == [
        "fingerprinted/__init__.py",
        "fingerprinted/a.py",
        "fingerprinted/sub/__init__.py",
        "fingerprinted/sub/b.py",
        "single",
    ]
    assert files[-1][1] == package.parent / "single.py"


def test_the_fingerprint_follows_every_edit(package):
    modules = ["fingerprinted", "single"]
    seen = [cache.code_fingerprint(modules)]
    (package / "sub" / "b.py").write_text("B = 3\n")  # an edit
    seen.append(cache.code_fingerprint(modules))
    (package / "c.py").write_text("")  # a module added, even an empty one
    seen.append(cache.code_fingerprint(modules))
    (package / "c.py").rename(package / "d.py")  # a module renamed
    seen.append(cache.code_fingerprint(modules))
    (package.parent / "single.py").write_text("S = 4\n")
    seen.append(cache.code_fingerprint(modules))
    assert len(set(seen)) == 5
    # Unchanged code keeps its fingerprint: file times do not count.
    assert cache.code_fingerprint(modules) == seen[-1]
    (package / "sub" / "b.py").touch()
    assert cache.code_fingerprint(modules) == seen[-1]


def test_an_unknown_module_is_an_error():
    with pytest.raises(ModuleNotFoundError):
        cache.code_fingerprint(["l10n.no_such_module"])
