"""A pass-through ``ctranslate2.Translator`` that records what goes in and comes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


class _Future:
    """An asynchronous result, kept when collected (it can be collected once)."""

    def __init__(self, inner: Any, call: Call) -> None:
        self._inner, self._call, self._result = inner, call, None

    def result(self) -> Any:
        if self._result is None:
            self._result = self._inner.result()
            self._call.results.append(self._result)
        return self._result


@dataclass
class Call:
    model: str  # the model folder of the translator called
    source: list[list[str]]
    target_prefix: list[list[str] | None] | None
    options: dict[str, Any]
    results: list[Any] = field(default_factory=list)  # in the order collected


class SpyTranslator:
    """Made like ``ctranslate2.Translator``; every ``translate_batch`` is recorded
    in ``SpyTranslator.calls`` (class-wide: the engine makes its own)."""

    calls: ClassVar[list[Call]] = []
    devices: ClassVar[list[str]] = []
    loads: ClassVar[list[dict[str, Any]]] = []  # the other arguments of each load

    real: Any = None  # ctranslate2.Translator
    on_cpu = False  # load on the CPU whatever device is asked for (recorded all the same)

    def __init__(self, model: str, device: str = "cpu", **kwargs: Any) -> None:
        SpyTranslator.devices.append(device)
        SpyTranslator.loads.append(kwargs)
        self.model = str(model)
        if SpyTranslator.on_cpu:
            device = "cpu"
        self.inner = SpyTranslator.real(model, device=device, **kwargs)

    def translate_batch(self, source, target_prefix=None, **options):
        call = Call(self.model, [list(s) for s in source], target_prefix, options)
        SpyTranslator.calls.append(call)
        out = self.inner.translate_batch(source, target_prefix=target_prefix, **options)
        if options.get("asynchronous"):
            return [_Future(f, call) for f in out]
        call.results.extend(out)
        return out

    def score_batch(self, *args, **kwargs):
        return self.inner.score_batch(*args, **kwargs)


def install(monkeypatch, *, on_cpu: bool = False) -> type[SpyTranslator]:
    """Make every Translator l10n loads a spy; returns the class holding the calls.

    ``on_cpu``: decode on the CPU even where a GPU is asked for, to see what
    l10n asks of a GPU on a machine without one.
    """
    import ctranslate2

    SpyTranslator.real = SpyTranslator.real or ctranslate2.Translator
    SpyTranslator.calls, SpyTranslator.devices, SpyTranslator.loads = [], [], []
    SpyTranslator.on_cpu = on_cpu
    monkeypatch.setattr(ctranslate2, "Translator", SpyTranslator)
    return SpyTranslator
