"""Figures for lesson 03: how many tokens a text costs, by tokenizer and by language."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from llmlab.messages import msg
from llmlab.ui.plots.embeddings import new_figure

LANGUAGE_COLOURS = ("#1f78b4", "#d95f02", "#33a02c", "#6a3d9a")


def plot_tokens_per_character(
    vocab_sizes: Sequence[int], curves: dict[str, Sequence[float]], references: dict[str, float]
) -> Figure:
    """Tokens per character against vocabulary size, one line per text.

    ``references`` are single values drawn as dashed lines (e.g. a large ready-made tokenizer).
    """
    figure, (ax,) = new_figure(7, 3.8)
    for label, values in curves.items():
        ax.plot(vocab_sizes, values, marker="o", markersize=4, label=label)
    for label, value in references.items():
        ax.axhline(value, linestyle="--", color="#777", linewidth=1)
        ax.annotate(label, (vocab_sizes[-1], value), xytext=(0, 3), textcoords="offset points",
                    ha="right", fontsize=8, color="#555")
    ax.set_xlabel(msg("plots.vocab_size"))
    ax.set_ylabel(msg("plots.tokens_per_character"))
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8)
    return figure


def plot_language_bars(panels: dict[str, dict[str, dict[str, float]]]) -> Figure:
    """Grouped bars: for each panel (a measure), tokenizer → language → value."""
    figure, axes = new_figure(5.5 * len(panels), 3.8, columns=len(panels))
    for ax, (title, table) in zip(axes, panels.items()):
        tokenizers = list(table)
        languages = list(dict.fromkeys(lang for row in table.values() for lang in row))
        width = 0.8 / len(languages)
        for j, language in enumerate(languages):
            xs = [i + (j - (len(languages) - 1) / 2) * width for i in range(len(tokenizers))]
            values = [table[name].get(language, 0.0) for name in tokenizers]
            bars = ax.bar(xs, values, width, label=language, color=LANGUAGE_COLOURS[j % len(LANGUAGE_COLOURS)])
            ax.bar_label(bars, fmt="%.2f", fontsize=7)
        ax.set_xticks(range(len(tokenizers)), tokenizers, rotation=20, ha="right")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=8)
    return figure


class TokenCountBars:
    """Horizontal bars: how many tokens one text costs under each tokenizer, updated in place."""

    def __init__(self, ax: Axes, names: Sequence[str]) -> None:
        self.ax = ax
        self.names = list(names)
        self.bars = ax.barh(range(len(self.names)), [0] * len(self.names), color="#9ecae1")
        self.labels = [ax.text(0, i, "", va="center", fontsize=8) for i in range(len(self.names))]
        ax.set_yticks(range(len(self.names)), self.names)
        ax.invert_yaxis()
        ax.set_xlabel(msg("plots.token_count"))
        ax.xaxis.set_label_coords(0.5, -0.2)  # a fixed place: redraws need not measure the tick labels

    @property
    def dynamic(self) -> list[Artist]:
        """What ``update`` changes: the bars, their numbers and the x axis (its scale follows the counts)."""
        return [*self.bars, *self.labels, self.ax.xaxis, self.ax.spines["left"]]

    def update(self, counts: dict[str, int | None], current: str) -> None:
        """Set each bar; a count of None means the tokenizer could not encode the text."""
        largest = max([c for c in counts.values() if c] + [1])
        for name, bar, label in zip(self.names, self.bars, self.labels):
            count = counts.get(name)
            bar.set_width(count or 0)
            bar.set_color("#3182bd" if name == current else "#9ecae1")
            label.set_x((count or 0) + largest * 0.01)
            label.set_text(str(count) if count is not None else msg("plots.cannot_encode"))
        self.ax.set_xlim(0, largest * 1.25)
