"""Why the causal mask exists: train the same tiny model with and without it and compare losses.

Without the mask, position t can read token t + 1, which is exactly the token it must predict:
its loss falls below the exact floor of the toy corpus (the best any honest model can do), and
the model learns nothing it could use to write new text. Both runs share the seed, the recipe
and the batches; the losses are compared on the same windows, against the floor on the same targets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import math

import torch

from llmlab.toy.corpus import line_logprobs, load_corpus
from llmlab.engine.data import IGNORE, line_windows, packed_floor
from llmlab.engine.device import one_torch_thread, seed_everything
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.toy.recipe import ToyData, load_toy_data, tiny_config
from llmlab.engine.training import History, TrainConfig, evaluate, train
from llmlab.engine.validate import LlmlabTypeError, boolean, check_instance, check_recipe, integer, kind_of

# A short run (seconds on a laptop) with a higher learning rate than the shipped recipe's 4e-3:
# enough for the unmasked model to learn to copy the answer. Validation only at the start and the end.
SHORT_RUN = TrainConfig(steps=300, warmup_steps=30, learning_rate=1e-2, eval_every=300)
TRAIN_LINES_SCORED = 1000  # the first training lines, packed into windows like the validation lines


@dataclass
class ScoredWindows:
    """Fixed input windows, their next-token targets, and the exact floor on exactly those targets."""

    x: torch.Tensor
    y: torch.Tensor
    floor: float


@dataclass
class MaskRun:
    """One training run and its losses on the fixed windows."""

    causal: bool
    model: GPT
    history: History
    train_loss: float  # on the training windows
    val_loss: float  # on the validation windows (the history's last validation)


@dataclass
class MaskExperiment:
    masked: MaskRun
    unmasked: MaskRun
    train_windows: ScoredWindows
    val_windows: ScoredWindows
    data: ToyData
    config: TrainConfig


def training_windows(data: ToyData, n_lines: int = TRAIN_LINES_SCORED) -> ScoredWindows:
    """The first ``n_lines`` training lines packed into windows, with the floor on their targets."""
    data = check_toy_data(data)
    train_lines, _ = load_corpus()
    lines = train_lines[: integer(n_lines, "n_lines", low=1, high=len(train_lines))]
    context = data.val_x.shape[1]
    x, y = line_windows([data.tokenizer.encode(line + "\n") for line in lines], context)
    floor = packed_floor([line_logprobs(line.split()) for line in lines], context)
    return ScoredWindows(x, y, floor)


@dataclass
class TableLosses:
    """Losses (mean −log p of the next token, in nats) of three models that are only counting tables."""

    uniform: float  # every token equally likely: ln(vocabulary size)
    unigram: float  # each token as often as in the training text, whatever came before
    bigram: float  # the next token as often as it followed the current one in the training text


def table_losses(data: ToyData, windows: ScoredWindows) -> TableLosses:
    """The losses on ``windows`` of next-token guesses counted from ``data``'s training text (no network at all).

    A pair of tokens never seen in the training text has bigram probability 0: its loss is infinite.
    """
    data, windows = check_toy_data(data), check_instance(windows, ScoredWindows, "windows", "training_windows(data)")
    vocab, tokens = data.tokenizer.vocab_size, data.train.ids
    scored = windows.y != IGNORE
    current, following = windows.x[scored], windows.y[scored]
    unigram = torch.bincount(tokens, minlength=vocab).double()
    bigram = torch.zeros(vocab, vocab, dtype=torch.double)  # row: the current token, column: the next one
    bigram.index_put_((tokens[:-1], tokens[1:]), torch.ones(len(tokens) - 1, dtype=torch.double), accumulate=True)
    unigram_p, bigram_p = unigram / unigram.sum(), bigram / bigram.sum(1, keepdim=True)
    return TableLosses(math.log(vocab), float(-unigram_p[following].log().mean()),
                       float(-bigram_p[current, following].log().mean()))


def check_toy_data(data: object) -> ToyData:
    """``data`` if it is the toy corpus as ``load_toy_data`` gives it."""
    if not isinstance(data, ToyData):
        raise LlmlabTypeError(msg("mask_experiment.not_toy_data", kind=kind_of(data)))
    return data


def train_one(data: ToyData, config: TrainConfig, causal: bool, progress: bool = True) -> tuple[GPT, History]:
    """The shipped model's shape, trained from the same seed, with or without the causal mask."""
    data, config, causal = check_toy_data(data), check_recipe(config), boolean(causal, "causal")
    seed_everything(config.seed)
    model = GPT(tiny_config(data.tokenizer.vocab_size))
    model.causal = causal
    history = train(model, data.train, data.val_x, data.val_y, config, progress)
    return model, history


def run_mask_experiment(config: TrainConfig = SHORT_RUN, progress: bool = True, data: ToyData | None = None,
                        train_lines: int = TRAIN_LINES_SCORED) -> MaskExperiment:
    """Train twice (mask off, then on) with the same seed, steps and batches, on one torch thread; score both
    on the same windows."""
    config, progress = check_recipe(config), boolean(progress, "progress")
    data = load_toy_data() if data is None else check_toy_data(data)
    train_windows = training_windows(data, train_lines)
    val_windows = ScoredWindows(data.val_x, data.val_y, data.floor)
    runs = {}
    with one_torch_thread():  # the printed numbers then match on every machine (see one_torch_thread)
        for causal in (False, True):
            model, history = train_one(data, config, causal, progress)
            train_loss = evaluate(model, train_windows.x, train_windows.y)
            runs[causal] = MaskRun(causal, model, history, train_loss, history.val_loss[-1])
    return MaskExperiment(runs[True], runs[False], train_windows, val_windows, data, config)


def with_steps(steps: int) -> TrainConfig:
    """The short recipe with another number of steps (the warm-up stays a tenth of the run)."""
    steps = integer(steps, "steps", low=1)
    return replace(SHORT_RUN, steps=steps, warmup_steps=max(1, steps // 10), eval_every=steps)
