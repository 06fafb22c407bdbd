"""``l10n translate`` with engines from l10n.toml: CTranslate2 model folders
for some languages, Argos packages for the others, every problem at its line.

The tokens sent to CTranslate2 and those it returns are read from a
pass-through translator (tests/engines/spy.py): that the language tokens go
where each layout needs them is the whole point of the settings.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import Result
from conftest import msgfmt_check
from support.cli import assert_input_error, run

from l10n import catalog
from l10n.engines import base
from l10n.po import read_po

from .spy import install

CONFIG = """\
[project]
languages = ["sq", "uk", "ru"]

[engines.uk]
kind = "ctranslate2"
model = "models/opus-mt-en-zle"
source-prefix = ">>ukr<<"

[engines.ru]
kind = "ctranslate2"
model = "models/nllb-200"
source-prefix = "eng_Latn"
source-suffix = "</s>"
target-prefix = "rus_Cyrl"
"""


@pytest.fixture
def configured(project, with_models, ct2_models) -> Path:
    """The article project with l10n.toml's engines: uk OPUS-MT, ru NLLB, sq Argos."""
    for name, folder in (("opus-mt-en-zle", ct2_models["opus"]), ("nllb-200", ct2_models["nllb"])):
        shutil.copytree(folder, project / "models" / name)
    (project / "l10n.toml").write_text(CONFIG, encoding="utf-8")
    return project


def mt_entries(lang: str) -> list:
    po = read_po(f"locales/{lang}/kursk.po")
    return [e for e in po if e.msgid and catalog.MT_NOTE_PREFIX in e.comment]


def test_each_language_decodes_with_its_configured_model_and_tokens(configured, monkeypatch):
    spy = install(monkeypatch)
    result = run("translate", "--glossary", "")
    assert result.exit_code == 0, result.stderr
    calls = {
        lang: [c for c in spy.calls if name in c.model]
        for lang, name in (("uk", "opus-mt-en-zle"), ("ru", "nllb-200"), ("sq", "translate-en_sq"))
    }
    assert all(calls.values()) and sum(map(len, calls.values())) == len(spy.calls)
    assert set(spy.devices) == {"cpu"}

    for call in calls["uk"]:  # OPUS-MT: the language token before the source
        assert all(s[0] == ">>ukr<<" and ">>ukr<<" not in s[1:] for s in call.source)
        assert call.target_prefix is None
    for call in calls["ru"]:  # NLLB: the source language first, </s> last, the target forced
        assert all(s[0] == "eng_Latn" and s[-1] == "</s>" for s in call.source)
        assert call.target_prefix == [["rus_Cyrl"]] * len(call.source)
        assert all(r.hypotheses[0][0] == "rus_Cyrl" for r in call.results)
    for call in calls["sq"]:  # Argos: the package's own tokens, nothing added
        assert call.target_prefix is None
        assert not {"eng_Latn", "</s>", ">>ukr<<"} & {t for s in call.source for t in s}

    segments = len([e for e in read_po("locales/kursk.pot") if e.msgid])
    names = {
        "uk": "CTranslate2 en->uk (models/opus-mt-en-zle, sha256 ",
        "ru": "CTranslate2 en->ru (models/nllb-200, sha256 ",
        "sq": "Argos Translate en->sq (translate-en_sq-random, version ",
    }
    for lang, name in names.items():
        assert msgfmt_check(Path(f"locales/{lang}/kursk.po")).returncode == 0
        entries = mt_entries(lang)
        assert len(entries) == segments
        for entry in entries:
            assert name in entry.comment
            assert "rus_Cyrl" not in entry.msgstr and ">>ukr<<" not in entry.msgstr
            assert 0 <= catalog.note_confidence(entry) <= 1
            assert "fuzzy" in entry.flags


def test_status_counts_low_confidence_below_the_configured_threshold(configured):
    assert run("translate", "--glossary", "").exit_code == 0
    rows = {r["lang"]: r for r in json.loads(run("status", "--json").stdout)}
    for lang, row in rows.items():
        # Random weights are never sure: every machine translation is below 0.5.
        confidences = [catalog.note_confidence(e) for e in mt_entries(lang)]
        assert max(confidences) < 0.5
        assert row["low_confidence"] == row["fuzzy"] == len(confidences)
    threshold = min(c for lang in rows for c in map(catalog.note_confidence, mt_entries(lang)))
    with Path("l10n.toml").open("a") as f:
        f.write(f"\n[translate]\nlow-confidence = {threshold}\n")
    rows = {r["lang"]: r for r in json.loads(run("status", "--json").stdout)}
    assert sum(r["low_confidence"] for r in rows.values()) == 0
    table = run("status").stdout.splitlines()
    assert "low conf." in table[0]


def test_models_list_shows_the_configured_engines(configured):
    result = run("models", "list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "en->uk\tctranslate2\tmodels/opus-mt-en-zle\tdevice cpu (cpu)" in "\n".join(lines)
    assert any(ln.startswith("en->ru\tctranslate2\tmodels/nllb-200\t") for ln in lines)
    listed = json.loads(run("models", "list", "--json").stdout)
    engines = [e for e in listed if e.get("configured")]
    assert [(e["to"], e["kind"], e["model"]) for e in engines] == [
        ("ru", "ctranslate2", "models/nllb-200"),
        ("uk", "ctranslate2", "models/opus-mt-en-zle"),
    ]
    assert {e["kind"] for e in listed if not e.get("configured")} == {"argos"}


# --- errors: exit 2 at l10n.toml's line, nothing written --------------------------


def assert_config_error(result: Result, line: int, *words: str) -> None:
    assert_input_error(result, f"l10n.toml:{line}: ", *words)
    assert not Path("locales").exists()


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('"models/nllb-200"', '"models/nllb"', 11, ["engines.ru.model", "no such folder"]),
        ('"eng_Latn"', '"en_Latn"', 12, ["engines.ru.source-prefix", "'en_Latn'"]),
        ('">>ukr<<"', '">>uk<<"\nsource-tokenizer = "src.spm"', 8, ["source-tokenizer"]),
    ],
)
def test_a_bad_engine_setting_stops_translate_at_its_line(configured, old, new, line, words):
    Path("l10n.toml").write_text(CONFIG.replace(old, new, 1), encoding="utf-8")
    assert_config_error(run("translate", "--glossary", ""), line, *words)


def test_cuda_where_there_is_no_gpu_stops_translate(configured, monkeypatch):
    monkeypatch.setattr(base, "cuda_devices", lambda: 0)
    result = run("translate", "--glossary", "", "--device", "cuda")
    assert_input_error(result, '--device: "cuda", but CTranslate2 sees no GPU', "Hint:")
    assert not Path("locales").exists()
    Path("l10n.toml").write_text(CONFIG + 'device = "cuda"\n', encoding="utf-8")
    assert_config_error(run("translate", "--glossary", ""), 15, "engines.ru.device", "no GPU")


def test_auto_decodes_on_the_cpu_where_there_is_no_gpu(configured, monkeypatch):
    monkeypatch.setattr(base, "cuda_devices", lambda: 0)
    spy = install(monkeypatch)
    Path("l10n.toml").write_text(CONFIG + '\n[translate]\ndevice = "auto"\n', encoding="utf-8")
    assert run("translate", "--glossary", "", "--to", "ru,sq").exit_code == 0
    assert spy.devices == ["cpu", "cpu"]
