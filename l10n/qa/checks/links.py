"""The ``links`` check: URLs, e-mail addresses and @handles of the source,
copied unchanged into the translation.

A changed letter in a link is a dead link in the published article, and no
reviewer clicks every one.  URLs must match exactly; e-mail addresses and
handles in any case, as mail servers and social networks read them.  The
punctuation that ends a sentence is not part of the URL before it
("see https://example.com.").

Placeholders of documents (issue: documents) are not checked yet: this
project's documents are plain text articles, with no markup or placeholders
to keep.  When documents bring them, their placeholders belong here, next to
the links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from l10n.qa.base import CheckContext, Problem, Severity, Unit, check

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»“”‘’]+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_TRAILING = ".,;:!?…)]}"


@dataclass(frozen=True)
class _Link:
    kind: str  # "URL", "e-mail address", "handle"
    text: str

    def found_in(self, text: str) -> bool:
        if self.kind == "URL":
            return self.text in text
        return self.text.casefold() in text.casefold()


def _trim_url(url: str) -> str:
    """The URL without the punctuation after it; a closing bracket stays when
    the URL opened it (https://en.wikipedia.org/wiki/Kursk_(city))."""
    while url and url[-1] in _TRAILING:
        if url[-1] in ")]}" and url.count({")": "(", "]": "[", "}": "{"}[url[-1]]) >= url.count(
            url[-1]
        ):
            break
        url = url[:-1]
    return url


@lru_cache(maxsize=256)
def links_in(text: str) -> tuple[_Link, ...]:
    """The URLs, e-mail addresses and @handles of ``text``, in order."""
    links = [_Link("URL", _trim_url(m.group())) for m in _URL.finditer(text)]
    rest = _URL.sub(" ", text)
    links += [_Link("e-mail address", m.group()) for m in _EMAIL.finditer(rest)]
    rest = _EMAIL.sub(" ", rest)
    links += [_Link("handle", m.group()) for m in _HANDLE.finditer(rest)]
    return tuple(dict.fromkeys(link for link in links if len(link.text) > 1))


@check(
    "links",
    Severity.ERROR,
    "URLs, e-mail addresses and @handles of the source appear unchanged in the translation "
    "(URLs exactly, addresses and handles in any case); a broken link is not seen in review.",
)
def check_links(unit: Unit, ctx: CheckContext) -> Iterable[Problem]:
    source = unit.msgid
    if "@" not in source and "://" not in source and "www." not in source and "WWW." not in source:
        return ()  # the usual case: no "@", "://" or "www." in the source
    links = links_in(source)
    return list(_changed_links(unit, links)) if links else ()


def _changed_links(unit: Unit, links: tuple[_Link, ...]) -> Iterator[Problem]:
    found = [link.text for link in links_in(unit.msgstr)]
    for link in links:
        if link.found_in(unit.msgstr):
            continue
        shown = f" (found: {', '.join(found)})" if found else ""
        yield Problem(
            f"the {link.kind} {link.text!r} of the source is missing or changed in the "
            f"translation{shown}",
            expected=link.text,
            found=", ".join(found),
        )


CHECKS = (check_links,)
