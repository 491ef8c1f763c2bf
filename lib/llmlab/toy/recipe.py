"""The default tiny model and its data: the toy corpus, word tokens, the exact loss floor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import torch

from llmlab.engine.config import GPTConfig
from llmlab.toy.corpus import TRAIN_LINES, TRAIN_SEED, generate_lines, is_fact_line, line_logprobs, load_corpus
from llmlab.engine.data import Drill, TokenStream, line_windows, packed_floor
from llmlab.engine.device import one_torch_thread, seed_everything
from llmlab.engine.model import GPT
from llmlab.paths import DATA_DIR
from llmlab.engine.tokenizers import WordTokenizer
from llmlab.engine.training import History, TrainConfig, train
from llmlab.engine.validate import integer

CONTEXT_LENGTH = 32  # every toy line (with its end-of-line token) fits
SHIPPED_TRAIN_LINES = 60_000  # the generator's first 60,000 lines; data/toy_train.txt holds the first 8,000
# The shipped model's recipe. Every step reads 32 windows of text (half of them starting at a fact line) and
# answers 128 drill questions, each graded on its whole answer. The drill makes the model find out *whose*
# colour and thing to copy (docs/research/copying_recipe.md); the seed is recorded because when that
# happens during training depends on the start.
SHIPPED_RECIPE = TrainConfig(steps=4000, batch_size=32, drill_batch_size=128, fact_share=0.5, weight_decay=0.0,
                             hold_steps=2900, seed=2)


def tiny_config(vocab_size: int) -> GPTConfig:
    """The shipped model's shape: 3 blocks of 4 heads, 64 wide, an MLP twice as wide, its own output layer."""
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
    The training stream carries the fact lines as a drill (``TrainConfig.drill_batch_size``).
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
    flags = [is_fact_line(line) for line in corpus_train]
    train = TokenStream.from_lines(encode(corpus_train), is_fact=flags)
    questions = [line for line, flag in zip(corpus_train, flags) if flag]
    if questions:  # a drill on the questions: each line graded on what follows its "?" (one token per word)
        train = train.with_drill(Drill.from_lines(encode(questions),
                                                  [line.split().index("?") + 1 for line in questions]))
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


def shipped_training_data() -> ToyData:
    """The toy corpus as the shipped model trains on it: the first SHIPPED_TRAIN_LINES lines of the generator."""
    return load_toy_data(train_lines=SHIPPED_TRAIN_LINES)


def train_shipped_model(
    data: ToyData | None = None, progress: bool = True, on_eval: Callable[[int, GPT], None] | None = None,
    seed: int = SHIPPED_RECIPE.seed,
) -> tuple[GPT, ToyData, History]:
    """Train the shipped model again (``make checkpoint``): SHIPPED_RECIPE on ``shipped_training_data()``;
    ``seed`` starts the same recipe from another start (``make copying-replay`` records seed 4's run).

    Runs on one processor thread: the recorded run did, and a different thread count sums numbers in
    another order, which can move the moment the copying appears.
    """
    recipe = replace(SHIPPED_RECIPE, seed=integer(seed, "seed", low=0))
    with one_torch_thread():
        return train_tiny_model(recipe, data or shipped_training_data(), progress, on_eval)
