"""Random odd input at every public function of the studies (``llmlab.studies``): each call works or says why not.

See ``bad_input.py`` for the rule and the strategies. Each function is called with every argument drawn
from "the right value" or anything at all (``ANYTHING``): a tiny untrained GPT over the toy corpus's word
tokenizer, a few validation lines, their trace and what the studies make of them. A call that works is
checked for the simplest thing it promises (a shape, a range, a finite number). Arguments that would
only make a valid call slow (repeats, rows, batch sizes) are drawn small; a training run is only ever
asked for with a recipe that is not one, so those calls must always be refused.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch
from bad_input import ANYTHING, NUMBERS, finite_number, fuzz, mostly, outcome, tensors, whole
from hypothesis import given
from hypothesis import strategies as st

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.engine.config import GPTConfig
from llmlab.engine.edits import zero
from llmlab.engine.model import GPT, KVCache
from llmlab.studies import (attention_biases, attention_math, copying, embeddings, head_roles, knowledge, kv_cache,
                            mask_experiment, neuron_probe, neurons, own_text, residual, training_cost, weight_changes)
from llmlab.toy.corpus import load_corpus
from llmlab.toy.facts import fact_questions
from llmlab.toy.kinds import kind_targets

TOKENIZER = load_shipped_model()[1]  # the toy corpus's word tokenizer (one token per word)
torch.manual_seed(0)
CONFIG = GPTConfig(vocab_size=TOKENIZER.vocab_size, context_length=32, d_model=16, n_heads=2, n_layers=2)
MODEL = GPT(CONFIG).eval()
_, VALIDATION = load_corpus()
FACTS = [line for line in VALIDATION if "?" in line][:6]
TRANSLATIONS = [line for line in VALIDATION if line.startswith("EN: ")][:4]
LINES = FACTS[:2] + TRANSLATIONS[:2]
IDS = TOKENIZER.encode(TRANSLATIONS[0])[:10]
_, TRACE = MODEL.run_with_trace(IDS)
_, BATCH_TRACE = MODEL.trace_batch(torch.tensor([IDS, IDS]))
TASKS = head_roles.task_lines(TRANSLATIONS, TOKENIZER)
KIND_TARGETS = kind_targets(LINES, TOKENIZER, CONFIG.context_length)
STORIES = copying.changed_stories(TOKENIZER, FACTS)
ACTIVATIONS = neuron_probe.mlp_activations(MODEL, KIND_TARGETS, 0)
MEANS = knowledge.part_means(MODEL, [IDS])
EDITS = {"blocks.0.attn.z": zero(head=1)}
CASES_PER_FUNCTION = 20


def either(*good: object) -> st.SearchStrategy:
    """One of the right values three times in four, else anything at all."""
    return mostly(st.sampled_from(good))


MODELS = either(MODEL)
TOKENIZERS = either(TOKENIZER)
LINE_LISTS = either(LINES, FACTS, TRANSLATIONS, [], ["ken has the purple ball"], [3])
TRACES = either(TRACE, BATCH_TRACE)
BLOCKS = mostly(st.integers(-1, CONFIG.n_layers))
HEADS = mostly(st.integers(-1, CONFIG.n_heads))
SMALL = mostly(st.integers(-1, 4))  # a count a valid call may loop over (repeats, rows, ...)
SEEDS = mostly(st.one_of(st.integers(0, 3), NUMBERS))
EDIT_SETS = either(None, {}, EDITS, {"blocks.9.mlp.out": zero()}, {"blocks.0.attn.z": "zero"})
REFERENCE_IDS = either([IDS], [IDS, IDS[:3]], [], [[]], [[10_000]])
VECTORS = mostly(st.one_of(st.sampled_from([torch.randn(5, 3), torch.randn(4, 3), torch.randn(3)]),
                           tensors(low=-3, high=3)))


def run(table: dict, name: str, data: st.DataObject) -> tuple[bool, object]:
    """Call function ``name`` of ``table`` (name → (function, argument strategies)) with drawn arguments."""
    function, strategies = table[name]
    arguments = [data.draw(strategy, label=f"argument {i}") for i, strategy in enumerate(strategies)]
    return outcome(function, *arguments)


def finite(value: object) -> bool:
    """Every number in ``value`` (a tensor, a number, or a list, tuple or dict of them) is finite."""
    if isinstance(value, torch.Tensor):
        return bool(torch.isfinite(value.float()).all())
    if isinstance(value, (list, tuple)):
        return all(finite(item) for item in value)
    if isinstance(value, dict):
        return all(finite(item) for item in value.values())
    return not isinstance(value, float) or math.isfinite(value)


# --- lesson 05: attention by hand, Q, K, V and W_O, head roles ---

ATTENTION_MATH = {
    "check_qkv": (attention_math.check_qkv, [VECTORS, VECTORS, VECTORS, st.one_of(st.none(), VECTORS)]),
    "attention_steps": (attention_math.attention_steps, [VECTORS, VECTORS, VECTORS, st.one_of(st.none(), VECTORS),
                                                         mostly(st.booleans())]),
    "attention": (attention_math.attention, [VECTORS, VECTORS, VECTORS, st.one_of(st.none(), VECTORS)]),
    "softmax_sharpness": (attention_math.softmax_sharpness,
                          [mostly(st.lists(st.integers(-1, 64), max_size=3)), SMALL, SMALL, SEEDS]),
    "recompute_values": (attention_math.recompute_values, [MODELS, TRACES, BLOCKS]),
    "heads_through_W_O": (attention_math.heads_through_W_O, [MODELS, TRACES, BLOCKS]),
    "head_columns": (attention_math.head_columns, [MODELS, HEADS]),
    "head_projection": (attention_math.head_projection, [MODELS, TRACES, BLOCKS, HEADS, either("q", "k", "v")]),
    "linear_by_hand": (attention_math.linear_by_hand,
                       [VECTORS, either(torch.nn.Linear(3, 2), MODEL.blocks[0].attn.W_Q)]),
}


@pytest.mark.parametrize("name", sorted(ATTENTION_MATH))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_attention_math(name, data):
    worked, result = run(ATTENTION_MATH, name, data)
    if worked and name in ("recompute_values", "heads_through_W_O", "head_projection"):
        assert result.dim() in (2, 3) and torch.isfinite(result).all()
    if worked and name == "head_columns":
        assert len(result) == CONFIG.d_model // CONFIG.n_heads


HEAD_ROLES = {
    "task_lines": (head_roles.task_lines, [LINE_LISTS, TOKENIZERS, st.one_of(st.none(), SMALL)]),
    "check_task_lines": (head_roles.check_task_lines, [either(TASKS)]),
    "attention_statistics": (head_roles.attention_statistics, [MODELS, either(TASKS)]),
    "task_probabilities": (head_roles.task_probabilities, [MODELS, either(TASKS), EDIT_SETS]),
    "best_probabilities": (head_roles.best_probabilities, [either(TASKS), TOKENIZERS]),
    "ablation_effects": (head_roles.ablation_effects, [MODELS, either(TASKS), REFERENCE_IDS, either("validation")]),
}


@pytest.mark.parametrize("name", sorted(HEAD_ROLES))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_head_roles(name, data):
    worked, result = run(HEAD_ROLES, name, data)
    if worked and name == "task_probabilities":
        assert all(((p >= 0) & (p <= 1)).all() for p in result.values())
    if worked and name == "ablation_effects":
        assert result.change("zero", "translation").shape == (CONFIG.n_layers, CONFIG.n_heads)


# --- lesson 06: the KV cache and the mask experiment ---

PROMPTS = either(IDS, IDS[:1], [], list(range(40)), [10_000])
KV_CACHE = {
    "logits_one_pass": (kv_cache.logits_one_pass, [MODELS, PROMPTS]),
    "logits_prefix_by_prefix": (kv_cache.logits_prefix_by_prefix, [MODELS, PROMPTS]),
    "logits_with_cache": (kv_cache.logits_with_cache, [MODELS, PROMPTS]),
    "cache_numbers": (kv_cache.cache_numbers, [either(KVCache())]),
    "kv_cache_bytes": (kv_cache.kv_cache_bytes, [either(CONFIG), mostly(st.sampled_from([1, 2, 4, 8])),
                                                 mostly(st.one_of(st.none(), st.integers(0, 40)))]),
    "step_seconds": (kv_cache.step_seconds, [MODELS, mostly(st.integers(0, 40)),
                                             mostly(st.booleans()), SMALL, SEEDS]),
    "step_times": (kv_cache.step_times, [MODELS, mostly(st.lists(st.integers(0, 40), max_size=3)),
                                         SMALL]),
}


@pytest.mark.parametrize("name", sorted(KV_CACHE))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_kv_cache(name, data):
    worked, result = run(KV_CACHE, name, data)
    if worked and name.startswith("logits_"):
        assert result.shape[-1] == CONFIG.vocab_size and torch.isfinite(result).all()
    if worked and name in ("kv_cache_bytes", "cache_numbers"):
        assert type(result) is int and result >= 0
    if worked and name == "step_seconds":
        assert result >= 0


NOT_A_RECIPE = ANYTHING  # never a TrainConfig: these calls must be refused before any training
MASK_EXPERIMENT = {
    "training_windows": (mask_experiment.training_windows, [ANYTHING, mostly(st.integers(0, 3))]),
    "check_toy_data": (mask_experiment.check_toy_data, [ANYTHING]),
    "train_one": (mask_experiment.train_one, [ANYTHING, NOT_A_RECIPE, ANYTHING, ANYTHING]),
    "run_mask_experiment": (mask_experiment.run_mask_experiment, [NOT_A_RECIPE, ANYTHING, ANYTHING, ANYTHING]),
    "with_steps": (mask_experiment.with_steps, [mostly(st.integers(-1, 3))]),
    "table_losses": (mask_experiment.table_losses, [ANYTHING, ANYTHING]),
}


@pytest.mark.parametrize("name", sorted(MASK_EXPERIMENT))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_mask_experiment(name, data):
    worked, result = run(MASK_EXPERIMENT, name, data)
    assert not worked or name == "with_steps"  # never toy data, never a recipe: refused
    if worked:
        assert result.steps >= 1 and 1 <= result.warmup_steps <= result.steps


# --- lesson 07: copying, the residual stream, knowledge, neurons ---

STORY_SETS = either(STORIES)
CHANGES = either("asked", "colours")
COPYING = {
    "mention_positions": (copying.mention_positions, [either(*fact_questions(FACTS))]),
    "mention_attention": (copying.mention_attention, [MODELS, TOKENIZERS, LINE_LISTS]),
    "accuracy_without_each_head": (copying.accuracy_without_each_head, [MODELS, TOKENIZERS, LINE_LISTS]),
    "changed_stories": (copying.changed_stories, [TOKENIZERS, LINE_LISTS]),
    "check_stories": (copying.check_stories, [STORY_SETS]),
    "check_change": (copying.check_change, [CHANGES]),
    "other_colour_share": (copying.other_colour_share, [MODELS, STORY_SETS, EDIT_SETS]),
    "changed_trace": (copying.changed_trace, [MODELS, STORY_SETS, CHANGES]),
    "head_patching": (copying.head_patching, [MODELS, STORY_SETS, CHANGES]),
    "stream_patching": (copying.stream_patching, [MODELS, STORY_SETS, CHANGES]),
    "colour_probabilities": (copying.colour_probabilities, [MODELS, TOKENIZERS, LINE_LISTS]),
    "load_copying_snapshots": (copying.load_copying_snapshots, [either(copying.REPLAY_FILE, __file__)]),
}


@pytest.mark.parametrize("name", sorted(COPYING))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_copying(name, data):
    worked, result = run(COPYING, name, data)
    if worked and name in ("accuracy_without_each_head", "head_patching", "stream_patching"):
        assert ((result >= 0) & (result <= 1)).all() and result.shape[0] == CONFIG.n_layers
    if worked and name == "other_colour_share":
        assert 0 <= result <= 1


HIDDEN = st.one_of(st.sampled_from([torch.randn(4, CONFIG.d_model), torch.randn(40, CONFIG.d_model),
                                    torch.randn(4, 5), torch.full((2, CONFIG.d_model), math.nan)]), VECTORS)
NORMS = either(MODEL.blocks[0].ln_attn, MODEL.blocks[0].mlp.fc_in)
RESIDUAL = {
    "hidden_state": (residual.hidden_state, [MODELS, HIDDEN]),
    "layer_norm_by_hand": (residual.layer_norm_by_hand, [HIDDEN, NORMS]),
    "open_block": (residual.open_block, [MODELS, TRACES, BLOCKS]),
    "residual_parts": (residual.residual_parts, [TRACES, mostly(st.integers(0, 3))]),
    "sum_of_parts": (residual.sum_of_parts, [mostly(st.just(residual.residual_parts(TRACE, 2)))]),
    "qkv_from_hidden_state": (residual.qkv_from_hidden_state, [MODELS, TRACES, BLOCKS]),
    "run_block": (residual.run_block, [MODELS, BLOCKS, HIDDEN]),
}


@pytest.mark.parametrize("name", sorted(RESIDUAL))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_residual(name, data):
    worked, result = run(RESIDUAL, name, data)
    if worked:
        assert finite(result), name


PARTS = mostly(st.sampled_from(knowledge.model_parts(MODEL)))
KNOWLEDGE = {
    "model_parts": (knowledge.model_parts, [MODELS]),
    "part": (knowledge.part, [MODELS, either("attention", "mlp", "head"), BLOCKS, st.one_of(st.none(), HEADS)]),
    "part_means": (knowledge.part_means, [MODELS, REFERENCE_IDS]),
    "ablation": (knowledge.ablation, [PARTS, either("zero", "mean"), mostly(st.one_of(st.none(), st.just(MEANS)))]),
    "knowledge_table": (knowledge.knowledge_table, [MODELS, either(KIND_TARGETS), REFERENCE_IDS, either("lines")]),
    "lens_scores": (knowledge.lens_scores, [MODELS, either(KIND_TARGETS)]),
    "fact_answers_right": (knowledge.fact_answers_right, [MODELS, either(KIND_TARGETS)]),
}


@pytest.mark.parametrize("name", sorted(KNOWLEDGE))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_knowledge(name, data):
    worked, result = run(KNOWLEDGE, name, data)
    if worked and name == "knowledge_table":
        assert result.increase("zero").shape == (len(result.parts), len(result.kinds))
    if worked and name == "fact_answers_right":
        assert 0 <= result[0] <= result[1]


VALUES = st.one_of(st.integers(-1, 2 * CONFIG.d_model), st.just(torch.randn(2 * CONFIG.d_model)), VECTORS)
NEURON_PROBE = {
    "check_activations": (neuron_probe.check_activations, [either(ACTIVATIONS)]),
    "mlp_activations": (neuron_probe.mlp_activations, [MODELS, either(KIND_TARGETS), BLOCKS]),
    "direction": (neuron_probe.direction, [either(ACTIVATIONS), VALUES]),
    "random_directions": (neuron_probe.random_directions, [either(ACTIVATIONS), SMALL, SEEDS]),
    "along": (neuron_probe.along, [either(ACTIVATIONS), VALUES]),
    "top_examples": (neuron_probe.top_examples, [either(ACTIVATIONS), VALUES, SMALL]),
    "top_token_share": (neuron_probe.top_token_share, [either(ACTIVATIONS), VALUES, SMALL]),
    "selectivity": (neuron_probe.selectivity, [either(ACTIVATIONS), VALUES]),
    "example_context": (neuron_probe.example_context, [either(KIND_TARGETS), TOKENIZERS, SMALL, SMALL, SMALL]),
}


@pytest.mark.parametrize("name", sorted(NEURON_PROBE))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_neuron_probe(name, data):
    worked, result = run(NEURON_PROBE, name, data)
    if worked and name in ("top_token_share", "selectivity"):
        assert 0 <= result <= 1
    if worked and name == "example_context":
        assert isinstance(result, str) and "[" in result


# --- lesson 09: the cost of training, what training changes; lesson 10's own text ---

TRAINING_COST = {
    "time_training_step": (training_cost.time_training_step, [MODELS, SMALL, SMALL, SEEDS]),
    "adam_state_numbers": (training_cost.adam_state_numbers, [MODELS]),
    "training_memory": (training_cost.training_memory, [mostly(st.integers(-1, 10**9)), ANYTHING]),
    "snapshot": (weight_changes.snapshot, [MODELS]),
    "weight_group_label": (weight_changes.weight_group_label,
                           [mostly(st.sampled_from([name for name, _ in MODEL.named_parameters()])),
                            mostly(st.booleans())]),
    "component_changes": (weight_changes.component_changes,
                          [mostly(st.just(weight_changes.snapshot(MODEL))), MODELS]),
}


@pytest.mark.parametrize("name", sorted(TRAINING_COST))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_training_cost_and_weight_changes(name, data):
    worked, result = run(TRAINING_COST, name, data)
    if worked and name == "time_training_step":
        assert result.forward > 0 and result.training_step > 0
    if worked and name == "adam_state_numbers":
        assert result == 2 * sum(p.numel() for p in MODEL.parameters())
    if worked and name == "component_changes":
        assert all(row.changed == 0 for row in result)  # the same weights


TEXTS = mostly(st.one_of(st.sampled_from(["ab" * 200, "short"]), st.text(max_size=30)))
OWN_TEXT = {
    "train_on_text": (lambda text, config, context: own_text.train_on_text(text, config, context, progress=False),
                      [TEXTS, NOT_A_RECIPE, mostly(st.integers(0, 8))]),
    "held_out_windows": (own_text.held_out_windows, [mostly(st.just(list(range(50)))),
                                                     mostly(st.integers(0, 8)),
                                                     mostly(st.one_of(st.none(), st.integers(0, 64)))]),
    "read_text_file": (own_text.read_text_file, [either(__file__, Path(__file__).parent, "no/such/file.txt")]),
}


@pytest.mark.parametrize("name", sorted(OWN_TEXT))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_own_text(name, data):
    worked, result = run(OWN_TEXT, name, data)
    assert not (worked and name == "train_on_text")  # never a recipe
    if worked and name == "held_out_windows":
        assert result[0].shape == result[1].shape


# --- lessons 01-04: neurons, attention biases, embeddings (the rest are in test_bad_input_engine.py) ---

EXAMPLES = either(attention_biases.attention_example())
BIASES = mostly(st.one_of(st.none(), st.sampled_from([[0.5, -1.0], torch.tensor([1.0, 0.0]), [1.0]])))
SNAPSHOTS = embeddings.load_snapshots()  # the shipped model's embedding tables while it trained
MODULES = either(MODEL, neurons.build_mlp([3, 4, 1]), torch.nn.Linear(2, 2))
LESSONS_01_04 = {
    "check_sizes": (neurons.check_sizes, [mostly(st.lists(st.integers(-1, 5), max_size=4))]),
    "mlp_layer_counts": (neurons.mlp_layer_counts, [mostly(st.lists(st.integers(-1, 5), max_size=4)),
                                                    mostly(st.booleans())]),
    "torch_count": (neurons.torch_count, [MODULES]),
    "torch_layer_counts": (neurons.torch_layer_counts, [MODULES]),
    "linear_layers": (neurons.linear_layers, [MODULES]),
    "linear_layers_per_block": (neurons.linear_layers_per_block, [MODULES]),
    "example_points": (neurons.example_points, [mostly(st.integers(-1, 50)), SEEDS]),
    "neuron_outputs": (neurons.neuron_outputs, [either(neurons.example_points(5)), NUMBERS, NUMBERS, NUMBERS]),
    "as_vector": (attention_biases.as_vector, [BIASES, mostly(st.integers(0, 3))]),
    "bias_effect": (attention_biases.bias_effect, [EXAMPLES, BIASES, BIASES, BIASES]),
    "attention_module": (attention_biases.attention_module, [EXAMPLES, BIASES, BIASES, BIASES]),
    "run_attention_module": (attention_biases.run_attention_module,
                             [either(attention_biases.attention_module(attention_biases.attention_example())),
                              st.one_of(st.just(attention_biases.attention_example().x), VECTORS)]),
    "cosine_matrix": (embeddings.cosine_matrix, [VECTORS]),
    "off_diagonal": (embeddings.off_diagonal, [VECTORS]),
    "similarity_rank": (embeddings.similarity_rank, [VECTORS, SMALL, SMALL]),
    "pca": (lambda vectors, k: embeddings.PCA.fit(vectors, k).project(vectors), [VECTORS, SMALL]),
    "separation": (embeddings.separation, [VECTORS, VECTORS]),
    "compare_axes_and_direction": (embeddings.compare_axes_and_direction, [VECTORS, VECTORS]),
    "kind_similarities": (embeddings.kind_similarities, [VECTORS, VECTORS]),
    "direction_shares": (embeddings.direction_shares, [VECTORS, VECTORS]),
    "random_rotation": (embeddings.random_rotation, [mostly(st.integers(-1, 8)), SEEDS]),
    "word_ids": (embeddings.word_ids, [TOKENIZERS, mostly(st.one_of(st.just(["cat", "dog"]), st.just(["cat"])))]),
    "words_of_kind": (embeddings.words_of_kind, [TOKENIZERS, either({"cat": "noun", "eats": "verb", 3: "noun"}),
                                                 either("noun")]),
    "load_snapshots": (embeddings.load_snapshots, [either(embeddings.SNAPSHOT_FILE, __file__)]),
    "Snapshots.index_of": (SNAPSHOTS.index_of, [mostly(st.sampled_from([0, SNAPSHOTS.steps[-1], 1, -1]))]),
    "Snapshots.similarity_over_time": (SNAPSHOTS.similarity_over_time, [mostly(st.integers(-1, CONFIG.vocab_size)),
                                                                        mostly(st.integers(-1, CONFIG.vocab_size))]),
}


@pytest.mark.parametrize("name", sorted(LESSONS_01_04))
@fuzz(CASES_PER_FUNCTION)
@given(data=st.data())
def test_lessons_01_to_04(name, data):
    worked, result = run(LESSONS_01_04, name, data)
    if worked and name in ("separation", "cosine_matrix", "kind_similarities", "direction_shares", "pca"):
        assert isinstance(result, (float, tuple, torch.Tensor))
    if worked and name == "random_rotation":
        assert torch.allclose(result @ result.T, torch.eye(result.shape[0]), atol=1e-4)
    if worked and name == "example_points":
        assert result.shape[1] == 2 and whole(result.shape[0])
    if worked and name == "neuron_outputs":
        assert all(finite_number(float(x)) or not math.isfinite(float(x)) for x in result)
