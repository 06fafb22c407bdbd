"""A tiny Transformer trained in torch and written as a CTranslate2 model folder.

The module mirrors CTranslate2's pre-norm ``TransformerSpec`` layer for
layer, so the trained weights fill the spec exactly as
``tests/support/randommodel.py`` fills random ones: embeddings multiplied by
sqrt(d_model) plus a sinusoidal position table (written into the spec, so
both sides use the same one, row i for position i from 0), attention with a
fused q/k/v projection (the decoder's cross-attention: q, then fused k/v of
the encoder output), ReLU feed-forward, each sublayer ``x + f(LN(x))`` and a
final layer norm on either side; the decoder starts from ``<s>`` and stops
at ``</s>``.  :func:`export` checks the result: CTranslate2's greedy output
must equal this module's on a few sentences.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-6  # layer norm epsilon, written into the model's config
MAX_POSITIONS = 512
BOS, EOS = 1, 2  # SentencePiece ids (<unk> 0, <s> 1, </s> 2), as randommodel trains them


@dataclass(frozen=True)
class Shape:
    layers: int = 2
    d_model: int = 64
    heads: int = 4
    ffn: int = 256


def positions(d: int, n: int = MAX_POSITIONS) -> torch.Tensor:
    """OpenNMT-py's sinusoidal table (sin in even dimensions, cos in odd)."""
    pos = torch.arange(n, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * -(math.log(10000.0) / d))
    table = torch.zeros(n, d)
    table[:, 0::2] = torch.sin(pos * div)
    table[:, 1::2] = torch.cos(pos * div)
    return table


class Attention(nn.Module):
    def __init__(self, d: int, heads: int, cross: bool) -> None:
        super().__init__()
        self.heads, self.cross = heads, cross
        self.norm = nn.LayerNorm(d, eps=EPS)
        if cross:
            self.q, self.kv = nn.Linear(d, d), nn.Linear(d, 2 * d)
        else:
            self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)

    def forward(self, x: torch.Tensor, memory: torch.Tensor | None, mask: Any) -> torch.Tensor:
        h = self.norm(x)
        if self.cross:
            assert memory is not None
            q, (k, v) = self.q(h), self.kv(memory).chunk(2, dim=-1)
        else:
            q, k, v = self.qkv(h).chunk(3, dim=-1)
        b, t, d = q.shape

        def split(z: torch.Tensor) -> torch.Tensor:
            return z.view(b, -1, self.heads, d // self.heads).transpose(1, 2)

        causal = isinstance(mask, str)
        attn = F.scaled_dot_product_attention(
            split(q), split(k), split(v), attn_mask=None if causal else mask, is_causal=causal
        )
        return x + self.out(attn.transpose(1, 2).reshape(b, t, d))


class FeedForward(nn.Module):
    def __init__(self, d: int, ffn: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(d, eps=EPS)
        self.linear_0, self.linear_1 = nn.Linear(d, ffn), nn.Linear(ffn, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.linear_1(F.relu(self.linear_0(self.norm(x))))


class Translator(nn.Module):
    def __init__(self, shape: Shape, source_vocab: int, target_vocab: int) -> None:
        super().__init__()
        d = shape.d_model
        self.shape = shape
        self.src_emb = nn.Embedding(source_vocab, d)
        self.tgt_emb = nn.Embedding(target_vocab, d)
        nn.init.normal_(self.src_emb.weight, std=d**-0.5)
        nn.init.normal_(self.tgt_emb.weight, std=d**-0.5)
        self.register_buffer("pe", positions(d), persistent=False)
        self.enc = nn.ModuleList(
            nn.ModuleList([Attention(d, shape.heads, False), FeedForward(d, shape.ffn)])
            for _ in range(shape.layers)
        )
        self.dec = nn.ModuleList(
            nn.ModuleList(
                [
                    Attention(d, shape.heads, False),
                    Attention(d, shape.heads, True),
                    FeedForward(d, shape.ffn),
                ]
            )
            for _ in range(shape.layers)
        )
        self.enc_norm = nn.LayerNorm(d, eps=EPS)
        self.dec_norm = nn.LayerNorm(d, eps=EPS)
        self.proj = nn.Linear(d, target_vocab)
        self.drop = nn.Dropout(0.1)

    def embed(self, emb: nn.Embedding, ids: torch.Tensor) -> torch.Tensor:
        x = emb(ids) * math.sqrt(self.shape.d_model) + self.pe[: ids.shape[1]]
        return self.drop(x)

    def encode(self, src: torch.Tensor, src_mask: torch.Tensor) -> torch.Tensor:
        x = self.embed(self.src_emb, src)
        keep = src_mask[:, None, None, :]  # True: a real token to attend to
        for attn, ffn in self.enc:
            x = ffn(self.drop(attn(x, None, keep)))
        return self.enc_norm(x)

    def decode(self, memory: torch.Tensor, src_mask: torch.Tensor, tgt: torch.Tensor):
        x = self.embed(self.tgt_emb, tgt)
        keep = src_mask[:, None, None, :]
        for self_attn, cross, ffn in self.dec:
            x = ffn(cross(self_attn(x, None, "causal"), memory, keep))
        return self.proj(self.dec_norm(x))

    @torch.no_grad()
    def greedy(self, src: list[int], limit: int) -> list[int]:
        s = torch.tensor([src])
        mask = torch.ones_like(s, dtype=torch.bool)
        memory = self.encode(s, mask)
        out = [BOS]
        for _ in range(limit):
            logits = self.decode(memory, mask, torch.tensor([out]))[0, -1]
            token = int(logits.argmax())
            if token == EOS:
                break
            out.append(token)
        return out[1:]


def _batches(pairs: list[tuple[list[int], list[int]]], tokens: int, rng: random.Random):
    """Batches of similar lengths, about ``tokens`` target tokens each, shuffled."""
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][1]), rng.random()))
    batches, batch, size = [], [], 0
    for i in order:
        batch.append(i)
        size += len(pairs[i][1]) + 1
        if size >= tokens:
            batches.append(batch)
            batch, size = [], 0
    if batch:
        batches.append(batch)
    rng.shuffle(batches)
    return batches


