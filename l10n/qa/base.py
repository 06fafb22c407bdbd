"""What every check shares: the entry it looks at, what it reports, its context.

As in Babel's ``checkers.py``, a check is a plain function.  It receives one
:class:`Unit` (the msgid, msgstr and flags of a translated entry) and a
:class:`CheckContext` (the language, the glossary, the whole file for checks
that need consistency across entries) and yields :class:`Problem` records.

A check module declares its checks with :func:`check`, which wraps the
function in a :class:`Check` record (still callable as the function), and
lists them in its ``CHECKS`` tuple; :mod:`l10n.qa.registry` imports the check
modules and collects those tuples.  Nothing is registered as a side effect
of an import.

A problem that can be repaired carries ``fixed``: the whole msgstr with that
problem repaired, so a check never has to fix several problems at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from l10n.glossary import Glossary


class Severity(StrEnum):
    ERROR = "error"  # fails CI (exit 1)
    WARNING = "warning"  # reported, never fails CI


@dataclass(frozen=True)
class Unit:
    """The part of a PO entry a check looks at."""

    msgid: str
    msgstr: str
    flags: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Problem:
    """One thing a check found in one entry."""

    message: str
    term: str = ""
    expected: str = ""
    found: str = ""
    fixed: str | None = None


@dataclass
class CheckContext:
    """What a check may know beyond the entry itself."""

    lang: str
    glossary: Glossary | None = None
    units: Sequence[Unit] = ()
    # The project's word list (glossary/words.txt): words the spelling check
    # accepts, in any case; an entry ending in "*" accepts every word it starts.
    words: frozenset[str] = frozenset()
    # Checks that compare entries within a file (quotation style, say) keep
    # what they computed once per file here, under their own name.
    cache: dict[str, Any] = field(default_factory=dict)
    # The ISO 15924 script of the file's language code as written (sr@latin:
    # Latn), where the runner knows more than ``lang`` says; else
    # :func:`l10n.languages.script` of ``lang``.
    script: str | None = None


CheckFunc = Callable[[Unit, CheckContext], Iterable[Problem]]


@dataclass(frozen=True)
class Check:
    """A check's name (for ``--select``, ``--disable`` and ``ignore-NAME``
    flags), its severity, the one-line text ``l10n check --list`` prints, and
    the function.  Calling the record calls the function, so tests and
    callers use a check as the function it is.

    ``unavailable``, for a check that needs something an installation may
    lack (a dictionary), says why the check cannot run here, or None: the
    run goes on without it and says so once, rather than once per entry."""

    name: str
    severity: Severity
    summary: str
    func: CheckFunc
    unavailable: Callable[[], str | None] | None = None

    def __call__(self, unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
        return self.func(unit, ctx)


def check(
    name: str,
    severity: Severity,
    summary: str,
    *,
    unavailable: Callable[[], str | None] | None = None,
) -> Callable[[CheckFunc], Check]:
    """Decorator: describe a check function as a :class:`Check` record.

    It only builds the record; the module lists it in ``CHECKS`` for
    :mod:`l10n.qa.registry` to find.
    """

    def describe(func: CheckFunc) -> Check:
        return Check(name, severity, summary, func, unavailable)

    return describe
