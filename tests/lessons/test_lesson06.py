"""Lesson 06: the causal mask, the generation loop taken apart, the KV cache, the fingerprint, the widget."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
import torch

import llmlab.ui.exercises  # noqa: F401  (registers every lesson's exercises)
from llmlab.ui.checks import verdict
from llmlab.toy.corpus import NOUN_FORMS, line_logprobs, translation_pairs
from llmlab.ui.exercises.lesson06 import checked_sizes
from llmlab.engine.fingerprint import parameter_fingerprint
from llmlab.engine.generation import generate, sample_next
from llmlab.studies.kv_cache import (cache_numbers, kv_cache_bytes, logits_one_pass, logits_prefix_by_prefix,
                             logits_with_cache, step_seconds, step_times)
from llmlab.studies.mask_experiment import run_mask_experiment, training_windows, with_steps
from llmlab.messages import msg
from llmlab.engine.model import GPT, KVCache, causal_mask
from llmlab.engine.params import PUBLISHED_CONFIGS
from llmlab.engine.sampling import generation_steps, next_token_distribution, probabilities
from llmlab.engine.validate import check_temperature, check_top_k
from llmlab.toy.recipe import load_toy_data
from llmlab.ui.widgets.generation import NextTokenExplorer

PROMPT = "EN: the small cats"


@pytest.fixture(scope="module")
def ids(shipped):
    _, tokenizer = shipped
    return tokenizer.encode("EN: the cats near the big car sleep in the garden JA:")


# --- fingerprint ---


def test_fingerprint_is_stable_and_sees_one_changed_number(shipped):
    model, _ = shipped
    before = parameter_fingerprint(model)
    assert before == parameter_fingerprint(model)
    copy = GPT(model.config)
    copy.load_state_dict(model.state_dict())
    assert parameter_fingerprint(copy) == before
    with torch.no_grad():
        copy.blocks[1].mlp.fc_in.weight[3, 5] += 1e-6
    assert parameter_fingerprint(copy) != before


def test_generating_changes_no_weight(shipped, ids):
    model, tokenizer = shipped
    before = parameter_fingerprint(model)
    generate(model, ids[:4], max_new_tokens=10, stop_token=tokenizer.eos_id)
    generation_steps(model, ids[:4], max_new_tokens=5)
    assert parameter_fingerprint(model) == before


def test_fingerprint_refuses_a_non_model():
    with pytest.raises(TypeError, match="nn.Module"):
        parameter_fingerprint("model")


# --- what the lesson's prose says about the shipped model ---


def lesson_text(model, tokenizer):
    """Section 4's sampled text (prompt "EN: the", seed 0), without its end token, and whether it ended."""
    prompt = tokenizer.encode("EN: the")
    new = generate(model, prompt, 20, temperature=1.0, stop_token=tokenizer.eos_id, seed=0)
    return prompt + new[:-1], new[-1] == tokenizer.eos_id


def test_section_4_writes_a_sentence_then_its_translation_then_the_end_token(shipped):
    model, tokenizer = shipped
    text, ended = lesson_text(model, tokenizer)
    words = tokenizer.decode(text).split()
    assert ended and "JA:" in words
    line_logprobs(words)  # the toy world's grammar allows the line: the Japanese half translates the English


def test_section_6_the_answer_follows_the_edited_noun(shipped):
    model, tokenizer = shipped
    text, _ = lesson_text(model, tokenizer)
    tokens = tokenizer.token_strings(text)
    ja = tokens.index("JA:")
    noun = next(i for i in range(2, ja) if tokens[i] in NOUN_FORMS)
    for replacement in ("dog", "boat"):
        edited = text[:noun] + tokenizer.encode(replacement) + text[noun + 1 : ja + 1]
        answer = tokenizer.decode(generate(model, edited, 15, temperature=0, stop_token=tokenizer.eos_id)).split()
        assert translation_pairs()[replacement] in answer and translation_pairs()[tokens[noun]] not in answer


# --- the next-token distribution and the loop ---


def test_probabilities_follow_temperature_and_top_k():
    logits = torch.tensor([2.0, 1.0, 0.5, -1.0])
    assert torch.allclose(probabilities(logits), torch.softmax(logits, -1))
    assert torch.equal(probabilities(logits, 0.0), torch.tensor([1.0, 0.0, 0.0, 0.0]))
    top2 = probabilities(logits, 1.0, 2)
    assert (top2[2:] == 0).all() and math.isclose(float(top2.sum()), 1.0, rel_tol=1e-6)
    assert probabilities(logits, 0.2)[0] > probabilities(logits, 1.0)[0] > probabilities(logits, 3.0)[0]


