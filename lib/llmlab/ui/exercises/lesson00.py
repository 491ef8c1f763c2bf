"""Lesson 00's exercises: reading the shipped model's shape."""

from llmlab.ui.checks import exercise, number_answer, same_number
from llmlab.messages import later, msg


@exercise("00.blocks", solution=3, explanation=later("ex00.blocks_why"), typical_wrong=48)
def blocks(answer: object) -> str | None:
    from llmlab.engine.checkpoint import load_shipped_model

    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    n_layers = load_shipped_model()[0].config.n_layers
    return None if same_number(value, n_layers) else msg("ex00.blocks_hint")


SUM_TOLERANCE = 1e-4  # float32 sums of a few thousand probabilities are off by about 1e-6


@exercise("00.probabilities_sum", solution=1, explanation=later("ex00.sum_why"), typical_wrong=100)
def probabilities_sum(answer: object) -> str | None:
    """Sum of a softmax's probabilities: 1, up to float32 rounding (the lesson's sum().item() is 1.0000001)."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    return None if abs(value - 1) <= SUM_TOLERANCE else msg("ex00.sum_hint")
