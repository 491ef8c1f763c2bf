"""The copying-circuit measurements: where heads look when the answer is written, and ablating each head."""

import pytest

import torch

from llmlab.studies.copying import (
    CHANGES,
    COLOUR_FROM,
    TARGETS,
    ChangedStories,
    CopyingRecorder,
    accuracy_without_each_head,
    changed_stories,
    changed_trace,
    colour_probabilities,
    head_patching,
    load_copying_snapshots,
    mention_attention,
    mention_positions,
    other_colour_share,
    stream_patching,
)
from llmlab.engine.edits import head_output_name, patch, zero
from llmlab.toy.facts import FactQuestion, answer_accuracy
from llmlab.engine.tokenizers import WordTokenizer
from llmlab.engine.validate import LlmlabError
from llmlab.ui.plots.copying import copying_replay_figure
from llmlab.ui.widgets.training import LiveCopyingPlot


@pytest.fixture(scope="module")
def questions(corpus):
    return [line for line in corpus[1] if " ? " in line][:30]


def test_mention_positions_follow_the_asked_person():
    first = FactQuestion.parse("ken has the red ball . mia has the blue cup . what does ken have ?")
    second = FactQuestion.parse("ken has the red ball . mia has the blue cup . what does mia have ?")
    # asked colour, other colour, asked name, other name, first name, name in the question, asked thing, other thing
    assert mention_positions(first) == [3, 9, 0, 6, 0, 14, 4, 10]
    assert mention_positions(second) == [9, 3, 6, 0, 0, 14, 10, 4]
    ids = "ken has the red ball . mia has the blue cup . what does ken have ? the red ball".split()
    assert [ids[p] for p in mention_positions(first)] == ["red", "blue", "ken", "mia", "ken", "ken", "ball", "cup"]
    assert ids[COLOUR_FROM] == "the" and ids[COLOUR_FROM + 1] == "red"  # the position whose next word is the colour


def test_changed_stories_ask_the_other_person_or_swap_the_colours():
    lines = ["ken has the red ball . mia has the blue cup . what does ken have ? the red ball",
             "ana has the red hat . leo has the red box . what does leo have ? the red box"]  # same colours: left out
    words = WordTokenizer.from_text(" ".join(lines))
    stories = changed_stories(words, lines)
    text = lambda row: words.decode(int(i) for i in row)
    assert len(stories.questions) == 1 and stories.ids.shape == (1, 18)
    assert text(stories.ids[0]) == "ken has the red ball . mia has the blue cup . what does ken have ? the"
    assert text(stories.changed["asked"][0]) == "ken has the red ball . mia has the blue cup . what does mia have ? the"
    assert text(stories.changed["colours"][0]) == (
        "ken has the blue ball . mia has the red cup . what does ken have ? the")
    assert (words.decode([int(stories.right[0])]), words.decode([int(stories.other[0])])) == ("red", "blue")


def test_mention_attention_is_a_share_of_each_heads_attention(shipped, questions):
    model, tokenizer = shipped
    seen = mention_attention(model, tokenizer, questions)
    shape = (model.config.n_layers, model.config.n_heads, len(TARGETS))
    assert seen.from_colour.shape == seen.from_thing.shape == shape
    first = TARGETS.index("first_name")  # the first name is also the asked or the other person's name
    distinct = [i for i in range(len(TARGETS)) if i != first]
    for table in (seen.from_colour, seen.from_thing):
        assert bool((table >= 0).all()) and bool((table[..., distinct].sum(-1) <= 1 + 1e-5).all())
        names = table[..., TARGETS.index("asked_name")] + table[..., TARGETS.index("other_name")]
        assert bool((table[..., first] <= names + 1e-6).all())


def test_accuracy_without_each_head_is_one_ablation_per_head(shipped, questions):
    model, tokenizer = shipped
    shares = accuracy_without_each_head(model, tokenizer, questions)
    assert shares.shape == (model.config.n_layers, model.config.n_heads)
    edits = {head_output_name(1): zero(head=2)}
    assert shares[1, 2] == pytest.approx(answer_accuracy(model, tokenizer, questions, edits))


