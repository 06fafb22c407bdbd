"""l10n: an offline translation and localization pipeline.

The package is organised by stage of the data flow; each module is usable on
its own from Python and the command line (``l10n.cli``) only parses arguments,
calls these functions and formats their results:

- ``segment``: article -> sentences with their line numbers.
- ``engines``: machine translation (Argos Translate packages decoded with CTranslate2);
  ``models``: finding, listing and installing Argos packages.
- ``glossary/``: fixed name forms (model, compiled forms, matching, repair of
  machine output, TOML/TSV formats, validation, loading, cache, TBX);
  ``morph/``: the word forms it matches (normalisation, Albanian endings,
  Russian/Ukrainian through pymorphy3, the forms cache).
- ``catalog``: the POT/PO data model: templates, merging, translation memory, status;
  ``po/``: PO files as gettext reads (``read``), writes (``write``) and
  ``--fix`` patches them (``patch``).
- ``qa/``: the check framework (``base``, ``registry``, ``runner``,
  ``parallel``, ``output``) and ``qa/checks/``, one module per check family;
  the glossary check imports the glossary, never the reverse.
- ``pipeline``: ``translate`` end to end; ``build``: the reviewed article out.
- ``languages``: the one place for language codes, names and Plural-Forms;
  ``config``: ``l10n.toml``; ``project``: ``l10n init``.
- ``textfile``, ``tomlfile``, ``cache``, ``errors``: reading and writing files
  safely, TOML with line numbers, cache folders and keys, input errors.

``.importlinter`` contracts in pyproject.toml keep these layers: nothing
imports ``cli``, the glossary never imports ``qa``, and there are no cycles.
"""

__version__ = "0.1.0"
