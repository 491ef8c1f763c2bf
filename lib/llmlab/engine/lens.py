"""Looking inside a forward pass: hidden states layer by layer, the logit lens, attention what-ifs.

Hidden state 0 is the embeddings (``blocks.0.resid_pre``); hidden state i ≥ 1 is the one leaving
block i - 1 ("after block i - 1"). The logit lens reads next-token guesses straight off every layer's hidden state,
through the final LayerNorm and the unembedding, exactly as the model does after its last block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from llmlab.messages import msg
from llmlab.engine.model import GPT, causal_mask
from llmlab.engine.tokenizers import Tokenizer, UnknownTokenError
from llmlab.engine.trace import Trace, residual_name
from llmlab.engine.validate import (LlmlabError, check_model, check_temperature, check_tokenizer, float_tensor, integer,
                                    listing)
from llmlab.engine.validate import text as check_text


# ---------------------------------------------------------------------------
# Text → token ids a model can read
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelInput:
    """Token ids ready for the model, and how many tokens were dropped from the front."""

    ids: list[int]
    dropped: int


def encode_for_model(model: GPT, tokenizer: Tokenizer, text: str) -> ModelInput:
    """Encode ``text``, keeping only the last context_length tokens.

    Empty text raises ValueError; text with unknown words or characters raises
    :class:`UnknownTokenError` whose message names them.
    """
    check_tokenizer(tokenizer, "encode_for_model", check_model(model, "encode_for_model"))
    if not check_text(text, "text").strip():
        raise LlmlabError(msg("lens.empty_text"))
    try:
        ids = tokenizer.encode(text)
    except UnknownTokenError as error:
        raise UnknownTokenError(msg("lens.unknown_tokens", unknown=listing(error.unknown)), error.unknown) from None
    if not ids:
        raise LlmlabError(msg("lens.empty_text"))
    context = model.config.context_length
    return ModelInput(ids=ids[-context:], dropped=max(0, len(ids) - context))


# ---------------------------------------------------------------------------
# Hidden states and the logit lens
# ---------------------------------------------------------------------------


def hidden_states(trace: Trace, n_layers: int) -> torch.Tensor:
    """Every layer's hidden state, stacked: (n_layers + 1, T, d_model); index 0 = embeddings."""
    n_layers = integer(n_layers, "n_layers", low=0)
    try:
        return torch.stack([trace[residual_name(layer)] for layer in range(n_layers + 1)])
    except KeyError as error:  # the trace has fewer blocks than asked for
        raise LlmlabError(error.args[0]) from None


@torch.no_grad()
def lens_logits(model: GPT, trace: Trace) -> torch.Tensor:
    """Next-token scores read off every layer: (n_layers + 1, T, vocab).

    The last layer's scores are the model's own output.
    """
    model = check_model(model, "lens_logits")
    return model.logits_from_residual(hidden_states(trace, model.config.n_layers))


@dataclass(frozen=True)
class LogitLens:
    """Top guesses per layer and position: ``ids`` and ``probs`` are (n_layers + 1, T, top_k)."""

    ids: torch.Tensor
    probs: torch.Tensor


def logit_lens(model: GPT, trace: Trace, top_k: int = 3) -> LogitLens:
    """The ``top_k`` next-token guesses, with probabilities, at every layer for every position."""
    top_k = integer(top_k, "top_k", low=1)
    probs = torch.softmax(lens_logits(model, trace), dim=-1)
    top = probs.topk(min(top_k, probs.shape[-1]), dim=-1)
    return LogitLens(ids=top.indices, probs=top.values)


# ---------------------------------------------------------------------------
# Attention
# ---------------------------------------------------------------------------


def attention_patterns(trace: Trace, n_layers: int, temperature: float = 1.0) -> torch.Tensor:
    """Every head's attention weights: (n_layers, heads, T query, T key).

    ``temperature`` divides the scores before the softmax, a what-if for teaching: below 1
    sharpens each row, above 1 flattens it; the model itself always uses 1.
    """
    temperature = check_temperature(temperature, positive=True)
    if temperature == 1.0:
        return torch.stack([trace[f"blocks.{i}.attn.pattern"] for i in range(n_layers)])
    scores = torch.stack([trace[f"blocks.{i}.attn.scores"] for i in range(n_layers)])
    T = scores.shape[-1]
    mask = causal_mask(T, T, device=scores.device)
    return torch.softmax((scores / temperature).masked_fill(~mask, -math.inf), dim=-1)


def most_read(row: torch.Tensor, top_k: int = 3) -> list[tuple[int, float]]:
    """The key positions one query row gives the most weight to, as (position, weight), largest first."""
    row, top_k = float_tensor(row, "row", dims=1), integer(top_k, "top_k", low=1)
    top = row.topk(min(top_k, row.shape[-1]))
    return [(int(i), float(w)) for i, w in zip(top.indices, top.values) if w > 0]
