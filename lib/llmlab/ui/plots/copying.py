"""Figures of lesson 08's copying circuit: answers right without each head, patching the hidden state, and the
copying skill forming during training (the replay recorded by ``make copying-replay``) (seaborn)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import seaborn as sns
import torch
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from llmlab.studies.copying import CHANGES, CopyingSnapshots
from llmlab.messages import msg
from llmlab.engine.validate import (LlmlabError, check_instance, float_tensor, integer, kind_of, listing, mapping, real,
                                   text)
from llmlab.ui.plots.token_labels import token_labels


def head_accuracy_figure(shares: torch.Tensor, intact: float, n: int) -> Figure:
    """Blocks (rows) × heads (columns): the share of the ``n`` fact questions answered right without
    that head, an annotated heatmap; ``intact`` (the share with every head) is in the title."""
    values = float_tensor(shares, "shares", dims=2).cpu().numpy()  # (n_layers, heads)
    intact, n = real(intact, "intact", low=0, high=1), integer(n, "n", low=1)
    blocks, heads = values.shape
    figure = Figure(figsize=(1.3 * heads + 2.4, 0.75 * blocks + 1.6), layout="constrained")
    ax = figure.subplots()
    sns.heatmap(values, annot=True, fmt=".2f", cmap="Reds_r", vmin=0, vmax=1, ax=ax, linewidths=0.5,
                xticklabels=[msg("words.head_number", head=h) for h in range(heads)],
                yticklabels=[msg("plots.copying.block", block=b) for b in range(blocks)],
                cbar_kws={"label": msg("plots.copying.share_right")})
    ax.tick_params(axis="y", labelrotation=0)
    ax.set_title(msg("plots.copying.accuracy_title", intact=intact, n=n), fontsize=10)
    return figure


def stream_patching_figure(shares: Mapping[str, torch.Tensor], tokens: Sequence[str]) -> Figure:
    """For each change (a panel): blocks (rows) × positions (columns), the share of answers that turn to
    the other person's colour when the hidden state entering that block at that position comes from the
    changed story. ``tokens`` label the positions (one example question: every question has the same layout)."""
    panels = list(mapping(shares, "shares"))
    unknown = [change for change in panels if change not in CHANGES]
    if not panels or unknown:
        raise LlmlabError(msg("plots.copying.bad_changes", got=listing(unknown) or "{}",
                              changes=", ".join(map(repr, CHANGES))))
    tables = {change: float_tensor(shares[change], f"shares[{change!r}]", dims=2).cpu().numpy() for change in panels}
    if isinstance(tokens, str) or not isinstance(tokens, Sequence):
        raise LlmlabError(msg("plots.copying.tokens_per_column", n=tables[panels[0]].shape[1], got=kind_of(tokens)))
    tokens = [text(token, "tokens") for token in tokens]
    if any(len(tokens) != table.shape[1] for table in tables.values()):
        raise LlmlabError(msg("plots.copying.tokens_per_column", n=tables[panels[0]].shape[1], got=len(tokens)))
    figure = Figure(figsize=(11, 1.3 + 1.35 * len(panels)), layout="constrained")
    axes = np.atleast_1d(figure.subplots(len(panels), 1, sharex=True))
    labels, _ = token_labels(list(tokens))
    for ax, change in zip(axes, panels):
        values = tables[change]  # (n_layers, T)
        sns.heatmap(values, annot=True, fmt=".2f", cmap="Blues", vmin=0, vmax=1, ax=ax, linewidths=0.3, cbar=False,
                    xticklabels=[f"{position}\n{label}" for position, label in enumerate(labels)],
                    yticklabels=[msg("plots.copying.entering", block=b) for b in range(len(values))],
                    annot_kws={"fontsize": 7})
        ax.tick_params(axis="y", labelrotation=0, labelsize=8)
        ax.tick_params(axis="x", labelrotation=0, labelsize=8)
        ax.set_title(msg(f"plots.copying.change_{change}"), fontsize=10)
    figure.colorbar(axes[0].collections[0], ax=list(axes), label=msg("plots.copying.share_other"), shrink=0.8)
    return figure


@dataclass
class ReplayLines:
    """The lines of the copying replay, to fill (``fill_replay``) once or again and again."""

    right: Line2D
    p_asked: Line2D
    p_other: Line2D


def replay_axes(figure: Figure, last_step: int) -> ReplayLines:
    """Draw the replay's empty panel on ``figure`` (steps 0 … ``last_step``, 0 … 1 up) and return its lines:
    the share of the fact questions answered right and the mean probabilities of the asked person's and the
    other person's colour."""
    last_step = integer(last_step, "last_step", low=1)
    ax = figure.subplots()
    ax.set_xlim(0, last_step)
    ax.set_ylim(0, 1.03)  # a little room above 1 for the markers at 1
    ax.set_xlabel(msg("words.training_step"))
    ax.grid(alpha=0.3)
    (right,) = ax.plot([], [], "o-", color="black", ms=3, label=msg("plots.copying.replay_right"))
    (p_asked,) = ax.plot([], [], "-", color="#1f77b4", label=msg("plots.copying.replay_p_asked"))
    (p_other,) = ax.plot([], [], "--", color="#ff7f0e", label=msg("plots.copying.replay_p_other"))
    ax.set_title(msg("plots.copying.replay_title"), fontsize=9)
    ax.legend(fontsize=8, loc="upper left")
    return ReplayLines(right, p_asked, p_other)


def fill_replay(lines: ReplayLines, replay: CopyingSnapshots) -> None:
    """Put ``replay``'s numbers into the lines ``replay_axes`` drew."""
    steps = replay.steps
    lines.right.set_data(steps, [right / replay.questions for right in replay.right])
    lines.p_asked.set_data(steps, replay.p_asked.tolist())
    lines.p_other.set_data(steps, replay.p_other.tolist())


def copying_replay_figure(replay: CopyingSnapshots) -> Figure:
    """The copying skill forming while a model trained (``load_copying_snapshots()``): the share of the fact
    questions answered right and the mean probabilities of the two colours, against the training step."""
    replay = check_instance(replay, CopyingSnapshots, "replay", "load_copying_snapshots()")
    figure = Figure(figsize=(7.5, 3.4), layout="constrained")
    lines = replay_axes(figure, max(replay.steps[-1] if replay.steps else 1, 1))
    fill_replay(lines, replay)
    return figure
