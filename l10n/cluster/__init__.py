"""Decoding on a Dask cluster: ``l10n translate --cluster ADDRESS``.

An archive of millions of sentences outgrows one machine's cores; the rest of
a run (merge, translation memory, glossary, writing every file at once or
none) does not, and it must stay in the one process that owns the files.  So
only decoding moves: :class:`ClusterEngine` is an ordinary engine whose
batches the cluster's workers decode.  The pipeline cannot tell it from an
in-process engine but for one thing: it decodes every language at once
(:mod:`l10n.engines.concurrent`).  It writes nothing until every batch is
back, so a cluster that fails midway leaves every file as it was.

- :mod:`l10n.cluster.specs`: what a worker is given (engine specs: Argos
  packages and ``[engines.LANG]`` CTranslate2 folders, by path and content)
  and the tasks it runs;
- :mod:`l10n.cluster.client`: the scheduler connection and the engine.

The work unit is a task of :data:`~l10n.cluster.client.TASK_BATCHES`
decode batches, cut from the same length-sorted order an in-process engine
uses, so each CTranslate2 batch holds the same sentences as it would
in-process and gives the same output.
"""

from l10n.cluster.client import (
    CLUSTER_MODULES,
    ClusterEngine,
    Connection,
    batch_sentences,
    cluster_engine_factory,
    connect,
    parse_address,
    require_cluster,
)
from l10n.cluster.specs import (
    ArgosSpec,
    CT2Spec,
    SpecFactory,
    WorkerSpec,
    argos_specs,
    configured_specs,
    package_digest,
)

__all__ = [
    "CLUSTER_MODULES",
    "ArgosSpec",
    "CT2Spec",
    "ClusterEngine",
    "Connection",
    "SpecFactory",
    "WorkerSpec",
    "argos_specs",
    "batch_sentences",
    "cluster_engine_factory",
    "configured_specs",
    "connect",
    "package_digest",
    "parse_address",
    "require_cluster",
]
