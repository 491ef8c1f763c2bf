"""Lesson 08: the ablation table by kind of word, the copying circuit, the logit lens over many lines, neuron probes
(moved here from test_lesson07.py), and the replay of the copying skill forming during training (issue 23): the
recorded run the lesson replays (data/copying_replay.pt), the figures its prose reads off the printout, the cells'
own code (run here on the recording, and on a stand-in for the live run), and the research notes' rows the prose
cites."""

from __future__ import annotations

import json
import re
import types

import pytest
import torch

import llmlab
from llmlab.engine.device import seed_everything
from llmlab.engine.edits import patch
from llmlab.engine.generation import complete
from llmlab.engine.model import GPT
from llmlab.engine.training import History
from llmlab.engine.validate import LlmlabError
from llmlab.messages.columns import display_width
from llmlab.paths import REPO_ROOT
from llmlab.studies.copying import (ASKED_AT, CHANGES, COLOUR_FROM, TARGETS, accuracy_without_each_head,
                                   changed_stories, changed_trace, head_patching, load_copying_snapshots,
                                   mention_attention, other_colour_share, stream_patching)
from llmlab.studies.knowledge import (ablation, fact_answers_right, knowledge_table, lens_scores, model_parts,
                                     most_needed, next_word_table, quiet_heads, rises_in_block)
from llmlab.studies.neuron_probe import (along, example_context, mlp_activations, random_directions, selectivity,
                                        top_examples, top_token_share, top_variance_share)
from llmlab.toy import recipe
from llmlab.toy.facts import FactQuestion, answer_accuracy, count_answers
from llmlab.toy.kinds import KINDS, kind_targets, loss_by_kind, losses_by_kind
from llmlab.ui.exercises import lesson08
from llmlab.ui.plots.copying import copying_replay_figure
from llmlab.ui.printouts import say

NOTEBOOKS = {"en": REPO_ROOT / "notebooks" / "08_where_the_knowledge_is.ipynb",
             "ja": REPO_ROOT / "notebooks" / "ja" / "08_where_the_knowledge_is.ipynb"}
CELLS = ("lesson08-replay", "lesson08-replay-check")  # the table, then the plateau and the jump

# The recorded run the prose reads: fact questions right (of 200) at steps 0, 250, ..., 4000, and the two
# probabilities as the table prints them (three decimals).
RIGHT = [0, 77, 79, 78, 70, 74, 75, 78, 82, 72, 84, 114, 197, 200, 200, 200, 200]
P_ASKED = [0.010, 0.500, 0.497, 0.511, 0.502, 0.502, 0.501, 0.508, 0.507, 0.501, 0.497, 0.546, 0.955, 0.999, 1.000,
           1.000, 1.000]
P_OTHER = [0.010, 0.487, 0.499, 0.487, 0.496, 0.495, 0.497, 0.490, 0.491, 0.498, 0.501, 0.448, 0.043, 0.000, 0.000,
           0.000, 0.000]


@pytest.fixture(scope="module")
def replay():
    return load_copying_snapshots()


@pytest.fixture(scope="module")
def fact_lines(corpus):
    return [line for line in corpus[1] if " ? " in line][:200]


def cell_source(language: str, cell_id: str) -> str:
    cells = json.loads(NOTEBOOKS[language].read_text(encoding="utf-8"))["cells"]
    return "".join(next(cell for cell in cells if cell["id"] == cell_id)["source"])


def run_cells(capsys, fact_lines, live: bool = False) -> tuple[list[str], dict]:
    """Run the replay's two printing cells as the lesson does (English), and return what they print."""
    names = {"say": say, "fact_lines": fact_lines}
    for cell_id in CELLS:
        source = cell_source("en", cell_id)
        if live and cell_id == "lesson08-replay":
            assert source.count("LIVE = False") == 1
            source = source.replace("LIVE = False", "LIVE = True")
        exec(compile(source, cell_id, "exec"), names)
    printed = capsys.readouterr().out.splitlines()
    return [line for line in printed if not line.startswith("<llmlab.")], names  # not the plot's repr outside Jupyter


