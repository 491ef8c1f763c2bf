"""Attention by hand, the reason for dividing by √d_head, and Q/K/V/W_O checked on a real model.

The engine of lesson 05, and the lessons' one attention by hand: lesson 02's
``llmlab.studies.attention_biases`` builds Q, K, V from tokens and weight matrices, then calls
:func:`attention_steps`. Here Q, K and V are given directly, so every step (scores, scale, mask,
softmax, weighted sum) can be checked with a pencil. Returns numbers and tensors; plots draw them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn

from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.trace import Trace
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, check_block, check_head, check_model, check_seed,
                                    check_trace, float_tensor, integer, kind_of, shown)

MAX_ENTROPY_WIDTH = 4096  # widths above this only cost time and memory


@dataclass(frozen=True)
class AttentionResult:
    """Every step of one head's attention on one sequence."""

    q: torch.Tensor  # tokens × width
    k: torch.Tensor
    v: torch.Tensor
    scores: torch.Tensor  # query × key, q·k / sqrt(width), before the mask
    weights: torch.Tensor  # query × key, after the mask (if any) and softmax: each row sums to 1
    output: torch.Tensor  # tokens × width: each row is a weighted average of the rows of v


def _matrix(value: object, name: str) -> torch.Tensor:
    """A 2-D float tensor (tokens × width) with finite numbers, or a clear error."""
    try:
        tensor = torch.as_tensor(value, dtype=torch.float32)
    except (TypeError, ValueError, RuntimeError):
        raise LlmlabError(msg("attention_math.not_a_matrix", name=name, kind=type(value).__name__)) from None
    if tensor.dim() != 2 or 0 in tensor.shape:
        raise LlmlabError(msg("attention_math.not_a_matrix", name=name, kind=f"shape {tuple(tensor.shape)}"))
    if not torch.isfinite(tensor).all():
        raise LlmlabError(msg("attention_math.not_finite", name=name))
    return tensor


def check_qkv(q: object, k: object, v: object, mask: object = None) -> tuple[torch.Tensor, ...]:
    """q (T_q × d), k (T_k × d), v (T_k × d_v) and an optional bool mask (T_q × T_k), checked."""
    q, k, v = _matrix(q, "q"), _matrix(k, "k"), _matrix(v, "v")
    if q.shape[1] != k.shape[1]:
        raise LlmlabError(msg("attention_math.qk_width", q=q.shape[1], k=k.shape[1]))
    if k.shape[0] != v.shape[0]:
        raise LlmlabError(msg("attention_math.kv_rows", k=k.shape[0], v=v.shape[0]))
    if mask is None:
        return q, k, v, None
    mask = torch.as_tensor(mask)
    if mask.dtype != torch.bool or tuple(mask.shape) != (q.shape[0], k.shape[0]):
        raise LlmlabError(msg("attention_math.bad_mask", rows=q.shape[0], columns=k.shape[0],
                             got=f"{mask.dtype} {tuple(mask.shape)}"))
    if not mask.any(dim=1).all():
        raise LlmlabError(msg("attention_math.empty_mask_row"))
    return q, k, v, mask


def attention_steps(q: object, k: object, v: object, mask: object = None, scale: bool = True) -> AttentionResult:
    """One head's attention, every step kept: scores = q·k (/√d), mask, softmax, weights @ v.

    ``mask`` (True = may look) is applied *before* the softmax, so masked keys get weight 0 and
    each row still adds up to 1. ``scale=False`` skips the division by √d (to see why it is there).
    """
    q, k, v, mask = check_qkv(q, k, v, mask)
    scores = q @ k.T  # (T_q, T_k)
    if scale:
        scores = scores / math.sqrt(q.shape[1])
    masked = scores if mask is None else scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(masked, dim=-1)  # each row adds up to 1
    return AttentionResult(q, k, v, scores, weights, weights @ v)


