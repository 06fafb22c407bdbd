"""Quality assurance over PO files: the check framework and the checks.

:mod:`l10n.qa.base` holds the records every check shares; the checks
themselves live in :mod:`l10n.qa.checks`, one module per family.
"""
