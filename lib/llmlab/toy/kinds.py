"""Validation lines of the toy corpus as one batch, every predicted word tagged with its kind.

Every line is scored on its own (it starts at position 0 of its row), so each predicted word has its
whole line before it and its exact best-possible loss comes from ``corpus.line_logprobs``. Lesson 07
scores a model (intact, with a part removed, or read off an earlier block) on these targets split by
kind of word (:data:`KINDS`); lesson 09 splits its validation loss by :data:`LINE_KINDS`, where
``translation`` is ``english`` and ``japanese`` together. The kinds:

* ``english``: the words of the English sentence of a translation line (up to and including ``JA:``);
* ``japanese``: the words of its Japanese translation (and the end of the line);
* ``agreement``: the verb after a distracting "near the X" (also part of ``english``);
* ``facts``: every predicted word of the fact lines (``ken has the red ball . ... ? the red ball``);
* ``fact_answers``: the colour and the thing after "? the", copied from the story (also part of ``facts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from llmlab.toy.corpus import END, NOUN_FORMS, VERBS, line_logprobs
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, check_lines, check_model, check_tokenizer, integer,
                                    kind_of, mapping)

KINDS = ("english", "japanese", "agreement", "facts", "fact_answers")
LINE_KINDS = ("translation", "agreement", "facts", "fact_answers")
VERB_FORMS = {form for verbs in VERBS.values() for verb in verbs for form in (verb, verb + "s")}


@dataclass(frozen=True)
class KindTargets:
    """A batch of lines: inputs, next-word targets (-100 on padding), exact floor and kind of each target."""

    lines: list[str]
    inputs: torch.Tensor  # (lines, T) token ids, padded with 0
    targets: torch.Tensor  # (lines, T) the next token, -100 where there is none
    floor: torch.Tensor  # (lines, T) exact -log p of each target (0 on padding)
    kinds: dict[str, torch.Tensor]  # kind → (lines, T) bool

    @property
    def real(self) -> torch.Tensor:
        """(lines, T) True where there is a target."""
        return self.targets != -100

    def counts(self) -> dict[str, int]:
        """How many targets of each kind."""
        return {kind: int(mask.sum()) for kind, mask in self.kinds.items()}

    def floors(self) -> dict[str, float]:
        """The exact best-possible mean loss of each kind."""
        return {kind: float(self.floor[mask].mean()) for kind, mask in self.kinds.items()}


def target_kinds(words: Sequence[str]) -> list[set[str]]:
    """For each predicted word of a line (words 1 .. end, END included), the kinds of :data:`KINDS` it belongs to."""
    words = [*words, END]
    if words[0] != "EN:":
        kinds = [{"facts"} for _ in words[1:]]
        answer = words.index("?") + 2  # "? the COLOUR OBJECT"
        kinds[answer - 1].add("fact_answers")
        kinds[answer].add("fact_answers")
        return kinds
    switch = words.index("JA:")  # predicted word i is English up to JA: itself
    kinds = [{"english" if i <= switch else "japanese"} for i in range(1, len(words))]
    if "near" in words:
        near = words.index("near")
        verb = next(i for i in range(near + 1, len(words)) if words[i] in VERB_FORMS and words[i - 1] in NOUN_FORMS)
        kinds[verb - 1].add("agreement")
    return kinds


def kind_targets(lines: Sequence[str], tokenizer: Tokenizer, context_length: int) -> KindTargets:
    """The toy-corpus ``lines`` as one padded batch, each starting at position 0 of its row."""
    lines, tokenizer = check_lines(lines), check_tokenizer(tokenizer, "kind_targets")
    context_length = integer(context_length, "context_length", low=1)
    words = [line.split(" ") for line in lines]
    floors = [line_logprobs(w)[1:] for w in words]  # an LlmlabError for a line the toy world cannot make
    encoded = [tokenizer.encode(line + END) for line in lines]
    if any(len(ids) != len(w) + 1 for ids, w in zip(encoded, words)):
        raise LlmlabError(msg("kind_targets.not_word_tokens"))
    T = max(len(ids) for ids in encoded) - 1
    if T > context_length:
        raise LlmlabError(msg("model.too_long", n=T, context=context_length))
    inputs = torch.zeros(len(lines), T, dtype=torch.long)
    targets = torch.full((len(lines), T), -100, dtype=torch.long)
    floor = torch.zeros(len(lines), T, dtype=torch.float64)
    kinds = {kind: torch.zeros(len(lines), T, dtype=torch.bool) for kind in KINDS}
    for row, (ids, w, line_floor) in enumerate(zip(encoded, words, floors)):
        n = len(ids) - 1
        inputs[row, :n] = torch.tensor(ids[:-1])
        targets[row, :n] = torch.tensor(ids[1:])
        floor[row, :n] = -torch.tensor(line_floor, dtype=torch.float64)
        for position, these in enumerate(target_kinds(w)):
            for kind in these:
                kinds[kind][row, position] = True
    return KindTargets(list(lines), inputs, targets, floor, kinds)


def check_kind_targets(data: object) -> KindTargets:
    if not isinstance(data, KindTargets):
        raise LlmlabTypeError(msg("kind_targets.not_kind_targets", kind=kind_of(data)))
    return data


def target_logprobs(logits: torch.Tensor, data: KindTargets) -> torch.Tensor:
    """(lines, T) log-probability the scores give each target (0 on padding)."""
    logprobs = torch.log_softmax(logits.double(), dim=-1)
    safe = data.targets.clamp(min=0).to(logits.device)
    return logprobs.gather(-1, safe[..., None])[..., 0].cpu() * data.real


def mean_by_kind(values: torch.Tensor, data: KindTargets) -> dict[str, float]:
    """The mean of ``values`` (lines, T) over the targets of each kind."""
    return {kind: float(values[mask].double().mean()) for kind, mask in data.kinds.items()}


@torch.no_grad()
def losses_by_kind(model: GPT, data: KindTargets, edits: dict | None = None) -> dict[str, float]:
    """The model's mean loss (nats per word) on each kind, with ``edits`` applied (one batched run)."""
    model, data = check_model(model, "losses_by_kind"), check_kind_targets(data)
    edits = mapping(edits, "edits") if edits is not None else {}
    logits, _ = model.run_with_edits(data.inputs.to(model.device), edits)
    return mean_by_kind(-target_logprobs(logits, data), data)


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


def loss_by_kind(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> list[KindLoss]:
    """Lesson 09: the model's mean loss and the exact floor for each kind of :data:`LINE_KINDS` over ``lines``."""
    check_tokenizer(tokenizer, "loss_by_kind", check_model(model, "loss_by_kind"))
    data = kind_targets(lines, tokenizer, model.config.context_length)
    with torch.no_grad():
        losses = -target_logprobs(model.run_with_edits(data.inputs.to(model.device), {})[0], data)
    masks = {"translation": data.kinds["english"] | data.kinds["japanese"], **data.kinds}
    return [KindLoss(kind, int(mask.sum()), float(losses[mask].mean()), float(data.floor[mask].mean()))
            for kind, mask in ((kind, masks[kind]) for kind in LINE_KINDS) if mask.any()]
