"""Static figures of lesson 09 (seaborn): cost of a training step, loss by kind of line, learning rates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import seaborn as sns
from matplotlib.figure import Figure

from llmlab.toy.kinds import KindLoss
from llmlab.messages import msg
from llmlab.engine.training import History
from llmlab.studies.training_cost import StepTimes
from llmlab.ui.printouts import kind_name


def cost_figure(times: Mapping[str, StepTimes]) -> Figure:
    """Per model: microseconds per token of a forward pass and of a training step, the ratio on top."""
    rows = {"model": [], "pass": [], "time": []}
    for name, t in times.items():
        for label, seconds in ((msg("plots.training.forward"), t.forward),
                               (msg("plots.training.training_step"), t.training_step)):
            rows["model"].append(name)
            rows["pass"].append(label)
            rows["time"].append(1e6 * seconds / t.tokens)
    figure = Figure(figsize=(7.5, 3.4), layout="constrained")
    ax = figure.subplots()
    sns.barplot(rows, x="model", y="time", hue="pass", ax=ax, palette=["#8fb8de", "#d62728"])
    for i, t in enumerate(times.values()):
        ax.annotate(msg("plots.training.ratio", ratio=t.ratio), (i, 1e6 * t.training_step / t.tokens),
                    xytext=(0, 3), textcoords="offset points", ha="left", fontsize=9)
    ax.set_xlabel("")
    ax.set_ylabel(msg("plots.training.microseconds_per_token"))
    ax.set_title(msg("plots.training.cost_title"), fontsize=10)
    ax.set_ylim(top=1.3 * ax.get_ylim()[1])  # room above the bars: the legend sits there, clear of the ratio labels
    ax.legend(title="", fontsize=8, loc="upper left")
    return figure


def loss_by_kind_figure(results: Sequence[KindLoss]) -> Figure:
    """Per kind of word: the model's validation loss next to the exact floor."""
    rows = {"kind": [], "who": [], "loss": []}
    for r in results:
        for who, value in ((msg("words.model"), r.loss), (msg("plots.training.floor"), r.floor)):
            rows["kind"].append(msg("words.kind_words", kind=kind_name(r.kind), n=r.targets))
            rows["who"].append(who)
            rows["loss"].append(value)
    figure = Figure(figsize=(7.5, 3.4), layout="constrained")
    ax = figure.subplots()
    sns.barplot(rows, x="kind", y="loss", hue="who", ax=ax, palette=["#1f77b4", "#bbbbbb"])
    for container in ax.containers:
        ax.bar_label(container, fmt="%.3f", fontsize=8)
    ax.set_xlabel("")
    ax.set_ylabel(msg("plots.training.loss_nats"))
    ax.set_title(msg("plots.training.kind_title"), fontsize=10)
    ax.legend(title="", fontsize=8)
    return figure


def learning_rate_figure(runs: Mapping[str, History]) -> Figure:
    """Training loss against step for short runs that differ only in their learning rate."""
    rows = {"step": [], "loss": [], "rate": []}
    for label, history in runs.items():
        rows["step"] += history.steps
        rows["loss"] += history.train_loss
        rows["rate"] += [label] * len(history.steps)
    figure = Figure(figsize=(7.5, 3.4), layout="constrained")
    ax = figure.subplots()
    sns.lineplot(rows, x="step", y="loss", hue="rate", ax=ax, lw=1.2)
    ax.set_xlabel(msg("words.training_step"))
    ax.set_ylabel(msg("plots.training.train_loss"))
    ax.set_title(msg("plots.training.lr_title"), fontsize=10)
    ax.legend(title=msg("plots.training.peak_rate"), fontsize=8)
    return figure
