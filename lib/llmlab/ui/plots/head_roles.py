"""Figures of lesson 05: where each head looks, and what breaks when it is removed (seaborn heatmaps)."""

from __future__ import annotations

import numpy as np
import seaborn as sns
from matplotlib.figure import Figure

from llmlab.studies.head_roles import ABLATIONS, TASKS, AblationEffects, AttentionStatistics
from llmlab.messages import msg


def head_labels(n_layers: int, n_heads: int) -> list[str]:
    """One row label per head: "block 0, head 0", ..."""
    return [msg("words.block_head", block=b, head=h) for b in range(n_layers) for h in range(n_heads)]


def attention_statistics_figure(stats: AttentionStatistics, n_lines: int) -> Figure:
    """Heads (rows) × where the weight goes (columns): mean attention weight, annotated."""
    table = stats.as_table()
    n_layers, n_heads = stats.previous_token.shape
    values = np.stack([value.reshape(-1).numpy() for value in table.values()], axis=1)
    figure = Figure(figsize=(8, 4.4), layout="constrained")
    ax = figure.subplots()
    sns.heatmap(values, annot=True, fmt=".2f", vmin=0, vmax=1, cmap="Blues", ax=ax,
                xticklabels=[msg(f"plots.head_roles.{name}") for name in table],
                yticklabels=head_labels(n_layers, n_heads), cbar=False)
    ax.tick_params(axis="x", labelsize=8, labelrotation=0)
    ax.set_title(msg("plots.head_roles.attention_title", lines=n_lines), fontsize=10)
    return figure


def ablation_figure(effects: AblationEffects) -> Figure:
    """Heads (rows) × task and ablation (columns): change in each task's score, annotated.

    The colours are scaled per task (each task's largest change is full colour), so that a task whose
    changes are small is not drawn pale next to one whose changes are large; the numbers are the changes.
    """
    columns = [(task, kind) for task in TASKS for kind in ABLATIONS]
    values = np.stack([effects.change(kind, task).reshape(-1).numpy() for task, kind in columns], axis=1)
    n_layers, n_heads = effects.ablated[ABLATIONS[0]][TASKS[0]].shape
    largest = {task: max(0.05, max(effects.change(kind, task).abs().max().item() for kind in ABLATIONS))
               for task in TASKS}
    colours = values / np.array([largest[task] for task, _ in columns])
    figure = Figure(figsize=(8, 4.4), layout="constrained")
    ax = figure.subplots()
    sns.heatmap(colours, annot=values, fmt="+.2f", vmin=-1, vmax=1, cmap="RdBu", center=0, ax=ax,
                xticklabels=[msg("plots.head_roles.task_column", task=msg(f"plots.head_roles.{task}"),
                                 ablation=msg("words.ablation." + kind))
                             for task, kind in columns],
                yticklabels=head_labels(n_layers, n_heads),
                cbar_kws={"label": msg("plots.head_roles.change")})
    ax.tick_params(axis="x", labelsize=8, labelrotation=0)
    ax.set_title(msg("plots.head_roles.ablation_title"), fontsize=10)
    return figure
