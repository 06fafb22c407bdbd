"""The charsets a PO header may declare, and Python's codecs for them.

gettext reads a PO file in the charset its header names in
``Content-Type: text/plain; charset=...`` and knows a fixed list of portable
names (``po-charset.c``); it only warns about others and then converts
nothing.  l10n reads and writes the same list, each in Python's codec.
"""

from __future__ import annotations

import re

# gettext's portable charset names (po-charset.c), each with Python's codec;
# None: gettext knows it, Python has no codec for it.
_CHARSETS: dict[str, str | None] = {
    "ASCII": "ascii", "ANSI_X3.4-1968": "ascii", "US-ASCII": "ascii",
    **{f"ISO{sep}8859-{n}": f"iso8859-{n}" for n in (*range(1, 10), 13, 14, 15) for sep in "-_"},
    "KOI8-R": "koi8-r", "KOI8-U": "koi8-u", "KOI8-T": "koi8-t",
    **{f"CP{n}": f"cp{n}" for n in (850, 866, 874, 932, 949, 950, *range(1250, 1258))},
    "GB2312": "gb2312", "EUC-JP": "euc_jp", "EUC-KR": "euc_kr", "EUC-TW": None,
    "BIG5": "big5", "BIG5-HKSCS": "big5hkscs", "GBK": "gbk", "GB18030": "gb18030",
    "SHIFT_JIS": "shift_jis", "JOHAB": "johab", "TIS-620": "tis-620",
    "VISCII": None, "GEORGIAN-PS": None, "UTF-8": "utf-8",
}  # fmt: skip
_CHARSET_IN_HEADER = re.compile(r"charset=([^ \t\n]*)")
CHARSET_HINT = "write charset=UTF-8 in the header's Content-Type line, if the file is UTF-8"


class CharsetError(ValueError):
    """A charset name gettext or Python cannot read text in."""


def codec_of_charset(charset: str | None) -> str:
    """Python's codec for a charset named in a PO header (None: not named).

    "CHARSET", the placeholder of a fresh template, is UTF-8, as for every
    file l10n writes.
    """
    if charset is None or charset == "CHARSET":
        return "utf-8"
    try:
        codec = _CHARSETS[charset.upper()]
    except KeyError:
        raise CharsetError(f'charset "{charset}", which gettext does not know') from None
    if codec is None:
        raise CharsetError(f'charset "{charset}", which Python has no codec for')
    return codec


def header_charset(msgstr: str) -> str | None:
    """The charset a header msgstr declares, found as gettext finds it: the
    first ``charset=`` anywhere in it."""
    m = _CHARSET_IN_HEADER.search(msgstr)
    return m.group(1) if m else None
