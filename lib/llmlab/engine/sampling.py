"""The generation loop taken apart: the next-token distribution, and one printable record per step.

``generation.generate`` runs the loop fast; this module shows what each step does. Both choose
tokens with the same ``generation.sample_next``, so with the same seed they pick the same tokens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from llmlab.engine.generation import sample_next
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.validate import integer

MAX_TEMPERATURE = 10.0


def check_temperature(temperature: object, allow_zero: bool = True) -> float:
    """A finite number, 0 (greedy) or more, at most MAX_TEMPERATURE; else a ValueError naming the range."""
    key = "sampling.bad_temperature" if allow_zero else "sampling.bad_temperature_positive"
    try:
        value = float(temperature)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(msg(key, value=temperature, high=MAX_TEMPERATURE)) from None
    if isinstance(temperature, bool) or not math.isfinite(value) or value > MAX_TEMPERATURE:
        raise ValueError(msg(key, value=temperature, high=MAX_TEMPERATURE))
    if value < 0 or (value == 0 and not allow_zero):
        raise ValueError(msg(key, value=temperature, high=MAX_TEMPERATURE))
    return value


def check_top_k(top_k: object, vocab_size: int) -> int | None:
    """None (keep every token) or a whole number from 1 to ``vocab_size``."""
    if top_k is None:
        return None
    whole = isinstance(top_k, int) and not isinstance(top_k, bool)
    if not whole and isinstance(top_k, float) and top_k.is_integer():
        whole, top_k = True, int(top_k)
    if not whole or not 1 <= int(top_k) <= vocab_size:  # type: ignore[arg-type]
        raise ValueError(msg("sampling.bad_top_k", value=top_k, high=vocab_size))
    return int(top_k)  # type: ignore[arg-type]


def check_ids(model: GPT, ids: object) -> list[int]:
    """Token ids as a list: at least one, each a valid id, no more than the context holds."""
    if not isinstance(model, GPT):
        raise TypeError(msg("sampling.not_a_model", kind=type(model).__name__))
    try:
        values = [int(i) for i in torch.as_tensor(ids).reshape(-1).tolist()]
    except (TypeError, ValueError, RuntimeError):
        raise ValueError(msg("sampling.bad_ids", vocab=model.config.vocab_size)) from None
    if not values:
        raise ValueError(msg("generate.empty_prompt"))
    if min(values) < 0 or max(values) >= model.config.vocab_size:
        raise ValueError(msg("sampling.bad_ids", vocab=model.config.vocab_size))
    if len(values) > model.config.context_length:
        raise ValueError(msg("model.too_long", n=len(values), context=model.config.context_length))
    return values


def probabilities(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = None) -> torch.Tensor:
    """The distribution ``sample_next`` draws from: softmax(logits / temperature) over the top_k best.

    Temperature 0 puts all probability on the best token (greedy).
    """
    if not isinstance(logits, torch.Tensor) or logits.dim() != 1 or not logits.is_floating_point():
        raise TypeError(msg("sampling.bad_logits", kind=type(logits).__name__))
    temperature = check_temperature(temperature)
    top_k = check_top_k(top_k, logits.numel())
    if temperature == 0:
        return torch.nn.functional.one_hot(logits.argmax(), logits.numel()).to(logits.dtype)
    scores = (logits - logits.max()) / temperature
    if top_k is not None:
        kth_best = torch.topk(scores, top_k).values[-1]
        scores = scores.masked_fill(scores < kth_best, float("-inf"))
    return torch.softmax(scores, dim=-1)


@torch.no_grad()
def next_token_logits(model: GPT, ids: list[int]) -> torch.Tensor:
    """One forward pass over ``ids``; the scores (vocab,) for the token after the last one."""
    ids = check_ids(model, ids)
    with model.evaluating():
        logits, _ = model(torch.tensor([ids], dtype=torch.long, device=model.device))
    return logits[0, -1].float().cpu()


@dataclass
class NextToken:
    """What the model says could come next: raw scores, the distribution sampled from, the greedy choice."""

    logits: torch.Tensor  # (vocab,)
    probs: torch.Tensor  # (vocab,) after temperature and top-k
    greedy: int  # the single most likely token (argmax): what temperature 0 always picks

    def top(self, n: int) -> list[tuple[int, float]]:
        """The ``n`` most probable tokens as (id, probability), best first."""
        values, ids = torch.topk(self.probs, min(n, self.probs.numel()))
        return list(zip(ids.tolist(), values.tolist()))


def next_token_distribution(model: GPT, ids: list[int], temperature: float = 1.0,
                            top_k: int | None = None) -> NextToken:
    """The next-token distribution after ``ids`` at this temperature and top-k."""
    temperature = check_temperature(temperature)
    top_k = check_top_k(top_k, model.config.vocab_size if isinstance(model, GPT) else 1)
    logits = next_token_logits(model, ids)
    return NextToken(logits, probabilities(logits, temperature, top_k), int(logits.argmax()))


@dataclass(frozen=True)
class GenerationStep:
    """One turn of the loop: what the model read, what it proposed, what was chosen, and why it stopped."""

    context: tuple[int, ...]  # every token the model read at this step
    candidates: tuple[tuple[int, float], ...]  # the most probable next tokens (id, probability)
    chosen: int
    probability: float  # of the chosen token, under the distribution it was drawn from
    stop: str | None  # "stop_token", "limit", "context" or None (the loop goes on)


def generation_steps(
    model: GPT,
    prompt_ids: list[int],
    max_new_tokens: int = 30,
    temperature: float = 1.0,
    top_k: int | None = None,
    stop_token: int | None = None,
    seed: int | None = 0,
    n_candidates: int = 3,
) -> list[GenerationStep]:
    """``generate`` without a cache, recording every step: predict, choose, append, repeat.

    Uses the same chooser (``sample_next``) and seeding as ``generate``, so it picks the same tokens
    as ``generate(..., use_cache=False)`` with the same arguments.
    """
    tokens = check_ids(model, prompt_ids)
    temperature = check_temperature(temperature)
    top_k = check_top_k(top_k, model.config.vocab_size)
    if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, int) or max_new_tokens < 1:
        raise ValueError(msg("sampling.bad_max_new_tokens", value=max_new_tokens))
    if stop_token is not None:
        stop_token = integer(stop_token, "stop_token", low=0, high=model.config.vocab_size - 1)
    seed = None if seed is None else integer(seed, "seed", low=0, high=2**63 - 1)
    n_candidates = integer(n_candidates, "n_candidates", low=1)
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    context = model.config.context_length
    steps: list[GenerationStep] = []
    for step in range(max_new_tokens):
        if len(tokens) >= context:
            break
        logits = next_token_logits(model, tokens)
        probs = probabilities(logits, temperature, top_k)
        chosen = sample_next(logits, temperature, top_k, generator)
        candidates = NextToken(logits, probs, int(logits.argmax())).top(n_candidates)
        if chosen == stop_token:
            stop = "stop_token"
        elif step == max_new_tokens - 1:
            stop = "limit"
        elif len(tokens) + 1 >= context:
            stop = "context"
        else:
            stop = None
        steps.append(GenerationStep(tuple(tokens), tuple(candidates), chosen, float(probs[chosen]), stop))
        tokens.append(chosen)
        if stop is not None:
            break
    return steps
