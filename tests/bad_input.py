"""Shared pieces of the bad-input tests: Hypothesis strategies for odd values, and the one rule.

The rule (:func:`outcome`): a call either works, or raises llmlab's own ``LlmlabError`` with a
message. Any other exception (a deep torch, numpy, traitlets or matplotlib error) fails the test.
Each test then checks that what worked was right (never a silently wrong result).
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from llmlab.engine.validate import LlmlabError

CASES: Counter[str] = Counter()  # how many bad-input cases ran, and how each ended


def fuzz(examples: int) -> settings:
    """Deterministic (same cases every run), no example database, no per-case deadline."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


def outcome(call: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
    """(True, result) if ``call`` worked, (False, error) if it raised an LlmlabError with a message."""
    CASES["cases"] += 1
    try:
        result = call(*args, **kwargs)
    except LlmlabError as error:
        assert str(error).strip(), f"{type(error).__name__} without a message"
        CASES["refused with llmlab's message"] += 1
        return False, error
    CASES["worked"] += 1
    return True, result


# ---------------------------------------------------------------------------
# Odd values
# ---------------------------------------------------------------------------

DTYPES = (torch.long, torch.int32, torch.int16, torch.uint8, torch.bool, torch.float32, torch.float64)


@st.composite
def tensors(draw: st.DrawFn, max_dims: int = 3, low: int = -3, high: int = 40) -> torch.Tensor:
    """Tensors of odd shapes (0-3 axes, some empty) and dtypes, with ids in and out of range."""
    shape = draw(st.lists(st.integers(0, 4), max_size=max_dims))
    dtype = draw(st.sampled_from(DTYPES))
    seed = draw(st.integers(0, 2**16))
    values = torch.randint(low, high, shape, generator=torch.Generator().manual_seed(seed))
    if dtype in (torch.float32, torch.float64) and draw(st.booleans()):
        return values.to(dtype) + 0.5
    return values.to(dtype) if dtype != torch.uint8 else values.clamp(min=0).to(dtype)


@dataclasses.dataclass
class Anything:
    """An object llmlab has never heard of."""

    n: int = 1


NUMBERS = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, -1, 0.5, 1e-300, 1e300, math.nan, math.inf, -math.inf, 2**63, 2**64]),
    st.integers(-5, 50).map(np.int64),
    st.floats(-10, 10).map(np.float32),
    st.integers(-5, 50).map(torch.tensor),
    st.one_of(st.floats(-10, 10), st.just(math.nan)).map(lambda x: torch.tensor(x, dtype=torch.float32)),
)

ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    NUMBERS,
    st.text(max_size=20),
    st.binary(max_size=10),
    st.lists(st.integers(-5, 50), max_size=6),
    st.lists(st.one_of(st.floats(-5, 50), st.just(math.nan)), max_size=4),
    st.lists(st.lists(st.integers(0, 5), max_size=3), max_size=3),
    st.tuples(st.integers(0, 5), st.integers(0, 5)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    tensors(),
    st.lists(st.integers(-5, 50), max_size=5).map(np.array),
    st.builds(Anything),
    st.builds(object),
    st.just(Path("some/where.pt")),
)


def mostly(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """A value of ``strategy`` three times in four (the simplest case among them), else anything at all.

    For a call with several arguments: with each drawn from ``ANYTHING`` half the time, a call whose every
    argument is right would be rare, and what a call that works returns would hardly be checked.
    """
    return st.integers(0, 3).flatmap(lambda i: ANYTHING if i == 3 else strategy)


def plain(value: object) -> bool:
    """Whether ``value`` is an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def whole(value: object) -> bool:
    """An int, numpy integer or integer 0-d tensor (never bool)."""
    if isinstance(value, (torch.Tensor, np.ndarray)):
        return value.ndim == 0 and whole(value.item()) and value.dtype not in (torch.bool, np.bool_)
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def finite_number(value: object) -> bool:
    """A real finite number (int, float, numpy or torch scalar), never bool."""
    if isinstance(value, (torch.Tensor, np.ndarray)):
        return value.ndim == 0 and value.dtype not in (torch.bool, np.bool_) and finite_number(value.item())
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        return False
    return math.isfinite(float(value))


def valid_ids(ids: object, vocab_size: int) -> bool:
    """The reference answer: is ``ids`` one flat sequence of whole numbers from 0 to vocab_size - 1?"""
    if isinstance(ids, torch.Tensor):
        if ids.ndim != 1 or ids.dtype == torch.bool or ids.dtype.is_floating_point:
            return False
        items = ids.tolist()
    elif isinstance(ids, np.ndarray):
        if ids.ndim != 1 or ids.dtype.kind not in "iu":
            return False
        items = ids.tolist()
    elif isinstance(ids, (list, tuple, range)):
        items = list(ids)
        if not all(whole(item) for item in items):
            return False
        items = [int(item) for item in items]
    else:
        return False
    return all(0 <= item < vocab_size for item in items)
