"""Exercises of lesson 02 (weights and bias): checkers return None when right, else a hint."""

from __future__ import annotations

from llmlab.ui.checks import exercise, number_answer, numbers_answer, same_number, same_numbers
from llmlab.messages import later, msg
from llmlab.studies.attention_biases import attention_example, biased_attention
from llmlab.studies.neurons import neuron, output_changes

VALUE_BIAS = (1.0, -2.0)
NO_BIAS_OUTPUT = [round(x, 4) for x in biased_attention(attention_example()).output[2].tolist()]
VALUE_SHIFT_SOLUTION = [round(x, 4) for x in biased_attention(attention_example(), b_V=VALUE_BIAS).output[2].tolist()]


@exercise(
    "02.neuron_output",
    solution=neuron([2, -1], [3, 1], -4),
    explanation=later("ex02.neuron_output.why"),
    typical_wrong=neuron([2, -1], [3, 1], 0),
)
def neuron_output(answer: object) -> str | None:
    """Output of the neuron with inputs (2, -1), weights (3, 1) and bias -4."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, neuron([2, -1], [3, 1], -4)):
        return None
    if same_number(value, neuron([2, -1], [3, 1], 0)):
        return msg("ex02.neuron_output.no_bias")
    return msg("ex02.neuron_output.hint")


@exercise(
    "02.weight_change",
    solution=output_changes([0, 1, 2, 3], 0.5, "weight"),
    explanation=later("ex02.weight_change.why"),
    typical_wrong=output_changes([0, 1, 2, 3], 0.5, "bias"),
)
def weight_change(answer: object) -> str | None:
    """How the outputs for inputs 0, 1, 2, 3 move when the weight grows by 0.5."""
    values = numbers_answer(answer, 4)
    if values is None:
        return msg("checks.give_numbers", n=4)
    if same_numbers(values, output_changes([0, 1, 2, 3], 0.5, "weight")):
        return None
    if same_numbers(values, output_changes([0, 1, 2, 3], 0.5, "bias")):
        return msg("ex02.weight_change.like_bias")
    return msg("ex02.weight_change.hint")


# Each attention bias by its letter, with the words the lessons use for its vector (English and Japanese).
BIAS_WORDS = {"k": ("key", "キー"), "q": ("query", "クエリ"), "v": ("value", "バリュー")}


def bias_letter(answer: str) -> str | None:
    """"k", "q" or "v" when ``answer`` names that attention bias in any usual spelling, else None.

    b_K, b_k, bk, "b K", K, "key bias", "the bias of the key", "キーのバイアス" all name b_K.
    """
    squeezed = "".join(answer.lower().replace("the ", " ").split()).replace("_", "").replace("-", "")
    for letter, (word, japanese) in BIAS_WORDS.items():
        spellings = {f"b{letter}", letter, f"{letter}bias", f"bias{letter}", word, f"{word}bias", f"biasof{word}",
                     f"{word}'sbias", f"{japanese}バイアス", f"{japanese}のバイアス", f"b{letter}バイアス"}
        if squeezed in spellings:
            return letter
    return None


@exercise("02.useless_bias", solution="b_K", explanation=later("ex02.useless_bias.why"), typical_wrong="b_V")
def useless_bias(answer: object) -> str | None:
    """Which bias changes neither the attention weights nor the output."""
    if not isinstance(answer, str):
        return msg("ex02.useless_bias.hint")
    hints = {
        "k": None,
        "v": msg("ex02.useless_bias.value"),
        "q": msg("ex02.useless_bias.query"),
    }
    return hints.get(bias_letter(answer), msg("ex02.useless_bias.hint"))


@exercise(
    "02.value_shift",
    solution=VALUE_SHIFT_SOLUTION,
    explanation=later("ex02.value_shift.why", before=NO_BIAS_OUTPUT, b_V=list(VALUE_BIAS)),
    typical_wrong=NO_BIAS_OUTPUT,
)
def value_shift(answer: object) -> str | None:
    """Token 2's output (counting from 0) once b_V = (1, -2) is added, knowing its output without biases."""
    values = numbers_answer(answer, 2)
    if values is None:
        return msg("checks.give_numbers", n=2)
    if same_numbers(values, VALUE_SHIFT_SOLUTION):
        return None
    if same_numbers(values, NO_BIAS_OUTPUT):
        return msg("ex02.value_shift.unchanged")
    return msg("ex02.value_shift.hint")
