"""PO files as GNU gettext reads and writes them.

- :mod:`l10n.po.read`: the strict reader (refuses what msgfmt refuses, with
  file:line), building polib's ``POFile``/``POEntry`` model;
- :mod:`l10n.po.write`: the writer that wraps as gettext does, byte for byte;
- :mod:`l10n.po.patch`: in-place msgstr edits for ``l10n check --fix``.
"""

from l10n.po.patch import patch_msgstrs
from l10n.po.read import PoSyntaxError, parse_po, read_po
from l10n.po.write import PAGE_WIDTH, format_entry, format_field, format_po

__all__ = [
    "PAGE_WIDTH",
    "PoSyntaxError",
    "format_entry",
    "format_field",
    "format_po",
    "parse_po",
    "patch_msgstrs",
    "read_po",
]
