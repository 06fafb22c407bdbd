"""l10n.engines.base: scores, confidence, n-best, forced prefixes, devices.

The confidence is computed from CTranslate2's length-penalised score, so it
is checked here against CTranslate2's own per-token log-probabilities
(``score_batch`` on the tokens it returned): if CTranslate2 ever changed how
it normalises scores, the note would show a wrong number and this fails.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from l10n.engines import CTranslate2Engine, DecodeOptions, Translation, base, resolve_device
from l10n.errors import L10nError

from .spy import install

TEXTS = [
    "The city lies on the banks of the river.",
    "Trains leave twice a day.",
    "Winters are cold and snowy, while summers are warm with occasional thunderstorms.",
]


def nllb_engine(ct2_models, model: str = "nllb", **options) -> CTranslate2Engine:
    return CTranslate2Engine(
        ct2_models[model],
        from_code="en",
        to_code="ru",
        source_prefix=["eng_Latn"],
        source_suffix=["</s>"],
        target_prefix=["rus_Cyrl"],
        options=DecodeOptions(**options),
    )


@pytest.fixture(scope="module")
def ending(ct2_models, tmp_path_factory) -> dict[str, Path]:
    """An NLLB-layout model whose hypotheses often end on their own."""
    from support.randommodel import build_nllb_model

    folder = tmp_path_factory.mktemp("ending") / "nllb"
    return {"nllb": build_nllb_model(folder, seed=6, eos_bias=1.0)}


@pytest.mark.parametrize("penalty", [0.0, 0.2, 1.0])
def test_confidence_is_the_models_mean_probability_per_chosen_token(ending, monkeypatch, penalty):
    spy = install(monkeypatch)
    # A short limit, so that some hypotheses stop there (no end token) and
    # some end on their own: both ways of counting the steps are exercised.
    engine = nllb_engine(ending, max_length=8, batch_size=1, length_penalty=penalty)
    prefixes = [None, "Город", None]
    got = dict(engine.translate(TEXTS, num_hypotheses=2, prefixes=prefixes))
    translator = engine.translator.inner
    checked = ended = cut = 0
    for call in spy.calls:
        limit = call.options["max_decoding_length"]
        for source, forced, result in zip(
            call.source, call.target_prefix, call.results, strict=True
        ):
            for tokens, score in zip(result.hypotheses, result.scores, strict=True):
                (scored,) = translator.score_batch([source], [tokens])
                log_probs = scored.log_probs  # every target token, then the end token
                if len(tokens) == limit:
                    log_probs = log_probs[:-1]  # cut at the limit: no end token chosen
                    cut += 1
                else:
                    ended += 1
                chosen = log_probs[len(forced) :]  # forced tokens are not the model's choice
                expected = math.exp(sum(chosen) / len(chosen))
                shown = base.confidence(score, len(tokens), len(forced), limit, penalty)
                assert shown == pytest.approx(expected, rel=1e-3)
                checked += 1
    assert checked == 2 * len(TEXTS) and ended and cut
    for translation in got.values():
        assert all(0 < h.confidence <= 1 for h in translation.hypotheses)


def test_n_best_hypotheses_come_best_first(ct2_models):
    engine = nllb_engine(ct2_models, max_length=12)
    got = dict(engine.translate(TEXTS, beam_size=2, num_hypotheses=3))
    assert sorted(got) == [0, 1, 2]
    for translation in got.values():
        scores = [h.score for h in translation.hypotheses]
        assert len(scores) == 3  # the beam was widened to hold them
        assert scores == sorted(scores, reverse=True)
        assert translation.text == translation.hypotheses[0].text


def test_a_forced_prefix_starts_the_output_and_only_that_sentences(ct2_models, monkeypatch):
    spy = install(monkeypatch)
    engine = nllb_engine(ct2_models, max_length=10, batch_size=8)
    got = dict(engine.translate(TEXTS, prefixes=["Город на реке", None, ""]))
    assert got[0].text.startswith("Город на реке")
    sent = {
        tuple(s): p
        for call in spy.calls
        for s, p in zip(call.source, call.target_prefix, strict=True)
    }
    forced = sent[tuple(engine.tokenize(TEXTS[0]))]
    assert forced[0] == "rus_Cyrl" and "".join(forced[1:]).replace("▁", " ").strip() == (
        "Город на реке"
    )
    assert sent[tuple(engine.tokenize(TEXTS[1]))] == ["rus_Cyrl"]
    # The decode limit grows by the forced text, so a long prefix still leaves room.
    (call,) = spy.calls
    assert call.options["max_decoding_length"] == 10 + len(forced) - 1


@pytest.mark.parametrize("penalty", [0.0, 1.0])
def test_whole_outputs_are_scored_token_by_token(ct2_models, penalty):
    """Forced tokens count in ``score``, the model's own language token not."""
    engine = nllb_engine(ct2_models, max_length=10, length_penalty=penalty)
    targets = ["Город на реке", "Поезда"]
    got = engine.score(TEXTS[:2], targets)
    for source, target, hyp in zip(TEXTS[:2], targets, got, strict=True):
        (scored,) = engine.translator.score_batch(
            [engine.tokenize(source)], [["rus_Cyrl", *engine.prefix_tokens(target)]]
        )
        log_probs = scored.log_probs[1:]  # the target's tokens and the end token
        assert len(log_probs) == len(engine.prefix_tokens(target)) + 1
        assert hyp.text == target
        assert hyp.score == pytest.approx(sum(log_probs) / len(log_probs) ** penalty, rel=1e-4)
        assert hyp.confidence == pytest.approx(math.exp(sum(log_probs) / len(log_probs)), rel=1e-4)
    assert engine.score([], []) == []


