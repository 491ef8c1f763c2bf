"""Lessons 00–04 in Japanese: what their code cells print and the labels they hand to figures and widgets.

The cells print with ``printouts.say("lessonNN.key", ...)`` and name their tokenizers, texts, runs and
stages with ``msg(...)``, so the Japanese lessons run the English code and show Japanese. Here every
such template is filled in, and every figure and widget is built with the labels the lessons give it,
after ``set_language("ja")``; no English word may remain (the scan of test_japanese_display).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.messages import CATALOGUES, msg, set_language
from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters, total
from llmlab.ui.plots.embeddings import plot_neighbour_similarity, plot_similarity_heatmaps
from llmlab.ui.plots.params import embedding_share_figure, four_numbers_figure
from llmlab.ui.plots.tokens import plot_language_bars, plot_tokens_per_character
from llmlab.ui.printouts import component_name, say
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.ui.widgets.params import TransformerCalculator
from llmlab.ui.widgets.tokens import TokenizerPlayground

from screen_text import english_words, figure_texts, sample_values, widget_texts

pytestmark = pytest.mark.usefixtures("japanese")  # every test runs in Japanese (tests/conftest.py)

LESSONS = ("lesson00.", "lesson01.", "lesson02.", "lesson03.", "lesson04.")
PYTHON_VALUES = {"True", "False"}  # what a cell's comparison prints, in any language


def english(texts) -> list[str]:
    """One line per distinct text with English words (the printed True/False of a comparison aside)."""
    return [f"{text!r}: {words}" for text in dict.fromkeys(texts)
            if (words := [word for word in english_words(text) if word not in PYTHON_VALUES])]


def test_every_printout_of_lessons_00_to_04_is_japanese(capsys):
    keys = [key for key in CATALOGUES["ja"] if key.startswith(LESSONS)]
    assert len(keys) > 100  # the lessons' printouts and names
    for key in keys:
        say(key, **sample_values(CATALOGUES["ja"][key]))
    assert not english(capsys.readouterr().out.splitlines())
    assert not english(component_name(part) for part in formula_parameters(PUBLISHED_CONFIGS["GPT-2 small"]))


def test_the_scan_sees_english_printouts():
    set_language("en")
    assert english([msg("lesson04.rulers", **sample_values(CATALOGUES["en"]["lesson04.rulers"]))])
    assert not english(["一致するか: True"])


def test_figures_and_widgets_with_the_lessons_labels_are_japanese():
    """Lessons 01, 03 and 04 build these with their own names; built here as the lessons build them."""
    model, tokenizer, _ = load_shipped_model()
    our_model = msg("lesson00.our_model")
    counts = {our_model: formula_parameters(model.config)} | {
        name: formula_parameters(config) for name, config in PUBLISHED_CONFIGS.items()}
    gpt2 = PUBLISHED_CONFIGS["GPT-2 small"]
    four_numbers = {"GPT-2 small": {"parameters": total(counts["GPT-2 small"]), "vocab_size": gpt2.vocab_size,
                                    "context_length": gpt2.context_length, "training_tokens": None}}
    texts = {msg("lesson03.toy_corpus"): "EN: the cat sleeps", msg("lesson03.shakespeare"): "the king"}
    tokenizers = {msg("lesson03.characters"): CharTokenizer.from_text("the cats 猫"),
                  msg("lesson03.toy_words"): tokenizer, msg("lesson03.our_bpe", size=300): tokenizer,
                  "cl100k_base": tokenizer}
    english_name, japanese_name = msg("lesson03.english"), msg("lesson03.japanese")
    bars = {name: {english_name: 1.0, japanese_name: 2.0} for name in tokenizers}
    figures = {
        "four_numbers_figure": four_numbers_figure(four_numbers),
        "embedding_share_figure": embedding_share_figure(counts),
        "plot_tokens_per_character": plot_tokens_per_character(
            [257, 300], {name: [1.0, 0.8] for name in texts}, {f"cl100k_base, {name}": 0.3 for name in texts}),
        "plot_language_bars": plot_language_bars(
            {msg("plots.tokens_per_character"): bars, msg("plots.tokens_per_sentence"): bars}),
        "plot_similarity_heatmaps": plot_similarity_heatmaps(
            {msg("plots.step_random", step=0): torch.eye(2), msg("plots.step_trained", step=2500): torch.eye(2)},
            ["cat", "dog"]),
        "plot_neighbour_similarity": plot_neighbour_similarity(
            [1, 2], {msg("plots.step", step=0): [0.1, 0.0], msg("plots.step", step=2500): [0.5, 0.2]}),
    }
    found = {name: english(figure_texts(figure)) for name, figure in figures.items()}
    calculator = TransformerCalculator({our_model: model.config, **PUBLISHED_CONFIGS})
    playground = TokenizerPlayground(tokenizers, "the cats sleep 猫 が 寝る")
    for name, panel in {"TransformerCalculator": calculator, "TokenizerPlayground": playground}.items():
        found[name] = english([*widget_texts(panel.view), *figure_texts(panel.figure)])
    assert not any(found.values()), found


def test_printing_loads_no_model_code():
    """Lesson 03 prints with ``say`` from its first cell, then shows that BPE training never loaded
    llmlab.engine.model."""
    code = "import sys, llmlab.ui.printouts; print('llmlab.engine.model' in sys.modules, 'matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
