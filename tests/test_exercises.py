"""Every registered exercise: its solution passes, its typical wrong answer fails, `...` is safe."""

import pytest

import llmlab.exercises  # noqa: F401  (registers every lesson's exercises)
from llmlab.checks import EXERCISES, check, solution, verdict
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
