"""Named activations: what a forward pass recorded, and the edits it applied on the way.

Names are predictable strings, e.g. ``blocks.1.attn.pattern`` or ``blocks.0.resid_post``
(see docs/architecture.md for the full table, and ``activation_names`` for a model's list).
Every module of the model knows its own name from construction and passes each activation
through ``Trace.hook``, which first applies an edit (ablation, patch) if one is asked for that
name, then records the result.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import torch

from llmlab.messages import msg
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, kind_of

if TYPE_CHECKING:
    from llmlab.engine.config import GPTConfig
    from llmlab.engine.edits import Edit

# Per block, in the order a forward pass produces them.
BLOCK_ACTIVATIONS = (
    "resid_pre", "ln_attn", "attn.q", "attn.k", "attn.v", "attn.scores", "attn.pattern",
    "attn.z", "attn.out", "resid_mid", "ln_mlp", "mlp.pre", "mlp.post", "mlp.out", "resid_post",
)
# Activations with a heads axis: (batch, heads, T, ...).
PER_HEAD = ("attn.q", "attn.k", "attn.v", "attn.scores", "attn.pattern", "attn.z")


class UnknownActivation(LlmlabError, KeyError):
    """A trace was asked for a name it did not record; the message lists the valid ones."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


def activation_names(config: "GPTConfig") -> list[str]:
    """Every name a forward pass of a model with this shape records, in order."""
    names = ["embed", "pos_embed"]
    for i in range(config.n_layers):
        names += [f"blocks.{i}.{part}" for part in BLOCK_ACTIVATIONS]
    return names + ["ln_final", "logits"]


def name_patterns(n_layers: int) -> str:
    """The valid names in short form, for error messages: ``blocks.{0..1}.attn.q`` etc."""
    blocks = "blocks.{0.." + str(n_layers - 1) + "}"
    return ", ".join(["embed", "pos_embed", *(f"{blocks}.{part}" for part in BLOCK_ACTIVATIONS), "ln_final", "logits"])


def has_heads_axis(name: str) -> bool:
    """True for the per-head activations (q, k, v, scores, pattern, z)."""
    return name.split(".", 2)[-1] in PER_HEAD


class Trace:
    """A read-only mapping from activation name to tensor, with helpful errors.

    ``Trace(edits={...})`` also changes activations as they are produced (see ``llmlab.engine.edits``);
    ``record=False`` applies the edits without keeping copies (for big batches).
    """

    def __init__(self, edits: Mapping[str, "Edit"] | None = None, record: bool = True) -> None:
        if edits is not None and not isinstance(edits, Mapping):  # one Edit, or a list of names
            raise LlmlabTypeError(msg("edits.not_a_mapping", kind=kind_of(edits)))
        self._store: dict[str, torch.Tensor] = {}
        self.edits: dict[str, Edit] = dict(edits or {})
        self.recording = record

    def hook(self, name: str, value: torch.Tensor) -> torch.Tensor:
        """Apply the edit asked for ``name`` (if any), record the result, and return it."""
        edit = self.edits.get(name)
        if edit is not None:
            value = edit.apply(name, value)
        if self.recording:
            self.record(name, value)
        return value

    def record(self, name: str, value: torch.Tensor) -> None:
        """Keep a detached, copy-free view of ``value`` under ``name``."""
        self._store[name] = value.detach()

    def __getitem__(self, name: str) -> torch.Tensor:
        if name not in self._store:
            raise UnknownActivation(msg("trace.unknown_name", name=name, valid=", ".join(self._store)))
        return self._store[name]

    def __contains__(self, name: object) -> bool:
        return name in self._store

    def __iter__(self) -> Iterator[str]:
        return iter(self._store)

    def __len__(self) -> int:
        return len(self._store)

    def names(self) -> list[str]:
        return list(self._store)

    def without_batch(self) -> "Trace":
        """The same trace for a batch of one, with the batch axis removed."""
        single = Trace(self.edits)
        for name, value in self._store.items():
            single._store[name] = value[0]
        return single


def residual_name(layer: int) -> str:
    """Name of the hidden state after ``layer`` blocks (layer 0 = the embeddings)."""
    return "blocks.0.resid_pre" if layer == 0 else f"blocks.{layer - 1}.resid_post"
