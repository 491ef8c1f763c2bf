"""The toy corpus's fact questions, and what a model's answers to them copy from the story.

A fact line reads ``ken has the red ball . mia has the blue cup . what does ken have ? the red ball``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import torch

from llmlab.engine.edits import Edit
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import LlmlabError, check_lines, check_model, check_tokenizer


@dataclass(frozen=True)
class FactQuestion:
    """One story and its question: who has which (colour, thing), who is asked, the right answer."""

    prompt: str  # the line up to and including "?"
    owned: dict[str, tuple[str, str]]  # person → (colour, thing)
    asked: str

    @classmethod
    def parse(cls, line: str) -> FactQuestion:
        """Read a fact line of the toy corpus (with or without its answer after the "?")."""
        question = line.split(" ? ")[0].strip()
        words = question.split()
        # "A has the C T . B has the C T . what does X have": people at 0 and 6, asked at 14
        owned = {words[0]: (words[3], words[4]), words[6]: (words[9], words[10])}
        return cls(prompt=question + " ?", owned=owned, asked=words[14])

    @property
    def answer(self) -> str:
        colour, thing = self.owned[self.asked]
        return f"the {colour} {thing}"

    def chance_of_a_random_pick(self) -> float:
        """Probability that one colour and one thing, each picked at random from the story, are right."""
        colours = [colour for colour, _ in self.owned.values()]
        things = [thing for _, thing in self.owned.values()]
        colour, thing = self.owned[self.asked]
        return colours.count(colour) / len(colours) * things.count(thing) / len(things)


@dataclass(frozen=True)
class AnswerCounts:
    """How many answers are right, and which of their parts come from the story."""

    n: int
    right: int
    colour_from_story: int
    colour_right: int
    thing_from_story: int
    thing_right: int
    expected_by_chance: float


def count_answers(questions: Iterable[FactQuestion], answers: Iterable[str]) -> AnswerCounts:
    """Compare each answer ("the colour thing") with its story."""
    n = right = colour_from_story = colour_right = thing_from_story = thing_right = 0
    chance = 0.0
    for question, answer in zip(questions, answers, strict=True):
        words = answer.split()
        colour, thing = (words[1], words[2]) if len(words) >= 3 else ("", "")
        asked_colour, asked_thing = question.owned[question.asked]
        n += 1
        right += answer.strip() == question.answer
        colour_from_story += colour in {c for c, _ in question.owned.values()}
        colour_right += colour == asked_colour
        thing_from_story += thing in {t for _, t in question.owned.values()}
        thing_right += thing == asked_thing
        chance += question.chance_of_a_random_pick()
    return AnswerCounts(n, right, colour_from_story, colour_right, thing_from_story, thing_right, chance)


def fact_questions(lines: Sequence[str]) -> list[FactQuestion]:
    """The fact questions among ``lines`` (lines without a "?" are skipped; a line may end at its "?")."""
    stories = [line for line in check_lines(lines) if "?" in line]
    if not stories:
        raise LlmlabError(msg("facts.no_questions"))
    questions = []
    for line in stories:
        words = line.split("?")[0].split()
        if len(words) != 16 or words[12:14] != ["what", "does"] or words[14] not in (words[0], words[6]):
            raise LlmlabError(msg("facts.not_a_question", line=line[:80]))
        if words[0] == words[6]:  # one person, two objects: the question would have two answers
            raise LlmlabError(msg("facts.two_objects", person=words[0], line=line[:80]))
        questions.append(FactQuestion.parse(" ".join(words) + " ? "))
    return questions


def question_ids(tokenizer: Tokenizer, questions: Sequence[FactQuestion]) -> torch.Tensor:
    """Every question followed by its right answer, as token ids: (questions, 19)."""
    rows = [check_tokenizer(tokenizer, "question_ids").encode(f"{q.prompt} {q.answer}") for q in questions]
    if any(len(row) != len(f"{q.prompt} {q.answer}".split()) for row, q in zip(rows, questions)):
        raise LlmlabError(msg("facts.not_word_tokens"))
    return torch.tensor(rows)


@torch.no_grad()
def answer_accuracy(model: GPT, tokenizer: Tokenizer, lines: Sequence[str], edits: Mapping[str, Edit] | None = None
                    ) -> float:
    """Share of fact questions whose answer (colour, thing) the model writes greedily after "? the".

    The right answer comes from each story (``FactQuestion``). One forward pass, with ``edits``
    (``llmlab.engine.edits``) applied if given: the greedy colour is the argmax after "the"; when it is right,
    the next argmax sees exactly what greedy generation would.
    """
    check_tokenizer(tokenizer, "answer_accuracy", check_model(model, "answer_accuracy"))
    ids = question_ids(tokenizer, fact_questions(lines))  # (n, 19)
    logits, _ = model.run_with_edits(ids[:, :-1].to(model.device), edits or {})  # (n, 18, vocab)
    guess = logits.argmax(-1).cpu()  # (n, 18)
    right = (guess[:, -2] == ids[:, -2]) & (guess[:, -1] == ids[:, -1])
    return float(right.float().mean())


class AccuracyCurve:
    """An ``on_eval`` callback: the share of ``lines``' fact questions answered right at every validation step.

    ``points`` holds (step, seconds since the curve was made, share right).
    """

    def __init__(self, tokenizer: Tokenizer, lines: Sequence[str]) -> None:
        fact_questions(lines)  # checked now, not in the middle of training
        self.tokenizer, self.lines = check_tokenizer(tokenizer, "AccuracyCurve"), list(lines)
        self.started = time.perf_counter()
        self.points: list[tuple[int, float, float]] = []

    def __call__(self, step: int, model: GPT) -> None:
        seconds = time.perf_counter() - self.started
        self.points.append((step, seconds, answer_accuracy(model, self.tokenizer, self.lines)))
