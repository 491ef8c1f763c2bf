"""Validation loss of a model on the toy corpus, split by kind of line, each next to its exact floor.

Every line is scored on its own (it starts at position 0 of its row), so each predicted word has
its whole line before it and the exact best-possible loss of that word comes from
``corpus.line_logprobs``. The kinds:

* ``translation``: every predicted word of the translation lines (``EN: ... JA: ...``);
* ``agreement``: the verb after a distracting "near the X" (it agrees with the subject, not with X);
  these words are also part of ``translation``;
* ``facts``: every predicted word of the fact lines (``ken has the red ball . ... ? the red ball``);
* ``fact answers``: the colour and the object after "? the", copied from earlier in the line;
  also part of ``facts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from llmlab.toy.corpus import END, NOUN_FORMS, VERBS, line_logprobs
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, kind_of, text

KINDS = ("translation", "agreement", "facts", "fact answers")
VERB_FORMS = {form for verbs in VERBS.values() for verb in verbs for form in (verb, verb + "s")}


@dataclass(frozen=True)
class KindLoss:
    """Mean loss (nats per word) of the model and of the best possible model on one kind of target."""

    kind: str
    targets: int
    loss: float
    floor: float

    @property
    def gap(self) -> float:
        return self.loss - self.floor


def target_kinds(words: Sequence[str]) -> list[set[str]]:
    """For each predicted word of a line (words 1 .. end, END included), the kinds it belongs to."""
    words = [*words, END]
    line = "translation" if words[0] == "EN:" else "facts"
    kinds = [{line} for _ in words[1:]]
    if line == "translation" and "near" in words:
        near = words.index("near")
        verb = next(i for i in range(near + 1, len(words)) if words[i] in VERB_FORMS and words[i - 1] in NOUN_FORMS)
        kinds[verb - 1].add("agreement")
    if line == "facts":
        answer = words.index("?") + 2  # "? the COLOUR OBJECT"
        kinds[answer - 1].add("fact answers")
        kinds[answer].add("fact answers")
    return kinds


@torch.no_grad()
def loss_by_kind(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> list[KindLoss]:
    """The model's mean loss and the exact floor for each kind of :data:`KINDS` over ``lines``."""
    if not isinstance(model, GPT):
        raise LlmlabTypeError(msg("loss_by_kind.not_a_model", kind=kind_of(model)))
    if isinstance(lines, (str, bytes)) or not isinstance(lines, Sequence) or not lines:
        raise LlmlabError(msg("loss_by_kind.no_lines", kind=kind_of(lines)))
    words = [text(line, msg("loss_by_kind.each_line")).split(" ") for line in lines]
    floors = [line_logprobs(w)[1:] for w in words]  # raises an LlmlabError for a line the toy world cannot make
    encoded = [tokenizer.encode(line + END) for line in lines]
    if any(len(ids) != len(w) + 1 for ids, w in zip(encoded, words)):
        raise LlmlabError(msg("loss_by_kind.not_word_tokens"))
    longest = max(len(ids) for ids in encoded)
    if longest > model.config.context_length + 1:
        raise LlmlabError(msg("model.too_long", n=longest - 1, context=model.config.context_length))
    ids = torch.zeros(len(lines), longest, dtype=torch.long)
    for row, line_ids in enumerate(encoded):
        ids[row, : len(line_ids)] = torch.tensor(line_ids)
    with model.evaluating():
        logits, _ = model(ids[:, :-1].to(model.device))
    logprobs = torch.log_softmax(logits.float(), dim=-1).gather(-1, ids[:, 1:, None].to(model.device))[..., 0].tolist()
    sums = {kind: [0.0, 0.0, 0] for kind in KINDS}  # model loss, floor, count
    for row, (w, floor) in enumerate(zip(words, floors)):
        for position, kinds in enumerate(target_kinds(w)):
            for kind in kinds:
                sums[kind][0] -= logprobs[row][position]
                sums[kind][1] -= floor[position]
                sums[kind][2] += 1
    return [KindLoss(kind, n, loss / n, floor / n) for kind, (loss, floor, n) in sums.items() if n]
