"""The load cache (l10n.glossary.cache): an unchanged glossary is read back,
an edited glossary or an edit to the code that builds terms is parsed again,
and a cache file that is not exactly what l10n wrote (planted, corrupt, from
elsewhere) is ignored and replaced, never run and never an error."""

from __future__ import annotations

import copy
import dataclasses
import errno
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

import l10n.cache
import l10n.glossary.load as load_module
from glossary.fuzzing import exercise, mutate_json, unplaced
from l10n.cli import cli
from l10n.errors import InputFileError
from l10n.glossary import load_glossary
from l10n.glossary.cache import CODE, LoadCache
from l10n.glossary.model import LangForms, Term

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
    assert len(list(cache_home.glob("glossary-*.json"))) == 1

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


# --- a cache file from elsewhere: never run, never trusted -------------------------


def _parsed(path: Path, monkeypatch) -> list[Term]:
    """The terms of a full parse, the cache switched off."""
    with monkeypatch.context() as m:
        m.setenv("L10N_NO_CACHE", "1")
        return load_glossary(path).terms


def _served_from_cache(path: Path, monkeypatch) -> list[Term]:
    """The terms, failing when the glossary had to be parsed."""

    def no_parsing(*args):
        raise AssertionError("the glossary was parsed again: the cache file is not valid")

    with monkeypatch.context() as m:
        m.setattr(load_module, "read_toml", no_parsing)
        m.setattr(load_module, "read_file", no_parsing)
        return load_glossary(path).terms


