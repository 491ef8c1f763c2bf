"""Exercises of lesson 01 (parameters): checkers return None when right, else a hint."""

from __future__ import annotations

from llmlab.ui.checks import exercise, number_answer, same_number
from llmlab.messages import later, msg
from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters, memory_bytes, total

GPT2_XL_PARAMETERS = total(formula_parameters(PUBLISHED_CONFIGS["GPT-2 XL"]))
GPT2_XL_BF16_GB = memory_bytes(GPT2_XL_PARAMETERS, 2) / 1e9
MEMORY_GB_TOLERANCE = 0.05  # GB either side: the exercise asks for one decimal place


@exercise(
    "01.hidden_parameters",
    solution=10 * 100 + 100,
    explanation=later("ex01.hidden_parameters.why"),
    typical_wrong=(10 * 100) * 100,
)
def hidden_parameters(answer: object) -> str | None:
    """Parameters of the hidden layer of the 10 → 100 → 1 network."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    hints = {
        1100: None,
        100_000: msg("ex01.hidden_parameters.times_biases"),
        1000: msg("ex01.hidden_parameters.no_biases"),
        1201: msg("ex01.hidden_parameters.whole_network"),
        100: msg("ex01.hidden_parameters.neurons"),
    }
    for count, hint in hints.items():
        if same_number(value, count):
            return hint
    return msg("ex01.hidden_parameters.hint")


@exercise(
    "01.total_parameters",
    solution=784 * 128 + 128 + 128 * 10 + 10,
    explanation=later("ex01.total_parameters.why"),
    typical_wrong=128 + 10,
)
def total_parameters(answer: object) -> str | None:
    """All parameters of a 784 → 128 → 10 network."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, 784 * 128 + 128 + 128 * 10 + 10):
        return None
    if same_number(value, 128 + 10):
        return msg("ex01.total_parameters.neurons")
    if same_number(value, 784 * 128 + 128 * 10):
        return msg("ex01.total_parameters.no_biases")
    return msg("ex01.total_parameters.hint")


@exercise(
    "01.vocabulary",
    solution=PUBLISHED_CONFIGS["GPT-2 small"].vocab_size,
    explanation=later("ex01.vocabulary.why"),
    typical_wrong=total(formula_parameters(PUBLISHED_CONFIGS["GPT-2 small"])),
)
def vocabulary(answer: object) -> str | None:
    """How many different tokens GPT-2 small can read and write."""
    config = PUBLISHED_CONFIGS["GPT-2 small"]
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, config.vocab_size):
        return None
    if same_number(value, config.context_length):
        return msg("ex01.vocabulary.context")
    if value > 1e6:
        return msg("ex01.vocabulary.parameters")
    return msg("ex01.vocabulary.hint")


@exercise(
    "01.memory_gb",
    solution=round(GPT2_XL_BF16_GB, 2),
    explanation=later("ex01.memory_gb.why", params=GPT2_XL_PARAMETERS, gb=GPT2_XL_BF16_GB),
    typical_wrong=round(2 * GPT2_XL_BF16_GB, 2),
)
def memory_gb(answer: object) -> str | None:
    """Gigabytes (10⁹ bytes) GPT-2 XL's weights take in bfloat16, to one decimal place (MEMORY_GB_TOLERANCE)."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if abs(value - GPT2_XL_BF16_GB) <= MEMORY_GB_TOLERANCE:
        return None
    if abs(value - GPT2_XL_BF16_GB) <= 0.1 * GPT2_XL_BF16_GB:  # 3 or 3.2: nearly right, not to one decimal place
        return msg("ex01.memory_gb.precision", tolerance=MEMORY_GB_TOLERANCE)
    if abs(value - 2 * GPT2_XL_BF16_GB) <= 0.1 * 2 * GPT2_XL_BF16_GB:
        return msg("ex01.memory_gb.fp32")
    if value > 1e6:
        return msg("ex01.memory_gb.bytes")
    return msg("ex01.memory_gb.hint")
