"""Widget of lesson 05: move one query vector and watch its scores, weights and output change live."""

from __future__ import annotations

import ipywidgets as widgets

from llmlab.studies.attention_math import QKVExample, attention_steps, plane_example
from llmlab.messages import msg
from llmlab.ui.plots.qkv import QUERY_LIMIT, QKVFigure
from llmlab.engine.validate import real
from llmlab.ui.widgets.base import WidgetPanel
from llmlab.ui.widgets.params import Holding


def query_slider(key: str, value: float) -> widgets.FloatSlider:
    """A slider for one coordinate of the query, from -QUERY_LIMIT to QUERY_LIMIT."""
    return widgets.FloatSlider(value=value, min=-QUERY_LIMIT, max=QUERY_LIMIT, step=0.1,
                               description=msg(key), readout_format=".1f")


def query_coordinate(value: object, name: str) -> float:
    """``value`` as a float inside the sliders' range, or an LlmlabError naming the range."""
    return real(value, name, low=-QUERY_LIMIT, high=QUERY_LIMIT)


class QKVWidget(Holding, WidgetPanel):
    """Two sliders move the query q = (x, y) among four fixed keys; the figure shows every step.

    From Python: ``set(x=1.5, y=-0.5)`` (an LlmlabError, a ValueError, outside -3 … 3); ``result`` holds the
    numbers shown.
    """

    def __init__(self, example: QKVExample | None = None) -> None:
        self.example = example or plane_example()
        start_x, start_y = self.example.q[0].tolist()
        self.x_slider = query_slider("widgets.qkv.query_x", start_x)
        self.y_slider = query_slider("widgets.qkv.query_y", start_y)
        self.plot = QKVFigure(self.example)
        super().__init__([self.x_slider, self.y_slider], self.plot.figure, "query_keys_values")
        self.dynamic = self.plot.dynamic
        self.update = self.guard(self._update)
        for slider in (self.x_slider, self.y_slider):
            slider.observe(lambda _: self.holding or self.update(), names="value")
        self._update()
        self.redraw()

    def set(self, x: object = None, y: object = None) -> None:
        """Move the query to (x, y) (either may be left out), then redraw once."""
        moves = [(slider, query_coordinate(value, slider.description))
                 for slider, value in ((self.x_slider, x), (self.y_slider, y)) if value is not None]
        with self.hold():
            for slider, value in moves:
                slider.value = value
        self.update()

    def _update(self) -> None:
        q = [[float(self.x_slider.value), float(self.y_slider.value)]]
        self.result = attention_steps(q, self.example.k, self.example.v)
        self.plot.update(self.result)
        weights = self.result.weights[0]
        out_x, out_y = self.result.output[0].tolist()
        self.say(msg(
            "widgets.qkv.summary",
            scores=", ".join(f"{t} {s:+.2f}" for t, s in zip(self.example.tokens, self.result.scores[0].tolist())),
            weights=", ".join(f"{t} {w:.2f}" for t, w in zip(self.example.tokens, weights.tolist())),
            total=float(weights.sum()), x=out_x, y=out_y,
        ))
        self.refresh()
