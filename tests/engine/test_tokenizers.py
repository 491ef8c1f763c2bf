"""Tests for llmlab.engine.tokenizers: fast, and never touching the network."""

import hashlib
import time

import pytest
import tiktoken.load
import torch

from llmlab.engine.tokenizers import (
    BPETokenizer,
    CharTokenizer,
    EncodingNotCachedError,
    MergeStep,
    TiktokenTokenizer,
    UnknownTokenError,
    WordTokenizer,
    available_tiktoken_encodings,
    split_chunks,
    tokenizer_from_dict,
    tokens_per_character,
)

TOY = "the cat sat on the mat\nthe dog sat on the log\n"
JAPANESE = "東京は日本の首都です。ちんちんかもかもは古い言葉です。🙂"
RARE_WORD = "ちんちんかもかも"
ENGLISH = (
    "Tokenizers turn text into numbers. The model only ever sees the numbers, "
    "so the way text is cut into tokens shapes what the model can learn. "
) * 20


@pytest.fixture(scope="module")
def cl100k() -> TiktokenTokenizer:
    return TiktokenTokenizer("cl100k_base")


@pytest.fixture(scope="module")
def bpe_training_text() -> str:
    return ENGLISH + (JAPANESE + RARE_WORD + "\n") * 30


@pytest.fixture
def offline_tiktoken(tmp_path, monkeypatch):
    """An empty tiktoken cache, and a test failure if tiktoken tries to fetch any file."""

    def no_network(path: str) -> bytes:
        pytest.fail(f"tiktoken tried to fetch {path}")

    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DATA_GYM_CACHE_DIR", raising=False)
    monkeypatch.setattr(tiktoken.load, "read_file", no_network)
    return tmp_path


# --- characters ------------------------------------------------------------


def test_char_round_trip_and_sorted_vocab():
    tok = CharTokenizer.from_text(TOY)
    assert tok.chars == sorted(set(TOY))
    assert tok.decode(tok.encode(TOY)) == TOY
    assert tok.eos_id == tok.chars.index("\n")


def test_char_japanese_round_trip():
    tok = CharTokenizer.from_text(JAPANESE)
    assert tok.decode(tok.encode(JAPANESE)) == JAPANESE
    assert len(tok.encode(JAPANESE)) == len(JAPANESE)
    assert tok.eos_id is None


def test_char_unknown_lists_each_character_once():
    tok = CharTokenizer.from_text("abc")
    with pytest.raises(UnknownTokenError) as info:
        tok.encode("abxyx")
    assert info.value.unknown == ["x", "y"]
    assert isinstance(info.value, ValueError)


# --- words -----------------------------------------------------------------


def test_word_vocab_and_newlines():
    tok = WordTokenizer.from_text("b a\nc a")
    assert tok.vocab == ["a", "b", "c", "\n", "<unk>"]
    assert tok.eos_id == 3
    assert tok.token_strings(tok.encode("a b\nc")) == ["a", "b", "\n", "c"]
    assert tok.token_strings(tok.encode("a b\n")) == ["a", "b", "\n"]


def test_word_round_trip_has_no_stray_spaces():
    tok = WordTokenizer.from_text(TOY)
    assert tok.decode(tok.encode(TOY)) == TOY
    assert tok.decode(tok.encode("the cat\n\nthe dog")) == "the cat\n\nthe dog"


def test_word_unknown_error_lists_unknown_words():
    tok = WordTokenizer.from_text(TOY)
    with pytest.raises(UnknownTokenError) as info:
        tok.encode("the cow sat on the moon\nthe cow")
    assert info.value.unknown == ["cow", "moon"]
    assert "cow" in str(info.value)


def test_word_unknown_replace_gives_unk():
    tok = WordTokenizer.from_text(TOY, unknown="replace")
    assert tok.token_strings(tok.encode("the cow sat")) == ["the", "<unk>", "sat"]


def test_word_rejects_unknown_policy_name():
    with pytest.raises(ValueError):
        WordTokenizer.from_text(TOY, unknown="ignore")


def test_word_from_vocab_list_adds_special_tokens():
    tok = WordTokenizer(["cat", "dog"])
    assert tok.vocab == ["cat", "dog", "\n", "<unk>"]
    assert tok.decode([0, 1, 2]) == "cat dog\n"


# --- tiktoken (offline) ----------------------------------------------------


def test_cl100k_known_ids(cl100k):
    assert cl100k.encode("hello world") == [15339, 1917]
    assert cl100k.token_strings([15339, 1917]) == ["hello", " world"]
    assert cl100k.decode(cl100k.encode(JAPANESE)) == JAPANESE


def test_cl100k_special_text_is_ordinary_text(cl100k):
    ids = cl100k.encode("<|endoftext|>")
    assert cl100k.eos_id == 100257
    assert cl100k.eos_id not in ids
    assert cl100k.decode(ids) == "<|endoftext|>"


def test_cl100k_shows_partial_characters_as_bytes(cl100k):
    assert cl100k.token_strings(cl100k.encode("🙂")) == ["<0xF0><0x9F>", "<0x99><0x82>"]
    assert cl100k.decode(cl100k.encode("🙂")) == "🙂"


def test_cl100k_rejects_ids_in_gaps(cl100k):
    with pytest.raises(ValueError, match="100261"):
        cl100k.decode([100261])
    with pytest.raises(ValueError):
        cl100k.decode([cl100k.vocab_size])


