"""The generation loop: predict the next token, sample it, append it, repeat."""

from __future__ import annotations

import torch

from llmlab.engine.model import GPT, KVCache
from llmlab.engine.validate import LlmlabError
from llmlab.messages import msg
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import (boolean, check_ids, check_logits, check_model, check_seed, check_temperature,
                                    check_tokenizer, check_top_k, integer, text)


def check_generation(function: str, model: object, prompt_ids: object, max_new_tokens: object, temperature: object,
                     top_k: object, stop_token: object, seed: object
                     ) -> tuple[GPT, list[int], int, float, int | None, int | None, int | None]:
    """The arguments ``generate`` and ``sampling.generation_steps`` share, checked once for both (so the
    two accept and refuse exactly the same values): the model, the prompt (1 to context_length ids),
    max_new_tokens ≥ 1, the temperature, top_k, the stop token (None or an id) and the seed (None or one)."""
    model = check_model(model, function)
    vocab_size = model.config.vocab_size
    prompt_ids = check_ids(model, prompt_ids, "prompt_ids")
    max_new_tokens = integer(max_new_tokens, "max_new_tokens", low=1)
    if len(prompt_ids) >= model.config.context_length:  # no room left: it would return [] without a word
        raise LlmlabError(msg("generate.context_full", n=len(prompt_ids), context=model.config.context_length))
    temperature, top_k = check_temperature(temperature), check_top_k(top_k, vocab_size)
    if stop_token is not None:
        stop_token = integer(stop_token, "stop_token", low=0, high=vocab_size - 1)
    seed = None if seed is None else check_seed(seed)
    return model, prompt_ids, max_new_tokens, temperature, top_k, stop_token, seed


def sample_next(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    generator: torch.Generator | None = None,
) -> int:
    """Pick one token id from a vector of next-token scores.

    temperature 0 means "always the most likely token"; top_k keeps only the k best scores.
    """
    logits = check_logits(logits)
    temperature, top_k = check_temperature(temperature), check_top_k(top_k, logits.numel())
    if temperature == 0:
        return int(logits.argmax())
    scores = (logits - logits.max()) / temperature  # the best score becomes 0: no overflow at tiny temperatures
    if top_k is not None:
        kth_best = torch.topk(scores, top_k).values[-1]
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
    model, prompt_ids, max_new_tokens, temperature, top_k, stop_token, seed = check_generation(
        "generate", model, prompt_ids, max_new_tokens, temperature, top_k, stop_token, seed)
    use_cache = boolean(use_cache, "use_cache")
    context = model.config.context_length
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
    tokenizer = check_tokenizer(tokenizer, "complete", check_model(model, "complete"))
    prompt_ids = tokenizer.encode(text(prompt, "prompt"))
    stop = tokenizer.eos_id if boolean(stop_at_eos, "stop_at_eos") else None
    new_ids = generate(model, prompt_ids, max_new_tokens, temperature, top_k, stop_token=stop, seed=seed)
    if new_ids and new_ids[-1] == tokenizer.eos_id:
        new_ids = new_ids[:-1]
    return tokenizer.decode(new_ids)
