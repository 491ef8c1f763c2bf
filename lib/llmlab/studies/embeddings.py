"""Embeddings as numbers: lookups, similarities, a 2-D map, directions, training snapshots.

Lesson 04's engine. Everything here works on plain tensors (rows = vectors); plotting lives
in ``llmlab.ui.plots.embeddings``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import torch

from llmlab.messages import msg
from llmlab.paths import SNAPSHOT_FILE
from llmlab.engine.tokenizers import Tokenizer, UnknownTokenError
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, check_lines, check_seed, check_tokenizer,
                                    float_tensor, integer, kind_of, mapping, text, token_ids)


# ---------------------------------------------------------------------------
# Lookup
# ---------------------------------------------------------------------------


def one_hot(ids: Sequence[int], vocab_size: int) -> torch.Tensor:
    """A (len(ids), vocab_size) matrix of 0s with a single 1 per row, at column ``id``."""
    vocab_size = integer(vocab_size, "vocab_size", low=1)
    ids = token_ids(ids, vocab_size, "ids")
    rows = torch.zeros(len(ids), vocab_size)
    rows[torch.arange(len(ids)), torch.as_tensor(list(ids), dtype=torch.long)] = 1.0
    return rows


def lookup_by_one_hot(table: torch.Tensor, ids: Sequence[int]) -> torch.Tensor:
    """Embedding lookup written as a matrix product: one_hot(ids) @ table."""
    table = float_tensor(table, "table", dims=2)
    return one_hot(ids, table.shape[0]) @ table


# ---------------------------------------------------------------------------
# Similarity
# ---------------------------------------------------------------------------


def cosine(a: torch.Tensor, b: torch.Tensor) -> float:
    """Cosine of the angle between two vectors: 1 same direction, 0 unrelated, -1 opposite."""
    a, b = float_tensor(a, "a"), float_tensor(b, "b")
    if a.numel() != b.numel():
        raise LlmlabError(msg("embeddings.cosine_sizes", a=a.numel(), b=b.numel()))
    return torch.nn.functional.cosine_similarity(a.flatten(), b.flatten(), dim=0).item()


def cosine_matrix(vectors: torch.Tensor) -> torch.Tensor:
    """Cosine similarity of every row with every row (n × n)."""
    unit = torch.nn.functional.normalize(float_tensor(vectors, "vectors", dims=2), dim=1)
    return unit @ unit.T


def off_diagonal(matrix: torch.Tensor) -> torch.Tensor:
    """The entries of a square matrix that are not on its diagonal, as one flat tensor."""
    matrix = float_tensor(matrix, "matrix", dims=2)
    if matrix.shape[0] != matrix.shape[1]:
        raise LlmlabError(msg("embeddings.not_square", shape=tuple(matrix.shape)))
    n = matrix.shape[0]
    return matrix[~torch.eye(n, dtype=torch.bool)]


def nearest(table: torch.Tensor, row: int, k: int = 5) -> list[tuple[int, float]]:
    """The ``k`` rows most similar to ``row`` (by cosine), itself excluded: (row, cosine) pairs."""
    table = float_tensor(table, "table", dims=2)
    row = integer(row, "row", low=0, high=table.shape[0] - 1)
    k = integer(k, "k", low=1, high=max(1, table.shape[0] - 1))
    similarities = cosine_matrix(table)[row].clone()
    similarities[row] = -float("inf")
    values, rows = similarities.topk(k)
    return list(zip(rows.tolist(), values.tolist()))


def similarity_rank(table: torch.Tensor, row: int, other: int) -> int:
    """Where ``other`` ranks among all rows by cosine to ``row`` (1 = the nearest; ``row`` itself excluded)."""
    table = float_tensor(table, "table", dims=2)
    row = integer(row, "row", low=0, high=table.shape[0] - 1)
    other = integer(other, "other", low=0, high=table.shape[0] - 1)
    similarities = cosine_matrix(table)[row]
    closer = similarities > similarities[other]
    closer[row] = False
    return int(closer.sum()) + 1


def mean_similarity_at_offset(position_table: torch.Tensor, offset: int) -> float:
    """Average cosine between the position vectors of positions p and p + ``offset``."""
    position_table, offset = float_tensor(position_table, "position_table", dims=2), integer(offset, "offset")
    if not 1 <= offset < position_table.shape[0]:
        raise LlmlabError(msg("embeddings.bad_offset", offset=offset, last=position_table.shape[0] - 1))
    return torch.diagonal(cosine_matrix(position_table), offset=offset).mean().item()


# ---------------------------------------------------------------------------
# A 2-D map (principal component analysis)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PCA:
    """The ``k`` directions along which a cloud of vectors spreads most.

    ``components`` holds one unit direction per row; ``explained`` the share of the total
    spread each one captures.
    """

    mean: torch.Tensor
    components: torch.Tensor
    explained: torch.Tensor

    @classmethod
    def fit(cls, vectors: torch.Tensor, k: int = 2) -> PCA:
        """Find the directions from ``vectors`` (rows). Each direction's sign is fixed so that
        its largest coordinate is positive, so refitting gives the same picture."""
        vectors = float_tensor(vectors, "vectors", dims=2).detach().double()
        k = integer(k, "k", low=1, high=min(vectors.shape))
        mean = vectors.mean(dim=0)
        _, singular, directions = torch.linalg.svd(vectors - mean, full_matrices=False)
        components = directions[:k]
        signs = torch.sign(components.gather(1, components.abs().argmax(dim=1, keepdim=True)))
        explained = singular**2 / (singular**2).sum()
        return cls(mean.float(), (components * signs).float(), explained[:k].float())

    def project(self, vectors: torch.Tensor) -> torch.Tensor:
        """Coordinates of ``vectors`` along the directions (n × k)."""
        vectors = float_tensor(vectors, "vectors", dims=2)
        if vectors.shape[1] != self.mean.numel():
            raise LlmlabError(msg("embeddings.pca_width", width=self.mean.numel(), got=vectors.shape[1]))
        return (vectors.detach().float() - self.mean) @ self.components.T


# ---------------------------------------------------------------------------
# Axes versus directions
# ---------------------------------------------------------------------------


def check_groups(group_a: object, group_b: object, least: int, dims: int = 2) -> tuple[torch.Tensor, torch.Tensor]:
    """Two groups of vectors (rows, ``dims`` = 2) or of single values (``dims`` = 1), checked: float tensors
    of finite numbers, the vectors of the same width, at least ``least`` in each group."""
    group_a, group_b = float_tensor(group_a, "group_a", dims=dims), float_tensor(group_b, "group_b", dims=dims)
    if dims == 2 and group_a.shape[1] != group_b.shape[1]:
        raise LlmlabError(msg("embeddings.group_widths", a=group_a.shape[1], b=group_b.shape[1]))
    if min(len(group_a), len(group_b)) < least:
        raise LlmlabError(msg("embeddings.group_sizes", least=least, a=len(group_a), b=len(group_b)))
    return group_a, group_b


def separation(values_a: torch.Tensor, values_b: torch.Tensor) -> float:
    """How well one number per word tells group A from group B.

    The gap between the two group means divided by the spread inside the groups
    (pooled standard deviation). 0: the groups overlap completely; above 2: hardly any overlap.
    """
    values_a, values_b = check_groups(values_a, values_b, least=2, dims=1)
    gap = (values_a.mean() - values_b.mean()).abs()
    spread = torch.sqrt((values_a.var() + values_b.var()) / 2)
    return (gap / spread).item()


@dataclass(frozen=True)
class SeparationReport:
    """How well a ruler made without a word places that word on its own group's side.

    For every word in turn, the other words choose (a) the single coordinate that best separates
    the groups and (b) the direction mean(A) - mean(B). The held-out word is then measured along
    each, from the midpoint between the two groups: positive means "looks like A".
    """

    in_a: torch.Tensor  # True for the words of group A
    dimension_values: torch.Tensor  # each held-out word on the best single coordinate
    direction_values: torch.Tensor  # each held-out word along the mean-difference direction
    dimensions_chosen: list[int]  # which coordinate was "best" when each word was held out

    def accuracy(self, values: torch.Tensor) -> float:
        """Share of words that land on their own group's side."""
        return ((values > 0) == self.in_a).float().mean().item()

    def score(self, values: torch.Tensor) -> float:
        """:func:`separation` of the held-out values, with a sign: negative when group A lands
        on B's side on average (a held-out test can fail, unlike a fitted one)."""
        a, b = values[self.in_a], values[~self.in_a]
        return separation(a, b) * (1.0 if a.mean() >= b.mean() else -1.0)


