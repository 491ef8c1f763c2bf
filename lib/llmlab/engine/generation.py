"""The generation loop: predict the next token, sample it, append it, repeat."""

from __future__ import annotations

import torch

from llmlab.messages import msg
from llmlab.engine.model import GPT, KVCache
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, boolean, integer, kind_of, real, text, token_ids


def check_sampling(temperature: object, top_k: object) -> tuple[float, int | None]:
    """temperature: a finite number ≥ 0; top_k: None or a whole number ≥ 1."""
    temperature = real(temperature, "temperature", low=0)
    return temperature, None if top_k is None else integer(top_k, "top_k", low=1)


def check_model(model: object) -> GPT:
    """``model`` if it is an llmlab GPT."""
    if not isinstance(model, GPT):
        raise LlmlabTypeError(msg("generate.not_a_model", kind=kind_of(model)))
    return model


def sample_next(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    generator: torch.Generator | None = None,
) -> int:
    """Pick one token id from a vector of next-token scores.

    temperature 0 means "always the most likely token"; top_k keeps only the k best scores.
    """
    temperature, top_k = check_sampling(temperature, top_k)
    if not isinstance(logits, torch.Tensor) or logits.dim() != 1 or not logits.is_floating_point():
        raise LlmlabTypeError(msg("generate.bad_logits", kind=kind_of(logits)))
    best = logits.max()
    if torch.isnan(logits).any() or not torch.isfinite(best):
        raise LlmlabError(msg("generate.broken_scores"))
    if temperature == 0:
        return int(logits.argmax())
    scores = (logits - best) / temperature  # the best score becomes 0: no overflow at tiny temperatures
    if top_k is not None:
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
    check_model(model)
    if isinstance(prompt_ids, torch.Tensor) and prompt_ids.dim() == 2 and prompt_ids.shape[0] == 1:
        prompt_ids = prompt_ids[0]  # one sequence given as a batch of one
    prompt_ids = token_ids(prompt_ids, model.config.vocab_size, "prompt_ids")
    max_new_tokens = integer(max_new_tokens, "max_new_tokens", low=0)
    temperature, top_k = check_sampling(temperature, top_k)
    if stop_token is not None:
        stop_token = integer(stop_token, "stop_token", low=0, high=model.config.vocab_size - 1)
    use_cache = boolean(use_cache, "use_cache")
    seed = None if seed is None else integer(seed, "seed", low=0, high=2**64 - 1)
    if not prompt_ids:
        raise LlmlabError(msg("generate.empty_prompt"))
    context = model.config.context_length
    if len(prompt_ids) > context:
        raise LlmlabError(msg("model.too_long", n=len(prompt_ids), context=context))
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
    check_model(model)
    if not isinstance(tokenizer, Tokenizer):
        raise LlmlabTypeError(msg("generate.not_a_tokenizer", kind=kind_of(tokenizer)))
    prompt_ids = tokenizer.encode(text(prompt, "prompt"))
    if tokenizer.vocab_size != model.config.vocab_size:
        raise LlmlabError(msg("generate.vocab_mismatch", tokenizer=tokenizer.vocab_size, model=model.config.vocab_size))
    stop = tokenizer.eos_id if boolean(stop_at_eos, "stop_at_eos") else None
    new_ids = generate(model, prompt_ids, max_new_tokens, temperature, top_k, stop_token=stop, seed=seed)
    if new_ids and new_ids[-1] == tokenizer.eos_id:
        new_ids = new_ids[:-1]
    return tokenizer.decode(new_ids)
