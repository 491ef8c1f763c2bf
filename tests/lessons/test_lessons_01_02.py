"""Lessons 01-02: the engine's numbers, the figures, and the widgets driven through their Python API."""

import io

import pytest
import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.model import GPT
from llmlab.studies.attention_biases import (
    attention_example,
    attention_module,
    bias_effect,
    biased_attention,
    run_attention_module,
)
from llmlab.studies.neurons import (
    LayerCount,
    build_mlp,
    example_points,
    linear_layers,
    linear_layers_per_block,
    mlp_layer_counts,
    neuron,
    neuron_count,
    neuron_outputs,
    output_changes,
    torch_count,
    torch_layer_counts,
)
from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters
from llmlab.ui.plots.neurons import line_points, weight_vs_bias_figure
from llmlab.ui.plots.params import embedding_share_figure, four_numbers_figure, memory_figure, short_number


# --- engine ---


def test_ten_hundred_one_network():
    sizes = [10, 100, 1]
    assert neuron_count(sizes) == 101
    layers = mlp_layer_counts(sizes)
    assert layers[0] == LayerCount(10, 100) and layers[0].parameters == 1100
    assert sum(layer.parameters for layer in layers) == 1201 == torch_count(build_mlp(sizes))
    assert (10 * 100) * 100 != layers[0].parameters  # the learner's guess


@pytest.mark.parametrize("sizes", [[3, 4, 2], [784, 128, 10], [5, 7, 7, 1]])
@pytest.mark.parametrize("bias", [True, False])
def test_mlp_formula_matches_torch(sizes, bias):
    assert sum(layer.parameters for layer in mlp_layer_counts(sizes, bias)) == torch_count(build_mlp(sizes, bias))


def test_torch_layer_counts():
    assert torch_layer_counts(build_mlp([10, 100, 1])) == [(1000, 100), (100, 1)]
    assert torch_layer_counts(build_mlp([3, 2], bias=False)) == [(6, 0)]


def test_bad_sizes_and_weights():
    with pytest.raises(ValueError):
        mlp_layer_counts([10])
    with pytest.raises(ValueError):
        build_mlp([10, 0, 1])
    with pytest.raises(ValueError):
        neuron([1, 2], [1], 0)


def test_neuron_and_weight_versus_bias():
    assert neuron([2, -1], [3, 1], -4) == 1
    assert output_changes([0, 1, 2, 3], 0.5, "weight") == [0, 0.5, 1.0, 1.5]
    assert output_changes([0, 1, 2, 3], 0.5, "bias") == [0.5] * 4
    points = example_points()
    assert points.shape == (40, 2) and torch.equal(points, example_points())
    assert torch.allclose(neuron_outputs(points, 1, -2, 0.5), points[:, 0] - 2 * points[:, 1] + 0.5)


def test_a_block_holds_six_linear_layers():
    model = GPT(GPTConfig(vocab_size=20, context_length=8, d_model=16, n_heads=2, n_layers=3))
    groups = linear_layers_per_block(model)
    assert [len(groups[f"blocks.{i}"]) for i in range(3)] == [6, 6, 6]
    assert groups["outside"] == ["unembed"]
    assert len(linear_layers(model)) == 19


def test_key_bias_changes_nothing():
    example = attention_example()
    effect = bias_effect(example, b_K=(2.5, -1.5))
    assert effect.weights_change < 1e-6 and effect.output_change < 1e-6


def test_query_bias_changes_the_weights():
    assert bias_effect(attention_example(), b_Q=(2.0, -2.0)).weights_change > 0.1


def test_value_bias_shifts_the_output_by_itself():
    example = attention_example()
    effect = bias_effect(example, b_V=(1.0, -2.0))
    assert effect.weights_change == 0 and effect.output_change_minus_b_V < 1e-5
    assert abs(effect.output_change - 2.0) < 1e-5


def test_weights_rows_sum_to_one_and_mask_holds():
    weights = biased_attention(attention_example(), b_Q=(1, 1)).weights
    assert torch.allclose(weights.sum(-1), torch.ones(3))
    assert torch.equal(weights.triu(1), torch.zeros(3, 3))


def test_hand_computation_matches_the_model_module():
    example, biases = attention_example(), dict(b_Q=(0.5, -1.0), b_K=(2.0, 1.0), b_V=(1.0, -2.0))
    by_hand = biased_attention(example, **biases)
    weights, output = run_attention_module(attention_module(example, **biases), example.x)
    assert torch.allclose(weights, by_hand.weights, atol=1e-6)
    assert torch.allclose(output, by_hand.output, atol=1e-6)


def test_bias_of_the_wrong_width():
    with pytest.raises(ValueError):
        biased_attention(attention_example(), b_Q=(1, 2, 3))


# --- plots ---


def test_short_numbers():
    assert short_number(124_439_808) == "124M" and short_number(300e9) == "300B" and short_number(12) == "12"


def test_line_points():
    assert line_points(0, 0, 1) == ([], [])
    assert line_points(2, 0, -2) == ([1.0, 1.0], [-3.0, 3.0])
    xs, ys = line_points(1, 1, 0)
    assert all(x + y == 0 for x, y in zip(xs, ys))


