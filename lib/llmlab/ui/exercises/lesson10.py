"""Exercises of lesson 10 (exploring the trained model): checkers return None when right, else a hint."""

from __future__ import annotations

from llmlab.ui.checks import exercise, number_answer, same_number
from llmlab.messages import later, msg

N_BLOCKS = 3  # the shipped tiny model (the lesson prints model.config)
EVEN_OVER = 20  # the query at position 19 reads positions 0 to 19


@exercise("10.hidden_states", solution=N_BLOCKS + 1,
          explanation=later("ex10.hidden_states.why", blocks=N_BLOCKS, states=N_BLOCKS + 1),
          typical_wrong=N_BLOCKS)
def hidden_state_count(answer: object) -> str | None:
    """How many hidden states the logit lens reads for the shipped model: the embeddings + one per block."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, N_BLOCKS + 1):
        return None
    if same_number(value, N_BLOCKS):
        return msg("ex10.hidden_states.no_embeddings")
    return msg("ex10.hidden_states.hint")


@exercise("10.even_weight", solution=1 / EVEN_OVER, explanation=later("ex10.even_weight.why"),
          typical_wrong=1 / (EVEN_OVER - 1))
def even_weight(answer: object) -> str | None:
    """The weight each key gets when the query at position 19 spreads its attention evenly."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, 1 / EVEN_OVER, tolerance=1e-3):
        return None
    if same_number(value, 1 / (EVEN_OVER - 1), tolerance=1e-3):
        return msg("ex10.even_weight.not_itself")
    return msg("ex10.even_weight.hint")


@exercise("10.not_cached", solution="Q", explanation=later("ex10.not_cached.why"), typical_wrong="V")
def not_cached(answer: object) -> str | None:
    """Which of Q, K, V the KV cache does not keep for earlier positions."""
    if not isinstance(answer, str) or answer.strip().upper() not in ("Q", "K", "V"):
        return msg("ex10.not_cached.format")
    return None if answer.strip().upper() == "Q" else msg("ex10.not_cached.kept")
