"""Lessons 03 (tokens) and 04 (embeddings): the engine's claims and the widgets, without a browser."""

import pytest
import torch

from llmlab.toy.corpus import word_kinds
from llmlab.studies.embeddings import (
    PCA,
    SeparationReport,
    compare_axes_and_direction,
    cosine,
    cosine_matrix,
    direction_shares,
    kind_similarities,
    load_snapshots,
    lookup_by_one_hot,
    mean_similarity_at_offset,
    one_hot,
    random_rotation,
    separation,
    similarity_rank,
    word_ids,
    words_of_kind,
)
from llmlab.messages import msg
from llmlab.engine.tokenizers import BPETokenizer, CharTokenizer, TiktokenTokenizer, WordTokenizer
from llmlab.ui.widgets.embeddings import EmbeddingReplay
from llmlab.ui.widgets.tokens import TokenizerPlayground, chips_html

RARE_WORD = "ちんちんかもかも"


@pytest.fixture(scope="module")
def snapshots():
    return load_snapshots()


# --- lesson 03 ---


@pytest.fixture(scope="module")
def playground():
    bpe = BPETokenizer.train("the cat sat on the mat. 猫 が 寝る。" * 20, vocab_size=270)
    tokenizers = {
        "characters": CharTokenizer.from_text("the cat sat"),
        "toy words": WordTokenizer.from_text("the cat sat"),
        "bpe": bpe,
        "cl100k_base": TiktokenTokenizer("cl100k_base"),
    }
    return TokenizerPlayground(tokenizers, "the cat")


def test_playground_shows_chips_and_count(playground):
    playground.set_tokenizer("toy words")
    playground.set_text("the cat sat")
    assert playground.pieces == ["the", "cat", "sat"]
    assert playground.chips.value.count("<span") == 3
    assert "3" in playground.count.value


def test_playground_japanese_under_byte_level_tokenizers(playground):
    playground.set_text(RARE_WORD)
    for name in ("bpe", "cl100k_base"):
        playground.set_tokenizer(name)
        assert playground.ids and "".join(playground.pieces)  # encoded, never unknown
        assert playground.tokenizers[name].decode(playground.ids) == RARE_WORD


def test_playground_unknown_words_become_a_message(playground):
    playground.set_tokenizer("toy words")
    playground.set_text("the zebra")
    assert playground.pieces == [] and "zebra" in playground.message.value
    playground.set_tokenizer("characters")
    playground.set_text(RARE_WORD)
    assert "ち" in playground.message.value


def test_playground_empty_text_and_unknown_tokenizer(playground):
    playground.set_text("")
    assert playground.message.value.endswith(msg("widgets.tokens.empty") + "</span>")
    playground.set_tokenizer("no such tokenizer")
    assert "no such tokenizer" in playground.message.value


def test_chips_escape_html_and_show_whitespace():
    html = chips_html(["<b>", " a"], [1, 2])
    assert "&lt;b&gt;" in html and "␣a" in html


def test_more_merges_cost_fewer_tokens():
    text = "the quick brown fox jumps over the lazy dog. 猫 が 庭 で 寝る。" * 30
    big = BPETokenizer.train(text, vocab_size=300)
    counts = [len(BPETokenizer(big.merges[: size - 257]).encode(RARE_WORD + text)) for size in (257, 280, 300)]
    assert counts[0] > counts[1] >= counts[2]


# --- lesson 04 ---


def test_lookup_is_one_hot_times_table(shipped):
    model, tokenizer = shipped
    ids = tokenizer.encode("the cat sleeps")
    table = model.token_embedding.weight.detach()
    assert one_hot([2], 4).tolist() == [[0.0, 0.0, 1.0, 0.0]]
    assert torch.allclose(model.token_embedding(torch.tensor(ids)), lookup_by_one_hot(table, ids))


