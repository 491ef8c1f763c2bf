"""Train a character-level tiny GPT on any text you bring (a book, your notes, code)."""

from __future__ import annotations

import codecs
import math
from collections.abc import Callable
from pathlib import Path

import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.data import TokenStream, text_windows
from llmlab.engine.device import seed_everything
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import CharTokenizer, text_of
from llmlab.engine.training import History, TrainConfig, train
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, check_recipe, integer, kind_of, real

# Validation scores at most this many held-out characters, in windows spread evenly over the held-out part:
# a long text validates in a fraction of a second, and the score is still on text the model never trained on.
VAL_CHARACTERS = 32_768
# Lesson 09's "train your own" on data/tinyshakespeare.txt: 2 blocks, 4 heads, 176 wide, reading 64 characters
# (771,056 parameters, like the 809,856 of 4 blocks × 128: fewer, wider blocks learn more per
# second on a CPU). `make bench` measures how long this recipe takes to reach 1.88 nats per character.
SHAKESPEARE_SHAPE = {"context_length": 64, "d_model": 176, "n_layers": 2, "n_heads": 4}
# Measured (seed 0, one thread): 1.872 after 720 steps; the same shape and rate over 680 steps ends at 1.885,
# 4 blocks × 128 over 760 steps of 16 at 1.927 and 3 × 144 over 720 at 1.917 (docs/research/shakespeare_recipe.md).
SHAKESPEARE_RECIPE = TrainConfig(steps=720, batch_size=16, learning_rate=5e-3, min_learning_rate=0.0,
                                 warmup_steps=20, hold_steps=420, weight_decay=0.1, eval_every=100)


def train_on_text(
    text: str,
    config: TrainConfig = TrainConfig(steps=500, eval_every=100),
    context_length: int = 64,
    d_model: int = 64,
    n_layers: int = 2,
    n_heads: int = 4,
    val_fraction: float = 0.1,
    val_characters: int | None = VAL_CHARACTERS,
    progress: bool = True,
    on_eval: Callable[[int, GPT], None] | None = None,
    on_step: Callable[[int, float], None] | None = None,
) -> tuple[GPT, CharTokenizer, History]:
    """Character tokens, the last ``val_fraction`` of the text held out for validation.

    Validation scores at most ``val_characters`` held-out characters (None: all of them), in windows spread
    evenly over the held-out part. ``on_eval`` and ``on_step`` are passed to :func:`llmlab.engine.training.train`
    (samples, a live plot).
    """
    split = check_text_length(text, context_length, val_fraction)
    if val_characters is not None:
        val_characters = integer(val_characters, "val_characters", low=context_length)
    config = check_recipe(config)
    tokenizer = CharTokenizer.from_text(text)
    ids = tokenizer.encode(text)
    model_config = GPTConfig(vocab_size=tokenizer.vocab_size, context_length=context_length,
                             d_model=d_model, n_heads=n_heads, n_layers=n_layers)
    val_x, val_y = held_out_windows(ids[split:], context_length, val_characters)
    seed_everything(config.seed)
    model = GPT(model_config)
    history = train(model, TokenStream.from_ids(ids[:split]), val_x, val_y, config, progress, on_eval, on_step)
    return model, tokenizer, history


def held_out_sizes(
    text: object, context_length: object = 64, val_fraction: object = 0.1, val_characters: object = VAL_CHARACTERS
) -> tuple[int, int]:
    """How many characters :func:`train_on_text` holds out, and how many of them each validation scores."""
    split = check_text_length(text, context_length, val_fraction)
    held_out = len(text_of(text)) - split
    if val_characters is not None:
        val_characters = integer(val_characters, "val_characters", low=context_length)
    scored, _ = held_out_windows(list(range(held_out)), int(context_length), val_characters)  # (windows, T)
    return held_out, scored.numel()


def held_out_windows(ids: list[int], context_length: int, most: int | None) -> tuple[torch.Tensor, torch.Tensor]:
    """Consecutive windows of the held-out ``ids``: all of them, or every k-th, for at most ``most`` characters."""
    x, y = text_windows(ids, context_length)  # (windows, T) each; checks ``ids`` and ``context_length``
    most = None if most is None else integer(most, "most", low=1)
    every = 1 if most is None else math.ceil(len(x) / max(1, most // context_length))
    return x[::every], y[::every]


def check_text_length(text: object, context_length: object = 64, val_fraction: object = 0.1) -> int:
    """Where ``text`` splits into training and validation parts; an LlmlabError if either is too short."""
    text = text_of(text)
    context_length = integer(context_length, "context_length", low=1)
    val_fraction = real(val_fraction, "val_fraction", low=0, high=1, low_open=True, high_open=True)

    def fits(n: int) -> bool:
        split = int(n * (1 - val_fraction))
        return split > context_length + 1 and n - split > context_length + 1

    if not fits(len(text)):
        needed = math.ceil((context_length + 2) / min(val_fraction, 1 - val_fraction)) + 1
        while needed > len(text) + 1 and fits(needed - 1):
            needed -= 1
        raise LlmlabError(msg("own_text.too_short", n=len(text), needed=needed))
    return int(len(text) * (1 - val_fraction))


def read_text_file(path: object) -> str:
    """The text of a UTF-8 file; a missing file, a folder, binary data or another encoding get an LlmlabError."""
    if not isinstance(path, (str, Path)):
        raise LlmlabTypeError(msg("own_text.bad_path", kind=kind_of(path)))
    path = Path(path)
    if not path.exists():
        raise LlmlabError(msg("own_text.missing_file", path=path))
    if path.is_dir():
        raise LlmlabError(msg("own_text.not_a_file", path=path))
    if not path.is_file():  # a named pipe or a device: reading it could wait forever
        raise LlmlabError(msg("own_text.not_regular", path=path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LlmlabError(msg("own_text.unreadable", path=path, error=error.strerror or error)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
            len(data) >= 2 and (not any(data[1::2]) or not any(data[0::2]))):  # every other byte 0: UTF-16
        raise LlmlabError(msg("own_text.utf16", path=path))
    if b"\x00" in data:
        raise LlmlabError(msg("own_text.binary", path=path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LlmlabError(msg("own_text.not_utf8", path=path, position=error.start)) from None