def test_the_recorded_run_is_the_one_the_prose_reads(replay, shipped, fact_lines):
    assert replay.seed == 4 and replay.questions == 200 and replay.steps == list(range(0, 4001, 250))
    assert replay.right == RIGHT
    assert [round(p, 3) for p in replay.p_asked.tolist()] == P_ASKED
    assert [round(p, 3) for p in replay.p_other.tolist()] == P_OTHER
    assert f"{replay.gap:.4f}" == "0.0010"
    # the same questions as the lesson's section 2: the first 200 validation fact questions, 149 with two colours
    assert replay.different_colours == len(changed_stories(shipped[1], fact_lines).questions) == 149
    # "about what it gives any one of the 93 words" at step 0; the plateau's p(asked) + p(other) close to 1
    assert shipped[0].config.vocab_size == 93 and abs(replay.p_asked[0] - 1 / 93) < 0.002
    assert abs(replay.p_other[0] - 1 / 93) < 0.002


def test_the_cells_print_the_table_the_plateau_and_the_jump(capsys, fact_lines):
    lines, _ = run_cells(capsys, fact_lines)
    assert lines[0] == ("the run: the shipped recipe from seed 4; the 200 fact questions scored every 250 "
                        "steps up to step 4000 (149 of them have two different colours: p(asked) and p(other) are "
                        "means over those); at the end 0.0010 nats above the exact floor")
    rows = [[float(number) for number in line.split()] for line in lines[2:19]]
    assert rows == [[step, right, asked, other] for step, right, asked, other
                    in zip(range(0, 4001, 250), RIGHT, P_ASKED, P_OTHER)]
    assert lines[19:] == [
        "the plateau, steps 250 to 2500 (after step 0, before half the questions are right): 70 to 84 right; "
        "p(asked) + p(other) at least 0.987; the largest |p(asked) − p(other)| 0.024",
        "the jump: 84 right at step 2500, 197 at step 3000 (the first step with at least 90% right): "
        "within 500 steps",
    ]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_table_heading_ends_where_its_columns_do(capsys, replay, language):
    llmlab.set_language(language)
    try:
        say("lesson08.replay_header")
        heading = capsys.readouterr().out.splitlines()[0]
    finally:
        llmlab.set_language("en")
    row = f"{4000:8d}{200:10d}{1.0:13.3f}{0.0:13.3f}"  # the cell's row format
    ends = [display_width(row[: match.end()]) for match in re.finditer(r"\S+", row)]
    assert [display_width(heading[: match.end()]) for match in re.finditer(r"\S+", heading)] == ends


def test_the_figure_draws_the_table(replay):
    (ax,) = copying_replay_figure(replay).axes  # one panel
    right, asked, other = ax.lines
    assert list(right.get_xdata()) == replay.steps
    assert list(right.get_ydata()) == [count / 200 for count in RIGHT]
    assert list(asked.get_ydata()) == replay.p_asked.tolist() and list(other.get_ydata()) == replay.p_other.tolist()


def test_the_live_switch_replays_the_learners_own_run(capsys, monkeypatch, shipped, fact_lines):
    """LIVE = True: the cell trains with the live plot and replays that run. A stand-in for the 4,000 steps (the
    shipped model at two validation steps) checks the plumbing; a run without a plateau or a jump is read too."""
    model, tokenizer = shipped
    seen = {}

    def train_stand_in(data, on_eval, seed):
        seen["seed"] = seed
        for step in (0, 250):
            on_eval(step, model)
        history = History()
        history.val_loss.append(data.floor + 0.5)
        return model, data, history

    monkeypatch.setattr(recipe, "shipped_training_data", lambda: types.SimpleNamespace(tokenizer=tokenizer, floor=1.0))
    monkeypatch.setattr(recipe, "train_shipped_model", train_stand_in)
    lines, names = run_cells(capsys, fact_lines, live=True)
    assert seen["seed"] == 4  # the recorded run's start
    assert names["replay"].steps == [0, 250] and names["replay"].gap == 0.5 and names["replay"].seed == 4
    assert lines[0].startswith("the run: the shipped recipe from seed 4; the 200 fact questions scored "
                               "every 250 steps up to step 250")
    assert lines[0].endswith("at the end 0.5000 nats above the exact floor")
    assert len(lines) == 6 and lines[4] == "no plateau: half the questions were right at the first step after step 0"
    right = names["replay"].right[1]
    assert lines[5] == (f"the jump: {right} right at step 0, {right} at step 250 (the first step with at least 90% "
                        "right): within 250 steps")
    replay = names["replay"]
    names["replay"] = type(replay)(replay.steps, replay.questions, [0, 60], replay.different_colours,
                                   replay.p_asked, replay.p_other)
    exec(compile(cell_source("en", "lesson08-replay-check"), "check", "exec"), names)
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "no jump: no step up to 250 has at least 90% of the questions right"


