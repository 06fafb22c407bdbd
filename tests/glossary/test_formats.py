"""Reading glossary files (l10n.glossary.formats): TOML and TSV syntax, duplicate
tables, columns, binary and non-UTF-8 files; each error with its file:line."""

from __future__ import annotations

import pytest

from glossary.samples import GOOD, load_error, write

FORMAT_ERRORS = [
    # name, file text, line, words in the message
    (
        "duplicate term",
        GOOD + "\n" + GOOD,
        9,
        'duplicate term "Sudzha" (first defined at line 1)',
    ),
    ("syntax error", GOOD.replace('uk = "Суджа"', 'uk = "Суджа'), 5, "TOML syntax error"),
    ("not a table", 'Sudzha = "Suxha"\n', 1, "is not a term table"),
    # tomllib recurses once per level: thousands of levels used to end in an
    # internal error (RecursionError) instead of a message.
    (
        "nested thousands deep",
        GOOD + "\nx = " + "[" * 5000 + "]" * 5000 + "\n",
        9,
        "TOML nested too deeply to read",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "message"), [e[1:] for e in FORMAT_ERRORS], ids=[e[0] for e in FORMAT_ERRORS]
)
def test_malformed_toml(tmp_path, text, line, message):
    path = write(tmp_path, "names.toml", text)
    error = load_error(tmp_path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_binary_and_non_utf8_files(tmp_path):
    write(tmp_path / "bin", "names.toml", GOOD.encode() + b"\n\x00\x01\x02")
    error = load_error(tmp_path / "bin")
    assert error.line == 9 and "binary" in error.message
    write(tmp_path / "latin1", "names.toml", '# ok\n# ok\n[Kiev]\nsq = "Kiév"\n'.encode("latin-1"))
    error = load_error(tmp_path / "latin1")
    assert error.line == 4 and "UTF-8" in error.message and error.hint


def test_tsv_errors(tmp_path):
    write(tmp_path / "a", "g.tsv", "en\tsq\tuk\tru\txx\nKiev\tKiev\tКиїв\tКиев\tKiew\n")
    error = load_error(tmp_path / "a")
    assert error.line == 1 and "unknown language 'xx'" in error.message
    write(tmp_path / "b", "g.tsv", "en\tsq\tuk\tru\n\nKiev\tKiev\tКиїв\tКиев\textra\n")
    error = load_error(tmp_path / "b")
    assert error.line == 3 and "5 fields" in error.message
