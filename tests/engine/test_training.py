"""Training is seeded and learns; validation windows and the loss floor line up exactly."""

import math

import pytest
import torch

from llmlab.engine.config import GPTConfig
from llmlab.toy.corpus import line_logprobs
from llmlab.engine.data import IGNORE, Drill, TokenStream, line_windows, pack_lines, packed_floor, text_windows
from llmlab.engine.model import GPT
from llmlab.toy.recipe import load_toy_data, tiny_config
from llmlab.engine.training import TrainConfig, evaluate, learning_rate_at, train

SHORT = TrainConfig(steps=30, batch_size=8, warmup_steps=5, eval_every=10)


@pytest.fixture(scope="module")
def toy():
    return load_toy_data()


def small_model(vocab_size: int) -> GPT:
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=vocab_size, context_length=32, d_model=32, n_heads=2, n_layers=1))


def test_rerun_gives_the_same_numbers(toy):
    val_x, val_y = toy.val_x[:20], toy.val_y[:20]
    first = train(small_model(toy.tokenizer.vocab_size), toy.train, val_x, val_y, SHORT, progress=False)
    second = train(small_model(toy.tokenizer.vocab_size), toy.train, val_x, val_y, SHORT, progress=False)
    assert first.train_loss == second.train_loss and first.val_loss == second.val_loss
    assert first.val_loss[-1] < first.val_loss[0] - 1.0  # it learns
    assert first.val_steps == [0, 10, 20, 30]
    assert first.tokens_seen == 30 * 8 * 32


def test_learning_rate_warms_up_then_decays():
    config = TrainConfig(steps=100, warmup_steps=10, learning_rate=1.0, min_learning_rate=0.1)
    rates = [learning_rate_at(s, config) for s in range(100)]
    assert rates[0] == pytest.approx(0.1) and rates[9] == pytest.approx(1.0)
    assert all(a >= b for a, b in zip(rates[9:], rates[10:]))
    assert rates[-1] == pytest.approx(0.1, abs=1e-3)


def test_windows_start_at_line_starts():
    lines = [[1, 2, 0], [3, 4, 5, 0], [6, 0]]
    stream = TokenStream.from_lines(lines)
    assert stream.starts.tolist() == [0, 3, 7]
    x, y = stream.random_batch(4, 3, torch.Generator().manual_seed(0))
    assert all(row[0] in (1, 3) for row in x.tolist())  # only starts that leave room for 4 tokens
    assert torch.equal(x[:, 1:], y[:, :-1])


def test_packing_and_padding():
    lines = [[1, 2, 0], [3, 4, 5, 0], [6, 0]]
    assert pack_lines([3, 4, 2], context_length=5) == [[0], [1, 2]]
    x, y = line_windows(lines, context_length=5)
    assert x[1].tolist() == [3, 4, 5, 0, 6] and y[1].tolist() == [4, 5, 0, 6, 0]
    assert y[0].tolist() == [2, 0, IGNORE, IGNORE, IGNORE]
    with pytest.raises(ValueError, match="more than the context"):
        pack_lines([9], context_length=5)
    tx, ty = text_windows(list(range(11)), context_length=5)
    assert tx.shape == (2, 5) and ty[1, -1] == 10


def test_floor_counts_exactly_the_scored_targets():
    logprobs = [[math.log(0.5), math.log(0.25), 0.0], [math.log(0.5), 0.0]]
    # One window holds both lines; the first token of the window is not a target.
    assert packed_floor(logprobs, context_length=8) == pytest.approx(
        -(math.log(0.25) + math.log(0.5)) / 4
    )


def test_toy_floor_is_below_the_entropy_of_random_guessing(toy):
    assert 0.3 < toy.floor < 0.7
    assert int((toy.val_y != IGNORE).sum()) > 10_000
    line = "EN: the cat plays in the garden JA: 猫 が 庭 で 遊ぶ".split()
    assert all(lp == 0.0 for lp in line_logprobs(line)[line.index("JA:") + 1 :])


def test_train_on_your_own_text():
    from llmlab.studies.own_text import train_on_text

    text = "the quick brown fox jumps over the lazy dog. " * 40
    model, tokenizer, history = train_on_text(
        text, TrainConfig(steps=20, batch_size=8, warmup_steps=2, eval_every=10), context_length=16,
        d_model=16, n_heads=2, n_layers=1, progress=False,
    )
    assert tokenizer.decode(tokenizer.encode("lazy fox")) == "lazy fox"
    assert history.val_loss[-1] < history.val_loss[0]
    with pytest.raises(ValueError, match="too short"):
        train_on_text("tiny", progress=False)


def test_validation_scores_an_evenly_spread_part_of_the_held_out_text():
    from llmlab.studies.own_text import held_out_sizes, held_out_windows

    x, y = held_out_windows(list(range(1_000)), 10, 250)  # 99 windows; every 4th: 25 windows, 250 characters
    assert x.shape == (25, 10) and int(x[1, 0]) == 40 and torch.equal(y, x + 1)
    assert held_out_windows(list(range(1_000)), 10, None)[0].shape == (99, 10)
    assert held_out_sizes("ab" * 5_000, 10, 0.1, 250) == (1_000, 250)
    with pytest.raises(ValueError, match="val_characters"):
        held_out_sizes("ab" * 5_000, 10, 0.1, 5)