def test_the_rows_of_the_research_notes_the_prose_cites():
    """Lesson 08 cites the seed table of docs/research/copying_recipe.md: it must say what the prose says."""
    notes = (REPO_ROOT / "docs" / "research" / "copying_recipe.md").read_text(encoding="utf-8")
    table = notes.split("**Other seeds**", 1)[1].split("\n\n", 2)[1]  # the paragraph's table, after its heading
    seed_rows = [line for line in table.splitlines() if re.match(r"\| [0-4]( \(shipped\))? \|", line)]
    rows = {row[0]: row[1:5] for row in ([cell.strip() for cell in line.strip("|").split("|")] for line in seed_rows)}
    assert rows["0"] == ["69", "72", "200", "200"]  # 72 at step 3,000, 200 at 3,500
    assert rows["1"] == ["69", "85", "100", "200"]  # 100 at 3,500, 200 at 4,000
    assert rows["2 (shipped)"] == ["78", "114", "100", "185"]  # 185 at 4,000
    assert rows["3"] == ["67", "114", "109", "109"]  # 109 at 4,000: no jump
    assert rows["4"] == ["**200**", "200", "200", "200"]  # an earlier run from seed 4: jumped by step 2,500


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_prose_gives_the_printed_figures(language):
    """The reading cell quotes the printout: the figures it names are the ones the cells print."""
    text = cell_source(language, "lesson08-replay-read")
    for figure in ("0.987", "0.024", "0.955", "0.043", "0.0010", "2,500", "3,000", "3,250", "500", "84", "197"):
        assert figure in text, figure
    intro = cell_source(language, "lesson08-replay-intro")
    assert "149" in intro and "64" in intro and "4.3" in intro and "LIVE = True" in intro


def test_the_replay_holds_the_answers_and_nothing_about_the_heads(replay):
    """The replay holds the answers and the probabilities, nothing about the heads (this run's heads do not
    show the shipped model's circuit, so the lesson does not draw them)."""
    assert set(vars(replay)) == {"steps", "questions", "right", "different_colours", "p_asked", "p_other", "seed",
                                 "gap"}
    assert isinstance(replay.p_asked, torch.Tensor) and replay.p_asked.shape == (len(replay.steps),)


# --- sections 3 and 4: the logit lens and block 0's MLP by hand, before the helpers repeat them ---


def test_the_lens_and_the_mlp_by_hand_equal_the_helpers(capsys, shipped, corpus):
    """The cells print: the lens by hand on one hidden state equals logits_from_residual, its share over every
    position equals lens_scores' (0.760 after block 0), and block 0's MLP by hand equals the trace and
    mlp_activations; the verb agreement counts 85 words (the lens table's words column the prose points at)."""
    from llmlab.toy.kinds import kind_targets

    model, tokenizer = shipped
    train_lines, val_lines = corpus
    data = kind_targets(val_lines[:400], tokenizer, model.config.context_length)
    assert data.counts()["agreement"] == 85
    names = {"model": model, "tokenizer": tokenizer, "data": data, "train_lines": train_lines, "say": say,
             "torch": torch}
    for cell_id in ("lesson08-lens-by-hand", "lesson08-42", "lesson08-mlp-by-hand", "lesson08-45"):
        exec(compile(cell_source("en", cell_id), cell_id, "exec"), names)
    printed = capsys.readouterr().out.splitlines()
    by_hand = next(line for line in printed if line.startswith("by hand, the hidden state"))
    assert by_hand.startswith("by hand, the hidden state after block 0 at the end of 'EN: the cars near': top word "
                              "'the' (the next word is 'the')")
    assert float(by_hand.rsplit(" ", 1)[1]) < 1e-4
    assert "the top word is the next word for 0.760 of the words" in printed[1]
    assert "lens_scores, all words after block 0: 0.760 (by hand above: 0.760)" in printed
    mlp = next(line for line in printed if line.startswith("by hand, block 0's MLP"))
    assert float(mlp.rsplit(" ", 1)[1]) < 1e-4
    same = next(line for line in printed if line.startswith("mlp_activations at that position"))
    assert float(same.rsplit(" ", 1)[1]) < 1e-4
    assert names["after_block_0"] == pytest.approx(0.760, abs=5e-4)


