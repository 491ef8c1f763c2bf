"""Exercises of lesson 05 (attention): value exercises and one code exercise.

``05.attention`` takes the learner's *function* ``attention(q, k, v, mask=None)`` (one head,
q: T_q × d, k: T_k × d, v: T_k × d_v, mask: T_q × T_k of True/False with True = may look),
runs it on random inputs of several shapes, with and without a mask, compares it with the
library's reference and names the typical bug. The learner's function may raise or return
anything: every problem becomes a hint.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable

import torch

from llmlab.studies.attention_math import attention as reference_attention
from llmlab.ui.checks import exercise
from llmlab.messages import later, msg
from llmlab.engine.model import causal_mask
from llmlab.engine.params import PUBLISHED_CONFIGS
from llmlab.engine.validate import block_and_head, number_or_none

# --- value exercises ---

SCORE_Q, SCORE_K = (1.0, 2.0, 0.0, 1.0), (2.0, 0.0, 1.0, 2.0)
SCORE_DOT = sum(a * b for a, b in zip(SCORE_Q, SCORE_K))
SCALED_SCORE = SCORE_DOT / math.sqrt(len(SCORE_Q))

GPT2 = PUBLISHED_CONFIGS["GPT-2 small"]

# Measured by lesson 05 on the shipped model (tests/lessons/test_lesson05.py re-measures them):
AGREEMENT_HEADS = ((1, 0), (1, 1), (0, 3))  # the three heads whose removal lowers the number share most
HIDDEN_AGREEMENT_HEAD = (0, 3)  # ...of which this one hardly looks at the subject noun


@exercise("05.scaled_score", solution=SCALED_SCORE, explanation=later("ex05.scaled_score.why"), typical_wrong=SCORE_DOT)
def scaled_score(answer: object) -> str | None:
    """The scaled score of q = (1, 2, 0, 1) against k = (2, 0, 1, 2)."""
    value = number_or_none(answer)
    if value is None:
        return msg("ex05.one_number")
    if math.isclose(value, SCALED_SCORE, abs_tol=1e-3):
        return None
    if math.isclose(value, SCORE_DOT, abs_tol=1e-3):
        return msg("ex05.scaled_score.unscaled")
    if math.isclose(value, SCORE_DOT / len(SCORE_Q), abs_tol=1e-3):
        return msg("ex05.scaled_score.by_d")
    return msg("ex05.scaled_score.hint")


@exercise("05.head_width", solution=GPT2.d_head, explanation=later("ex05.head_width.why", d_model=GPT2.d_model,
          n_heads=GPT2.n_heads, d_head=GPT2.d_head), typical_wrong=GPT2.d_model)
def head_width(answer: object) -> str | None:
    """d_head of GPT-2 small: d_model 768 split into 12 heads."""
    value = number_or_none(answer)
    if value is None:
        return msg("ex05.one_number")
    if value == GPT2.d_head:
        return None
    if value == GPT2.d_model:
        return msg("ex05.head_width.whole")
    return msg("ex05.head_width.hint")


@exercise("05.hidden_head", solution=list(HIDDEN_AGREEMENT_HEAD), explanation=later("ex05.hidden_head.why"),
          typical_wrong=[1, 0])
def hidden_head(answer: object) -> str | None:
    """Of the three heads agreement needs most, the one that hardly looks at the subject noun."""
    chosen = block_and_head(answer)
    if chosen is None:
        return msg("ex05.hidden_head.format")
    if chosen == HIDDEN_AGREEMENT_HEAD:
        return None
    if chosen in AGREEMENT_HEADS:
        return msg("ex05.hidden_head.the_other")
    return msg("ex05.hidden_head.hint")


# --- the code exercise: write attention ---


class ShownFunction:
    """A function that prints as its own source code (so ``solution(...)`` shows the code)."""

    def __init__(self, function: Callable) -> None:
        self.function = function
        self.source = inspect.getsource(function)

    def __call__(self, *args, **kwargs):
        return self.function(*args, **kwargs)

    def __str__(self) -> str:
        return "\n" + self.source

    __repr__ = __str__


def attention(q, k, v, mask=None):
    scores = q @ k.T / math.sqrt(q.shape[-1])  # (T_q, T_k): how well each query matches each key
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))  # before the softmax: masked keys get weight 0
    weights = torch.softmax(scores, dim=-1)  # along each row (one query): the row adds up to 1
    return weights @ v  # (T_q, d_v): each row a weighted average of the values


ATTENTION_SOLUTION = ShownFunction(attention)


def _masked(scores: torch.Tensor, mask: torch.Tensor | None, fill: float = float("-inf")) -> torch.Tensor:
    return scores if mask is None else scores.masked_fill(~mask, fill)


# The typical bugs, each computed on the same inputs: name → f(q, k, v, mask).
def _no_scale(q, k, v, mask=None):
    return torch.softmax(_masked(q @ k.T, mask), dim=-1) @ v


def _scale_by_d(q, k, v, mask=None):
    return torch.softmax(_masked(q @ k.T / q.shape[-1], mask), dim=-1) @ v


def _scale_by_length(q, k, v, mask=None):
    return torch.softmax(_masked(q @ k.T / math.sqrt(k.shape[0]), mask), dim=-1) @ v


def _wrong_axis(q, k, v, mask=None):
    return torch.softmax(_masked(q @ k.T / math.sqrt(q.shape[-1]), mask), dim=0) @ v


def _mask_after_softmax(q, k, v, mask=None):
    weights = torch.softmax(q @ k.T / math.sqrt(q.shape[-1]), dim=-1)
    return (weights if mask is None else weights * mask) @ v


def _mask_ignored(q, k, v, mask=None):
    return torch.softmax(q @ k.T / math.sqrt(q.shape[-1]), dim=-1) @ v


def _mask_with_zero(q, k, v, mask=None):
    return torch.softmax(_masked(q @ k.T / math.sqrt(q.shape[-1]), mask, 0.0), dim=-1) @ v


def _own_triangle(q, k, v, mask=None):
    scores = q @ k.T / math.sqrt(q.shape[-1])
    triangle = causal_mask(q.shape[0], k.shape[0])  # built here, so the given mask is never read
    return torch.softmax(scores if mask is None else scores.masked_fill(~triangle, float("-inf")), dim=-1) @ v


def _mask_inverted(q, k, v, mask=None):
    scores = q @ k.T / math.sqrt(q.shape[-1])
    return torch.softmax(scores if mask is None else scores.masked_fill(mask, float("-inf")), dim=-1) @ v


TYPICAL_BUGS: dict[str, Callable] = {  # checked in this order; the hint is ex05.attention.<name>
    "no_scale": _no_scale,
    "scale_by_d": _scale_by_d,
    "scale_by_length": _scale_by_length,
    "wrong_axis": _wrong_axis,
    "mask_after_softmax": _mask_after_softmax,
    "mask_ignored": _mask_ignored,
    "own_triangle": _own_triangle,
    "mask_with_zero": _mask_with_zero,
    "mask_inverted": _mask_inverted,
}

# (T_q, T_k, d, d_v, mask): square with a causal mask, without a mask, more keys than queries, and random
# True/False masks (square and with more keys than queries), which a function that builds its own
# triangle instead of reading the given mask gets wrong.
CASES = ((3, 3, 4, 2, "causal"), (5, 5, 8, 3, None), (6, 6, 16, 16, "causal"), (2, 6, 4, 5, None),
         (4, 4, 2, 3, "causal"), (5, 5, 4, 3, "random"), (3, 7, 4, 2, "random"))


def attention_cases(seed: int = 5) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor | None]]:
    """The checker's random inputs: (q, k, v, mask or None) for every shape of ``CASES``."""
    generator = torch.Generator().manual_seed(seed)
    cases = []
    for T_q, T_k, d, d_v, kind in CASES:
        q, k, v = (2 * torch.randn(rows, width, generator=generator)
                   for rows, width in ((T_q, d), (T_k, d), (T_k, d_v)))
        mask = None
        if kind == "causal":
            mask = causal_mask(T_q, T_k)
        elif kind == "random":
            mask = torch.rand(T_q, T_k, generator=generator) < 0.5
            mask[torch.arange(T_q), torch.randint(T_k, (T_q,), generator=generator)] = True  # every query reads one key
        cases.append((q, k, v, mask))
    return cases


