"""What each attention head of a trained model looks at, and what breaks when it is removed.

Lesson 05 measures both over many validation lines of the toy corpus, never on one example:

* ``attention_statistics``: per head, the mean attention weight on the previous token, on the
  start of the line, on the English subject while the model writes its Japanese word, and on the
  subject noun (and on the distracting nearer noun) where the verb must agree with the subject;
* ``ablation_effects``: per head, the change in each task's score when the head is zero- or
  mean-ablated (``knowledge.ablation`` of one head part). Translation scores the probability of the
  right Japanese word; agreement scores the number alone: of the probability on the subject kind's
  verbs, the share on the right number (so "a verb comes next" does not count).

Reading attention is a picture; ablation is the test. The two can disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from llmlab.toy.corpus import ADJECTIVES, NOUN_FORMS, NOUNS, VERBS, next_word_distribution
from llmlab.engine.device import one_torch_thread
from llmlab.engine.edits import Edit
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import LlmlabError, check_lines, check_model, check_tokenizer, integer, text
from llmlab.studies.knowledge import ABLATIONS, Part, ablation, part_means

TASKS = ("translation", "agreement")


@dataclass(frozen=True)
class TaskLines:
    """Translation lines of the toy corpus, tokenized and padded, with the positions each task reads.

    For line i: ``translation_query[i]`` is the position whose next word is the Japanese word of the
    English subject (``translation_target[i]``, read from ``subject[i]``). Lines with a distracting
    "near the X" also give an agreement case: at ``agreement_query`` the next word is the verb, which
    agrees in number with the subject noun, not with the nearer ``distractor`` noun.
    """

    ids: torch.Tensor  # (lines, T) token ids, padded with the end-of-line token
    lengths: torch.Tensor  # (lines,) real length of each line (its closing end-of-line token included)
    subject: torch.Tensor  # (lines,) position of the English subject noun
    translation_query: torch.Tensor  # (lines,)
    translation_target: torch.Tensor  # (lines,) token id of the Japanese subject noun
    agreement_lines: torch.Tensor  # (cases,) which lines have a distractor
    agreement_query: torch.Tensor  # (cases,) position of the distractor noun: the verb comes next
    agreement_target: torch.Tensor  # (cases,) token id of the verb (the right number)
    distractor: torch.Tensor  # (cases,) position of the nearer noun
    right_number: torch.Tensor  # (cases, verbs) token ids of the subject kind's verbs in the subject's number
    wrong_number: torch.Tensor  # (cases, verbs) the same verbs in the other number

    @property
    def n_lines(self) -> int:
        return int(self.ids.shape[0])

    @property
    def n_agreement(self) -> int:
        return int(self.agreement_lines.shape[0])


def _parse(words: list[str]) -> tuple[int, int, int | None, int]:
    """(subject noun, Japanese subject noun, distractor noun or None, verb) positions of a translation line."""
    try:
        return _positions(words)
    except (IndexError, ValueError):  # a line the toy grammar cannot make
        raise LlmlabError(msg("head_roles.not_a_translation", line=" ".join(words))) from None


def _positions(words: list[str]) -> tuple[int, int, int | None, int]:
    subject = 3 if words[2] in ADJECTIVES else 2
    distractor = None
    verb = subject + 1
    if words[verb] == "near":
        distractor = verb + (3 if words[verb + 2] in ADJECTIVES else 2)
        verb = distractor + 1
    subject_marker = words.index("が")  # Japanese: ... SUBJECT [たち] が PLACE で VERB
    japanese_noun = subject_marker - (2 if words[subject_marker - 1] == "たち" else 1)
    if words[subject] not in NOUN_FORMS or (distractor is not None and words[distractor] not in NOUN_FORMS):
        raise LlmlabError(msg("head_roles.not_a_translation", line=" ".join(words)))
    return subject, japanese_noun, distractor, verb


def task_lines(lines: Sequence[str], tokenizer: Tokenizer, limit: int | None = None) -> TaskLines:
    """The translation lines among ``lines`` (at most ``limit`` of them), ready for both tasks."""
    lines, tokenizer = check_lines(lines), check_tokenizer(tokenizer, "task_lines")
    if limit is not None:
        limit = integer(limit, "limit", low=1)
    chosen = [line for line in lines if line.startswith("EN: ")][:limit]
    if not chosen:
        raise LlmlabError(msg("head_roles.no_translation_lines", n=len(lines)))
    encoded = [tokenizer.encode(line + "\n") for line in chosen]
    width = max(len(ids) for ids in encoded)
    pad = tokenizer.eos_id if tokenizer.eos_id is not None else 0
    ids = torch.full((len(chosen), width), pad, dtype=torch.long)
    fields: dict[str, list] = {key: [] for key in (
        "subject", "tq", "tt", "al", "aq", "at", "distractor", "right", "wrong")}
    for i, (line, line_ids) in enumerate(zip(chosen, encoded)):
        if len(line_ids) != len(line.split(" ")) + 1:  # positions below count words
            raise LlmlabError(msg("head_roles.not_word_tokens", tokenizer=tokenizer.name))
        ids[i, : len(line_ids)] = torch.tensor(line_ids)
        subject, japanese_noun, distractor, verb = _parse(line.split(" "))
        fields["subject"].append(subject)
        fields["tq"].append(japanese_noun - 1)
        fields["tt"].append(line_ids[japanese_noun])
        if distractor is not None:
            fields["al"].append(i)
            fields["aq"].append(verb - 1)
            fields["at"].append(line_ids[verb])
            fields["distractor"].append(distractor)
            singular, plural = _verb_ids(line.split(" ")[subject], tokenizer)
            is_plural = NOUN_FORMS[line.split(" ")[subject]][1]
            fields["right"].append(plural if is_plural else singular)
            fields["wrong"].append(singular if is_plural else plural)
    t = lambda key: torch.tensor(fields[key], dtype=torch.long)  # noqa: E731
    verbs = lambda key: t(key).reshape(-1, len(VERBS["animal"]))  # noqa: E731  (no cases: shape (0, verbs))
    return TaskLines(ids, torch.tensor([len(x) for x in encoded]), t("subject"), t("tq"), t("tt"),
                     t("al"), t("aq"), t("at"), t("distractor"), verbs("right"), verbs("wrong"))


def _verb_ids(noun: str, tokenizer: Tokenizer) -> tuple[list[int], list[int]]:
    """Token ids of the verbs of ``noun``'s kind: (singular forms, plural forms), in the same order."""
    singular_noun = NOUN_FORMS[noun][0]
    kind = next(kind for kind, nouns in NOUNS.items() if singular_noun in nouns)
    ids = lambda words: [tokenizer.encode(word)[0] for word in words]  # noqa: E731  (one token per word: checked)
    return ids(verb + "s" for verb in VERBS[kind]), ids(VERBS[kind])


