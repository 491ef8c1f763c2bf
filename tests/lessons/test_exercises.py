"""Every registered exercise: its solution passes, its typical wrong answer fails, `...` is safe."""

import pytest

import llmlab.ui.exercises  # noqa: F401  (registers every lesson's exercises)
from llmlab.ui.checks import EXERCISES, check, solution, verdict
from llmlab.messages import msg

IDS = sorted(EXERCISES)


def test_exercises_are_registered():
    assert IDS, "no exercise registered"
    assert all(id[:2].isdigit() and id[2] == "." for id in IDS)


@pytest.mark.parametrize("id", IDS)
def test_solution_passes(id):
    assert verdict(id, EXERCISES[id].solution) == (True, msg("checks.correct"))


@pytest.mark.parametrize("id", IDS)
def test_typical_wrong_answer_fails_with_a_hint(id):
    right, text = verdict(id, EXERCISES[id].typical_wrong)
    assert not right
    assert text.startswith(msg("checks.not_yet", hint="")), text


@pytest.mark.parametrize("id", IDS)
def test_unanswered_prints_a_message_without_raising(id, capsys):
    check(id, ...)
    assert verdict(id, ...) == (False, msg("checks.unanswered"))
    assert capsys.readouterr().out.strip() == msg("checks.unanswered")


@pytest.mark.parametrize("id", IDS)
def test_solution_prints(id, capsys):
    solution(id)
    assert str(EXERCISES[id].solution) in capsys.readouterr().out


def test_odd_answers_never_raise():
    for id in IDS:
        for odd in ("not a number", [1, 2, 3], {"a": 1}, float("nan")):
            right, _ = verdict(id, odd)
            assert right is False


def test_unknown_exercise_is_a_message(capsys):
    check("99.nope", 1)
    assert verdict("99.nope", 1)[0] is False
    assert "99.nope" in capsys.readouterr().out


def as_torch(value):
    import torch

    return torch.tensor(value)


def as_numpy(value):
    import numpy as np

    return np.asarray(value)[()]  # a numpy scalar for a number, an array for a list


NUMERIC = [id for id in IDS if not isinstance(EXERCISES[id].solution, str) and not callable(EXERCISES[id].solution)]


@pytest.mark.parametrize("id", NUMERIC)
@pytest.mark.parametrize("convert", [as_torch, as_numpy], ids=["torch", "numpy"])
def test_torch_and_numpy_forms_of_the_solution_pass(id, convert):
    assert verdict(id, convert(EXERCISES[id].solution)) == (True, msg("checks.correct"))


@pytest.mark.parametrize("id", IDS)
@pytest.mark.parametrize("odd", [True, False, "1", b"1", float("inf")], ids=repr)
def test_bools_and_other_odd_answers_get_a_hint(id, odd):
    right, text = verdict(id, odd)
    assert not right and text.startswith(msg("checks.not_yet", hint="")), text


def test_the_lessons_own_float32_sum_is_accepted():
    import torch

    probabilities = torch.softmax(torch.randn(5000, generator=torch.Generator().manual_seed(0)), dim=-1)
    assert verdict("00.probabilities_sum", probabilities.sum().item())[0]
    assert verdict("00.probabilities_sum", probabilities.sum())[0]
    assert verdict("00.probabilities_sum", 1.0000001)[0]


@pytest.mark.parametrize("odd_id", [5, None, ["00.blocks"], {"a": 1}, b"00.blocks"], ids=repr)
def test_an_id_of_the_wrong_type_is_a_message(odd_id, capsys):
    check(odd_id, 1)
    solution(odd_id)
    assert verdict(odd_id, 1)[0] is False
    assert "no exercise" in capsys.readouterr().out


@pytest.mark.parametrize("id", ["05.hidden_head", "08.translation_head"])
def test_a_head_answer_must_be_two_whole_numbers(id):
    block, head = EXERCISES[id].solution
    assert verdict(id, [float(block), float(head)])[0]  # 3.0 is the whole number 3
    assert not verdict(id, [block, head + 0.4])[0]  # not read as head 3 after cutting off .4
    assert not verdict(id, [block, head, 0])[0]


