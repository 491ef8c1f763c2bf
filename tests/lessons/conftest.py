"""Fixtures shared by the tests of lessons 07 and 08: lesson 08's kind targets and block 0's MLP activations."""

import pytest

from llmlab.studies.neuron_probe import mlp_activations
from llmlab.toy.kinds import kind_targets


@pytest.fixture(scope="module")
def data(shipped, corpus):
    """Kind targets of the first 150 validation lines, as lesson 08 makes them."""
    model, tokenizer = shipped
    return kind_targets(corpus[1][:150], tokenizer, model.config.context_length)


@pytest.fixture(scope="module")
def acts(shipped, data):
    """Block 0's MLP activations on ``data``."""
    return mlp_activations(shipped[0], data, 0)
