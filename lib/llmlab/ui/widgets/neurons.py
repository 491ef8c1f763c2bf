"""Widgets of lesson 02: one neuron on 2-D points, and the three biases of attention."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
from matplotlib.figure import Figure

from llmlab.messages import msg
from llmlab.studies.attention_biases import AttentionExample, attention_example, bias_effect, biased_attention
from llmlab.studies.neurons import example_points, neuron_outputs
from llmlab.ui.plots.neurons import AttentionBiasView, NeuronPlane
from llmlab.ui.widgets.base import WidgetPanel
from llmlab.ui.widgets.controls import as_list
from llmlab.ui.widgets.params import Holding


def float_slider(description: str, value: float = 0.0, limit: float = 3.0) -> widgets.FloatSlider:
    """A slider from -limit to limit in steps of 0.1."""
    return widgets.FloatSlider(value=value, min=-limit, max=limit, step=0.1, description=description,
                               readout_format=".1f")


class NeuronWidget(Holding, WidgetPanel):
    """Sliders w1, w2, b for the neuron w1·x + w2·y + b on 40 points; colour = sign of the output."""

    def __init__(self, w1: float = 1.0, w2: float = 1.0, b: float = 0.0) -> None:
        self.w1, self.w2, self.b = float_slider("w1", w1), float_slider("w2", w2), float_slider("b", b)
        self.points = example_points()
        figure = Figure(figsize=(4.8, 4.8), layout="constrained")
        self.plane = NeuronPlane(figure.subplots(), self.points)
        super().__init__([self.w1, self.w2, self.b], figure, "neuron")
        self.dynamic = self.plane.dynamic
        self.update = self.guard(self._update)
        self.outputs = neuron_outputs(self.points, w1, w2, b)
        for slider in (self.w1, self.w2, self.b):
            slider.observe(lambda _: self.holding or self.update(), names="value")
        self.update()

    def set(self, w1: float | None = None, w2: float | None = None, b: float | None = None) -> None:
        """Move the sliders that are given, then redraw once."""
        self.set_values([(self.w1, w1), (self.w2, w2), (self.b, b)])

    def _update(self) -> None:
        w1, w2, b = self.w1.value, self.w2.value, self.b.value
        self.outputs = neuron_outputs(self.points, w1, w2, b)
        self.plane.update(w1, w2, b, self.outputs)
        positive = int((self.outputs > 0).sum())
        if w1 == 0 and w2 == 0:
            self.say(msg("widgets.neuron_no_weights", b=b), "warning")
        else:
            self.say(msg("widgets.neuron_summary", positive=positive, negative=len(self.outputs) - positive))
        self.refresh()


class AttentionBiasWidget(Holding, WidgetPanel):
    """Sliders for b_Q, b_K and b_V (two numbers each) on the lesson's 3-token example.

    The message measures the effect against all biases at zero: the largest change of any
    attention weight, of any output number, and of the output once b_V is subtracted.
    """

    def __init__(self, example: AttentionExample | None = None) -> None:
        self.example = example or attention_example()
        self.sliders = {
            name: [float_slider(f"{name}[{i}]") for i in range(2)] for name in ("b_Q", "b_K", "b_V")
        }
        controls = [widgets.VBox(pair) for pair in self.sliders.values()]
        figure = Figure(figsize=(8.4, 3.8), layout="constrained")
        self.plot = AttentionBiasView(figure, biased_attention(self.example))
        super().__init__(controls, figure, "attention_biases")
        self.dynamic = self.plot.dynamic
        self.update = self.guard(self._update)
        for pair in self.sliders.values():
            for slider in pair:
                slider.observe(lambda _: self.holding or self.update(), names="value")
        self.update()

    def biases(self) -> dict[str, list[float]]:
        """The slider values: {"b_Q": [..., ...], "b_K": [...], "b_V": [...]}."""
        return {name: [s.value for s in pair] for name, pair in self.sliders.items()}

    def set(self, **biases: Sequence[float]) -> None:
        """Move sliders, e.g. ``set(b_K=(2, -1))``; unnamed biases keep their values."""
        pairs = []
        for name, values in biases.items():
            listed = as_list(values)
            if name not in self.sliders or listed is None or len(listed) != 2:
                self.say(msg("widgets.bias_names", name=name), "error")
                return
            pairs += zip(self.sliders[name], listed)
        self.set_values(pairs)

    def _update(self) -> None:
        biases = self.biases()
        self.result = biased_attention(self.example, **biases)
        self.effect = bias_effect(self.example, **biases)
        self.plot.update(self.result)
        self.say(
            msg(
                "widgets.bias_effect",
                **{name: f"({values[0]:g}, {values[1]:g})" for name, values in biases.items()},
                weights=self.effect.weights_change,
                output=self.effect.output_change,
                rest=self.effect.output_change_minus_b_V,
            )
        )
        self.refresh()
