"""Random mutations of glossaries: every one loads or is an input error.

A glossary is edited by hand, so any byte sequence can reach the loader.
1,000 seeded mutations of the shipped ``glossary/names.toml`` and of a small
TSV glossary (lines deleted, doubled or swapped, quotes, brackets, ``=``,
deep nesting, NUL bytes, invalid UTF-8, huge numbers, duplicate keys,
unknown languages, values of the wrong type...) each either load, and then
work (every term found and checked in every language), or raise
:class:`L10nError`, which the CLI reports with exit 2.  Any other exception
would be exit 3, an internal error.  Most run with the cache off; every
tenth with it on, read back once from the cache.  A sample goes through
``l10n glossary list`` and ``l10n check``.
"""

from __future__ import annotations

import random
import shutil
import time
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from glossary.fuzzing import TSV, exercise, mutate, unplaced
from l10n.cli import cli
from l10n.errors import L10nError
from l10n.glossary import load_glossary
from l10n.glossary.model import Term

SEED = 20_250_601
MUTATIONS = 1000
CLI_SAMPLE = 50  # of them, also through the CLI
WITH_CACHE_EVERY = 10
# A bound for a very slow machine; the mutations take a few seconds here.
TIME_LIMIT_S = 60.0


def _load(path: Path, original: set[Term]) -> str:
    """Load the glossary and use it: "ok", "error" (an L10nError); anything
    else raises."""
    try:
        gloss = load_glossary(path)
    except L10nError:
        return "error"
    exercise(gloss, original)
    return "ok"


@pytest.fixture
def originals(tmp_path) -> dict[str, tuple[bytes, set[Term]]]:
    """The two glossaries fuzzed: their bytes and terms."""
    tsv = tmp_path / "original.tsv"
    tsv.write_text(TSV, encoding="utf-8")
    toml = REPO / "glossary" / "names.toml"
    out = {}
    for suffix, path in ((".toml", toml), (".tsv", tsv)):
        out[suffix] = (path.read_bytes(), unplaced(load_glossary(path).terms))
    return out


def test_random_mutations_load_or_are_input_errors(tmp_path, monkeypatch, originals):
    rng = random.Random(SEED)
    cache_home = tmp_path / "cache"
    failures: list[str] = []
    outcomes = {"ok": 0, "error": 0}
    deadline = time.monotonic() + TIME_LIMIT_S
    done = 0
    for case in range(MUTATIONS):
        if time.monotonic() > deadline:
            break
        suffix = ".toml" if rng.random() < 0.8 else ".tsv"
        source, terms = originals[suffix]
        data = mutate(rng, source)
        path = tmp_path / f"case{case}{suffix}"
        path.write_bytes(data)
        cached = case % WITH_CACHE_EVERY == 0
        if cached:
            monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
            monkeypatch.delenv("L10N_NO_CACHE", raising=False)
        else:
            monkeypatch.setenv("L10N_NO_CACHE", "1")
        try:
            outcome = _load(path, terms)
            if cached and outcome == "ok":  # read back from the cache: the same terms
                assert load_glossary(path).terms == _fresh(path, monkeypatch)
        except Exception:
            failures.append(f"{path.name}: {traceback.format_exc(limit=-3)}")
        else:
            outcomes[outcome] += 1
            path.unlink()  # what failed stays, to reproduce it
        done += 1
    assert not failures, f"{len(failures)} of {done} mutations crashed:\n" + "\n".join(failures[:5])
    # The mutations reach both outcomes, and the cache was on for some.
    assert outcomes["ok"] > 50 and outcomes["error"] > 50, outcomes
    assert list(cache_home.glob("l10n/glossary-*.json"))


def _fresh(path: Path, monkeypatch) -> list[Term]:
    with monkeypatch.context() as m:
        m.setenv("L10N_NO_CACHE", "1")
        return load_glossary(path).terms


def test_random_mutations_through_the_cli(project, monkeypatch, originals):
    """A sample through ``l10n glossary list`` and ``l10n check``: exit 0, 1
    or 2 with a message, never an internal error."""
    shutil.copytree(REPO / "locales", project / "locales")
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / "cache"))
    rng = random.Random(SEED + 1)
    runner = CliRunner()
    failures = []
    deadline = time.monotonic() + TIME_LIMIT_S
    for case in range(CLI_SAMPLE):
        if time.monotonic() > deadline:
            break
        suffix = ".toml" if case % 5 else ".tsv"
        path = project / f"case{case}{suffix}"
        path.write_bytes(mutate(rng, originals[suffix][0]))
        if case % 2:
            monkeypatch.setenv("L10N_NO_CACHE", "1")
        else:
            monkeypatch.delenv("L10N_NO_CACHE", raising=False)
        command = (
            ["glossary", "list", "--glossary", str(path)]
            if case % 3 == 0
            else ["check", "locales/uk", "locales/ru", "--glossary", str(path)]
        )
        result = runner.invoke(cli, command, prog_name="l10n")
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        allowed = {0, 2} if command[0] == "glossary" else {0, 1, 2}
        if crashed or result.exit_code not in allowed:
            failures.append(
                f"{path.name} {command[0]}: exit {result.exit_code} {result.exception!r}"
            )
        elif result.exit_code == 2 and "Error:" not in result.stderr:
            failures.append(f"{path.name} {command[0]}: exit 2 without a message")
    assert not failures, "\n".join(failures)
