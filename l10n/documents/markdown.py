"""Markdown articles (CommonMark and tables), parsed with markdown-it-py.

markdown-it gives each block its lines and its inline tokens, but not where
an inline token is written.  So each inline token is found again in the
block's content: text as it is written, escapes and entities by their
markup, and links, images, code spans and autolinks by running markdown-it's
own inline rule on the spot, which says where the construct ends.  The
content's lines are then found in the source, so every unit has its offsets
in the file, and the build can put translations in place and leave every
other byte (block markers, URLs, code) as it was.

Translated: headings, paragraphs (in lists and quotes too), table cells,
image alt text and link and image titles.  Not translated: code spans and
blocks, raw HTML, URLs, and front matter except the keys listed in the
configuration.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from l10n.documents.blocks import Block, LineIndex, Unit, pair_units, text_units
from l10n.errors import InputFileError

_ESCAPED = re.compile(r"([\\`*_\[\]<])")


def escape_text(text: str) -> str:
    return _ESCAPED.sub(r"\\\1", text)


def escape_cell(text: str) -> str:
    return escape_text(text).replace("|", "\\|")


def escape_title(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'").replace(")", "\\)")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    # Escapes and entities stay tokens of their own, with their markup.
    md.disable("text_join")
    return md


class _Misaligned(Exception):
    pass


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def front_matter(source: str, keys: Sequence[str]) -> tuple[int, list[Block]]:
    """Where the YAML front matter ends, and the values of ``keys`` in it
    (plain ``key: value`` lines) as blocks."""
    m = FRONT_MATTER.match(source)
    if not m:
        return 0, []
    found = []
    for line in re.finditer(r"^([\w-]+)[ \t]*:[ \t]*(.*?)[ \t]*$", m.group(1), re.MULTILINE):
        if line.group(1) not in keys or not line.group(2):
            continue
        value, start = line.group(2), m.start(1) + line.start(2)
        quoted = re.fullmatch(r'"([^"\\]*)"|\'([^\']*)\'', value)
        if quoted:
            inner = 1 if quoted.group(1) is not None else 2
            escape = _double_quoted if inner == 1 else _single_quoted
            units = text_units(start + quoted.start(inner), quoted.group(inner))
            found.append(Block(units, escape))
        elif not value.startswith(("'", '"', "|", ">", "[", "{", "&", "*", "!")):
            found.append(Block(text_units(start, value), _plain_escape))
    return m.end(), found


def _double_quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _single_quoted(text: str) -> str:
    return text.replace("'", "''")


def _plain_escape(text: str) -> str:
    # A plain YAML scalar cannot hold ': ' or ' #'; the nearest safe spelling.
    return text.replace(": ", " – ").replace(" #", " ")


def blocks(source: str, path: str, front_matter_keys: Sequence[str] = ()) -> list[Block]:
    """The translatable blocks of a Markdown document, in order."""
    skip, found = front_matter(source, front_matter_keys)
    # The front matter is parsed as blank lines, so offsets and lines stay true.
    masked = re.sub(r"[^\n]", " ", source[:skip]) + source[skip:]
    md = _parser()
    env: dict = {}
    tokens = md.parse(masked, env)
    index = LineIndex(source)
    cursor = 0
    escape = escape_text
    for token in tokens:
        if token.type in ("td_open", "th_open"):
            escape = escape_cell
        elif token.type in ("td_close", "th_close"):
            escape = escape_text
        if token.type != "inline" or token.map is None:
            continue
        start = max(cursor, index.starts[token.map[0]])
        try:
            mapping = _locate(masked, token.content, start)
            units, extra = _inline_units(md, env, token, mapping, escape)
        except _Misaligned:
            raise InputFileError(
                path,
                "markup that l10n cannot place in the source",
                line=token.map[0] + 1,
                hint="simplify the markup of this block (or report the case)",
            ) from None
        cursor = mapping(len(token.content))
        if units:
            found.append(pair_units(Block(units, escape)))
        found.extend(extra)
    return found


def _locate(source: str, content: str, start: int):
    """A function from offsets in ``content`` to offsets in ``source``: the
    content is the source's lines with their block markers taken off."""
    bases, content_starts, at = [], [], 0
    cursor = start
    for line in content.split("\n"):
        found = source.find(line, cursor)
        if found < 0:
            raise _Misaligned
        bases.append(found)
        content_starts.append(at)
        at += len(line) + 1
        cursor = found + len(line)

    def mapping(offset: int) -> int:
        k = max(i for i, s in enumerate(content_starts) if s <= offset)
        return bases[k] + offset - content_starts[k]

    return mapping


