"""Exercises that check themselves.

A lesson's exercise cell looks like::

    answer = ...          # the learner replaces ... with their answer
    check("01.neurons", answer)

``check`` prints a friendly verdict and a hint, and never raises, so an unanswered exercise
does not break Run All. ``solution("01.neurons")`` shows the official answer.
Exercises live in ``llmlab/exercises/lessonNN.py`` and register themselves with ``exercise``.
Checkers read answers with :func:`number_answer` / :func:`numbers_answer`, which accept ints,
floats, numpy and torch scalars alike (never True or False) and compare with a tolerance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from llmlab.messages import Later, msg
from llmlab.engine.validate import close, number_or_none, numbers_or_none

Checker = Callable[[object], "str | None"]  # returns None when right, else a hint


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to check an answer, the official solution, a typical wrong answer."""

    id: str
    checker: Checker
    solution: object
    explanation: str | Later  # why the solution is right, shown with it (in the language chosen by then)
    typical_wrong: object  # tests prove the checker rejects it


EXERCISES: dict[str, Exercise] = {}


def exercise(
    id: str, solution: object, explanation: str | Later, typical_wrong: object
) -> Callable[[Checker], Checker]:
    """Decorator registering a checker function as exercise ``id``."""

    def register(checker: Checker) -> Checker:
        EXERCISES[id] = Exercise(id, checker, solution, explanation, typical_wrong)
        return checker

    return register


def verdict(id: str, answer: object) -> tuple[bool, str]:
    """(is it right, what to tell the learner), without printing."""
    from llmlab.ui import exercises  # noqa: F401  (registers every lesson's exercises)

    if not isinstance(id, str) or id not in EXERCISES:
        return False, msg("checks.unknown_exercise", id=id, known=", ".join(sorted(EXERCISES)))
    if answer is Ellipsis or answer is None:
        return False, msg("checks.unanswered")
    try:
        hint = EXERCISES[id].checker(answer)
    except SystemExit:  # a learner's function called exit(): Python must keep running
        return False, msg("checks.function_exited")
    except Exception as error:  # an odd answer is a learning moment, not a crash
        return False, msg("checks.could_not_check", error=error)
    return (True, msg("checks.correct")) if hint is None else (False, msg("checks.not_yet", hint=hint))


def check(id: str, answer: object) -> None:
    """Print the verdict for ``answer`` to exercise ``id`` (``verdict`` returns it instead)."""
    print(verdict(id, answer)[1])


def solution(id: str) -> None:
    """Print the official solution of exercise ``id`` and why it is right."""
    from llmlab.ui import exercises  # noqa: F401

    if not isinstance(id, str) or id not in EXERCISES:
        print(msg("checks.unknown_exercise", id=id, known=", ".join(sorted(EXERCISES))))
        return
    chosen = EXERCISES[id]
    print(msg("checks.solution", solution=chosen.solution, explanation=chosen.explanation))


def number_answer(answer: object) -> float | None:
    """The answer as a float if it is one number (int, float, numpy or torch scalar), else None."""
    return number_or_none(answer)


def numbers_answer(answer: object, count: int) -> list[float] | None:
    """The answer as ``count`` floats if it is a list, tuple, array or tensor of that many numbers."""
    values = numbers_or_none(answer)
    return values if values is not None and len(values) == count else None


def same_number(value: float, expected: float, tolerance: float = 1e-6) -> bool:
    """Equal up to rounding: a relative ``tolerance`` (and 1e-9 absolute, for answers near 0)."""
    return close(value, expected, relative=tolerance)


def same_numbers(values: list[float], expected: list[float], tolerance: float = 1e-3) -> bool:
    """Same length and every number within ``tolerance`` (absolute)."""
    return len(values) == len(expected) and all(abs(a - e) <= tolerance for a, e in zip(values, expected))