def test_patching_is_what_the_edits_give(shipped, questions):
    model, tokenizer = shipped
    stories = changed_stories(tokenizer, questions)
    assert isinstance(stories, ChangedStories) and 0 < len(stories.questions) <= len(questions)
    base = other_colour_share(model, stories)
    logits, _ = model.run_with_edits(stories.ids, {})
    assert base == pytest.approx(float((logits[:, COLOUR_FROM].argmax(-1) == stories.other).float().mean()))
    for change in CHANGES:
        changed = changed_trace(model, stories, change)
        # the changed run itself writes the other colour, as patching everything would
        assert other_colour_share(model, stories, {"blocks.0.resid_pre": patch(changed["blocks.0.resid_pre"])}) > 0.8
        stream = stream_patching(model, stories, change)
        assert stream.shape == (model.config.n_layers, stories.ids.shape[1])
        for block, position in ((0, 3), (1, COLOUR_FROM), (2, 14)):
            name = f"blocks.{block}.resid_pre"
            edit = {name: patch(changed[name], positions=[position])}
            assert stream[block, position] == pytest.approx(other_colour_share(model, stories, edit))
        heads = head_patching(model, stories, change)
        assert heads.shape == (model.config.n_layers, model.config.n_heads + 1)
        name = head_output_name(1)
        assert heads[1, 2] == pytest.approx(other_colour_share(model, stories, {
            name: patch(changed[name], head=2, positions=[COLOUR_FROM])}))
        assert heads[0, -1] == pytest.approx(other_colour_share(model, stories, {
            head_output_name(0): patch(changed[head_output_name(0)], positions=[COLOUR_FROM])}))


def test_bad_input_is_refused_in_llmlab_words(shipped, questions):
    model, tokenizer = shipped
    with pytest.raises(LlmlabError, match="GPT model"):
        mention_attention("model", tokenizer, questions)
    with pytest.raises(LlmlabError, match="GPT model"):
        accuracy_without_each_head(None, tokenizer, questions)
    with pytest.raises(LlmlabError):
        mention_attention(model, tokenizer, ["no question"])
    same = ["ana has the red hat . leo has the red box . what does leo have ? the red box"]
    with pytest.raises(LlmlabError, match="two different colours"):
        changed_stories(tokenizer, same)
    stories = changed_stories(tokenizer, questions)
    with pytest.raises(LlmlabError, match="changed_stories"):
        other_colour_share(model, questions)
    with pytest.raises(LlmlabError, match="'asked', 'colours'"):
        stream_patching(model, stories, "names")
    with pytest.raises(LlmlabError, match="GPT model"):
        head_patching("model", stories, "asked")
    with pytest.raises(LlmlabError, match="GPT model"):
        changed_trace(None, stories, "colours")


def test_a_wrong_tokenizer_and_bad_figure_input_are_refused_in_llmlab_words(shipped, questions):
    from llmlab.ui.plots.copying import head_accuracy_figure, stream_patching_figure
    from llmlab.engine.tokenizers import CharTokenizer

    model, tokenizer = shipped
    with pytest.raises(LlmlabError, match="answer_accuracy needs an llmlab tokenizer"):
        answer_accuracy(model, "words", questions)
    with pytest.raises(LlmlabError, match="one token per word"):
        changed_stories(CharTokenizer.from_text(" ".join(questions)), questions)
    with pytest.raises(LlmlabError, match="2 axes"):
        head_accuracy_figure(torch.zeros(4), 0.9, 200)
    with pytest.raises(LlmlabError, match="intact"):
        head_accuracy_figure(torch.zeros(3, 4), 92.5, 200)
    with pytest.raises(LlmlabError, match="one panel per change"):
        stream_patching_figure({"names": torch.zeros(3, 18)}, ["w"] * 18)
    with pytest.raises(LlmlabError, match="18 of them, got 17"):
        stream_patching_figure({"asked": torch.zeros(3, 18)}, ["w"] * 17)


# --- the replay of the circuit forming (make copying-replay records it; issue 23) ---


