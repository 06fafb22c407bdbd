"""Translation memory: reviewed translations of the project, kept in SQLite.

- :mod:`l10n.memory.store`: the database, synced incrementally with the PO files;
- :mod:`l10n.memory.fuzzy`: fuzzy matches (rapidfuzz) with candidate selection;
- :mod:`l10n.memory.tmx`: TMX 1.4b export and import;
- :mod:`l10n.memory.tm`: what ``translate`` and ``l10n memory`` use.
"""

from l10n.memory.store import MemoryDatabaseError, memory_path
from l10n.memory.tm import (
    DEFAULT_THRESHOLD,
    PREFER,
    LanguageMemory,
    LanguageStats,
    Match,
    Settings,
    TranslationMemory,
    export_file,
    import_file,
    open_for_run,
    rebuild,
    stats,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "PREFER",
    "LanguageMemory",
    "LanguageStats",
    "Match",
    "MemoryDatabaseError",
    "Settings",
    "TranslationMemory",
    "export_file",
    "import_file",
    "memory_path",
    "open_for_run",
    "rebuild",
    "stats",
]
