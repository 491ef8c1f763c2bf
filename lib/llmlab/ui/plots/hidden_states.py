"""The hidden-state picture: one hidden state's vectors as a heatmap, their lengths, and every token's path.

Hidden states are numbered 0 (the embeddings) to n_layers (after the last block); hidden state i
is the one after block i - 1. Left: tokens × dimensions of the chosen hidden state. Middle: each
vector's length (norm). Right: a 2-D projection (PCA) of every token's hidden states, one line
per token from the embeddings to the last block; dots mark the chosen hidden state.

As in :mod:`llmlab.ui.plots.attention`, labels and paths are drawn once per text and only the
heatmap, the bars, the dots and the title change when the slider moves.
"""

from __future__ import annotations

import textwrap

import numpy as np
import torch
from matplotlib.artist import Artist
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from llmlab.engine.device import one_torch_thread
from llmlab.messages import msg
from llmlab.ui.plots.token_ticks import TokenTicks
from llmlab.ui.plots.heatmap import Colouring, heatmap, set_cells
from llmlab.ui.plots.token_labels import fonts_for

CMAP = "RdBu_r"
BAR_COLOUR = "#4c72b0"
PATH_CMAP = "viridis"
MAX_PATH_LABELS = 16  # longer texts: colour alone tells the tokens apart (labels cost time)


def hidden_state_name(index: int) -> str:
    """What hidden state ``index`` is: "embeddings" for 0, else "after block {index - 1}"."""
    return msg("widgets.hidden_embeddings") if index == 0 else msg("widgets.hidden_after_block", block=index - 1)


