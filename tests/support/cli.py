"""The ``l10n`` command through click's CliRunner, as the CLI tests run it."""

from __future__ import annotations

import traceback

import pytest
from click.testing import CliRunner, Result

from l10n.cli import cli


def run(*args: str) -> Result:
    """Invoke the CLI; a Python exception escaping a command fails the test."""
    result = CliRunner().invoke(cli, list(args), prog_name="l10n")
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        pytest.fail(
            f"`l10n {' '.join(args)}` raised instead of reporting an error:\n"
            + "".join(traceback.format_exception(exc)),
            pytrace=False,
        )
    return result


def assert_input_error(result: Result, *fragments: str) -> None:
    """Exit 2, 'Error:' and every fragment on stderr, no traceback anywhere."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Error:" in result.stderr
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)