def test_colour_probabilities_are_the_softmax_at_the_answer_position(shipped, questions):
    model, tokenizer = shipped
    p_asked, p_other, n = colour_probabilities(model, tokenizer, questions)
    stories = changed_stories(tokenizer, questions)
    assert n == len(stories.questions)
    with torch.no_grad():
        logits, _ = model(stories.ids)  # by hand: the scores at "? the", then softmax
    probabilities = torch.softmax(logits[:, COLOUR_FROM].double(), -1)
    rows = torch.arange(n)
    assert p_asked == pytest.approx(float(probabilities[rows, stories.right].mean()), abs=1e-6)
    assert p_other == pytest.approx(float(probabilities[rows, stories.other].mean()), abs=1e-6)
    assert p_asked > 0.5 > p_other  # the shipped model chooses the asked person's colour


def test_the_recorder_reads_the_model_without_changing_it(shipped, questions, tmp_path):
    model, tokenizer = shipped
    recorder = CopyingRecorder(tokenizer, questions)
    weights = {name: value.clone() for name, value in model.state_dict().items()}
    model.train()
    rng, threads = torch.get_rng_state(), torch.get_num_threads()
    try:
        recorder(0, model)
        recorder(250, model)
        assert model.training and torch.equal(rng, torch.get_rng_state()) and torch.get_num_threads() == threads
    finally:
        model.eval()
    assert all(torch.equal(weights[name], value) for name, value in model.state_dict().items())
    p_asked, p_other, different = colour_probabilities(model, tokenizer, questions)
    assert recorder.p_asked == [pytest.approx(p_asked)] * 2 and recorder.p_other == [pytest.approx(p_other)] * 2
    assert recorder.different == different
    saved = {"copying_steps": [0, 250], "questions": len(questions), "fact_right": [3, 4], **recorder.to_dict()}
    assert set(recorder.to_dict()) == {"copying_steps", "p_asked_colour", "p_other_colour", "different_colours"}
    path = tmp_path / "snapshots.pt"
    torch.save(saved, path)
    replay = load_copying_snapshots(path)
    assert replay.steps == [0, 250] and replay.right == [3, 4] and replay.questions == len(questions)
    assert replay.different_colours == different and replay.seed is None and replay.gap is None
    assert torch.equal(replay.p_asked, torch.tensor(recorder.p_asked, dtype=torch.float32))
    figure = copying_replay_figure(replay)
    (ax,) = figure.axes  # one panel: the share right and the two probabilities
    assert list(ax.lines[0].get_ydata()) == [3 / len(questions), 4 / len(questions)]
    assert len(ax.lines) == 3
    torch.save({key: value for key, value in saved.items() if key != "p_asked_colour"}, path)
    with pytest.raises(LlmlabError, match="make copying-replay"):  # a file without the recording
        load_copying_snapshots(path)
    with pytest.raises(LlmlabError, match="load_copying_snapshots"):
        copying_replay_figure({"steps": [0]})


def test_the_shipped_replay_file_loads_even_with_the_attention_it_once_stored():
    """data/copying_replay.pt may hold keys older versions of the recorder wrote; they are ignored."""
    replay = load_copying_snapshots()
    assert len(replay.steps) == len(replay.right) == len(replay.p_asked) == len(replay.p_other)
    assert not hasattr(replay, "attention")


def test_the_live_plot_records_what_the_replay_holds(shipped, questions):
    model, tokenizer = shipped
    plot = LiveCopyingPlot(tokenizer, questions, steps=500)
    plot.on_eval(0, model)
    plot.on_eval(250, model)
    replay = plot.replay()
    assert replay.steps == [0, 250]
    assert replay.right == [round(answer_accuracy(model, tokenizer, questions) * len(questions))] * 2
    assert replay.p_asked.tolist() == pytest.approx([colour_probabilities(model, tokenizer, questions)[0]] * 2)
    assert list(plot.lines.right.get_xdata()) == [0, 250]
    with pytest.raises(LlmlabError, match="forwards"):
        plot.on_eval(250, model)
    with pytest.raises(LlmlabError, match="500"):
        plot.on_eval(750, model)
