"""Random odd values through every widget's Python setters (``set``, ``select``, ``set_text``...).

Each call must either raise llmlab's own error, or show an error in the widget's message area in
llmlab's words (a sentence from messages.py, never a raw traitlets/torch error) and leave the
controls as they were, or show exactly the values asked for (never silently clamped).
"""

from __future__ import annotations

import html
import re

import numpy as np
import pytest
import torch
from bad_input import ANYTHING, CASES, NUMBERS, fuzz, outcome
from hypothesis import given
from hypothesis import strategies as st

from llmlab.engine.config import GPTConfig
from llmlab.studies.embeddings import Snapshots
from llmlab.messages import MESSAGES
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import CharTokenizer, WordTokenizer
from llmlab.ui.widgets.attention import AttentionExplorer
from llmlab.ui.widgets.embeddings import EmbeddingReplay
from llmlab.ui.widgets.generation import NextTokenExplorer
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer
from llmlab.ui.widgets.neurons import AttentionBiasWidget, NeuronWidget
from llmlab.ui.widgets.params import MLPCalculator, TransformerCalculator
from llmlab.ui.widgets.qkv import QKVWidget
from llmlab.ui.widgets.tokens import TokenizerPlayground
from llmlab.ui.widgets.training import LiveLossPlot

WORDS = WordTokenizer("the cat dog car sat on mat big".split())
torch.manual_seed(0)
MODEL = GPT(GPTConfig(vocab_size=WORDS.vocab_size, context_length=8, d_model=8, n_heads=2, n_layers=2)).eval()
SMALL = st.one_of(st.integers(-2, 12), st.floats(-4, 4), NUMBERS, ANYTHING)
TEXTS = st.one_of(st.text(max_size=15), st.sampled_from(["the cat sat", "the zebra", " ", "mat " * 12]), ANYTHING)


def placeholder_free(template: str) -> str:
    return ".*".join(re.escape(part) for part in re.split(r"\{[^{}]*\}", template))


LLMLAB_SENTENCE = re.compile("|".join(f"(?:{placeholder_free(t)})" for t in MESSAGES.values()), re.DOTALL)


def shown_error(panel) -> str | None:
    """The text of an error in the message area (None if none is shown)."""
    if "#b00020" not in panel.message.value:
        return None
    return html.unescape(re.sub(r"<[^>]+>", "", panel.message.value))


def values(controls) -> list:
    return [control.value for control in controls]


def check_setter(panel, controls, call, *args, **kwargs) -> bool:
    """Run a setter by the rule above; True if it showed the new values."""
    panel.say("")
    before = values(controls)
    worked, _ = outcome(call, *args, **kwargs)
    error = shown_error(panel)
    if not worked:
        assert values(controls) == before, "a refused call moved some controls"
        return False
    if error is not None:
        assert LLMLAB_SENTENCE.fullmatch(error), f"not an llmlab sentence: {error!r}"
        CASES["worked"] -= 1
        CASES["said in the widget's message area"] += 1
        return False
    return True


def same(shown: object, asked: object) -> bool:
    return shown == asked or (isinstance(asked, (float, np.floating)) and shown == pytest.approx(float(asked)))


# --- lesson 01-02 widgets ---

MLP = MLPCalculator()
TRANSFORMER = TransformerCalculator()
NEURON = NeuronWidget()
BIASES = AttentionBiasWidget()
QKV = QKVWidget()


@fuzz(40)
@given(sizes=st.one_of(st.none(), ANYTHING, st.lists(SMALL, min_size=3, max_size=4),
                       st.lists(st.integers(0, 1100), min_size=3, max_size=4)), bias=st.one_of(st.none(), ANYTHING))
def test_mlp_calculator(sizes, bias):
    controls = [MLP.inputs, MLP.hidden_1, MLP.hidden_2, MLP.outputs, MLP.bias]
    if check_setter(MLP, controls, MLP.set, sizes, bias) and sizes is not None:
        asked = [int(s) for s in sizes]
        assert MLP.sizes == (asked[:2] + asked[2:3] * bool(asked[2]) + asked[3:] if len(asked) == 4 else asked)


BOXES = ["n_layers", "d_model", "mlp_ratio", "n_heads", "vocab_size", "context_length", "tied", "bias"]


@fuzz(40)
@given(changes=st.dictionaries(st.sampled_from([*BOXES, "nope"]), st.one_of(st.integers(1, 48), ANYTHING),
                               max_size=2))
def test_transformer_calculator(changes):
    controls = [getattr(TRANSFORMER, name) for name in BOXES]
    if check_setter(TRANSFORMER, controls, TRANSFORMER.set, **changes):
        assert all(same(getattr(TRANSFORMER, name).value, value) for name, value in changes.items())


@fuzz(20)
@given(name=st.one_of(ANYTHING, st.sampled_from(["GPT-2 small", "GPT-2 XL"])))
def test_transformer_presets(name):
    if check_setter(TRANSFORMER, [TRANSFORMER.preset], TRANSFORMER.choose, name):
        assert TRANSFORMER.preset.value == name or name == TRANSFORMER.custom


@fuzz(40)
@given(w1=st.one_of(st.none(), SMALL), w2=st.one_of(st.none(), SMALL), b=st.one_of(st.none(), SMALL))
def test_neuron(w1, w2, b):
    if check_setter(NEURON, [NEURON.w1, NEURON.w2, NEURON.b], NEURON.set, w1, w2, b):
        assert all(value is None or same(slider.value, value)
                   for slider, value in ((NEURON.w1, w1), (NEURON.w2, w2), (NEURON.b, b)))


