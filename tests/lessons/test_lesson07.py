"""Lesson 07's engine and exercises: one block opened, the residual stream as a sum, what travels
between blocks; and bad input to the helpers of lessons 07 and 08 (lesson 08's own tests: test_lesson08.py)."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
import torch.nn.functional as F

from llmlab.engine.edits import patch
from llmlab.toy.kinds import kind_targets, losses_by_kind
from llmlab.studies.knowledge import ablation, knowledge_table, part
from llmlab.studies.neuron_probe import (
    direction,
    example_context,
    mlp_activations,
    random_directions,
    selectivity,
    top_examples,
)
from llmlab.studies.residual import (
    BLOCK_STEPS,
    layer_norm_by_hand,
    open_block,
    qkv_from_hidden_state,
    residual_parts,
    run_block,
    sum_of_parts,
)
from llmlab.engine.validate import LlmlabError

from bad_input import ANYTHING, fuzz, outcome

VECTORS = st.sampled_from([torch.ones(128), -torch.arange(128.0), torch.zeros(128), torch.ones(5),
                           torch.full((128,), float("nan")), torch.tensor(3.0), [0.5, 2.0]])

SENTENCE = "EN: the cat near the cars sleeps in the house JA:"
OTHER = "EN: the big dogs eat in the park JA: 大きい 犬"  # the same number of tokens


@pytest.fixture(scope="module")
def traced(shipped):
    model, tokenizer = shipped
    ids = tokenizer.encode(SENTENCE)
    logits, trace = model.run_with_trace(ids)
    return ids, logits, trace


# --- one block opened ---


def test_layer_norm_by_hand_equals_torch(shipped, traced):
    model, _ = shipped
    x = traced[2]["blocks.0.resid_pre"]
    norm = model.blocks[0].ln_attn
    assert torch.allclose(layer_norm_by_hand(x, norm), norm(x).detach(), atol=1e-5)
    expected = F.layer_norm(x, (x.shape[-1],), norm.weight, norm.bias, norm.eps)
    assert torch.allclose(layer_norm_by_hand(x, norm), expected, atol=1e-5)


@pytest.mark.parametrize("block", [0, 1, 2])
def test_a_block_is_its_two_residual_additions(shipped, traced, block):
    """Lesson 07, section 1: x + attention(LN(x)), then + MLP(LN(.)), by hand; "neither difference reaches 10⁻⁵"."""
    model, _ = shipped
    trace, layer = traced[2], model.blocks[block]
    with torch.no_grad():
        stream = trace[f"blocks.{block}.resid_pre"]
        after_attention = stream + layer.attn(layer.ln_attn(stream)[None])[0]
        after_mlp = after_attention + layer.mlp(layer.ln_mlp(after_attention))
    assert (after_attention - trace[f"blocks.{block}.resid_mid"]).abs().max() < 1e-5
    assert (after_mlp - trace[f"blocks.{block}.resid_post"]).abs().max() < 1e-5


@pytest.mark.parametrize("block", [0, 1, 2])
def test_every_step_of_a_block_by_hand_equals_the_trace(shipped, traced, block):
    model, _ = shipped
    steps = open_block(model, traced[2], block)
    assert list(steps) == list(BLOCK_STEPS)
    for name, value in steps.items():
        assert torch.allclose(value, traced[2][f"blocks.{block}.{name}"], atol=1e-5), name


def test_the_final_hidden_state_is_the_sum_of_its_parts(shipped, traced):
    model, _ = shipped
    parts = residual_parts(traced[2], model.config.n_layers)
    assert len(parts) == 2 + 2 * model.config.n_layers
    final = traced[2][f"blocks.{model.config.n_layers - 1}.resid_post"]
    assert (sum_of_parts(parts) - final.double()).abs().max() < 1e-5


def test_block_1_qkv_come_from_the_hidden_state_after_block_0(shipped, traced):
    model, _ = shipped
    for block in range(model.config.n_layers):
        recomputed = qkv_from_hidden_state(model, traced[2], block)
        for part_name, value in recomputed.items():
            assert torch.allclose(value, traced[2][f"blocks.{block}.attn.{part_name}"], atol=1e-5)


def test_a_block_run_alone_on_its_input_gives_its_output(shipped, traced):
    model, _ = shipped
    for block in range(model.config.n_layers):
        alone = run_block(model, block, traced[2][f"blocks.{block}.resid_pre"])
        assert torch.allclose(alone, traced[2][f"blocks.{block}.resid_post"], atol=1e-5)


def test_patching_the_hidden_state_replaces_everything_block_1_sees(shipped, traced):
    model, tokenizer = shipped
    other = tokenizer.encode(OTHER)
    assert len(other) == len(traced[0])
    other_logits, other_trace = model.run_with_trace(other)
    patched, _ = model.run_with_trace(traced[0], edits={"blocks.1.resid_pre": patch(other_trace["blocks.1.resid_pre"])})
    assert torch.allclose(patched, other_logits, atol=1e-5)


# --- bad input gets llmlab's own message naming the range ---


@pytest.mark.parametrize("call, match", [
    (lambda m, t, d, a: open_block(m, t, 3), "blocks 0 to 2"),
    (lambda m, t, d, a: open_block("model", t, 0), "GPT model"),
    (lambda m, t, d, a: open_block(m, {"x": 1}, 0), "trace"),
    (lambda m, t, d, a: qkv_from_hidden_state(m, t, -1), "blocks 0 to 2"),
    (lambda m, t, d, a: run_block(m, 0, torch.zeros(3, 5)), r"\(T, 64\)"),
    (lambda m, t, d, a: run_block(m, 0, torch.zeros(40, 64)), "1 to 32"),
    (lambda m, t, d, a: run_block(m, 0, torch.full((3, 64), float("nan"))), "finite|NaN"),
    (lambda m, t, d, a: layer_norm_by_hand(torch.zeros(2, 5), m.blocks[0].ln_attn), "64"),
    (lambda m, t, d, a: layer_norm_by_hand(torch.zeros(2, 64), m.blocks[0].mlp.fc_in), "LayerNorm"),
    (lambda m, t, d, a: residual_parts(t, 5), "blocks.3"),
    (lambda m, t, d, a: kind_targets([], None, 32), "no lines"),
    (lambda m, t, d, a: kind_targets("ken has", None, 32), "list of texts"),
    (lambda m, t, d, a: kind_targets(["ken has the red ball"], "tok", 32), "tokenizer"),
    (lambda m, t, d, a: losses_by_kind(m, "lines"), "kind_targets"),
    (lambda m, t, d, a: knowledge_table(m, d, [], "nothing"), "reference"),
    (lambda m, t, d, a: knowledge_table(m, d, "EN: the cat", "text"), "reference set"),
    (lambda m, t, d, a: knowledge_table(m, d, [[1, 2, 500]], "too big"), "0 and 92|92"),
    (lambda m, t, d, a: losses_by_kind(m, d, edits="zero"), "edits"),
    (lambda m, t, d, a: residual_parts(t, 0), "at least 1"),
    (lambda m, t, d, a: open_block(m, m.trace_batch(torch.tensor([[2, 3]]))[1], 0), "one sequence"),
    (lambda m, t, d, a: part(m, "mlp", 3), "blocks 0 to 2"),
    (lambda m, t, d, a: part(m, "head", 0, 4), "heads 0 to 3"),
    (lambda m, t, d, a: part(m, "mlp", 0, 1), "head="),
    (lambda m, t, d, a: part(m, "neuron", 0), '"attention", "mlp" or "head"'),
    (lambda m, t, d, a: ablation(part(m, "mlp", 0), "mean"), "zero, mean"),
    (lambda m, t, d, a: ablation("block 0 MLP", "zero"), "part"),
    (lambda m, t, d, a: mlp_activations(m, d, 3), "blocks 0 to 2"),
    (lambda m, t, d, a: direction(a, 128), "at most 127"),
    (lambda m, t, d, a: direction(a, torch.zeros(128)), "128 finite numbers"),
    (lambda m, t, d, a: direction(a, torch.ones(5)), "128"),
    (lambda m, t, d, a: top_examples(a, 0, k=0), "at least 1"),
    (lambda m, t, d, a: random_directions(a, 0), "at least 1"),
    (lambda m, t, d, a: selectivity("acts", 0), "mlp_activations"),
    (lambda m, t, d, a: example_context(d, "tok", 0, 1), "tokenizer"),
])
def test_bad_input_names_the_valid_range(shipped, traced, data, acts, call, match):
    model, _ = shipped
    with pytest.raises(LlmlabError, match=match):
        call(model, traced[2], data, acts)


@fuzz(120)
@given(name=st.sampled_from(["open_block", "part", "direction", "top_examples", "random_directions",
                             "example_context", "selectivity", "mlp_activations"]),
       a=st.one_of(ANYTHING, st.integers(-3, 200), VECTORS), b=st.one_of(ANYTHING, st.integers(-3, 8)))
def test_fuzzed_arguments_work_or_get_llmlabs_message(shipped, traced, data, acts, name, a, b):
    model, tokenizer = shipped
    calls = {
        "open_block": lambda: open_block(model, traced[2], a),
        "part": lambda: part(model, "head", a, b),
        "direction": lambda: direction(acts, a),
        "top_examples": lambda: top_examples(acts, b, k=a),
        "random_directions": lambda: random_directions(acts, a, seed=b),
        "example_context": lambda: example_context(data, tokenizer, a, b),
        "selectivity": lambda: selectivity(acts, a),
        "mlp_activations": lambda: mlp_activations(model, data, a),
    }
    worked, result = outcome(calls[name])
    if worked and name == "direction":
        assert abs(float(result.norm()) - 1) < 1e-5
    if worked and name == "selectivity":
        assert 0 <= result <= 1
