"""Counting parameters: per component from a built model, or by formula from a config alone.

The formula needs no weights at all, so GPT-3-sized configs are counted without allocating them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch
from torch import nn

from llmlab.engine.config import GPTConfig
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.validate import LlmlabError, check_config, check_model, integer, real, shown

COMPONENTS = ("token embedding", "position embedding", "attention", "MLP", "LayerNorm", "unembedding")

# Published configurations (Radford et al. 2019, GPT-2; Brown et al. 2020, GPT-3, Table 2.1).
# GPT-2 and GPT-3 use biases, tied input/output embeddings and a 50,257-token vocabulary.
PUBLISHED_CONFIGS: dict[str, GPTConfig] = {
    "GPT-2 small": GPTConfig(vocab_size=50257, context_length=1024, d_model=768, n_heads=12, n_layers=12),
    "GPT-2 medium": GPTConfig(vocab_size=50257, context_length=1024, d_model=1024, n_heads=16, n_layers=24),
    "GPT-2 large": GPTConfig(vocab_size=50257, context_length=1024, d_model=1280, n_heads=20, n_layers=36),
    "GPT-2 XL": GPTConfig(vocab_size=50257, context_length=1024, d_model=1600, n_heads=25, n_layers=48),
    "GPT-3 175B": GPTConfig(vocab_size=50257, context_length=2048, d_model=12288, n_heads=96, n_layers=96),
}


def component_of(name: str) -> str:
    """Which component a parameter belongs to, from its name in ``GPT.named_parameters()``."""
    if name.startswith("token_embedding"):
        return "token embedding"
    if name.startswith("position_embedding"):
        return "position embedding"
    if ".attn." in name:
        return "attention"
    if ".mlp." in name:
        return "MLP"
    if "ln_" in name:
        return "LayerNorm"
    if name.startswith("unembed"):
        return "unembedding"
    raise LlmlabError(msg("params.unknown_component", name=shown(name)))


def count_parameters(model: nn.Module) -> dict[str, int]:
    """Learned numbers per component of a GPT, counting a tied (shared) matrix once."""
    model = check_model(model, "count_parameters")
    counts = dict.fromkeys(COMPONENTS, 0)
    for name, param in model.named_parameters():  # shared tensors are listed once
        counts[component_of(name)] += param.numel()
    return counts


def formula_parameters(config: GPTConfig) -> dict[str, int]:
    """The same counts by arithmetic on the config."""
    check_config(config, "formula_parameters")
    d, b = config.d_model, int(config.bias)
    attention = 4 * (d * d + b * d)  # W_Q, W_K, W_V, W_O (+ their biases)
    mlp = d * config.d_mlp + b * config.d_mlp + config.d_mlp * d + b * d
    layernorm = 2 * d + 2 * b * d  # gains (+ shifts) of one LayerNorm
    return {
        "token embedding": config.vocab_size * d,
        "position embedding": config.context_length * d,
        "attention": config.n_layers * attention,
        "MLP": config.n_layers * mlp,
        "LayerNorm": config.n_layers * layernorm + layernorm // 2,  # two per block + the final one
        "unembedding": 0 if config.tied_embeddings else d * config.vocab_size,
    }


INITIALISERS = ("normal_", "uniform_", "kaiming_uniform_", "zeros_", "ones_")


@contextlib.contextmanager
def initialisers_skipped() -> Iterator[None]:
    """Make torch's weight initialisers do nothing, for building a model on the "meta" device.

    Meta tensors hold no numbers, so there is nothing to initialise; torch still runs its slow
    reference code for every ``normal_`` call (GPT-3: about a second of its construction).
    """
    kept = {name: getattr(nn.init, name) for name in INITIALISERS}
    for name in INITIALISERS:
        setattr(nn.init, name, lambda tensor, *args, **kwargs: tensor)
    try:
        yield
    finally:
        for name, initialiser in kept.items():
            setattr(nn.init, name, initialiser)


def count_without_weights(config: GPTConfig) -> dict[str, int]:
    """Build the model on PyTorch's "meta" device (shapes, no memory) and count it."""
    check_config(config, "count_without_weights")
    with torch.device("meta"), initialisers_skipped():
        model = GPT(config)
    return count_parameters(model)


def total(counts: dict[str, int]) -> int:
    return sum(counts.values())


def memory_bytes(n_parameters: int, bytes_per_number: int = 4) -> int:
    """Memory the weights alone take: 4 bytes each in float32, 2 in bfloat16."""
    n_parameters = integer(n_parameters, "n_parameters", low=0)
    bytes_per_number = real(bytes_per_number, "bytes_per_number", low=0, low_open=True)
    return n_parameters * bytes_per_number