def linear_by_hand(x: torch.Tensor, layer: nn.Linear) -> torch.Tensor:
    """What ``layer`` computes, written out: x @ W + b. ``nn.Linear`` stores W transposed (``layer.weight`` is Wᵀ)."""
    if not isinstance(layer, nn.Linear):
        raise LlmlabTypeError(msg("attention_math.not_a_linear", kind=kind_of(layer)))
    x = float_tensor(x, "x").to(layer.weight.dtype)
    if x.dim() == 0 or x.shape[-1] != layer.in_features:
        raise LlmlabError(msg("attention_math.linear_width", width=layer.in_features, shape=tuple(x.shape)))
    out = x @ layer.weight.T
    return out + layer.bias if layer.bias is not None else out


def attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
    """softmax(q kᵀ / √d, masked) v for one head: the reference answer of exercise 05.attention."""
    return attention_steps(q, k, v, mask).output


# --- the lesson's pencil example and the widget's example ---


@dataclass(frozen=True)
class QKVExample:
    """Queries, keys and values small enough to check with a pencil (one row per token)."""

    tokens: tuple[str, ...]
    q: torch.Tensor
    k: torch.Tensor
    v: torch.Tensor


def pencil_example() -> QKVExample:
    """Three tokens, q and k 4 numbers wide (so √d = 2), values 2 wide."""
    t = lambda rows: torch.tensor(rows, dtype=torch.float32)  # noqa: E731
    return QKVExample(
        tokens=("the", "cat", "sleeps"),
        q=t([[1, 0, 0, 1], [0, 1, 1, 0], [1, 0, 1, 0]]),
        k=t([[2, 0, 2, 0], [0, 1, 0, 1], [1, 1, 1, 1]]),
        v=t([[1, 0], [0, 1], [1, 1]]),
    )


def plane_example() -> QKVExample:
    """Four keys and values in 2-D for the query widget (``q`` is its starting query, 1 × 2)."""
    t = lambda rows: torch.tensor(rows, dtype=torch.float32)  # noqa: E731
    return QKVExample(
        tokens=("A", "B", "C", "D"),
        q=t([[1.0, 0.5]]),
        k=t([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [1.0, -1.5]]),
        v=t([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]]),
    )


# --- why divide by √d_head ---


@dataclass(frozen=True)
class SoftmaxSharpness:
    """How spread out softmax weights are, per width, with and without the 1/√d scale."""

    widths: list[int]
    n_keys: int
    entropy_scaled: torch.Tensor  # (widths,) mean entropy in nats; log(n_keys) = perfectly even
    entropy_unscaled: torch.Tensor
    max_weight_scaled: torch.Tensor  # (widths,) mean of the largest weight of a row; 1 = all on one key
    max_weight_unscaled: torch.Tensor
    score_std_scaled: torch.Tensor  # (widths,) standard deviation of the scores
    score_std_unscaled: torch.Tensor

    @property
    def max_entropy(self) -> float:
        """Entropy of perfectly even weights over ``n_keys`` keys: log(n_keys)."""
        return math.log(self.n_keys)


def _entropy(weights: torch.Tensor) -> torch.Tensor:
    """Entropy (nats) of each row; 0·log 0 counts as 0."""
    return -(weights * torch.log(weights.clamp_min(1e-30))).sum(dim=-1)


