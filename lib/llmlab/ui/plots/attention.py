"""The attention picture: one head's weights large, every head of the layer small.

Rows are queries (the token doing the reading), columns are keys (the token being read).
Cells above the diagonal are grey: the causal mask forbids reading later tokens.

:class:`AttentionFigure` separates what changes rarely (token labels: slow text) from what
changes on every slider move (the images, the title, the highlighted row), so a widget can
draw the labels once and only redraw the changing artists.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from llmlab.messages import msg
from llmlab.ui.plots.heatmap import Colouring, heatmap, set_cells
from llmlab.ui.plots.token_labels import fonts_for
from llmlab.ui.plots.token_ticks import TokenTicks, label_places

MASKED_COLOUR = "#d9d9d9"
HIGHLIGHT_COLOUR = "#ff7f0e"
CMAP = "viridis"


def future_cells(T: int) -> np.ndarray:
    """True above the diagonal: the cells where a query would read a later token (masked)."""
    return np.triu(np.ones((T, T), dtype=bool), k=1)


def label_tokens(ax, labels: list[str], rows: bool = True, columns: bool = True) -> None:
    """Put token labels on the axes' rows and/or columns (every n-th one when there are many)."""
    positions, size = label_places(len(labels))
    shown = [labels[i] for i in positions]
    axes = ([ax.xaxis] if columns else []) + ([ax.yaxis] if rows else [])
    for axis in axes:
        axis.set_ticks(positions, shown, fontsize=size)
        for text in axis.get_ticklabels():
            text.set_fontfamily(fonts_for(text.get_text()))
    if columns:
        ax.tick_params(axis="x", labelrotation=90)


def grid_shape(n: int) -> tuple[int, int]:
    """(rows, columns) of a near-square grid holding ``n`` panels."""
    columns = math.ceil(math.sqrt(n))
    return math.ceil(n / columns), columns


class AttentionFigure:
    """Build once; call :meth:`set_tokens` when the text changes, :meth:`set_view` on every move."""

    def __init__(self, n_heads: int, size: tuple[float, float] = (10.5, 5.2), dpi: int = 80) -> None:
        self.figure = Figure(figsize=size, dpi=dpi, layout=None)
        rows, columns = grid_shape(n_heads)
        outer = self.figure.add_gridspec(1, 3, width_ratios=[1.0, 0.75, 0.035], wspace=0.12,
                                         left=0.11, right=0.92, bottom=0.2, top=0.88)
        self.main = self.figure.add_subplot(outer[0])
        colour_axes = self.figure.add_subplot(outer[2])
        heads_grid = outer[1].subgridspec(rows, columns, wspace=0.08, hspace=0.25)
        self.heads = [self.figure.add_subplot(heads_grid[h // columns, h % columns]) for h in range(n_heads)]
        for unused in range(n_heads, rows * columns):
            self.figure.add_subplot(heads_grid[unused // columns, unused % columns]).set_axis_off()

        self.colouring = Colouring(CMAP, 0.0, 1.0, masked=MASKED_COLOUR)
        self.main_image = heatmap(self.main)
        self.head_images = [heatmap(ax) for ax in self.heads]
        self.figure.colorbar(self.colouring.mappable(), cax=colour_axes, label=msg("widgets.attention_weight"))
        self.main.set_xlabel(msg("widgets.attention_key_axis"))
        self.main.set_ylabel(msg("widgets.attention_query_axis"))
        self.main.xaxis.set_label_coords(0.5, -0.22)  # fixed places: no measuring of tick labels
        self.main.yaxis.set_label_coords(-0.16, 0.5)
        main_box = outer[0].get_position(self.figure)
        self.title = self.figure.text((main_box.x0 + main_box.x1) / 2, 0.93, "", ha="center", fontsize=11)
        grid_box = outer[1].get_position(self.figure)
        self.figure.text((grid_box.x0 + grid_box.x1) / 2, 0.93, msg("widgets.all_heads"), ha="center", fontsize=10)
        self.future = future_cells(1)
        self.row_box = Rectangle((0, 0), 1, 1, fill=False, edgecolor=HIGHLIGHT_COLOUR, linewidth=2.5)
        self.main.add_patch(self.row_box)
        self.key_ticks, self.query_ticks = TokenTicks(self.main, "columns"), TokenTicks(self.main, "rows")
        self.head_boxes = [self._outline(ax) for ax in self.heads]
        for head, ax in enumerate(self.heads):
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(msg("words.head_number", head=head), fontsize=8, pad=2)

    @staticmethod
    def _outline(ax) -> Rectangle:
        box = Rectangle((0, 0), 1, 1, transform=ax.transAxes, fill=False,
                        edgecolor=HIGHLIGHT_COLOUR, linewidth=3, clip_on=False)
        ax.add_patch(box)
        return box

    @property
    def dynamic(self) -> list[Artist]:
        """The artists that change when a slider moves."""
        return [self.main_image, *self.head_images, self.title, self.row_box, *self.head_boxes]

    @property
    def per_text(self) -> list[Artist]:
        """The artists that change with the text only: the large heatmap's token labels."""
        return [self.key_ticks, self.query_ticks]

    def set_tokens(self, labels: list[str]) -> None:
        """New text: resize the images and label both axes of the large one."""
        T = len(labels)
        self.future = future_cells(T)
        blank = self.colouring.rgba(np.zeros((T, T)), self.future)
        for image in (self.main_image, *self.head_images):
            set_cells(image, blank)
        self.key_ticks.set_labels(labels)
        self.query_ticks.set_labels(labels)
        self.row_box.set_bounds(-0.5, -0.5, T, 1)

    def set_view(self, layer_patterns: np.ndarray, layer: int, head: int, query: int,
                 temperature: float = 1.0) -> None:
        """Show ``layer_patterns`` (heads, T, T) of ``layer``, ``head`` large, ``query``'s row boxed."""
        colours = self.colouring.rgba(layer_patterns, self.future)
        set_cells(self.main_image, colours[head])
        for image, pattern_colours in zip(self.head_images, colours):
            set_cells(image, pattern_colours)
        for h, box in enumerate(self.head_boxes):
            box.set_visible(h == head)
        self.row_box.set_y(query - 0.5)
        key = "widgets.attention_title" if temperature == 1 else "widgets.attention_title_what_if"
        self.title.set_text(msg(key, layer=layer, head=head, temperature=temperature))
