"""Figures of lesson 06: the causal mask, the mask experiment's losses, the next-token bars, cache timings.

:class:`NextTokenBars` is built once; the widget moves its bars in place (``set_probs``) on every
slider move and relabels them (``set_tokens``) only when the text grows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from llmlab.messages import msg
from llmlab.ui.plots.attention import MASKED_COLOUR, label_tokens
from llmlab.ui.plots.heatmap import Colouring, heatmap, set_cells
from llmlab.ui.plots.token_labels import fonts_for

ALLOWED_COLOUR = "#3b75af"
GREEDY_COLOUR = "#ff7f0e"
BAR_COLOUR = "#3b75af"
OUTLINE_COLOUR = "#555555"


# The runs llmlab.studies.kv_cache.step_times times, as the legend names them.
CACHE_PATHS = {"without cache": "plots.without_cache", "with cache": "plots.with_cache"}


def causal_mask_figure(labels: Sequence[str], allowed: np.ndarray) -> Figure:
    """The mask as a grid: a coloured cell where a query (row) may read a key (column), grey where not."""
    T = len(labels)
    figure = Figure(figsize=(4.2 + 0.12 * T, 3.6 + 0.12 * T), dpi=80, layout="constrained")
    ax = figure.subplots()
    colours = Colouring("Blues", 0.0, 1.0, masked=MASKED_COLOUR).rgba(np.full((T, T), 0.75), ~allowed)
    set_cells(heatmap(ax), colours)
    label_tokens(ax, list(labels))
    ax.set_xlabel(msg("plots.keys_axis"))
    ax.set_ylabel(msg("plots.queries_axis"))
    ax.set_title(msg("plots.causal_mask_title"))
    return figure


def mask_losses_figure(curves: Mapping[str, Sequence[float]], floor: float, smooth: int = 20) -> Figure:
    """Training loss per step of each run (moving average over ``smooth`` steps) and the exact floor."""
    figure = Figure(figsize=(7.5, 3.6), dpi=80, layout="constrained")
    ax = figure.subplots()
    for name, losses in curves.items():
        values = np.asarray(losses, dtype=float)
        window = max(1, min(smooth, len(values)))
        averaged = np.convolve(values, np.ones(window) / window, mode="valid")
        ax.plot(np.arange(window - 1, len(values)), averaged, label=name)
    ax.axhline(floor, color="black", linestyle="--", label=msg("plots.floor_line", floor=floor))
    ax.set_xlabel(msg("words.training_step"))
    ax.set_ylabel(msg("words.loss_per_token"))
    ax.set_ylim(0, max(3.0, floor * 2))
    ax.legend()
    return figure


def step_times_figure(lengths: Mapping[str, Sequence[int]],
                      times: Mapping[str, Mapping[str, Sequence[float]]]) -> Figure:
    """Milliseconds per new token against the text length, one panel per model, with and without cache."""
    figure = Figure(figsize=(9.5, 3.6), dpi=80, layout="constrained")
    axes = figure.subplots(1, len(times), squeeze=False)[0]
    for ax, (model_name, by_path) in zip(axes, times.items()):
        for path, seconds in by_path.items():
            ax.plot(lengths[model_name], np.asarray(seconds) * 1000, marker="o", markersize=3,
                    label=msg(CACHE_PATHS[path]) if path in CACHE_PATHS else path)
        ax.set_title(model_name)
        ax.set_xlabel(msg("plots.tokens_so_far"))
        ax.set_ylabel(msg("plots.ms_per_token"))
        ax.set_ylim(bottom=0)
        ax.legend()
    return figure


class NextTokenBars:
    """The most likely next tokens as horizontal bars: filled = the distribution sampled from,
    outline = the model's own probabilities (temperature 1, every token). The greedy token is orange."""

    def __init__(self, n_bars: int = 10, size: tuple[float, float] = (7.0, 3.8), dpi: int = 80) -> None:
        self.n_bars = n_bars
        self.figure = Figure(figsize=size, dpi=dpi, layout=None)
        self.ax = self.figure.add_axes((0.2, 0.14, 0.7, 0.74))
        rows = np.arange(n_bars)
        self.outlines = self.ax.barh(rows, np.zeros(n_bars), height=0.8, fill=False,
                                     edgecolor=OUTLINE_COLOUR, linestyle="--", linewidth=1)
        self.bars = self.ax.barh(rows, np.zeros(n_bars), height=0.6, color=BAR_COLOUR)
        self.values = [self.ax.text(0.0, row, "", va="center", fontsize=9) for row in rows]
        self.ax.set_xlim(0, 1.12)
        self.ax.set_ylim(n_bars - 0.5, -0.5)  # most likely at the top
        self.ax.set_xlabel(msg("plots.probability_axis"))
        self.title = self.figure.text(0.55, 0.93, "", ha="center", fontsize=11)

    @property
    def dynamic(self) -> list[Artist]:
        """What a slider move changes: the filled bars and their numbers."""
        return [*self.bars.patches, *self.values]

    @property
    def per_text(self) -> list[Artist]:
        """What a new context changes (a model run): the token labels, the title and the outlines."""
        return [self.ax.yaxis, self.title, *self.outlines.patches]

    def set_tokens(self, labels: Sequence[str], model_probs: Sequence[float], title: str) -> None:
        """New context: label the rows (best first), draw the model's own probabilities as outlines."""
        self.title.set_text(title)
        shown = list(labels)[: self.n_bars] + [""] * (self.n_bars - len(labels))
        self.ax.set_yticks(range(self.n_bars), shown, fontsize=10)
        for text in self.ax.get_yticklabels():
            text.set_fontfamily(fonts_for(text.get_text()))
        for patch, p in zip(self.outlines.patches, list(model_probs) + [0.0] * self.n_bars):
            patch.set_width(p)

    def set_probs(self, probs: Sequence[float], greedy_row: int | None) -> None:
        """Move the filled bars to ``probs`` (one per row), colour the greedy row."""
        padded = list(probs)[: self.n_bars] + [0.0] * (self.n_bars - len(probs))
        for row, (patch, text, p) in enumerate(zip(self.bars.patches, self.values, padded)):
            patch.set_width(p)
            patch.set_facecolor(GREEDY_COLOUR if row == greedy_row else BAR_COLOUR)
            text.set_x(p + 0.01)
            text.set_text(f"{p:.2f}" if row < len(probs) else "")
