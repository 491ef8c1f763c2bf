"""Neurons and small networks: the engine of lesson 01 and of lesson 02's weights and bias.

A neuron computes ``inputs · weights + bias``. A layer is many neurons reading the same inputs.
Everything here returns numbers or tensors; drawing them is the job of ``llmlab.ui.plots``.
Lesson 02's biases in attention live in ``llmlab.studies.attention_biases``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn

from llmlab.messages import msg
from llmlab.engine.validate import (LlmlabError, boolean, check_module, check_seed, float_tensor, integer, number_list,
                                    real, shown, whole_numbers)
from llmlab.engine.model import MAX_PARAMETERS
from llmlab.messages.numbers import in_units


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
        raise LlmlabError(msg("neurons.bad_sizes", sizes=shown(sizes)))
    return sizes


def build_mlp(sizes: Sequence[int], bias: bool = True, seed: int = 0) -> nn.Sequential:
    """A real torch network with these layer sizes, e.g. ``[10, 100, 1]``; ReLU between layers."""
    sizes, bias, seed = check_sizes(sizes), boolean(bias, "bias"), check_seed(seed)
    n = sum(layer.parameters for layer in mlp_layer_counts(sizes, bias))
    if n > MAX_PARAMETERS:  # refused before allocating, like a GPT too big to build
        raise LlmlabError(msg("neurons.too_big", n=in_units(n, 3), gb=n * 4 / 1e9, limit=in_units(MAX_PARAMETERS, 3)))
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
    return sum(p.numel() for p in check_module(model, "torch_count").parameters())


def torch_layer_counts(model: nn.Module) -> list[tuple[int, int]]:
    """(weights, biases) that torch stores for each linear layer of ``model``, in order."""
    return [
        (module.weight.numel(), 0 if module.bias is None else module.bias.numel())
        for module in check_module(model, "torch_layer_counts").modules()
        if isinstance(module, nn.Linear)
    ]


# --- "layer" in two senses: transformer blocks and linear layers ---


def linear_layers(model: nn.Module) -> list[str]:
    """Names of every linear layer (``nn.Linear``) inside a model, in order."""
    modules = check_module(model, "linear_layers").named_modules()
    return [name for name, module in modules if isinstance(module, nn.Linear)]


def linear_layers_per_block(model: nn.Module) -> dict[str, list[str]]:
    """The linear layers of a GPT grouped by transformer block ("blocks.0", ...) or "outside"."""
    groups: dict[str, list[str]] = {}
    for name in linear_layers(check_module(model, "linear_layers_per_block")):
        parts = name.split(".")
        group = ".".join(parts[:2]) if parts[0] == "blocks" else "outside"
        groups.setdefault(group, []).append(name)
    return groups


# --- one neuron on 2-D points ---


def example_points(n: int = 40, seed: int = 0) -> torch.Tensor:
    """``n`` random points in the square [-3, 3] × [-3, 3], the same ones for every seed."""
    n, generator = integer(n, "n", low=1, high=100_000), torch.Generator().manual_seed(check_seed(seed))
    return torch.rand(n, 2, generator=generator) * 6 - 3


def neuron_outputs(points: torch.Tensor, w1: float, w2: float, b: float) -> torch.Tensor:
    """``w1·x + w2·y + b`` for every point (x, y): positive on one side of a line, negative on the other."""
    w1, w2, b = real(w1, "w1"), real(w2, "w2"), real(b, "b")
    points = float_tensor(points, "points")
    if points.dim() != 2 or points.shape[1] != 2:
        raise LlmlabError(msg("neurons.bad_points", shape=tuple(points.shape)))
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
