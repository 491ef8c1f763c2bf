"""The generation loop taken apart: the next-token distribution, and one printable record per step.

``generation.generate`` runs the loop fast; this module shows what each step does. Both choose
tokens with the same ``generation.sample_next``, so with the same seed they pick the same tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from llmlab.engine.generation import check_generation, sample_next
from llmlab.engine.model import GPT
from llmlab.engine.validate import check_ids, check_logits, check_model, check_temperature, check_top_k, integer


def probabilities(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = None) -> torch.Tensor:
    """The distribution ``sample_next`` draws from: softmax(logits / temperature) over the top_k best.

    Temperature 0 puts all probability on the best token (greedy).
    """
    logits = check_logits(logits)
    temperature, top_k = check_temperature(temperature), check_top_k(top_k, logits.numel())
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
    ids = check_ids(check_model(model, "next_token_logits"), ids)
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
    model = check_model(model, "next_token_distribution")
    temperature, top_k = check_temperature(temperature), check_top_k(top_k, model.config.vocab_size)
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
    model, tokens, max_new_tokens, temperature, top_k, stop_token, seed = check_generation(
        "generation_steps", model, prompt_ids, max_new_tokens, temperature, top_k, stop_token, seed)
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
