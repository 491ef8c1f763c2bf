"""Which parameters a few training steps change: a snapshot before, the model after, per component."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import torch

from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.validate import LlmlabError, boolean, check_model, text


@dataclass(frozen=True)
class ComponentChange:
    """How one component's numbers moved."""

    component: str
    numbers: int
    changed: int  # how many numbers differ at all
    mean_abs_change: float
    mean_abs_value: float  # of the numbers before, for scale

    @property
    def share_changed(self) -> float:
        return self.changed / self.numbers


def snapshot(model: GPT) -> dict[str, torch.Tensor]:
    """A copy of every parameter (tied ones once), to compare with later."""
    model = check_model(model, "snapshot")
    return {name: p.detach().clone() for name, p in model.named_parameters()}


# The message keys of the component names (looked up when shown, in the language chosen then).
OUTSIDE_BLOCKS = {"token_embedding.weight": "words.component.token_embedding",
                  "position_embedding.weight": "words.component.position_embedding",
                  "unembed.weight": "weight_changes.unembedding"}
INSIDE_A_BLOCK = {"mlp": "words.component.mlp", "ln_attn": "weight_changes.ln_attn", "ln_mlp": "weight_changes.ln_mlp"}


def weight_group_label(name: str, tied: bool = False) -> str:
    """A readable component for a parameter name: 'block 0 · W_Q', 'block 1 · MLP', 'token embedding'...

    ``tied``: the output layer reuses the token embedding table (it then has no parameter of its own).
    """
    name, tied = text(name, "name"), boolean(tied, "tied")
    if name == "token_embedding.weight" and tied:
        return msg("weight_changes.token_embedding_tied")
    if name in OUTSIDE_BLOCKS:
        return msg(OUTSIDE_BLOCKS[name])
    if not name.startswith("blocks."):
        return msg("weight_changes.final_norm") if name.startswith("ln_final") else name
    _, block, part, *rest = [*name.split("."), "", ""][:4]
    if (part != "attn" or not rest[0]) and part not in INSIDE_A_BLOCK:  # not a parameter of a GPT block
        return name
    label = rest[0] if part == "attn" else msg(INSIDE_A_BLOCK[part])  # W_Q, W_K, W_V, W_O: weight and bias together
    return msg("weight_changes.block_part", block=block, label=label)


def component_changes(before: Mapping[str, torch.Tensor], model: GPT) -> list[ComponentChange]:
    """Per component, in the model's order: how many numbers changed since ``before`` (a :func:`snapshot`)."""
    after = snapshot(check_model(model, "component_changes"))
    if (not isinstance(before, Mapping) or set(before) != set(after)
            or not all(isinstance(value, torch.Tensor) for value in before.values())):
        raise LlmlabError(msg("weight_changes.bad_snapshot"))
    groups: dict[str, list[str]] = {}
    for name in after:
        groups.setdefault(weight_group_label(name, model.config.tied_embeddings), []).append(name)
    rows = []
    for component, names in groups.items():
        old = torch.cat([before[n].reshape(-1).cpu() for n in names])
        new = torch.cat([after[n].reshape(-1).cpu() for n in names])
        if old.shape != new.shape:
            raise LlmlabError(msg("weight_changes.bad_snapshot"))
        delta = (new - old).abs()
        rows.append(ComponentChange(component, old.numel(), int((delta > 0).sum()),
                                    float(delta.mean()), float(old.abs().mean())))
    return rows