def test_a_bare_string_is_a_translation_without_scores():
    translation = Translation.of("Світ")
    assert translation.text == "Світ"
    assert translation.confidence is None


# --- devices ------------------------------------------------------------------------


def gpus(monkeypatch, count: int) -> None:
    monkeypatch.setattr(base, "cuda_devices", lambda: count)


def test_cpu_is_cpu_without_asking_ctranslate2(monkeypatch):
    monkeypatch.setattr(base, "cuda_devices", lambda: pytest.fail("asked for GPUs"))
    assert resolve_device("cpu") == "cpu"


def test_auto_takes_a_gpu_only_where_there_is_one(monkeypatch):
    gpus(monkeypatch, 0)
    assert resolve_device("auto") == "cpu"
    gpus(monkeypatch, 1)
    assert resolve_device("auto") == "cuda"
    assert resolve_device("cuda") == "cuda"


def test_cuda_without_a_gpu_is_an_error_blamed_on_the_setting(monkeypatch):
    gpus(monkeypatch, 0)
    with pytest.raises(L10nError) as err:
        resolve_device("cuda", key="--device")
    assert err.value.message.startswith("--device: ")
    assert "no GPU" in err.value.message
    assert "cpu" in err.value.hint


def test_on_a_gpu_one_translator_takes_larger_batches(ct2_models, monkeypatch):
    spy = install(monkeypatch, on_cpu=True)
    texts = [f"{text} ({i})" for i in range(24) for text in TEXTS]  # 72 sentences
    got = dict(nllb_engine(ct2_models, device="cuda", max_length=4).translate(texts))
    assert len(got) == 72
    assert spy.devices == ["cuda"] and spy.loads[0]["inter_threads"] == 1
    assert sorted(len(call.source) for call in spy.calls) == [8, 64]
    spy = install(monkeypatch)
    dict(nllb_engine(ct2_models, max_length=4, inter_threads=2).translate(texts))
    assert spy.devices == ["cpu"] and spy.loads[0]["inter_threads"] == 2
    assert sorted(len(call.source) for call in spy.calls) == [8, 16, 16, 16, 16]


def test_decoding_on_a_gpu_gives_the_cpus_translations(ct2_models):
    """Runs only where CTranslate2 sees a GPU (skipped on CI machines)."""
    if base.cuda_devices() == 0:
        pytest.skip("no GPU on this machine")
    options = dict(max_length=12, compute_type="float32")
    cpu = dict(nllb_engine(ct2_models, **options).translate(TEXTS, beam_size=1))
    gpu = dict(nllb_engine(ct2_models, device="cuda", **options).translate(TEXTS, beam_size=1))
    assert [gpu[i].text for i in range(len(TEXTS))] == [cpu[i].text for i in range(len(TEXTS))]
    for i in range(len(TEXTS)):
        assert gpu[i].confidence == pytest.approx(cpu[i].confidence, abs=1e-3)
