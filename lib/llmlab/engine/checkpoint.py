"""Saving and loading a trained model together with its config, tokenizer and metadata.

Files load with ``torch.load(weights_only=True)``: only tensors and plain Python values,
never arbitrary code. Anything wrong with a file becomes a ``CheckpointError`` that names it.
"""

from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path

import numpy as np
import torch

from llmlab.engine.config import GPTConfig
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.params import formula_parameters, total
from llmlab.paths import DATA_DIR
from llmlab.engine.tokenizers import Tokenizer, tokenizer_from_dict
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, kind_of, shown

FORMAT = "llmlab-checkpoint"
VERSION = 1
SHIPPED_CHECKPOINT = DATA_DIR / "tiny_gpt.pt"
MAX_DEPTH = 50  # how deeply metadata may nest lists and dicts
PLAIN = (str, int, float, bool, type(None))


class CheckpointError(LlmlabError):
    """A checkpoint file is missing, damaged, or does not fit together (or cannot be written)."""


def plain_metadata(value: object, where: str = "metadata", depth: int = 0) -> object:
    """``value`` as plain data a checkpoint can store and load back.

    numpy numbers become Python numbers, numpy arrays lists, tensors detached CPU copies,
    paths text, dataclasses (such as ``History``) and objects with ``to_dict()`` dicts, sets
    sorted lists. Anything else raises a :class:`CheckpointError` naming where it sits.
    """
    if depth > MAX_DEPTH:
        raise CheckpointError(msg("checkpoint.metadata_too_deep", where=where, depth=MAX_DEPTH))
    if type(value) in PLAIN:
        return value
    if isinstance(value, (np.generic, np.ndarray)):
        return plain_metadata(value.tolist(), where, depth + 1)
    for plain in (bool, int, float, str):  # subclasses (an IntEnum, a numpy str) as the plain type
        if isinstance(value, plain):
            return plain(value)
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().clone()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    elif callable(getattr(value, "to_dict", None)) and not isinstance(value, type):
        value = value.to_dict()
    if isinstance(value, dict):
        plain = {}
        for key, item in value.items():
            plain_key = key.item() if isinstance(key, np.generic) else key
            if type(plain_key) not in PLAIN:
                raise CheckpointError(msg("checkpoint.bad_metadata_key", where=where, name=shown(key)))
            plain[plain_key] = plain_metadata(item, f"{where}[{plain_key!r}]", depth + 1)
        return plain
    if isinstance(value, (list, tuple)):
        items = [plain_metadata(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value)]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, (set, frozenset)):
        return plain_metadata(sorted(value, key=repr), where, depth + 1)
    raise CheckpointError(msg("checkpoint.bad_metadata", where=where, kind=kind_of(value)))


def checked_path(path: object) -> Path:
    """``path`` (text or a Path) as a Path."""
    if not isinstance(path, (str, os.PathLike)) or not os.fspath(path):
        raise LlmlabTypeError(msg("checkpoint.bad_path", path=shown(path), kind=kind_of(path)))
    return Path(path)


