"""The attention and hidden-state explorers, driven through their Python API (no browser)."""

from pathlib import Path

import pytest
import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import CharTokenizer, WordTokenizer
from llmlab.ui.widgets.attention import AttentionExplorer
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer

WORDS = WordTokenizer("EN: JA: the cats near big car sleep in garden 猫 たち が 庭 で 寝る".split())
TEXT = "EN: the cats near the big car sleep in the garden JA:"
EXPLORERS = [AttentionExplorer, HiddenStateExplorer]


def tiny_model(vocab_size: int, context_length: int = 16) -> GPT:
    torch.manual_seed(0)
    config = GPTConfig(vocab_size=vocab_size, context_length=context_length, d_model=16, n_heads=2, n_layers=2)
    return GPT(config).eval()


@pytest.fixture(scope="module")
def word_model() -> GPT:
    return tiny_model(WORDS.vocab_size)


def is_error(explorer) -> bool:
    return "#b00020" in explorer.message.value


@pytest.mark.parametrize("kind", EXPLORERS)
def test_default_text_runs_without_a_message(kind, word_model):
    explorer = kind(word_model, WORDS)
    assert explorer.text_box.value == TEXT
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert not is_error(explorer)


def test_slider_moves_change_the_image_but_never_rebuild_the_figure(word_model):
    explorer = AttentionExplorer(word_model, WORDS)
    figure, before = explorer.figure, explorer.image.value
    explorer.head_slider.value = 1
    assert explorer.image.value != before
    explorer.select(layer=1, head=0, query=3)
    explorer.temperature_slider.value = 0.25
    assert explorer.figure is figure and explorer.plot.figure is figure
    assert "position 3" in explorer.reads.value and not is_error(explorer)


def test_hidden_state_layers_change_the_image_and_the_lens_table(word_model):
    explorer = HiddenStateExplorer(word_model, WORDS)
    figure, before, chosen = explorer.figure, explorer.image.value, explorer.lens_highlight.value
    explorer.layer_slider.value = 0
    assert explorer.image.value != before and explorer.lens_highlight.value != chosen
    assert ".lens-col-0 " in explorer.lens_highlight.value and 'class="lens-col-0"' in explorer.lens_table.value
    assert explorer.figure is figure and "after block 1" in explorer.lens_table.value
    assert explorer.layer_slider.label == "embeddings" and "embeddings" in explorer.plot.title.get_text()
    explorer.select(layer=1)
    assert explorer.layer_slider.label == "after block 0" and explorer.plot.title.get_text().endswith("after block 0")


@pytest.mark.parametrize("kind", EXPLORERS)
def test_text_change_updates_every_view(kind, word_model):
    explorer = kind(word_model, WORDS)
    before = explorer.image.value
    explorer.text_box.value = "EN: the cats sleep JA: 猫 たち が"  # what pressing Enter does
    assert explorer.tokens[-1] == "が" and explorer.image.value != before and not is_error(explorer)


@pytest.mark.parametrize("kind", EXPLORERS)
def test_empty_text_gives_a_message_and_keeps_the_picture(kind, word_model):
    explorer = kind(word_model, WORDS)
    before = explorer.image.value
    explorer.set_text("  ")
    assert is_error(explorer) and "nothing to run" in explorer.message.value
    assert explorer.image.value == before


@pytest.mark.parametrize("kind", EXPLORERS)
def test_unknown_words_are_named(kind, word_model):
    explorer = kind(word_model, WORDS)
    explorer.set_text("EN: the zebra sleep")
    assert is_error(explorer) and "zebra" in explorer.message.value


@pytest.mark.parametrize("kind", EXPLORERS)
def test_too_long_text_keeps_the_last_context_length_tokens(kind, word_model):
    explorer = kind(word_model, WORDS)
    explorer.set_text(" ".join(["the cats"] * 12))  # 24 tokens, context 16
    assert len(explorer.tokens) == 16 and "dropped" in explorer.message.value and not is_error(explorer)


def test_bad_layer_or_head_in_the_api_lists_the_valid_range(word_model):
    attention = AttentionExplorer(word_model, WORDS)
    with pytest.raises(ValueError, match="blocks 0 to 1; there is no block 2"):
        attention.select(layer=2)
    with pytest.raises(ValueError, match="heads 0 to 1; there is no head 5"):
        attention.select(head=5)
    with pytest.raises(ValueError, match=r"0 \(the embeddings\) to 2 .*; there is no hidden state 3"):
        HiddenStateExplorer(word_model, WORDS).select(layer=3)


def test_errors_in_callbacks_land_in_the_message_area(word_model):
    explorer = AttentionExplorer(word_model, WORDS)
    explorer.guard(explorer.select)(head=9)
    assert is_error(explorer) and "no head 9" in explorer.message.value


@pytest.mark.parametrize("kind", EXPLORERS)
def test_a_character_model_works_too(kind):
    tokenizer = CharTokenizer.from_text("hello world, a tiny text\n")
    explorer = kind(tiny_model(tokenizer.vocab_size, context_length=32), tokenizer)
    assert explorer.tokens == list("hello world") and not is_error(explorer)
    explorer.set_text("a tiny text\nhello")
    assert explorer.tokens[11] == "\n" and not is_error(explorer)
    explorer.set_text("hello!")
    assert is_error(explorer) and "cannot read &#x27;!&#x27;" in explorer.message.value


def test_save_writes_png_and_svg(tmp_path: Path, word_model):
    explorer = AttentionExplorer(word_model, WORDS)
    paths = explorer.save(tmp_path)
    assert [p.suffix for p in paths] == [".png", ".svg"] and all(p.stat().st_size > 0 for p in paths)


def test_save_never_replaces_a_file_it_did_not_write(tmp_path: Path, word_model):
    mine = tmp_path / "attention.png"
    mine.write_bytes(b"the learner's picture")
    explorer = AttentionExplorer(word_model, WORDS)
    paths = explorer.save(tmp_path)
    assert mine.read_bytes() == b"the learner's picture"
    assert [p.name for p in paths] == ["attention-2.png", "attention-2.svg"]
    assert explorer.save(tmp_path) == paths  # its own files it may replace