def _tensors(pairs, batch):
    src_len = max(len(pairs[i][0]) for i in batch)
    tgt_len = max(len(pairs[i][1]) for i in batch) + 1
    src = torch.zeros(len(batch), src_len, dtype=torch.long)
    mask = torch.zeros(len(batch), src_len, dtype=torch.bool)
    tin = torch.zeros(len(batch), tgt_len, dtype=torch.long)
    tout = torch.full((len(batch), tgt_len), -100, dtype=torch.long)
    for row, i in enumerate(batch):
        s, t = pairs[i]
        src[row, : len(s)] = torch.tensor(s)
        mask[row, : len(s)] = True
        tin[row, : len(t) + 1] = torch.tensor([BOS, *t])
        tout[row, : len(t) + 1] = torch.tensor([*t, EOS])
    return src, mask, tin, tout


@dataclass
class Trained:
    model: Translator
    steps: int
    seconds: float
    loss: float


def train(
    pairs: list[tuple[list[int], list[int]]],
    source_vocab: int,
    target_vocab: int,
    *,
    shape: Shape,
    steps: int,
    max_seconds: float,
    seed: int,
    batch_tokens: int = 1200,
) -> Trained:
    """Train for ``steps`` steps (fewer if ``max_seconds`` runs out first)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = Translator(shape, source_vocab, target_vocab)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.98))
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.05, 1 - (s - warmup) / max(1, steps - warmup)))
    )
    model.train()
    start, done, loss_avg = time.monotonic(), 0, float("nan")
    while done < steps and time.monotonic() - start < max_seconds:
        for batch in _batches(pairs, batch_tokens, rng):
            src, mask, tin, tout = _tensors(pairs, batch)
            logits = model.decode(model.encode(src, mask), mask, tin)
            loss = F.cross_entropy(
                logits.reshape(-1, logits.shape[-1]),
                tout.reshape(-1),
                ignore_index=-100,
                label_smoothing=0.1,
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            done += 1
            value = loss.item()
            loss_avg = value if math.isnan(loss_avg) else 0.95 * loss_avg + 0.05 * value
            if done >= steps or time.monotonic() - start >= max_seconds:
                break
    model.eval()
    return Trained(model, done, time.monotonic() - start, loss_avg)


def to_spec(model: Translator, source_vocab: list[str], target_vocab: list[str]) -> Any:
    """The trained weights in a CTranslate2 TransformerSpec, laid out as
    randommodel._random_spec lays out random ones."""
    from ctranslate2.specs.transformer_spec import TransformerSpec

    def a(t: torch.Tensor) -> np.ndarray:
        return t.detach().float().numpy().copy()

    def linear(spec: Any, layer: nn.Linear) -> None:
        spec.weight, spec.bias = a(layer.weight), a(layer.bias)

    def norm(spec: Any, layer: nn.LayerNorm) -> None:
        spec.gamma, spec.beta = a(layer.weight), a(layer.bias)

    def ffn(spec: Any, layer: FeedForward) -> None:
        norm(spec.layer_norm, layer.norm)
        linear(spec.linear_0, layer.linear_0)
        linear(spec.linear_1, layer.linear_1)

    shape = model.shape
    spec = TransformerSpec.from_config((shape.layers, shape.layers), shape.heads, pre_norm=True)
    spec.config.layer_norm_epsilon = EPS
    pe = a(model.pe)
    encoder = spec.encoder
    encoder.embeddings[0].weight = a(model.src_emb.weight)
    encoder.position_encodings.encodings = pe
    norm(encoder.layer_norm, model.enc_norm)
    for layer, (attn, ff) in zip(encoder.layer, model.enc, strict=True):
        norm(layer.self_attention.layer_norm, attn.norm)
        linear(layer.self_attention.linear[0], attn.qkv)
        linear(layer.self_attention.linear[1], attn.out)
        ffn(layer.ffn, ff)
    decoder = spec.decoder
    decoder.embeddings.weight = a(model.tgt_emb.weight)
    decoder.position_encodings.encodings = pe
    norm(decoder.layer_norm, model.dec_norm)
    for layer, (self_attn, cross, ff) in zip(decoder.layer, model.dec, strict=True):
        norm(layer.self_attention.layer_norm, self_attn.norm)
        linear(layer.self_attention.linear[0], self_attn.qkv)
        linear(layer.self_attention.linear[1], self_attn.out)
        norm(layer.attention.layer_norm, cross.norm)
        linear(layer.attention.linear[0], cross.q)
        linear(layer.attention.linear[1], cross.kv)
        linear(layer.attention.linear[2], cross.out)
        ffn(layer.ffn, ff)
    linear(decoder.projection, model.proj)
    spec.register_source_vocabulary(source_vocab)
    spec.register_target_vocabulary(target_vocab)
    return spec


def export(
    model: Translator,
    dest: Path,
    files: dict[str, bytes],
    source_vocab: list[str],
    target_vocab: list[str],
    converter: Any,
) -> None:
    """Write the CTranslate2 model folder ``dest`` (OPUS-MT layout: ``files``
    holds source.spm and target.spm) through ``converter(spec)``."""
    spec = to_spec(model, source_vocab, target_vocab)
    converter(spec).convert(str(dest), force=True)
    for name, data in files.items():
        (dest / name).write_bytes(data)


def greedy_agreement(
    model: Translator,
    dest: Path,
    sources: list[list[str]],
    source_vocab: list[str],
    target_vocab: list[str],
) -> int:
    """How many of ``sources`` (token lists) CTranslate2 decodes greedily to
    exactly the tokens this module does: the export's check."""
    import ctranslate2

    index = {piece: i for i, piece in enumerate(source_vocab)}
    translator = ctranslate2.Translator(str(dest), device="cpu", intra_threads=2)
    results = translator.translate_batch(sources, beam_size=1, max_decoding_length=100)
    same = 0
    for tokens, result in zip(sources, results, strict=True):
        ours = [target_vocab[i] for i in model.greedy([index.get(t, 0) for t in tokens], 100)]
        same += result.hypotheses[0] == ours
    return same