def check_task_lines(data: object) -> TaskLines:
    """``data`` if it is what :func:`task_lines` makes, else a clear error."""
    if not isinstance(data, TaskLines):
        raise LlmlabError(msg("head_roles.not_task_lines", kind=type(data).__name__))
    return data


# --- what each head reads ---


@dataclass(frozen=True)
class AttentionStatistics:
    """Mean attention weight of every head (layers × heads) on particular tokens."""

    previous_token: torch.Tensor  # on position t-1, over every position t >= 1 of every line
    line_start: torch.Tensor  # on position 0 ("EN:"), over every position t >= 1
    subject_when_translating: torch.Tensor  # on the English subject, where its Japanese word is next
    subject_when_agreeing: torch.Tensor  # on the subject noun, where the verb is next
    distractor_when_agreeing: torch.Tensor  # on the nearer (distracting) noun, where the verb is next

    def as_table(self) -> dict[str, torch.Tensor]:
        """Name → (layers × heads) tensor, in a fixed order."""
        return {
            "previous_token": self.previous_token,
            "line_start": self.line_start,
            "subject_when_translating": self.subject_when_translating,
            "subject_when_agreeing": self.subject_when_agreeing,
            "distractor_when_agreeing": self.distractor_when_agreeing,
        }


def attention_statistics(model: GPT, data: TaskLines) -> AttentionStatistics:
    """Per head, where the attention weight goes on average (see :class:`AttentionStatistics`)."""
    model, data = check_model(model, "attention_statistics"), check_task_lines(data)
    with one_torch_thread():
        _, trace = model.trace_batch(data.ids)
    patterns = torch.stack([trace[f"blocks.{b}.attn.pattern"] for b in range(model.config.n_layers)])
    patterns = patterns.transpose(0, 1)  # (lines, layers, heads, query, key)
    T = data.ids.shape[1]
    positions = torch.arange(T)
    real = positions[None, :] < data.lengths[:, None]  # (lines, T): not padding
    query_ok = (real & (positions[None, :] >= 1)).float()  # (lines, T)
    previous = patterns[..., positions[1:], positions[:-1]]  # (lines, layers, heads, T-1)
    start = patterns[..., 1:, 0]
    weight = query_ok[:, None, None, 1:]
    average = lambda values: (values * weight).sum(dim=(0, 3)) / weight.sum(dim=(0, 3))  # noqa: E731
    lines = torch.arange(data.n_lines)
    agree = data.agreement_lines
    return AttentionStatistics(
        previous_token=average(previous),
        line_start=average(start),
        subject_when_translating=patterns[lines, :, :, data.translation_query, data.subject].mean(dim=0),
        subject_when_agreeing=patterns[agree, :, :, data.agreement_query, data.subject[agree]].mean(dim=0),
        distractor_when_agreeing=patterns[agree, :, :, data.agreement_query, data.distractor].mean(dim=0),
    )