def test_static_figures_draw():
    counts = {name: formula_parameters(config) for name, config in PUBLISHED_CONFIGS.items()}
    totals = {name: sum(c.values()) for name, c in counts.items()}
    four = {"A": {"p": 1e8, "t": None}, "B": {"p": 1e11, "t": 3e11}}
    for figure in (
        embedding_share_figure(counts),
        four_numbers_figure(four),
        memory_figure(totals, {"float32": 4, "bfloat16": 2}, 16),
        weight_vs_bias_figure([-1, 0, 1], 1.0, 0.5, 0.5),
    ):
        figure.savefig(io.BytesIO(), format="png")
        assert figure.axes


# --- widgets ---


@pytest.fixture(scope="module")
def widgets_module():
    return pytest.importorskip("llmlab.ui.widgets.params"), pytest.importorskip("llmlab.ui.widgets.neurons")


def test_mlp_calculator(widgets_module):
    params, _ = widgets_module
    calculator = params.MLPCalculator()
    assert calculator.formula_total == calculator.torch_total == 1201
    assert "101" in calculator.message.value
    image = calculator.image.value
    calculator.set([784, 128, 64, 10], bias=False)
    assert calculator.sizes == [784, 128, 64, 10]
    assert calculator.formula_total == calculator.torch_total == 784 * 128 + 128 * 64 + 64 * 10
    assert calculator.image.value != image
    calculator.hidden_2.value = 0  # a slider move redraws through the observer
    assert calculator.torch_total == 784 * 128 + 128 * 10
    calculator.set([1, 2])
    assert "#b00020" in calculator.message.value  # an error message, not an exception


def test_transformer_calculator(widgets_module):
    params, _ = widgets_module
    calculator = params.TransformerCalculator(start="GPT-2 small")
    formula, by_torch = calculator.counts
    assert formula == by_torch and sum(formula.values()) == 124_439_808
    calculator.set(d_model=100)  # 100 does not split into 12 heads
    assert "#b00020" in calculator.message.value and "12" in calculator.message.value
    assert calculator.preset.value == calculator.custom
    calculator.set(d_model=96, tied=False)
    assert calculator.counts[0]["unembedding"] == 96 * 50257 == calculator.counts[1]["unembedding"]
    calculator.preset.value = "GPT-2 medium"
    assert calculator.config() == PUBLISHED_CONFIGS["GPT-2 medium"]
    calculator.set(d_model=2048, n_heads=16)  # the MLP stays 4 × d_model wide: the blocks grow about 4 times
    assert calculator.counts[0]["MLP"] == 24 * (2 * 2048 * 4 * 2048 + 4 * 2048 + 2048)


def test_transformer_calculator_counts_the_shipped_model_as_torch_does(widgets_module):
    """Lesson 01 offers our model first: its MLP is 2 × d_model wide, not GPT-2's 4 ×, and untied."""
    params, _ = widgets_module
    from llmlab.engine.checkpoint import load_shipped_model
    from llmlab.engine.params import count_parameters

    model = load_shipped_model()[0]
    calculator = params.TransformerCalculator({"ours": model.config, **PUBLISHED_CONFIGS})
    assert calculator.config() == model.config
    assert calculator.counts[0] == calculator.counts[1] == count_parameters(model)
    calculator.set(tied=True)  # "tick tied embeddings and see which bar drops to zero"
    assert calculator.counts[0]["unembedding"] == 0
    with pytest.raises(ValueError, match="multiple"):
        params.TransformerCalculator({"odd": GPTConfig(vocab_size=10, d_model=8, n_heads=2, d_mlp=12)})


def test_neuron_widget(widgets_module):
    _, neurons = widgets_module
    widget = neurons.NeuronWidget()
    widget.set(w1=1.0, w2=0.0, b=0.0)
    right_side = int((widget.points[:, 0] > 0).sum())
    assert int((widget.outputs > 0).sum()) == right_side
    widget.set(b=3.0)  # shifting the line left of every point: all outputs positive
    assert bool((widget.outputs > 0).all())
    widget.set(w1=0.0, w2=0.0)
    assert "#a15c00" in widget.message.value


def test_attention_bias_widget(widgets_module):
    _, neurons = widgets_module
    widget = neurons.AttentionBiasWidget()
    baseline = widget.result
    widget.set(b_K=(3.0, -2.0))
    assert widget.effect.weights_change < 1e-6
    widget.set(b_Q=(2.0, -1.0))
    assert widget.effect.weights_change > 0.05
    widget.set(b_Q=(0.0, 0.0), b_K=(0.0, 0.0), b_V=(1.0, 2.0))
    assert torch.allclose(widget.result.output, baseline.output + torch.tensor([1.0, 2.0]), atol=1e-5)
    widget.set(b_X=(1.0, 1.0))
    assert "#b00020" in widget.message.value


@pytest.mark.parametrize("presets", ["GPT-2", {"mine": 3}, {"mine": None}, [("mine", None)]])
def test_the_calculator_refuses_presets_that_are_not_named_configs(presets):
    from llmlab.engine.validate import LlmlabError
    from llmlab.ui.widgets.params import TransformerCalculator

    with pytest.raises(LlmlabError, match="GPTConfig"):
        TransformerCalculator(presets)
