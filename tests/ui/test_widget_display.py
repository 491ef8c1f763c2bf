"""How every widget looks on a learner's screen and how it redraws (no browser, no timing).

Sizes: each figure fits the output area of JupyterLab in a 1280×900 window (about 848 px wide)
together with its controls, and the page shows it at its own pixel size. Redraws: moving a
control repaints only what changed (no full figure draw: that is what made widgets slow).
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest
import torch
from matplotlib.text import Text
from torch import nn

from llmlab.engine.config import GPTConfig
from llmlab.toy.corpus import word_kinds
from llmlab.studies.embeddings import load_snapshots, words_of_kind
from llmlab.engine.model import GPT
from llmlab.engine.params import PUBLISHED_CONFIGS, count_without_weights, formula_parameters
from llmlab.ui.plots.hidden_states import HiddenStateFigure
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.ui.widgets.attention import AttentionExplorer
from llmlab.ui.widgets.base import CHOICE_SLIDER_CLASS, PANEL_CLASS, PANEL_STYLE, WidgetPanel
from llmlab.ui.widgets.embeddings import EmbeddingReplay
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer
from llmlab.ui.widgets.neurons import AttentionBiasWidget, NeuronWidget
from llmlab.ui.widgets.params import MLPCalculator, TransformerCalculator
from llmlab.ui.widgets.tokens import TokenizerPlayground

MAX_WIDTH_PX = 840  # JupyterLab's output area in a 1280-px-wide window is 848 px
MAX_HEIGHT_PX = 520  # leaves room for the controls above and the message below in a 900-px window
LONGEST_DEFAULT_LABEL = 10  # characters that fit ipywidgets' default description width (80 px)


@pytest.fixture(scope="module")
def panels(shipped) -> dict[str, WidgetPanel]:
    """One of every widget of lessons 01-04 and 09, built as the lessons build them."""
    model, tokenizer = shipped
    kinds = word_kinds()
    words = [word for kind in ("animal", "vehicle", "place") for word in words_of_kind(tokenizer, kinds, kind)]
    text = "the cats sleep in the garden"
    return {
        "mlp": MLPCalculator(sizes=(10, 100, 1)),
        "transformer": TransformerCalculator(PUBLISHED_CONFIGS),
        "neuron": NeuronWidget(),
        "biases": AttentionBiasWidget(),
        "tokenizers": TokenizerPlayground({"characters": CharTokenizer.from_text(text), "toy words": tokenizer}, text),
        "replay": EmbeddingReplay(load_snapshots(), tokenizer, words, kinds),
        "attention": AttentionExplorer(model, tokenizer),
        "hidden states": HiddenStateExplorer(model, tokenizer),
    }


def controls_of(panel: WidgetPanel) -> list[widgets.Widget]:
    """Every widget inside the panel's view (depth first)."""
    found, stack = [], [panel.view]
    while stack:
        widget = stack.pop()
        found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return found


def test_every_figure_fits_a_1280_by_900_screen(panels):
    for name, panel in panels.items():
        width, height = panel.canvas.get_width_height()
        assert width <= MAX_WIDTH_PX and height <= MAX_HEIGHT_PX, f"{name}: {width}×{height} px"


def test_every_changing_text_is_drawn_inside_the_figure(panels):
    """Titles and numbers redrawn on their own must stay where the first full draw put them."""
    for name, panel in panels.items():
        renderer, (width, height) = panel.canvas.get_renderer(), panel.canvas.get_width_height()
        for artist in panel.dynamic:
            if isinstance(artist, Text) and artist.get_visible() and artist.get_text():
                box = artist.get_window_extent(renderer)
                assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height, \
                    f"{name}: {artist.get_text()!r} at {box} is outside the {width}×{height} figure"


def test_images_are_shown_at_their_own_size_never_stretched(panels):
    for name, panel in panels.items():
        layout = panel.image.layout
        assert (layout.width, layout.height, layout.max_width) == ("auto", "auto", "100%"), name
        assert layout.align_self == "flex-start", f"{name}: a column would stretch the image to its width"
        assert PANEL_CLASS in panel.view._dom_classes
    assert "img.widget-image" in PANEL_STYLE and "max-width: 100%" in PANEL_STYLE


