"""The map of the whole series: text in, one token out, append, repeat."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..messages import msg

# (message key, x, y) of each stage; the loop runs left to right on top, right to left below.
STAGES = [
    ("pipeline.corpus", 0.0, 1.0),
    ("pipeline.tokenizer", 1.0, 1.0),
    ("pipeline.token_ids", 2.0, 1.0),
    ("pipeline.embeddings", 3.0, 1.0),
    ("pipeline.blocks", 4.0, 1.0),
    ("pipeline.scores", 4.0, 0.0),
    ("pipeline.sample", 3.0, 0.0),
    ("pipeline.append", 2.0, 0.0),
]


def pipeline_figure(n_layers: int) -> Figure:
    """Boxes and arrows: corpus → tokenizer → IDs → embeddings → N blocks → scores → sample → append."""
    figure = Figure(figsize=(11, 3.6))
    ax = figure.add_subplot()
    ax.set_xlim(-0.6, 4.6)
    ax.set_ylim(-0.55, 1.55)
    ax.axis("off")
    width, height = 0.84, 0.6
    centres = {}
    for key, x, y in STAGES:
        text = msg(key, n=n_layers)
        colour = "#dbe9f6" if key != "pipeline.blocks" else "#fde3c8"
        ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                    boxstyle="round,pad=0.02", facecolor=colour, edgecolor="#335"))
        ax.text(x, y, text, ha="center", va="center", fontsize=9, wrap=True)
        centres[key] = (x, y)
    keys = [key for key, _, _ in STAGES] + ["pipeline.token_ids"]
    for start, end in zip(keys[1:], keys[2:]):
        (x0, y0), (x1, y1) = centres[start], centres[end]
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=14,
                                     shrinkA=32, shrinkB=32, color="#335",
                                     connectionstyle="arc3" if y0 == y1 or x0 == x1 else "arc3,rad=0.3"))
    (x0, y0), (x1, y1) = centres["pipeline.corpus"], centres["pipeline.tokenizer"]
    ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=14,
                                 shrinkA=32, shrinkB=32, color="#335", linestyle="--"))
    ax.text(2.1, 0.5, msg("pipeline.repeat"), ha="left", va="center", fontsize=9, style="italic")
    figure.tight_layout()
    return figure