def compare_axes_and_direction(group_a: torch.Tensor, group_b: torch.Tensor) -> SeparationReport:
    """Best single coordinate versus mean-difference direction, each judged on words it never saw."""
    group_a, group_b = check_groups(group_a, group_b, least=3)  # a group keeps two words when one is held out
    vectors = torch.cat([group_a, group_b]).detach().float()
    in_a = torch.arange(len(vectors)) < len(group_a)
    dimension_values, direction_values, chosen = [], [], []
    for held_out in range(len(vectors)):
        rest = torch.arange(len(vectors)) != held_out
        a, b = vectors[rest & in_a], vectors[rest & ~in_a]
        midpoint = (a.mean(dim=0) + b.mean(dim=0)) / 2
        offset = vectors[held_out] - midpoint
        scores = (a.mean(dim=0) - b.mean(dim=0)).abs() / torch.sqrt((a.var(dim=0) + b.var(dim=0)) / 2)
        best = int(scores.argmax())
        side = torch.sign(a[:, best].mean() - b[:, best].mean())
        direction = torch.nn.functional.normalize(a.mean(dim=0) - b.mean(dim=0), dim=0)
        dimension_values.append((offset[best] * side).item())
        direction_values.append((offset @ direction).item())
        chosen.append(best)
    return SeparationReport(in_a, torch.tensor(dimension_values), torch.tensor(direction_values), chosen)


