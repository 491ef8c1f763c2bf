"""Figures of lesson 01: parameter counts per component, embedding share, the four numbers, memory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from llmlab.messages import msg
from llmlab.messages.numbers import in_units

GB = 10**9  # gigabyte as disk and RAM makers count it


def short_number(n: float) -> str:
    """124439808 -> '124M' in English, '1.24億' in Japanese: the sizes people quote, to 3 digits."""
    return in_units(n, 3, "plots.units")


class ComponentBars:
    """Stacked bars, one per column (e.g. "formula" and "torch"), one colour per component.

    Built once; ``update`` moves the segments in place and writes each segment's count on it.
    """

    def __init__(self, ax: Axes, columns: Sequence[str], components: Sequence[str]) -> None:
        self.ax = ax
        self.components = list(components)
        colours = mpl.colormaps["tab10"].colors
        positions = range(len(columns))
        self.bars = {
            name: ax.bar(positions, [0] * len(columns), width=0.6, label=name, color=colours[i % 10])
            for i, name in enumerate(self.components)
        }
        self.labels = {
            name: [ax.text(x, 0, "", ha="center", va="center", fontsize=8) for x in positions]
            for name in self.components
        }
        self.totals = [ax.text(x, 0, "", ha="center", va="bottom") for x in positions]
        ax.set_xticks(list(positions), list(columns))
        ax.set_title("", y=1.02)  # a fixed place: matplotlib would move a redrawn title out of sight
        ax.set_ylabel(msg("plots.parameters_axis"))
        ax.yaxis.set_label_coords(-0.11, 0.5)  # a fixed place: redraws need not measure the tick labels
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: short_number(value)))
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)

    @property
    def dynamic(self) -> list[Artist]:
        """What ``update`` changes: the bars, their numbers, the y axis (its scale follows) and the title."""
        bars = [bar for column in self.bars.values() for bar in column]
        labels = [text for column in self.labels.values() for text in column]
        return [*bars, *labels, *self.totals, self.ax.yaxis, self.ax.spines["left"], self.ax.title]

    def update(self, counts: Sequence[Mapping[str, int]]) -> None:
        """``counts[i][component]``: how many parameters column i has in that component."""
        tallest = max(sum(column.values()) for column in counts) or 1
        for i, column in enumerate(counts):
            bottom = 0
            for name in self.components:
                value = column.get(name, 0)
                bar, label = self.bars[name][i], self.labels[name][i]
                bar.set_y(bottom)
                bar.set_height(value)
                label.set_position((bar.get_x() + bar.get_width() / 2, bottom + value / 2))
                label.set_text(f"{value:,}" if value > 0.06 * tallest else "")
                bottom += value
            self.totals[i].set_position((i, bottom))
            self.totals[i].set_text(f"{bottom:,}")
        self.ax.set_ylim(0, tallest * 1.12)


def embedding_share_figure(counts: Mapping[str, Mapping[str, int]]) -> Figure:
    """Bars: which share of each model's parameters sits in its token embedding table."""
    figure = Figure(figsize=(8, 3.6), layout="constrained")
    ax = figure.subplots()
    names = list(counts)
    totals = [sum(c.values()) for c in counts.values()]
    shares = [100 * c["token embedding"] / t for c, t in zip(counts.values(), totals)]
    bars = ax.bar(range(len(names)), shares, color="#4c72b0")
    ax.bar_label(bars, [f"{s:.2f}%" if s < 1 else f"{s:.1f}%" for s in shares], fontsize=9)
    ax.set_xticks(range(len(names)), [f"{n}\n{short_number(t)}" for n, t in zip(names, totals)], fontsize=8)
    ax.set_ylabel(msg("plots.embedding_share_axis"))
    ax.set_title(msg("plots.embedding_share_title"))
    ax.set_ylim(0, max(shares) * 1.2)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


QUANTITIES = ("parameters", "vocab_size", "context_length", "training_tokens")  # named in the catalogues


def quantity_name(quantity: str) -> str:
    """The legend name of one of the four numbers (a key of ``QUANTITIES``); any other key is shown as given."""
    return msg(f"plots.quantity.{quantity}") if quantity in QUANTITIES else quantity


def four_numbers_figure(rows: Mapping[str, Mapping[str, float | None]]) -> Figure:
    """Grouped bars on a log scale: per model, the numbers people mix up. None = not published.

    ``rows[model][quantity]``: the quantities of ``QUANTITIES`` are named in the learner's language.
    """
    figure = Figure(figsize=(8, 3.8), layout="constrained")
    ax = figure.subplots()
    quantities = list(next(iter(rows.values())))
    width = 0.8 / len(quantities)
    colours = mpl.colormaps["tab10"].colors
    for j, quantity in enumerate(quantities):
        for i, values in enumerate(rows.values()):
            x = i + (j - (len(quantities) - 1) / 2) * width
            value = values[quantity]
            if value is None:
                ax.text(x, 1.5, msg("plots.not_published"), rotation=90, ha="center", va="bottom", fontsize=8)
                continue
            labelled = any(v[quantity] is not None for v in list(rows.values())[:i])
            ax.bar(x, value, width, color=colours[j], label=None if labelled else quantity_name(quantity))
            ax.text(x, value * 1.3, short_number(value), ha="center", va="bottom", fontsize=8)
    ax.set_yscale("log")
    ax.set_ylim(1, 1e13)
    ax.set_xticks(range(len(rows)), list(rows))
    ax.set_ylabel(msg("plots.log_axis"))
    ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def memory_figure(totals: Mapping[str, int], bytes_per_number: Mapping[str, int], laptop_gb: float) -> Figure:
    """Gigabytes the weights alone need, per model and number format, against a laptop's memory."""
    figure = Figure(figsize=(8, 3.6), layout="constrained")
    ax = figure.subplots()
    width = 0.8 / len(bytes_per_number)
    for j, (fmt, size) in enumerate(bytes_per_number.items()):
        xs = [i + (j - (len(bytes_per_number) - 1) / 2) * width for i in range(len(totals))]
        gb = [n * size / GB for n in totals.values()]
        bars = ax.bar(xs, gb, width, label=msg("plots.memory_format", format=fmt, size=size))
        ax.bar_label(bars, [f"{g:.3g}" for g in gb], fontsize=7)
    ax.axhline(laptop_gb, color="#b00020", linestyle="--", linewidth=1)
    ax.text(-0.45, laptop_gb * 1.15, msg("plots.laptop_line", gb=laptop_gb), ha="left", color="#b00020", fontsize=8)
    ax.set_yscale("log")
    ax.set_xticks(range(len(totals)), list(totals), fontsize=8)
    ax.set_ylabel(msg("plots.memory_axis"))
    ax.legend(loc="upper center", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return figure
