"""Training: AdamW, warm-up then cosine learning rate, gradient clipping, periodic validation."""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import torch
from tqdm.auto import tqdm

from llmlab.engine.data import IGNORE, TokenStream
from llmlab.engine.device import seed_everything
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, check_model, check_recipe, check_seed, integer,
                                    kind_of, real)

MAX_STEPS = 10**9  # far beyond any run on one machine; a count tqdm and range() can still hold
MAX_STEP_BYTES = 8 * 10**9  # memory one training step may ask for: refused before allocating, like model.MAX_PARAMETERS


@dataclass(frozen=True)
class TrainConfig:
    """The recipe. The defaults are a plain one; the shipped model's is ``toy.SHIPPED_RECIPE``."""

    steps: int = 2500
    batch_size: int = 32
    learning_rate: float = 4e-3
    min_learning_rate: float = 3e-4
    warmup_steps: int = 100
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    eval_every: int = 250
    seed: int = 0
    hold_steps: int = 0  # steps at the peak learning rate after the warm-up, before the cosine decay
    fact_share: float | None = None  # share of windows that start at a fact line (None: every line alike)
    drill_batch_size: int = 0  # question lines added to every step, each graded on its whole answer (0: none)

    def __post_init__(self) -> None:
        """Each field checked (an LlmlabError names the valid range), so training never starts wrong."""
        checks = {
            "steps": lambda v, n: integer(v, n, low=1, high=MAX_STEPS),
            "batch_size": lambda v, n: integer(v, n, low=1),
            "learning_rate": lambda v, n: real(v, n, low=0, low_open=True),
            "min_learning_rate": lambda v, n: real(v, n, low=0),
            "warmup_steps": lambda v, n: integer(v, n, low=0),
            "weight_decay": lambda v, n: real(v, n, low=0),
            "grad_clip": lambda v, n: real(v, n, low=0, low_open=True),
            "eval_every": lambda v, n: integer(v, n, low=1),
            "seed": lambda v, n: check_seed(v, n),
            "hold_steps": lambda v, n: integer(v, n, low=0),
            "fact_share": lambda v, n: None if v is None else real(v, n, low=0, high=1),
            "drill_batch_size": lambda v, n: integer(v, n, low=0),
        }
        for name, check in checks.items():
            object.__setattr__(self, name, check(getattr(self, name), f"TrainConfig.{name}"))

    def to_dict(self) -> dict:
        return asdict(self)


class TrainingWarning(UserWarning):
    """A recipe that runs but does not do what it says (a warm-up longer than the run)."""


class TrainingDiverged(LlmlabError):
    """The loss or the gradients stopped being numbers; the model keeps its weights from before that step.

    ``history`` holds what happened up to then.
    """

    def __init__(self, message: str, history: "History"):
        super().__init__(message)
        self.history = history


@dataclass
class History:
    """What happened during training, for plots and checkpoint metadata."""

    steps: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)  # what each step minimised (text windows + drill)
    drill_loss: list[float] = field(default_factory=list)  # the drill's part of it, when the recipe drills
    val_steps: list[int] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    learning_rate: list[float] = field(default_factory=list)
    seconds: float = 0.0
    tokens_seen: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def learning_rate_at(step: int, config: TrainConfig) -> float:
    """Linear warm-up to the peak, the peak held for ``hold_steps``, then a cosine decay down to the minimum."""
    if step < config.warmup_steps:
        return config.learning_rate * (step + 1) / config.warmup_steps
    decay_start = config.warmup_steps + config.hold_steps
    progress = max(0, step - decay_start) / max(1, config.steps - decay_start)
    cosine = 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))
    return config.min_learning_rate + cosine * (config.learning_rate - config.min_learning_rate)


