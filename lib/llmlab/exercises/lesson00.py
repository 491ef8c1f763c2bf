"""Lesson 00's exercises: reading the shipped model's shape."""

from ..checks import exercise
from ..messages import msg


@exercise("00.blocks", solution=2, explanation=msg("ex00.blocks_why"), typical_wrong=48)
def blocks(answer: object) -> str | None:
    from ..checkpoint import load_shipped_model

    n_layers = load_shipped_model()[0].config.n_layers
    return None if answer == n_layers else msg("ex00.blocks_hint")


@exercise("00.probabilities_sum", solution=1, explanation=msg("ex00.sum_why"), typical_wrong=100)
def probabilities_sum(answer: object) -> str | None:
    return None if isinstance(answer, (int, float)) and abs(answer - 1) < 1e-9 else msg("ex00.sum_hint")
