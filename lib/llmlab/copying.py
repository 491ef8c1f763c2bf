"""The copying circuit: which heads carry the asked person's colour and thing to the answer.

A fact line's words sit at fixed places::

    ken has the red ball . mia has the blue cup . what does ken have ? the red ball
    0   1   2   3   4    5 6   7   8   9    10  11 12  13   14  15   16 17  18  19

The model writes the colour at position 16 ("the") and the thing at 17 (the colour). Two measurements:
where each head looks from those two positions (a picture), and how many answers stay right when
the head is removed (the proof).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from .device import one_torch_thread
from .edits import head_output_name, zero
from .facts import FactQuestion, answer_accuracy, fact_questions, question_ids
from .messages import msg
from .model import GPT
from .tokenizers import Tokenizer
from .validate import LlmlabTypeError, kind_of

COLOUR_FROM, THING_FROM = 16, 17  # the positions whose next word is the answer's colour, its thing
TARGETS = ("asked_name", "asked_colour", "asked_thing", "other_colour", "other_thing")


@dataclass(frozen=True)
class MentionAttention:
    """Mean attention of every head, from the colour's and the thing's writing positions, to each of TARGETS."""

    from_colour: torch.Tensor  # (n_layers, heads, len(TARGETS))
    from_thing: torch.Tensor  # (n_layers, heads, len(TARGETS))


def mention_positions(question: FactQuestion) -> list[int]:
    """Positions of the asked name's first mention, the asked person's colour and thing, the other's."""
    first = 0 if question.prompt.split()[0] == question.asked else 6
    other = 6 - first
    return [first, first + 3, first + 4, other + 3, other + 4]


def check_model(model: object) -> GPT:
    if not isinstance(model, GPT):
        raise LlmlabTypeError(msg("copying.not_a_model", kind=kind_of(model)))
    return model


@torch.no_grad()
def mention_attention(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> MentionAttention:
    """Where each head looks when the answer is written, averaged over the fact questions in ``lines``."""
    model = check_model(model)
    questions = fact_questions(lines)
    ids = question_ids(tokenizer, questions)[:, :-1]  # (questions, 18)
    with one_torch_thread():
        _, trace = model.trace_batch(ids.to(model.device))
    patterns = torch.stack([trace[f"blocks.{b}.attn.pattern"] for b in range(model.config.n_layers)]).cpu()
    # patterns: (n_layers, questions, heads, T query, T key)
    keys = torch.tensor([mention_positions(q) for q in questions])  # (questions, 5)
    rows = torch.arange(len(questions))[:, None]  # (questions, 1)

    def looking_from(position: int) -> torch.Tensor:
        weights = patterns[:, :, :, position, :].permute(1, 3, 0, 2)  # (questions, T key, n_layers, heads)
        return weights[rows, keys].mean(0).permute(1, 2, 0)  # (n_layers, heads, 5)

    return MentionAttention(looking_from(COLOUR_FROM), looking_from(THING_FROM))


def accuracy_without_each_head(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> torch.Tensor:
    """Share of fact questions answered right with one head's output zeroed, for every head: (n_layers, heads)."""
    model = check_model(model)
    config = model.config
    shares = torch.zeros(config.n_layers, config.n_heads)
    with one_torch_thread():
        for block in range(config.n_layers):
            for head in range(config.n_heads):
                edits = {head_output_name(block): zero(head=head)}
                shares[block, head] = answer_accuracy(model, tokenizer, lines, edits)
    return shares