def test_every_slider_shows_its_number_in_an_editable_box(panels):
    assert ".widget-readout" in PANEL_STYLE and "border" in PANEL_STYLE
    for name, panel in panels.items():
        assert any(isinstance(w, widgets.HTML) and w.value == PANEL_STYLE for w in controls_of(panel)), name
        for slider in controls_of(panel):
            if "Slider" in type(slider).__name__:
                assert slider.readout, f"{name}: {slider.description} hides its number"
            if isinstance(slider, widgets.SelectionSlider):  # typing into its box went nowhere: a label instead
                assert CHOICE_SLIDER_CLASS in slider._dom_classes, f"{name}: {slider.description} looks typeable"


def test_a_selection_slider_shows_its_choice_as_a_read_only_label():
    rule = PANEL_STYLE.split(f".{CHOICE_SLIDER_CLASS} .widget-readout")[1].split("}")[0]
    assert "pointer-events: none" in rule and "user-modify: read-only" in rule and "border-color: transparent" in rule


def test_no_control_label_is_cut(panels):
    for name, panel in panels.items():
        for control in controls_of(panel):
            description = getattr(control, "description", "")
            if len(description) > LONGEST_DEFAULT_LABEL and not isinstance(control, (widgets.Button, widgets.Checkbox)):
                assert control.style.description_width == "initial", f"{name}: {description!r} is cut"


MAIN_CONTROLS = {  # a control of each widget and two values to move it between
    "mlp": ("hidden_1", 50, 60),
    "transformer": ("preset", "GPT-3 175B", "GPT-2 small"),
    "neuron": ("w1", 0.5, -1.2),
    "biases": (("sliders", "b_K", 1), 1.0, -0.5),
    "tokenizers": ("menu", "toy words", "characters"),
    "replay": ("slider", 0, 1000),
    "attention": ("head_slider", 1, 2),
    "hidden states": ("layer_slider", 0, 1),
}


def main_control(panel: WidgetPanel, where):
    if isinstance(where, tuple):
        attribute, key, index = where
        return getattr(panel, attribute)[key][index]
    return getattr(panel, where)


@pytest.mark.parametrize("name", MAIN_CONTROLS)
def test_moving_a_control_repaints_without_drawing_the_whole_figure(panels, name, monkeypatch):
    panel = panels[name]
    where, first, second = MAIN_CONTROLS[name]
    control = main_control(panel, where)
    control.value = first
    full_draws = []
    monkeypatch.setattr(panel.canvas, "draw", lambda *args: full_draws.append(args))
    before = panel.image.value
    control.value = second
    assert panel.image.value != before, f"{name}: the picture did not change"
    assert not full_draws, f"{name}: a control move drew the whole figure"
    assert "#b00020" not in panel.message.value, panel.message.value


def test_the_what_if_temperature_reads_as_the_slider_shows_it(panels):
    explorer = panels["attention"]
    # the page formats the readout with d3's ".3g": 3 significant digits, trailing zeros kept (Python's "#.3g")
    assert explorer.temperature_slider.readout_format == ".3g"
    for temperature, shown in ((2**0.75, "1.68"), (2**-2.75, "0.149"), (2**2.25, "4.76"), (2.0, "2.00"),
                               (0.5, "0.500")):
        explorer.temperature_slider.value = temperature
        assert explorer.plot.title.get_text().endswith(f"temperature {shown}"), explorer.plot.title.get_text()


