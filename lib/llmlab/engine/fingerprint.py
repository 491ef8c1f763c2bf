"""A short fingerprint of a model's weights: equal fingerprints mean bit-identical parameters."""

from __future__ import annotations

import hashlib

import torch
from torch import nn

from llmlab.engine.validate import check_module

FINGERPRINT_LENGTH = 16  # hex digits shown; 64 bits are plenty to tell two weight sets apart


def parameter_fingerprint(model: nn.Module) -> str:
    """SHA-256 of every tensor in ``model.state_dict()`` (names, shapes, dtypes and raw bytes).

    Any change to any single number changes the fingerprint; reading the model (generating,
    tracing) does not.
    """
    model = check_module(model, "parameter_fingerprint")
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        data = tensor.detach().cpu().contiguous()
        digest.update(f"{name}|{tuple(data.shape)}|{data.dtype}|".encode())
        digest.update(data.reshape(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()[:FINGERPRINT_LENGTH]
