"""The default tiny model and its data: the toy corpus, word tokens, the exact loss floor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch

from .config import GPTConfig
from .corpus import TRAIN_LINES, TRAIN_SEED, generate_lines, is_fact_line, line_logprobs, load_corpus
from .data import TokenStream, line_windows, packed_floor
from .device import seed_everything
from .model import GPT
from .paths import DATA_DIR
from .tokenizers import WordTokenizer
from .training import History, TrainConfig, train
from .validate import integer

CONTEXT_LENGTH = 32  # every toy line (with its end-of-line token) fits
COPYING_TRAIN_LINES = 60_000  # the generator's first 60,000 lines; data/toy_train.txt holds the first 8,000


def tiny_config(vocab_size: int) -> GPTConfig:
    """The shipped model's shape: 2 blocks of 4 heads, 64 wide, an MLP twice as wide."""
    return GPTConfig(vocab_size=vocab_size, context_length=CONTEXT_LENGTH, d_model=64, n_heads=4, n_layers=2, d_mlp=128)


def copying_config(vocab_size: int) -> GPTConfig:
    """A shape that learns to copy the asked person's things from the line: 3 blocks, its own output layer."""
    return GPTConfig(vocab_size=vocab_size, context_length=CONTEXT_LENGTH, d_model=64, n_heads=4, n_layers=3,
                     d_mlp=128, tied_embeddings=False)


@dataclass
class ToyData:
    """Everything needed to train and score a model on the toy corpus."""

    tokenizer: WordTokenizer
    train: TokenStream
    val_x: torch.Tensor
    val_y: torch.Tensor
    floor: float  # exact mean loss of the best possible model on (val_x, val_y)


def load_toy_data(
    context_length: int = CONTEXT_LENGTH, directory: Path = DATA_DIR, train_lines: int | None = None
) -> ToyData:
    """Tokenize the toy corpus into training lines (fact lines flagged) and packed validation windows.

    ``train_lines`` above the file's 8,000 continues the same generator (its first 8,000 lines are the file's).
    """
    corpus_train, val_lines = load_corpus(directory)
    if train_lines is not None:
        n = integer(train_lines, "train_lines", low=1)
        corpus_train = corpus_train[:n] if n <= TRAIN_LINES else generate_lines(n, TRAIN_SEED)
    tokenizer = WordTokenizer.from_text("\n".join(corpus_train + val_lines))
    encode = lambda lines: [tokenizer.encode(line + "\n") for line in lines]  # noqa: E731
    val_ids = encode(val_lines)
    val_x, val_y = line_windows(val_ids, context_length)
    floor = packed_floor([line_logprobs(line.split()) for line in val_lines], context_length)
    train = TokenStream.from_lines(encode(corpus_train), is_fact=[is_fact_line(line) for line in corpus_train])
    return ToyData(tokenizer, train, val_x, val_y, floor)


def train_tiny_model(
    config: TrainConfig = TrainConfig(),
    data: ToyData | None = None,
    progress: bool = True,
    on_eval: Callable[[int, GPT], None] | None = None,
    on_step: Callable[[int, float], None] | None = None,
) -> tuple[GPT, ToyData, History]:
    """Train the default tiny model from scratch on the toy corpus (seeded); callbacks as in ``train``."""
    data = data or load_toy_data()
    seed_everything(config.seed)
    model = GPT(tiny_config(data.tokenizer.vocab_size))
    history = train(model, data.train, data.val_x, data.val_y, config, progress, on_eval, on_step)
    return model, data, history
