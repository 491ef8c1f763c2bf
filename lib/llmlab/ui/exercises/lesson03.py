"""Exercises of lesson 03 (tokens): checkers return None when right, else a hint."""

from __future__ import annotations

from llmlab.ui.checks import exercise, number_answer, same_number
from llmlab.messages import later, msg
from llmlab.engine.tokenizers import BPETokenizer, TiktokenTokenizer

MERGE_TEXT = "banana bandana"
RARE_WORD = "ちんちんかもかも"


def first_merge() -> str:
    """The token our BPE learns first from MERGE_TEXT."""
    return next(BPETokenizer.train_steps(MERGE_TEXT, 1)).token


@exercise("03.first_merge", solution="an", explanation=later("ex03.first_merge.why"), typical_wrong="ba")
def check_first_merge(answer: object) -> str | None:
    """The first new token BPE makes from "banana bandana"."""
    if not isinstance(answer, str):
        return msg("ex03.first_merge.not_text")
    if answer == first_merge():
        return None
    if answer.strip() in ("banana", "bandana"):
        return msg("ex03.first_merge.whole_word")
    return msg("ex03.first_merge.hint")


@exercise("03.vocab_size", solution=256 + 500 + 1, explanation=later("ex03.vocab_size.why"), typical_wrong=500)
def check_vocab_size(answer: object) -> str | None:
    """Vocabulary size of our BPE after 500 merges."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, 256 + 500 + 1):
        return None
    if same_number(value, 500):
        return msg("ex03.vocab_size.merges_only")
    if same_number(value, 256 + 500):
        return msg("ex03.vocab_size.no_special")
    return msg("ex03.vocab_size.hint")


@exercise("03.rare_word", solution=8, explanation=later("ex03.rare_word.why"), typical_wrong=1)
def check_rare_word(answer: object) -> str | None:
    """How many cl100k_base tokens ちんちんかもかも becomes."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, len(TiktokenTokenizer("cl100k_base").encode(RARE_WORD))):
        return None
    if same_number(value, 0) or same_number(value, 1):
        return msg("ex03.rare_word.one_or_none")
    return msg("ex03.rare_word.hint")
