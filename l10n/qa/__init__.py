"""Quality assurance over PO files: the check framework and the checks.

- :mod:`l10n.qa.base`: the records every check shares and the ``check``
  descriptor.
- :mod:`l10n.qa.checks`: the checks, one module per family, each listing its
  checks in ``CHECKS``.
- :mod:`l10n.qa.registry`: every check by name, for ``--select``/``--disable``.
- :mod:`l10n.qa.runner`: the checks over PO files, as findings and fixes.
- :mod:`l10n.qa.parallel`: the same over several processes.
- :mod:`l10n.qa.output`: text, JSON and GitHub annotations.
"""
