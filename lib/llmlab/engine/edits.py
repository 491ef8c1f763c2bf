"""Change an activation during a forward pass: zero-ablate, mean-ablate or patch it.

An edit is attached to an activation name (the names of ``trace.activation_names``) and may
be limited to one head and to some positions::

    from llmlab.engine.edits import zero, mean, patch, reference_means
    model.run_with_trace(ids, edits={"blocks.1.attn.z": zero(head=2)})        # one head off
    model.run_with_trace(ids, edits={"blocks.0.mlp.out": zero()})             # one MLP off
    means = reference_means(model, validation_lines, ["blocks.0.attn.out"])   # stated reference set
    model.run_with_trace(ids, edits={"blocks.0.attn.out": mean(means["blocks.0.attn.out"])})
    model.run_with_trace(ids, edits={"blocks.0.resid_post": patch(other["blocks.0.resid_post"], positions=[4])})

Ablating a head means editing ``blocks.{b}.attn.z``, the head's weighted sum of values
before W_O mixes the heads: that head then adds nothing (zero) or only its average (mean).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import torch

from llmlab.messages import msg
from llmlab.engine.trace import activation_names, has_heads_axis, name_patterns
from llmlab.engine.validate import (
    LlmlabError, LlmlabTypeError, check_head, integer, listing, mapping, shown, token_ids_tensor,
)

if TYPE_CHECKING:
    from llmlab.engine.config import GPTConfig
    from llmlab.engine.model import GPT

Kind = Literal["zero", "mean", "patch"]


@dataclass(frozen=True, eq=False)
class Edit:
    """Replace an activation (or one head / some positions of it) by zeros, a mean, or a given tensor."""

    kind: Kind
    value: torch.Tensor | None = None  # the mean (one position's shape) or the patch (T, ...)
    head: int | None = None
    positions: tuple[int, ...] | None = None

    def apply(self, name: str, activation: torch.Tensor) -> torch.Tensor:
        """The edited activation; the rest of the tensor is left exactly as it was."""
        heads = has_heads_axis(name)
        replacement = self._replacement(activation, heads)
        region = self._region(activation, heads)
        return replacement if region is None else torch.where(region, replacement, activation)

    def _replacement(self, activation: torch.Tensor, heads: bool) -> torch.Tensor:
        if self.kind == "zero":
            return torch.zeros_like(activation)
        value = self.value.to(dtype=activation.dtype, device=activation.device)
        if self.kind == "mean":  # (d,) -> (1, 1, d); (heads, d_head) -> (1, heads, 1, d_head)
            value = value[None, :, None, :] if heads else value[None, None, :]
        elif value.dim() == activation.dim() - 1:  # a patch without the batch axis
            value = value.unsqueeze(0)
        return value.expand_as(activation)

    def _region(self, activation: torch.Tensor, heads: bool) -> torch.Tensor | None:
        """A boolean mask that broadcasts over the activation, or None for all of it."""
        if self.head is None and self.positions is None:
            return None
        position_axis = 2 if heads else 1
        shape = [1] * activation.dim()
        if self.head is not None:
            shape[1] = activation.shape[1]
        if self.positions is not None:
            shape[position_axis] = activation.shape[position_axis]
        region = torch.ones(shape, dtype=torch.bool, device=activation.device)
        if self.head is not None:
            chosen = torch.zeros(activation.shape[1], dtype=torch.bool, device=activation.device)
            chosen[self.head] = True
            region &= chosen.view([-1 if axis == 1 else 1 for axis in range(activation.dim())])
        if self.positions is not None:
            chosen = torch.zeros(activation.shape[position_axis], dtype=torch.bool, device=activation.device)
            chosen[list(self.positions)] = True
            region &= chosen.view([-1 if axis == position_axis else 1 for axis in range(activation.dim())])
        return region


def _positions(positions: int | Iterable[int] | None) -> tuple[int, ...] | None:
    """One whole number or a non-empty sequence of them (ints, numpy or torch integers, as everywhere
    else: validate.integer) as a tuple of ints; which positions a run has: check_edits."""
    if positions is None:
        return None
    try:
        chosen = tuple(positions)  # type: ignore[arg-type]
    except TypeError:  # not a sequence: one position
        chosen = (positions,)
    try:
        whole = tuple(integer(p, "positions") for p in chosen)
    except LlmlabTypeError:
        whole = ()
    if not whole:
        raise LlmlabError(msg("edits.bad_positions", positions=shown(positions)))
    return whole


def _head(head: int | None) -> int | None:
    return None if head is None else integer(head, "head", low=0)  # which heads a model has: check_edits


def _tensor(value: object, what: str) -> torch.Tensor:
    if not isinstance(value, torch.Tensor) or not value.is_floating_point():
        raise LlmlabError(msg("edits.not_a_tensor", what=what, value=type(value).__name__))
    if not torch.isfinite(value).all():
        raise LlmlabError(msg("edits.not_finite", what=what))
    return value.detach()


def zero(head: int | None = None, positions: int | Iterable[int] | None = None) -> Edit:
    """Zero-ablation: the activation (or that head, at those positions) becomes 0."""
    return Edit("zero", None, _head(head), _positions(positions))


def mean(reference: torch.Tensor, head: int | None = None, positions: int | Iterable[int] | None = None) -> Edit:
    """Mean-ablation: replace by ``reference``, the activation's average over a reference set.

    ``reference`` has one position's shape: (d,) or (heads, d_head); ``reference_means`` computes it.
    """
    return Edit("mean", _tensor(reference, "mean"), _head(head), _positions(positions))


def patch(value: torch.Tensor, head: int | None = None, positions: int | Iterable[int] | None = None) -> Edit:
    """Patching: replace by ``value`` (the activation's shape, e.g. from another run's trace)."""
    return Edit("patch", _tensor(value, "patch"), _head(head), _positions(positions))


def head_output_name(block: int) -> str:
    """The activation to edit to ablate one head of ``block``: its output before W_O."""
    return f"blocks.{block}.attn.z"


def expected_shape(config: "GPTConfig", name: str, T: int) -> tuple[int, ...]:
    """Shape of activation ``name`` for one sequence of T tokens (no batch axis)."""
    part = name.split(".", 2)[-1]
    if part in ("attn.q", "attn.k", "attn.v", "attn.z"):
        return (config.n_heads, T, config.d_head)
    if part in ("attn.scores", "attn.pattern"):
        return (config.n_heads, T, T)
    if part in ("mlp.pre", "mlp.post"):
        return (T, config.d_mlp)
    if name == "logits":
        return (T, config.vocab_size)
    return (T, config.d_model)


def check_edits(edits: Mapping[str, Edit], config: "GPTConfig", batch: int, T: int) -> None:
    """Clear errors for edits that name no activation, a missing head or position, or a wrong shape."""
    valid = set(activation_names(config))
    for name, edit in mapping(edits, "edits").items():
        if name not in valid:
            raise LlmlabError(msg("edits.unknown_name", name=name, valid=name_patterns(config.n_layers)))
        if not isinstance(edit, Edit):
            raise LlmlabError(msg("edits.not_an_edit", name=name, value=type(edit).__name__))
        heads = has_heads_axis(name)
        if edit.head is not None:
            if not heads:
                raise LlmlabError(msg("edits.head_on_whole", name=name))
            check_head(config, edit.head)
        if edit.positions is not None and not all(0 <= p < T for p in edit.positions):
            bad = [p for p in edit.positions if not 0 <= p < T]
            raise LlmlabError(msg("edits.bad_position", positions=listing(bad), high=T - 1))
        shape = expected_shape(config, name, T)
        if edit.kind == "mean":
            if name.endswith(("scores", "pattern", "logits")):
                raise LlmlabError(msg("edits.mean_not_here", name=name))
            wanted = (shape[0], shape[2]) if heads else (shape[-1],)
            if tuple(edit.value.shape) != wanted:
                raise LlmlabError(msg("edits.bad_shape", name=name, wanted=wanted, got=tuple(edit.value.shape)))
        if edit.kind == "patch" and tuple(edit.value.shape) not in (shape, (batch, *shape)):
            raise LlmlabError(msg("edits.bad_shape", name=name, wanted=shape, got=tuple(edit.value.shape)))


@torch.no_grad()
def reference_means(model: "GPT", sequences: Sequence[Sequence[int]], names: Iterable[str]) -> dict[str, torch.Tensor]:
    """Each activation's average over every position of ``sequences`` (the stated reference set).

    The result has one position's shape, ready for ``mean(...)``: (d,) or (heads, d_head).
    The sequences run as one batch, padded at the end; the causal mask keeps padding from
    reaching real positions, and padded positions are left out of the average.
    """
    names = [names] if isinstance(names, str) else list(names)
    valid = set(activation_names(model.config))
    for name in names:
        if name not in valid:
            raise LlmlabError(msg("edits.unknown_name", name=name, valid=name_patterns(model.config.n_layers)))
    if isinstance(sequences, (str, bytes, torch.Tensor)) or not isinstance(sequences, Sequence) or not sequences:
        raise LlmlabError(msg("edits.empty_reference"))
    sequences = [token_ids_tensor(ids, model.config.vocab_size, model.config.context_length)[0].tolist()
                 for ids in sequences]
    lengths = torch.tensor([len(ids) for ids in sequences])
    batch = torch.zeros(len(sequences), int(lengths.max()), dtype=torch.long, device=model.device)
    for row, ids in enumerate(sequences):
        batch[row, : len(ids)] = torch.as_tensor(list(ids), dtype=torch.long)
    _, trace = model.trace_batch(batch)
    real = (torch.arange(batch.shape[1])[None, :] < lengths[:, None]).double().to(model.device)  # (sequences, T)
    means = {}
    for name in names:
        value = trace[name].double()
        if has_heads_axis(name):  # (sequences, heads, T, d_head)
            means[name] = (value * real[:, None, :, None]).sum(dim=(0, 2)) / real.sum()
        else:  # (sequences, T, d)
            means[name] = (value * real[:, :, None]).sum(dim=(0, 1)) / real.sum()
        means[name] = means[name].float()
    return means