def test_sample_next_draws_from_the_shown_distribution():
    logits = torch.tensor([1.0, 0.5, 0.0, -0.5, -3.0])
    probs = probabilities(logits, 0.7, 3)
    generator = torch.Generator().manual_seed(0)
    draws = torch.tensor([sample_next(logits, 0.7, 3, generator) for _ in range(4000)])
    counts = torch.bincount(draws, minlength=5).float() / len(draws)
    assert counts[3:].sum() == 0  # outside the top 3: never drawn
    assert torch.allclose(counts, probs, atol=0.03)


def test_next_token_distribution_greedy_is_the_argmax(shipped, ids):
    model, _ = shipped
    nxt = next_token_distribution(model, ids, temperature=0.5, top_k=5)
    assert nxt.greedy == int(nxt.logits.argmax()) == nxt.top(1)[0][0]
    assert int((nxt.probs > 0).sum()) == 5
    assert torch.allclose(nxt.logits, logits_one_pass(model, ids)[-1], atol=1e-5)


@pytest.mark.parametrize("temperature,top_k", [(1.0, None), (0.7, 5), (0.0, None)])
def test_steps_pick_the_same_tokens_as_generate(shipped, ids, temperature, top_k):
    model, tokenizer = shipped
    prompt = ids[:3]
    steps = generation_steps(model, prompt, 12, temperature, top_k, tokenizer.eos_id, seed=3)
    fast = generate(model, prompt, 12, temperature, top_k, tokenizer.eos_id, use_cache=False, seed=3)
    assert [s.chosen for s in steps] == fast
    for i, step in enumerate(steps):
        assert list(step.context) == prompt + fast[:i]  # each step reads everything chosen before it
    assert steps[-1].stop in ("stop_token", "limit", "context")
    assert all(s.stop is None for s in steps[:-1])


def test_steps_stop_at_the_end_token_or_the_limit(shipped, ids):
    model, tokenizer = shipped
    finished = generation_steps(model, ids, 30, temperature=0, stop_token=tokenizer.eos_id)
    assert finished[-1].stop == "stop_token" and finished[-1].chosen == tokenizer.eos_id
    short = generation_steps(model, ids[:2], 2, stop_token=tokenizer.eos_id)
    assert len(short) == 2 and short[-1].stop == "limit"


@pytest.mark.parametrize("bad", [float("nan"), -0.5, float("inf"), "hot", None, 11.0, True])
def test_bad_temperature_names_the_range(bad):
    with pytest.raises(ValueError, match="from 0"):
        check_temperature(bad)


def test_zero_temperature_is_refused_where_it_must_be_positive():
    with pytest.raises(ValueError, match="above 0"):
        check_temperature(0, positive=True)


@pytest.mark.parametrize("bad", [0, -1, 2.5, "3", 94, True])
def test_bad_top_k_names_the_range(bad):
    with pytest.raises(ValueError, match="from 1 to 93"):
        check_top_k(bad, 93)


def test_bad_ids_and_lengths_get_messages(shipped):
    model, _ = shipped
    with pytest.raises(ValueError, match="no tokens"):
        next_token_distribution(model, [])
    with pytest.raises(ValueError, match="ids run from 0 to 92"):
        next_token_distribution(model, [0, 10_000])
    with pytest.raises(ValueError, match="at most 32"):
        logits_with_cache(model, [1] * 33)
    with pytest.raises(ValueError, match="max_new_tokens"):
        generation_steps(model, [1], 0)
    with pytest.raises(TypeError, match="GPT"):
        next_token_distribution("model", [1])
    with pytest.raises(ValueError, match="stop_token"):
        generation_steps(model, [1], 3, stop_token=500)
    with pytest.raises(ValueError, match="seed"):
        generation_steps(model, [1], 3, seed=-1)
    with pytest.raises(TypeError, match="1-D float tensor"):
        probabilities([1.0, 2.0])
    with pytest.raises(ValueError, match="repeats"):
        step_seconds(model, 4, use_cache=True, repeats=0)
    with pytest.raises(TypeError, match="TrainConfig"):
        run_mask_experiment({"steps": 10})
    with pytest.raises(ValueError, match="steps"):
        with_steps(0)


# --- the mask and the KV cache ---


def test_prompt_in_one_pass_equals_prefix_by_prefix_and_cache(shipped, ids):
    model, _ = shipped
    one = logits_one_pass(model, ids)
    assert torch.allclose(one, logits_prefix_by_prefix(model, ids), atol=1e-5)
    assert torch.allclose(one, logits_with_cache(model, ids), atol=1e-5)


def test_without_the_mask_the_cache_is_no_longer_exact(shipped, ids):
    model, _ = shipped
    unmasked = GPT(model.config)
    unmasked.load_state_dict(model.state_dict())
    unmasked.causal = False
    difference = (logits_one_pass(unmasked, ids) - logits_with_cache(unmasked, ids)).abs().max()
    assert difference > 1e-2