def test_path_labels_of_the_hidden_state_map_do_not_overlap():
    figure = HiddenStateFigure()
    generator = torch.Generator().manual_seed(0)
    states = torch.randn(3, 12, 8, generator=generator).numpy()
    states[:, 1:8] = states[:, :1] + 0.01 * states[:, 1:8]  # seven tokens end at almost the same point
    figure.set_states(states, [f"token{t}" for t in range(12)])
    renderer = figure.figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in figure.path_labels]
    assert len(boxes) == 12
    overlapping = [(i, j) for i in range(12) for j in range(i) if boxes[i].overlaps(boxes[j])]
    assert not overlapping, overlapping
    assert any("colour" in text.get_text() for text in figure.path_ax.texts), "the colour note was removed"


def test_an_unknown_word_in_the_replay_gets_a_learner_message(panels):
    replay = panels["replay"]
    replay.word_boxes[1].value = "zebra"
    message = replay.message.value
    assert "zebra" in message and "cat" in message and "unknown=" not in message and "replace" not in message
    replay.word_boxes[1].value = "dog"
    assert "#b00020" not in replay.message.value


def test_gpt3_is_counted_on_the_meta_device_and_the_initialisers_come_back():
    normal = nn.init.normal_
    assert count_without_weights(PUBLISHED_CONFIGS["GPT-3 175B"]) == formula_parameters(PUBLISHED_CONFIGS["GPT-3 175B"])
    assert nn.init.normal_ is normal
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=10, context_length=4, d_model=8, n_heads=2, n_layers=1))
    assert model.token_embedding.weight.std() > 0.005  # a real model is still initialised


def test_token_names_of_the_bias_plot_never_overlap(panels):
    biases = panels["biases"]
    renderer = biases.canvas.get_renderer()
    for name in ("b_Q", "b_K", "b_V"):
        for value in (3.0, -3.0):
            biases.set(b_Q=(0, 0), b_K=(0, 0), b_V=(0, 0))
            biases.set(**{name: (value, value)})
            boxes = [label.get_window_extent(renderer) for label in biases.plot.names]
            overlapping = [(i, j) for i in range(len(boxes)) for j in range(i) if boxes[i].overlaps(boxes[j])]
            assert not overlapping, f"{name} = {value}: token names {overlapping} overlap"
    biases.set(b_Q=(0, 0), b_K=(0, 0), b_V=(0, 0))


def test_the_word_map_keeps_its_axis_labels_inside_at_every_step(panels):
    replay = panels["replay"]
    for step in replay.snapshots.steps:
        replay.set_step(step)
        replay.figure.draw_without_rendering()  # the layout stays as fixed at the first draw
        renderer, (width, height) = replay.canvas.get_renderer(), replay.canvas.get_width_height()
        for label in (replay.word_map.ax.xaxis.label, replay.word_map.ax.yaxis.label):
            box = label.get_window_extent(renderer)
            assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height, \
                f"step {step}: {label.get_text()!r} at {box}"


def test_the_heads_box_and_the_your_own_choice_say_what_happens():
    from llmlab.messages import msg

    calculator = TransformerCalculator(PUBLISHED_CONFIGS)  # GPT-2 small first: d_model 768, 12 heads
    counts = calculator.counts
    calculator.n_heads.value = 24
    assert calculator.counts == counts, "the number of heads changed the count"
    assert msg("widgets.heads_same_count", heads=24, d_model=768, width=32) in calculator.message.value
    calculator.d_model.value = 1536  # another box: the bars move, no word about heads
    assert calculator.counts != counts and "heads" not in calculator.message.value
    calculator.preset.value = "GPT-2 medium"
    calculator.preset.value = calculator.custom
    assert msg("widgets.custom_chosen") in calculator.message.value
    assert calculator.d_model.value == 1024, "choosing (your own) must keep the boxes to start from"


def test_every_preset_of_the_transformer_calculator_counts():
    """Each menu choice redraws with its own count (a bug compared the old d_model with the new heads)."""
    from llmlab.engine.params import formula_parameters

    calculator = TransformerCalculator(PUBLISHED_CONFIGS)
    for name, config in PUBLISHED_CONFIGS.items():
        calculator.preset.value = name
        assert calculator.counts[0] == formula_parameters(config), name
        assert "must split evenly" not in calculator.message.value, (name, calculator.message.value)
