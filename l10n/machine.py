"""Machine translation for a run: which engine decodes each language, and
the decoding of the sentences translation memory left.

Kept apart from :mod:`l10n.pipeline` (merging, memory, writing) because it
is the part that knows engines, devices and glossary-aware decoding; the
pipeline hands it the entries still to translate and gets them back filled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Protocol

import polib

from l10n import catalog, decoding
from l10n.config import Config, EngineConfig
from l10n.documents.placeholders import has_placeholders, restore_placeholders, strip_placeholders
from l10n.engines import (
    ArgosEngine,
    CTranslate2Engine,
    DecodeOptions,
    Engine,
    Translation,
    decode_at_once,
    decodes_remotely,
    resolve_device,
)
from l10n.errors import L10nError
from l10n.extras import require_mt

if TYPE_CHECKING:
    from argostranslate.package import Package

    from l10n.glossary import Glossary

ProgressFunc = Callable[[str, int, int], None]  # (language, done, total)
EngineFactory = Callable[[str, str], Engine]  # (from_code, to_code) -> engine


class Work(Protocol):
    """One file's share of a run's decoding (pipeline's LanguageResult)."""

    lang: str
    pending: list[polib.POEntry]  # still to machine-translate
    machine: int  # set to how many were


def argos_engine_factory(
    options: DecodeOptions | None = None, engine_class: type[ArgosEngine] = ArgosEngine
) -> EngineFactory:
    """Engines from installed Argos packages; a missing one is an input error.

    ``engine_class`` lets a caller instrument the engine (the benchmarks count
    its decoding calls) while finding packages exactly as ``translate`` does.
    """
    return engine_factory({}, options, argos_class=engine_class)


def engine_factory(
    engines: Mapping[str, EngineConfig],
    options: DecodeOptions | None = None,
    *,
    device: str | None = None,
    default_device: str = "cpu",
    argos_class: type[ArgosEngine] = ArgosEngine,
    ct2_class: type[CTranslate2Engine] = CTranslate2Engine,
) -> EngineFactory:
    """Engines as l10n.toml's ``[engines.LANG]`` tables say, else the
    installed Argos package for the pair.

    ``device`` (the --device option) wins over each table's, which wins over
    ``default_device`` ([translate] device).  Every problem with a
    configured model is an input error at its line in l10n.toml.
    """
    options = options or DecodeOptions()

    def factory(from_code: str, to_code: str) -> Engine:
        require_mt()
        config = engines.get(to_code) or EngineConfig(to_code)
        opts = replace(
            options,
            device=engine_device(config, device, default_device),
            compute_type=config.compute_type,
        )
        if config.kind == "ctranslate2":
            return configured_engine(config, from_code, to_code, opts, ct2_class)
        return argos_class(argos_package(from_code, to_code), opts)

    return factory


def configured_engine(
    config: EngineConfig,
    from_code: str,
    to_code: str,
    options: DecodeOptions,
    engine_class: type[CTranslate2Engine] = CTranslate2Engine,
) -> CTranslate2Engine:
    """The CTranslate2 engine an ``[engines.LANG]`` table describes; the same
    construction in this process and on a cluster's workers, so both decode
    alike.  Problems with the model are errors at the table's line."""
    assert config.model is not None  # load_config requires it for kind = "ctranslate2"
    return engine_class(
        config.model,
        from_code=from_code,
        to_code=to_code,
        label=config.model_text,
        source_tokenizer=config.source_tokenizer,
        target_tokenizer=config.target_tokenizer,
        source_prefix=config.source_prefix,
        source_suffix=config.source_suffix,
        target_prefix=config.target_prefix,
        options=options,
        blame=config.error,
    )


def engine_device(config: EngineConfig, device: str | None, default_device: str) -> str:
    """The device one engine decodes on; cuda where there is no GPU is an
    error at the setting that asked for it (the option, or l10n.toml's line)."""
    if device is not None:
        return resolve_device(device, key="--device")
    if config.device is not None:
        return resolve_device(config.device, config.error)
    if default_device == "cpu":
        return "cpu"
    return resolve_device(default_device, key="translate.device")


def check_devices(config: Config, langs: Sequence[str], device: str | None) -> None:
    """Every device the run's languages would decode on, checked now: a GPU
    asked for where there is none stops the run before anything is read,
    even when translation memory would leave nothing to decode."""
    for lang in langs:
        engine = config.engines.get(lang) or EngineConfig(lang)
        if (device or engine.device or config.device) != "cpu":
            require_mt("decoding on a GPU")
            engine_device(engine, device, config.device)


def configured_engines(config: Config) -> list[dict[str, str]]:
    """What ``l10n models list`` shows of l10n.toml's [engines.LANG] tables:
    kind, model, and the device each would decode on here."""
    rows = []
    for lang, engine in sorted(config.engines.items()):
        setting = engine.device or config.device
        try:
            device = resolve_device(setting)
        except L10nError:
            device = "none: no GPU here"
        model = engine.model
        rows.append(
            {
                "from": config.source_language,
                "to": lang,
                "kind": engine.kind,
                "model": engine.model_text,  # "": the installed Argos package
                "path": str(model) if model else "",
                "found": "yes" if model is None or model.is_dir() else "no such folder",
                "device": setting,
                "decodes_on": device,
                "compute_type": engine.compute_type,
            }
        )
    return rows


def argos_package(from_code: str, to_code: str) -> Package:
    """The installed Argos package for the pair; none is an input error."""
    from l10n.models import find_package, missing_model_error

    package = find_package(from_code, to_code)
    if package is None:
        raise missing_model_error(from_code, to_code)
    return package


PLACED_NOTE = "Markup placed by position; check it."


class Decoder:
    """Machine translation for a run's pending entries, each sentence decoded
    once per language even when a reviewer's save makes the run merge again."""

    def __init__(
        self,
        factory: EngineFactory,
        from_lang: str,
        beam_size: int,
        progress: ProgressFunc | None,
        glossary: Glossary | None = None,
    ) -> None:
        self.factory, self.from_lang, self.beam_size = factory, from_lang, beam_size
        self.progress, self.glossary = progress, glossary
        self.engines: dict[str, Engine] = {}
        self.done: dict[tuple[str, str], Translation] = {}  # (lang, msgid) -> machine output
        # (lang, msgid) -> how a sentence with glossary terms was decoded
        self.outcomes: dict[tuple[str, str], decoding.Outcome] = {}

    def translate(self, work: Sequence[Work]) -> None:
        """Decode every pending entry of ``work`` and fill it in, with its
        MT note; each file's ``machine`` says how many it got."""
        # Every engine that will be needed is found before any decoding starts:
        # a missing model stops the run before it has spent minutes on the others.
        given = list(dict.fromkeys(r.lang for r in work if r.pending))
        needed = sorted(given)
        for lang in needed:
            if lang not in self.engines:
                self.engines[lang] = self.factory(self.from_lang, lang)
        results = {lang: [r for r in work if r.lang == lang and r.pending] for lang in needed}
        entries = {lang: [e for r in rs for e in r.pending] for lang, rs in results.items()}
        engines = [self.engines[lang] for lang in needed]
        if len(needed) > 1 and all(map(decodes_remotely, engines)):
            self._decode_at_once({lang: entries[lang] for lang in given})
        else:
            for lang in needed:
                self._decode(lang, entries[lang])
        for rs in results.values():
            for r in rs:
                r.machine = len(r.pending)

    def _decode_at_once(self, entries: dict[str, list[polib.POEntry]]) -> None:
        """Every language at once, for engines that decode elsewhere (a
        cluster): its workers take tasks of every language, and one progress
        bar counts the segments of all of them."""
        total = sum(len(self._todo(lang, es)) for lang, es in entries.items())
        advance = self._advance(", ".join(entries), total)
        jobs = {lang: partial(self._decode, lang, es, advance) for lang, es in entries.items()}
        decode_at_once(jobs, [self.engines[lang] for lang in entries])

    def _todo(self, lang: str, entries: list[polib.POEntry]) -> list[str]:
        """The sentences still to decode, each once."""
        return list(dict.fromkeys(e.msgid for e in entries if (lang, e.msgid) not in self.done))

    def _advance(self, label: str, total: int) -> Callable[[int], None]:
        """A progress callback counting ``total`` segments under ``label``."""
        done = 0
        if self.progress and total:
            self.progress(label, 0, total)

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if self.progress:
                self.progress(label, done, total)

        return advance

    def _decode(
        self,
        lang: str,
        entries: list[polib.POEntry],
        advance: Callable[[int], None] | None = None,
    ) -> None:
        engine = self.engines[lang]
        todo = self._todo(lang, entries)
        if advance is None:
            advance = self._advance(lang, len(todo))
        if todo:
            # Models garble markup: they get the text alone, and the tags are
            # put back by position (l10n.documents.placeholders).
            plain = [strip_placeholders(msgid) for msgid in todo]
            termed = self._with_terms(lang, engine, plain)
            others = [i for i in range(len(plain)) if i not in termed]
            results = engine.translate(
                [plain[i] for i in others], beam_size=self.beam_size, progress=advance
            )
            for index, result in results:
                self._keep(lang, todo[others[index]], Translation.of(result))
            if termed:
                outcomes = decoding.decode(
                    engine,  # type: ignore[arg-type]  # _with_terms checked it can
                    self.glossary,  # type: ignore[arg-type]
                    lang,
                    [plain[i] for i in termed],
                    beam_size=self.beam_size,
                    progress=advance,
                )
                for index, outcome in outcomes.items():
                    msgid = todo[termed[index]]
                    self._keep(lang, msgid, outcome.translation)
                    self.outcomes[(lang, msgid)] = outcome
        for entry in entries:
            translation = self.done[(lang, entry.msgid)]
            entry.msgstr = translation.text
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")
            note = catalog.mt_note(engine.name, translation.confidence)
            text = f"{note} {PLACED_NOTE}" if has_placeholders(entry.msgid) else note
            catalog.set_notes(entry, **{catalog.MT_NOTE_PREFIX: text})

    def _with_terms(self, lang: str, engine: Engine, plain: list[str]) -> list[int]:
        """The sentences to decode with the glossary: those naming its terms,
        when the engine can give n-best lists and forced prefixes."""
        glossary = self.glossary
        if glossary is None or glossary.language_of(lang) is None:
            return []
        if not decoding.can_decode(engine):
            return []
        return [i for i, text in enumerate(plain) if glossary.terms_in(text)]

    def _keep(self, lang: str, msgid: str, translation: Translation) -> None:
        self.done[(lang, msgid)] = translation.map(lambda text: restore_placeholders(msgid, text))
