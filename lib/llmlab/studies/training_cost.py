"""What a training step costs next to a forward pass: time per token, and the optimizer's memory.

A training step is a forward pass that records what backward needs, the backward pass (gradients
of the loss for every parameter) and the AdamW update. Backward does about twice the arithmetic of
the forward, so theory says about 3× per token; a tiny model adds fixed costs (Python, autograd
bookkeeping, one optimizer pass over every parameter) that do not shrink with the model.

The times are the CPU time of this process (``time.process_time``) on one torch thread, the median of
several repeats: time spent waiting while other programs run is not counted, so the ratio holds on a
busy machine (a wall clock on several threads gave 1.7× in one run and 3.7× in the next).
"""

from __future__ import annotations

import copy
import statistics
import time
from dataclasses import dataclass

import torch

from llmlab.engine.device import one_torch_thread
from llmlab.engine.model import GPT
from llmlab.engine.training import TrainConfig, make_optimizer
from llmlab.engine.validate import check_model, check_seed, integer

ADAM_NUMBERS_PER_PARAMETER = 2  # AdamW keeps a running mean of the gradient and of its square


@dataclass(frozen=True)
class StepTimes:
    """Median CPU seconds (one thread) of each phase for one batch (``tokens`` tokens)."""

    tokens: int
    forward: float  # inference: no gradients recorded
    train_forward: float  # the same forward, recording what backward needs
    backward: float
    optimizer: float

    @property
    def training_step(self) -> float:
        return self.train_forward + self.backward + self.optimizer

    @property
    def ratio(self) -> float:
        """Training step ÷ forward pass (the same tokens)."""
        return self.training_step / self.forward


def time_training_step(model: GPT, batch_size: int = 16, repeats: int = 9, seed: int = 0) -> StepTimes:
    """Time a forward pass and each phase of a training step on a copy of ``model`` (median of ``repeats``).

    The copy is trained, so ``model`` keeps its weights. Random token ids fill a batch of
    ``batch_size`` full-context windows. Torch runs on one thread and the clock is the process's CPU
    time, so other programs on the machine barely move the result.
    """
    model = check_model(model, "time_training_step")
    batch_size = integer(batch_size, "batch_size", low=1, high=1024)
    repeats = integer(repeats, "repeats", low=1, high=1000)
    generator = torch.Generator().manual_seed(check_seed(seed))
    model = copy.deepcopy(model)  # the copy is trained
    shape = (batch_size, model.config.context_length)
    x = torch.randint(model.config.vocab_size, shape, generator=generator).to(model.device)
    y = torch.randint(model.config.vocab_size, shape, generator=generator).to(model.device)
    optimizer = make_optimizer(model, TrainConfig(learning_rate=1e-4))
    model.train()
    phases: dict[str, list[float]] = {"forward": [], "train_forward": [], "backward": [], "optimizer": []}
    with one_torch_thread():
        for attempt in range(repeats + 1):  # the first round warms up (memory, kernels) and is not counted
            clock = time.process_time()
            with torch.no_grad():
                model(x, y)
            after_forward = time.process_time()
            _, loss = model(x, y)
            after_train_forward = time.process_time()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            after_backward = time.process_time()
            optimizer.step()
            after_step = time.process_time()
            if attempt:
                phases["forward"].append(after_forward - clock)
                phases["train_forward"].append(after_train_forward - after_forward)
                phases["backward"].append(after_backward - after_train_forward)
                phases["optimizer"].append(after_step - after_backward)
    return StepTimes(tokens=x.numel(), **{name: statistics.median(times) for name, times in phases.items()})


def adam_state_numbers(model: GPT) -> int:
    """How many numbers AdamW keeps after one real step on a copy of ``model`` (counted, not assumed)."""
    model = copy.deepcopy(check_model(model, "adam_state_numbers"))
    optimizer = make_optimizer(model, TrainConfig(learning_rate=1e-4))
    x = torch.zeros(1, 1, dtype=torch.long, device=model.device)
    _, loss = model(x, x)
    loss.backward()
    optimizer.step()
    return sum(value.numel() for state in optimizer.state.values()
               for name, value in state.items() if name != "step")


def training_memory(n_parameters: int, bytes_per_number: int = 4) -> dict[str, int]:
    """Bytes for the weights, their gradients and AdamW's two running averages (activations not included)."""
    n_parameters = integer(n_parameters, "n_parameters", low=0)
    bytes_per_number = integer(bytes_per_number, "bytes_per_number", low=1, high=8)
    return {
        "weights": n_parameters * bytes_per_number,
        "gradients": n_parameters * bytes_per_number,
        "AdamW state": ADAM_NUMBERS_PER_PARAMETER * n_parameters * bytes_per_number,
    }