def test_cosine_and_pca_basics():
    assert cosine(torch.tensor([1.0, 2.0]), torch.tensor([2.0, 4.0])) == pytest.approx(1.0)
    assert cosine_matrix(torch.eye(3)).tolist() == torch.eye(3).tolist()
    points = torch.randn(50, 5, generator=torch.Generator().manual_seed(0)) * torch.tensor([5.0, 1, 1, 1, 1])
    pca = PCA.fit(points)
    assert pca.components[0, 0].abs() > 0.9 and pca.explained[0] > 0.5
    assert torch.equal(PCA.fit(points).components, pca.components)  # same picture every time


def test_separation_is_zero_for_identical_groups():
    values = torch.tensor([1.0, 2.0, 3.0])
    assert separation(values, values) == 0.0


def test_snapshots_end_at_the_shipped_table(shipped, snapshots):
    model, _ = shipped
    assert snapshots.steps[0] == 0
    assert torch.allclose(snapshots.token_embedding[-1], model.token_embedding.weight.detach())
    with pytest.raises(ValueError, match="No snapshot"):
        snapshots.index_of(-5)


def test_training_brings_words_of_one_kind_closer_than_words_of_two_kinds(shipped, snapshots):
    _, tokenizer = shipped
    kinds = word_kinds()
    rows = [word_ids(tokenizer, [w for w in words_of_kind(tokenizer, kinds, kind) if w.isascii()])
            for kind in ("animal", "vehicle")]
    start_same, start_different = kind_similarities(*(snapshots.token_embedding[0][r] for r in rows))
    same, different = kind_similarities(*(snapshots.token_embedding[-1][r] for r in rows))
    assert same - start_same > different - start_different  # the change, not the end state


def test_rotation_keeps_the_direction_and_the_trained_axes_are_not_special(shipped, snapshots):
    """Lesson 04, section 4: a coordinate separates animals from vehicles, but rotated copies have such too."""
    _, tokenizer = shipped
    kinds = word_kinds()
    final = snapshots.token_embedding[-1]
    a, b = (final[word_ids(tokenizer, [w for w in words_of_kind(tokenizer, kinds, kind) if w.isascii()])]
            for kind in ("animal", "vehicle"))
    rotations = [random_rotation(final.shape[1], seed) for seed in range(20)]  # as in the lesson
    assert torch.allclose(rotations[3] @ rotations[3].T, torch.eye(final.shape[1]), atol=1e-5)
    shares = direction_shares(a, b)
    assert shares.sum().item() == pytest.approx(1.0)
    trained = compare_axes_and_direction(a, b)
    assert trained.accuracy(trained.dimension_values) == 1.0 and len(set(trained.dimensions_chosen)) == 1
    assert shares.argmax() != trained.dimensions_chosen[0]  # the best separator: not the direction's largest share
    rotated = [compare_axes_and_direction(a @ r, b @ r) for r in rotations]
    assert all(r.accuracy(r.direction_values) == 1.0 for r in rotated)
    assert sum(r.accuracy(r.dimension_values) == 1.0 for r in rotated) >= 5  # "many of the rotated copies"
    largest = torch.tensor([direction_shares(a @ r, b @ r).max().item() for r in rotations])
    assert shares.max() <= largest.median()  # no larger than in a typical rotated copy


def test_held_out_separation_is_negative_when_words_land_on_the_wrong_side():
    report = SeparationReport(torch.tensor([True, True, False, False]), torch.tensor([-1.0, -1.2, 1.0, 1.1]),
                              torch.tensor([1.0, 1.2, -1.0, -1.1]), [0, 0, 0, 0])
    assert report.score(report.dimension_values) < 0 < report.score(report.direction_values)


def test_direction_beats_best_single_dimension_after_training(shipped, snapshots):
    _, tokenizer = shipped
    kinds = word_kinds()
    final = snapshots.token_embedding[-1]
    animals = [w for w in words_of_kind(tokenizer, kinds, "animal") if w.isascii()]
    vehicles = [w for w in words_of_kind(tokenizer, kinds, "vehicle") if w.isascii()]
    report = compare_axes_and_direction(final[word_ids(tokenizer, animals)], final[word_ids(tokenizer, vehicles)])
    assert report.score(report.direction_values) > report.score(report.dimension_values)
    assert report.accuracy(report.direction_values) >= 0.9


