"""The QA checks: what a reviewer should not have to catch by eye.

Each check is a small function over one translated entry (see
:mod:`l10n.qa.base`), in the spirit of Translate Toolkit's ``pofilter``,
Weblate's checks and Xbench, tuned for news text translated from English into
Albanian (sq), Ukrainian (uk) and Russian (ru).  The guiding rule is that false
alarms must be rare: when a rule cannot tell a mistake from a legitimate
choice, it stays silent (or reports a warning, which never fails CI).

==================  ========  ================================================
check               severity  what it reports
==================  ========  ================================================
``numbers``         error     a number of the source missing in the translation
``extra-numbers``   warning   a number in the translation that the source lacks
``language``        error     the translation is not in the target language
``untranslated``    error     the translation is the English source unchanged
``punctuation``     error     sentence-final punctuation lost, added or changed
``whitespace``      error     leading/trailing whitespace differs from the source
``spacing``         warning   doubled spaces, a space before , . ; : ! ? )
``quotes``          error     straight or foreign quotation marks, mixed styles
``length``          warning   a translation far shorter or longer than expected
``units``           error     a number that lost its unit (180°, 5%, €45.1)
``foreign-words``   error     an English word left in Cyrillic-script text
``spelling``        warning   a word the sq/uk/ru Hunspell dictionary lacks
``doubled-words``   error     the same word twice in a row
``start-capital``   error     lowercase start where the source has a capital
``blank``           error     a translation of whitespace alone
``brackets``        error     brackets that do not open and close in pairs
``bracket-count``   warning   brackets added or dropped
``links``           error     a URL, e-mail address or @handle not copied
==================  ========  ================================================

Severities: a check is an *error* when what it finds is wrong in the published
article nearly every time (a lost number, English left in, a missing full
stop, a stray edge space or newline that Poedit does not show and the build
copies into the article); it is a *warning* when the finding is a hint that often
has a good reason (an extra number the translator spelled out, a long
paraphrase, a typographic slip the build would not notice).

Every check can be switched off for one entry with the flag
``ignore-<name>`` (``#, ignore-numbers``), handled by :func:`l10n.qa.runner.run_checks`.

The glossary, when there is one, is only used for its do-not-translate terms
(``ctx.glossary.terms``, each with ``.en``, ``.en_variants`` and ``.dnt``):
they may stay in Latin script and untranslated.

Known limits, all on the side of silence:

- ``numbers`` does not convert units or clock times ("5 p.m." -> "17:00",
  "10 miles" -> "16 км" are reported: use ``ignore-numbers``), and accepts
  number words in the translation for 1-10 only ("четверо", "tri").
- ``language`` cannot tell a short Russian line without ы, э, ё from
  Ukrainian ("Курск становится кошмаром Путина" in a uk file passes); from 40
  letters on, langdetect decides such cases.
- ``untranslated`` in Albanian accepts identical capitalized words that are
  not common English words (a built-in list plus every word the file's
  sources also write in lowercase): an English title in Title Case made only
  of rare words may pass.

Modules: :mod:`~l10n.qa.checks.numbers` (``numbers``, ``extra-numbers``),
:mod:`~l10n.qa.checks.language`, :mod:`~l10n.qa.checks.untranslated`,
:mod:`~l10n.qa.checks.punctuation` (``punctuation``, ``whitespace``,
``spacing``), :mod:`~l10n.qa.checks.quotes`, :mod:`~l10n.qa.checks.length` and
:mod:`~l10n.qa.checks.glossary` (the ``glossary`` check, an error: names in
their fixed forms), :mod:`~l10n.qa.checks.units`,
:mod:`~l10n.qa.checks.words` (``foreign-words``, ``doubled-words``,
``start-capital``), :mod:`~l10n.qa.checks.spelling` (with its dictionaries in
:mod:`~l10n.qa.checks._dictionary`), :mod:`~l10n.qa.checks.blank`,
:mod:`~l10n.qa.checks.brackets` (``brackets``, ``bracket-count``) and
:mod:`~l10n.qa.checks.links`; :mod:`~l10n.qa.checks._text` holds what several
of them share.  Each module lists its checks in ``CHECKS``, and
:mod:`l10n.qa.registry` collects them: importing this package registers
nothing.
"""
