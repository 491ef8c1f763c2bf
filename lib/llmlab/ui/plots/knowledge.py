"""Figures of lesson 08: the ablation table, the logit lens over many lines, neuron selectivity (seaborn)."""

from __future__ import annotations

import numpy as np
import seaborn as sns
from matplotlib.figure import Figure

from llmlab.studies.knowledge import ABLATIONS, KnowledgeTable, LensScores
from llmlab.messages import msg
from llmlab.ui.plots.hidden_states import hidden_state_name
from llmlab.ui.printouts import kind_name


def knowledge_figure(table: KnowledgeTable) -> Figure:
    """Parts (rows) × kind of word (columns): the rise in validation loss when the part is removed,
    one annotated heatmap per ablation."""
    figure = Figure(figsize=(11, 5.6), layout="constrained")
    axes = figure.subplots(1, len(ABLATIONS), sharey=True)
    values = {how: table.increase(how).numpy() for how in ABLATIONS}
    limit = max(float(np.abs(v).max()) for v in values.values())
    columns = [msg("words.kind_words", kind=kind_name(kind), n=table.counts[kind]) for kind in table.kinds]
    for ax, how in zip(axes, ABLATIONS):
        sns.heatmap(values[how], annot=True, fmt=".2f", cmap="Reds", vmin=0, vmax=limit, ax=ax,
                    cbar=how == ABLATIONS[-1], xticklabels=columns, yticklabels=[part.label for part in table.parts],
                    annot_kws={"fontsize": 8}, cbar_kws={"label": msg("plots.knowledge.increase")})
        ax.tick_params(axis="x", labelsize=8, labelrotation=30)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
        ax.set_title(msg(f"plots.knowledge.title_{how}"), fontsize=10)
    figure.suptitle(msg("plots.knowledge.suptitle", reference=table.reference), fontsize=10)
    return figure


def lens_figure(scores: LensScores,
                kinds: tuple[str, ...] = ("all", "english", "japanese", "agreement", "fact_answers")) -> Figure:
    """Next-word accuracy and mean log-probability of the right word after each block, one line per kind."""
    figure = Figure(figsize=(10, 3.8), layout="constrained")
    axes = figure.subplots(1, 2)
    n_states = len(scores.accuracy["all"])
    x = np.arange(n_states)
    palette = sns.color_palette("colorblind", len(kinds))
    for colour, kind in zip(palette, kinds):
        label = msg("plots.knowledge.kind_count", kind=kind_name(kind), n=scores.counts[kind])
        sns.lineplot(x=x, y=scores.accuracy[kind], marker="o", color=colour, label=label, ax=axes[0])
        sns.lineplot(x=x, y=scores.logprob[kind], marker="o", color=colour, label=label, ax=axes[1], legend=False)
    for ax, key in zip(axes, ("accuracy", "logprob")):
        ax.set_xticks(x, [hidden_state_name(i) for i in range(n_states)])
        ax.set_ylabel(msg(f"plots.knowledge.{key}"))
        ax.set_title(msg(f"plots.knowledge.lens_{key}_title"), fontsize=10)
    axes[0].set_ylim(-0.02, 1.02)
    axes[0].legend(fontsize=8)
    return figure


def selectivity_figure(groups: dict[str, list[float]]) -> Figure:
    """One strip of dots per group (e.g. trained neurons, random directions, untrained neurons), its median marked."""
    figure = Figure(figsize=(7, 3.2), layout="constrained")
    ax = figure.subplots()
    labels = list(groups)
    x = np.concatenate([[label] * len(values) for label, values in groups.items()])
    y = np.concatenate([np.asarray(values, dtype=float) for values in groups.values()])
    sns.stripplot(x=y, y=x, order=labels, size=3, alpha=0.6, ax=ax)
    medians = [float(np.median(values)) for values in groups.values()]
    ax.scatter(medians, range(len(labels)), marker="|", s=900, color="black", zorder=3,
               label=msg("plots.knowledge.median"))
    ax.legend(fontsize=8, loc="lower right", markerscale=0.3)
    ax.set_xlabel(msg("plots.knowledge.selectivity"))
    ax.set_ylabel("")
    ax.set_title(msg("plots.knowledge.selectivity_title"), fontsize=10)
    return figure