def top_head(table: torch.Tensor) -> tuple[int, int]:
    """(block, head) of the largest entry of a (layers × heads) table, e.g. one statistic."""
    return divmod(int(table.argmax()), table.shape[1])


# --- what breaks when a head is removed ---


@torch.no_grad()
def task_probabilities(model: GPT, data: TaskLines, edits: dict[str, Edit] | None = None) -> dict[str, torch.Tensor]:
    """Each task's score at every case, with ``edits`` applied (batched).

    translation: the probability of the right Japanese word; agreement: :func:`number_share`.
    """
    model, data = check_model(model, "task_probabilities"), check_task_lines(data)
    logits, _ = model.run_with_edits(data.ids, {} if edits is None else edits)
    probs = torch.softmax(logits.float(), dim=-1)  # (lines, T, vocab)
    lines = torch.arange(data.n_lines)
    agree = data.agreement_lines
    return {
        "translation": probs[lines, data.translation_query, data.translation_target],
        "agreement": number_share(probs[agree, data.agreement_query], data),
    }


def number_share(probs: torch.Tensor, data: TaskLines) -> torch.Tensor:
    """Of the probability on the subject kind's verbs, the share on the right number: (cases,), 1 = all right.

    ``probs`` (cases, vocab) is the next-word distribution at each agreement case. The share scores the
    number alone: a model that is unsure whether a verb comes next (rather than, say, a second "near")
    loses nothing here as long as the verbs it gives keep the subject's number.
    """
    right = probs.gather(1, data.right_number).sum(dim=1)
    wrong = probs.gather(1, data.wrong_number).sum(dim=1)
    return right / (right + wrong)


def best_probabilities(data: TaskLines, tokenizer: Tokenizer) -> dict[str, float]:
    """The toy grammar's own mean score for each task (see :func:`task_probabilities`): the best any model can do."""
    data, tokenizer = check_task_lines(data), check_tokenizer(tokenizer, "best_probabilities")

    def exact(line: int, position: int) -> dict[str, float]:
        return next_word_distribution(tokenizer.token_strings(data.ids[line, : position + 1].tolist()))

    def word(token: int) -> str:
        return tokenizer.token_strings([int(token)])[0]

    translation = [exact(i, int(p)).get(word(data.translation_target[i]), 0.0)
                   for i, p in enumerate(data.translation_query)]
    agreement = []
    for case, (i, p) in enumerate(zip(data.agreement_lines, data.agreement_query)):
        grammar = exact(int(i), int(p))
        right, wrong = (sum(grammar.get(word(t), 0.0) for t in ids[case])
                        for ids in (data.right_number, data.wrong_number))
        agreement.append(right / (right + wrong))
    return {"translation": sum(translation) / data.n_lines, "agreement": sum(agreement) / max(data.n_agreement, 1)}


@dataclass(frozen=True)
class AblationEffects:
    """Each task's mean score (see :func:`task_probabilities`), clean and with each head ablated."""

    clean: dict[str, float]  # task → mean score without edits
    ablated: dict[str, dict[str, torch.Tensor]]  # ablation → task → (layers × heads) mean score
    reference: str  # what the mean ablation averaged over

    def change(self, ablation: str, task: str) -> torch.Tensor:
        """(layers × heads): ablated minus clean mean score (negative = the head helped)."""
        return self.ablated[ablation][task] - self.clean[task]

    def strongest(self, ablation: str, task: str, n: int = 3) -> list[tuple[int, int]]:
        """The ``n`` heads (block, head) whose removal lowers ``task``'s score most, the largest drop first."""
        change = self.change(ablation, task)
        return [divmod(int(i), change.shape[1]) for i in change.reshape(-1).argsort()[:n]]


def ablation_effects(
    model: GPT,
    data: TaskLines,
    reference_ids: Sequence[Sequence[int]],
    reference: str,
) -> AblationEffects:
    """Ablate every head in turn (zero and mean) and measure both tasks over all cases.

    ``reference_ids`` is the stated reference set of the mean ablation; ``reference`` says in
    words what it is (kept with the result).
    """
    model, data = check_model(model, "ablation_effects"), check_task_lines(data)
    reference = text(reference, "reference")
    layers, heads = model.config.n_layers, model.config.n_heads
    ablated = {kind: {task: torch.zeros(layers, heads) for task in TASKS} for kind in ABLATIONS}
    with one_torch_thread():
        means = part_means(model, reference_ids)
        clean = {task: values.mean().item() for task, values in task_probabilities(model, data).items()}
        for kind in ABLATIONS:
            for block in range(layers):
                for head in range(heads):
                    results = task_probabilities(model, data, ablation(Part(block, "head", head), kind, means))
                    for task in TASKS:
                        ablated[kind][task][block, head] = results[task].mean()
    return AblationEffects(clean, ablated, reference)
