"""Terms written as TOML, the way ``glossary/names.toml`` is written: one
table per term, named by its English form, keys in a fixed order.

:func:`format_term` is what ``l10n glossary import`` writes; reading its
output gives back the same term (the tests hold it to that).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from l10n.glossary.model import Term

_WIDTH = 84  # about as wide as names.toml
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _strings(items: Sequence[str]) -> str:
    return "[" + ", ".join(toml_string(x) for x in items) + "]"


def _note(note: str) -> str:
    """A long note of single-spaced words wrapped as names.toml wraps them: a
    multi-line string whose line-ending backslashes join the lines again."""
    if len(note) <= _WIDTH - 7 or not re.fullmatch(r"\S+( \S+)*", note):
        return toml_string(note)
    import textwrap

    lead = " " * len('note = """')
    chunks = textwrap.wrap(
        note, _WIDTH - 2, initial_indent=lead, break_long_words=False, break_on_hyphens=False
    )
    chunks[0] = chunks[0].removeprefix(lead)
    body = " \\\n".join(toml_string(chunk)[1:-1] for chunk in chunks)
    return f'"""{body}"""'


def format_term(term: Term) -> str:
    """The TOML table of one term (no blank line around it)."""
    name = term.en if _BARE_KEY.fullmatch(term.en) else toml_string(term.en)
    lines = [f"[{name}]"]
    if term.dnt:
        lines.append("dnt = true")
    if term.en_variants:
        lines.append(f"variants = {_strings(term.en_variants)}")
    if term.note:
        lines.append(f"note = {_note(term.note)}")
    forms = term.forms
    if not term.dnt:
        lines.extend(
            f"{lang} = {toml_string(lf.canonical)}" for lang, lf in forms.items() if lf.canonical
        )
    lines.extend(
        f"accepted.{lang} = {_strings(lf.accepted)}" for lang, lf in forms.items() if lf.accepted
    )
    lines.extend(
        f"forbidden.{lang} = {_strings(lf.forbidden)}" for lang, lf in forms.items() if lf.forbidden
    )
    lines.extend(
        f"inflect.{lang} = {toml_string(lf.inflect)}" for lang, lf in forms.items() if lf.inflect
    )
    return "\n".join(lines) + "\n"


def format_terms(terms: Sequence[Term], header: str = "") -> str:
    """A glossary file of ``terms``, after an optional comment ``header``."""
    parts = [header] if header else []
    parts.extend(format_term(t) for t in terms)
    return "\n".join(parts)
