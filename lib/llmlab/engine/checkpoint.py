"""Saving and loading a trained model together with its config, tokenizer and metadata.

Files load with ``torch.load(weights_only=True)``: only tensors and plain Python values,
never arbitrary code. Anything wrong with a file becomes a ``CheckpointError`` that names it.
A checkpoint stores a SHA-256 checksum of its weights, checked on load (files from before the
checksum, such as the shipped one, load without it).

Saving never destroys what a learner owns: it writes only regular files, never over a file that is
not an llmlab checkpoint (a text, a notebook, /dev/null, a symlink to one), and over an existing
checkpoint only when asked to with ``overwrite=True``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import re
import stat
import tempfile
from pathlib import Path

import numpy as np
import torch

from llmlab.engine.config import GPTConfig
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.params import formula_parameters, total
from llmlab.paths import DATA_DIR
from llmlab.engine.tokenizers import Tokenizer, tokenizer_from_dict
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, boolean, check_model, check_tokenizer, kind_of, shown,
                                    torch_device)

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


def save_checkpoint(path: str | Path, model: GPT, tokenizer: Tokenizer, metadata: dict | None = None,
                    overwrite: bool = False) -> None:
    """Write config + weights + tokenizer + metadata to ``path``, only if it will load back.

    Metadata is made plain first (:func:`plain_metadata`); the whole file is loaded back in memory
    before it is written, and written under a temporary name first, so a failed save never leaves
    a half-written file or replaces a good one. An existing checkpoint at ``path`` is replaced only
    with ``overwrite=True``; anything else already there (see :func:`check_target`) is never replaced.
    """
    path = check_target(checked_path(path), overwrite)
    model = check_model(model, "save_checkpoint")
    tokenizer = check_tokenizer(tokenizer, "save_checkpoint")
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
    payload["checksum"] = weights_checksum(payload["state_dict"])
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
    temporary = None
    try:
        temporary = new_temporary(path)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        if temporary is not None and temporary.is_file():
            temporary.unlink()
        raise CheckpointError(msg("checkpoint.cannot_write", path=path, error=first_line(error))) from error


def new_temporary(path: Path) -> Path:
    """A new empty file beside ``path`` (its folder made if need be), named so it replaces no other file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".partial", dir=path.parent)
    os.close(handle)
    umask = os.umask(0o022)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)  # the permissions any new file gets here (mkstemp's are owner-only)
    return Path(name)


def check_writable(path: str | Path, overwrite: bool = False) -> Path:
    """Make sure a checkpoint can be written at ``path`` (before hours of training, not after)."""
    path = check_target(checked_path(path), overwrite)
    try:
        new_temporary(path).unlink()
    except (OSError, ValueError) as error:
        raise CheckpointError(msg("checkpoint.cannot_write", path=path, error=first_line(error))) from error
    return path


def check_target(path: Path, overwrite: bool) -> Path:
    """``path`` if a checkpoint may be written there: nothing there yet, or (with ``overwrite``) a checkpoint.

    A folder, a device such as /dev/null, a pipe, a symlink to anything but a checkpoint, and a
    regular file that is not an llmlab checkpoint (a learner's text, a notebook) are refused.
    """
    overwrite = boolean(overwrite, "overwrite")
    try:
        link = path.lstat()
    except FileNotFoundError:
        return path  # nothing there yet
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        raise CheckpointError(msg("checkpoint.cannot_write", path=path, error=first_line(error))) from error
    if stat.S_ISDIR(link.st_mode):
        raise CheckpointError(msg("checkpoint.path_is_folder", path=path))
    if not path.is_file():  # a device, a pipe, a socket, a broken symlink or one to a folder
        raise CheckpointError(msg("checkpoint.not_regular", path=path))
    if not is_checkpoint(path):
        raise CheckpointError(msg("checkpoint.not_ours", path=path))
    if not overwrite:
        raise CheckpointError(msg("checkpoint.exists", path=path))
    return path


def is_checkpoint(path: Path) -> bool:
    """Whether ``path`` holds an llmlab checkpoint (read with ``weights_only``, memory-mapped)."""
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    except Exception:  # not a zip, not a torch file, unreadable: not a checkpoint
        return False
    return isinstance(payload, dict) and payload.get("format") == FORMAT


def weights_checksum(state_dict: dict[str, torch.Tensor]) -> str:
    """SHA-256 of every weight's name, dtype, shape and bytes, in name order (a flipped byte changes it)."""
    digest = hashlib.sha256()
    for name in sorted(state_dict):
        tensor = state_dict[name].detach().cpu().contiguous()
        digest.update(f"{name}|{tensor.dtype}|{tuple(tensor.shape)}|".encode())
        digest.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
    return "sha256:" + digest.hexdigest()


def tied_in_file(state_dict: dict[str, torch.Tensor]) -> bool | None:
    """Whether the file's output layer reuses the embedding table: it has no weight of its own, or the
    same numbers. None if the file has no embedding table to tell by."""
    embedding, output = state_dict.get("token_embedding.weight"), state_dict.get("unembed.weight")
    if embedding is None:
        return None
    return output is None or (output.shape == embedding.shape and torch.equal(output, embedding))


def first_line(error: BaseException) -> str:
    """The first line of an error's text (or its type's name), without terminal colour codes."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(error)).strip()
    return text.splitlines()[0] if text else type(error).__name__


def load_checkpoint(
    path: str | Path, device: torch.device | str = "cpu"
) -> tuple[GPT, Tokenizer, dict]:
    """Rebuild (model in eval mode, tokenizer, metadata) from ``path``.

    Everything is checked before the model is built: a config asking for more numbers than the
    file holds is refused without allocating them.
    """
    path = checked_path(path)
    device = torch_device(device)
    if not path.is_file():
        raise CheckpointError(msg("checkpoint.missing", path=path))
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:  # objects that could run code: refused, never a hint to allow them
        if "weights only" in str(error).lower():
            raise CheckpointError(msg("checkpoint.not_plain", path=path)) from error
        raise CheckpointError(msg("checkpoint.unreadable", path=path, error=first_line(error))) from error
    except Exception as error:  # truncated zip, bytes flipped, not a torch file at all...
        raise CheckpointError(msg("checkpoint.unreadable", path=path, error=first_line(error))) from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(msg("checkpoint.not_llmlab", path=path))
    if payload.get("version") != VERSION:
        raise CheckpointError(msg("checkpoint.version", path=path, found=shown(payload.get("version")),
                                  expected=VERSION))
    state_dict = payload.get("state_dict")
    if not isinstance(state_dict, dict) or not all(isinstance(v, torch.Tensor) for v in state_dict.values()):
        raise CheckpointError(msg("checkpoint.bad_weights", path=path))
    if "checksum" in payload and payload["checksum"] != weights_checksum(state_dict):
        raise CheckpointError(msg("checkpoint.checksum", path=path))
    tied = tied_in_file(state_dict)
    values = payload.get("config")
    if isinstance(values, dict) and "tied_embeddings" not in values and tied is not None:
        values = {**values, "tied_embeddings": tied}  # a file from before the switch: read what it holds
    try:
        config = GPTConfig.from_dict(values)
    except (KeyError, TypeError, ValueError) as error:
        raise CheckpointError(msg("checkpoint.bad_part", path=path, error=error)) from error
    if config.tied_embeddings and tied is False:  # loading would overwrite the embedding table
        raise CheckpointError(msg("checkpoint.tied_mismatch", path=path))
    if config.tied_embeddings and "unembed.weight" not in state_dict and tied:
        state_dict = {**state_dict, "unembed.weight": state_dict["token_embedding.weight"]}
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
