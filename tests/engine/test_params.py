"""Parameter counting: the closed formula equals torch's count for any config."""

import random

import pytest

from llmlab.engine.config import GPTConfig
from llmlab.engine.model import GPT
from llmlab.engine.params import (
    PUBLISHED_CONFIGS,
    count_parameters,
    count_without_weights,
    formula_parameters,
    memory_bytes,
    total,
)


def random_configs(n: int) -> list[GPTConfig]:
    rng = random.Random(0)
    configs = []
    for _ in range(n):
        heads = rng.choice([1, 2, 4])
        configs.append(
            GPTConfig(
                vocab_size=rng.randint(2, 300),
                context_length=rng.randint(1, 64),
                d_model=heads * rng.randint(1, 12),
                n_heads=heads,
                n_layers=rng.randint(1, 4),
                d_mlp=rng.randint(1, 100),
                bias=rng.random() < 0.5,
                tied_embeddings=rng.random() < 0.5,
            )
        )
    return configs


@pytest.mark.parametrize("config", random_configs(40))
def test_formula_matches_torch(config):
    model = GPT(config)
    by_torch = sum(p.numel() for p in model.parameters())
    assert total(formula_parameters(config)) == by_torch
    assert formula_parameters(config) == count_parameters(model)


def test_published_gpt2_small_count():
    # GPT-2 small: 124,439,808 parameters with tied embeddings.
    assert total(formula_parameters(PUBLISHED_CONFIGS["GPT-2 small"])) == 124_439_808


def test_gpt3_counts_without_allocating():
    config = PUBLISHED_CONFIGS["GPT-3 175B"]
    counts = count_without_weights(config)  # meta device: would need ~700 GB otherwise
    assert counts == formula_parameters(config)
    assert 174e9 < total(counts) < 176e9


def test_memory():
    assert memory_bytes(1_000, 4) == 4_000 and memory_bytes(1_000, 2) == 2_000


def test_counting_what_is_not_a_gpt_is_refused_in_the_learners_language():
    import llmlab
    from torch import nn

    from llmlab.errors import LlmlabTypeError

    llmlab.set_language("ja")
    try:
        with pytest.raises(LlmlabTypeError, match="count_parameters には llmlab の GPT モデル"):
            count_parameters(nn.Linear(3, 3))
    finally:
        llmlab.set_language("en")
    with pytest.raises(LlmlabTypeError, match="count_parameters needs an llmlab GPT model .* not Linear"):
        count_parameters(nn.Linear(3, 3))