def test_cache_formula_matches_a_real_cache(shipped, ids):
    model, _ = shipped
    cache = KVCache()
    with torch.no_grad():
        model(torch.tensor([ids]), cache=cache)
    assert cache_numbers(cache) * 4 == kv_cache_bytes(model.config, 4, tokens=len(ids))
    gpt2 = PUBLISHED_CONFIGS["GPT-2 small"]
    assert kv_cache_bytes(gpt2, 4) == 2 * 12 * 1024 * 768 * 4
    assert kv_cache_bytes(PUBLISHED_CONFIGS["GPT-3 175B"], 2) == 2 * 96 * 2048 * 12288 * 2


@pytest.mark.parametrize("kwargs,match", [({"bytes_per_number": 3}, "fp16"),
                                          ({"tokens": 0}, "at least 1 and at most 32"),
                                          ({"tokens": 2.5}, "whole number")])
def test_cache_formula_bad_input(shipped, kwargs, match):
    model, _ = shipped
    with pytest.raises(ValueError, match=match):
        kv_cache_bytes(model.config, **kwargs)


def test_step_seconds(shipped):
    model, _ = shipped
    assert step_seconds(model, 8, use_cache=True, repeats=2) > 0
    assert step_seconds(model, 1, use_cache=False, repeats=2) > 0
    with pytest.raises(ValueError, match="at least 1 and at most 32"):
        step_seconds(model, 40, use_cache=True)


def test_mask_experiment_scores_both_runs_on_the_same_windows():
    data = load_toy_data()
    windows = training_windows(data, n_lines=200)
    assert 0 < windows.floor < 1.5 and windows.x.shape == windows.y.shape
    small = replace(data, val_x=data.val_x[:32], val_y=data.val_y[:32])  # fewer windows: a quick test
    experiment = run_mask_experiment(with_steps(6), progress=False, data=small, train_lines=100)
    assert experiment.masked.model.causal and not experiment.unmasked.model.causal
    assert experiment.val_windows.floor == data.floor and len(experiment.train_windows.x) < 100
    for run in (experiment.masked, experiment.unmasked):
        assert len(run.history.train_loss) == 6 and math.isfinite(run.train_loss) and math.isfinite(run.val_loss)


# --- the exercise ---


def reference(n_queries, n_keys):
    return causal_mask(n_queries, n_keys)


BUGS = {
    "inverted": lambda q, k: ~causal_mask(q, k),
    "transposed": lambda q, k: causal_mask(q, k).T if q == k else causal_mask(q, k),
    "no_diagonal": lambda q, k: torch.tril(torch.ones(q, k, dtype=torch.bool), k - q - 1),
    "cache_offset": lambda q, k: torch.tril(torch.ones(q, k, dtype=torch.bool)),
    "no_mask": lambda q, k: torch.ones(q, k, dtype=torch.bool),
    "returned_none": lambda q, k: None,
    "shape": lambda q, k: causal_mask(k, k),
    "values": lambda q, k: causal_mask(q, k).float() * 3,
    "raised": lambda q, k: 1 / 0,
}


@pytest.mark.parametrize("answer", [
    reference,
    lambda q, k: causal_mask(q, k).int(),
    lambda q, k: causal_mask(q, k).float(),
    lambda q, k: torch.zeros(q, k).masked_fill(~causal_mask(q, k), float("-inf")),
    lambda q, k: torch.zeros(q, k).masked_fill(~causal_mask(q, k), -1e9),
    lambda q, k: causal_mask(q, k).numpy(),
    lambda q, k: causal_mask(q, k).tolist(),
])
def test_equivalent_masks_pass(answer):
    assert verdict("06.causal_mask", answer) == (True, msg("checks.correct"))


@pytest.mark.parametrize("bug", sorted(BUGS))
def test_each_typical_bug_gets_its_own_hint(bug):
    right, text = verdict("06.causal_mask", BUGS[bug])
    assert not right
    key_text = msg(f"ex06.causal_mask.{bug}", n_queries=2, n_keys=4, got=(), wanted=(), error="")
    first_words = key_text[:12]
    assert first_words in text, (bug, text)


def test_the_checker_tests_square_and_cached_sizes():
    sizes = checked_sizes()
    assert any(q == k for q, k in sizes) and any(2 <= q < k for q, k in sizes)


# --- the widget ---


def test_widget_samples_seeded_and_greedy_is_the_argmax(shipped):
    model, tokenizer = shipped
    one, two = NextTokenExplorer(model, tokenizer, PROMPT, seed=1), NextTokenExplorer(model, tokenizer, PROMPT, seed=1)
    assert [one.sample() for _ in range(4)] == [two.sample() for _ in range(4)]
    expected = int(one.logits.argmax())
    assert one.greedy() == expected and one.choices[-1] == "greedy"
    one.reset()
    assert one.ids == tokenizer.encode(PROMPT) and one.choices == []
    assert [one.sample() for _ in range(4)] == two.ids[len(one.prompt_ids):len(one.prompt_ids) + 4]


