"""Validation lines of the toy corpus as one batch, every predicted word tagged with its kind.

Lesson 07 scores a model (intact, with a part removed, or read off an earlier block) on the same
targets, split by kind of word, each next to the exact floor (``corpus.line_logprobs``). The kinds:

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

from llmlab.toy.corpus import END, line_logprobs
from llmlab.toy.loss_by_kind import target_kinds
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, kind_of, mapping, text

KINDS = ("english", "japanese", "agreement", "facts", "fact_answers")


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


def _kinds_of_line(words: list[str]) -> list[set[str]]:
    """Kinds of each predicted word (words 1 .. END) of a line, with English and Japanese apart."""
    kinds = target_kinds(words)
    if words[0] != "EN:":
        return [{k.replace(" ", "_") for k in kind} for kind in kinds]
    switch = words.index("JA:")  # predicted word i + 1 is English up to JA: itself
    return [(kind - {"translation"}) | {"english" if i + 1 <= switch else "japanese"} for i, kind in enumerate(kinds)]


def kind_targets(lines: Sequence[str], tokenizer: Tokenizer, context_length: int) -> KindTargets:
    """The toy-corpus ``lines`` as one padded batch, each starting at position 0 of its row."""
    if isinstance(lines, (str, bytes)) or not isinstance(lines, Sequence) or not lines:
        raise LlmlabError(msg("kind_targets.no_lines", kind=kind_of(lines)))
    if not isinstance(tokenizer, Tokenizer):
        raise LlmlabTypeError(msg("kind_targets.not_a_tokenizer", kind=kind_of(tokenizer)))
    words = [text(line, msg("kind_targets.each_line")).split(" ") for line in lines]
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
        for position, these in enumerate(_kinds_of_line(w)):
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
    if not isinstance(model, GPT):
        raise LlmlabTypeError(msg("kind_targets.not_a_model", kind=kind_of(model)))
    data = check_kind_targets(data)
    edits = mapping(edits, "edits") if edits is not None else {}
    logits, _ = model.run_with_edits(data.inputs.to(model.device), edits)
    return mean_by_kind(-target_logprobs(logits, data), data)
