"""Lesson 07: what an MLP neuron responds to, measured against controls.

A neuron of block b is one of the d_mlp numbers of ``blocks.b.mlp.post`` (after GELU). Its *top
examples* are the positions of the validation lines where it is largest. The first position of a
line is left out: it has no context, so every translation line gives it the same numbers. Two numbers per direction
of that space (a neuron is the direction of one axis):

* ``top_token_share``: of its top-k positions, the share whose current token is the most common
  one there ("it fires on *cat*");
* ``selectivity``: the share of its variance over all positions that comes from its top 1% of
  positions (large when a few positions stand out, about 0.09 for bell-shaped random numbers).

The controls are random directions in the same space, and the neurons of an untrained model.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from llmlab.engine.device import one_torch_thread
from llmlab.toy.kinds import KindTargets, check_kind_targets
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, check_block, check_model, check_seed, check_tokenizer,
                                    float_tensor, integer, kind_of)


@dataclass(frozen=True)
class MlpActivations:
    """``blocks.b.mlp.post`` at every real position but the first of a batch of lines, one row per position."""

    block: int
    values: torch.Tensor  # (positions, d_mlp)
    tokens: torch.Tensor  # (positions,) the token at that position
    line: torch.Tensor  # (positions,) which line
    position: torch.Tensor  # (positions,) where in the line

    @property
    def width(self) -> int:
        return int(self.values.shape[1])


def check_activations(acts: object) -> MlpActivations:
    if not isinstance(acts, MlpActivations):
        raise LlmlabTypeError(msg("neuron_probe.not_activations", kind=kind_of(acts)))
    return acts


@torch.no_grad()
def mlp_activations(model: GPT, data: KindTargets, block: int) -> MlpActivations:
    """Run the lines of ``data`` and keep block ``block``'s MLP neurons (after GELU) at every real position
    after the first."""
    model, data = check_model(model, "mlp_activations"), check_kind_targets(data)
    block = check_block(model, block)
    with one_torch_thread():
        _, trace = model.trace_batch(data.inputs.to(model.device))
    real = data.real.clone()
    real[:, 0] = False
    lines, positions = real.nonzero(as_tuple=True)
    return MlpActivations(block, trace[f"blocks.{block}.mlp.post"].cpu()[real], data.inputs[real], lines, positions)


def direction(acts: MlpActivations, value: object) -> torch.Tensor:
    """A direction of the neurons' space as a unit vector: a neuron number, or a tensor of d_mlp numbers."""
    acts = check_activations(acts)
    if isinstance(value, torch.Tensor) and value.is_floating_point():
        if value.shape != (acts.width,) or not torch.isfinite(value).all() or not value.abs().sum() > 0:
            raise LlmlabError(msg("neuron_probe.bad_direction", d_mlp=acts.width, shape=tuple(value.shape)))
        return value / value.norm()
    axis = torch.zeros(acts.width)
    axis[integer(value, "neuron", low=0, high=acts.width - 1)] = 1.0
    return axis


def random_directions(acts: MlpActivations, n: int, seed: int = 0) -> list[torch.Tensor]:
    """``n`` random unit directions of the neurons' space (seeded), the control for a neuron."""
    acts = check_activations(acts)
    n = integer(n, "n", low=1, high=10_000)
    generator = torch.Generator().manual_seed(check_seed(seed))
    vectors = torch.randn(n, acts.width, generator=generator)
    return list(vectors / vectors.norm(dim=1, keepdim=True))


def along(acts: MlpActivations, value: object) -> torch.Tensor:
    """(positions,) the activations read along a neuron or a direction."""
    return check_activations(acts).values @ direction(acts, value)


def top_examples(acts: MlpActivations, value: object, k: int = 5) -> list[tuple[int, int, float]]:
    """The ``k`` positions where the neuron or direction is largest: (line, position, value), largest first."""
    k = integer(k, "k", low=1, high=check_activations(acts).values.shape[0])
    top = along(acts, value).topk(k)
    return [(int(acts.line[i]), int(acts.position[i]), float(v)) for i, v in zip(top.indices, top.values)]


def top_token_share(acts: MlpActivations, value: object, k: int = 20) -> float:
    """Of the top ``k`` positions, the share whose token is the most common one among them."""
    k = integer(k, "k", low=1, high=check_activations(acts).values.shape[0])
    tokens = acts.tokens[along(acts, value).topk(k).indices]
    return float(tokens.bincount().max()) / k


def selectivity(acts: MlpActivations, value: object) -> float:
    """The share of the variance (over all positions) that comes from the top 1% of positions."""
    return top_variance_share(along(acts, value))


def top_variance_share(values: object) -> float:
    """The share of the variance of ``values`` (one number per position) that comes from its top 1%."""
    values = float_tensor(values, "values", dims=1).double()
    deviation = (values - values.mean()) ** 2
    total = float(deviation.sum())
    if total == 0:
        return 0.0
    k = max(1, values.shape[0] // 100)
    return float(deviation.topk(k).values.sum()) / total


def example_context(data: KindTargets, tokenizer: Tokenizer, line: int, position: int, before: int = 5) -> str:
    """The words of ``line`` up to ``position`` (at most ``before`` earlier ones), the last in [brackets]."""
    data = check_kind_targets(data)
    tokenizer = check_tokenizer(tokenizer, "example_context")
    line = integer(line, "line", low=0, high=len(data.lines) - 1)
    position = integer(position, "position", low=0, high=int(data.real[line].sum()) - 1)
    before = integer(before, "before", low=0)
    words = tokenizer.token_strings(data.inputs[line, max(0, position - before): position + 1].tolist())
    start = "… " if position > before else ""
    return start + " ".join(words[:-1] + [f"[{words[-1]}]"])