def softmax_sharpness(widths: Sequence[int], n_keys: int = 32, rows: int = 1000, seed: int = 0) -> SoftmaxSharpness:
    """Random q and k with unit-variance entries: softmax of q·k over ``n_keys`` keys, per width d.

    Without the scale a score q·k has variance d, so wider heads give ever sharper softmaxes;
    divided by √d the variance stays 1 at every width.
    """
    if isinstance(widths, (str, bytes)) or not isinstance(widths, Sequence) or not widths:
        raise LlmlabError(msg("attention_math.bad_widths", high=MAX_ENTROPY_WIDTH, value=shown(widths)))
    widths = [integer(d, msg("attention_math.each_width"), low=1, high=MAX_ENTROPY_WIDTH) for d in widths]
    n_keys = integer(n_keys, "n_keys", low=2, high=4096)
    rows = integer(rows, "rows", low=1, high=100_000)
    generator = torch.Generator().manual_seed(check_seed(seed))
    results: dict[str, list[float]] = {}  # a field of SoftmaxSharpness ("entropy_scaled", ...) → one value per width
    for d in widths:
        q = torch.randn(rows, 1, d, generator=generator)
        k = torch.randn(rows, n_keys, d, generator=generator)
        raw = (q * k).sum(dim=-1)  # (rows, n_keys)
        for scaling, scores in (("scaled", raw / math.sqrt(d)), ("unscaled", raw)):
            weights = torch.softmax(scores, dim=-1)
            measures = {"entropy": _entropy(weights).mean(), "max_weight": weights.max(dim=-1).values.mean(),
                        "score_std": scores.std()}
            for measure, value in measures.items():
                results.setdefault(f"{measure}_{scaling}", []).append(value.item())
    return SoftmaxSharpness(widths, n_keys, **{field: torch.tensor(values) for field, values in results.items()})


# --- Q, K, V and W_O in the shipped model ---


def recompute_values(model: GPT, trace: Trace, block: int) -> torch.Tensor:
    """V of ``block`` recomputed from what its attention reads: LayerNorm output @ W_V + b_V, per head.

    Returns (heads, T, d_head), to compare with ``trace["blocks.{block}.attn.v"]``.
    """
    model, trace = check_model(model, "recompute_values"), check_trace(trace, "recompute_values", model)
    block = check_block(model, block)
    attn = model.blocks[block].attn
    h = trace[f"blocks.{block}.ln_attn"]  # (T, d_model)
    return linear_by_hand(h, attn.W_V).detach().view(h.shape[0], attn.n_heads, attn.d_head).transpose(0, 1)


def heads_through_W_O(model: GPT, trace: Trace, block: int) -> torch.Tensor:
    """Every head's output ``attn.z`` of ``block`` put side by side, then mixed by W_O (+ b_O): (T, d_model).

    Compare with ``trace["blocks.{block}.attn.out"]``.
    """
    model, trace = check_model(model, "heads_through_W_O"), check_trace(trace, "heads_through_W_O", model)
    block = check_block(model, block)
    attn = model.blocks[block].attn
    z = trace[f"blocks.{block}.attn.z"]  # (heads, T, d_head)
    concatenated = torch.cat(list(z), dim=-1)  # (T, heads * d_head): head 0's numbers first
    return linear_by_hand(concatenated, attn.W_O).detach()


def head_columns(model: GPT, head: int) -> range:
    """The columns of W_Q, W_K, W_V (and entries of their biases) that belong to ``head``."""
    head = check_head(check_model(model, "head_columns"), head)
    d_head = model.config.d_head
    return range(head * d_head, (head + 1) * d_head)


def head_projection(model: GPT, trace: Trace, block: int, head: int, part: str) -> torch.Tensor:
    """One head's q, k or v (``part``) of ``block`` from its own slice of W_Q/W_K/W_V and bias: (T, d_head).

    Compare with ``trace["blocks.{block}.attn.{part}"][head]``.
    """
    if not isinstance(part, str) or part not in ("q", "k", "v"):
        raise LlmlabError(msg("attention_math.bad_part", part=part))
    model, trace = check_model(model, "head_projection"), check_trace(trace, "head_projection", model)
    block = check_block(model, block)
    attn = model.blocks[block].attn
    linear = getattr(attn, "W_" + part.upper())
    columns = head_columns(model, head)  # checks ``head``
    own_matrix = attn.head_weights()["W_" + part.upper()][columns.start // attn.d_head]  # (d_model, d_head)
    h = trace[f"blocks.{block}.ln_attn"]  # (T, d_model)
    result = h @ own_matrix  # (T, d_head)
    if linear.bias is not None:
        result = result + linear.bias[columns.start:columns.stop]
    return result.detach()
