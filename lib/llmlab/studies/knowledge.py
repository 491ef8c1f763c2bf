"""Lesson 07: where is the knowledge? Remove one part at a time and measure the loss by kind of word.

The parts are every attention sublayer (``blocks.b.attn.out``), every MLP (``blocks.b.mlp.out``) and
every head (``blocks.b.attn.z``, one head). Each is removed by zero ablation (its output becomes 0)
or mean ablation (its output becomes its average over a stated reference set), and the validation
loss of each kind of word (``kind_targets.KINDS``) is measured against the intact model and the
exact floor. ``most_needed``, ``quiet_heads`` and ``rises_in_block`` read the table. The logit lens
over the same targets says how much of the prediction each hidden state already holds, next to
``next_word_table``, the guess from the current word alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from llmlab.engine.device import one_torch_thread
from llmlab.engine.edits import Edit, mean, reference_means, zero
from llmlab.toy.kinds import KINDS, KindTargets, check_kind_targets, losses_by_kind, target_logprobs
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.trace import residual_name
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, boolean, check_block, check_head, check_instance,
                                    check_lines, check_model, check_tokenizer, choice, integer, kind_of, text,
                                    token_ids)

ABLATIONS = ("zero", "mean")
MATTERS = 0.1  # nats per word: a part whose removal raises a kind's loss by more matters for it
QUIET = 0.01  # nats per word: a head whose removal raises no kind by more is idle


@dataclass(frozen=True)
class Part:
    """A removable part: an attention sublayer, an MLP, or one head (``head`` set)."""

    block: int
    kind: str  # "attention", "mlp" or "head"
    head: int | None = None

    @property
    def activation(self) -> str:
        """The activation to edit to remove this part."""
        return {"attention": f"blocks.{self.block}.attn.out", "mlp": f"blocks.{self.block}.mlp.out",
                "head": f"blocks.{self.block}.attn.z"}[self.kind]

    @property
    def label(self) -> str:
        if self.kind == "head":
            return msg("words.block_head", block=self.block, head=self.head)
        return msg(f"knowledge.part_{self.kind}", block=self.block)


def model_parts(model: GPT) -> list[Part]:
    """Every attention sublayer and MLP, block by block, then every head."""
    model = check_model(model, "model_parts")
    layers, heads = model.config.n_layers, model.config.n_heads
    sublayers = [Part(b, kind) for b in range(layers) for kind in ("attention", "mlp")]
    return sublayers + [Part(b, "head", h) for b in range(layers) for h in range(heads)]


def part(model: GPT, kind: str, block: int, head: int | None = None) -> Part:
    """One part of ``model``, checked: ``kind`` "attention", "mlp" or "head" (which needs ``head``)."""
    if not isinstance(kind, str) or kind not in ("attention", "mlp", "head"):
        raise LlmlabError(msg("knowledge.bad_part_kind", kind=kind))
    block = check_block(check_model(model, "part"), block)
    if kind == "head":
        return Part(block, kind, check_head(model, head))
    if head is not None:
        raise LlmlabError(msg("knowledge.head_on_sublayer", kind=kind))
    return Part(block, kind)


def part_means(model: GPT, reference_ids: Sequence[Sequence[int]]) -> dict[str, torch.Tensor]:
    """Every removable part's output averaged over every position of the reference sequences."""
    model = check_model(model, "part_means")
    if isinstance(reference_ids, (str, bytes)) or not isinstance(reference_ids, Sequence) or not reference_ids:
        raise LlmlabError(msg("knowledge.bad_reference", kind=kind_of(reference_ids)))
    reference_ids = [token_ids(ids, model.config.vocab_size, msg("knowledge.each_reference")) for ids in reference_ids]
    names = [p.activation for p in model_parts(model) if p.kind != "head"]
    names += [f"blocks.{b}.attn.z" for b in range(model.config.n_layers)]
    return reference_means(model, reference_ids, names)


