"""The forms cache (l10n.morph.cache): what pymorphy3 declined, kept between
runs in a file keyed by pymorphy3's files and by the code of l10n.morph; a
file or an entry that is not what l10n wrote is declined again, never an error."""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import REPO
from glossary.fuzzing import exercise, mutate_json
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, set_msgstr

import l10n.cache
from l10n.cli import cli
from l10n.glossary import Glossary, load_glossary
from l10n.glossary.forms import _compile_chunk
from l10n.morph.cache import CODE, FormsCache, cache_path
from l10n.morph.slavic import cyrillic_forms


def test_forms_cache_roundtrip(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    monkeypatch.setattr(FormsCache, "_by_lang", {})
    # A cache an older version left behind, and one of the other language.
    (tmp_path / "l10n").mkdir()
    (tmp_path / "l10n" / "morph-ru-0123456789abcdef.json").write_text("{}")
    (tmp_path / "l10n" / "morph-uk-0123456789abcdef.json").write_text("{}")
    forms, method = cyrillic_forms("Курск", "ru")
    FormsCache.save_all()
    (path,) = (tmp_path / "l10n").glob("morph-ru-*.json")  # the stale one is gone
    assert (tmp_path / "l10n" / "morph-uk-0123456789abcdef.json").exists()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["key"] and data["entries"]["0\tКурск"] == [method, forms]
    # A fresh process reads it back instead of asking pymorphy3.
    data["entries"]["0\tКурск"] = ["dictionary", {"курск": "nomn", "проверка": "gent"}]
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(FormsCache, "_by_lang", {})
    assert cyrillic_forms("Курск", "ru")[0] == {"курск": "nomn", "проверка": "gent"}
    # Switched off: nothing read, nothing written.
    monkeypatch.setenv("L10N_NO_CACHE", "1")
    monkeypatch.setattr(FormsCache, "_by_lang", {})
    assert "курска" in cyrillic_forms("Курск", "ru")[0]
    assert FormsCache.get("ru").path is None


def test_a_code_edit_starts_a_fresh_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    before = cache_path("ru")
    assert before is not None and before.parent == tmp_path / "l10n"
    assert cache_path("ru") == before and cache_path("uk") != before
    edited = tmp_path / "slavic.py"
    changed = []
    for label, path in l10n.cache.source_files(CODE):
        if label == "l10n.morph/slavic.py":
            edited.write_bytes(path.read_bytes() + b"\n# edited\n")
            path = edited
        changed.append((label, path))
    assert edited.exists()
    monkeypatch.setattr(l10n.cache, "source_files", lambda modules: changed)
    after = cache_path("ru")
    assert after is not None and after != before
    assert after.name.startswith("morph-ru-") and after.suffix == ".json"


def test_the_key_covers_every_module_that_declines():
    labels = {label for label, _ in l10n.cache.source_files(CODE)}
    for path in (REPO / "l10n" / "morph").rglob("*.py"):
        assert f"l10n.morph/{path.relative_to(REPO / 'l10n' / 'morph').as_posix()}" in labels
    # Declining imports nothing else of l10n that could shape the forms (the
    # fingerprint's own code aside).
    code = (
        "import sys, l10n.morph as m; m.chunk_forms('Суджа', 'ru'); "
        "m.inflect('Путін', 'uk', 'gent'); m.chunk_forms('Kursk', 'sq'); "
        "print(' '.join(x for x in sys.modules if x.startswith('l10n')))"
    )
    env = {**os.environ, "L10N_NO_CACHE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    loaded = set(out.stdout.split())
    assert "l10n.morph.slavic" in loaded
    assert {m for m in loaded if not m.startswith("l10n.morph")} <= {"l10n", "l10n.cache"}


# --- a cache file that is not what l10n wrote -------------------------------------------


@pytest.fixture
def checked(project, monkeypatch) -> Path:
    """A project whose PO files hold a glossary error (a Russian Путин in
    Ukrainian), with the cache in a folder of its own."""
    shutil.copytree(REPO / "locales", project / "locales")
    set_msgstr(project / "locales" / "uk" / "kursk.po", RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / "cache"))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    return project / "cache" / "l10n"


def _check(monkeypatch) -> Result:
    """``l10n check locales`` as a fresh process would run it (nothing held in
    memory from an earlier run), and the forms cache kept as at exit."""
    monkeypatch.setattr(FormsCache, "_by_lang", {})
    _compile_chunk.cache_clear()  # the compiled words of the last run
    result = CliRunner().invoke(cli, ["check", "locales"], prog_name="l10n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    FormsCache.save_all()
    return result


def _entries(cache_home: Path) -> dict[str, dict[str, Any]]:
    return {
        path.name.split("-")[1]: json.loads(path.read_text(encoding="utf-8"))["entries"]
        for path in cache_home.glob("morph-*.json")
    }


def _every_entry(change: Callable[[list[Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    def corrupt(data: dict[str, Any]) -> Any:
        data["entries"] = {key: change(entry) for key, entry in data["entries"].items()}
        return data

    return corrupt


# Each: the decoded cache file -> what to write instead (bytes as they are,
# anything else as JSON).
FORMS_CORRUPTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "truncated": lambda data: json.dumps(data).encode()[:100],
    "empty file": lambda data: b"",
    "binary garbage": lambda data: bytes(random.Random(2).randrange(256) for _ in range(4096)),
    "nested too deep": lambda data: b'{"key": ' + b"[" * 100_000,
    "a list where the file's object goes": lambda data: [data["key"], data["entries"]],
    "a list where the entries' object goes": lambda data: {
        "key": data["key"],
        "entries": list(data["entries"].items()),
    },
    "another key": lambda data: {**data, "key": "0" * 64},
    "the layout of earlier versions": lambda data: data["entries"],
    "entries strings": _every_entry(lambda entry: "oops"),
    "entries objects": _every_entry(lambda entry: {"method": entry[0], "forms": entry[1]}),
    "entries too long": _every_entry(lambda entry: [*entry, "extra"]),
    "a method null": _every_entry(lambda entry: [None, entry[1]]),
    "forms a list": _every_entry(lambda entry: [entry[0], list(entry[1].items())]),
    "forms empty": _every_entry(lambda entry: [entry[0], {}]),
    "keys of forms numbers": _every_entry(lambda entry: [entry[0], dict.fromkeys(entry[1], 1)]),
    "an empty form": _every_entry(lambda entry: [entry[0], {"": "nomn"}]),
}


@pytest.fixture(scope="module")
def uncached() -> dict[str, tuple[int, str]]:
    """What ``l10n check`` says without a cache, per project state (filled once)."""
    return {}


@pytest.mark.parametrize("corruption", list(FORMS_CORRUPTIONS))
def test_a_bad_forms_cache_is_declined_again(corruption, checked, monkeypatch, uncached):
    if "result" not in uncached:
        with monkeypatch.context() as m:
            m.setenv("L10N_NO_CACHE", "1")
            result = _check(m)
        uncached["result"] = (result.exit_code, result.stdout)
    assert uncached["result"][0] == 1 and "Путін" in uncached["result"][1]
    first = _check(monkeypatch)
    assert (first.exit_code, first.stdout) == uncached["result"]
    kept = _entries(checked)
    assert set(kept) == {"ru", "uk"} and all(kept.values())

    for path in checked.glob("morph-*.json"):
        bad = FORMS_CORRUPTIONS[corruption](json.loads(path.read_text(encoding="utf-8")))
        path.write_bytes(bad if isinstance(bad, bytes) else json.dumps(bad).encode())
    again = _check(monkeypatch)
    assert (again.exit_code, again.stdout, again.stderr) == (*uncached["result"], "")
    assert _entries(checked) == kept  # declined again and written back


def test_an_unwritable_cache_folder_means_no_forms_cache(checked, monkeypatch):
    checked.parent.mkdir(parents=True)
    checked.write_text("a file where the cache folder should be")
    result = _check(monkeypatch)
    assert (result.exit_code, result.stderr) == (1, "")
    assert "Путін" in result.stdout
    assert checked.read_text() == "a file where the cache folder should be"


def test_random_changes_to_the_forms_cache_never_crash(tmp_path, monkeypatch):
    """Entries changed at random (forms and keys renamed, strings where lists
    go, lists emptied...): the glossary still finds, checks and repairs names."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    terms = load_glossary(REPO / "glossary").terms

    def use_the_glossary() -> None:
        monkeypatch.setattr(FormsCache, "_by_lang", {})
        _compile_chunk.cache_clear()
        exercise(Glossary(terms), set())
        FormsCache.save_all()

    use_the_glossary()
    files = sorted((tmp_path / "l10n").glob("morph-*.json"))
    good = {path: json.loads(path.read_text(encoding="utf-8")) for path in files}
    assert len(good) == 2
    rng = random.Random(11)
    for _ in range(20):
        for path, data in good.items():
            data = copy.deepcopy(data)
            for _ in range(20):
                mutate_json(rng, data["entries"])
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        use_the_glossary()