def test_the_rulers_by_hand_are_compare_axes_and_direction_s_first_word(shipped, snapshots):
    """Lesson 04, section 4: the cell that leaves out the first animal word by hand, then the helper."""
    _, tokenizer = shipped
    kinds = word_kinds()
    final = snapshots.token_embedding[-1]
    animals = [w for w in words_of_kind(tokenizer, kinds, "animal") if w.isascii()]
    vehicles = [w for w in words_of_kind(tokenizer, kinds, "vehicle") if w.isascii()]
    animal_rows, vehicle_rows = word_ids(tokenizer, animals), word_ids(tokenizer, vehicles)
    a, b = final[animal_rows[1:]], final[vehicle_rows]
    offset = final[animal_rows[0]] - (a.mean(dim=0) + b.mean(dim=0)) / 2
    separations = (a.mean(dim=0) - b.mean(dim=0)).abs() / torch.sqrt((a.var(dim=0) + b.var(dim=0)) / 2)
    best = int(separations.argmax())
    on_best = offset[best] * torch.sign(a[:, best].mean() - b[:, best].mean())
    direction = a.mean(dim=0) - b.mean(dim=0)
    along = offset @ direction / direction.norm()
    report = compare_axes_and_direction(final[animal_rows], final[vehicle_rows])
    assert report.dimensions_chosen[0] == best  # "the same as by hand: True"
    assert torch.allclose(torch.stack([report.dimension_values[0], report.direction_values[0]]),
                          torch.stack([on_best, along]))
    assert on_best > 0 and along > 0  # the left-out animal lands on the animals' side of both rulers


def test_the_token_row_plus_the_position_row_is_the_first_hidden_state_exactly(shipped):
    """Lesson 04, section 5: 'cat' at position 2, token row + position row, against blocks.0.resid_pre."""
    model, tokenizer = shipped
    ids = tokenizer.encode("EN: the cat near the dog")
    _, trace = model.run_with_trace(ids)
    assert tokenizer.token_strings([ids[2]]) == ["cat"]
    with torch.no_grad():
        rows = model.token_embedding.weight[ids] + model.position_embedding.weight[: len(ids)]
    assert torch.equal(rows, trace["blocks.0.resid_pre"])  # every position, bit for bit


def test_neighbouring_positions_become_similar(snapshots):
    trained = snapshots.position_embedding[-1]
    assert mean_similarity_at_offset(trained, 1) > mean_similarity_at_offset(trained, 10)
    with pytest.raises(ValueError):
        mean_similarity_at_offset(trained, 0)


def test_similarity_rank():
    table = torch.tensor([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    assert similarity_rank(table, 0, 1) == 1 and similarity_rank(table, 0, 2) == 2


def test_word_ids_rejects_unknown_and_empty(shipped):
    _, tokenizer = shipped
    with pytest.raises(ValueError):
        word_ids(tokenizer, ["zebra"])
    with pytest.raises(ValueError):
        word_ids(tokenizer, [""])


def test_embedding_replay_slider_and_words(shipped, snapshots):
    _, tokenizer = shipped
    kinds = word_kinds()
    words = [w for kind in ("animal", "vehicle") for w in words_of_kind(tokenizer, kinds, kind)]
    replay = EmbeddingReplay(snapshots, tokenizer, words, kinds)
    first_picture = replay.image.value
    replay.set_step(snapshots.steps[0])
    assert replay.step == snapshots.steps[0] and replay.image.value != first_picture
    assert "cat–dog" in replay.message.value
    replay.set_step(snapshots.steps[0] + 1)
    assert replay.step == snapshots.steps[0] and "No snapshot" in replay.message.value
    replay.set_words("cat", "", "car")
    assert msg("widgets.embeddings.empty_word") in replay.message.value
    replay.set_words("cat", "zebra", "car")
    assert "zebra" in replay.message.value
    replay.set_words("猫", "犬", "車")
    assert "猫–犬" in replay.series
