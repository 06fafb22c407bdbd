"""Machine translation engines, all decoded with CTranslate2.

- :mod:`l10n.engines.base`: what an engine gives the pipeline (translations
  with hypotheses, scores and a confidence), the decode options, devices,
  and the batching every engine shares;
- :mod:`l10n.engines.argos`: installed Argos Translate packages;
- :mod:`l10n.engines.ct2`: CTranslate2 model folders configured in
  ``l10n.toml`` (OPUS-MT, NLLB, ...), with their SentencePiece tokenizers
  and language tokens;
- :mod:`l10n.engines.concurrent`: every language at once, for engines that
  decode on other machines (a Dask cluster's workers).
"""

from l10n.engines.argos import REINSTALL_HINT, ArgosEngine, load_tokenizer
from l10n.engines.base import (
    DEVICES,
    BatchEngine,
    Blame,
    DecodeOptions,
    Engine,
    Hypothesis,
    Translation,
    confidence,
    cuda_devices,
    plain_blame,
    resolve_device,
)
from l10n.engines.concurrent import (
    Cancelled,
    RemoteEngine,
    Turns,
    decode_at_once,
    decodes_remotely,
)
from l10n.engines.ct2 import CTranslate2Engine, content_hash

__all__ = [
    "DEVICES",
    "REINSTALL_HINT",
    "ArgosEngine",
    "BatchEngine",
    "Blame",
    "CTranslate2Engine",
    "Cancelled",
    "DecodeOptions",
    "Engine",
    "Hypothesis",
    "RemoteEngine",
    "Translation",
    "Turns",
    "confidence",
    "content_hash",
    "cuda_devices",
    "decode_at_once",
    "decodes_remotely",
    "load_tokenizer",
    "plain_blame",
    "resolve_device",
]
