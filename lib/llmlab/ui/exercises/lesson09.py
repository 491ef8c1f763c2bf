"""Exercises of lesson 09 (training): checkers return None when right, else a hint."""

from __future__ import annotations

from llmlab.ui.checks import exercise, number_answer, same_number
from llmlab.messages import later, msg
from llmlab.studies.training_cost import ADAM_NUMBERS_PER_PARAMETER

LABEL_TEXT = ("the", "cat", "sat", "down")
LABELS = list(LABEL_TEXT[1:])  # the targets of the inputs "the cat sat"

BILLION = 10**9
ADAM_MODEL_PARAMETERS = 7 * BILLION
ADAM_GB = ADAM_NUMBERS_PER_PARAMETER * ADAM_MODEL_PARAMETERS * 4 / BILLION  # float32: 4 bytes a number

GPT3_PARAMETERS = 174.6e9  # lesson 01's count from Brown et al. 2020, Table 2.1
GPT3_TOKENS = 300e9  # Brown et al. 2020, §2.2: every model was trained on 300 billion tokens
TRAINING_FLOPS = 6 * GPT3_PARAMETERS * GPT3_TOKENS  # forward 2·N per token, backward about twice that


# What may stand between or around the words: commas and quotes, English or Japanese, and brackets.
SEPARATORS = str.maketrans({mark: " " for mark in ",、，;；'\"“”‘’「」『』[]()（）"})


def words(answer: object) -> list[str] | None:
    """A list/tuple of strings, or one string, as a list of lower-case words.

    Words may be separated by spaces (ASCII or full-width) or commas and quoted, as the lesson writes
    them in either language: "cat sat down", "cat, sat, down", '"cat", "sat", "down"', 「cat」、「sat」、「down」.
    """
    if isinstance(answer, (list, tuple)) and all(isinstance(word, str) for word in answer):
        answer = " ".join(answer)
    if isinstance(answer, str):
        return answer.translate(SEPARATORS).lower().split()
    return None


@exercise("09.labels", solution=" ".join(LABELS), explanation=later("ex09.labels.why"),
          typical_wrong=" ".join(LABEL_TEXT[:3]))
def labels(answer: object) -> str | None:
    """The targets for the inputs "the cat sat" of the text "the cat sat down"."""
    given = words(answer)
    if given is None:
        return msg("ex09.labels.format")
    if given == LABELS:
        return None
    if given == list(LABEL_TEXT[:3]):
        return msg("ex09.labels.same_as_inputs")
    if given == list(LABEL_TEXT[2:]) + ["?"] or given == [LABEL_TEXT[-1]]:
        return msg("ex09.labels.one_per_input")
    return msg("ex09.labels.hint")


@exercise("09.adam_memory", solution=ADAM_GB, explanation=later("ex09.adam_memory.why", gb=ADAM_GB),
          typical_wrong=ADAM_GB / 2)
def adam_memory(answer: object) -> str | None:
    """GB (10⁹ bytes) of AdamW's running averages for a 7-billion-parameter model in float32."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, ADAM_GB, 0.02):
        return None
    if same_number(value, ADAM_GB / 2, 0.02):
        return msg("ex09.adam_memory.one_number")
    if same_number(value, 2 * ADAM_GB, 0.02):
        return msg("ex09.adam_memory.everything")
    if same_number(value, ADAM_GB * BILLION, 0.02):
        return msg("ex09.adam_memory.bytes")
    return msg("ex09.adam_memory.hint")


@exercise("09.training_flops", solution=TRAINING_FLOPS,
          explanation=later("ex09.training_flops.why", flops=TRAINING_FLOPS), typical_wrong=TRAINING_FLOPS / 3)
def training_flops(answer: object) -> str | None:
    """About how many floating-point operations GPT-3's training took: 6 × parameters × tokens."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, TRAINING_FLOPS, 0.05):
        return None
    if same_number(value, TRAINING_FLOPS / 3, 0.05):
        return msg("ex09.training_flops.forward_only")
    if same_number(value, TRAINING_FLOPS * 10, 0.5) or same_number(value, TRAINING_FLOPS * 100, 0.5):
        return msg("ex09.training_flops.too_heavy")
    return msg("ex09.training_flops.hint")


@exercise("09.context_or_weights", solution="context", explanation=later("ex09.context_or_weights.why"),
          typical_wrong="weights")
def context_or_weights(answer: object) -> str | None:
    """What a system prompt changes: "weights" or "context"."""
    if not isinstance(answer, str):
        return msg("ex09.context_or_weights.format")
    chosen = answer.strip().strip("\"'").lower()
    if chosen == "context":
        return None
    if chosen in ("weights", "both"):
        return msg("ex09.context_or_weights.weights")
    return msg("ex09.context_or_weights.format")
