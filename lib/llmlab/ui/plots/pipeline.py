"""The map of the whole series: text in, one token out, append, repeat."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from llmlab.messages import msg

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


TRAINING = (3.45, 2.05)  # the training box sits above the embeddings and blocks; an arrow reaches the unembedding
TRAINING_COLOUR = "#dff0d8"
BOX_PAD = 0.02  # the rounded boxes reach this far beyond their width and height


def pipeline_figure(n_layers: int) -> Figure:
    """Boxes and arrows: corpus → tokenizer → IDs → embeddings → N blocks → scores → choose → append,
    and training (from the corpus) setting the weights of the embeddings, the blocks and the unembedding."""
    figure = Figure(figsize=(11, 4.6))
    ax = figure.add_subplot()
    ax.set_xlim(-0.6, 4.85)
    ax.set_ylim(-0.55, 2.5)
    ax.axis("off")
    width, height = 0.84, 0.6
    centres = {}
    for key, x, y in STAGES:
        text = msg(key, n=n_layers)
        colour = "#dbe9f6" if key != "pipeline.blocks" else "#fde3c8"
        ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                    boxstyle=f"round,pad={BOX_PAD}", facecolor=colour, edgecolor="#335"))
        ax.text(x, y, text, ha="center", va="center", fontsize=9, wrap=True)
        centres[key] = (x, y)
    keys = [key for key, _, _ in STAGES] + ["pipeline.token_ids"]
    for start, end in zip(keys[1:], keys[2:]):
        ax.add_patch(FancyArrowPatch(*_edges(centres[start], centres[end], width, height), arrowstyle="-|>",
                                     mutation_scale=14, shrinkA=0, shrinkB=0, color="#335"))
    ax.add_patch(FancyArrowPatch(*_edges(centres["pipeline.corpus"], centres["pipeline.tokenizer"], width, height),
                                 arrowstyle="-|>", mutation_scale=14, shrinkA=0, shrinkB=0, color="#335",
                                 linestyle="--"))
    ax.text(2.1, 0.5, msg("pipeline.repeat"), ha="left", va="center", fontsize=9, style="italic")
    _draw_training(ax, centres, width, height)
    figure.tight_layout()
    return figure


def _edges(start: tuple[float, float], end: tuple[float, float], width: float,
           height: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where the straight line between two box centres leaves the first box and enters the second:
    an arrow drawn between these points touches both boxes' edges and crosses neither label."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    half_width, half_height = width / 2 + BOX_PAD, height / 2 + BOX_PAD
    t = min(half_width / abs(dx) if dx else float("inf"), half_height / abs(dy) if dy else float("inf"))
    return (x0 + t * dx, y0 + t * dy), (x1 - t * dx, y1 - t * dy)


def _draw_training(ax, centres: dict[str, tuple[float, float]], width: float, height: float) -> None:
    """The training box: fed by the corpus, with dashed arrows down to the parts whose weights it sets."""
    x, y = TRAINING
    box_width = 2.2
    ax.add_patch(FancyBboxPatch((x - box_width / 2, y - height / 2), box_width, height, boxstyle=f"round,pad={BOX_PAD}",
                                facecolor=TRAINING_COLOUR, edgecolor="#335"))
    ax.text(x, y, msg("pipeline.training"), ha="center", va="center", fontsize=9)
    half_height, half_width = height / 2 + BOX_PAD, box_width / 2 + BOX_PAD  # arrows start and end on the edges
    corpus_x, corpus_y = centres["pipeline.corpus"]
    ax.add_patch(FancyArrowPatch((corpus_x, corpus_y + half_height), (x - half_width, y), arrowstyle="-|>",
                                 mutation_scale=14, color="#335", linestyle="--", connectionstyle="arc3,rad=-0.2"))
    for key in ("pipeline.embeddings", "pipeline.blocks"):
        part_x, part_y = centres[key]
        ax.add_patch(FancyArrowPatch((part_x, y - half_height), (part_x, part_y + half_height), arrowstyle="-|>",
                                     mutation_scale=14, color="#335", linestyle="--"))
    scores_x, scores_y = centres["pipeline.scores"]  # the unembedding: round the right of the blocks
    ax.add_patch(FancyArrowPatch((x + half_width, y), (scores_x + width / 2 + BOX_PAD, scores_y), arrowstyle="-|>",
                                 mutation_scale=14, color="#335", linestyle="--", connectionstyle="arc3,rad=-0.35"))