_SOFTBREAK = re.compile(r"[ \t]*\n[ \t]*")
_HARDBREAK = re.compile(r"(?:\\|[ \t]*)\n[ \t]*")


def _rule_end(md, env, content: str, pos: int, name: str) -> int:
    from markdown_it.rules_inline import StateInline

    rule = next(r.fn for r in md.inline.ruler.__rules__ if r.name == name)
    state = StateInline(content, md, env, [])
    state.pos = pos
    if not rule(state, True):
        raise _Misaligned
    return state.pos


def _inline_units(md, env, token, at, escape) -> tuple[list[Unit], list[Block]]:
    """The units of one inline token, and the blocks of its alt texts and titles."""
    content = token.content
    units: list[Unit] = []
    extra: list[Block] = []
    link_ends: list[int] = []
    c = 0
    children = token.children or []
    i = 0
    while i < len(children):
        tok = children[i]
        kind = tok.type
        if kind == "text":
            if not content.startswith(tok.content, c):
                raise _Misaligned
            units.extend(_mapped(text_units(c, tok.content), at))
            c += len(tok.content)
        elif kind == "text_special":
            if not content.startswith(tok.markup, c):
                raise _Misaligned
            units.append(Unit("text", at(c), at(c + len(tok.markup)), tok.content))
            c += len(tok.markup)
        elif kind in ("softbreak", "hardbreak"):
            m = (_SOFTBREAK if kind == "softbreak" else _HARDBREAK).match(content, c)
            if not m:
                raise _Misaligned
            if kind == "softbreak":
                units.append(Unit("text", at(c), at(m.end()), " "))
            else:
                units.append(Unit("empty", at(c), at(m.end())))
            c = m.end()
        elif kind.endswith(("_open", "_close")) and kind.split("_")[0] in ("em", "strong", "s"):
            if not content.startswith(tok.markup, c):
                raise _Misaligned
            role = "open" if kind.endswith("_open") else "close"
            units.append(Unit(role, at(c), at(c + len(tok.markup))))
            c += len(tok.markup)
        elif kind == "link_open" and tok.markup == "autolink":
            end = _rule_end(md, env, content, c, "autolink")
            units.append(Unit("empty", at(c), at(end)))
            c = end
            while children[i].type != "link_close":
                i += 1
        elif kind == "link_open":
            end = _rule_end(md, env, content, c, "link")
            link_ends.append(end)
            units.append(Unit("open", at(c), at(c + 1)))
            c += 1
        elif kind == "link_close":
            end = link_ends.pop()
            extra.extend(_title_block(tok_title(children, i), content, c, end, at))
            units.append(Unit("close", at(c), at(end)))
            c = end
        elif kind == "image":
            end = _rule_end(md, env, content, c, "image")
            extra.extend(_alt_block(tok.content, content, c, at))
            extra.extend(_title_block(tok.attrGet("title"), content, c, end, at))
            units.append(Unit("empty", at(c), at(end)))
            c = end
        elif kind == "code_inline":
            end = _rule_end(md, env, content, c, "backticks")
            units.append(Unit("empty", at(c), at(end)))
            c = end
        elif kind == "html_inline":
            if not content.startswith(tok.content, c):
                raise _Misaligned
            units.append(Unit("empty", at(c), at(c + len(tok.content))))
            c += len(tok.content)
        else:
            raise _Misaligned
        i += 1
    if c != len(content):
        raise _Misaligned
    return units, extra


def tok_title(children, close_index: int) -> str | None:
    """The title of the link a ``link_close`` token ends."""
    depth = 0
    for tok in reversed(children[:close_index]):
        if tok.type == "link_close":
            depth += 1
        elif tok.type == "link_open":
            if depth == 0:
                return tok.attrGet("title")
            depth -= 1
    return None


def _mapped(units: list[Unit], at) -> list[Unit]:
    return [Unit(u.kind, at(u.start), at(u.end), u.text) for u in units]


def _alt_block(alt: str, content: str, c: int, at) -> list[Block]:
    """An image's alt text, when it is written as it reads (no markup in it)."""
    start = c + 2
    if not alt or content[start : start + len(alt) + 1] != alt + "]":
        return []
    return [Block(_mapped(text_units(start, alt), at), escape_text)]


def _title_block(title, content: str, start: int, end: int, at) -> list[Block]:
    """A link's or image's title, when it is written as it reads."""
    if not title:
        return []
    raw = content[start:end]
    for quote_open, quote_close in (('"', '"'), ("'", "'"), ("(", ")")):
        where = raw.rfind(quote_open + title + quote_close)
        if where >= 0:
            begin = start + where + 1
            return [Block(_mapped(text_units(begin, title), at), escape_title)]
    return []
