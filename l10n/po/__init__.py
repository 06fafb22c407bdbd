"""PO files as GNU gettext reads and writes them.

- :mod:`l10n.po.read`: the strict reader (refuses what msgfmt refuses and
  accepts what it accepts, with file:line; reads the charset the header
  declares), building polib's ``POFile``/``POEntry`` model;
- :mod:`l10n.po.write`: the writer that wraps as gettext does, byte for byte,
  in the header's charset (:func:`po_bytes`);
- :mod:`l10n.po.patch`: in-place msgstr edits for ``l10n check --fix``.
"""

from l10n.po.patch import patch_msgstrs, patch_po_bytes, patch_po_file
from l10n.po.read import PoFile, PoSyntaxError, decode_po, parse_po, read_po
from l10n.po.write import (
    PAGE_WIDTH,
    encoding_of,
    format_entry,
    format_field,
    format_po,
    po_bytes,
)

__all__ = [
    "PAGE_WIDTH",
    "PoFile",
    "PoSyntaxError",
    "decode_po",
    "encoding_of",
    "format_entry",
    "format_field",
    "format_po",
    "parse_po",
    "patch_msgstrs",
    "patch_po_bytes",
    "patch_po_file",
    "po_bytes",
    "read_po",
]
