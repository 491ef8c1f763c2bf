"""Figures of lesson 02: one neuron splitting the plane, weight versus bias, biases in attention."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure

from llmlab.messages import msg
from llmlab.studies.attention_math import AttentionResult
from llmlab.ui.plots.heatmap import Colouring, heatmap, set_cells

NEGATIVE, POSITIVE = "#4c72b0", "#dd8452"  # blue: output below 0, orange: above 0
LIMIT = 3.0  # the plane shown is [-LIMIT, LIMIT] squared
SIDE_COLOURS = (to_rgba_array(["#dbe4f0", "#f8e1d0"]) * 255).round().astype(np.uint8)  # light blue, light orange
POINT_COLOURS = to_rgba_array([NEGATIVE, POSITIVE])
# Where each token's name sits beside its output point (offset in points, alignment), one direction per
# token: two outputs that land close together (token 2 and 3 at b_Q = 3) keep their names apart.
NAME_PLACES = (((7, 0), "left", "center"), ((-6, 6), "right", "bottom"), ((-6, -6), "right", "top"),
               ((6, -6), "left", "top"))


def line_points(w1: float, w2: float, b: float) -> tuple[list[float], list[float]]:
    """Two ends of the line w1·x + w2·y + b = 0 inside the plot (empty if both weights are 0)."""
    if w2 != 0:
        xs = [-LIMIT, LIMIT]
        return xs, [-(w1 * x + b) / w2 for x in xs]
    if w1 != 0:
        return [-b / w1] * 2, [-LIMIT, LIMIT]
    return [], []


class NeuronPlane:
    """Points coloured by the sign of one neuron's output, the line where it is 0, the weight arrow."""

    def __init__(self, ax: Axes, points: torch.Tensor) -> None:
        self.ax = ax
        grid = np.linspace(-LIMIT, LIMIT, 121)
        self.grid_x, self.grid_y = np.meshgrid(grid, grid[::-1])  # row 0 at the top (y = LIMIT)
        # ready-made RGBA cells filling the axes, so a widget can paint them fast (plots.heatmap)
        self.background = ax.imshow(
            np.zeros((*self.grid_x.shape, 4), dtype=np.uint8), extent=(-LIMIT, LIMIT, -LIMIT, LIMIT),
            origin="upper", interpolation="nearest",
        )
        self.points = ax.scatter(*points.numpy().T, s=36, edgecolors="black", linewidths=0.5, zorder=3)
        (self.line,) = ax.plot([], [], color="black", linewidth=2, label=msg("plots.decision_line"))
        self.arrow = ax.annotate(
            "w", xy=(0, 0), xytext=(0, 0), color="black", zorder=4,
            arrowprops=dict(arrowstyle="<-", color="black", linewidth=1.5),
        )
        ax.set_xlim(-LIMIT, LIMIT)
        ax.set_ylim(-LIMIT, LIMIT)
        ax.set_title("", y=1.0)  # a fixed place: matplotlib would move a redrawn title
        ax.set_aspect("equal")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize=8, frameon=False)  # outside: drawn once

    @property
    def dynamic(self) -> list[Artist]:
        """The artists the sliders change, in drawing order (the frame and legend stay on top)."""
        return [self.background, self.line, self.points, self.arrow, *self.ax.spines.values(), self.ax.title]

    def update(self, w1: float, w2: float, b: float, outputs: torch.Tensor) -> None:
        """Redraw for weights (w1, w2), bias b and the neuron's output at every point."""
        positive = (self.grid_x * w1 + self.grid_y * w2 + b) > 0
        self.background.set_data(SIDE_COLOURS[positive.astype(np.intp)])
        self.points.set_facecolors(np.where((outputs > 0).numpy()[:, None], POINT_COLOURS[1], POINT_COLOURS[0]))
        self.line.set_data(*line_points(w1, w2, b))
        # the weight vector (w1, w2) drawn from the origin: it points to the positive side
        self.arrow.xy = (0, 0)
        self.arrow.set_position((w1, w2))
        self.arrow.set_visible(bool(w1 or w2))
        self.ax.set_title(msg("plots.neuron_title", w1=w1, w2=w2, b=b))