# --- lessons 01–03 (issue 18): right answers in the lesson's own words pass, the typical wrong ones get their hint ---


@pytest.mark.parametrize("answer", ["b_K", "b_k", "bk", "BK", " b_K ", "b K", "K", "key bias", "the key bias",
                                    "bias of the key", "Key Bias", "キーのバイアス"])
def test_every_spelling_of_b_K_is_accepted(answer):
    assert verdict("02.useless_bias", answer) == (True, msg("checks.correct"))


@pytest.mark.parametrize(("answer", "hint"), [
    ("b_V", "ex02.useless_bias.value"), ("bv", "ex02.useless_bias.value"), ("value bias", "ex02.useless_bias.value"),
    ("b_Q", "ex02.useless_bias.query"), ("query bias", "ex02.useless_bias.query"),
    ("bias", "ex02.useless_bias.hint"), ("W_K", "ex02.useless_bias.hint"),
])
def test_the_other_biases_get_their_own_hint(answer, hint):
    assert verdict("02.useless_bias", answer) == (False, msg("checks.not_yet", hint=msg(hint)))


@pytest.mark.parametrize("answer", [3.1, 3.115, 3.12, 3.16, 3.07])
def test_memory_to_one_decimal_place_is_accepted(answer):
    assert verdict("01.memory_gb", answer) == (True, msg("checks.correct"))


@pytest.mark.parametrize("answer", [3, 3.2])
def test_memory_rounded_too_far_is_told_the_precision_wanted(answer):
    from llmlab.ui.exercises.lesson01 import MEMORY_GB_TOLERANCE

    hint = msg("ex01.memory_gb.precision", tolerance=MEMORY_GB_TOLERANCE)
    assert verdict("01.memory_gb", answer) == (False, msg("checks.not_yet", hint=hint))


def test_memory_in_float32_is_named():
    assert verdict("01.memory_gb", 6.23) == (False, msg("checks.not_yet", hint=msg("ex01.memory_gb.fp32")))


def test_byte_tokens_is_computed_not_read_off_a_printout():
    from llmlab.ui.exercises.lesson03 import BYTES_TEXT

    assert "03.rare_word" not in EXERCISES  # its answer was printed just above it
    assert verdict("03.byte_tokens", len(BYTES_TEXT.encode("utf-8"))) == (True, msg("checks.correct"))
    one_per_character = msg("checks.not_yet", hint=msg("ex03.byte_tokens.characters"))
    assert verdict("03.byte_tokens", len(BYTES_TEXT)) == (False, one_per_character)


# --- lesson 06 (issue 18) ---


@pytest.mark.parametrize("answer", [100, 100.66, 100.7, 101])
def test_cache_memory_to_the_nearest_mb_is_accepted(answer):
    assert verdict("06.cache_memory", answer) == (True, msg("checks.correct"))


@pytest.mark.parametrize(("answer", "hint"), [(50.3, "ex06.cache_memory.one_of_two"), (201.3, "ex06.cache_memory.fp32"),
                                              (96, "ex06.cache_memory.mebibytes"), (98, "ex06.cache_memory.hint")])
def test_cache_memory_mistakes_get_their_own_hint(answer, hint):
    assert verdict("06.cache_memory", answer) == (False, msg("checks.not_yet", hint=msg(hint)))


@pytest.mark.parametrize("measured", [1, 5, 6])
def test_rows_that_change_measured_rounding_is_told_it_is_rounding(measured):
    assert verdict("06.rows_that_change", 0) == (True, msg("checks.correct"))
    hint = msg("ex06.rows_that_change.rounding")
    assert verdict("06.rows_that_change", measured) == (False, msg("checks.not_yet", hint=hint))


# --- lesson 09 (issue 18) ---


@pytest.mark.parametrize("answer", ["cat sat down", "cat, sat, down", "cat,sat,down", '"cat", "sat", "down"',
                                    "'cat' 'sat' 'down'", "['cat', 'sat', 'down']", ["cat", "sat", "down"],
                                    ("cat", "sat", "down"), "Cat, Sat, Down", "cat、sat、down",
                                    "「cat」「sat」「down」", "cat　sat　down"], ids=repr)