def test_gpt2_without_cache_raises_clear_error_offline(offline_tiktoken):
    with pytest.raises(EncodingNotCachedError) as info:
        TiktokenTokenizer("gpt2")
    text = str(info.value)
    assert "gpt2" in text and "TIKTOKEN_CACHE_DIR" in text and str(offline_tiktoken) in text
    assert available_tiktoken_encodings() == ["cl100k_base"]


def test_corrupt_cached_file_counts_as_missing(offline_tiktoken):
    url = "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken"
    (offline_tiktoken / hashlib.sha1(url.encode()).hexdigest()).write_bytes(b"not the real file")
    with pytest.raises(EncodingNotCachedError):
        TiktokenTokenizer("o200k_base")


def test_unknown_tiktoken_name():
    with pytest.raises(ValueError, match="p99k"):
        TiktokenTokenizer("p99k")


# --- our own BPE -----------------------------------------------------------


def test_chunks_join_back_to_text():
    text = "Hello,  world!\n\tfoo_bar 42 " + JAPANESE
    assert "".join(split_chunks(text)) == text
    assert split_chunks("the cat sat") == ["the", " cat", " sat"]


def test_bpe_round_trips_anything(bpe_training_text):
    tok = BPETokenizer.train(bpe_training_text, 300)
    for text in [ENGLISH, JAPANESE, "never seen: ÆØÅ 👩‍🔬 \x00", "<|endoftext|>"]:
        assert tok.decode(tok.encode(text)) == text


def test_bpe_rare_word_splits_into_more_pieces_with_smaller_vocab(bpe_training_text):
    small = BPETokenizer.train(bpe_training_text, 260)
    large = BPETokenizer.train(bpe_training_text, 350)
    small_ids, large_ids = small.encode(RARE_WORD), large.encode(RARE_WORD)
    assert len(small_ids) > len(large_ids)
    assert small.decode(small_ids) == large.decode(large_ids) == RARE_WORD


def test_bpe_vocab_layout(bpe_training_text):
    tok = BPETokenizer.train(bpe_training_text, 300)
    assert tok.vocab_size == 300
    assert len(tok.merges) == 300 - 257
    assert tok.eos_id == 299
    assert tok.token_strings([ord("a"), 0xE3, tok.eos_id]) == ["a", "<0xE3>", "<|endoftext|>"]


def test_bpe_merges_are_deterministic_and_most_frequent_first():
    text = "aaab aaab aaab cd cd"
    first = BPETokenizer.train(text, 262).merges
    assert first == BPETokenizer.train(text, 262).merges
    assert first[0] == (ord("a"), ord("a"))
    # In "ab cd" every pair occurs once: the pair with the smaller ids wins each tie.
    steps = list(BPETokenizer.train_steps("ab cd", 5))
    assert steps[0] == MergeStep(pair=(" ", "c"), token=" c", token_id=256, count=1)
    assert [step.token for step in steps] == [" c", "ab", " cd"]


def test_bpe_train_steps_match_train(bpe_training_text):
    steps = list(BPETokenizer.train_steps(bpe_training_text, 5))
    tok = BPETokenizer.train(bpe_training_text, 257 + 5)
    assert [s.token for s in steps] == tok.token_strings(range(256, 261))
    assert [s.count for s in steps] == sorted((s.count for s in steps), reverse=True)


def test_bpe_warns_when_text_runs_out_of_pairs():
    with pytest.warns(UserWarning):
        tok = BPETokenizer.train("ab", 300)
    assert tok.vocab_size == 258


def test_bpe_speed():
    words = [f"w{i}x{i * 7 % 13}" for i in range(2000)]
    text = " ".join(words * 8)[:100_000]
    start = time.perf_counter()
    tok = BPETokenizer.train(text, 500)
    ids = tok.encode(text[:5000])
    assert time.perf_counter() - start < 5
    assert tok.decode(ids) == text[:5000]


# --- shared behaviour ------------------------------------------------------


@pytest.fixture(scope="module")
def all_tokenizers(cl100k, bpe_training_text):
    return [
        CharTokenizer.from_text(TOY),
        WordTokenizer.from_text(TOY, unknown="replace"),
        cl100k,
        BPETokenizer.train(bpe_training_text, 300),
    ]


def test_empty_text_encodes_to_nothing(all_tokenizers):
    for tok in all_tokenizers:
        assert tok.encode("") == []
        assert tok.decode([]) == ""


def test_out_of_range_ids_raise_value_error(all_tokenizers):
    for tok in all_tokenizers:
        for bad in (-1, tok.vocab_size):
            with pytest.raises(ValueError, match=str(bad)):
                tok.decode([bad])


def test_dict_round_trip_through_torch_save(all_tokenizers, tmp_path):
    for tok in all_tokenizers:
        path = tmp_path / f"{tok.name}.pt"
        torch.save({"tokenizer": tok.to_dict()}, path)
        loaded = tokenizer_from_dict(torch.load(path, weights_only=True)["tokenizer"])
        assert type(loaded) is type(tok)
        assert loaded.vocab_size == tok.vocab_size and loaded.eos_id == tok.eos_id
        assert loaded.encode(TOY) == tok.encode(TOY)


def test_from_dict_rejects_unknown_kind():
    with pytest.raises(ValueError, match="sentencepiece"):
        tokenizer_from_dict({"kind": "sentencepiece"})


def test_tokens_per_character(cl100k):
    assert tokens_per_character(CharTokenizer.from_text(TOY), TOY) == 1.0
    assert tokens_per_character(cl100k, ENGLISH) < 0.3
    with pytest.raises(ValueError):
        tokens_per_character(cl100k, "")
