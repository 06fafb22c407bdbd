"""``l10n check --fix`` never overwrites what a reviewer saved while it ran."""

from __future__ import annotations

import pytest

import l10n.qa.runner as runner
from l10n.errors import L10nError
from l10n.glossary import load_glossary
from l10n.po import read_po
from l10n.qa.runner import check_paths
from qa.samples import RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN, run, set_msgstr

REVIEWED = (
    "Наразі Росія контролює п’яту частину України, включно з Кримом, "
    "анексованим Путіним у 2014 році."
)


def saving_during_the_check(monkeypatch, path, saves, text=REVIEWED):
    """The reviewer saves right after the checks computed their fixes."""
    real = runner._check_files
    calls = []

    def check_then_save(*args, **kwargs):
        results = real(*args, **kwargs)
        calls.append(1)
        if len(calls) <= saves:
            set_msgstr(path, RUSSIA_FIFTH, f"{text[:-1]} ({len(calls)}).")
        return results

    monkeypatch.setattr(runner, "_check_files", check_then_save)
    return calls


def test_a_save_between_check_and_fix_is_kept(locales, monkeypatch):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)  # fixable: Путин -> Путін
    calls = saving_during_the_check(monkeypatch, path, saves=1)
    result = run("--fix", "locales")
    assert result.exit_code == 0, result.output
    entry = next(e for e in read_po(path) if e.msgid == RUSSIA_FIFTH)
    # The fix was computed from the old text; the reviewer's new one wins.
    assert entry.msgstr == f"{REVIEWED[:-1]} (1)."
    assert "fuzzy" not in entry.flags
    assert len(calls) == 2  # checked again after the save
    assert "Fixed" not in result.stderr


def test_saves_during_every_check_end_the_fix_unwritten(locales, monkeypatch):
    path = locales / "uk" / "kursk.po"
    set_msgstr(path, RUSSIA_FIFTH, UK_WITH_RUSSIAN_PUTIN)
    # Each save still holds the fixable Путин, so each check finds a fix to make.
    saving_during_the_check(monkeypatch, path, saves=100, text=UK_WITH_RUSSIAN_PUTIN)
    with pytest.raises(L10nError, match="saved by someone else"):
        check_paths([locales], fix=True, jobs=1, glossary=load_glossary("glossary"))
    entry = next(e for e in read_po(path) if e.msgid == RUSSIA_FIFTH)
    # The last save, untouched: no fix computed from an older text was written.
    assert entry.msgstr == f"{UK_WITH_RUSSIAN_PUTIN[:-1]} ({runner.FIX_ATTEMPTS})."
    assert "fuzzy" not in entry.flags