def test_lesson_08_cells_are_named_for_lesson_08():
    for language in ("en", "ja"):
        cells = json.loads(NOTEBOOKS[language].read_text(encoding="utf-8"))["cells"]
        assert not [cell["id"] for cell in cells if not cell["id"].startswith("lesson08-")]


# --- loss by kind and the ablation table ---


def test_kind_targets_agree_with_loss_by_kind(shipped, corpus, data):
    model, tokenizer = shipped
    ours = losses_by_kind(model, data)
    theirs = {k.kind: k for k in loss_by_kind(model, tokenizer, corpus[1][:150])}
    for kind in ("agreement", "facts", "fact_answers"):
        assert ours[kind] == pytest.approx(theirs[kind].loss, abs=1e-9)
        assert data.floors()[kind] == pytest.approx(theirs[kind].floor, abs=1e-9)
    n = data.counts()
    joined = (ours["english"] * n["english"] + ours["japanese"] * n["japanese"]) / (n["english"] + n["japanese"])
    assert joined == pytest.approx(theirs["translation"].loss, abs=1e-9)
    assert data.floors()["japanese"] == 0.0  # the translation of a sentence is certain in the toy world


@pytest.fixture(scope="module")
def table(shipped, corpus, data):
    model, tokenizer = shipped
    reference = [tokenizer.encode(line + "\n") for line in corpus[0][:50]]
    return knowledge_table(model, data, reference, "the first 50 training lines")


def test_knowledge_table_finds_the_translation_head(shipped, table):
    config = shipped[0].config
    assert table.kinds == KINDS and len(table.parts) == 2 * config.n_layers + config.n_layers * config.n_heads
    japanese = KINDS.index("japanese")
    for how in ("zero", "mean"):
        rise = table.increase(how)
        heads = [(p.block, p.head) for p in table.parts if p.kind == "head"]
        head_rise = rise[[i for i, p in enumerate(table.parts) if p.kind == "head"], japanese]
        order = head_rise.argsort(descending=True).tolist()
        assert heads[order[0]] == lesson08.TRANSLATION_HEAD
        if how == "zero":  # the exercise's typical wrong answer; mean ablation puts two heads nearly level there
            assert heads[order[1]] == lesson08.RUNNER_UP_TRANSLATION_HEAD
    # the floor is an expectation: on 28 agreement words a model near it can land a little below it by chance
    assert all(table.intact[k] >= table.floor[k] - (0.02 if k == "agreement" else 1e-6) for k in KINDS)


def test_the_table_reading_the_lesson_prints(shipped, table):
    """Section 4: block 0's sublayers raise every kind; the last block is almost idle; the specialised heads."""
    config = shipped[0].config
    both = torch.stack([table.increase(how) for how in ("zero", "mean")])  # (2, parts, kinds)
    block_0 = [i for i, p in enumerate(table.parts) if p.block == 0 and p.kind != "head"]
    last = [i for i, p in enumerate(table.parts) if p.block == config.n_layers - 1]
    assert both[:, block_0].min() > 0.3
    assert both[:, last].max() < 0.1
    zero = table.increase("zero")
    heads = {(p.block, p.head): i for i, p in enumerate(table.parts) if p.kind == "head"}
    agreement, answers = KINDS.index("agreement"), KINDS.index("fact_answers")
    top_two = sorted(heads, key=lambda h: -zero[heads[h], agreement])[:2]
    assert set(top_two) == {(1, 0), (1, 1)}  # "the verb agreement on block 1's heads 0 and 1"
    assert all(zero[heads[(0, h)], answers] > 0.5 for h in range(config.n_heads))  # every block 0 head for the answers
    mlp = {p.block: i for i, p in enumerate(table.parts) if p.kind == "mlp"}
    most = zero.argmax(0)
    assert [int(most[k]) == mlp[0] for k in range(len(KINDS))] == [kind != "agreement" for kind in KINDS]


