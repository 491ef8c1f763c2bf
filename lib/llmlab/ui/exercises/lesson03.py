"""Exercises of lesson 03 (tokens): checkers return None when right, else a hint."""

from __future__ import annotations

from llmlab.ui.checks import exercise, number_answer, same_number
from llmlab.messages import later, msg
from llmlab.engine.tokenizers import BPETokenizer

MERGE_TEXT = "banana bandana"
BYTES_TEXT = "猫が寝る"  # four characters of three UTF-8 bytes each
BYTES_TOKENS = len(BPETokenizer([]).encode(BYTES_TEXT))  # the bytes-only tokenizer: one token per byte


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


@exercise("03.byte_tokens", solution=BYTES_TOKENS, explanation=later("ex03.byte_tokens.why", text=BYTES_TEXT),
          typical_wrong=len(BYTES_TEXT))
def check_byte_tokens(answer: object) -> str | None:
    """How many tokens the bytes-only tokenizer (no merges) makes of BYTES_TEXT: one per UTF-8 byte."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, BYTES_TOKENS):
        return None
    if same_number(value, len(BYTES_TEXT)):
        return msg("ex03.byte_tokens.characters")
    if same_number(value, 0) or same_number(value, 1):
        return msg("ex03.byte_tokens.one_or_none")
    return msg("ex03.byte_tokens.hint")