class _RunsCode:
    """Unpickling this runs code: it creates ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"import pathlib; pathlib.Path({str(self.marker)!r}).touch()",))


def test_a_planted_pickle_runs_no_code(tmp_path, cache_home, monkeypatch):
    shutil.copytree(REPO / "glossary", tmp_path / "glossary")
    path = tmp_path / "glossary"
    expected = _parsed(path, monkeypatch)
    where = LoadCache(sorted(path.glob("*.toml"))).path
    assert where is not None
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_RunsCode(marker))
    cache_home.mkdir(parents=True)
    # Wherever this glossary's cache file is, or was in versions that pickled it.
    for planted in {where, where.with_suffix(".pickle")}:
        planted.write_bytes(payload)

    assert load_glossary(path).terms == expected
    result = CliRunner().invoke(cli, ["glossary", "list", "--glossary", str(path)])
    assert result.exit_code == 0, result.output
    assert not marker.exists(), "loading the glossary ran code from the cache folder"
    assert _served_from_cache(path, monkeypatch) == expected  # replaced by a good file
    assert not where.with_suffix(".pickle").exists()


def _edit_first_term(edit: Callable[[list[Any]], None]) -> Callable[[dict[str, Any]], Any]:
    def corrupt(data: dict[str, Any]) -> Any:
        edit(data["terms"][0])
        return data

    return corrupt


def _set_form(lang: str, index: int, value: Any) -> Callable[[list[Any]], None]:
    def edit(row: list[Any]) -> None:
        row[5][lang][index] = value

    return edit


# Each: the decoded cache file -> what to write instead (bytes as they are,
# anything else as JSON).  The key stays right unless said otherwise.
CORRUPTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "empty file": lambda data: b"",
    "truncated": lambda data: json.dumps(data).encode()[:200],
    "binary garbage": lambda data: bytes(random.Random(1).randrange(256) for _ in range(4096)),
    "not UTF-8": lambda data: json.dumps(data, ensure_ascii=False).encode("utf-16"),
    "nested too deep": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "a list, not an object": lambda data: [data["key"], data["terms"]],
    "another key": lambda data: {**data, "key": "0" * 64},
    "no key": lambda data: {"terms": data["terms"]},
    "no terms": lambda data: {"key": data["key"]},
    "terms an object": lambda data: {"key": data["key"], "terms": {"Sudzha": data["terms"][0]}},
    "a term too short": _edit_first_term(lambda row: row.pop()),
    "a term an object": lambda data: {**data, "terms": [dict(enumerate(data["terms"][0]))]},
    "English a number": _edit_first_term(lambda row: row.__setitem__(0, 1e999)),
    "English empty": _edit_first_term(lambda row: row.__setitem__(0, "")),
    "English without a word": _edit_first_term(lambda row: row.__setitem__(0, "!!!")),
    "variants a string": _edit_first_term(lambda row: row.__setitem__(1, "Sudža")),
    "variants nested": _edit_first_term(lambda row: row.__setitem__(1, [["Sudža"]])),
    "dnt a string": _edit_first_term(lambda row: row.__setitem__(2, "yes")),
    "dnt a number": _edit_first_term(lambda row: row.__setitem__(2, 1)),
    "note null": _edit_first_term(lambda row: row.__setitem__(3, None)),
    "forms a list": _edit_first_term(lambda row: row.__setitem__(5, list(row[5].values()))),
    "a language missing": _edit_first_term(lambda row: row[5].pop("uk")),
    "an empty language": _edit_first_term(lambda row: row[5].__setitem__("", row[5]["uk"])),
    "a form an object": _edit_first_term(lambda row: row[5].__setitem__("uk", {"c": "Суджа"})),
    "canonical null": _edit_first_term(_set_form("uk", 0, None)),
    "canonical without a word": _edit_first_term(_set_form("uk", 0, "-")),
    "accepted a string": _edit_first_term(_set_form("ru", 1, "Суджа")),
    "forbidden with a number": _edit_first_term(_set_form("ru", 2, ["Судзха", 7])),
    "unknown inflection class": _edit_first_term(_set_form("sq", 3, "no-such-class")),
    "inflection class a list": _edit_first_term(_set_form("sq", 3, ["f-a"])),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_a_bad_cache_file_is_parsed_again_and_replaced(
    corruption, tmp_path, cache_home, monkeypatch
):
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML + '\n["Kursk"]\nsq = "Kursk"\nuk = "Курськ"\nru = "Курск"\n')
    expected = load_glossary(path).terms
    (cache_file,) = cache_home.glob("glossary-*.json")
    bad = CORRUPTIONS[corruption](json.loads(cache_file.read_text(encoding="utf-8")))
    cache_file.write_bytes(bad if isinstance(bad, bytes) else json.dumps(bad).encode())

    assert load_glossary(path).terms == expected
    assert _served_from_cache(path, monkeypatch) == expected


def test_a_cache_file_that_is_no_regular_file_is_ignored(tmp_path, cache_home, monkeypatch):
    """A folder, a FIFO (reading one waits for a writer: a hang) or a link to
    a device where the cache file should be."""
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    expected = _parsed(path, monkeypatch)
    where = LoadCache([path]).path
    assert where is not None
    cache_home.mkdir(parents=True)
    code = "import sys, l10n.glossary as g; print(len(g.load_glossary(sys.argv[1])))"
    for make in (os.mkdir, os.mkfifo, lambda p: os.symlink("/dev/zero", p)):
        make(where)
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (out.returncode, out.stdout, out.stderr) == (0, "1\n", ""), make
        assert load_glossary(path).terms == expected
        if where.is_dir():
            where.rmdir()  # a folder cannot be replaced: no cache, silently
        else:
            assert _served_from_cache(path, monkeypatch) == expected
            where.unlink()


def test_a_cache_file_with_the_right_key_and_shape_is_believed(tmp_path, cache_home):
    """The key and the shape are what is checked: a file this code would have
    written for these files is read back as it is (no need to parse)."""
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    load_glossary(path)
    (cache_file,) = cache_home.glob("glossary-*.json")
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["terms"][0][3] = "A note kept in the cache."
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert load_glossary(path).terms[0].note == "A note kept in the cache."


def test_the_cache_keeps_every_field_of_every_term(tmp_path, cache_home, monkeypatch):
    """Read back, the shipped glossary (variants, notes, accepted and forbidden
    forms, inflection classes, do-not-translate terms) equals a fresh parse, and
    the format knows every field of the records: a field added to the model
    must be added to the cache too."""
    assert [f.name for f in dataclasses.fields(Term)] == [
        "en", "en_variants", "forms", "dnt", "note", "source"
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(LangForms)] == [
        "canonical", "accepted", "forbidden", "inflect"
    ]  # fmt: skip
    expected = _parsed(REPO / "glossary", monkeypatch)
    assert any(t.dnt for t in expected) and any(t.en_variants for t in expected)
    assert any(f.accepted and f.forbidden for t in expected for f in t.forms.values())
    load_glossary(REPO / "glossary")
    again = _served_from_cache(REPO / "glossary", monkeypatch)
    assert again == expected
    assert [t.source for t in again] == [t.source for t in expected]
    assert all(type(t.en_variants) is tuple for t in again)
    assert all(type(f.forbidden) is tuple for t in again for f in t.forms.values())


# --- a cache folder that cannot be written ---------------------------------------------


def _unwritable(kind: str, tmp_path: Path, monkeypatch) -> None:
    """Point the cache at a folder that cannot be written, in one of several ways."""
    cache_home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    if kind == "a file where the folder should be":
        cache_home.mkdir()
        (cache_home / "l10n").write_text("not a folder")
    elif kind == "below a file":
        (tmp_path / "file").write_text("")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file" / "cache"))
    elif kind == "a read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        (cache_home / "l10n").mkdir(parents=True)
        (cache_home / "l10n").chmod(0o500)
    elif kind == "a full disk":
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, fd: int, *args, **kwargs) -> None:
                self.file = real_fdopen(fd, *args, **kwargs)

            def __enter__(self) -> FullDisk:
                return self

            def __exit__(self, *exc) -> None:
                self.file.close()

            def __getattr__(self, name: str) -> Any:
                return getattr(self.file, name)

            def write(self, data: bytes) -> int:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fdopen", FullDisk)


UNWRITABLE = [
    "a file where the folder should be",
    "below a file",
    "a read-only folder",
    "a full disk",
]


@pytest.mark.parametrize("kind", UNWRITABLE)
def test_an_unwritable_cache_folder_means_no_cache_silently(kind, tmp_path, monkeypatch):
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    path = tmp_path / "names.toml"
    path.write_text(CACHED_TOML, encoding="utf-8")
    expected = _parsed(path, monkeypatch)
    _unwritable(kind, tmp_path, monkeypatch)
    assert load_glossary(path).terms == expected
    assert load_glossary(path).terms == expected
    result = CliRunner().invoke(cli, ["glossary", "list", "--glossary", str(path)])
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout.endswith("\nSudzha: sq: Suxha; uk: Суджа; ru: Суджа\n")
    leftovers = list((tmp_path / "cache").rglob("*.tmp")) if kind == "a full disk" else []
    assert leftovers == []  # the half-written file is removed


def test_random_changes_to_a_cache_file_are_ignored_or_harmless(tmp_path, cache_home):
    """A cache file changed at random, its key kept: either it is not believed
    (and the glossary is parsed) or what it says works like any glossary."""
    shutil.copytree(REPO / "glossary", tmp_path / "glossary")
    path = tmp_path / "glossary"
    expected = load_glossary(path).terms
    (cache_file,) = cache_home.glob("glossary-*.json")
    good = json.loads(cache_file.read_text(encoding="utf-8"))
    rng = random.Random(7)
    believed = 0
    for _ in range(300):
        data = copy.deepcopy(good)
        for _ in range(rng.randint(1, 3)):
            mutate_json(rng, data, keep=frozenset({"key"}))
        cache_file.write_text(json.dumps(data), encoding="utf-8")
        gloss = load_glossary(path)
        if gloss.terms != expected:
            believed += 1
            exercise(gloss, unplaced(expected))
    assert 0 < believed < 300  # some changes keep the shape (a note, a form)


def test_terms_name_their_file_as_given(tmp_path, cache_home, monkeypatch):
    """Messages say where a term is (``glossary/names.toml:12``): a cache file
    written when the glossary was named one way is not served for another."""
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "names.toml").write_text(CACHED_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_glossary("glossary").terms[0].source == "glossary/names.toml:1"
    absolute = tmp_path / "glossary"
    assert load_glossary(absolute).terms[0].source == f"{absolute}/names.toml:1"
    assert load_glossary("glossary").terms[0].source == "glossary/names.toml:1"
