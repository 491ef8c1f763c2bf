"""The copying circuit: which heads carry the asked person's colour and thing to the answer.

A fact line's words sit at fixed places::

    ken has the red ball . mia has the blue cup . what does ken have ? the red ball
    0   1   2   3   4    5 6   7   8   9    10  11 12   13   14  15   16 17  18  19

The model writes the colour at position 17 ("the": its next word is the colour) and the thing at 18
(the colour). Three measurements: where each head looks from those two positions (a picture), how
many answers stay right when the head is removed (the proof that it is needed), and which colour the
model writes when a piece of the run is taken from a changed story (patching: what the piece carries).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from llmlab.engine.device import one_torch_thread
from llmlab.engine.edits import Edit, head_output_name, patch, zero
from llmlab.toy.facts import FactQuestion, answer_accuracy, fact_questions, question_ids
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.trace import Trace
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, check_instance, check_model, check_tokenizer, kind_of
from llmlab.paths import REPLAY_FILE
from llmlab.studies.embeddings import read_recording

ASKED_AT = 14  # the asked name in the question
COLOUR_FROM, THING_FROM = 17, 18  # the positions whose next word is the answer's colour, its thing
TARGETS = ("asked_colour", "other_colour", "asked_name", "other_name", "first_name", "question_name",
           "asked_thing", "other_thing")
CHANGES = ("asked", "colours")  # ask the other person; the two people swap colours


@dataclass(frozen=True)
class MentionAttention:
    """Mean attention of every head, from the colour's and the thing's writing positions, to each of TARGETS."""

    from_colour: torch.Tensor  # (n_layers, heads, len(TARGETS))
    from_thing: torch.Tensor  # (n_layers, heads, len(TARGETS))


def mention_positions(question: FactQuestion) -> list[int]:
    """Positions of TARGETS in ``question``'s line: the colours, the names, the things."""
    question = check_instance(question, FactQuestion, "question", "fact_questions(lines)")
    asked = 0 if question.prompt.split()[0] == question.asked else 6
    other = 6 - asked
    return [asked + 3, other + 3, asked, other, 0, ASKED_AT, asked + 4, other + 4]


