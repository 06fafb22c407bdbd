"""Validating glossary entries (l10n.glossary.validate): unknown keys and
languages, empty or missing forms, conflicting entries; each error with the
file:line of the offending key."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.samples import GOOD, load_error, write

TERM_ERRORS = [
    # name, file text, line, words in the message
    (
        "duplicate term, other case",
        GOOD + '\n[sudzha]\nsq = "S"\nuk = "С"\nru = "С"\n',
        9,
        'duplicate term "sudzha"',
    ),
    ("unknown language", GOOD.replace('ru = "Суджа"\n', 'ru = "Суджа"\nde = "Sudscha"\n'), 7,
     "unknown language 'de'"),
    ("unknown language in forbidden", GOOD + 'forbidden.de = ["Sudsha"]\n', 8,
     "unknown language 'de'"),
    ("empty canonical", GOOD.replace('uk = "Суджа"', 'uk = "  "'), 5,
     "empty canonical form for uk"),
    ("missing language", GOOD.replace('sq = "Suxha"\n', ""), 1, "no sq form"),
    (
        "same English variant in two terms",
        GOOD + '\n["Sudzha town"]\nvariants = ["Sudža"]\nsq = "S"\nuk = "С"\nru = "С"\n',
        10,
        'conflicting entries: English "Sudža" belongs to both "Sudzha"',
    ),
    (
        "accepted and forbidden",
        GOOD + 'accepted.ru = ["Судзха"]\n',
        7,
        'conflicting entries: "Судзха" is both accepted and forbidden for ru',
    ),
    (
        "canonical forbidden",
        GOOD.replace('forbidden.ru = ["Судзха"]', 'forbidden.ru = ["суджа"]'),
        7,
        "both accepted and forbidden",
    ),
    ("dnt with a form", '[GIZ]\ndnt = true\nru = "ГИЦ"\n', 3, "conflicting entries"),
    ("unquoted dot", '[St.Petersburg]\nsq = "S"\nuk = "С"\nru = "С"\n', 1, "unknown key"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"), [e[1:] for e in TERM_ERRORS], ids=[e[0] for e in TERM_ERRORS]
)
def test_invalid_entries(tmp_path, text, line, message):
    path = write(tmp_path, "names.toml", text)
    error = load_error(tmp_path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_duplicate_term_across_files(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", "# more\n" + GOOD)
    error = load_error(tmp_path)
    assert (Path(error.path).name, error.line) == ("b.toml", 2)
    assert "duplicate term" in error.message and "a.toml:1" in error.message