def weight_vs_bias_figure(inputs: Sequence[float], w: float, b: float, delta: float) -> Figure:
    """Two panels: raising the weight by delta tilts w·x + b; raising the bias lifts it evenly."""
    figure = Figure(figsize=(9, 3.4), layout="constrained")
    axes = figure.subplots(1, 2, sharey=True)
    xs = np.linspace(min(inputs) - 0.5, max(inputs) + 0.5, 50)
    raised = (("plots.raise_weight", w + delta, b), ("plots.raise_bias", w, b + delta))
    for ax, (key, new_w, new_b) in zip(axes, raised):
        ax.plot(xs, w * xs + b, color="gray", label=msg("plots.before", w=w, b=b))
        ax.plot(xs, new_w * xs + new_b, color=POSITIVE, label=msg("plots.after", w=new_w, b=new_b))
        for x in inputs:
            old, new = w * x + b, new_w * x + new_b
            ax.annotate("", xy=(x, new), xytext=(x, old), arrowprops=dict(arrowstyle="->", color="black"))
            ax.text(x + 0.08, (old + new) / 2, f"{new - old:+.2g}", fontsize=8, va="center")
        ax.axhline(0, color="black", linewidth=0.5)
        ax.axvline(0, color="black", linewidth=0.5)
        ax.set_title(msg(key, delta=delta))
        ax.set_xlabel(msg("plots.input_axis"))
        ax.legend(loc="upper left", fontsize=8)
    axes[0].set_ylabel(msg("plots.output_axis"))
    return figure


class AttentionBiasView:
    """Left: the attention weights (query × key). Right: each token's output as a 2-D point,
    with a hollow marker at the no-bias output and an arrow showing how far it moved."""

    def __init__(self, figure: Figure, baseline: AttentionResult) -> None:
        self.baseline = baseline
        left, right = figure.subplots(1, 2, width_ratios=[1, 1.2])
        n = baseline.weights.shape[0]
        tokens = [msg("plots.token", i=i + 1) for i in range(n)]
        self.colouring = Colouring("Blues", 0.0, 1.0)
        self.heatmap = heatmap(left)
        set_cells(self.heatmap, self.colouring.rgba(baseline.weights.numpy()))
        left.set_aspect("equal")
        self.cells = [[left.text(j, i, "", ha="center", va="center", fontsize=10) for j in range(n)] for i in range(n)]
        left.set_xticks(range(n), tokens)
        left.set_yticks(range(n), tokens)
        left.set_xlabel(msg("plots.keys_axis"))
        left.set_ylabel(msg("plots.queries_axis"))
        left.set_title(msg("plots.weights_title"), fontsize=10)
        base = baseline.output.numpy()
        right.scatter(base[:, 0], base[:, 1], s=80, facecolors="none", edgecolors="gray", label=msg("plots.no_bias"))
        self.outputs = right.scatter(base[:, 0], base[:, 1], s=60, color=POSITIVE, zorder=3,
                                     label=msg("plots.with_bias"))
        self.arrows = [
            right.annotate("", xy=tuple(row), xytext=tuple(row), arrowprops=dict(arrowstyle="->", color="black"))
            for row in base
        ]
        self.names = [right.annotate(t, (x, y), xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=8)
                      for i, ((x, y), t) in enumerate(zip(base, tokens))
                      for offset, ha, va in [NAME_PLACES[i % len(NAME_PLACES)]]]
        right.set_xlim(-4, 5)
        right.set_ylim(-4, 5)
        right.set_aspect("equal")
        right.axhline(0, color="black", linewidth=0.5)
        right.axvline(0, color="black", linewidth=0.5)
        right.set_title(msg("plots.output_title"), fontsize=10)
        # outside the axes: drawn once
        right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, fontsize=8, frameon=False)
        self.frames = [*left.spines.values()]

    @property
    def dynamic(self) -> list[Artist]:
        """The artists the sliders change, in drawing order."""
        return [self.heatmap, *self.frames, *(text for row in self.cells for text in row),
                self.outputs, *self.arrows, *self.names]

    def update(self, result: AttentionResult) -> None:
        """Show the attention weights and outputs of ``result``."""
        set_cells(self.heatmap, self.colouring.rgba(result.weights.numpy()))
        for i, row in enumerate(result.weights.tolist()):
            for j, weight in enumerate(row):
                self.cells[i][j].set_text(f"{weight:.3f}" if j <= i else msg("plots.masked"))
                self.cells[i][j].set_fontsize(10 if j <= i else 7)
                self.cells[i][j].set_color("white" if weight > 0.6 else "black")
        self.outputs.set_offsets(result.output.numpy())
        for arrow, name, row in zip(self.arrows, self.names, result.output.tolist()):
            arrow.xy = tuple(row)
            name.xy = tuple(row)
