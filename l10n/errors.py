"""The one exception type that means "the user gave us bad input".

Every library function raises :class:`L10nError` (or a subclass) for input it
cannot use; the CLI turns it into a message on stderr and exit status 2.  The
message says what is wrong and where; ``hint`` says how to fix it.
"""

from __future__ import annotations


class L10nError(Exception):
    """Bad input: a file that does not parse, a missing model, an unknown language..."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments defeat the default pickling of exceptions;
        # `l10n check` sends these from worker processes.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[L10nError], args: tuple[object, ...], state: dict[str, object]) -> L10nError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InputFileError(L10nError):
    """A file could not be read or parsed; ``path`` and ``line`` say where."""

    def __init__(
        self, path: str, message: str, *, line: int | None = None, hint: str | None = None
    ) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = str(path)
        self.line = line
