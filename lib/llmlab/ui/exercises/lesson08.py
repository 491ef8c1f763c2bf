"""Exercises of lesson 08 (where the knowledge is)."""

from __future__ import annotations

from llmlab.ui.checks import exercise
from llmlab.messages import later, msg
from llmlab.engine.validate import block_and_head, number_or_none

# Measured by lesson 08 on the shipped model (tests/lessons/test_lesson08.py re-measures them):
TRANSLATION_HEAD = (0, 1)  # the head whose removal raises the loss of the Japanese translation most
RUNNER_UP_TRANSLATION_HEAD = (0, 3)  # the second (zero ablation)
COPYING_HEADS = 4  # block 0's heads whose removal alone loses more than a quarter of the fact answers


@exercise("08.translation_head", solution=list(TRANSLATION_HEAD), explanation=later("ex08.translation_head.why"),
          typical_wrong=list(RUNNER_UP_TRANSLATION_HEAD))
def translation_head(answer: object) -> str | None:
    """The head whose removal hurts the Japanese translation most (from the table of section 1)."""
    chosen = block_and_head(answer)
    if chosen is None:
        return msg("ex08.block_head.format")
    if chosen == TRANSLATION_HEAD:
        return None
    if chosen == RUNNER_UP_TRANSLATION_HEAD:
        return msg("ex08.translation_head.runner_up")
    return msg("ex08.translation_head.hint")


@exercise("08.copying_head", solution=COPYING_HEADS, explanation=later("ex08.copying_head.why",
          heads=COPYING_HEADS), typical_wrong=1)
def copying_head(answer: object) -> str | None:
    """How many of block 0's heads are each needed for the fact answers (section 2's removal of one head)."""
    value = number_or_none(answer)
    if value is None:
        return msg("checks.one_number")
    if value == COPYING_HEADS:
        return None
    if value == 1:
        return msg("ex08.copying_head.single")
    return msg("ex08.copying_head.hint")