def test_the_table_helpers_read_what_the_lesson_used_to_read_by_hand(shipped, table):
    """most_needed, quiet_heads and rises_in_block give what section 4's cell computed with argmax and argsort."""
    config = shipped[0].config
    rise = table.increase("zero")
    heads = [i for i, p in enumerate(table.parts) if p.kind == "head"]
    needed = most_needed(table, "zero")
    assert [n.kind for n in needed] == list(table.kinds)
    for column, n in enumerate(needed):
        assert n.part == table.parts[int(rise[:, column].argmax())]
        order = rise[heads, column].argsort(descending=True)
        assert n.head == table.parts[heads[int(order[0])]]
        assert n.next_head_rise == float(rise[heads[int(order[1])], column])
        assert n.matter == int((rise[:, column] > 0.1).sum())
    assert quiet_heads(table) == [table.parts[i] for i in heads if rise[i].abs().max() < 0.01]
    both = torch.stack([table.increase(how) for how in ("zero", "mean")])
    block_0 = [i for i, p in enumerate(table.parts) if p.block == 0 and p.kind != "head"]
    assert torch.equal(rises_in_block(table, 0, heads=False), both[:, block_0])
    last = [i for i, p in enumerate(table.parts) if p.block == config.n_layers - 1]
    assert torch.equal(rises_in_block(table, config.n_layers - 1), both[:, last])
    for call, match in [(lambda: most_needed("table"), "knowledge_table"), (lambda: most_needed(table, "half"), "half"),
                        (lambda: rises_in_block(table, 7), "block 7"), (lambda: quiet_heads(table, 3), "3")]:
        with pytest.raises(LlmlabError, match=match):
            call()


def test_the_next_word_table_is_the_bigram_count(shipped, corpus):
    from collections import Counter, defaultdict

    tokenizer = shipped[1]
    lines = corpus[0][:300]
    follows = defaultdict(Counter)
    for line in lines:
        ids = tokenizer.encode(line + "\n")
        for current, following in zip(ids, ids[1:]):
            follows[current][following] += 1
    table = next_word_table(tokenizer, lines)
    assert table.shape == (tokenizer.vocab_size,)
    assert table.tolist() == [follows[t].most_common(1)[0][0] if follows[t] else -1
                              for t in range(tokenizer.vocab_size)]
    with pytest.raises(LlmlabError):
        next_word_table(tokenizer, "EN: the cat")


def test_selectivity_is_the_top_variance_share_along_a_direction(acts):
    assert selectivity(acts, 3) == top_variance_share(acts.values[:, 3])
    bell = torch.randn(6595, generator=torch.Generator().manual_seed(0))
    assert 0.08 < top_variance_share(bell) < 0.1  # the module's "about 0.09 for bell-shaped random numbers"
    for bad in ([1.0, 2.0], torch.zeros(3, 3), torch.tensor([]), torch.tensor([float("nan")])):
        with pytest.raises(LlmlabError):
            top_variance_share(bad)


def test_figures_have_a_panel_per_ablation_a_line_per_kind_a_strip_per_group(shipped, data, table, acts):
    from llmlab.ui.plots.knowledge import knowledge_figure, lens_figure, selectivity_figure

    heatmaps = [ax for ax in knowledge_figure(table).axes if ax.get_title()]
    assert [ax.get_title().split(":")[0] for ax in heatmaps] == ["zero ablation", "mean ablation"]
    assert [t.get_text() for t in heatmaps[0].get_yticklabels()] == [p.label for p in table.parts]
    lens_axes = lens_figure(lens_scores(shipped[0], data)).axes
    assert len(lens_axes[0].get_lines()) == 5 and lens_axes[0].get_xticklabels()[0].get_text() == "embeddings"
    strips = selectivity_figure({"a": [0.1, 0.2], "b": [0.3]}).axes[0]
    assert [t.get_text() for t in strips.get_yticklabels()] == ["a", "b"]


