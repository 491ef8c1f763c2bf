"""Exercises of lesson 04 (embeddings): checkers return None when right, else a hint."""

from __future__ import annotations

import torch

from llmlab.ui.checks import exercise, number_answer, numbers_answer, same_number, same_numbers
from llmlab.messages import later, msg
from llmlab.toy.recipe import tiny_config

TABLE = torch.arange(15.0).reshape(5, 3)  # 5 tokens, 3 numbers each: row i is 3i, 3i+1, 3i+2
ONE_HOT = [0, 0, 1, 0, 0]
VOCAB = 1000


@exercise("04.lookup_row", solution=[6, 7, 8], explanation=later("ex04.lookup_row.why"),
          typical_wrong=[2, 5, 8, 11, 14])
def check_lookup_row(answer: object) -> str | None:
    """one-hot [0, 0, 1, 0, 0] times the 5 × 3 table."""
    values = numbers_answer(answer, 3) or numbers_answer(answer, 5)
    if values is None:
        return msg("checks.give_numbers", n=3)
    if same_numbers(values, (torch.tensor(ONE_HOT, dtype=torch.float64) @ TABLE.double()).tolist(), 1e-6):
        return None
    if same_numbers(values, TABLE[:, 2].tolist(), 1e-6):
        return msg("ex04.lookup_row.column")
    return msg("ex04.lookup_row.hint")


@exercise("04.cosine", solution=1.0, explanation=later("ex04.cosine.why"), typical_wrong=10.0)
def check_cosine(answer: object) -> str | None:
    """Cosine similarity of [1, 2] and [2, 4]."""
    value = number_answer(answer)
    if value is None:
        return msg("checks.give_a_number")
    if same_number(value, 1.0):
        return None
    if same_number(value, 10.0):
        return msg("ex04.cosine.dot_product")
    return msg("ex04.cosine.hint")


@exercise("04.table_shape", solution=(VOCAB, tiny_config(VOCAB).d_model),
          explanation=later("ex04.table_shape.why"), typical_wrong=(tiny_config(VOCAB).d_model, VOCAB))
def check_table_shape(answer: object) -> str | None:
    """Shape of the token embedding table of the tiny model with a 1000-token vocabulary."""
    config = tiny_config(VOCAB)
    values = numbers_answer(answer, 2)
    if values is None:
        return msg("checks.give_numbers", n=2)
    shape = tuple(values)
    if shape == (config.vocab_size, config.d_model):
        return None
    if shape == (config.d_model, config.vocab_size):
        return msg("ex04.table_shape.swapped")
    return msg("ex04.table_shape.hint")
