"""Neurons, small networks and biases in attention: the engine of lessons 01 and 02.

A neuron computes ``inputs · weights + bias``. A layer is many neurons reading the same inputs.
Everything here returns numbers or tensors; drawing them is the job of ``llmlab.ui.plots``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from llmlab.engine.config import GPTConfig
from llmlab.messages import msg
from llmlab.engine.model import MultiHeadAttention, causal_mask
from llmlab.engine.validate import LlmlabError, boolean, integer, number_list, real, whole_numbers
from llmlab.engine.trace import Trace


# --- neurons and small networks (MLPs) ---


def neuron(inputs: Sequence[float], weights: Sequence[float], bias: float) -> float:
    """One neuron by hand: multiply each input by its weight, add them up, add the bias."""
    inputs, weights, bias = number_list(inputs, "inputs"), number_list(weights, "weights"), real(bias, "bias")
    if len(inputs) != len(weights):
        raise LlmlabError(msg("neurons.weights_per_input", inputs=len(inputs), weights=len(weights)))
    return sum(x * w for x, w in zip(inputs, weights)) + bias


def check_sizes(sizes: Sequence[int]) -> list[int]:
    """Layer sizes as a list of positive ints: inputs first, then each layer's neurons."""
    sizes = whole_numbers(sizes, "sizes")
    if len(sizes) < 2 or min(sizes) < 1:
        raise LlmlabError(msg("neurons.bad_sizes", sizes=sizes))
    return sizes


def build_mlp(sizes: Sequence[int], bias: bool = True, seed: int = 0) -> nn.Sequential:
    """A real torch network with these layer sizes, e.g. ``[10, 100, 1]``; ReLU between layers."""
    sizes, bias, seed = check_sizes(sizes), boolean(bias, "bias"), integer(seed, "seed", low=0)
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        layers += [nn.Linear(n_in, n_out, bias=bias), nn.ReLU()]
    return nn.Sequential(*layers[:-1])  # no ReLU after the output layer


@dataclass(frozen=True)
class LayerCount:
    """Learned numbers of one linear layer: one weight per (input, neuron) pair, one bias per neuron."""

    n_inputs: int
    n_neurons: int
    bias: bool = True

    @property
    def weights(self) -> int:
        return self.n_inputs * self.n_neurons

    @property
    def biases(self) -> int:
        return self.n_neurons if self.bias else 0

    @property
    def parameters(self) -> int:
        return self.weights + self.biases


def mlp_layer_counts(sizes: Sequence[int], bias: bool = True) -> list[LayerCount]:
    """The formula, layer by layer, for a network with these layer sizes."""
    sizes, bias = check_sizes(sizes), boolean(bias, "bias")
    return [LayerCount(n_in, n_out, bias) for n_in, n_out in zip(sizes, sizes[1:])]


def neuron_count(sizes: Sequence[int]) -> int:
    """Neurons of a network: every layer's outputs. The inputs are numbers, not neurons."""
    return sum(check_sizes(sizes)[1:])


def torch_count(model: nn.Module) -> int:
    """What torch says: the total size of every learned tensor."""
    return sum(p.numel() for p in model.parameters())


def torch_layer_counts(model: nn.Module) -> list[tuple[int, int]]:
    """(weights, biases) that torch stores for each linear layer of ``model``, in order."""
    return [
        (module.weight.numel(), 0 if module.bias is None else module.bias.numel())
        for module in model.modules()
        if isinstance(module, nn.Linear)
    ]


# --- "layer" in two senses: transformer blocks and linear layers ---


def linear_layers(model: nn.Module) -> list[str]:
    """Names of every linear layer (``nn.Linear``) inside a model, in order."""
    return [name for name, module in model.named_modules() if isinstance(module, nn.Linear)]


def linear_layers_per_block(model: nn.Module) -> dict[str, list[str]]:
    """The linear layers of a GPT grouped by transformer block ("blocks.0", ...) or "outside"."""
    groups: dict[str, list[str]] = {}
    for name in linear_layers(model):
        parts = name.split(".")
        group = ".".join(parts[:2]) if parts[0] == "blocks" else "outside"
        groups.setdefault(group, []).append(name)
    return groups


# --- one neuron on 2-D points ---


def example_points(n: int = 40, seed: int = 0) -> torch.Tensor:
    """``n`` random points in the square [-3, 3] × [-3, 3], the same ones for every seed."""
    generator = torch.Generator().manual_seed(seed)
    return torch.rand(n, 2, generator=generator) * 6 - 3


def neuron_outputs(points: torch.Tensor, w1: float, w2: float, b: float) -> torch.Tensor:
    """``w1·x + w2·y + b`` for every point (x, y): positive on one side of a line, negative on the other."""
    w1, w2, b = real(w1, "w1"), real(w2, "w2"), real(b, "b")
    return points @ torch.tensor([w1, w2], dtype=points.dtype) + b


def output_changes(inputs: Sequence[float], delta: float, part: str) -> list[float]:
    """How much a neuron's output moves when its weight (``part="weight"``) or bias grows by ``delta``.

    Output = w·x + b, so a weight change moves it by delta·x, a bias change by delta for every x.
    """
    inputs, delta = number_list(inputs, "inputs"), real(delta, "delta")
    if part == "weight":
        return [delta * x for x in inputs]
    if part == "bias":
        return [delta for _ in inputs]
    raise LlmlabError(msg("neurons.bad_part", part=part))


# --- biases in attention ---


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


@dataclass(frozen=True)
class AttentionResult:
    """Every step of single-head causal attention on one sequence."""

    q: torch.Tensor  # tokens × width
    k: torch.Tensor
    v: torch.Tensor
    scores: torch.Tensor  # query × key, q·k / sqrt(width), before the mask
    weights: torch.Tensor  # query × key, after the causal mask and softmax: each row sums to 1
    output: torch.Tensor  # tokens × width: each row is a weighted average of the rows of v


def as_vector(values: Sequence[float] | torch.Tensor | None, width: int) -> torch.Tensor:
    """A bias as a float tensor of the right width; None means all zeros."""
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
    width = example.x.shape[1]
    q = example.x @ example.W_Q + as_vector(b_Q, width)
    k = example.x @ example.W_K + as_vector(b_K, width)
    v = example.x @ example.W_V + as_vector(b_V, width)
    scores = q @ k.T / math.sqrt(width)
    n = example.x.shape[0]
    allowed = causal_mask(n, n)  # a token sees itself and earlier ones
    weights = torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1)
    return AttentionResult(q, k, v, scores, weights, weights @ v)


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
    trace = Trace()
    output = module(x.unsqueeze(0), trace=trace)
    return trace[f"{module.name}.pattern"][0, 0], output[0]
