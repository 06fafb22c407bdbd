"""Where cache files live, the off switch, and code fingerprints (l10n.cache)."""

from __future__ import annotations

import importlib
import os
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


# --- reading and writing cache files ---------------------------------------------------


def test_read_json_gives_what_write_kept(tmp_path):
    path = tmp_path / "deep" / "folder" / "c.json"
    value = {"key": "k", "terms": [["Суджа", [], True, "", "a:1", {"uk": None}]]}
    cache.write(path, value)
    assert cache.read_json(path) == value
    assert [p.name for p in path.parent.iterdir()] == ["c.json"]  # no temporary file left
    cache.write(path, [1])
    assert cache.read_json(path) == [1]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b'{"a": 1',
        b"\xff\xfe{}",
        b"[" * 100_000,
        b"\x80\x81pickle",
        "{}".encode("utf-16"),
    ],
)
def test_a_file_that_is_no_json_reads_as_none(tmp_path, content):
    path = tmp_path / "c.json"
    path.write_bytes(content)
    assert cache.read_json(path) is None


def test_what_is_no_regular_file_reads_as_none(tmp_path, monkeypatch):
    assert cache.read_json(tmp_path / "missing.json") is None
    assert cache.read_json(tmp_path) is None  # a folder
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert cache.read_json(fifo) is None  # at once: no waiting for a writer
    device = tmp_path / "device.json"
    device.symlink_to("/dev/zero")
    assert cache.read_json(device) is None  # never read to the end
    big = tmp_path / "big.json"
    big.write_text("[" + "1," * 100 + "1]")
    assert cache.read_json(big) is not None
    monkeypatch.setattr(cache, "MAX_BYTES", 100)
    assert cache.read_json(big) is None


def test_write_replaces_what_is_there_but_never_follows_a_link(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "l10n" / "link.json"
    link.parent.mkdir()
    link.symlink_to(target)
    fifo = tmp_path / "l10n" / "fifo.json"
    os.mkfifo(fifo)
    for path in (link, fifo):
        cache.write(path, {"a": 1})
        assert not path.is_symlink() and path.is_file() and cache.read_json(path) == {"a": 1}
    assert target.read_text() == "keep me"


def test_write_never_fails(tmp_path):
    (tmp_path / "file").write_text("")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    cache.write(tmp_path / "file" / "c.json", 1)  # below a file
    cache.write(folder, 1)  # a folder where the file goes
    assert folder.is_dir() and list(folder.iterdir()) == []
    cache.write(tmp_path / "c.json", "\ud800")  # not encodable as UTF-8
    cache.write(tmp_path / "d.json", {1: object()})  # not JSON
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder.json"]
