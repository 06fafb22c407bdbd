"""``l10n segment`` and ``l10n translate``: articles in, POT and PO files out."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from l10n.cli.common import (
    Progress,
    document_options,
    handle_errors,
    load_glossary_option,
    locales_option,
    memory_settings,
    parse_langs,
    project,
    shown,
)
from l10n.errors import L10nError


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@handle_errors
def segment(file: Path) -> None:
    """Print the sentences of FILE, one per line (as msgids: Markdown and HTML
    inline markup as numbered placeholders)."""
    from l10n.documents import read_document

    for seg in read_document(file, document_options(project())).segments:
        click.echo(seg.text)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--to", "to", default=None, help="Target languages, comma-separated [default: l10n.toml's]."
)
@locales_option
@click.option(
    "--glossary",
    "glossary_path",
    default=None,
    help="Glossary folder or file [default: glossary/ if it exists; '' for none].",
)
@click.option("--beam", default=None, type=click.IntRange(1, 16), help="Beam size [default: 4].")
@click.option(
    "--from",
    "from_lang",
    default=None,
    help="Source language; given, it skips the check that the article is English.",
)
@click.option(
    "--batch-size",
    default=None,
    type=click.IntRange(1, 1024),
    help="Sentences per decoding batch [default: 16 on the CPU, 64 on a GPU].",
)
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default=None,
    help="Decode on the CPU or a GPU (auto: a GPU where there is one) "
    "[default: l10n.toml's, or cpu].",
)
@click.option(
    "--cluster",
    "cluster_address",
    default=None,
    metavar="ADDRESS",
    help="Decode on a Dask cluster: a scheduler (tcp://HOST:8786) or local:N worker "
    "processes [default: l10n.toml's [cluster] address, else in this process].",
)
@click.option(
    "--glossary-decoding/--no-glossary-decoding",
    "glossary_decoding",
    default=None,
    help="Decode sentences that name glossary terms glossary-aware (n-best, then the "
    "term forced), before replacement [default: l10n.toml's [translate] "
    "glossary-decoding, or on].",
)
@handle_errors
def translate(
    files: tuple[Path, ...],
    to: str | None,
    locales: Path | None,
    glossary_path: str | None,
    beam: int | None,
    from_lang: str | None,
    batch_size: int | None,
    device: str | None,
    cluster_address: str | None,
    glossary_decoding: bool | None,
) -> None:
    """Segment FILES (default: l10n.toml's sources) and write or update their
    POT and one PO per language.

    Reviewed entries are kept as they are; new sentences come from translation
    memory (reviewed PO files under --locales) or else from the machine, marked
    fuzzy for review.  Files are written only when the whole run succeeded, all
    at once; a reviewer's save during the run is kept.
    """
    from l10n.engines import DecodeOptions
    from l10n.machine import check_devices
    from l10n.pipeline import translate_documents

    config = project()
    sources = list(files) or [shown(p) for p in config.source_files()]
    if not sources:
        raise L10nError(
            f"no article to translate: {', '.join(config.sources)} match no file "
            f"under {shown(config.root)}",
            hint="name the articles (l10n translate FILE...) or set [project] sources in l10n.toml",
        )
    langs = parse_langs(to) if to is not None else list(config.languages)
    source_lang = (
        parse_langs(from_lang, option="--from")[0] if from_lang else config.source_language
    )
    glossary = load_glossary_option(glossary_path, explicit=glossary_path is not None)
    address = cluster_address or config.cluster_address
    if not address:  # on a cluster, each worker resolves its own device
        check_devices(config, langs, device)
    options = (
        DecodeOptions(batch_size=batch_size, gpu_batch_size=batch_size)
        if batch_size
        else DecodeOptions()
    )
    progress = Progress()
    try:
        with ExitStack() as stack:
            factory = _engines(stack, config, address, options, device)
            docs = translate_documents(
                sources,
                langs,
                locales=locales or shown(config.locales),
                glossary=glossary,
                beam_size=beam or config.beam,
                from_lang=source_lang,
                detect_language=from_lang is None,
                engine_factory=factory,
                progress=progress,
                root=config.root,
                documents=document_options(config),
                memory=memory_settings(config),
                glossary_decoding=(
                    config.glossary_decoding if glossary_decoding is None else glossary_decoding
                ),
            )
    finally:
        progress.close()
    skipped = [doc for doc in docs if doc.skipped]
    for doc in docs:
        if doc.skipped:
            continue
        state = "written" if doc.template_written else "unchanged"
        click.echo(f"{doc.template_path}: {len(doc.template)} segments ({state})")
        for r in doc.languages:
            counts = ((getattr(r, name), label) for name, label in _COUNTS)
            parts = [f"{r.kept} kept", *(f"{n} {label}" for n, label in counts if n)]
            state = "written" if r.written else "unchanged"
            click.echo(f"  {r.path}: {', '.join(parts)} ({state})")
    if skipped:
        # Their files were not even read: nothing to count in them.
        click.echo(
            f"{len(skipped)} article(s) unchanged since the last run, skipped: "
            "their POT and PO files were not read or written"
        )


# What a language's line says after "N kept", in this order, when not 0.
_COUNTS = (
    ("fuzzy_matched", "changed in the source (fuzzy)"),
    ("from_memory", "from translation memory"),
    ("fuzzy_from_memory", "similar in translation memory (fuzzy)"),
    ("machine", "machine-translated (fuzzy)"),
    ("obsoleted", "obsolete"),
    ("fixed_terms", "names set to their glossary form"),
    ("missing_terms", "glossary terms not found"),
)


def _engines(
    stack: ExitStack, config: Any, address: str | None, options: Any, device: str | None
) -> Any:
    """The engine factory: in this process (the engines l10n.toml configures,
    else Argos packages), or the same engines on a Dask cluster's workers
    (the cluster is stopped or left when ``stack`` closes)."""
    if not address:
        from l10n.machine import engine_factory

        return engine_factory(config.engines, options, device=device, default_device=config.device)
    from l10n.cluster import cluster_engine_factory, configured_specs, connect

    connection = stack.enter_context(connect(address))
    specs = configured_specs(config.engines, options, device=device, default_device=config.device)
    return cluster_engine_factory(connection, specs)