def wrapped(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` characters, keeping its own line breaks (Japanese has no spaces to
    break at)."""
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines())


def spread_labels(labels: list[Annotation], renderer: RendererBase) -> None:
    """Nudge labels up or down, a line at a time, until no two overlap; each stays beside its point.

    Labels are placed bottom to top; each takes the nearest free line (0, +1, -1, +2, ...).
    """
    placed: list[Bbox] = []
    for label in sorted(labels, key=lambda text: text.xy[1]):
        box = label.get_window_extent(renderer)
        line = box.height * 72 / label.figure.dpi  # one text line, in points
        for shift in sorted(range(-len(labels), len(labels) + 1), key=lambda k: (abs(k), -k)):
            moved = box.translated(0, shift * box.height)
            if not any(moved.overlaps(other) for other in placed):
                break
        label.xyann = (label.xyann[0], label.xyann[1] + shift * line)
        placed.append(moved)


def pca_2d(points: np.ndarray) -> np.ndarray:
    """Project ``points`` (n, d) onto their two main directions of variation: (n, 2)."""
    centred = points - points.mean(axis=0)
    with one_torch_thread():  # numpy's SVD spreads over every core: slow on a busy machine (70 ms, not 3)
        directions = torch.linalg.svd(torch.from_numpy(np.ascontiguousarray(centred)), full_matrices=False)[2].numpy()
    projected = centred @ directions[:2].T
    return np.pad(projected, ((0, 0), (0, 2 - projected.shape[1])))  # fewer than 2 directions: pad


class HiddenStateFigure:
    """Build once; :meth:`set_states` when the text changes, :meth:`set_layer` on every move."""

    def __init__(self, size: tuple[float, float] = (10.5, 5.0), dpi: int = 80) -> None:
        self.figure = Figure(figsize=size, dpi=dpi)
        FigureCanvasAgg(self.figure)  # drawn off-screen; labels are measured before the first draw
        self.path_labels: list[Annotation] = []
        grid = self.figure.add_gridspec(1, 4, width_ratios=[1.0, 0.03, 0.35, 0.9], wspace=0.4,
                                        left=0.09, right=0.98, bottom=0.12, top=0.88)
        self.states_ax = self.figure.add_subplot(grid[0])
        colour_ax = self.figure.add_subplot(grid[1])
        self.norm_ax = self.figure.add_subplot(grid[2])  # rows line up with the heatmap (not shared: faster)
        self.path_ax = self.figure.add_subplot(grid[3])
        self.colouring = Colouring(CMAP, -1.0, 1.0)
        self.states_image = heatmap(self.states_ax)
        self.row_ticks = TokenTicks(self.states_ax, "rows")
        self.colourbar = self.figure.colorbar(self.colouring.mappable(), cax=colour_ax,
                                              label=msg("widgets.hidden_value"))
        self.states_ax.set_xlabel(msg("widgets.hidden_dimension_axis"))
        self.states_ax.xaxis.set_label_coords(0.5, -0.08)  # fixed: no measuring of tick labels
        self.norm_ax.set_title(wrapped(msg("widgets.norm_title"), 16), fontsize=9)  # narrow axes: wrap
        self.norm_ax.set_yticks([])
        # y given: where matplotlib puts it anyway (no ticks on top), without measuring the axes on every new text
        self.path_ax.set_title(wrapped(msg("widgets.pca_title"), 40), fontsize=9, y=1.0)
        colour_note = self.path_ax.text(0.02, 0.02, msg("widgets.pca_colour"), transform=self.path_ax.transAxes,
                                        fontsize=7)
        colour_note.set_in_layout(False)
        self.path_ax.set_xlabel(msg("widgets.pca_axis", n=1))
        self.path_ax.set_ylabel(msg("widgets.pca_axis", n=2))
        self.path_ax.xaxis.set_label_coords(0.5, -0.08)
        self.path_ax.yaxis.set_label_coords(-0.12, 0.5)
        self.bars = LineCollection([], colors=BAR_COLOUR)
        self.norm_ax.add_collection(self.bars)
        self.paths = LineCollection([], cmap=PATH_CMAP, linewidths=1, alpha=0.5)
        self.path_ax.add_collection(self.paths)
        self.dots = self.path_ax.scatter(np.zeros(0), np.zeros(0), c=np.zeros(0), s=28, cmap=PATH_CMAP,
                                         edgecolors="black", linewidths=0.5, zorder=3)
        box = grid[0].get_position(self.figure)
        self.title = self.figure.text((box.x0 + box.x1) / 2, 0.93, "", ha="center", fontsize=11)
        self.states = np.zeros((1, 1, 1))
        self.norms = np.zeros((1, 1))
        self.projected = np.zeros((1, 1, 2))

    @property
    def dynamic(self) -> list[Artist]:
        """The artists that change when the layer slider moves."""
        return [self.states_image, self.bars, self.dots, self.title]

    @property
    def per_text(self) -> list[Artist]:
        """The artists that change with the text only: token labels, the colour and length scales, the paths and
        their scales and labels (a new list after each :meth:`set_states`)."""
        return [self.row_ticks, self.colourbar.ax.yaxis, self.norm_ax.xaxis, self.path_ax.xaxis, self.path_ax.yaxis,
                self.paths, *self.path_labels]

    def set_states(self, states: np.ndarray, labels: list[str]) -> None:
        """New text: ``states`` is (layers + 1, T, d_model); fix scales, draw paths and labels."""
        n_layers, T, _ = states.shape
        self.states = states
        self.norms = np.linalg.norm(states, axis=-1)
        limit = float(np.percentile(np.abs(states), 99)) or 1.0
        self.colouring.set_range(-limit, limit)
        self.colourbar.update_normal(self.colouring.mappable())
        set_cells(self.states_image, self.colouring.rgba(states[0]))
        self.row_ticks.set_labels(labels)
        self.norm_ax.set_xlim(0, float(self.norms.max()) * 1.05 or 1.0)
        self.norm_ax.set_ylim(T - 0.5, -0.5)
        self.bars.set_linewidth(max(1.0, 0.7 * self._row_height_points(T)))
        self._set_paths(pca_2d(states.reshape(n_layers * T, -1)).reshape(n_layers, T, 2), labels)

    def _row_height_points(self, T: int) -> float:
        """How tall one token's row is, in points."""
        return self.states_ax.get_position().height * self.figure.get_figheight() * 72 / max(1, T)

    def _set_paths(self, projected: np.ndarray, labels: list[str]) -> None:
        """One line per token through its layers, and the token's label at its last point."""
        self.projected = projected
        T = projected.shape[1]
        self.paths.set_segments([projected[:, t] for t in range(T)])
        self.paths.set_array(np.arange(T))
        self.dots.set_array(np.arange(T))
        for collection in (self.paths, self.dots):
            collection.set_clim(0, max(1, T - 1))
        for text in self.path_labels:
            text.remove()
        self.path_labels = []
        low, high = projected.reshape(-1, 2).min(axis=0), projected.reshape(-1, 2).max(axis=0)
        margin = (high - low) * 0.08 + 1e-6
        self.path_ax.set_xlim(low[0] - margin[0], high[0] + margin[0])
        self.path_ax.set_ylim(low[1] - margin[1], high[1] + margin[1])
        if T > MAX_PATH_LABELS:
            return
        self.path_labels = [
            self.path_ax.annotate(label, tuple(projected[-1, t]), xytext=(2, 0), textcoords="offset points",
                                  va="center", fontsize=7, fontfamily=fonts_for(label), alpha=0.8)
            for t, label in enumerate(labels)
        ]
        spread_labels(self.path_labels, self.figure.canvas.get_renderer())

    def set_layer(self, layer: int) -> None:
        """Show hidden state ``layer`` (0 = the embeddings, i = after block i - 1)."""
        set_cells(self.states_image, self.colouring.rgba(self.states[layer]))
        self.bars.set_segments([[(0, t), (norm, t)] for t, norm in enumerate(self.norms[layer])])
        self.dots.set_offsets(self.projected[layer])
        self.title.set_text(msg("widgets.hidden_title", what=hidden_state_name(layer)))
