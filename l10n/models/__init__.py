"""Argos Translate packages: which are installed, installing more, safely.

- :mod:`l10n.models.installed`: where packages are, reading and finding them;
- :mod:`l10n.models.archive`: installing a ``.argosmodel`` file, all or nothing;
- :mod:`l10n.models.download`: the package index and downloads (https only,
  size and time limits, checksums);
- :mod:`l10n.models.limits`: those limits, settable from the environment.

Nothing here imports ``argostranslate.translate`` (stanza and torch).
"""

from l10n.models.archive import install_file
from l10n.models.download import (
    INDEX_TIMEOUT,
    available_packages,
    check_url,
    index_url,
    install_from_index,
)
from l10n.models.installed import (
    PackageInfo,
    describe,
    find_package,
    installed_packages,
    list_packages,
    missing_model_error,
    package_dirs,
    packages_dir,
)

__all__ = [
    "INDEX_TIMEOUT",
    "PackageInfo",
    "available_packages",
    "check_url",
    "describe",
    "find_package",
    "index_url",
    "install_file",
    "install_from_index",
    "installed_packages",
    "list_packages",
    "missing_model_error",
    "package_dirs",
    "packages_dir",
]
