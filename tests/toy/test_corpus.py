"""The toy corpus: reproducible files and exact next-word probabilities."""

import math
from collections import Counter
from pathlib import Path

import pytest

from llmlab.toy import corpus
from llmlab.messages import msg
from llmlab.paths import DATA_DIR

SINGULAR_NOUNS = {"cat", "dog", "bird", "rabbit", "car", "train", "bus", "boat"}
PLURAL_NOUNS = {"cats", "dogs", "birds", "rabbits", "cars", "trains", "buses", "boats"}


@pytest.fixture(scope="module")
def train() -> list[str]:
    return corpus.load_corpus()[0]


@pytest.fixture(scope="module")
def sample() -> list[list[str]]:
    return [line.split(" ") for line in corpus.generate_lines(300, seed=123)]


def test_regenerating_gives_identical_files(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path)
    for name in ("toy_train.txt", "toy_val.txt"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes()


def test_files_are_small_and_split_into_lines() -> None:
    sizes = [(DATA_DIR / name).stat().st_size for name in ("toy_train.txt", "toy_val.txt")]
    assert sum(sizes) < 1_000_000
    train, val = corpus.load_corpus()
    assert (len(train), len(val)) == (corpus.TRAIN_LINES, corpus.VAL_LINES)
    assert train[:5] != val[:5]


def test_lines_fit_the_token_budget(train: list[str]) -> None:
    assert max(len(line.split(" ")) + 1 for line in train) <= corpus.MAX_LINE_TOKENS


def test_vocabulary_is_exactly_the_words_used(train: list[str]) -> None:
    vocab = corpus.vocabulary()
    assert len(vocab) == len(set(vocab)) <= 110
    used = {word for line in train for word in line.split(" ")} | {corpus.END}
    assert used == set(vocab)
    assert set(corpus.word_kinds()) == set(vocab)
    assert set(corpus.translation_pairs()) | set(corpus.translation_pairs().values()) <= set(vocab)


def test_every_distribution_sums_to_one(sample: list[list[str]]) -> None:
    vocab = set(corpus.vocabulary())
    for words in sample:
        for i in range(len(words) + 1):
            dist = corpus.next_word_distribution(words[:i])
            assert math.isclose(sum(dist.values()), 1.0, abs_tol=1e-12)
            assert all(p > 0 for p in dist.values()) and set(dist) <= vocab


def test_sampling_frequencies_match_the_probabilities(train: list[str]) -> None:
    first_words = Counter(line.split(" ")[0] for line in train)
    for word, p in corpus.next_word_distribution([]).items():
        assert first_words[word] / len(train) == pytest.approx(p, abs=0.02)
    english = [line for line in train if line.startswith("EN:")]
    p_near = corpus.next_word_distribution(["EN:", "the", "cat"])["near"]
    share_near = sum(" near " in line for line in english) / len(english)
    assert share_near == pytest.approx(p_near, abs=0.03)


def test_logprobs_are_finite_and_answers_certain(sample: list[list[str]]) -> None:
    for words in sample:
        logprobs = corpus.line_logprobs(words)
        assert len(logprobs) == len(words) + 1
        assert all(math.isfinite(lp) and lp <= 0 for lp in logprobs)
        # Everything after "JA:" (the translation) or "?" (the answer) is certain, "\n" too.
        start = words.index("JA:") if words[0] == "EN:" else words.index("?")
        assert logprobs[start:] == [0.0] * (len(words) + 1 - start)


def test_entropy_per_token_is_the_mean_negative_logprob(sample: list[list[str]]) -> None:
    lines = [" ".join(words) for words in sample[:20]]
    logprobs = [lp for words in sample[:20] for lp in corpus.line_logprobs(words)]
    assert corpus.entropy_per_token(lines) == pytest.approx(-sum(logprobs) / len(logprobs))


def test_verb_agrees_with_the_subject_not_the_distractor(train: list[str]) -> None:
    for line in train:
        words = line.split(" ")
        if words[0] != "EN:":
            continue
        subject = words[2] if words[2] in SINGULAR_NOUNS | PLURAL_NOUNS else words[3]
        verb = words[words.index("in") - 1]
        assert (subject in PLURAL_NOUNS) == (not verb.endswith("s")), line
    after_distractor = corpus.next_word_distribution(["EN:", "the", "cats", "near", "the", "dog"])
    assert after_distractor == pytest.approx({"play": 1 / 3, "sleep": 1 / 3, "eat": 1 / 3})


def test_japanese_translation() -> None:
    def translate(english: str) -> str:
        words = english.split(" ") + ["JA:"]
        while (dist := corpus.next_word_distribution(words)) != {corpus.END: 1.0}:
            (word,) = dist
            words.append(word)
        return " ".join(words[words.index("JA:") + 1:])

    assert translate("EN: the cat plays in the garden") == "猫 が 庭 で 遊ぶ"
    assert translate("EN: the small cats near the big dog sleep in the house") == (
        "大きい 犬 の 近く の 小さい 猫 たち が 家 で 寝る"
    )
    assert translate("EN: the buses near the birds stop in the station") == (
        "鳥 たち の 近く の バス が 駅 で 止まる"
    )


@pytest.mark.parametrize("words", [
    ["the"],
    ["EN:", "the", "cat", "sleep"],
    ["EN:", "the", "dog", "runs"],
    ["ken", "has", "the", "red", "ball", ".", "ken"],
    ["ken", "has", "the", "red", "ball", ".", "mia", "has", "the", "red", "cup", ".", "what",
     "does", "tom"],
    ["EN:", "the", "cat", "plays", "in", "the", "garden", "JA:", "犬"],
])
def test_impossible_prefix_raises(words: list[str]) -> None:
    with pytest.raises(ValueError):
        corpus.next_word_distribution(words)
    with pytest.raises(ValueError):
        corpus.line_logprobs(words)


def test_nothing_follows_the_end_of_a_line() -> None:
    line = "EN: the cat plays in the garden JA: 猫 が 庭 で 遊ぶ".split(" ")
    assert corpus.next_word_distribution(line) == {corpus.END: 1.0}
    with pytest.raises(ValueError) as error:
        corpus.next_word_distribution([*line, corpus.END])
    assert str(error.value) == msg("corpus.line_ended")
    with pytest.raises(ValueError):
        corpus.line_logprobs(line[:-1])  # an unfinished line cannot end here
