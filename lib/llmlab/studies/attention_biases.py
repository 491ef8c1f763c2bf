"""Biases in attention, lesson 02: a three-token example, its attention with and without b_Q, b_K, b_V.

Q, K and V are computed from the tokens and small weight matrices; the attention itself is the
lessons' reference, ``attention_math.attention_steps``. ``attention_module`` puts the same numbers
into the model's real attention sublayer, to show it computes the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from llmlab.engine.config import GPTConfig
from llmlab.messages import msg
from llmlab.engine.model import MultiHeadAttention, causal_mask
from llmlab.engine.trace import Trace
from llmlab.engine.validate import LlmlabError, check_instance, float_tensor, integer, number_list
from llmlab.studies.attention_math import AttentionResult, attention_steps


@dataclass(frozen=True)
class AttentionExample:
    """Three tokens of width 2 and one attention head's weight matrices, small enough to read.

    Matrices act on the right (Q = x @ W_Q + b_Q), as in the lesson's formulas.
    """

    x: torch.Tensor  # tokens × width
    W_Q: torch.Tensor
    W_K: torch.Tensor
    W_V: torch.Tensor


def attention_example() -> AttentionExample:
    """The lesson's fixed 3-token example, with hand-picked small numbers."""
    t = lambda rows: torch.tensor(rows, dtype=torch.float32)  # noqa: E731
    return AttentionExample(
        x=t([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
        W_Q=t([[1.0, 0.5], [-0.5, 1.0]]),
        W_K=t([[1.0, -1.0], [0.5, 1.0]]),
        W_V=t([[1.0, 0.0], [0.5, 1.0]]),
    )


def as_vector(values: Sequence[float] | torch.Tensor | None, width: int) -> torch.Tensor:
    """A bias as a float tensor of the right width; None means all zeros."""
    width = integer(width, "width", low=1)
    if values is None:
        return torch.zeros(width)
    if isinstance(values, (torch.Tensor, np.ndarray)):
        values = values.reshape(-1)
    vector = torch.tensor(number_list(values, "bias"), dtype=torch.float32)
    if vector.numel() != width:
        raise LlmlabError(msg("neurons.bias_width", width=width, got=vector.numel()))
    return vector


def biased_attention(
    example: AttentionExample,
    b_Q: Sequence[float] | None = None,
    b_K: Sequence[float] | None = None,
    b_V: Sequence[float] | None = None,
) -> AttentionResult:
    """Q = xW_Q + b_Q, K = xW_K + b_K, V = xW_V + b_V, then causal attention, step by step."""
    example = check_instance(example, AttentionExample, "example", "attention_example()")
    width = example.x.shape[1]
    q = example.x @ example.W_Q + as_vector(b_Q, width)
    k = example.x @ example.W_K + as_vector(b_K, width)
    v = example.x @ example.W_V + as_vector(b_V, width)
    n = example.x.shape[0]
    return attention_steps(q, k, v, mask=causal_mask(n, n))  # a token sees itself and earlier ones


@dataclass(frozen=True)
class BiasEffect:
    """How far a biased result is from the same computation with every bias at zero."""

    weights_change: float  # largest change of any attention weight
    output_change: float  # largest change of any output number
    output_change_minus_b_V: float  # largest change left after subtracting b_V from every output row


def bias_effect(
    example: AttentionExample,
    b_Q: Sequence[float] | None = None,
    b_K: Sequence[float] | None = None,
    b_V: Sequence[float] | None = None,
) -> BiasEffect:
    """Measure the effect of the biases against the no-bias baseline."""
    example = check_instance(example, AttentionExample, "example", "attention_example()")
    base = biased_attention(example)
    new = biased_attention(example, b_Q, b_K, b_V)
    shift = new.output - base.output
    b_V_vector = as_vector(b_V, example.x.shape[1])
    return BiasEffect(
        weights_change=(new.weights - base.weights).abs().max().item(),
        output_change=shift.abs().max().item(),
        output_change_minus_b_V=(shift - b_V_vector).abs().max().item(),
    )


def attention_module(
    example: AttentionExample,
    b_Q: Sequence[float] | None = None,
    b_K: Sequence[float] | None = None,
    b_V: Sequence[float] | None = None,
) -> MultiHeadAttention:
    """The model's real attention sublayer (one head) holding the example's matrices and biases.

    ``nn.Linear`` stores a matrix transposed (it computes x @ weight.T + bias). W_O is set to
    the identity with a zero bias, so the module's output is the attention output itself.
    """
    example = check_instance(example, AttentionExample, "example", "attention_example()")
    width = example.x.shape[1]
    module = MultiHeadAttention(GPTConfig(vocab_size=1, context_length=len(example.x), d_model=width, n_heads=1))
    with torch.no_grad():
        for linear, matrix, bias in (
            (module.W_Q, example.W_Q, b_Q),
            (module.W_K, example.W_K, b_K),
            (module.W_V, example.W_V, b_V),
            (module.W_O, torch.eye(width), None),
        ):
            linear.weight.copy_(matrix.T)
            linear.bias.copy_(as_vector(bias, width))
    return module


@torch.no_grad()
def run_attention_module(module: MultiHeadAttention, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Run a one-head attention sublayer on one sequence; return (attention weights, output)."""
    module = check_instance(module, MultiHeadAttention, "module", "attention_module(example)")
    x, width = float_tensor(x, "x"), module.W_Q.in_features
    if x.dim() != 2 or x.shape[1] != width:
        raise LlmlabError(msg("attention_biases.bad_tokens", width=width, shape=tuple(x.shape)))
    x = x.to(module.W_Q.weight.dtype)
    trace = Trace()
    output = module(x.unsqueeze(0), trace=trace)
    return trace[f"{module.name}.pattern"][0, 0], output[0]
