"""Saving and loading a trained model together with its config, tokenizer and metadata.

Files load with ``torch.load(weights_only=True)``: only tensors and plain Python values,
never arbitrary code. Anything wrong with a file becomes a ``CheckpointError`` that names it.
"""

from __future__ import annotations

from pathlib import Path

import torch

from .config import GPTConfig
from .messages import msg
from .model import GPT
from .paths import DATA_DIR
from .tokenizers import Tokenizer, tokenizer_from_dict

FORMAT = "llmlab-checkpoint"
VERSION = 1
SHIPPED_CHECKPOINT = DATA_DIR / "tiny_gpt.pt"


class CheckpointError(ValueError):
    """A checkpoint file is missing, damaged, or does not fit together."""


def save_checkpoint(path: str | Path, model: GPT, tokenizer: Tokenizer, metadata: dict) -> None:
    """Write config + weights + tokenizer + metadata (plain values only) to ``path``."""
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "config": model.config.to_dict(),
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
        "tokenizer": tokenizer.to_dict(),
        "metadata": metadata,
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(payload, path)


def load_checkpoint(
    path: str | Path, device: torch.device | str = "cpu"
) -> tuple[GPT, Tokenizer, dict]:
    """Rebuild (model in eval mode, tokenizer, metadata) from ``path``."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(msg("checkpoint.missing", path=path))
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # truncated zip, bytes flipped, not a torch file at all...
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CheckpointError(msg("checkpoint.unreadable", path=path, error=first_line)) from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(msg("checkpoint.not_llmlab", path=path))
    if payload.get("version") != VERSION:
        raise CheckpointError(msg("checkpoint.version", path=path, found=payload.get("version"), expected=VERSION))
    try:
        config = GPTConfig.from_dict(payload["config"])
        tokenizer = tokenizer_from_dict(payload["tokenizer"])
    except (KeyError, TypeError, ValueError) as error:
        raise CheckpointError(msg("checkpoint.bad_part", path=path, error=error)) from error
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(
            msg("checkpoint.vocab_mismatch", path=path, tokenizer=tokenizer.vocab_size, model=config.vocab_size)
        )
    model = GPT(config)
    try:
        model.load_state_dict(payload["state_dict"])
    except (KeyError, RuntimeError) as error:
        raise CheckpointError(msg("checkpoint.weights_mismatch", path=path, error=error)) from error
    model.to(device).eval()
    return model, tokenizer, payload.get("metadata", {})


def load_shipped_model(device: torch.device | str = "cpu") -> tuple[GPT, Tokenizer, dict]:
    """The tiny model trained on the toy corpus that ships in data/ (made by ``make checkpoint``)."""
    return load_checkpoint(SHIPPED_CHECKPOINT, device)
