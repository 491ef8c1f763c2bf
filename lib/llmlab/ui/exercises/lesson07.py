"""Exercises of lesson 07 (blocks and the residual stream)."""

from __future__ import annotations

from llmlab.ui.checks import exercise
from llmlab.messages import later, msg
from llmlab.engine.params import PUBLISHED_CONFIGS
from llmlab.engine.validate import number_or_none

GPT2 = PUBLISHED_CONFIGS["GPT-2 small"]
GPT2_PARTS = 2 + 2 * GPT2.n_layers  # token and position embeddings, then attention and MLP of every block

DEEP_BLOCKS, DEEP_HEADS = 48, 16

HIDDEN_STATE = ("hidden state", "hidden states", "residual stream", "隠れ状態", "残差ストリーム")  # the lesson's words
Q_K_V = ("q", "k", "v", "qkv", "q, k, v", "q,k,v", "q k v", "q, k and v", "query", "key", "value")


@exercise("07.residual_sum", solution=GPT2_PARTS, explanation=later("ex07.residual_sum.why", n_layers=GPT2.n_layers,
          parts=GPT2_PARTS), typical_wrong=GPT2.n_layers)
def residual_sum(answer: object) -> str | None:
    """How many vectors add up to GPT-2 small's final hidden state at one position."""
    value = number_or_none(answer)
    if value is None:
        return msg("checks.one_number")
    if value == GPT2_PARTS:
        return None
    if value == GPT2.n_layers:
        return msg("ex07.residual_sum.per_block")
    if value == 2 * GPT2.n_layers:
        return msg("ex07.residual_sum.no_embeddings")
    if value == 1 + 2 * GPT2.n_layers:
        return msg("ex07.residual_sum.one_embedding")
    return msg("ex07.residual_sum.hint")


@exercise("07.attention_sublayers", solution=DEEP_BLOCKS, explanation=later("ex07.attention_sublayers.why",
          blocks=DEEP_BLOCKS), typical_wrong=DEEP_BLOCKS * DEEP_HEADS)
def attention_sublayers(answer: object) -> str | None:
    """A model of 48 blocks with 16 heads each: how many attention sublayers does a token pass through?"""
    value = number_or_none(answer)
    if value is None:
        return msg("checks.one_number")
    if value == DEEP_BLOCKS:
        return None
    if value == DEEP_BLOCKS * DEEP_HEADS:
        return msg("ex07.attention_sublayers.heads")
    if value == DEEP_HEADS:
        return msg("ex07.attention_sublayers.one_block")
    return msg("ex07.attention_sublayers.hint")


def _words(answer: str) -> str:
    """``answer`` lower-cased, without a leading "the", a final full stop or extra spaces."""
    words = answer.strip().lower().rstrip(".。").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@exercise("07.what_travels", solution="hidden state", explanation=later("ex07.what_travels.why"), typical_wrong="V")
def what_travels(answer: object) -> str | None:
    """What block 1 receives from block 0: "Q", "K", "V" or the hidden state (the residual stream)."""
    if not isinstance(answer, str):
        return msg("ex07.what_travels.format")
    words = _words(answer)
    if words in HIDDEN_STATE:
        return None
    return msg("ex07.what_travels.recomputed") if words in Q_K_V else msg("ex07.what_travels.format")
