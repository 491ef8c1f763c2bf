"""Token streams, the windows a model trains on, and the validation windows it is scored on.

Toy-corpus lines are independent, so windows start at line starts: then every predicted token
has its whole line before it, and the exact best-possible loss (the floor) is computable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import torch

from llmlab.messages import msg
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, integer, kind_of, real, token_ids

IGNORE = -100  # target value the loss skips (padding)
MAX_ID = 2**62  # token ids are checked against the model's vocabulary when training starts


def checked_lines(lines: object) -> list:
    """``lines`` as a list (of tokenized lines)."""
    if isinstance(lines, (str, bytes, dict)) or not isinstance(lines, (list, tuple)):
        raise LlmlabTypeError(msg("data.not_lines", kind=kind_of(lines)))
    return list(lines)


@dataclass
class Drill:
    """Question lines to practise on: one line per row, graded on its answer only."""

    x: torch.Tensor  # (questions, T) inputs
    y: torch.Tensor  # (questions, T) targets: IGNORE everywhere but the answer

    @classmethod
    def from_lines(cls, lines: list[list[int]], answer_starts: list[int]) -> "Drill":
        """Tokenized question lines and, for each, the index of its answer's first token (after the question)."""
        lines = [token_ids(line, MAX_ID, f"lines[{i}]") for i, line in enumerate(checked_lines(lines))]
        starts = checked_lines(answer_starts)
        if not lines or len(starts) != len(lines) or not all(
            isinstance(a, int) and not isinstance(a, bool) and 1 <= a < len(line) for a, line in zip(starts, lines)
        ):
            raise LlmlabError(msg("data.bad_answer_starts", n=len(lines)))
        width = max(len(line) for line in lines) - 1
        x = torch.zeros(len(lines), width, dtype=torch.long)  # (questions, T)
        y = torch.full((len(lines), width), IGNORE, dtype=torch.long)  # (questions, T)
        for row, (line, start) in enumerate(zip(lines, starts)):
            tokens = torch.tensor(line, dtype=torch.long)
            x[row, : len(line) - 1] = tokens[:-1]
            y[row, start - 1 : len(line) - 1] = tokens[start:]  # the target at position t is token t + 1
        return cls(x, y)

    def batch(self, batch_size: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        """``batch_size`` random questions: inputs and targets, (batch, T) each."""
        batch_size = integer(batch_size, "batch_size", low=1)
        rows = torch.randint(len(self.x), (batch_size,), generator=generator)  # (batch,)
        return self.x[rows], self.y[rows]


@dataclass
class TokenStream:
    """All training tokens in one 1-D tensor, plus the positions a window may start at."""

    ids: torch.Tensor
    starts: torch.Tensor
    is_fact: torch.Tensor | None = None  # one flag per start: does a fact line begin there?
    drill: Drill | None = None  # question lines graded on their answers, for TrainConfig.drill_batch_size
    # by context length, the starts where a window fits (all, fact lines, others): found once, not every step
    _usable: dict[int, tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_lines(cls, lines: list[list[int]], is_fact: list[bool] | None = None) -> "TokenStream":
        """Concatenate tokenized lines (each ending in its end-of-line token); ``is_fact`` flags fact lines."""
        lines = [token_ids(line, MAX_ID, f"lines[{i}]") for i, line in enumerate(checked_lines(lines))]
        lengths = torch.tensor([len(line) for line in lines], dtype=torch.long)
        starts = torch.cumsum(lengths, 0) - lengths
        ids = torch.tensor([t for line in lines for t in line], dtype=torch.long)
        if is_fact is None:
            return cls(ids, starts)
        flags = checked_lines(is_fact)
        if len(flags) != len(lines) or any(not isinstance(flag, bool) for flag in flags):
            raise LlmlabError(msg("data.bad_fact_flags", n=len(lines)))
        return cls(ids, starts, torch.tensor(flags, dtype=torch.bool))

    @classmethod
    def from_ids(cls, ids: list[int]) -> "TokenStream":
        """Free text: a window may start anywhere."""
        ids = token_ids(ids, MAX_ID, "ids")
        return cls(torch.tensor(ids, dtype=torch.long), torch.arange(len(ids)))

    def with_drill(self, drill: Drill) -> "TokenStream":
        """The same stream, with question lines to drill on."""
        if not isinstance(drill, Drill):
            raise LlmlabTypeError(msg("data.not_a_drill", kind=kind_of(drill)))
        return replace(self, drill=drill)

    def check_fits(self, vocab_size: int, context_length: int) -> None:
        """Every id is below ``vocab_size``, and at least one window of ``context_length`` + 1 fits."""
        if len(self.ids) and int(self.ids.max()) >= vocab_size:
            raise LlmlabError(msg("data.id_too_big", id=int(self.ids.max()), last=vocab_size - 1))
        self.usable_starts(context_length)

    def random_batch(
        self, batch_size: int, context_length: int, generator: torch.Generator, fact_share: float | None = None
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Inputs and next-token targets, (batch, T) each, from random window starts.

        With ``fact_share`` each window starts at a fact line with that probability, else at another
        line; the lines after the first follow in the corpus's own order.
        """
        batch_size = integer(batch_size, "batch_size", low=1)
        context_length = integer(context_length, "context_length", low=1)
        usable, facts, others = self.usable_starts(context_length)  # (starts that fit,) and its two parts
        if fact_share is None:
            picks = usable[torch.randint(len(usable), (batch_size,), generator=generator)]  # (batch,)
        else:
            picks = self.fact_weighted_starts(batch_size, facts, others, fact_share, generator)  # (batch,)
        offsets = torch.arange(context_length + 1)
        windows = self.ids[picks[:, None] + offsets]  # (batch, T + 1)
        return windows[:, :-1], windows[:, 1:]

    def usable_starts(self, context_length: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """The starts where ``context_length`` + 1 tokens fit: all, those at fact lines, the others (found once)."""
        if context_length not in self._usable:
            fits = self.starts + context_length + 1 <= len(self.ids)  # (starts,)
            if not bool(fits.any()):
                raise LlmlabError(msg("data.too_short", n=len(self.ids), window=context_length + 1))
            usable = self.starts[fits]
            if self.is_fact is None:
                self._usable[context_length] = usable, usable[:0], usable[:0]
            else:
                self._usable[context_length] = (
                    usable, self.starts[fits & self.is_fact], self.starts[fits & ~self.is_fact])
        return self._usable[context_length]

    def fact_weighted_starts(
        self, batch_size: int, facts: torch.Tensor, others: torch.Tensor, fact_share: float,
        generator: torch.Generator,
    ) -> torch.Tensor:
        """``batch_size`` window starts, each one of ``facts`` with probability ``fact_share``, else one of
        ``others``."""
        fact_share = real(fact_share, "fact_share", low=0, high=1)
        if self.is_fact is None:
            raise LlmlabError(msg("data.no_fact_flags"))
        n_facts = int((torch.rand(batch_size, generator=generator) < fact_share).sum())
        if (n_facts and not len(facts)) or (n_facts < batch_size and not len(others)):
            raise LlmlabError(msg("data.no_fact_lines", share=fact_share, facts=len(facts), others=len(others)))
        return torch.cat([
            facts[torch.randint(len(facts), (n_facts,), generator=generator)],
            others[torch.randint(len(others), (batch_size - n_facts,), generator=generator)],
        ])

def pack_lines(line_lengths: list[int], context_length: int) -> list[list[int]]:
    """Group consecutive whole lines into windows of at most context_length + 1 tokens."""
    context_length = integer(context_length, "context_length", low=1)
    windows: list[list[int]] = []
    current: list[int] = []
    used = 0
    for index, length in enumerate(line_lengths):
        if length > context_length + 1:
            raise LlmlabError(msg("data.line_too_long", index=index, length=length, context=context_length))
        if current and used + length > context_length + 1:
            windows.append(current)
            current, used = [], 0
        current.append(index)
        used += length
    if current:
        windows.append(current)
    return windows


def line_windows(lines: list[list[int]], context_length: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Validation inputs and targets from whole lines packed into windows, padded with IGNORE.

    Every token is a target except the first token of each window.
    """
    lines = [token_ids(line, MAX_ID, f"lines[{i}]") for i, line in enumerate(checked_lines(lines))]
    groups = pack_lines([len(line) for line in lines], context_length)
    x = torch.zeros(len(groups), context_length, dtype=torch.long)
    y = torch.full((len(groups), context_length), IGNORE, dtype=torch.long)
    for row, group in enumerate(groups):
        tokens = torch.tensor([t for i in group for t in lines[i]], dtype=torch.long)
        x[row, : len(tokens) - 1] = tokens[:-1]
        y[row, : len(tokens) - 1] = tokens[1:]
    return x, y


def text_windows(ids: list[int], context_length: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Validation inputs and targets from free text: consecutive, non-overlapping windows."""
    ids = token_ids(ids, MAX_ID, "ids")
    context_length = integer(context_length, "context_length", low=1)
    n = (len(ids) - 1) // context_length
    if n < 1:
        raise LlmlabError(msg("data.too_short", n=len(ids), window=context_length + 1))
    stream = torch.tensor(ids[: n * context_length + 1], dtype=torch.long)
    return stream[:-1].view(n, context_length), stream[1:].view(n, context_length)


def packed_floor(line_logprobs: list[list[float]], context_length: int) -> float:
    """Mean -log p of the true next tokens over exactly the targets ``line_windows`` scores."""
    groups = pack_lines([len(lp) for lp in line_logprobs], context_length)
    total, count = 0.0, 0
    for group in groups:
        logprobs = [lp for i in group for lp in line_logprobs[i]][1:]  # the first token is no target
        total -= sum(logprobs)
        count += len(logprobs)
    return total / count