def test_lens_after_the_last_block_is_the_model(shipped, data):
    model, _ = shipped
    scores = lens_scores(model, data)
    assert len(scores.accuracy["all"]) == model.config.n_layers + 1
    logits, _ = model.run_with_edits(data.inputs, {})
    right = (logits.argmax(-1) == data.targets)[data.real].double().mean().item()
    assert scores.accuracy["all"][-1] == pytest.approx(right)
    logprobs = torch.log_softmax(logits.double(), -1).gather(-1, data.targets.clamp(min=0)[..., None])[..., 0]
    assert scores.logprob["all"][-1] == pytest.approx(logprobs[data.real].mean().item(), abs=1e-6)
    assert scores.accuracy["all"][0] < scores.accuracy["all"][-1]


def test_the_lens_read_off_the_embeddings(shipped, corpus, data):
    """Section 6: this model's own output layer; the guess off the embeddings is never the current word,
    a next-word table counted on the training file does a little better; block 2 adds almost nothing."""
    model, tokenizer = shipped
    assert not model.config.tied_embeddings and model.unembed.weight is not model.token_embedding.weight
    _, trace = model.trace_batch(data.inputs)
    guess = model.logits_from_residual(trace["blocks.0.resid_pre"]).argmax(-1)
    assert float((guess == data.inputs)[data.real].double().mean()) == 0
    follows: dict[int, dict[int, int]] = {}
    for line in corpus[0]:
        ids = tokenizer.encode(line + "\n")
        for current, following in zip(ids, ids[1:]):
            counts = follows.setdefault(current, {})
            counts[following] = counts.get(following, 0) + 1
    table = torch.tensor([[max(follows[t], key=follows[t].get) if t in follows else -1 for t in row]
                          for row in data.inputs.tolist()])
    scores = lens_scores(model, data)
    table_right = float((table == data.targets)[data.real].double().mean())
    assert 0.3 < scores.accuracy["all"][0] < table_right < scores.accuracy["all"][0] + 0.15 < scores.accuracy["all"][1]
    assert scores.accuracy["all"][3] - scores.accuracy["all"][2] < 0.02
    assert scores.accuracy["japanese"][1] > 0.95
    assert scores.accuracy["agreement"][1] < 0.1 < scores.accuracy["agreement"][2]
    assert scores.accuracy["fact_answers"][2] > 0.85


# --- the copying circuit (section 2) ---


def test_the_copying_heads_the_lesson_names(shipped, fact_lines):
    model, tokenizer = shipped
    intact = answer_accuracy(model, tokenizer, fact_lines)
    assert intact >= 0.9
    without = accuracy_without_each_head(model, tokenizer, fact_lines)
    assert int((without[0] < intact - 0.25).sum()) == lesson08.COPYING_HEADS == model.config.n_heads  # the exercise
    assert bool((without[0] < 0.6).all())  # any head of block 0: about half the answers lost
    assert without[1, 0] < 0.8 and without[1, 1] < 0.8 and without[1, 2] > intact - 0.05 > without[1, 3]
    assert bool((without[2] > intact - 0.05).all())  # block 2: no head matters much
    seen = mention_attention(model, tokenizer, fact_lines)
    look = {name: seen.from_colour[..., i] for i, name in enumerate(TARGETS)}  # (blocks, heads) each
    assert bool(((look["asked_colour"][0] - look["other_colour"][0]).abs() < 0.06).all())  # both colours, equally
    assert bool((look["asked_colour"][0] + look["other_colour"][0] > 0.6).all())
    names = look["first_name"][1] + look["question_name"][1]
    assert int(names.argmax()) == 1  # block 1's head 1 reads the names most
    for head in (0, 1, 3):  # read names: the first one and the asked one, not the asked person's mention more
        assert names[head] > 0.35 and abs(float(look["asked_name"][1, head] - look["other_name"][1, head])) < 0.07
    things = {name: seen.from_thing[0, :, i] for i, name in enumerate(TARGETS)}
    for head in (1, 2, 3):
        assert things["asked_thing"][head] > 0.35
        assert abs(float(things["asked_thing"][head] - things["other_thing"][head])) < 0.05