def kind_similarities(group_a: torch.Tensor, group_b: torch.Tensor) -> tuple[float, float]:
    """Mean cosine between two different rows of the same group, and between a row of A and a row of B."""
    group_a, group_b = check_groups(group_a, group_b, least=2)
    matrix = cosine_matrix(torch.cat([group_a, group_b]))
    n = len(group_a)
    same = torch.cat([off_diagonal(matrix[:n, :n]), off_diagonal(matrix[n:, n:])]).mean()
    return same.item(), matrix[:n, n:].mean().item()


def direction_shares(group_a: torch.Tensor, group_b: torch.Tensor) -> torch.Tensor:
    """Each coordinate's share of the squared length of mean(A) - mean(B) (the shares add up to 1)."""
    group_a, group_b = check_groups(group_a, group_b, least=1)
    direction = group_a.detach().float().mean(dim=0) - group_b.detach().float().mean(dim=0)
    return direction**2 / (direction**2).sum()


def random_rotation(width: int, seed: int = 0) -> torch.Tensor:
    """A random orthogonal ``width × width`` matrix: multiplying by it keeps every length and angle."""
    width, generator = integer(width, "width", low=1, high=4096), torch.Generator().manual_seed(check_seed(seed))
    rotation, _ = torch.linalg.qr(torch.randn(width, width, generator=generator))
    return rotation


# ---------------------------------------------------------------------------
# Words and rows
# ---------------------------------------------------------------------------