@fuzz(40)
@given(biases=st.dictionaries(st.sampled_from(["b_Q", "b_K", "b_V", "b_X"]),
                              st.one_of(ANYTHING, st.tuples(SMALL, SMALL)), max_size=2))
def test_attention_biases(biases):
    sliders = [slider for pair in BIASES.sliders.values() for slider in pair]
    if check_setter(BIASES, sliders, BIASES.set, **biases):
        assert all(same(s.value, v) for name, pair in biases.items() for s, v in zip(BIASES.sliders[name], pair))


@fuzz(30)
@given(x=st.one_of(st.none(), SMALL), y=st.one_of(st.none(), SMALL))
def test_query_keys_values(x, y):
    if check_setter(QKV, [QKV.x_slider, QKV.y_slider], QKV.set, x, y):
        assert x is None or same(QKV.x_slider.value, x)


# --- lesson 03-04 widgets ---

PLAYGROUND = TokenizerPlayground({"char": CharTokenizer.from_text("abc "), "word": WORDS}, "the cat")
STEPS = [0, 10, 20]
REPLAY = EmbeddingReplay(
    Snapshots(STEPS, torch.randn(3, WORDS.vocab_size, 8), torch.randn(3, 8, 8)), WORDS,
    ["cat", "dog", "car", "mat"], {"cat": "animal", "dog": "animal", "car": "thing", "mat": "thing"},
)


@fuzz(40)
@given(text=TEXTS, name=st.one_of(st.none(), ANYTHING, st.sampled_from(["char", "word"])))
def test_tokenizer_playground(text, name):
    if check_setter(PLAYGROUND, [PLAYGROUND.text_box], PLAYGROUND.set_text, text):
        assert PLAYGROUND.text_box.value == text
    if name is not None and check_setter(PLAYGROUND, [PLAYGROUND.menu], PLAYGROUND.set_tokenizer, name):
        assert PLAYGROUND.menu.value == name or "#a15c00" in PLAYGROUND.message.value


@fuzz(30)
@given(step=st.one_of(st.sampled_from(STEPS), SMALL), words=st.lists(st.one_of(TEXTS, st.just("cat")), min_size=3,
                                                                      max_size=3))
def test_embedding_replay(step, words):
    if check_setter(REPLAY, [REPLAY.slider], REPLAY.set_step, step) and "#a15c00" not in REPLAY.message.value:
        assert REPLAY.step == step and type(REPLAY.step) is int
    check_setter(REPLAY, REPLAY.word_boxes, REPLAY.set_words, *words)


# --- lesson 00/09 explorers ---

ATTENTION = AttentionExplorer(MODEL, WORDS, "the cat sat on the mat")
HIDDEN = HiddenStateExplorer(MODEL, WORDS, "the cat sat on the mat")


@fuzz(40)
@given(layer=st.one_of(st.none(), SMALL), head=st.one_of(st.none(), SMALL), query=st.one_of(st.none(), SMALL),
       temperature=st.one_of(st.none(), SMALL, st.floats(0.1, 8)))
def test_attention_explorer_select(layer, head, query, temperature):
    controls = [ATTENTION.layer_slider, ATTENTION.head_slider, ATTENTION.query_menu, ATTENTION.temperature_slider]
    if check_setter(ATTENTION, controls, ATTENTION.select, layer, head, query, temperature):
        for control, value in zip(controls, (layer, head, query, temperature)):
            assert value is None or same(control.value, value)
        assert np.isfinite(ATTENTION.patterns).all()


@fuzz(30)
@given(explorer=st.sampled_from([ATTENTION, HIDDEN]), text=TEXTS, layer=SMALL)
def test_explorer_text_and_layer(explorer, text, layer):
    if check_setter(explorer, [explorer.text_box], explorer.set_text, text):
        assert explorer.text_box.value == text
    if explorer is HIDDEN and check_setter(HIDDEN, [HIDDEN.layer_slider], HIDDEN.select, layer):
        assert HIDDEN.layer_slider.value == layer


def test_two_thousand_unknown_words_give_a_short_message():
    ATTENTION.set_text(" ".join(f"word{i}" for i in range(2000)))
    error = shown_error(ATTENTION)
    assert error is not None and len(error) < 1000 and "2000 in all" in error


# --- lesson 06/08 widgets ---

NEXT = NextTokenExplorer(MODEL, WORDS, "the cat")
LOSS = LiveLossPlot(10, floor=0.5)


@fuzz(30)
@given(temperature=st.one_of(st.none(), SMALL, st.floats(0.05, 3)), top_k=st.one_of(st.just("keep"), st.none(), SMALL),
       prompt=TEXTS, how=st.sampled_from(["sample", "greedy"]))
def test_next_token_explorer(temperature, top_k, prompt, how):
    controls = [NEXT.temperature_slider, NEXT.top_k_slider]
    if check_setter(NEXT, controls, NEXT.set, temperature, top_k) and temperature is not None:
        assert same(NEXT.temperature_slider.value, temperature)
    check_setter(NEXT, controls, NEXT.reset, prompt)
    check_setter(NEXT, controls, getattr(NEXT, how))


@fuzz(30)
@given(step=st.one_of(SMALL, st.integers(0, 10)), loss=st.one_of(SMALL, st.floats(0, 5)))
def test_live_loss_plot(step, loss):
    check_setter(LOSS, [], LOSS.on_step, step, loss)
    check_setter(LOSS, [], LOSS.add_validation, step, loss)