def test_evaluating_nothing_says_so(toy):
    model = small_model(toy.tokenizer.vocab_size)
    empty = torch.full((1, 32), IGNORE)
    with pytest.raises(ValueError, match="nothing to score"):
        evaluate(model, torch.zeros(1, 32, dtype=torch.long), empty)


# --- the data mix: windows that start at fact lines ---

def window_starts_facts(toy, share, n=400):
    x, _ = toy.train.random_batch(n, 32, torch.Generator().manual_seed(0), share)
    first_words = [toy.tokenizer.decode([int(row[0])]) for row in x]
    return sum(word != "EN:" for word in first_words) / n


def test_fact_share_picks_the_first_line_of_each_window(toy):
    assert window_starts_facts(toy, 1.0) == 1.0
    assert window_starts_facts(toy, 0.0) == 0.0
    assert 0.5 < window_starts_facts(toy, 0.6) < 0.7
    assert 0.2 < window_starts_facts(toy, None) < 0.4  # as the corpus comes: 30% fact lines


def test_the_drill_grades_each_question_on_its_answer_only(toy):
    drill = toy.train.drill
    assert len(drill.x) == int(toy.train.is_fact.sum())  # every fact line, once
    row = 0
    words = toy.tokenizer.decode(drill.x[row].tolist()).split()
    graded = [toy.tokenizer.decode([int(t)]) for t in drill.y[row] if t != IGNORE]
    assert graded[:3] == words[-3:] and len(graded) == 4  # "the colour thing" and the end of the line
    graded_at = (drill.y[row, :-1] != IGNORE).nonzero().flatten()
    assert torch.equal(drill.y[row, graded_at], drill.x[row, graded_at + 1])  # the target is the next token


def test_every_step_also_drills_questions_and_keeps_both_losses(toy):
    model = GPT(tiny_config(toy.tokenizer.vocab_size))
    history = train(model, toy.train, toy.val_x[:4], toy.val_y[:4],
                    TrainConfig(steps=4, batch_size=2, drill_batch_size=3, eval_every=10), progress=False)
    assert len(history.train_loss) == len(history.drill_loss) == 4
    assert history.tokens_seen == 4 * (2 * 32 + 3 * toy.train.drill.x.shape[1])
    plain = train(GPT(tiny_config(toy.tokenizer.vocab_size)), toy.train, toy.val_x[:4], toy.val_y[:4],
                  TrainConfig(steps=4, batch_size=2, eval_every=10), progress=False)
    assert plain.drill_loss == [] and plain.tokens_seen == 4 * 2 * 32
    assert history.train_loss[0] > history.drill_loss[0] > 0  # the step minimised text + drill


def test_bad_data_mix_is_refused_in_llmlab_words(toy):
    from llmlab.engine.validate import LlmlabError
    with pytest.raises(LlmlabError, match="drill_batch_size"):
        TrainConfig(steps=10, drill_batch_size=-1)
    with pytest.raises(LlmlabError, match="question lines to drill on"):
        train(GPT(tiny_config(toy.tokenizer.vocab_size)), TokenStream.from_lines([[1, 2, 3]] * 40), toy.val_x[:2],
              toy.val_y[:2], TrainConfig(steps=2, drill_batch_size=1), progress=False)
    with pytest.raises(LlmlabError, match="where its answer starts"):
        Drill.from_lines([[1, 2, 3]], [3])
    with pytest.raises(LlmlabError, match="needs a Drill"):
        toy.train.with_drill("questions")
    with pytest.raises(LlmlabError, match="fact lines"):
        TokenStream.from_ids(list(range(50))).random_batch(2, 8, torch.Generator(), 0.5)
    with pytest.raises(LlmlabError, match="True/False per line"):
        TokenStream.from_lines([[1, 2], [3]], is_fact=[True])
    only_facts = TokenStream.from_lines([[1, 2, 3, 4]] * 5, is_fact=[True] * 5)
    with pytest.raises(LlmlabError, match="both kinds"):
        only_facts.random_batch(4, 2, torch.Generator().manual_seed(0), 0.0)


def test_holding_the_peak_learning_rate():
    config = TrainConfig(steps=100, warmup_steps=10, hold_steps=40, learning_rate=1.0, min_learning_rate=0.1)
    assert learning_rate_at(10, config) == learning_rate_at(49, config) == 1.0
    assert learning_rate_at(50, config) == 1.0 and 0.1 < learning_rate_at(75, config) < 1.0
    assert learning_rate_at(99, config) == pytest.approx(0.1, abs=1e-3)


def test_more_training_lines_continue_the_corpus(toy):
    more = load_toy_data(train_lines=8_500)
    assert torch.equal(more.train.ids[: len(toy.train.ids)], toy.train.ids)
    assert len(more.train.starts) == 8_500 and more.train.is_fact.shape == (8_500,)
    assert len(load_toy_data(train_lines=100).train.starts) == 100