def test_the_labels_in_the_lesson_s_own_forms_are_accepted(answer):
    assert verdict("09.labels", answer) == (True, msg("checks.correct"))


@pytest.mark.parametrize(("answer", "hint"), [("the, cat, sat", "ex09.labels.same_as_inputs"),
                                              ("「the」、「cat」、「sat」", "ex09.labels.same_as_inputs"),
                                              ("down", "ex09.labels.one_per_input"), ("cat, sat", "ex09.labels.hint")])
def test_the_labels_mistakes_get_their_hint_in_any_form(answer, hint):
    assert verdict("09.labels", answer) == (False, msg("checks.not_yet", hint=msg(hint)))


# --- lessons 07 and 08 (issue 18): the lesson's own words for the hidden state, and the question the lesson answers ---


@pytest.mark.parametrize("answer", ["hidden state", "the hidden state", "Hidden State", " the hidden state. ",
                                    "residual stream", "the residual stream", "hidden states", "隠れ状態",
                                    "残差ストリーム"])
def test_the_lessons_words_for_what_travels_are_accepted(answer):
    assert verdict("07.what_travels", answer) == (True, msg("checks.correct"))


@pytest.mark.parametrize("answer", ["V", "q", "K", "Q, K, V", "the query"])
def test_q_k_or_v_gets_the_recomputed_hint_which_keeps_the_kv_cache_right(answer):
    recomputed = msg("checks.not_yet", hint=msg("ex07.what_travels.recomputed"))
    assert verdict("07.what_travels", answer) == (False, recomputed)
    assert "KV" in msg("ex07.what_travels.recomputed") and "thrown away" not in msg("ex07.what_travels.recomputed")


@pytest.mark.parametrize(("answer", "hint"), [(1, "ex08.copying_head.single"), (1.0, "ex08.copying_head.single"),
                                              (2, "ex08.copying_head.hint"), ([0, 3], "checks.one_number")])
def test_the_copying_exercise_asks_how_many_heads_and_a_single_head_gets_its_hint(answer, hint):
    assert verdict("08.copying_head", 4)[0]
    assert verdict("08.copying_head", answer) == (False, msg("checks.not_yet", hint=msg(hint)))


# --- lesson 05 (issue 18): 05.attention reads the mask it is given; 05.hidden_head is not printed above it ---


def test_a_function_that_builds_its_own_causal_triangle_is_caught_by_a_random_rectangular_mask():
    import math

    import torch

    from llmlab.engine.model import causal_mask
    from llmlab.ui.exercises import lesson05

    def own_triangle(q, k, v, mask=None):
        scores = q @ k.T / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~causal_mask(q.shape[0], k.shape[0]), float("-inf"))
        return torch.softmax(scores, dim=-1) @ v

    cases = lesson05.attention_cases()
    masks = [mask for _, _, _, mask in cases if mask is not None]
    assert any(not torch.equal(mask, causal_mask(*mask.shape)) and mask.shape[0] != mask.shape[1] for mask in masks)
    assert any(not torch.equal(mask, causal_mask(*mask.shape)) and mask.shape[0] == mask.shape[1] for mask in masks)
    own_triangle_hint = msg("checks.not_yet", hint=msg("ex05.attention.own_triangle"))
    assert verdict("05.attention", own_triangle) == (False, own_triangle_hint)
    assert verdict("05.attention", lesson05.ATTENTION_SOLUTION)[0]


def test_the_hidden_head_is_not_named_in_the_lesson_above_its_exercise():
    import json
    from pathlib import Path

    notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    for path, names in ((notebooks / "05_attention.ipynb", ("block 0's head 3", "block 0, head 3")),
                        (notebooks / "ja" / "05_attention.ipynb", ("ブロック0のヘッド3", "ブロック 0、ヘッド 3"))):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        exercise = next(i for i, cell in enumerate(cells) if 'check("05.hidden_head"' in "".join(cell["source"]))
        above = "".join("".join(cell["source"]) for cell in cells[:exercise]).lower()
        assert not any(name.lower() in above for name in names), path
        removing = above.split('"lesson05.removing"')[1].split(")")[0]
        assert "weight" not in removing  # the list of heads that matter does not print their weight on the subject