def word_ids(tokenizer: Tokenizer, words: Iterable[str]) -> list[int]:
    """The token id of each word; a word that is not exactly one token raises an LlmlabError."""
    tokenizer, ids = check_tokenizer(tokenizer, "word_ids"), []
    for word in check_lines(words, "words", empty_ok=True):
        try:
            encoded = tokenizer.encode(word) if word.strip() else []
        except UnknownTokenError:
            raise LlmlabError(msg("embeddings.unknown_word", word=word)) from None
        if len(encoded) != 1:
            raise LlmlabError(msg("embeddings.not_one_token", word=word, n=len(encoded)))
        ids.append(encoded[0])
    return ids


def words_of_kind(tokenizer: Tokenizer, kinds: dict[str, str], kind: str) -> list[str]:
    """The words of ``kinds`` (word → kind) that have kind ``kind`` and are one token, in id order."""
    tokenizer, kind, found = check_tokenizer(tokenizer, "words_of_kind"), text(kind, "kind"), []
    for word, word_kind in mapping(kinds, "kinds").items():
        if word_kind == kind and text(word, "word").strip():
            encoded = tokenizer.encode(word)
            if len(encoded) == 1:
                found.append((encoded[0], word))
    return [word for _, word in sorted(found)]


# ---------------------------------------------------------------------------
# Snapshots saved while the shipped model trained
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshots:
    """The embedding tables at several training steps.

    ``token_embedding`` is (steps × vocab × d_model), ``position_embedding`` (steps × context × d_model).
    """

    steps: list[int]
    token_embedding: torch.Tensor
    position_embedding: torch.Tensor

    def index_of(self, step: int) -> int:
        """Which snapshot was saved at ``step``."""
        step = integer(step, "step")
        if step not in self.steps:
            raise LlmlabError(msg("embeddings.unknown_step", step=step, first=self.steps[0], last=self.steps[-1],
                                 every=self.steps[1] - self.steps[0] if len(self.steps) > 1 else 0))
        return self.steps.index(step)

    def similarity_over_time(self, id_a: int, id_b: int) -> list[float]:
        """Cosine between token ``id_a`` and token ``id_b`` at every snapshot."""
        last = self.token_embedding.shape[1] - 1
        id_a, id_b = integer(id_a, "id_a", low=0, high=last), integer(id_b, "id_b", low=0, high=last)
        return [cosine(table[id_a], table[id_b]) for table in self.token_embedding]


class MissingSnapshots(LlmlabError, FileNotFoundError):
    """The snapshot file is not there (an LlmlabError, and a FileNotFoundError as before)."""


T = TypeVar("T")


def read_recording(path: str | Path, build: Callable[[dict], T]) -> T:
    """``build`` applied to what a recording script saved at ``path`` (loaded with ``weights_only=True``).

    A missing file raises ``MissingSnapshots``; a file that is not such a recording, llmlab's own error. A
    KeyError from ``build`` (a recording without what it needs) is passed on for the caller to explain.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise LlmlabTypeError(msg("embeddings.bad_path", kind=kind_of(path)))
    path = Path(path)
    if not path.is_file():
        raise MissingSnapshots(msg("embeddings.no_snapshots", path=path))
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # not a file a script of ours wrote: torch's unpickling errors have no common type
        raise LlmlabError(msg("embeddings.bad_snapshots", path=path, error=type(error).__name__)) from None
    if not isinstance(saved, dict):
        raise LlmlabError(msg("embeddings.bad_snapshots", path=path, error=type(saved).__name__))
    return build(saved)


def load_snapshots(path: str | Path = SNAPSHOT_FILE) -> Snapshots:
    """Read the snapshots that ``scripts/train_checkpoint.py`` wrote."""
    def build(saved: dict) -> Snapshots:
        try:
            return Snapshots(list(saved["steps"]), saved["token_embedding"], saved["position_embedding"])
        except (KeyError, TypeError) as error:
            raise LlmlabError(msg("embeddings.bad_snapshots", path=path, error=type(error).__name__)) from None
    return read_recording(path, build)
