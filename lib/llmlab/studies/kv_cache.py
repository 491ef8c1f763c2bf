"""The KV cache measured: same scores as without it, time per new token, memory by formula.

Three ways to get the next-token scores at every position of one text:

* ``logits_one_pass``: the whole text in one forward pass (how training and the prompt run);
* ``logits_prefix_by_prefix``: a fresh pass over each prefix, keeping its last row;
* ``logits_with_cache``: one token per pass, reusing the keys and values already computed.

With the causal mask all three agree up to rounding: a position never reads later ones.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence

import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.device import one_torch_thread
from llmlab.messages import msg
from llmlab.engine.model import GPT, KVCache
from llmlab.engine.validate import (LlmlabError, boolean, check_config, check_ids, check_instance, check_model,
                                    check_seed, integer, whole_numbers)


@torch.no_grad()
def logits_one_pass(model: GPT, ids: Sequence[int]) -> torch.Tensor:
    """Scores (T, vocab) of every position from one forward pass over the whole text."""
    ids = check_ids(check_model(model, "logits_one_pass"), ids)
    with model.evaluating():
        logits, _ = model(torch.tensor([ids], device=model.device))
    return logits[0]


@torch.no_grad()
def logits_prefix_by_prefix(model: GPT, ids: Sequence[int]) -> torch.Tensor:
    """Scores (T, vocab): row t from a separate pass that sees only tokens 0..t."""
    ids = check_ids(check_model(model, "logits_prefix_by_prefix"), ids)
    with model.evaluating():
        rows = [model(torch.tensor([ids[: t + 1]], device=model.device))[0][0, -1] for t in range(len(ids))]
    return torch.stack(rows)


@torch.no_grad()
def logits_with_cache(model: GPT, ids: Sequence[int]) -> torch.Tensor:
    """Scores (T, vocab): one token per pass, earlier keys and values taken from a ``KVCache``."""
    ids = check_ids(check_model(model, "logits_with_cache"), ids)
    cache = KVCache()
    with model.evaluating():
        rows = [model(torch.tensor([[token]], device=model.device), cache=cache)[0][0, -1] for token in ids]
    return torch.stack(rows)


def cache_numbers(cache: KVCache) -> int:
    """How many numbers a filled cache holds (keys and values of every block)."""
    cache = check_instance(cache, KVCache, "cache", "KVCache()")
    return sum(t.numel() for t in [*cache.keys, *cache.values] if t is not None)


def kv_cache_bytes(config: GPTConfig, bytes_per_number: int = 2, tokens: int | None = None) -> int:
    """Memory of one sequence's cache: 2 (keys and values) × blocks × tokens × d_model × bytes.

    ``tokens`` defaults to the full context. 2 bytes per number is fp16/bf16, 4 is fp32.
    """
    config = check_config(config, "kv_cache_bytes")
    bytes_per_number = integer(bytes_per_number, "bytes_per_number")
    if bytes_per_number not in (1, 2, 4, 8):
        raise LlmlabError(msg("kv_cache.bad_bytes", value=bytes_per_number))
    tokens = config.context_length if tokens is None else integer(tokens, "tokens", low=1, high=config.context_length)
    return 2 * config.n_layers * tokens * config.d_model * bytes_per_number


@torch.no_grad()
def step_seconds(model: GPT, length: int, use_cache: bool, repeats: int = 5, seed: int = 0) -> float:
    """Median processor time (of ``repeats``) to get the scores of token number ``length`` after ``length - 1`` tokens.

    Processor time (``time.process_time``) counts only the time this program ran, not the time other
    programs took the processor from it, and the median ignores the odd disturbed repeat: on a busy
    classroom server the numbers then change little.

    Without a cache the model reruns all ``length`` tokens; with one it runs only the newest token
    over the cached keys and values of the others (filling the cache is not timed).
    """
    model = check_model(model, "step_seconds")
    length = integer(length, "length", low=1, high=model.config.context_length)
    use_cache, repeats = boolean(use_cache, "use_cache"), integer(repeats, "repeats", low=1)
    generator = torch.Generator().manual_seed(check_seed(seed))
    ids = torch.randint(model.config.vocab_size, (1, length), generator=generator).to(model.device)
    times = []
    with model.evaluating():
        filled = KVCache()
        if use_cache and length > 1:
            model(ids[:, :-1], cache=filled)  # the earlier tokens' keys and values, computed once
        for _ in range(repeats):
            if use_cache:
                cache = KVCache(list(filled.keys), list(filled.values))  # extend() never changes these tensors
                start = time.process_time()
                model(ids[:, -1:], cache=cache)
            else:
                start = time.process_time()
                model(ids)
            times.append(time.process_time() - start)
    return statistics.median(times)


def step_times(model: GPT, lengths: Sequence[int], repeats: int = 5) -> dict[str, list[float]]:
    """Median processor seconds per new token at each length, with and without the cache, on one torch thread
    (one thread: the time does not depend on how many cores are free)."""
    model = check_model(model, "step_times")
    lengths = whole_numbers(lengths, "lengths", low=1)  # each also checked against the context by step_seconds
    with one_torch_thread():
        return {
            "without cache": [step_seconds(model, n, use_cache=False, repeats=repeats) for n in lengths],
            "with cache": [step_seconds(model, n, use_cache=True, repeats=repeats) for n in lengths],
        }