def test_patching_shows_where_the_answer_travels(shipped, fact_lines):
    model, tokenizer = shipped
    stories = changed_stories(tokenizer, fact_lines)
    base = other_colour_share(model, stories)
    assert base < 0.1

    def where(row):  # positions whose patch turns more than 0.3 of the answers
        return [int(p) for p in (row > 0.3).nonzero().flatten()]

    asked, colours = (stream_patching(model, stories, change) for change in CHANGES)
    assert [where(row) for row in asked] == [[ASKED_AT], [ASKED_AT], [COLOUR_FROM]]
    assert [where(row) for row in colours] == [[3, 9], [COLOUR_FROM], [COLOUR_FROM]]
    heads = {change: head_patching(model, stories, change) for change in CHANGES}
    assert heads["colours"][0, -1] > 0.8 and heads["asked"][0, -1] < base + 0.02
    assert int(heads["colours"][0, :-1].argmax()) == 3
    assert heads["asked"][1, -1] > 0.8 and heads["asked"][1, 0] > 0.3 and heads["asked"][1, 1] > 0.3
    assert heads["colours"][1, -1] > 0.5
    for change in CHANGES:
        changed = changed_trace(model, stories, change)
        shares = [other_colour_share(model, stories, {f"blocks.{b}.attn.pattern": patch(
            changed[f"blocks.{b}.attn.pattern"], positions=[COLOUR_FROM])}) for b in (0, 1)]
        assert shares[0] < base + 0.05 and shares[1] > 0.5


def test_fact_answers_right_is_what_greedy_generation_writes(shipped, corpus):
    model, tokenizer = shipped
    fact_lines = [line for line in corpus[1] if " ? " in line][:40]
    data = kind_targets(fact_lines, tokenizer, model.config.context_length)
    right, n = fact_answers_right(model, data)
    questions = [FactQuestion.parse(line) for line in fact_lines]
    counts = count_answers(questions, [complete(model, tokenizer, q.prompt, temperature=0) for q in questions])
    assert (right, n) == (counts.right, counts.n)


# --- neurons and their controls ---


def test_neuron_probe_and_its_controls(shipped, data):
    model, _ = shipped
    acts = mlp_activations(model, data, 0)
    assert acts.width == model.config.d_mlp and bool((acts.position >= 1).all())
    assert torch.equal(along(acts, 5), acts.values[:, 5])
    examples = top_examples(acts, 5, k=4)
    assert [v for *_, v in examples] == sorted((v for *_, v in examples), reverse=True)
    line, position, _ = examples[0]
    shown = example_context(data, shipped[1], line, position, before=2)
    assert shown.endswith("[" + shipped[1].token_strings([int(data.inputs[line, position])])[0] + "]")
    randoms = random_directions(acts, 16, seed=0)
    assert all(abs(float(d.norm()) - 1) < 1e-5 for d in randoms)
    assert torch.equal(random_directions(acts, 3, seed=1)[0], random_directions(acts, 3, seed=1)[0])
    neurons = torch.tensor([selectivity(acts, i) for i in range(acts.width)])
    controls = torch.tensor([selectivity(acts, d) for d in randoms])
    assert 0 <= neurons.min() and neurons.max() <= 1
    assert neurons.median() > controls.median()  # the claim lesson 07 prints
    assert 0 < top_token_share(acts, 5) <= 1
    seed_everything(0)
    untrained = mlp_activations(GPT(model.config), data, 0)
    assert untrained.values.shape == acts.values.shape


def test_fact_answers_need_fact_lines(shipped, corpus):
    model, tokenizer = shipped
    data = kind_targets([line for line in corpus[1] if line.startswith("EN:")][:5], tokenizer, 32)
    with pytest.raises(LlmlabError, match="fact question"):
        fact_answers_right(model, data)


def test_every_part_has_an_edit(shipped):
    model, _ = shipped
    parts = model_parts(model)
    assert [p.label for p in parts[:4]] == ["block 0 attention", "block 0 MLP", "block 1 attention", "block 1 MLP"]
    assert all(list(ablation(p, "zero")) == [p.activation] for p in parts)