def make_optimizer(model: GPT, config: TrainConfig) -> torch.optim.AdamW:
    """AdamW with weight decay on matrices only (not on biases, LayerNorm gains or embeddings' duplicates)."""
    params = {id(p): p for p in model.parameters() if p.requires_grad}.values()
    decay = [p for p in params if p.dim() >= 2]
    no_decay = [p for p in params if p.dim() < 2]
    groups = [
        {"params": decay, "weight_decay": config.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    fused = model.device.type in ("cpu", "cuda")  # one kernel for all tensors: faster steps
    return torch.optim.AdamW(groups, lr=config.learning_rate, betas=(0.9, 0.95), fused=fused)


@torch.no_grad()
def evaluate(model: GPT, x: torch.Tensor, y: torch.Tensor, batch_size: int = 256) -> float:
    """Mean cross-entropy (nats per token) over every non-ignored target."""
    check_windows(model, x, y, "validation")
    batch_size = integer(batch_size, "batch_size", low=1)
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    for i in range(0, len(x), batch_size):
        xb, yb = x[i : i + batch_size].to(model.device), y[i : i + batch_size].to(model.device)
        logits, _ = model(xb)
        total += torch.nn.functional.cross_entropy(
            logits.flatten(0, 1), yb.flatten(), ignore_index=-100, reduction="sum"
        ).item()
        count += int((yb != -100).sum())
    model.train(was_training)
    if count == 0:
        raise LlmlabError(msg("training.no_targets"))
    return total / count


def train(
    model: GPT,
    data: TokenStream,
    val_x: torch.Tensor,
    val_y: torch.Tensor,
    config: TrainConfig = TrainConfig(),
    progress: bool = True,
    on_eval: Callable[[int, GPT], None] | None = None,
    on_step: Callable[[int, float], None] | None = None,
) -> History:
    """Train ``model`` in place; return its loss history. Same seed, same numbers.

    ``on_eval(step, model)`` runs after each validation, ``on_step(step, loss)`` after each step
    (a live plot, a timer).

    If the loss or the gradients stop being numbers (a learning rate far too high), training stops
    with :class:`TrainingDiverged` before that step changes the weights.
    """
    model = check_model(model, "train")
    if not isinstance(data, TokenStream):
        raise LlmlabTypeError(msg("training.not_a_stream", kind=kind_of(data)))
    config = check_recipe(config)
    check_windows(model, val_x, val_y, "validation")
    data.check_fits(model.config.vocab_size, model.config.context_length)
    if config.fact_share is not None and data.is_fact is None:  # before training starts, not at its first step
        raise LlmlabError(msg("training.no_fact_lines", share=config.fact_share))
    if config.drill_batch_size and data.drill is None:
        raise LlmlabError(msg("training.no_drill", n=config.drill_batch_size))
    if data.drill is not None and data.drill.x.shape[1] > model.config.context_length:
        raise LlmlabError(msg("model.too_long", n=data.drill.x.shape[1], context=model.config.context_length))
    check_step_memory(model, config, data)
    if config.warmup_steps > config.steps:  # the last step, steps - 1, reaches the peak only if warmup ≤ steps
        warnings.warn(msg("training.warmup_too_long", warmup=config.warmup_steps, steps=config.steps,
                          peak=config.learning_rate), TrainingWarning, stacklevel=2)
    seed_everything(config.seed)
    generator = torch.Generator().manual_seed(config.seed)
    optimizer = make_optimizer(model, config)
    history = History()
    context = model.config.context_length
    model.train()
    started = time.perf_counter()
    bar = tqdm(range(config.steps), desc=msg("training.progress"), disable=not progress)
    for step in bar:
        if step % config.eval_every == 0:
            record_validation(model, step, val_x, val_y, history, on_eval)
        lr = learning_rate_at(step, config)
        for group in optimizer.param_groups:
            group["lr"] = lr
        x, y = data.random_batch(config.batch_size, context, generator, config.fact_share)  # (batch, T) each
        _, loss = model(x.to(model.device), y.to(model.device))
        drill_value, tokens = None, x.numel()
        if config.drill_batch_size:
            loss, drill_value = add_drill(model, data, config.drill_batch_size, generator, loss)
            tokens += config.drill_batch_size * data.drill.x.shape[1]
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip, foreach=True)
        loss_value = loss.item()
        if not (math.isfinite(loss_value) and math.isfinite(grad_norm.item())):
            optimizer.zero_grad(set_to_none=True)
            model.eval()
            raise TrainingDiverged(msg("training.diverged", step=step, lr=lr, loss=loss_value,
                                       peak=config.learning_rate), history)
        optimizer.step()
        history.steps.append(step)
        history.train_loss.append(loss_value)
        if drill_value is not None:
            history.drill_loss.append(drill_value)
        history.learning_rate.append(lr)
        history.tokens_seen += tokens
        if step % 10 == 0:
            bar.set_postfix(loss=f"{loss_value:.3f}")
        if on_step is not None:
            on_step(step, loss_value)
    record_validation(model, config.steps, val_x, val_y, history, on_eval)
    history.seconds = time.perf_counter() - started
    model.eval()
    return history


def step_bytes(model: GPT, windows: int, length: int) -> int:
    """About how many bytes one training step on ``windows`` windows of ``length`` tokens keeps for backward.

    Per token and block: the LayerNorm outputs, queries, keys, values, head outputs and residuals
    (about 9 × d_model numbers), the MLP's two hidden layers (2 × d_mlp) and the attention scores
    and pattern (2 × heads × length); per token once: the embeddings and three copies of the scores
    over the vocabulary. Float32, 4 bytes a number.
    """
    c = model.config
    per_token = c.n_layers * (9 * c.d_model + 2 * c.d_mlp + 2 * c.n_heads * length) + 4 * c.d_model + 3 * c.vocab_size
    return 4 * per_token * windows * length


def check_step_memory(model: GPT, config: TrainConfig, data: TokenStream) -> None:
    """Refuse, before allocating, a batch (plus drill batch) one step could not hold in memory here."""
    need = step_bytes(model, config.batch_size, model.config.context_length)
    if config.drill_batch_size:
        need += step_bytes(model, config.drill_batch_size, data.drill.x.shape[1])
    if need > MAX_STEP_BYTES:
        raise LlmlabError(msg("training.batch_too_big", batch=config.batch_size, drill=config.drill_batch_size,
                              gb=need / 1e9, limit=MAX_STEP_BYTES / 1e9))


def add_drill(
    model: GPT, data: TokenStream, batch_size: int, generator: torch.Generator, loss: torch.Tensor
) -> tuple[torch.Tensor, float]:
    """``loss`` plus a drill batch's: each question's answer tokens summed, averaged over the questions."""
    x, y = data.drill.batch(batch_size, generator)  # (drill batch, T') each
    _, per_token = model(x.to(model.device), y.to(model.device))  # mean over the graded answer tokens
    per_question = per_token * (y != IGNORE).sum() / len(y)
    return loss + per_question, per_question.item()


def record_validation(
    model: GPT,
    step: int,
    val_x: torch.Tensor,
    val_y: torch.Tensor,
    history: History,
    on_eval: Callable[[int, GPT], None] | None,
) -> None:
    """Score the validation windows once and let the caller look at the model (e.g. snapshots)."""
    if history.val_steps and history.val_steps[-1] == step:
        return
    history.val_steps.append(step)
    history.val_loss.append(evaluate(model, val_x, val_y))
    if on_eval is not None:
        on_eval(step, model)
    model.train()


def check_windows(model: GPT, x: object, y: object, name: str) -> None:
    """Inputs and targets: (windows, T) integer tensors of the same shape, T within the context."""
    for tensor in (x, y):
        if not isinstance(tensor, torch.Tensor):
            raise LlmlabTypeError(msg("training.windows_not_tensors", name=name, kind=kind_of(tensor)))
    if x.dim() != 2 or x.shape != y.shape:
        raise LlmlabError(msg("training.windows_shape", name=name, x=tuple(x.shape), y=tuple(y.shape)))
    if x.shape[1] > model.config.context_length:
        raise LlmlabError(msg("model.too_long", n=x.shape[1], context=model.config.context_length))
    wrong = (y != IGNORE) & ((y < 0) | (y >= model.config.vocab_size))
    if y.dtype != torch.long or bool(wrong.any()):
        raise LlmlabError(msg("training.bad_targets", name=name, last=model.config.vocab_size - 1))
