"""The forms cache (l10n.morph.cache): what pymorphy3 declined, kept between
runs in a file keyed by pymorphy3's files and by the code of l10n.morph."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO

import l10n.cache
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
    assert data["0\tКурск"] == [method, forms]
    # A fresh process reads it back instead of asking pymorphy3.
    data["0\tКурск"] = ["dictionary", {"курск": "nomn", "проверка": "gent"}]
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
