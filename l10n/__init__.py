"""l10n: an offline translation and localization pipeline.

The package is organised by stage of the data flow; each module is usable on
its own from Python and the command line (``l10n.cli``) only parses arguments,
calls these functions and formats their results:

- ``segment``: English article -> sentences with their positions.
- ``engines``: machine translation (Argos Translate packages decoded with CTranslate2).
- ``models``: finding, listing and installing Argos packages.
- ``glossary``: fixed name forms, inflection-aware matching and enforcement;
  ``morph``: the word forms it matches (pymorphy3, Albanian endings).
- ``cache``: where files kept between runs live and when they are stale.
- ``catalog``: the PO data model, reading, merging and atomic writing.
- ``qa``: quality assurance: the check runner, its output formats and the QA checks.
- ``pipeline``: ``translate`` end to end; ``build``: reviewed article out.
"""

__version__ = "0.1.0"