def _describe(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None) -> str:
    shapes = msg("ex05.attention.shapes", q=tuple(q.shape), k=tuple(k.shape), v=tuple(v.shape))
    return shapes + (msg("ex05.attention.with_mask") if mask is not None else msg("ex05.attention.without_mask"))


def _as_tensor(value: object) -> torch.Tensor | None:
    try:
        tensor = torch.as_tensor(value, dtype=torch.float32)
    except Exception:  # a learner's function may return anything
        return None
    return tensor


def _same(a: torch.Tensor, b: torch.Tensor) -> bool:
    return a.shape == b.shape and torch.allclose(a, b, atol=1e-4, rtol=1e-4, equal_nan=True)


def _case_hint(function: Callable, q, k, v, mask) -> str | None:
    """None if ``function`` gets this case right, else the hint for what went wrong."""
    inputs = [x.clone() for x in (q, k, v)] + ([mask.clone()] if mask is not None else [])
    where = _describe(q, k, v, mask)
    try:
        returned = function(*inputs)
    except TypeError as error:
        if mask is not None and "argument" in str(error):
            return msg("ex05.attention.no_mask_argument", error=error)
        if mask is None and "NoneType" in str(error):
            return msg("ex05.attention.mask_none", error=error)
        return msg("ex05.attention.raised", kind=type(error).__name__, error=error, where=where)
    except Exception as error:  # the learner's code may fail in any way: say so kindly
        return msg("ex05.attention.raised", kind=type(error).__name__, error=error, where=where)
    if not all(torch.equal(a, b) for a, b in zip(inputs, (q, k, v))):
        return msg("ex05.attention.changed_inputs")
    if returned is None:
        return msg("ex05.attention.returns_nothing")
    output = _as_tensor(returned)
    if output is None:
        return msg("ex05.attention.not_a_tensor", kind=type(returned).__name__)
    expected = reference_attention(q, k, v, mask)
    if _same(output, expected):
        return None
    if tuple(output.shape) != tuple(expected.shape):
        if tuple(output.shape) == (q.shape[0], k.shape[0]):
            return msg("ex05.attention.returned_weights", where=where)
        return msg("ex05.attention.wrong_shape", got=tuple(output.shape), wanted=tuple(expected.shape), where=where)
    for name, bug in TYPICAL_BUGS.items():
        if _same(output, bug(q, k, v, mask)):
            return msg(f"ex05.attention.{name}")
    if torch.isnan(output).any():
        return msg("ex05.attention.nan", where=where)
    return msg("ex05.attention.hint", where=where)


@exercise("05.attention", solution=ATTENTION_SOLUTION, explanation=later("ex05.attention.why"),
          typical_wrong=_no_scale)
def attention_function(answer: object) -> str | None:
    """The learner's attention(q, k, v, mask=None) against the reference on every case."""
    if not callable(answer):
        return msg("ex05.attention.not_callable", kind=type(answer).__name__)
    for q, k, v, mask in attention_cases():
        hint = _case_hint(answer, q, k, v, mask)
        if hint is not None:
            return hint
    return None
