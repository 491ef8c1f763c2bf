"""What the lessons' code cells print, in the learner's language.

A lesson computes its numbers in the cell and prints them with ``say("lessonNN.key", value=...)``:
the sentence around the numbers comes from the message catalogues, so a Japanese lesson running
the very same code prints Japanese. Tables too wide for one template have their own printer here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from llmlab.messages import msg

# Only the message catalogues are loaded with this module; the rest is imported where it is used,
# so that printing loads no model code (lesson 03 shows that tokenizing never loads the transformer).
if TYPE_CHECKING:
    from llmlab.studies.head_roles import AblationEffects
    from llmlab.studies.knowledge import KnowledgeTable, LensScores
    from llmlab.engine.model import GPT


def say(key: str, **values: object) -> None:
    """Print the catalogue text ``key`` in the current language, with ``values`` filled in."""
    print(msg(key, **values))


def component_name(component: str) -> str:
    """The name of a parameter component ("token embedding", "MLP", ... of ``llmlab.engine.params``) in the current language."""
    return msg("widgets.component." + component.lower().replace(" ", "_"))


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
    return msg("printouts.ablation." + kind)


def ablation_table(effects: AblationEffects) -> None:
    """Lesson 05's table: per head, the change in p(right word) for each task and each ablation."""
    from llmlab.studies.head_roles import ABLATIONS, TASKS

    columns = [(kind, task) for task in TASKS for kind in ABLATIONS]
    print(f"{msg('printouts.ablation_head'):16s}"
          + "  ".join(f"{task_name(task)[:11]:>11s} {ablation_name(kind):>4s}" for kind, task in columns))
    n_layers, n_heads = effects.change(*columns[0]).shape
    for block in range(n_layers):
        for head in range(n_heads):
            changes = [effects.change(kind, task)[block, head].item() for kind, task in columns]
            print(msg("printouts.ablation_row", block=block, head=head) + "  "
                  + "  ".join(f"{change:+16.3f}" for change in changes))


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


def rise_table(table: KnowledgeTable, how: str) -> None:
    """Lesson 07's table: per part of the model, the rise in loss of each kind of word when it is removed."""
    print(f"\n{msg('printouts.ablation_title', how=ablation_name(how)):19s}"
          + " ".join(f"{word_kind_name(kind)[:11]:>11s}" for kind in table.kinds))
    for part, row in zip(table.parts, table.increase(how)):
        print(f"{part.label:20s} " + " ".join(f"{value:11.2f}" for value in row.tolist()))


def lens_table(lens: LensScores) -> None:
    """Lesson 07's table: per kind of word, the logit lens's accuracy and log-probability at every hidden state."""
    from llmlab.ui.plots.hidden_states import hidden_state_name

    n_states = len(next(iter(lens.accuracy.values())))
    print(f"{msg('printouts.kind'):14s} {msg('printouts.words'):>6s}  "
          + "  ".join(f"{hidden_state_name(i):>15s}" for i in range(n_states)))
    for kind, accuracy in lens.accuracy.items():
        print(f"{word_kind_name(kind):14s} {lens.counts[kind]:6d}  {msg('printouts.accuracy')} " + "  ".join(f"{a:6.3f}" for a in accuracy)
              + f"   {msg('printouts.log_prob')} " + "  ".join(f"{p:7.2f}" for p in lens.logprob[kind]))


def yes_no(flag: bool) -> str:
    """"yes" or "no" in the current language."""
    return msg("printouts.yes" if flag else "printouts.no")


def shape_name(model: GPT, shipped: bool = False) -> str:
    """Lesson 08's name of a model by its shape ("4 blocks × 96"), marked when it is the shipped model."""
    shape = msg("printouts.shape", blocks=model.config.n_layers, width=model.config.d_model)
    return msg("printouts.shipped_shape", shape=shape) if shipped else shape


def memory_part_name(part: str) -> str:
    """The name of a part of ``training_cost.training_memory`` ("weights", "gradients", "AdamW state")."""
    return msg("printouts.memory." + part)


def line_kind_name(kind: str) -> str:
    """The name of a kind of word of ``loss_by_kind`` ("translation", "fact answers", ...)."""
    return msg("printouts.line_kind." + kind)


def word_kind_name(kind: str) -> str:
    """Lesson 07's name of a kind of word (``kind_targets.KINDS`` and "all"): the code name in English, as the lesson quotes it."""
    return msg("printouts.word_kind." + kind)
