"""Figures of lesson 08's copying circuit: answers right without each head, patching the hidden state (seaborn)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import seaborn as sns
import torch
from matplotlib.figure import Figure

from llmlab.studies.copying import CHANGES
from llmlab.messages import msg
from llmlab.engine.validate import LlmlabError, float_tensor, integer, kind_of, listing, mapping, real, text
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
