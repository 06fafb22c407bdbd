"""Benchmarks for l10n: ``python -m bench`` (from the repo root, with .venv).

Everything runs offline on this machine, in one process tree, and every
comparison runs side by side in the same run: the sides of a comparison are
interleaved (A, B, C, A, B, C...) over ``--repeat`` rounds so that the noise
of a shared machine falls on all of them alike, and the table reports the
median of each side's runs, as times and as ratios.

Model.  The benchmark builds its own Argos Translate packages with
``build_random_package`` (tests/support/randommodel.py): TRANSFORMER_BASE, the shape of
the real Argos 1.9 packages (6+6 layers, d_model 512, 8 heads, FFN 2048,
32,000-piece SentencePiece vocabulary, int8), en->sq, en->uk and en->ru, with
random weights.  They are cached under ``bench/results/packages/`` keyed by
shape, seed, eos_bias, the builder's source and the CTranslate2 version, so
only the first run pays for building them.  They are installed into a
temporary ARGOS_PACKAGES_DIR, never into the user's.

Equal work.  Random weights never end a sentence, so decode lengths are made
identical on every side: the packages are built with ``eos_bias=-100``
(``</s>`` never wins) and every side decodes with ``min_decoding_length =
max_decoding_length = T`` (32 target tokens per segment; 8 in ``--quick`` and
in the memory section).  l10n gets that length through its public
``DecodeOptions`` (``length_ratio=0``, ``length_margin = max_length = T``).
The decoded tokens are counted on every side (for l10n by a pass-through
wrapper around its ``ctranslate2.Translator``, which also times how long
decoding was in flight) and a mismatch stops the run.

Sections (``--only translate,startup,check,memory,tm,cluster,terms``):

1. translate: ``l10n translate`` in-process (``translate_documents`` on a
   temporary project, glossary included) for one and three languages, with
   l10n's own engine and schedule (``ArgosEngine``: length-sorted batches of
   16, one thread each, one batch per core decoded side by side, submitted
   asynchronously with up to two per core in flight, each tokenized when it
   is submitted); argostranslate's per-segment way re-implemented with
   CTranslate2 (one ``translate_batch`` per segment, Argos's options, beam 4;
   also with intra_threads=1); CTranslate2 alone on the pre-tokenized
   segments under several batching and threading settings (the best is "the
   limit"; one also with the model load timed; one is l10n's previous
   schedule, sorted batches of 32 in turn with intra_threads=2).  One untimed
   run of each loaded translator and of l10n comes first (model pages,
   imports, first-use caches: start-up is section 2's business).
   Workloads: the article (35 segments) and a corpus of synthetic variants
   of it (``--articles``, default 3: 107 segments, not the ~1,800 of 50
   articles, which would not fit the 10-minute budget on a 2-core machine).
   The article also as whole new processes (``bench.processes``): ``l10n
   translate`` through the CLI (decode length fixed, no glossary; with and
   without the language check) against a process that loads the model and
   decodes in one CTranslate2 call, spawn to exit, interleaved.
2. startup: ``python -c pass``, ``l10n --help``, ``l10n status locales`` and
   ``l10n check locales`` as subprocesses; and ``l10n build`` of 200
   unchanged synthetic articles x 3 languages (20 in ``--quick``), with the
   cache off and warm (``bench.building``).
3. check: ``l10n check`` with a synthetic 1,000-term glossary on 10,000 and
   100,000 PO entries (files of 100 entries, sq/uk/ru in turn) and on one
   10,000-entry file, next to polib's bare parse of the same files, all as
   whole processes: the glossary gate (``--select glossary``) and every
   check, each with the processes ``l10n check`` picks (one per core for a
   megabyte or more) and with ``-j1``, and a first run on empty caches; wall
   time for the targets, CPU time (workers included) beside it; plus one
   profiled in-process run to split the time by check.
4. memory: peak RSS (the child's own VmHWM) and the traced Python heap of
   ``l10n translate`` in child processes on 1, 8 and 25 articles
   (``--memory-articles``): how much the run's transient memory grows with
   the corpus, against the size of one batch.
5. incremental: runs whose cost follows the change (see
   :mod:`bench.incremental`; an echo engine, so decoding is not in it): a
   run with nothing changed on 200 articles x 3 languages with the manifest
   and without it; one new article in 2,000 reviewed articles against an
   empty project; a merge of 2,000 changed sentences against the previous
   difflib search (extrapolated from 400).  ``--quick``: 30 articles, 100
   reviewed articles, difflib on 150.

5. terms: glossary-aware decoding on a model that learned something.  A
   tiny en->ru Transformer is trained in torch for a few minutes (under a
   minute with ``--quick``) on a synthetic corpus of the glossary's names in
   several spellings and cases, exported to CTranslate2 (OPUS-MT layout, in
   a temporary folder) and decoded through l10n's ``CTranslate2Engine``:
   plain decoding + replacement, n-best selection, and n-best + forced
   terms; glossary adherence and decode time of each (:mod:`bench.terms`).
   Its training runs past its share of the budget without taking from the
   other sections.

Limits.  The random package's SentencePiece vocabulary is trained on
pseudo-words, so it cuts English into about three pieces per word (68 source
tokens per segment of the article; a real Argos model would need roughly 30):
the encoder's share of the work is larger than with a real model.  Every
segment decodes the same T tokens, where a real model's output lengths vary
(CTranslate2 drops finished hypotheses from a batch, so the total is what
counts).

Time budget.  ``--budget`` seconds (default 520) cover the whole run,
package building included; each section gets a share of what is left when
it starts.  The first round of every comparison always runs in full; before
each later round the slowest sides are left out until the round fits, and a
side whose first run took more than 30 s is not repeated.  Anything cut
short is said in the notes.
"""
