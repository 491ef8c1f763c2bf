"""Lesson 09's engine, widget, figures and exercises: training cost, weight changes, loss by kind."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest
import torch

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.engine.config import GPTConfig
from llmlab.toy.corpus import line_logprobs
from llmlab.engine.data import IGNORE
from llmlab.engine.device import one_torch_thread
from llmlab.toy.facts import answer_accuracy
from llmlab.toy.kinds import LINE_KINDS, loss_by_kind, target_kinds
from llmlab.engine.model import GPT
from llmlab.studies.own_text import SHAKESPEARE_RECIPE, SHAKESPEARE_SHAPE
from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters, total
from llmlab.ui.plots.training import cost_figure, learning_rate_figure, loss_by_kind_figure
from llmlab.toy.recipe import SHIPPED_RECIPE, SHIPPED_TRAIN_LINES, load_toy_data, train_tiny_model
from llmlab.engine.training import TrainConfig, make_optimizer, train
from llmlab.studies.training_cost import StepTimes, adam_state_numbers, time_training_step, training_memory
from llmlab.engine.validate import LlmlabError
from llmlab.studies.weight_changes import component_changes, snapshot
from llmlab.ui.widgets.training import LiveLossPlot


@pytest.fixture(scope="module")
def toy():
    return load_toy_data()


def small_model() -> GPT:
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=11, context_length=8, d_model=16, n_heads=2, n_layers=1))


def toy_model(toy) -> GPT:
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=toy.tokenizer.vocab_size, context_length=32, d_model=16, n_heads=2, n_layers=1))


# --- labels: the text shifted by one ---


def test_training_targets_are_the_inputs_shifted_by_one(toy):
    x, y = toy.train.random_batch(4, 16, torch.Generator().manual_seed(0))
    assert torch.equal(x[:, 1:], y[:, :-1])


def test_train_calls_on_step_once_per_step(toy):
    seen = []
    model = toy_model(toy)
    train(model, toy.train, toy.val_x[:4], toy.val_y[:4], TrainConfig(steps=3, eval_every=10), progress=False,
          on_step=lambda step, loss: seen.append((step, loss)))
    assert [step for step, _ in seen] == [0, 1, 2] and all(loss > 0 for _, loss in seen)


# --- cost of a training step ---


def test_time_training_step_times_every_phase_and_keeps_the_weights(shipped):
    model, _ = shipped
    before = snapshot(model)
    times = time_training_step(model, batch_size=2, repeats=2)
    assert all(torch.equal(before[name], p) for name, p in model.named_parameters())
    assert times.tokens == 2 * model.config.context_length
    assert min(times.forward, times.train_forward, times.backward, times.optimizer) > 0
    assert times.ratio == pytest.approx(times.training_step / times.forward)


@pytest.mark.parametrize("kwargs, words", [({"batch_size": 0}, "at least 1"), ({"batch_size": 2.5}, "whole"),
                                           ({"repeats": 0}, "at least 1"), ({"seed": -1}, "at least 0")])
def test_time_training_step_names_the_valid_range(shipped, kwargs, words):
    with pytest.raises(LlmlabError, match=words):
        time_training_step(shipped[0], **kwargs)


def test_cost_functions_refuse_what_is_not_a_model():
    for function in (time_training_step, adam_state_numbers, snapshot):
        with pytest.raises(LlmlabError, match="GPT model"):
            function("my model")


def test_adamw_keeps_two_numbers_per_parameter(shipped):
    model, _ = shipped
    assert adam_state_numbers(model) == 2 * sum(p.numel() for p in model.parameters())


def test_training_memory_of_gpt3():
    n = total(formula_parameters(PUBLISHED_CONFIGS["GPT-3 175B"]))
    memory = training_memory(n)
    assert memory == {"weights": 4 * n, "gradients": 4 * n, "AdamW state": 8 * n}
    assert 2.7e12 < sum(memory.values()) < 2.9e12  # about 16 bytes per parameter, 2.8 TB
    with pytest.raises(LlmlabError, match="at least 0"):
        training_memory(-1)
    with pytest.raises(LlmlabError, match="at most 8"):
        training_memory(10, bytes_per_number=16)


# --- every parameter moves ---


def test_a_few_steps_change_every_component(shipped, toy):
    model = copy.deepcopy(shipped[0])
    before = snapshot(model)
    train(model, toy.train, toy.val_x[:4], toy.val_y[:4],
          TrainConfig(steps=2, learning_rate=1e-3, warmup_steps=0, eval_every=10), progress=False)
    rows = component_changes(before, model)
    assert sum(r.numbers for r in rows) == sum(p.numel() for p in model.parameters())
    assert all(r.changed > 0 for r in rows)
    assert {"token embedding", "unembedding (output layer)", "block 2 · W_K", "block 0 · MLP", "final LayerNorm"} <= {
        r.component for r in rows}  # the shipped model has its own output layer


def test_a_tied_model_names_its_token_embedding_as_the_unembedding():
    model = small_model()  # tied embeddings: the output layer is the token embedding table
    rows = component_changes(snapshot(model), model)
    names = [r.component for r in rows]
    assert "token embedding (= unembedding, tied)" in names and "unembedding (output layer)" not in names
    assert all(r.changed == 0 for r in rows)


def test_component_changes_refuses_a_snapshot_of_another_model(shipped):
    with pytest.raises(LlmlabError, match="snapshot"):
        component_changes(snapshot(small_model()), shipped[0])
    with pytest.raises(LlmlabError, match="snapshot"):
        component_changes({"x": 1}, shipped[0])


# --- loss by kind of line ---


def test_target_kinds_of_a_fact_line_and_a_translation_line():
    facts = "ken has the red ball . mia has the blue cup . what does ken have ? the red ball".split()
    kinds = target_kinds(facts)
    assert len(kinds) == len(facts)  # every word after the first, and the end of the line
    assert [i for i, k in enumerate(kinds) if "fact_answers" in k] == [len(facts) - 3, len(facts) - 2]
    line = "EN: the small cats near the dog sleep in the house JA: 犬 の 近く の 小さい 猫 たち が 家 で 寝る".split()
    kinds = target_kinds(line)
    assert [line[i + 1] for i, k in enumerate(kinds) if "agreement" in k] == ["sleep"]
    switch = line.index("JA:")
    assert all(("english" if i + 1 <= switch else "japanese") in k for i, k in enumerate(kinds))


def test_loss_by_kind_floors_are_the_exact_probabilities(shipped, corpus):
    model, tokenizer = shipped
    lines = corpus[1][:60]
    results = {r.kind: r for r in loss_by_kind(model, tokenizer, lines)}
    assert set(results) <= set(LINE_KINDS) and {"translation", "facts"} <= set(results)
    fact_lines = [line for line in lines if not line.startswith("EN:")]
    floor = -sum(sum(line_logprobs(line.split())[1:]) for line in fact_lines) / results["facts"].targets
    assert results["facts"].floor == pytest.approx(floor)
    assert results["fact_answers"].floor == 0.0  # the answer is certain: it is in the line
    assert all(r.loss >= r.floor - 0.05 for r in results.values())


@pytest.mark.parametrize("lines, words", [([], "no lines"), ("ken has the red ball", "list of texts"),
                                          (["ken has the purple ball"], "purple")])
def test_loss_by_kind_names_bad_lines(shipped, lines, words):
    with pytest.raises(LlmlabError, match=words):
        loss_by_kind(*shipped, lines)


def test_loss_by_kind_refuses_what_is_not_a_model(shipped):
    with pytest.raises(LlmlabError, match="GPT model"):
        loss_by_kind(None, shipped[1], ["ken has the red ball"])


# --- what sections 3 and 6 say about the shipped model and its recipe ---


def test_the_shipped_model_was_trained_by_the_shipped_recipe(shipped):
    _, _, metadata = load_shipped_model()
    assert metadata["train_config"] == SHIPPED_RECIPE.to_dict()
    assert metadata["train_lines"] == SHIPPED_TRAIN_LINES
    assert SHIPPED_RECIPE.drill_batch_size > 0 and SHIPPED_RECIPE.fact_share == 0.5 and SHIPPED_RECIPE.weight_decay == 0
    assert not shipped[0].config.tied_embeddings  # "the unembedding (the shipped model's own output layer)"


def test_a_drill_question_is_graded_on_its_answer_only(toy):
    x, y = toy.train.drill.batch(1, torch.Generator().manual_seed(0))
    graded = y[0] != IGNORE
    words = toy.tokenizer.token_strings(x[0].tolist())
    answer = toy.tokenizer.token_strings(y[0, graded].tolist())
    assert answer[0] == "the" and answer[-1] == "\n" and len(answer) == 4  # from the "the" after "?" to the end
    assert words[int(graded.nonzero()[0])] == "?"  # the first graded target is the one read at the "?"


@pytest.mark.slow
def test_the_short_run_and_the_shipped_model_compare_as_section_3_says(shipped, toy, corpus):
    model, tokenizer = shipped
    val_lines = corpus[1]
    with one_torch_thread():
        fresh, _, _ = train_tiny_model(TrainConfig(steps=200, eval_every=200), toy, progress=False)
    gaps = {name: {r.kind: r.gap for r in loss_by_kind(m, tokenizer, val_lines)} for name, m in
            (("fresh", fresh), ("shipped", model))}
    for kinds in gaps.values():  # "the fact answers keep the largest gap in both runs"
        assert max(kinds, key=kinds.get) == "fact_answers"
    assert gaps["shipped"]["fact_answers"] < gaps["fresh"]["fact_answers"] / 5  # "many times smaller"
    right = {name: answer_accuracy(m, tokenizer, val_lines) for name, m in (("fresh", fresh), ("shipped", model))}
    assert right["shipped"] > 0.8 and right["fresh"] < 0.2  # "the shipped model answers most fact questions right"
    assert max(gaps["shipped"][kind] for kind in ("translation", "agreement")) < 0.01  # "stayed near their floors"


def test_one_step_on_ken_s_line_moves_ken_s_answer_and_barely_mia_s(shipped):
    model, tokenizer = shipped

    def probabilities(m, prompt):
        with torch.no_grad():
            return torch.softmax(m(torch.tensor([tokenizer.encode(prompt)]))[0][0, -1], dim=-1)

    red, green, blue = (tokenizer.encode(word)[0] for word in ("red", "green", "blue"))
    first, second = "ken has the red ball . mia has the blue cup .", "ken has the green hat . mia has the white box ."
    ask = lambda context, name: f"{context} what does {name} have ? the"  # noqa: E731
    assert int(probabilities(model, ask(first, "ken")).argmax()) == red  # "the one ranked first is ken's both times"
    assert int(probabilities(model, ask(second, "ken")).argmax()) == green
    taught = copy.deepcopy(model)
    optimizer = make_optimizer(taught, TrainConfig(learning_rate=1e-3))
    ids = torch.tensor([tokenizer.encode(ask(first, "ken") + " red ball\n")])
    taught.train()
    taught(ids[:, :-1], ids[:, 1:])[1].backward()
    optimizer.step()
    taught.eval()
    change = {name: (probabilities(taught, ask(first, name)) - probabilities(model, ask(first, name))).abs().max()
              for name in ("ken", "mia")}
    assert probabilities(taught, ask(first, "ken"))[red] > probabilities(model, ask(first, "ken"))[red] + 0.05
    assert 0 < change["mia"] < 0.01  # "barely moved ... but it did move"
    assert int(probabilities(taught, ask(first, "mia")).argmax()) == blue  # "still gives mia her own colour"


# --- the live loss plot ---


def test_live_loss_plot_updates_its_lines_in_place(toy):
    plot = LiveLossPlot(steps=10, floor=toy.floor, val=(toy.val_x[:4], toy.val_y[:4]), min_interval=0)
    first_picture = plot.image.value
    for step in range(3):
        plot.on_step(step, 4.0 - step)
    plot.add_validation(3, 2.5)
    assert list(plot.train_line.get_xdata()) == [0, 1, 2]
    assert list(plot.val_line.get_ydata()) == [2.5]
    assert plot.image.value and plot.image.value != first_picture
    model = toy_model(toy)
    plot.on_eval(4, model)
    assert len(plot.val_losses) == 2


@pytest.mark.parametrize("kwargs, words", [({"steps": 0}, "at least 1"), ({"steps": 5, "floor": -1}, "at least 0"),
                                           ({"steps": 5, "floor": 2.0, "y_max": 1.0}, "more than 2"),
                                           ({"steps": 5, "val": [1, 2, 3]}, "pair")])
def test_live_loss_plot_names_the_valid_range(kwargs, words):
    with pytest.raises(LlmlabError, match=words):
        LiveLossPlot(**kwargs)


def test_live_loss_plot_without_validation_windows_says_so():
    with pytest.raises(LlmlabError, match="val="):
        LiveLossPlot(steps=5).on_eval(0, small_model())


@pytest.mark.slow
def test_section_2_s_ratios_hold_with_two_busy_programs_beside_the_cell():
    """Section 2's cell, run as the notebook has it while two CPU-bound programs keep both cores busy: every
    training-step / forward-pass ratio stays in the band its prose states (2× to 5×; theory about 3×)."""
    import nbformat

    from llmlab.paths import REPO_ROOT

    notebook = nbformat.read(REPO_ROOT / "notebooks" / "09_training.ipynb", as_version=4)
    setup, timing = (notebook.cells[i].source for i in (1, 10))
    assert "time_training_step(" in timing
    setup = "\n".join(line for line in setup.splitlines() if not line.startswith("%"))
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        cell: dict = {}
        exec(setup, cell)
        exec(timing, cell)
    finally:
        for program in busy:
            program.kill()
            program.wait()
    ratios = [t.ratio for t in cell["times"].values()]
    assert len(ratios) == 3 and all(2 <= ratio <= 5 for ratio in ratios), ratios


def test_the_cost_figure_s_legend_covers_no_ratio_label():
    times = {name: StepTimes(tokens=512, forward=f, train_forward=f, backward=2 * f, optimizer=0.2 * f)
             for name, f in (("shipped: 3 blocks × 64", 0.005), ("4 blocks × 96", 0.011), ("4 blocks × 192", 0.033))}
    figure = cost_figure(times)
    figure.canvas.draw()
    ax = figure.axes[0]
    legend = ax.get_legend().get_window_extent()
    labels = [text.get_window_extent() for text in ax.texts]
    assert len(labels) == 3 and not any(legend.overlaps(label) for label in labels)


# --- static figures ---


def test_static_figures_build(shipped, toy, corpus):
    times = {"tiny": time_training_step(shipped[0], batch_size=2, repeats=1)}
    assert cost_figure(times).axes
    assert loss_by_kind_figure(loss_by_kind(*shipped, corpus[1][:20])).axes
    model = toy_model(toy)
    history = train(model, toy.train, toy.val_x[:4], toy.val_y[:4], TrainConfig(steps=2, eval_every=10), progress=False)
    assert learning_rate_figure({"1e-3": history}).axes


# --- train your own: the recipe ---


def test_shakespeare_recipe_is_the_lesson_shape():
    assert isinstance(SHAKESPEARE_RECIPE, TrainConfig)
    assert SHAKESPEARE_SHAPE == {"context_length": 64, "d_model": 176, "n_layers": 2, "n_heads": 4}


def test_the_notebook_runs_the_short_shakespeare_run_by_default():
    import nbformat

    from llmlab.paths import REPO_ROOT

    notebook = nbformat.read(REPO_ROOT / "notebooks" / "09_training.ipynb", as_version=4)
    flags = [line for cell in notebook.cells for line in cell.source.splitlines() if line.startswith("TRAIN_FULL =")]
    assert len(flags) == 1 and flags[0].startswith("TRAIN_FULL = False")
