"""The generation loop: predict the next token, sample it, append it, repeat."""

from __future__ import annotations

import torch

from .messages import msg
from .model import GPT, KVCache
from .tokenizers import Tokenizer


def sample_next(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    generator: torch.Generator | None = None,
) -> int:
    """Pick one token id from a vector of next-token scores.

    temperature 0 means "always the most likely token"; top_k keeps only the k best scores.
    """
    if temperature < 0:
        raise ValueError(msg("generate.bad_temperature", temperature=temperature))
    if temperature == 0:
        return int(logits.argmax())
    scores = logits / temperature
    if top_k is not None:
        if top_k < 1:
            raise ValueError(msg("generate.bad_top_k", top_k=top_k))
        kth_best = torch.topk(scores, min(top_k, scores.numel())).values[-1]
        scores = scores.masked_fill(scores < kth_best, float("-inf"))
    probs = torch.softmax(scores, dim=-1)
    return int(torch.multinomial(probs, 1, generator=generator))


@torch.no_grad()
def generate(
    model: GPT,
    prompt_ids: list[int],
    max_new_tokens: int = 30,
    temperature: float = 1.0,
    top_k: int | None = None,
    stop_token: int | None = None,
    use_cache: bool = True,
    seed: int | None = 0,
) -> list[int]:
    """Continue ``prompt_ids``; return only the new tokens (the stop token included if reached).

    Stops at ``stop_token``, after ``max_new_tokens``, or when the context is full.
    With ``use_cache`` each step feeds only the newest token and reuses the keys and values
    of earlier positions, which the causal mask guarantees never change.
    """
    if not prompt_ids:
        raise ValueError(msg("generate.empty_prompt"))
    context = model.config.context_length
    if len(prompt_ids) > context:
        raise ValueError(msg("model.too_long", n=len(prompt_ids), context=context))
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    was_training = model.training
    model.eval()
    tokens = list(prompt_ids)
    new_tokens: list[int] = []
    cache = KVCache() if use_cache else None
    pending = tokens
    try:
        for _ in range(max_new_tokens):
            if len(tokens) >= context:
                break
            feed = pending if use_cache else tokens
            idx = torch.tensor([feed], dtype=torch.long, device=model.device)
            logits, _ = model(idx, cache=cache)
            token = sample_next(logits[0, -1].float().cpu(), temperature, top_k, generator)
            tokens.append(token)
            new_tokens.append(token)
            pending = [token]
            if token == stop_token:
                break
    finally:
        model.train(was_training)
    return new_tokens


def complete(
    model: GPT,
    tokenizer: Tokenizer,
    prompt: str,
    max_new_tokens: int = 30,
    temperature: float = 1.0,
    top_k: int | None = None,
    seed: int | None = 0,
    stop_at_eos: bool = True,
) -> str:
    """Text in, text out: encode ``prompt``, generate (until the end token), decode the new part."""
    prompt_ids = tokenizer.encode(prompt)
    stop = tokenizer.eos_id if stop_at_eos else None
    new_ids = generate(model, prompt_ids, max_new_tokens, temperature, top_k, stop_token=stop, seed=seed)
    if new_ids and new_ids[-1] == tokenizer.eos_id:
        new_ids = new_ids[:-1]
    return tokenizer.decode(new_ids)
