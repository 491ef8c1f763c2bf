"""Lesson 05's engine, widget and exercises: hand attention, the √d_head scale, heads, head roles."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from llmlab.studies.attention_math import (
    attention,
    attention_steps,
    head_columns,
    head_projection,
    heads_through_W_O,
    pencil_example,
    plane_example,
    recompute_values,
    softmax_sharpness,
)
from llmlab.ui.checks import verdict
from llmlab.engine.config import GPTConfig
from llmlab.ui.exercises import lesson05
from llmlab.studies.head_roles import ablation_effects, attention_statistics, task_lines
from llmlab.messages import msg
from llmlab.engine.model import GPT, causal_mask
from llmlab.engine.validate import LlmlabError
from llmlab.ui.widgets.qkv import QKVWidget


@pytest.fixture(scope="module")
def val_lines(corpus):
    return corpus[1]


@pytest.fixture(scope="module")
def unseen_lines(corpus):
    """The lines lesson 05 measures heads on: validation translation lines the shipped model never trained on."""
    from llmlab.engine.checkpoint import load_shipped_model
    from llmlab.toy.corpus import TRAIN_SEED, generate_lines

    trained_on = set(generate_lines(load_shipped_model()[2]["train_lines"], TRAIN_SEED))
    return [line for line in corpus[1] if line.startswith("EN: ") and line not in trained_on]


# --- attention by hand ---


def test_pencil_example_matches_the_hand_computation():
    ex = pencil_example()
    steps = attention_steps(ex.q, ex.k, ex.v)
    assert steps.scores[2].tolist() == [2.0, 0.0, 1.0]  # (4, 0, 2) / √4
    e = [math.exp(2), 1.0, math.exp(1)]
    weights = [x / sum(e) for x in e]
    assert torch.allclose(steps.weights[2], torch.tensor(weights))
    assert torch.allclose(steps.output[2], torch.tensor([weights[0] + weights[2], weights[1] + weights[2]]))


@pytest.mark.parametrize("masked", [False, True])
def test_attention_equals_torch_scaled_dot_product_attention(masked):
    generator = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(5, 8, generator=generator) for _ in range(3))
    mask = causal_mask(5, 5) if masked else None
    ours = attention(q, k, v, mask)
    theirs = F.scaled_dot_product_attention(q[None], k[None], v[None], attn_mask=mask)[0]
    assert torch.allclose(ours, theirs, atol=1e-6)


def test_without_the_scale_scores_are_sqrt_d_larger():
    ex = pencil_example()
    assert torch.allclose(attention_steps(ex.q, ex.k, ex.v, scale=False).scores,
                          2 * attention_steps(ex.q, ex.k, ex.v).scores)


@pytest.mark.parametrize("args, words", [
    (("text", torch.ones(2, 2), torch.ones(2, 2)), "q must be a 2-D table"),
    ((torch.ones(2, 3), torch.ones(2, 2), torch.ones(2, 2)), "same width"),
    ((torch.ones(2, 2), torch.ones(3, 2), torch.ones(2, 2)), "one row per key"),
    ((torch.ones(2, 2), torch.ones(2, 2), torch.full((2, 2), float("nan"))), "NaN"),
    ((torch.ones(2, 2), torch.ones(2, 2), torch.ones(2, 2), torch.ones(2, 2)), "True/False table"),
    ((torch.ones(2, 2), torch.ones(2, 2), torch.ones(2, 2), torch.zeros(2, 2, dtype=torch.bool)), "at least one True"),
])
def test_bad_attention_input_gets_a_clear_message(args, words):
    with pytest.raises(LlmlabError, match=words):
        attention_steps(*args)


# --- why divide by √d_head ---


def test_scaled_softmax_keeps_its_spread_and_unscaled_saturates():
    result = softmax_sharpness([2, 64, 256], rows=500)
    assert torch.all((result.entropy_scaled - result.entropy_scaled[0]).abs() < 0.1)
    assert result.entropy_unscaled[1] < 0.25 * result.entropy_scaled[1]
    assert result.max_weight_unscaled[2] > 0.85
    assert torch.allclose(result.score_std_scaled, torch.ones(3), atol=0.05)
    assert softmax_sharpness([2, 64], rows=100).entropy_unscaled.tolist() == \
        softmax_sharpness([2, 64], rows=100).entropy_unscaled.tolist()  # seeded


@pytest.mark.parametrize("kwargs, words", [
    ({"widths": []}, "widths must be a list"),
    ({"widths": "64"}, "widths must be a list"),
    ({"widths": [0]}, "at least 1"),
    ({"widths": [2.5]}, "whole number"),
    ({"widths": [4], "n_keys": 1}, "n_keys must be at least 2"),
])
def test_bad_sharpness_input_names_the_range(kwargs, words):
    with pytest.raises(LlmlabError, match=words):
        softmax_sharpness(**kwargs)


# --- Q, K, V and W_O on the shipped model ---


def test_values_are_recomputed_in_every_block(shipped):
    model, tokenizer = shipped
    _, trace = model.run_with_trace(tokenizer.encode("EN: the cat sleeps in the house JA:"))
    for block in range(model.config.n_layers):
        assert torch.allclose(recompute_values(model, trace, block), trace[f"blocks.{block}.attn.v"], atol=1e-5)
        for head in range(model.config.n_heads):
            for part in "qkv":
                assert torch.allclose(head_projection(model, trace, block, head, part),
                                      trace[f"blocks.{block}.attn.{part}"][head], atol=1e-5)
        assert torch.allclose(heads_through_W_O(model, trace, block), trace[f"blocks.{block}.attn.out"], atol=1e-5)
    v0 = trace["blocks.0.attn.v"].transpose(0, 1).reshape(trace["embed"].shape)
    assert not torch.allclose(v0, trace["embed"], atol=1e-2)
    assert list(head_columns(model, 3)) == list(range(48, 64))


def test_bad_block_head_or_part_names_the_range(shipped):
    model, tokenizer = shipped
    _, trace = model.run_with_trace(tokenizer.encode("EN: the cat"))
    with pytest.raises(LlmlabError, match="blocks 0 to 2; there is no block 3"):
        recompute_values(model, trace, 3)
    with pytest.raises(LlmlabError, match="heads 0 to 3; there is no head 4"):
        head_projection(model, trace, 0, 4, "q")
    with pytest.raises(LlmlabError, match='"q", "k" or "v"'):
        head_projection(model, trace, 0, 0, "x")


# --- head roles ---


def test_task_positions_point_at_the_right_words(shipped, val_lines):
    _, tokenizer = shipped
    data = task_lines(val_lines, tokenizer, limit=50)
    for i in range(data.n_lines):
        words = tokenizer.token_strings(data.ids[i].tolist())
        subject = words[int(data.subject[i])]
        target = tokenizer.token_strings([int(data.translation_target[i])])[0]
        from llmlab.toy.corpus import JAPANESE, NOUN_FORMS
        assert JAPANESE[NOUN_FORMS[subject][0]] == target
        assert words[int(data.translation_query[i]) + 1] == target
    for case, line in enumerate(data.agreement_lines.tolist()):
        words = tokenizer.token_strings(data.ids[line].tolist())
        assert words[int(data.agreement_query[case])] == words[int(data.distractor[case])]
        verb = tokenizer.token_strings([int(data.agreement_target[case])])[0]
        assert words[int(data.agreement_query[case]) + 1] == verb
        plural = NOUN_FORMS[words[int(data.subject[line])]][1]
        assert verb.endswith("s") != plural


def test_bad_task_lines_get_clear_messages(shipped):
    _, tokenizer = shipped
    with pytest.raises(LlmlabError, match="translation line"):
        task_lines(["ken has the red ball . what does ken have ? the red ball"], tokenizer)
    with pytest.raises(LlmlabError, match="list of texts"):
        task_lines("EN: the cat", tokenizer)
    with pytest.raises(LlmlabError, match="Not a translation line"):
        task_lines(["EN: the the"], tokenizer)
    with pytest.raises(LlmlabError, match="limit must be at least 1"):
        task_lines(["EN: the cat"], tokenizer, limit=0)
    with pytest.raises(LlmlabError, match="made by task_lines"):
        attention_statistics(shipped[0], ["EN: the cat"])
    with pytest.raises(LlmlabError, match="reference"):
        ablation_effects(shipped[0], task_lines(["EN: the cat sleeps in the house JA: 猫 が 家 で 寝る"], tokenizer),
                         [], "none")


def test_statistics_are_weights_and_the_exercise_answers_match_the_measurement(shipped, unseen_lines, corpus):
    model, tokenizer = shipped
    data = task_lines(unseen_lines, tokenizer)
    stats = attention_statistics(model, data)
    for value in stats.as_table().values():
        assert value.shape == (3, 4) and bool(((value >= 0) & (value <= 1)).all())
    effects = ablation_effects(model, data, [tokenizer.encode(line + "\n") for line in corpus[0][:50]], "50")
    agreement = effects.change("zero", "agreement")
    strongest = {divmod(int(i), 4) for i in agreement.reshape(-1).argsort()[:3]}
    assert strongest == set(lesson05.AGREEMENT_HEADS)
    hidden = lesson05.HIDDEN_AGREEMENT_HEAD
    for other in (head for head in lesson05.AGREEMENT_HEADS if head != hidden):
        assert stats.subject_when_agreeing[hidden] < 0.5 * stats.subject_when_agreeing[other]


def test_the_head_roles_lesson_05_tells(shipped, unseen_lines, corpus):
    """Sections 6–7: the heads the prose names, and what removing them does (zero and mean agree)."""
    model, tokenizer = shipped
    data = task_lines(unseen_lines, tokenizer)
    stats = attention_statistics(model, data)
    effects = ablation_effects(model, data, [tokenizer.encode(line + "\n") for line in corpus[0][:50]], "50")
    argmax = lambda table: divmod(int(table.argmax()), 4)
    # translation: block 0's head 1 looks most and is the one removed by hand in section 7; it breaks translation
    assert argmax(stats.subject_when_translating) == (0, 1)
    for ablation in ("zero", "mean"):
        translation = effects.change(ablation, "translation")
        assert argmax(-translation) == (0, 1) and translation[0, 1] < -0.5
        assert (translation.reshape(-1).sort().values[1:] > -0.02).all()  # no other head matters (at most -0.010)
    # ...while block 0's head 0 also looks at the subject, and removing it alone changes almost nothing
    assert stats.subject_when_translating[0, 0] > 0.4 and effects.change("zero", "translation")[0, 0] > -0.01
    # agreement: block 1's heads 0 and 1 look at the subject noun, not the nearer one; zero and mean rank alike
    for head in ((1, 0), (1, 1)):
        assert stats.subject_when_agreeing[head] > 0.9 and stats.distractor_when_agreeing[head] < 0.05
    for ablation in ("zero", "mean"):
        agreement = effects.change(ablation, "agreement").reshape(-1)
        assert {divmod(int(i), 4) for i in agreement.argsort()[:3]} == set(lesson05.AGREEMENT_HEADS)
    # the nearer noun's strongest reader is in block 2 and is not needed; no block-2 head matters for either task
    assert argmax(stats.distractor_when_agreeing) == (2, 3)
    for ablation in ("zero", "mean"):
        for task in ("translation", "agreement"):
            assert effects.change(ablation, task)[2].abs().max() < 0.0005  # printed as ±0.000
    # no previous-token head
    assert stats.previous_token.max() < 0.5


# --- the widget ---


def test_widget_moves_the_query_and_redraws_in_place():
    widget = QKVWidget()
    figure, before = widget.figure, widget.image.value
    widget.set(x=-2.0, y=1.0)
    assert widget.figure is figure and widget.image.value != before
    assert widget.result.q[0].tolist() == [-2.0, 1.0]
    assert math.isclose(float(widget.result.weights.sum()), 1.0, rel_tol=1e-6)
    expected = attention_steps([[-2.0, 1.0]], plane_example().k, plane_example().v)
    assert torch.allclose(widget.result.output, expected.output)
    widget.x_slider.value = 0.5  # as a learner moves it
    assert widget.result.q[0, 0].item() == 0.5 and "error" not in widget.message.value


@pytest.mark.parametrize("value, words", [
    (5, "at most 3.0"), (-3.5, "at least -3.0"), (float("nan"), "finite"), ("a", "must be a number"), (True, "number"),
])
def test_widget_bad_values_name_the_range_and_keep_the_query(value, words):
    widget = QKVWidget()
    before = widget.result.q.clone()
    with pytest.raises(LlmlabError, match=words):
        widget.set(x=value)
    with pytest.raises(LlmlabError, match=words):
        widget.set(y=value)
    assert torch.equal(widget.result.q, before)


def test_widget_accepts_numpy_and_torch_numbers():
    import numpy as np

    widget = QKVWidget()
    widget.set(x=np.float32(1.5), y=torch.tensor(-1.0))
    assert widget.result.q[0].tolist() == [1.5, -1.0]


# --- the code exercise ---


def test_reference_solution_passes_and_every_typical_bug_gets_its_own_hint():
    assert verdict("05.attention", lesson05.ATTENTION_SOLUTION) == (True, msg("checks.correct"))
    hints = {}
    for name, bug in lesson05.TYPICAL_BUGS.items():
        right, text = verdict("05.attention", bug)
        assert not right and msg(f"ex05.attention.{name}") in text, (name, text)
        hints[name] = text
    assert len(set(hints.values())) == len(hints)


def test_the_checker_never_raises_whatever_the_function_does():
    def raises(q, k, v, mask=None):
        raise RuntimeError("boom")

    def no_mask(q, k, v):
        return q

    def ignores_none(q, k, v, mask=None):
        return torch.softmax((q @ k.T / math.sqrt(q.shape[-1])).masked_fill(~mask, float("-inf")), -1) @ v

    def weights_only(q, k, v, mask=None):
        return torch.softmax(q @ k.T / math.sqrt(q.shape[-1]), -1)

    def in_place(q, k, v, mask=None):
        q.mul_(0)
        return lesson05.ATTENTION_SOLUTION(q, k, v, mask)

    def numpy_result(q, k, v, mask=None):
        return lesson05.ATTENTION_SOLUTION(q, k, v, mask).numpy()

    cases = {
        raises: "stopped with RuntimeError: boom",
        no_mask: "takes no mask",
        ignores_none: "mask=None",
        weights_only: "returned the attention weights",
        in_place: "changed q, k or v in place",
        (lambda q, k, v, mask=None: "text"): "returned a str",
        (lambda q, k, v, mask=None: None): "returns nothing yet",
        (lambda q, k, v, mask=None: q[:, :1]): "one row per query",
        (lambda q, k, v, mask=None: torch.full((q.shape[0], v.shape[1]), float("nan"))): "NaN",
        (lambda q, k, v, mask=None: torch.zeros(q.shape[0], v.shape[1])): "differ from softmax",
        42: "Pass your function itself",
    }
    for function, words in cases.items():
        right, text = verdict("05.attention", function)
        assert not right and words in text, (words, text)
    assert verdict("05.attention", numpy_result)[0]


def test_value_exercises_accept_numpy_and_torch_numbers():
    assert verdict("05.scaled_score", torch.tensor(2.0))[0]
    assert verdict("05.head_width", torch.tensor(64))[0]
    assert verdict("05.hidden_head", (0, 3))[0]
    assert msg("ex05.scaled_score.by_d") in verdict("05.scaled_score", 1.0)[1]


def test_a_model_without_biases_works_too():
    model = GPT(GPTConfig(vocab_size=10, context_length=8, d_model=8, n_heads=2, n_layers=1, bias=False))
    _, trace = model.run_with_trace([1, 2, 3])
    assert torch.allclose(recompute_values(model, trace, 0), trace["blocks.0.attn.v"], atol=1e-6)
    assert torch.allclose(heads_through_W_O(model, trace, 0), trace["blocks.0.attn.out"], atol=1e-6)


def test_best_probabilities_are_the_grammars_own(shipped, val_lines):
    from llmlab.studies.head_roles import best_probabilities

    model, tokenizer = shipped
    data = task_lines(val_lines, tokenizer, limit=60)
    best = best_probabilities(data, tokenizer)
    assert best["translation"] == pytest.approx(1.0)
    assert best["agreement"] == pytest.approx(1.0)  # the grammar always gives the subject's number
    with pytest.raises(LlmlabError):
        best_probabilities("lines", tokenizer)


def test_the_number_share_scores_the_number_alone(shipped, unseen_lines):
    """Agreement is scored as p(right-number verbs) / (p(right-number) + p(wrong-number)) over the subject kind's
    verbs."""
    from llmlab.studies.head_roles import number_share
    from llmlab.toy.corpus import NOUN_FORMS

    _, tokenizer = shipped
    data = task_lines(unseen_lines, tokenizer, limit=40)
    assert data.right_number.shape == data.wrong_number.shape == (data.n_agreement, 3)
    for case, line in enumerate(data.agreement_lines.tolist()):
        words = tokenizer.token_strings(data.ids[line].tolist())
        right = tokenizer.token_strings(data.right_number[case].tolist())
        wrong = tokenizer.token_strings(data.wrong_number[case].tolist())
        assert words[int(data.agreement_query[case]) + 1] in right  # the actual verb has the right number
        plural = NOUN_FORMS[words[int(data.subject[line])]][1]
        assert all(verb.endswith("s") != plural for verb in right) and [w + "s" for w in (right if plural else wrong)] \
            == (wrong if plural else right)
    probs = torch.zeros(data.n_agreement, tokenizer.vocab_size)
    probs.scatter_(1, data.right_number[:, :1], 0.3)  # a "verb comes next?" doubt does not lower the share ...
    probs[:, tokenizer.encode("near")[0]] = 0.7
    assert torch.allclose(number_share(probs, data), torch.ones(data.n_agreement))
    probs.scatter_(1, data.wrong_number[:, :1], 0.1)  # ... a wrong number does
    assert torch.allclose(number_share(probs, data), torch.full((data.n_agreement,), 0.75))
