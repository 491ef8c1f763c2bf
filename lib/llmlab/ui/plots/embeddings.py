"""Figures for lesson 04: word maps, similarity over training, coordinates versus directions."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from llmlab.studies.embeddings import SeparationReport
from llmlab.messages import msg
from llmlab.ui.plots.token_labels import fonts_for, label_fonts, token_label

KIND_COLOURS = {
    "animal": "#d95f02", "vehicle": "#1b9e77", "place": "#7570b3", "verb": "#e7298a",
    "adjective": "#66a61e", "colour": "#e6ab02", "name": "#a6761d", "object": "#1f78b4",
    "function": "#999999",
}


def kind_name(kind: str) -> str:
    """A word kind of the toy corpus (a key of ``KIND_COLOURS``) as the figure names it; other labels as given."""
    return msg(f"plots.word_kind.{kind}") if kind in KIND_COLOURS else kind


def new_figure(
    width: float, height: float, rows: int = 1, columns: int = 1, **grid: object
) -> tuple[Figure, list[Axes]]:
    """A figure drawn off-screen with a grid of axes (listed row by row)."""
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure, list(figure.subplots(rows, columns, squeeze=False, **grid).flat)


class WordMap:
    """A scatter of words in 2-D, coloured by kind, whose points can be moved in place."""

    def __init__(self, ax: Axes, words: Sequence[str], kinds: dict[str, str]) -> None:
        self.ax = ax
        self.words = list(words)
        colours = [KIND_COLOURS.get(kinds.get(word, "function"), "#999999") for word in self.words]
        self.points = ax.scatter([0.0] * len(self.words), [0.0] * len(self.words), c=colours, s=28)
        self.labels = [
            ax.annotate(token_label(word), (0.0, 0.0), xytext=(3, 3), textcoords="offset points",
                        fontsize=8, fontfamily=fonts_for(token_label(word)), color=colour)
            for word, colour in zip(self.words, colours)
        ]
        shown_kinds = list(dict.fromkeys(kinds.get(word, "function") for word in self.words))
        for kind in shown_kinds:
            ax.scatter([], [], c=KIND_COLOURS.get(kind, "#999999"), label=kind_name(kind))
        ax.legend(loc="best", fontsize=8, framealpha=0.8)  # placed again at each step, away from the words
        ax.set_xlabel(msg("plots.pca_axis", number=1))
        ax.set_ylabel(msg("plots.pca_axis", number=2))
        # No numbers on the map's axes: they mean nothing to a reader, and as the range changes from step to
        # step their width would change too, pushing the axis label out of a layout fixed once.
        ax.tick_params(labelleft=False, labelbottom=False)

    def update(self, coords: torch.Tensor, title: str) -> None:
        """Move the words to ``coords`` (n × 2) and rescale the axes to fit them."""
        xy = coords.detach().numpy()
        self.points.set_offsets(xy)
        for label, point in zip(self.labels, xy):
            label.xy = tuple(point)
        low, high = xy.min(axis=0), xy.max(axis=0)
        margin = (high - low) * 0.12 + 1e-9
        self.ax.set_xlim(low[0] - margin[0], high[0] + margin[0])
        self.ax.set_ylim(low[1] - margin[1], high[1] + margin[1])
        self.ax.set_title(title)


def plot_similarity_heatmaps(matrices: dict[str, torch.Tensor], labels: Sequence[str]) -> Figure:
    """Cosine-similarity matrices side by side (-1 blue … +1 red), rows and columns labelled."""
    figure, axes = new_figure(5.2 * len(matrices), 4.8, columns=len(matrices))
    shown = [token_label(label) for label in labels]
    for ax, (title, matrix) in zip(axes, matrices.items()):
        image = ax.imshow(matrix.detach().numpy(), cmap="RdBu_r", vmin=-1, vmax=1)
        ax.set_title(title)
        ax.set_xticks(range(len(shown)), shown, rotation=90, fontsize=7, fontfamily=label_fonts())
        ax.set_yticks(range(len(shown)), shown, fontsize=7, fontfamily=label_fonts())
    figure.colorbar(image, ax=axes, shrink=0.8, label=msg("plots.cosine"))
    return figure


class SimilarityTimeline:
    """Cosine similarity of word pairs across training steps, with a marker at one step."""

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        self.marker = ax.axvline(0, color="#444", linestyle=":")
        ax.axhline(0, color="#bbb", linewidth=0.8)
        ax.set_ylim(-1, 1)
        ax.set_xlabel(msg("words.training_step"))
        ax.set_ylabel(msg("plots.cosine"))
        self.lines: list = []

    def set_series(self, steps: Sequence[int], series: dict[str, Sequence[float]]) -> None:
        """Replace the plotted pairs; ``series`` maps a label like ``cat–dog`` to one cosine per step."""
        for line in self.lines:
            line.remove()
        self.lines = [self.ax.plot(steps, values, marker="o", markersize=3, label=token_label(label), color=f"C{i}")[0]
                      for i, (label, values) in enumerate(series.items())]
        self.ax.legend(loc="lower right", fontsize=8, prop={"family": label_fonts()})

    def mark(self, step: int) -> None:
        """Move the dotted marker to ``step``."""
        self.marker.set_xdata([step, step])


def plot_coordinates(vectors: dict[str, torch.Tensor]) -> Figure:
    """Every coordinate of a few word vectors, one row of bars per word."""
    figure, axes = new_figure(8, 1.6 * len(vectors) + 0.6, rows=len(vectors), sharex=True, sharey=True)
    for ax, (word, vector) in zip(axes, vectors.items()):
        values = vector.detach().numpy()
        ax.bar(range(len(values)), values, color=["#d95f02" if v > 0 else "#1b9e77" for v in values])
        ax.set_ylabel(token_label(word), rotation=0, labelpad=20, fontfamily=label_fonts())
    axes[-1].set_xlabel(msg("plots.dimension"))
    return figure


def plot_separation(report: SeparationReport, names: tuple[str, str]) -> Figure:
    """Each held-out word as a dot on two rulers: the best single coordinate and the direction.

    Right of the dashed line means "looks like the first group".
    """
    figure, axes = new_figure(9, 3.0, columns=2)
    rulers = [
        (report.dimension_values, msg("plots.best_dimension", accuracy=report.accuracy(report.dimension_values),
                                      score=report.score(report.dimension_values))),
        (report.direction_values, msg("plots.direction", accuracy=report.accuracy(report.direction_values),
                                      score=report.score(report.direction_values))),
    ]
    for ax, (values, title) in zip(axes, rulers):
        for row, (members, name) in enumerate(zip((report.in_a, ~report.in_a), names)):
            ax.scatter(values[members].numpy(), [row] * int(members.sum()),
                       color=KIND_COLOURS.get(name, "#444"), alpha=0.7)
        ax.axvline(0, color="#777", linestyle="--", linewidth=1)
        ax.set_yticks([0, 1], [kind_name(name) for name in names])
        ax.set_ylim(-0.7, 1.7)
        ax.set_title(title, fontsize=9)
    return figure


def plot_neighbour_similarity(offsets: Sequence[int], curves: dict[str, Sequence[float]]) -> Figure:
    """Mean cosine between position p and position p + offset, one line per snapshot."""
    figure, (ax,) = new_figure(6, 3.3)
    for label, values in curves.items():
        ax.plot(offsets, values, marker="o", markersize=3, label=label)
    ax.axhline(0, color="#bbb", linewidth=0.8)
    ax.set_xlabel(msg("plots.position_offset"))
    ax.set_ylabel(msg("plots.cosine"))
    ax.legend(fontsize=8)
    return figure
