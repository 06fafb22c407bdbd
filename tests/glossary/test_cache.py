"""The load cache (l10n.glossary.cache): an unchanged glossary is read back,
an edited glossary or an edit to the code that builds terms is parsed again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import l10n.cache
import l10n.glossary.load as load_module
from l10n.errors import InputFileError
from l10n.glossary import load_glossary
from l10n.glossary.cache import CODE

CACHED_TOML = '["Sudzha"]\nsq = "Suxha"\nuk = "Суджа"\nru = "Суджа"\n'


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    return tmp_path / "cache" / "l10n"


def test_a_loaded_glossary_is_kept_and_follows_its_file(tmp_path, cache_home, monkeypatch):
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    first = load_glossary(path)
    assert len(list(cache_home.glob("glossary-*.pickle"))) == 1

    def no_parsing(*args):
        raise AssertionError("the unchanged glossary was parsed again")

    with monkeypatch.context() as m:
        m.setattr(load_module, "read_toml", no_parsing)
        again = load_glossary(path)
    assert again.terms == first.terms
    assert again.violations("uk", "In Sudzha", "У Суджі") == []

    # An edited file is read again: a new term is there, a broken one is refused.
    path.write_text(CACHED_TOML + '\n["Kursk"]\nsq = "Kursk"\nuk = "Курськ"\nru = "Курск"\n')
    assert [t.en for t in load_glossary(path).terms] == ["Sudzha", "Kursk"]
    path.write_text(CACHED_TOML + "\n" + CACHED_TOML, encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        load_glossary(path)
    assert "duplicate" in err.value.message


def test_no_cache_means_no_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    assert len(load_glossary(path)) == 1
    assert not (tmp_path / "cache" / "l10n").exists() or not list(
        (tmp_path / "cache" / "l10n").glob("glossary-*")
    )


# --- the key covers the code ---------------------------------------------------------


def _edited(tmp_path: Path, label: str) -> list[tuple[str, Path]]:
    """The sources of CODE, with a copy of ``label``'s file edited."""
    files = []
    for name, path in l10n.cache.source_files(CODE):
        if name == label:
            copy = tmp_path / "edited.py"
            copy.write_bytes(path.read_bytes() + b"\n# edited\n")
            path = copy
        files.append((name, path))
    return files


def test_a_code_edit_means_the_glossary_is_parsed_again(tmp_path, cache_home, monkeypatch):
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    load_glossary(path)
    parsed = []
    read_toml = load_module.read_toml
    monkeypatch.setattr(load_module, "read_toml", lambda f: parsed.append(f) or read_toml(f))
    load_glossary(path)
    assert parsed == []  # the cache works...
    edited = _edited(tmp_path, "l10n.glossary/validate.py")
    monkeypatch.setattr(l10n.cache, "source_files", lambda modules: edited)
    assert [t.en for t in load_glossary(path).terms] == ["Sudzha"]
    assert parsed == [path]  # ...and is not served after the code changed


def test_the_key_covers_every_glossary_and_morph_module():
    labels = {label for label, _ in l10n.cache.source_files(CODE)}
    for package in ("glossary", "morph"):
        for path in (REPO / "l10n" / package).rglob("*.py"):
            relative = path.relative_to(REPO / "l10n" / package).as_posix()
            assert f"l10n.{package}/{relative}" in labels


def test_the_key_changes_with_any_covered_source(tmp_path):
    copies = []
    for i, (label, path) in enumerate(l10n.cache.source_files(CODE)):
        copy = tmp_path / f"{i}.py"
        shutil.copyfile(path, copy)
        copies.append((label, copy))
    before = l10n.cache.fingerprint(copies)
    for _, copy in copies:
        source = copy.read_bytes()
        copy.write_bytes(source.replace(b"\n", b"\n\n", 1))
        assert l10n.cache.fingerprint(copies) != before, copy
        copy.write_bytes(source)
    assert l10n.cache.fingerprint(copies) == before


# Imported while loading, yet shaping no term: the package marker, the error
# records (a glossary with errors is never kept), the key's own code, and the
# locale codes the Glossary resolves after loading, and the writing of the
# cache file itself (l10n.files and its modules).
NOT_SHAPING_TERMS = {"l10n", "l10n.errors", "l10n.cache", "l10n.languages"}
WRITING_ONLY = "l10n.files"


def test_every_module_that_loading_runs_is_in_the_key():
    code = (
        "import sys, l10n.glossary; l10n.glossary.load_glossary('glossary'); "
        "print(' '.join(m for m in sys.modules if m == 'l10n' or m.startswith('l10n.')))"
    )
    env = {**os.environ, "L10N_NO_CACHE": "1"}  # a full parse
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    loaded = set(out.stdout.split())
    assert "l10n.glossary.validate" in loaded
    covered = {
        m for m in loaded if any(m == c or m.startswith(c + ".") for c in (*CODE, WRITING_ONLY))
    } | NOT_SHAPING_TERMS
    assert loaded <= covered, loaded - covered
