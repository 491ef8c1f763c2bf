"""Lessons 05–10 in Japanese: what their code cells print, and the labels they hand to figures.

The cells print with ``printouts.say("lessonNN.key", ...)``, the tables of lessons 05 and 07 with their
printers in ``llmlab.ui.printouts``, and they name runs, models and kinds of word through ``printouts``'
name functions. Here every such template is filled in, every printer and name function is run and the
mask-experiment and KV-cache figures are drawn with the lessons' labels, after ``set_language("ja")``;
no English word may remain (the scan of test_japanese_display).
"""

from __future__ import annotations


import numpy as np
import pytest
import torch

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.studies.head_roles import ABLATIONS, TASKS, AblationEffects, AttentionStatistics
from llmlab.toy.kinds import KINDS, LINE_KINDS
from llmlab.studies.knowledge import LensScores
from llmlab.studies.kv_cache import step_times
from llmlab.messages import CATALOGUES, msg, set_language
from llmlab.ui.plots.generation import mask_losses_figure, step_times_figure
from llmlab.ui.printouts import (ablation_table, cache_path_name, kind_name, lens_table, memory_part_name,
                              run_name, say, shape_name, statistic_name, stop_reason, task_name,
                              yes_no)
from llmlab.studies.training_cost import training_memory

from screen_text import english_words, figure_texts, sample_values

pytestmark = pytest.mark.usefixtures("japanese")  # every test runs in Japanese (tests/conftest.py)

LESSONS = ("lesson05.", "lesson06.", "lesson07.", "lesson08.", "lesson09.", "lesson10.", "printouts.")
# Shown in a Japanese printout on purpose: Python's own values, a function's name, a unit, the play's speaker,
# a token's name (<unk>), a tensor attribute (.weight) and torch.allclose's tolerances (rtol, atol).
KEPT = {"True", "False", "tensor", "generate", "MB", "ROMEO", "unk", "weight", "rtol", "atol"}


def english(texts) -> list[str]:
    """One line per distinct text with English words (the values and names of ``KEPT`` aside)."""
    return [f"{text!r}: {words}" for text in dict.fromkeys(texts)
            if (words := [word for word in english_words(text) if word not in KEPT])]


def test_every_printout_of_lessons_05_to_10_is_japanese(capsys):
    keys = [key for key in CATALOGUES["ja"] if key.startswith(LESSONS)]
    assert len(keys) > 150  # every lesson's printouts and names
    for key in keys:
        say(key, **sample_values(CATALOGUES["ja"][key]))
    assert not english(capsys.readouterr().out.splitlines())


def test_the_name_functions_answer_in_japanese():
    names = [task_name(task) for task in TASKS] + [statistic_name(name) for name in AttentionStatistics(
        *(torch.zeros(1, 1) for _ in range(5))).as_table()]
    names += [run_name(run) for run in ("masked", "unmasked")]
    names += [stop_reason(stop) for stop in ("stop_token", "limit", "context")]
    names += [cache_path_name(path) for path in ("with cache", "without cache")] + [yes_no(True), yes_no(False)]
    names += [memory_part_name(part) for part in training_memory(10)] + [kind_name(kind) for kind in LINE_KINDS]
    names += [kind_name(kind) for kind in ("all", *KINDS)]
    assert stop_reason(None) == ""
    assert not english(names)


def test_the_tables_of_lessons_05_and_08_are_japanese(capsys):
    model, _, _ = load_shipped_model()
    heads = lambda: torch.rand(model.config.n_layers, model.config.n_heads)  # noqa: E731
    ablation_table(AblationEffects({task: 0.5 for task in TASKS},
                                   {how: {task: heads() for task in TASKS} for how in ABLATIONS}, "0"))
    states = model.config.n_layers + 1
    lens_table(LensScores({kind: [0.5] * states for kind in ("all", *KINDS)},
                          {kind: [-1.0] * states for kind in ("all", *KINDS)}, {kind: 10 for kind in ("all", *KINDS)}))
    out = capsys.readouterr().out.splitlines()
    assert len(out) > model.config.n_layers * model.config.n_heads and not english(out)
    model_name = shape_name(model, shipped=True)
    assert str(model.config.n_layers) in model_name and "64" in model_name and not english([model_name])


def test_figures_with_the_lessons_labels_are_japanese():
    """Lesson 06 names the mask experiment's runs and the timed models; drawn here with those names."""
    model, _, _ = load_shipped_model()
    rng = np.random.default_rng(0)
    tiny = msg("printouts.tiny_model", context=32)
    figures = {
        "mask_losses_figure": mask_losses_figure({run_name("unmasked"): list(rng.random(30) + 1),
                                                  run_name("masked"): list(rng.random(30) + 2)}, 1.0),
        "step_times_figure": step_times_figure({tiny: [1, 2]}, {tiny: step_times(model, [1, 2], repeats=1)}),
    }
    found = {name: english(figure_texts(figure)) for name, figure in figures.items()}
    assert not any(found.values()), found


def test_the_scan_sees_english_printouts(capsys):
    set_language("en")
    say("lesson06.run_loss", **sample_values(CATALOGUES["en"]["lesson06.run_loss"]))
    assert english(capsys.readouterr().out.splitlines())
    assert not english(["ブロック 0、ヘッド 1: True"])
