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


@pytest.mark.parametrize("id", ["05.hidden_head", "07.translation_head", "07.copying_head"])
def test_a_head_answer_must_be_two_whole_numbers(id):
    block, head = EXERCISES[id].solution
    assert verdict(id, [float(block), float(head)])[0]  # 3.0 is the whole number 3
    assert not verdict(id, [block, head + 0.4])[0]  # not read as head 3 after cutting off .4
    assert not verdict(id, [block, head, 0])[0]