@torch.no_grad()
def mention_attention(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> MentionAttention:
    """Where each head looks when the answer is written, averaged over the fact questions in ``lines``."""
    model = check_model(model, "mention_attention")
    check_tokenizer(tokenizer, "mention_attention", model)
    questions = fact_questions(lines)
    ids = question_ids(tokenizer, questions)[:, :-1]  # (questions, 19)
    with one_torch_thread():
        _, trace = model.trace_batch(ids.to(model.device))
    patterns = torch.stack([trace[f"blocks.{b}.attn.pattern"] for b in range(model.config.n_layers)]).cpu()
    # patterns: (n_layers, questions, heads, T query, T key)
    keys = torch.tensor([mention_positions(q) for q in questions])  # (questions, len(TARGETS))
    rows = torch.arange(len(questions))[:, None]  # (questions, 1)

    def looking_from(position: int) -> torch.Tensor:
        weights = patterns[:, :, :, position, :].permute(1, 3, 0, 2)  # (questions, T key, n_layers, heads)
        return weights[rows, keys].mean(0).permute(1, 2, 0)  # (n_layers, heads, len(TARGETS))

    return MentionAttention(looking_from(COLOUR_FROM), looking_from(THING_FROM))


def accuracy_without_each_head(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> torch.Tensor:
    """Share of fact questions answered right with one head's output zeroed, for every head: (n_layers, heads)."""
    model = check_model(model, "accuracy_without_each_head")
    check_tokenizer(tokenizer, "accuracy_without_each_head", model)
    fact_questions(lines)  # checked once, not once per head
    config = model.config
    shares = torch.zeros(config.n_layers, config.n_heads)
    with one_torch_thread():
        for block in range(config.n_layers):
            for head in range(config.n_heads):
                edits = {head_output_name(block): zero(head=head)}
                shares[block, head] = answer_accuracy(model, tokenizer, lines, edits)
    return shares


@dataclass(frozen=True)
class ChangedStories:
    """Fact questions whose two colours differ, each up to "? the", and two changed copies (CHANGES).

    In both copies the right colour is the one the other person has in the original story, so a
    piece of the run that carries the change makes the model write ``other`` instead of ``right``.
    """

    questions: list[FactQuestion]
    ids: torch.Tensor  # (n, 18) the story and the question, up to "? the"
    changed: dict[str, torch.Tensor]  # change → (n, 18)
    right: torch.Tensor  # (n,) the asked person's colour (token id)
    other: torch.Tensor  # (n,) the other person's colour (token id)


def _story(question: FactQuestion, owned: dict[str, tuple[str, str]], asked: str) -> str:
    first, second = question.owned  # the two people in the story's order
    return (f"{first} has the {' '.join(owned[first])} . {second} has the {' '.join(owned[second])} . "
            f"what does {asked} have ? the")


def changed_stories(tokenizer: Tokenizer, lines: Sequence[str]) -> ChangedStories:
    """The fact questions among ``lines`` whose two colours differ, asked as is and changed both ways."""
    check_tokenizer(tokenizer, "changed_stories")
    questions = [q for q in fact_questions(lines) if len({colour for colour, _ in q.owned.values()}) == 2]
    if not questions:
        raise LlmlabError(msg("copying.no_different_colours"))
    question_ids(tokenizer, questions)  # an llmlab error unless the tokenizer reads one token per word
    rows: dict[str, list[list[int]]] = {"": [], **{change: [] for change in CHANGES}}
    right, other = [], []
    for q in questions:
        first, second = q.owned
        not_asked = second if q.asked == first else first
        swapped = {first: (q.owned[second][0], q.owned[first][1]), second: (q.owned[first][0], q.owned[second][1])}
        rows[""].append(tokenizer.encode(_story(q, q.owned, q.asked)))
        rows["asked"].append(tokenizer.encode(_story(q, q.owned, not_asked)))
        rows["colours"].append(tokenizer.encode(_story(q, swapped, q.asked)))
        right.append(tokenizer.encode(q.owned[q.asked][0])[0])
        other.append(tokenizer.encode(q.owned[not_asked][0])[0])
    ids = torch.tensor(rows.pop(""))
    return ChangedStories(questions, ids, {change: torch.tensor(r) for change, r in rows.items()},
                          torch.tensor(right), torch.tensor(other))


def check_stories(stories: object) -> ChangedStories:
    if not isinstance(stories, ChangedStories):
        raise LlmlabTypeError(msg("copying.not_stories", kind=kind_of(stories)))
    return stories


def check_change(change: object) -> str:
    if not isinstance(change, str) or change not in CHANGES:
        raise LlmlabError(msg("copying.bad_change", change=change, changes=", ".join(map(repr, CHANGES))))
    return str(change)


@torch.no_grad()
def other_colour_share(model: GPT, stories: ChangedStories, edits: Mapping[str, Edit] | None = None) -> float:
    """Share of the questions whose top colour after "? the" is the other person's (with ``edits``, if given)."""
    model, stories = check_model(model, "other_colour_share"), check_stories(stories)
    with one_torch_thread():
        logits, _ = model.run_with_edits(stories.ids.to(model.device), edits or {})
    guess = logits[:, COLOUR_FROM].argmax(-1).cpu()  # (n,)
    return float((guess == stories.other).float().mean())


@torch.no_grad()
def changed_trace(model: GPT, stories: ChangedStories, change: str) -> Trace:
    """Everything the model computes on the changed stories (one batch), to patch pieces of it in."""
    model, stories, change = check_model(model, "changed_trace"), check_stories(stories), check_change(change)
    with one_torch_thread():
        _, trace = model.trace_batch(stories.changed[change].to(model.device))
    return trace


def head_patching(model: GPT, stories: ChangedStories, change: str) -> torch.Tensor:
    """Share writing the other colour when one head's output at "? the" comes from the changed story.

    (n_layers, heads + 1): the last column patches all the heads of the block at once.
    """
    trace = changed_trace(check_model(model, "head_patching"), stories, change)
    config = model.config
    shares = torch.zeros(config.n_layers, config.n_heads + 1)
    for block in range(config.n_layers):
        name = head_output_name(block)
        for head in [*range(config.n_heads), None]:
            edit = patch(trace[name], head=head, positions=[COLOUR_FROM])
            shares[block, config.n_heads if head is None else head] = other_colour_share(model, stories, {name: edit})
    return shares


@torch.no_grad()
def stream_patching(model: GPT, stories: ChangedStories, change: str) -> torch.Tensor:
    """Share writing the other colour when the hidden state entering block b at position p comes from the
    changed story, for every block and position up to "? the": (n_layers, 18).

    One batch per block: copy p of the questions gets the patch at position p, and only the blocks
    from b on are run (those before it cannot see the patch).
    """
    trace = changed_trace(check_model(model, "stream_patching"), stories, change)
    n, T = stories.ids.shape
    at = (torch.arange(T).repeat_interleave(n)[:, None] == torch.arange(T)[None, :])[..., None]  # (T * n, T, 1)
    at = at.to(model.device)  # copy p (rows p*n .. p*n + n - 1) is patched at position p
    shares = torch.zeros(model.config.n_layers, T)
    with one_torch_thread(), model.evaluating():
        _, original = model.trace_batch(stories.ids.to(model.device))
        for block in range(model.config.n_layers):
            name = f"blocks.{block}.resid_pre"
            hidden = torch.where(at, trace[name].repeat(T, 1, 1), original[name].repeat(T, 1, 1))  # (T * n, T, d)
            for later in model.blocks[block:]:
                hidden = later(hidden)
            guess = model.logits_from_residual(hidden[:, COLOUR_FROM]).argmax(-1).cpu().view(T, n)
            shares[block] = (guess == stories.other[None, :]).float().mean(1)
    return shares


@torch.no_grad()
def colour_probabilities(model: GPT, tokenizer: Tokenizer, lines: Sequence[str]) -> tuple[float, float, int]:
    """Mean probability the model gives, at "? the", to the asked person's colour and to the other person's.

    Over the fact questions in ``lines`` whose two colours differ (where both are the same colour the two
    probabilities are one number); also returns how many such questions there are.
    """
    model = check_model(model, "colour_probabilities")
    stories = changed_stories(check_tokenizer(tokenizer, "colour_probabilities", model), lines)
    with one_torch_thread(), model.evaluating():
        logits, _ = model(stories.ids.to(model.device))
    probabilities = torch.softmax(logits[:, COLOUR_FROM].double(), dim=-1).cpu()  # (n, vocab)
    rows = torch.arange(len(stories.questions))
    return (float(probabilities[rows, stories.right].mean()), float(probabilities[rows, stories.other].mean()),
            len(stories.questions))


class CopyingRecorder:
    """An ``on_eval`` callback for ``make copying-replay``: at every validation step, the mean probabilities of
    the asked person's and the other person's colour (``colour_probabilities``). It reads the model without
    changing it: no gradients, no random numbers, the model's mode restored."""

    def __init__(self, tokenizer: Tokenizer, lines: Sequence[str]) -> None:
        changed_stories(check_tokenizer(tokenizer, "CopyingRecorder"), lines)  # checked now, not mid-training
        self.tokenizer, self.lines = tokenizer, list(lines)
        self.steps: list[int] = []
        self.p_asked: list[float] = []
        self.p_other: list[float] = []
        self.different = 0

    def __call__(self, step: int, model: GPT) -> None:
        p_asked, p_other, self.different = colour_probabilities(model, self.tokenizer, self.lines)
        self.steps.append(step)
        self.p_asked.append(p_asked)
        self.p_other.append(p_other)

    def to_dict(self) -> dict[str, object]:
        """What the snapshot file stores (keys of ``CopyingSnapshots``), small and loadable with weights_only."""
        return {"copying_steps": list(self.steps),
                "p_asked_colour": torch.tensor(self.p_asked, dtype=torch.float32),
                "p_other_colour": torch.tensor(self.p_other, dtype=torch.float32),
                "different_colours": self.different}


@dataclass(frozen=True)
class CopyingSnapshots:
    """The copying skill while a model trained, at every validation step (``make copying-replay``)."""

    steps: list[int]
    questions: int  # validation fact questions scored at every step
    right: list[int]  # of them answered right (colour and thing, greedily)
    different_colours: int  # of them whose two colours differ: the probabilities are averaged over these
    p_asked: torch.Tensor  # (steps,) mean probability of the asked person's colour at "? the"
    p_other: torch.Tensor  # (steps,) mean probability of the other person's colour there
    seed: int | None = None  # the run's seed, when recorded from a file
    gap: float | None = None  # its validation loss above the exact floor at the end


def load_copying_snapshots(path: str | Path = REPLAY_FILE) -> CopyingSnapshots:
    """Read the copying measurements ``scripts/record_copying_replay.py`` wrote (``make copying-replay``)."""
    def build(saved: dict) -> CopyingSnapshots:
        try:
            return CopyingSnapshots(list(saved["copying_steps"]), int(saved["questions"]), list(saved["fact_right"]),
                                    int(saved["different_colours"]), saved["p_asked_colour"], saved["p_other_colour"],
                                    saved.get("seed"), saved.get("gap"))
        except KeyError:
            raise LlmlabError(msg("copying.no_replay", path=path)) from None
        except (TypeError, ValueError) as error:
            raise LlmlabError(msg("embeddings.bad_snapshots", path=path, error=type(error).__name__)) from None
    return read_recording(path, build)