def ablation(part: Part, how: str, means: dict[str, torch.Tensor] | None = None) -> dict[str, Edit]:
    """The edit that removes ``part``: zeroed, or replaced by its reference mean (``how`` = "mean")."""
    if not isinstance(part, Part):
        raise LlmlabTypeError(msg("knowledge.not_a_part", kind=kind_of(part)))
    if how == "zero":
        return {part.activation: zero(head=part.head)}
    if how == "mean" and isinstance(means, dict) and part.activation in means:
        return {part.activation: mean(means[part.activation], head=part.head)}
    raise LlmlabError(msg("knowledge.bad_ablation", how=how, valid=", ".join(ABLATIONS)))


@dataclass(frozen=True)
class KnowledgeTable:
    """Validation loss by kind of word, intact and with each part removed, next to the exact floor."""

    parts: list[Part]
    kinds: tuple[str, ...]
    counts: dict[str, int]  # targets of each kind
    floor: dict[str, float]
    intact: dict[str, float]
    losses: dict[str, torch.Tensor]  # ablation → (parts, kinds) mean loss
    reference: str  # what the mean ablation averaged over

    def increase(self, how: str) -> torch.Tensor:
        """(parts, kinds): loss with the part removed minus the intact loss (positive = the part helped)."""
        return self.losses[how] - torch.tensor([self.intact[k] for k in self.kinds])


def knowledge_table(model: GPT, data: KindTargets, reference_ids: Sequence[Sequence[int]],
                    reference: str) -> KnowledgeTable:
    """Remove every part in turn (zero and mean ablation) and measure the loss of every kind.

    ``reference_ids`` is the stated reference set of the mean ablation; ``reference`` says in
    words what it is (kept with the result).
    """
    parts = model_parts(check_model(model, "knowledge_table"))
    data = check_kind_targets(data)
    reference = text(reference, "reference")
    losses = {how: torch.zeros(len(parts), len(KINDS), dtype=torch.float64) for how in ABLATIONS}
    with one_torch_thread():
        means = part_means(model, reference_ids)
        intact = losses_by_kind(model, data)
        for how in ABLATIONS:
            for row, p in enumerate(parts):
                measured = losses_by_kind(model, data, ablation(p, how, means))
                losses[how][row] = torch.tensor([measured[k] for k in KINDS], dtype=torch.float64)
    return KnowledgeTable(parts, KINDS, data.counts(), data.floors(), intact, losses, reference)


@dataclass(frozen=True)
class MostNeeded:
    """For one kind of word: the part and the head whose removal raises its loss most, and how many parts matter."""

    kind: str
    part: Part
    rise: float
    head: Part
    head_rise: float
    next_head_rise: float  # the second most needed head's rise
    matter: int  # parts whose removal raises the loss by more than MATTERS


def most_needed(table: KnowledgeTable, how: str = "zero") -> list[MostNeeded]:
    """Read ``table`` kind by kind: the most needed part and the two most needed heads (``how`` ablation)."""
    table = check_instance(table, KnowledgeTable, "table", "knowledge_table(model, data, reference_ids, reference)")
    rise = table.increase(str(choice(how, "how", ABLATIONS)))  # (parts, kinds)
    heads = [row for row, p in enumerate(table.parts) if p.kind == "head"]
    needed = []
    for column, kind in enumerate(table.kinds):
        top = int(rise[:, column].argmax())
        first, second = rise[heads, column].topk(2).indices.tolist()
        needed.append(MostNeeded(kind, table.parts[top], float(rise[top, column]), table.parts[heads[first]],
                                 float(rise[heads[first], column]), float(rise[heads[second], column]),
                                 int((rise[:, column] > MATTERS).sum())))
    return needed


def quiet_heads(table: KnowledgeTable, how: str = "zero") -> list[Part]:
    """The heads whose removal (``how`` ablation) changes no kind's loss by more than QUIET."""
    table = check_instance(table, KnowledgeTable, "table", "knowledge_table(model, data, reference_ids, reference)")
    rise = table.increase(str(choice(how, "how", ABLATIONS)))
    return [p for p, row in zip(table.parts, rise) if p.kind == "head" and float(row.abs().max()) < QUIET]