def test_widget_slider_moves_the_bars(shipped):
    model, tokenizer = shipped
    widget = NextTokenExplorer(model, tokenizer, PROMPT)
    before = widget.image.value
    assert widget.set(temperature=0.3, top_k=2)
    assert widget.image.value != before and widget.kept == 2
    assert math.isclose(sum(widget.shown), 1.0, rel_tol=1e-5)
    assert widget.set(top_k=None) and widget.top_k is None


@pytest.mark.parametrize("bad", [0, 0.0, float("nan"), -1, 99, "warm", True])
def test_widget_bad_temperature_is_a_message(shipped, bad):
    model, tokenizer = shipped
    widget = NextTokenExplorer(model, tokenizer, PROMPT)
    assert widget.set(temperature=bad) is False
    assert "0.05 to 3" in widget.message.value and widget.temperature == 1.0


@pytest.mark.parametrize("bad", [0, 2.5, -3, 1000, "five", True])
def test_widget_bad_top_k_is_a_message(shipped, bad):
    model, tokenizer = shipped
    widget = NextTokenExplorer(model, tokenizer, PROMPT)
    assert widget.set(top_k=bad) is False
    assert "from 1 to 93" in widget.message.value and widget.top_k is None


def test_widget_stops_at_the_end_token_and_refuses_more(shipped):
    model, tokenizer = shipped
    widget = NextTokenExplorer(model, tokenizer, "EN: the cats sleep in the garden JA:")
    for _ in range(32):
        if widget.greedy() is None:
            break
    assert widget.finished in ("end_token", "context")
    assert widget.sample() is None and "reset" in widget.message.value


def test_widget_refuses_a_wrong_model_or_tokenizer(shipped):
    model, tokenizer = shipped
    with pytest.raises(TypeError, match="GPT"):
        NextTokenExplorer("model", tokenizer)
    with pytest.raises(TypeError, match="tokenizer"):
        NextTokenExplorer(model, "tokenizer")
    with pytest.raises(ValueError, match="seed"):
        NextTokenExplorer(model, tokenizer, seed=-2)


def test_widget_unknown_word_is_a_message(shipped):
    model, tokenizer = shipped
    widget = NextTokenExplorer(model, tokenizer, PROMPT)
    widget.reset("EN: the zebra")
    assert "zebra" in widget.message.value and widget.ids == tokenizer.encode(PROMPT)
    widget.reset(42)
    assert "text" in widget.message.value


def test_step_times_runs_on_one_thread_and_restores_the_threads(shipped):
    model, _ = shipped
    before = torch.get_num_threads()
    times = step_times(model, [1, 8], repeats=1)
    assert set(times) == {"without cache", "with cache"} and all(len(v) == 2 for v in times.values())
    assert torch.get_num_threads() == before


def test_the_explorer_answers_unknown_words_in_the_learners_terms(shipped):
    from llmlab.ui.widgets.generation import NextTokenExplorer

    explorer = NextTokenExplorer(*shipped)
    explorer.reset("the zebra sleeps")
    assert "zebra" in explorer.message.value and "toy sentences" in explorer.message.value
    assert "unknown=" not in explorer.message.value


@pytest.mark.slow
def test_the_cache_timing_conclusion_holds_beside_two_busy_processes(shipped):
    """Cell 31's conclusion on a busy classroom server: two CPU-bound programs run beside the timing."""
    import subprocess
    import sys

    from llmlab.engine.config import GPTConfig
    from llmlab.engine.device import seed_everything

    model, _ = shipped
    seed_everything(0)
    bigger = GPT(GPTConfig(vocab_size=1000, context_length=512, d_model=128, n_heads=4, n_layers=4, d_mlp=512))
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        assert all(process.poll() is None for process in busy)
        tiny = step_times(model, [1, 4, 8, 12, 16, 20, 24, 28, 32], repeats=15)
        big = step_times(bigger, [1, 128, 256, 384, 512], repeats=5)
        assert all(process.poll() is None for process in busy)  # they were running all along
    finally:
        for process in busy:
            process.kill()
            process.wait()
    ratio = {name: times["without cache"][-1] / times["with cache"][-1]
             for name, times in (("tiny", tiny), ("big", big))}
    assert ratio["big"] > 5 and ratio["tiny"] < 2  # the cache pays off on the bigger model, hardly on the tiny one
    without = big["without cache"]
    assert all(a < b for a, b in zip(without, without[1:]))  # without the cache the step grows with the text
    assert max(big["with cache"]) < without[1]  # with it, every step stays below the 128-token step without it
