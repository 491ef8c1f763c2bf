"""Figures of lesson 05: one query against keys in 2-D, and why q·k is divided by √d_head."""

from __future__ import annotations

import numpy as np
import seaborn as sns
from matplotlib.figure import Figure

from llmlab.studies.attention_math import AttentionResult, QKVExample, SoftmaxSharpness
from llmlab.messages import msg

QUERY_LIMIT = 3.0  # the query's sliders run from -QUERY_LIMIT to QUERY_LIMIT
KEY_COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#8172b3")
QUERY_COLOUR = "#c44e52"


class QKVFigure:
    """Keys with the movable query, the scaled scores, the softmax weights, the values with the output.

    Built once; :meth:`update` moves the query arrow, the bars and the output star.
    ``dynamic`` lists those artists (for the widget's fast redraw).
    """

    def __init__(self, example: QKVExample) -> None:
        # two rows of two, read left to right: 820 × 500 px, shown at its own size in an 848-px output
        self.figure = Figure(figsize=(8.2, 5.0), layout="constrained")
        keys_ax, scores_ax, weights_ax, values_ax = self.figure.subplots(2, 2).flat
        colours = [KEY_COLOURS[i % len(KEY_COLOURS)] for i in range(len(example.tokens))]
        value_limit = 1.3 * float(np.linalg.norm(example.v.numpy(), axis=1).max())
        self._plane(keys_ax, example.k.numpy(), example.tokens, colours, msg("plots.qkv.keys_title"), QUERY_LIMIT + 0.3)
        self._plane(values_ax, example.v.numpy(), example.tokens, colours, msg("plots.qkv.values_title"), value_limit)
        (self.query_line,) = keys_ax.plot([0, 0], [0, 0], color=QUERY_COLOUR, linewidth=2.5)
        (self.query_tip,) = keys_ax.plot([0], [0], "o", color=QUERY_COLOUR, markersize=7)
        self.query_label = keys_ax.text(0, 0, "q", color=QUERY_COLOUR, fontsize=12)
        (self.output_star,) = values_ax.plot([0], [0], "*", color=QUERY_COLOUR, markersize=16,
                                             markeredgecolor="black", label=msg("plots.qkv.output"))
        values_ax.legend(loc="lower left", fontsize=8)
        positions = np.arange(len(example.tokens))
        longest_key = float(np.linalg.norm(example.k.numpy(), axis=1).max())
        score_limit = 1.15 * QUERY_LIMIT * np.sqrt(2) * longest_key / np.sqrt(example.k.shape[1])  # |q·k| / √d at most
        self.score_bars = scores_ax.bar(positions, np.zeros(len(positions)), color=colours)
        self.weight_bars = weights_ax.bar(positions, np.zeros(len(positions)), color=colours)
        for ax, limits, title in ((scores_ax, (-score_limit, score_limit), msg("plots.qkv.scores_title")),
                                  (weights_ax, (0, 1.1), msg("plots.qkv.weights_title"))):
            ax.set_xticks(positions, example.tokens)
            ax.set_ylim(*limits)
            ax.axhline(0, color="black", linewidth=0.8)
            ax.set_title(title, fontsize=10)
        # the numbers themselves go to the widget's message line: text is the slowest thing to draw
        self.dynamic = [self.query_line, self.query_tip, self.query_label, self.output_star,
                        *self.score_bars, *self.weight_bars]

    @staticmethod
    def _plane(ax, points: np.ndarray, tokens: tuple[str, ...], colours: list[str], title: str, limit: float) -> None:
        """Arrows from the origin to each row of ``points``, labelled with the tokens."""
        for (x, y), token, colour in zip(points, tokens, colours):
            ax.annotate("", xy=(x, y), xytext=(0, 0), arrowprops=dict(arrowstyle="->", color=colour, linewidth=1.8))
            ax.text(x * 1.15, y * 1.15, token, color=colour, fontsize=11, ha="center")
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-limit, limit)
        ax.set_aspect("equal")
        ax.axhline(0, color="#bbb", linewidth=0.6)
        ax.axvline(0, color="#bbb", linewidth=0.6)
        ax.set_title(title, fontsize=10)

    def update(self, result: AttentionResult) -> None:
        """Show the attention of the single query in ``result`` (1 query × n keys)."""
        x, y = result.q[0].tolist()
        self.query_line.set_data([0, x], [0, y])
        self.query_tip.set_data([x], [y])
        self.query_label.set_position((x + 0.15, y + 0.15))
        out_x, out_y = result.output[0].tolist()
        self.output_star.set_data([out_x], [out_y])
        for bar, value in zip(self.score_bars, result.scores[0].tolist()):
            bar.set_height(value)
        for bar, value in zip(self.weight_bars, result.weights[0].tolist()):
            bar.set_height(value)


def sharpness_figure(result: SoftmaxSharpness) -> Figure:
    """Entropy and largest weight of softmax rows against d_head, with and without the √d_head scale."""
    figure = Figure(figsize=(10, 3.6), layout="constrained")
    entropy_ax, max_ax = figure.subplots(1, 2)
    labels = ([msg("plots.sharpness.scaled")] * len(result.widths)
              + [msg("plots.sharpness.unscaled")] * len(result.widths))
    widths = list(result.widths) * 2
    for ax, scaled, unscaled, label in (
        (entropy_ax, result.entropy_scaled, result.entropy_unscaled, msg("plots.sharpness.entropy")),
        (max_ax, result.max_weight_scaled, result.max_weight_unscaled, msg("plots.sharpness.max_weight")),
    ):
        values = scaled.tolist() + unscaled.tolist()
        sns.lineplot(x=widths, y=values, hue=labels, style=labels, markers=True, dashes=False, ax=ax)
        ax.set_xscale("log", base=2)
        ax.set_xticks(result.widths, [str(d) for d in result.widths])
        ax.minorticks_off()
        ax.set_xlabel(msg("plots.sharpness.width"))
        ax.set_ylabel(label)
    entropy_ax.axhline(result.max_entropy, color="grey", linestyle=":",
                       label=msg("plots.sharpness.even", n_keys=result.n_keys))
    entropy_ax.legend(fontsize=8)
    max_ax.set_ylim(0, 1.02)
    max_ax.legend(fontsize=8)
    figure.suptitle(msg("plots.sharpness.title", n_keys=result.n_keys), fontsize=11)
    return figure
