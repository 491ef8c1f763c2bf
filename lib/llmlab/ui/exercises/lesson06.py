"""Exercises of lesson 06 (masking and generation): checkers return None when right, else a hint.

``06.causal_mask`` is a code exercise: the learner writes ``my_causal_mask(n_queries, n_keys)``
and the checker calls it on random sizes, square and with a KV cache (fewer queries than keys,
the queries being the last positions), and compares it with ``llmlab.engine.model.causal_mask``.

Accepted answers, all meaning the same mask:
* a bool tensor, True where a query may read a key (llmlab's and ``scaled_dot_product_attention``'s convention);
* numbers 1 (may read) and 0 (hidden);
* an additive mask: 0 where a query may read, -inf (or a very negative number) where it may not.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import torch

from llmlab.ui.checks import exercise, number_answer
from llmlab.messages import later, msg
from llmlab.engine.model import causal_mask
from llmlab.engine.params import PUBLISHED_CONFIGS
from llmlab.studies.kv_cache import kv_cache_bytes

VERY_NEGATIVE = -1e4  # an additive mask's "hidden" value: -inf, or at least this negative
SIZES_SEED = 6
N_SQUARE, N_CACHED = 6, 6


class CodeSolution:
    """A reference function that prints as its own source (``solution(...)`` shows code, not an address)."""

    def __init__(self, function: Callable, source: str) -> None:
        self.function, self.source = function, source

    def __call__(self, *args: object) -> object:
        return self.function(*args)

    def __str__(self) -> str:
        return self.source


REFERENCE_SOURCE = (
    "def my_causal_mask(n_queries, n_keys):\n"
    "    full = torch.ones(n_queries, n_keys, dtype=torch.bool)\n"
    "    return torch.tril(full, diagonal=n_keys - n_queries)"
)
REFERENCE = CodeSolution(lambda n_queries, n_keys: causal_mask(n_queries, n_keys), REFERENCE_SOURCE)


def upper_triangle(n_queries: int, n_keys: int) -> torch.Tensor:
    """The typical bug: True on the cells a query must NOT read."""
    return ~causal_mask(n_queries, n_keys)


def checked_sizes() -> list[tuple[int, int]]:
    """Random (n_queries, n_keys): square ones first, then cached ones with 2 ≤ n_queries < n_keys."""
    rng = random.Random(SIZES_SEED)
    square = [(n, n) for n in [2, 3] + [rng.randint(4, 12) for _ in range(N_SQUARE - 2)]]
    cached = []
    for _ in range(N_CACHED):
        n_keys = rng.randint(4, 12)
        cached.append((rng.randint(2, n_keys - 1), n_keys))
    return square + cached


def as_allowed(mask: object, shape: tuple[int, int]) -> tuple[torch.Tensor | None, str | None]:
    """The learner's mask as bool "may read" cells, or (None, hint) when it cannot be read as a mask."""
    if mask is None:
        return None, msg("ex06.causal_mask.returned_none")
    try:
        values = torch.as_tensor(mask)
    except Exception:
        return None, msg("ex06.causal_mask.not_a_tensor", kind=type(mask).__name__)
    if tuple(values.shape) != shape:
        return None, msg("ex06.causal_mask.shape", got=tuple(values.shape), wanted=shape)
    if values.dtype == torch.bool:
        return values, None
    values = values.double()
    if torch.isnan(values).any():
        return None, msg("ex06.causal_mask.values")
    if (values <= VERY_NEGATIVE).any() and ((values == 0) | (values <= VERY_NEGATIVE)).all():
        return values == 0, None  # additive: 0 = may read, -inf = hidden
    if ((values == 0) | (values == 1)).all():
        return values == 1, None
    return None, msg("ex06.causal_mask.values")