def save_checkpoint(path: str | Path, model: GPT, tokenizer: Tokenizer, metadata: dict | None = None) -> None:
    """Write config + weights + tokenizer + metadata to ``path``, only if it will load back.

    Metadata is made plain first (:func:`plain_metadata`); the whole file is loaded back in memory
    before it is written, and written under a temporary name first, so a failed save never leaves
    a half-written file or replaces a good one.
    """
    path = checked_path(path)
    if not isinstance(model, GPT):
        raise LlmlabTypeError(msg("checkpoint.not_a_model", kind=kind_of(model)))
    if not isinstance(tokenizer, Tokenizer):
        raise LlmlabTypeError(msg("checkpoint.not_a_tokenizer", kind=kind_of(tokenizer)))
    if tokenizer.vocab_size != model.config.vocab_size:
        raise CheckpointError(msg("checkpoint.vocab_mismatch", path=path, tokenizer=tokenizer.vocab_size,
                                  model=model.config.vocab_size))
    if metadata is not None and not isinstance(metadata, dict):
        raise LlmlabTypeError(msg("checkpoint.metadata_not_dict", kind=kind_of(metadata)))
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "config": model.config.to_dict(),
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
        "tokenizer": tokenizer.to_dict(),
        "metadata": plain_metadata(metadata or {}),
    }
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    try:
        torch.load(io.BytesIO(buffer.getvalue()), map_location="cpu", weights_only=True)
    except Exception as error:  # whatever made it through plain_metadata but would not load
        raise CheckpointError(msg("checkpoint.would_not_load", path=path, error=first_line(error))) from error
    write_file(path, buffer.getvalue())


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so the old file survives a failure."""
    if path.is_dir():
        raise CheckpointError(msg("checkpoint.path_is_folder", path=path))
    temporary = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        if temporary.is_file():
            temporary.unlink()
        raise CheckpointError(msg("checkpoint.cannot_write", path=path, error=first_line(error))) from error


def check_writable(path: str | Path) -> Path:
    """Make sure a checkpoint can be written at ``path`` (before hours of training, not after)."""
    path = checked_path(path)
    if path.is_dir():
        raise CheckpointError(msg("checkpoint.path_is_folder", path=path))
    probe = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except (OSError, ValueError) as error:
        raise CheckpointError(msg("checkpoint.cannot_write", path=path, error=first_line(error))) from error
    return path


def first_line(error: BaseException) -> str:
    """The first line of an error's text (or its type's name)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def load_checkpoint(
    path: str | Path, device: torch.device | str = "cpu"
) -> tuple[GPT, Tokenizer, dict]:
    """Rebuild (model in eval mode, tokenizer, metadata) from ``path``.

    Everything is checked before the model is built: a config asking for more numbers than the
    file holds is refused without allocating them.
    """
    path = checked_path(path)
    try:
        device = torch.device(device)
    except (RuntimeError, TypeError) as error:
        raise LlmlabError(msg("checkpoint.bad_device", device=shown(device))) from error
    if not path.is_file():
        raise CheckpointError(msg("checkpoint.missing", path=path))
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # truncated zip, bytes flipped, not a torch file at all...
        raise CheckpointError(msg("checkpoint.unreadable", path=path, error=first_line(error))) from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(msg("checkpoint.not_llmlab", path=path))
    if payload.get("version") != VERSION:
        raise CheckpointError(msg("checkpoint.version", path=path, found=payload.get("version"), expected=VERSION))
    try:
        config = GPTConfig.from_dict(payload["config"])
    except (KeyError, TypeError, ValueError) as error:
        raise CheckpointError(msg("checkpoint.bad_part", path=path, error=error)) from error
    state_dict = payload.get("state_dict")
    if not isinstance(state_dict, dict) or not all(isinstance(v, torch.Tensor) for v in state_dict.values()):
        raise CheckpointError(msg("checkpoint.bad_weights", path=path))
    needed, stored = total(formula_parameters(config)), sum(v.numel() for v in state_dict.values())
    if needed > stored:
        raise CheckpointError(msg("checkpoint.size_mismatch", path=path, needed=needed, stored=stored))
    try:
        tokenizer = tokenizer_from_dict(payload["tokenizer"])
    except (KeyError, TypeError, ValueError) as error:
        raise CheckpointError(msg("checkpoint.bad_part", path=path, error=error)) from error
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(
            msg("checkpoint.vocab_mismatch", path=path, tokenizer=tokenizer.vocab_size, model=config.vocab_size)
        )
    model = GPT(config)
    try:
        model.load_state_dict(state_dict)
    except (KeyError, RuntimeError) as error:
        raise CheckpointError(msg("checkpoint.weights_mismatch", path=path, error=error)) from error
    model.to(device).eval()
    metadata = payload.get("metadata", {})
    return model, tokenizer, metadata if isinstance(metadata, dict) else {}


def load_shipped_model(device: torch.device | str = "cpu") -> tuple[GPT, Tokenizer, dict]:
    """The tiny model trained on the toy corpus that ships in data/ (made by ``make checkpoint``)."""
    return load_checkpoint(SHIPPED_CHECKPOINT, device)
