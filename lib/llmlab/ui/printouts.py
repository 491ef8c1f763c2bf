"""What the lessons' code cells print, in the learner's language.

A lesson computes its numbers in the cell and prints them with ``say("lessonNN.key", value=...)``:
the sentence around the numbers comes from the message catalogues, so a Japanese lesson running
the very same code prints Japanese. Tables too wide for one template have their own printer here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from llmlab.messages import msg
from llmlab.messages.columns import display_width, pad

# Only the message catalogues are loaded with this module; the rest is imported where it is used,
# so that printing loads no model code (lesson 03 shows that tokenizing never loads the transformer).
if TYPE_CHECKING:
    from llmlab.studies.head_roles import AblationEffects
    from llmlab.studies.knowledge import LensScores
    from llmlab.engine.model import GPT


def say(key: str, **values: object) -> None:
    """Print the catalogue text ``key`` in the current language, with ``values`` filled in."""
    print(msg(key, **values))


def component_name(component: str) -> str:
    """The name of a parameter component ("token embedding", "MLP", ... of ``llmlab.engine.params``) in the current
    language."""
    return msg("words.component." + component.lower().replace(" ", "_"))


def layer_group_name(group: str) -> str:
    """A group of ``neurons.linear_layers_per_block``: a block's name as it is, "outside" in the current language."""
    return msg("lesson01.outside") if group == "outside" else group


def task_name(task: str) -> str:
    """Lesson 05's name of a head-role task ("translation", "agreement") in the current language."""
    return msg("printouts.task." + task)


def statistic_name(name: str) -> str:
    """Lesson 05's one-line name of an attention statistic (a key of ``AttentionStatistics.as_table()``)."""
    return msg("printouts.statistic." + name)


def ablation_name(kind: str) -> str:
    """The name of an ablation ("zero", "mean") in the current language."""
    return msg("words.ablation." + kind)


def table_lines(rows: Sequence[Sequence[str]], aligns: str) -> list[str]:
    """``rows`` of cells laid out in columns two spaces apart, each as wide as its widest cell in display columns
    (a Japanese character takes two), "<" (left) or ">" (right) aligned by ``aligns``, one letter per column."""
    widths = [max(display_width(row[column]) for row in rows) for column in range(len(aligns))]
    return ["  ".join(pad(cell, width, align) for cell, width, align in zip(row, widths, aligns)).rstrip()
            for row in rows]


def ablation_table(effects: AblationEffects) -> None:
    """Lesson 05's table: per head, the change in each task's score (``head_roles.task_probabilities``) per ablation."""
    from llmlab.studies.head_roles import ABLATIONS, TASKS

    columns = [(kind, task) for task in TASKS for kind in ABLATIONS]
    header = [msg("words.head"), *(f"{task_name(task)} {ablation_name(kind)}" for kind, task in columns)]
    n_layers, n_heads = effects.change(*columns[0]).shape
    rows = [[msg("words.block_head", block=block, head=head),
             *(f"{effects.change(kind, task)[block, head].item():+.3f}" for kind, task in columns)]
            for block in range(n_layers) for head in range(n_heads)]
    print("\n".join(table_lines([header, *rows], "<" + ">" * len(columns))))


def stop_reason(stop: str | None) -> str:
    """Lesson 06: why the generation loop stopped after a step ("" while it goes on)."""
    return msg("printouts.stop", reason=msg("printouts.stop." + stop)) if stop else ""


def cache_path_name(path: str) -> str:
    """The name of one run of ``kv_cache.step_times`` ("with cache", "without cache") in the current language."""
    from llmlab.ui.plots.generation import CACHE_PATHS

    return msg(CACHE_PATHS[path])


def run_name(run: str) -> str:
    """Lesson 06's name of a mask-experiment run ("masked", "unmasked") in the current language."""
    return msg("printouts.run." + run)


def lens_table(lens: LensScores) -> None:
    """Lesson 07's table: per kind of word, the logit lens's accuracy and log-probability at every hidden state."""
    from llmlab.ui.plots.hidden_states import hidden_state_name

    n_states = len(next(iter(lens.accuracy.values())))
    rows = [[msg("printouts.kind"), msg("printouts.words"), "", *(hidden_state_name(i) for i in range(n_states))]]
    for kind, accuracy in lens.accuracy.items():
        rows.append([kind_name(kind), str(lens.counts[kind]), msg("printouts.accuracy"),
                     *(f"{a:.3f}" for a in accuracy)])
        rows.append(["", "", msg("printouts.log_prob"), *(f"{p:.2f}" for p in lens.logprob[kind])])
    print("\n".join(table_lines(rows, "<><" + ">" * n_states)))


def yes_no(flag: bool) -> str:
    """"yes" or "no" in the current language."""
    return msg("printouts.yes" if flag else "printouts.no")


def shape_name(model: GPT, shipped: bool = False) -> str:
    """Lesson 09's name of a model by its shape ("4 blocks × 96"), marked when it is the shipped model."""
    shape = msg("printouts.shape", blocks=model.config.n_layers, width=model.config.d_model)
    return msg("printouts.shipped_shape", shape=shape) if shipped else shape


def memory_part_name(part: str) -> str:
    """The name of a part of ``training_cost.training_memory`` ("weights", "gradients", "AdamW state")."""
    return msg("printouts.memory." + part.lower().replace(" ", "_"))


def kind_name(kind: str) -> str:
    """The name of a kind of word of ``toy.kinds`` (``KINDS``, ``LINE_KINDS`` or "all") in the current language."""
    return msg(f"kind.{kind}")
