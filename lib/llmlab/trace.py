"""Named activations recorded during a forward pass.

Names are predictable strings, e.g. ``blocks.1.attn.pattern`` or ``blocks.0.resid_post``
(see docs/architecture.md for the full table).
"""

from __future__ import annotations

from collections.abc import Iterator

import torch

from .messages import msg


class Trace:
    """A read-only mapping from activation name to tensor, with helpful errors."""

    def __init__(self) -> None:
        self._store: dict[str, torch.Tensor] = {}

    def record(self, name: str, value: torch.Tensor) -> None:
        """Keep a detached copy-free view of ``value`` under ``name``."""
        self._store[name] = value.detach()

    def __getitem__(self, name: str) -> torch.Tensor:
        if name not in self._store:
            raise KeyError(msg("trace.unknown_name", name=name, valid=", ".join(self._store)))
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
        single = Trace()
        for name, value in self._store.items():
            single._store[name] = value[0]
        return single


def residual_name(layer: int) -> str:
    """Name of the hidden state after ``layer`` blocks (layer 0 = the embeddings)."""
    return "blocks.0.resid_pre" if layer == 0 else f"blocks.{layer - 1}.resid_post"