def diagnose(allowed: torch.Tensor, n_queries: int, n_keys: int) -> str | None:
    """Name the typical bug a wrong mask shows, else a general hint."""
    ones = torch.ones(n_queries, n_keys, dtype=torch.bool)
    if torch.equal(allowed, ~causal_mask(n_queries, n_keys)):
        return msg("ex06.causal_mask.inverted")
    if n_queries == n_keys:
        if torch.equal(allowed, causal_mask(n_queries, n_keys).T):
            return msg("ex06.causal_mask.transposed")
        if torch.equal(allowed, torch.tril(ones, diagonal=-1)):
            return msg("ex06.causal_mask.no_diagonal")
    else:
        if torch.equal(allowed, torch.tril(ones)):
            return msg("ex06.causal_mask.cache_offset", n_queries=n_queries, n_keys=n_keys)
        if torch.equal(allowed, torch.tril(ones, diagonal=n_keys - n_queries - 1)):
            return msg("ex06.causal_mask.no_diagonal")
    if allowed.all():
        return msg("ex06.causal_mask.no_mask")
    return msg("ex06.causal_mask.hint")


@exercise("06.causal_mask", solution=REFERENCE, explanation=later("ex06.causal_mask.why"),
          typical_wrong=upper_triangle)
def causal_mask_exercise(answer: object) -> str | None:
    """The learner's mask function against ``causal_mask`` on random sizes (square, then with a cache)."""
    if not callable(answer):
        return msg("ex06.causal_mask.not_a_function", kind=type(answer).__name__)
    for n_queries, n_keys in checked_sizes():
        try:
            mask = answer(n_queries, n_keys)
        except Exception as error:  # the learner's code failing is a hint, not a crash
            return msg("ex06.causal_mask.raised", n_queries=n_queries, n_keys=n_keys,
                       error=f"{type(error).__name__}: {error}")
        allowed, problem = as_allowed(mask, (n_queries, n_keys))
        if problem is not None:
            return problem
        if not torch.equal(allowed, causal_mask(n_queries, n_keys)):
            return msg("ex06.causal_mask.wrong_at", n_queries=n_queries, n_keys=n_keys) + " " + diagnose(
                allowed, n_queries, n_keys)
    return None


GPT2_MEDIUM = PUBLISHED_CONFIGS["GPT-2 medium"]
CACHE_MB = kv_cache_bytes(GPT2_MEDIUM, bytes_per_number=2) / 1e6
MB_TOLERANCE = 1.0  # the question asks for the nearest MB: 100 and 101 are both right for 100.66


@exercise("06.cache_memory", solution=round(CACHE_MB, 1), explanation=later("ex06.cache_memory.why", mb=CACHE_MB),
          typical_wrong=round(CACHE_MB / 2, 1))
def cache_memory(answer: object) -> str | None:
    """KV cache of GPT-2 medium (24 blocks, d_model 1024, context 1024) in fp16, in MB (10^6 bytes), to the nearest
    MB."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if abs(value - CACHE_MB) <= MB_TOLERANCE:
        return None
    if abs(value - CACHE_MB / 2) <= MB_TOLERANCE:
        return msg("ex06.cache_memory.one_of_two")
    if abs(value - CACHE_MB * 2) <= 1.0:
        return msg("ex06.cache_memory.fp32")
    if abs(value - CACHE_MB / 1.048576) <= 0.5:
        return msg("ex06.cache_memory.mebibytes")
    return msg("ex06.cache_memory.hint")


@exercise("06.forward_passes", solution=5, explanation=later("ex06.forward_passes.why"), typical_wrong=15)
def forward_passes(answer: object) -> str | None:
    """Forward passes to write 5 new tokens after a 10-token prompt, with a KV cache."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    hints = {5.0: None, 15.0: msg("ex06.forward_passes.per_prompt_token"), 6.0: msg("ex06.forward_passes.extra_pass"),
             4.0: msg("ex06.forward_passes.prompt_makes_one")}
    return hints.get(value, msg("ex06.forward_passes.hint"))


@exercise("06.rows_that_change", solution=0, explanation=later("ex06.rows_that_change.why"), typical_wrong=7)
def rows_that_change(answer: object) -> str | None:
    """Append one token to a 7-token text: at how many of the first 7 positions do the scores change beyond
    32-bit rounding? (Measured, some positions differ by millionths: rounding, which the question excludes.)"""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if value == 0:
        return None
    if value == 7:
        return msg("ex06.rows_that_change.all")
    if value in (1, 2, 3, 4, 5, 6):
        return msg("ex06.rows_that_change.rounding")
    return msg("ex06.rows_that_change.hint")