def rises_in_block(table: KnowledgeTable, block: int, heads: bool = True) -> torch.Tensor:
    """(ablations, parts, kinds): the rises of every part of ``block`` (its heads too unless ``heads`` is False),
    in both ablations."""
    table = check_instance(table, KnowledgeTable, "table", "knowledge_table(model, data, reference_ids, reference)")
    block, heads = integer(block, "block", low=0), boolean(heads, "heads")
    rows = [row for row, p in enumerate(table.parts) if p.block == block and (heads or p.kind != "head")]
    if not rows:
        raise LlmlabError(msg("knowledge.no_block_parts", block=block))
    return torch.stack([table.increase(how)[rows] for how in ABLATIONS])


def next_word_table(tokenizer: Tokenizer, lines: Sequence[str]) -> torch.Tensor:
    """(vocab,): the word that most often follows each word in ``lines`` (each with its end-of-line token),
    -1 for a word never followed; a tie goes to the follower seen first. The guess of a model that knows
    only the current word."""
    tokenizer = check_tokenizer(tokenizer, "next_word_table")
    follows: defaultdict[int, Counter[int]] = defaultdict(Counter)  # word → how often each word follows it
    for line in check_lines(lines):
        ids = tokenizer.encode(line + "\n")
        for current, following in zip(ids, ids[1:]):
            follows[current][following] += 1
    table = torch.full((tokenizer.vocab_size,), -1)
    for current, counts in follows.items():
        table[current] = counts.most_common(1)[0][0]
    return table


@dataclass(frozen=True)
class LensScores:
    """Next-word accuracy and mean log-probability of the right word, read off every hidden state."""

    accuracy: dict[str, list[float]]  # kind (and "all") → one number per hidden state
    logprob: dict[str, list[float]]
    counts: dict[str, int]


@torch.no_grad()
def lens_scores(model: GPT, data: KindTargets) -> LensScores:
    """The logit lens over every target of ``data``: hidden state 0 is the embeddings, i ≥ 1 after block i - 1."""
    model = check_model(model, "lens_scores")
    data = check_kind_targets(data)
    with one_torch_thread():
        _, trace = model.trace_batch(data.inputs.to(model.device))
        accuracy: dict[str, list[float]] = {kind: [] for kind in ("all", *KINDS)}
        logprob: dict[str, list[float]] = {kind: [] for kind in ("all", *KINDS)}
        masks = {"all": data.real, **data.kinds}
        for layer in range(model.config.n_layers + 1):
            logits = model.logits_from_residual(trace[residual_name(layer)])
            right = (logits.argmax(dim=-1).cpu() == data.targets).double()
            logprobs = target_logprobs(logits, data)
            for kind, mask in masks.items():
                accuracy[kind].append(float(right[mask].mean()))
                logprob[kind].append(float(logprobs[mask].mean()))
    counts = {"all": int(data.real.sum()), **data.counts()}
    return LensScores(accuracy, logprob, counts)


def fact_answers_right(model: GPT, data: KindTargets) -> tuple[int, int]:
    """(right, questions): fact lines whose whole answer ("the colour thing" and the line's end) the
    model's top word gets right at every step, which is exactly what greedy generation would write."""
    model = check_model(model, "fact_answers_right")
    data = check_kind_targets(data)
    with one_torch_thread(), torch.no_grad():
        logits, _ = model.run_with_edits(data.inputs.to(model.device), {})
    right = logits.argmax(dim=-1).cpu() == data.targets
    right_count = questions = 0
    for row, line in enumerate(data.lines):
        if " ? " not in line:
            continue
        start = line.split(" ").index("?")  # position of "?": it predicts "the"
        n = int(data.real[row].sum())
        questions += 1
        right_count += bool(right[row, start:n].all())
    if questions == 0:
        raise LlmlabError(msg("knowledge.no_fact_lines"))
    return right_count, questions

