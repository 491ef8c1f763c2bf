"""In a Japanese run (``set_language("ja")``), no widget and no figure of the lessons shows English.

Every widget of every lesson is built as the lessons build it and driven a little (so its messages
appear); every figure function the lessons call is drawn. Then every string a learner can see is
collected: control labels, menu options, tooltips, placeholders, HTML and message text; figure
titles, axis labels, tick labels, legends, annotations. No English word may remain, except the
toy corpus's own tokens, code names, units and model names (``ALLOWED``, tests/screen_text.py); every
character of a
figure must be in its fonts, and every Japanese control label must fit or be given room.

Labels that a lesson's own code cell types (e.g. the names of its tokenizers or runs) are the
lessons' business, not the library's: where a figure takes such labels, this test passes
neutral ones (code names, numbers).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import ipywidgets as widgets
import numpy as np
import pytest
import torch
from matplotlib.figure import Figure

from llmlab.studies.attention_math import softmax_sharpness
from llmlab.toy.corpus import word_kinds
from llmlab.studies.embeddings import Snapshots, compare_axes_and_direction, load_snapshots, word_ids, words_of_kind
from llmlab.studies.head_roles import ABLATIONS, TASKS, AblationEffects, AttentionStatistics
from llmlab.toy.kinds import KINDS, LINE_KINDS, KindLoss
from llmlab.studies.knowledge import KnowledgeTable, LensScores, model_parts
from llmlab.studies.kv_cache import step_times
from llmlab.messages import msg
from llmlab.engine.model import GPT, causal_mask
from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters, total
from llmlab.ui.plots.attention import AttentionFigure
from llmlab.ui.plots.embeddings import (plot_coordinates, plot_neighbour_similarity, plot_separation,
                                     plot_similarity_heatmaps)
from llmlab.ui.plots.generation import causal_mask_figure, mask_losses_figure, step_times_figure
from llmlab.ui.plots.head_roles import ablation_figure, attention_statistics_figure
from llmlab.studies.copying import CHANGES, load_copying_snapshots
from llmlab.ui.plots.copying import copying_replay_figure, head_accuracy_figure, stream_patching_figure
from llmlab.ui.plots.knowledge import knowledge_figure, lens_figure, selectivity_figure
from llmlab.ui.plots.neurons import weight_vs_bias_figure
from llmlab.ui.plots.params import embedding_share_figure, four_numbers_figure, memory_figure
from llmlab.ui.plots.pipeline import pipeline_figure
from llmlab.ui.plots.qkv import sharpness_figure
from llmlab.ui.plots.token_labels import can_draw, token_labels
from llmlab.ui.plots.tokens import plot_language_bars, plot_tokens_per_character
from llmlab.ui.plots.training import cost_figure, learning_rate_figure, loss_by_kind_figure
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.engine.training import History
from llmlab.studies.training_cost import StepTimes
from llmlab.ui.widgets.attention import AttentionExplorer
from llmlab.ui.widgets.base import WidgetPanel
from llmlab.ui.widgets.embeddings import EmbeddingReplay
from llmlab.ui.widgets.generation import NextTokenExplorer
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer
from llmlab.ui.widgets.neurons import AttentionBiasWidget, NeuronWidget
from llmlab.ui.widgets.params import MLPCalculator, TransformerCalculator
from llmlab.ui.widgets.qkv import QKVWidget
from llmlab.ui.widgets.tokens import TokenizerPlayground
from llmlab.ui.widgets.training import LiveCopyingPlot, LiveLossPlot

from screen_text import controls_of, english_words, figure_texts, shown_html, widget_texts

pytestmark = pytest.mark.usefixtures("japanese")  # every test runs in Japanese (tests/conftest.py)

TEXT = "EN: the cats near the big car sleep in the garden JA:"
FACT_LINE = "ken has the red ball . mia has the blue cup . what does ken have ? the red ball"
LONGEST_DEFAULT_LABEL = 10  # Latin characters that fit ipywidgets' default description width (80 px)


def english_in(texts: Iterator[str]) -> list[str]:
    """One line per distinct text that has English words: the text, then those words."""
    return [f"{text!r}: {words}" for text in dict.fromkeys(texts) if (words := english_words(text))]


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)


def first_and_last_snapshots() -> Snapshots:
    """The embedding replay's snapshots, only the first and the last (the labels do not depend on how many)."""
    saved = load_snapshots()
    return Snapshots([saved.steps[0], saved.steps[-1]], saved.token_embedding[[0, -1]],
                     saved.position_embedding[[0, -1]])


def lesson_panels(model: GPT, tokenizer) -> dict[str, WidgetPanel]:
    """Every widget of the lessons, built as the lessons build them, each driven a little."""
    kinds = word_kinds()
    words = [word for kind in ("animal", "vehicle", "place") for word in words_of_kind(tokenizer, kinds, kind)]
    transformer = TransformerCalculator({"tiny_model": model.config, **PUBLISHED_CONFIGS})
    transformer.set(d_model=96)
    next_token = NextTokenExplorer(model, tokenizer, "EN: the", seed=0)
    next_token.sample()
    next_token.greedy()
    next_token.set(temperature=0.5, top_k=3)
    loss_plot = LiveLossPlot(20, floor=1.2)
    for step in range(3):
        loss_plot.on_step(step, 3.0 - step)
    loss_plot.add_validation(2, 2.5)
    copying_plot = LiveCopyingPlot(tokenizer, [FACT_LINE], 4000)
    copying_plot.on_eval(0, model)
    playground = TokenizerPlayground({"char_tokenizer": CharTokenizer.from_text(TEXT), "word_tokenizer": tokenizer},
                                     "the cats sleep in the garden 猫 が 寝る")
    playground.set_tokenizer("char_tokenizer")
    return {
        "MLPCalculator": MLPCalculator(sizes=(10, 100, 1)),
        "TransformerCalculator": transformer,
        "NeuronWidget": NeuronWidget(w1=1.0, w2=1.0, b=0.0),
        "AttentionBiasWidget": AttentionBiasWidget(),
        "TokenizerPlayground": playground,
        "EmbeddingReplay": EmbeddingReplay(first_and_last_snapshots(), tokenizer, words, kinds,
                                           pair=("cat", "dog", "car")),
        "QKVWidget": QKVWidget(),
        "NextTokenExplorer": next_token,
        "AttentionExplorer": AttentionExplorer(model, tokenizer),
        "HiddenStateExplorer": HiddenStateExplorer(model, tokenizer, TEXT),
        "LiveLossPlot": loss_plot,
        "LiveCopyingPlot": copying_plot,
    }


def lesson_figures(model: GPT, tokenizer) -> dict[str, Figure]:
    """Every figure function the lessons call, with inputs shaped like the lessons' own."""
    rng = np.random.default_rng(0)
    n_layers, n_heads = model.config.n_layers, model.config.n_heads
    counts = {name: formula_parameters(config) for name, config in PUBLISHED_CONFIGS.items()}
    snapshots = load_snapshots()
    cat_dog_car = word_ids(tokenizer, ["cat", "dog", "car"])
    final = snapshots.token_embedding[-1]
    kinds = word_kinds()
    animals = word_ids(tokenizer, words_of_kind(tokenizer, kinds, "animal"))
    vehicles = word_ids(tokenizer, words_of_kind(tokenizer, kinds, "vehicle"))
    heads = lambda: torch.rand(n_layers, n_heads)  # noqa: E731
    parts = model_parts(model)
    ids = tokenizer.encode(TEXT)
    labels, _ = token_labels(tokenizer.token_strings(ids))
    attention = AttentionFigure(n_heads)
    attention.set_tokens(labels)
    attention.set_view(torch.rand(n_heads, len(ids), len(ids)).numpy(), 1, 0, len(ids) - 1)
    history = History(steps=[1, 2, 3], train_loss=[3.0, 2.5, 2.0])
    return {
        "pipeline_figure": pipeline_figure(n_layers),
        "four_numbers_figure": four_numbers_figure({
            name: {"vocab_size": c.vocab_size, "context_length": c.context_length, "n_parameters": total(counts[name])}
            for name, c in PUBLISHED_CONFIGS.items()}
            | {"tiny_model": {"vocab_size": 92, "context_length": 32, "n_parameters": None}}),
        "embedding_share_figure": embedding_share_figure(counts),
        "memory_figure": memory_figure({name: total(c) for name, c in counts.items()},
                                       {"float32": 4, "bfloat16": 2}, laptop_gb=16),
        "weight_vs_bias_figure": weight_vs_bias_figure(inputs=[-2, -1, 0, 1, 2], w=1.0, b=0.5, delta=0.5),
        "plot_tokens_per_character": plot_tokens_per_character([257, 300, 400], {"BPE": [0.9, 0.7, 0.6]},
                                                               {"cl100k_base": 0.3}),
        "plot_language_bars": plot_language_bars({"1": {"BPE": {"1": 0.5, "2": 0.7}}}),
        "plot_similarity_heatmaps": plot_similarity_heatmaps({"0": torch.eye(3), "1": torch.eye(3)},
                                                             ["cat", "dog", "car"]),
        "plot_coordinates": plot_coordinates({word: final[row]
                                              for word, row in zip(("cat", "dog", "car"), cat_dog_car)}),
        "plot_separation": plot_separation(compare_axes_and_direction(final[animals], final[vehicles]),
                                           ("animal", "vehicle")),
        "plot_neighbour_similarity": plot_neighbour_similarity([1, 2, 3], {"0": [0.1, 0.0, -0.1]}),
        "sharpness_figure": sharpness_figure(softmax_sharpness([2, 8, 32], n_keys=8, rows=50)),
        "attention_statistics_figure": attention_statistics_figure(
            AttentionStatistics(heads(), heads(), heads(), heads(), heads()), 40),
        "ablation_figure": ablation_figure(AblationEffects(
            {task: 0.5 for task in TASKS}, {how: {task: heads() for task in TASKS} for how in ABLATIONS}, "0")),
        "causal_mask_figure": causal_mask_figure(labels, causal_mask(len(ids), len(ids)).numpy()),
        "mask_losses_figure": mask_losses_figure({"1": list(rng.random(30) + 1), "2": list(rng.random(30) + 2)}, 1.0),
        "step_times_figure": step_times_figure({"tiny_model": [1, 2]},
                                               {"tiny_model": step_times(model, [1, 2], repeats=1)}),
        "AttentionFigure": attention.figure,
        "knowledge_figure": knowledge_figure(KnowledgeTable(
            parts, KINDS, {kind: 10 for kind in KINDS}, {kind: 1.0 for kind in KINDS}, {kind: 1.5 for kind in KINDS},
            {how: torch.rand(len(parts), len(KINDS)) + 1.5 for how in ("zero", "mean")}, "0")),
        "lens_figure": lens_figure(LensScores(
            {kind: list(rng.random(n_layers + 1)) for kind in ("all", *KINDS)},
            {kind: list(-rng.random(n_layers + 1)) for kind in ("all", *KINDS)},
            {kind: 10 for kind in ("all", *KINDS)})),
        "selectivity_figure": selectivity_figure({
            msg("plots.knowledge.trained_neurons", block=0): list(rng.random(20)),
            msg("plots.knowledge.random_directions"): list(rng.random(20)),
            msg("plots.knowledge.untrained_neurons", block=0): list(rng.random(20))}),
        "head_accuracy_figure": head_accuracy_figure(heads(), 0.925, 200),
        "copying_replay_figure": copying_replay_figure(load_copying_snapshots()),
        "stream_patching_figure": stream_patching_figure(
            {change: torch.rand(n_layers, 18) for change in CHANGES},
            "ken has the red ball . mia has the blue cup . what does ken have ? the".split()),
        "cost_figure": cost_figure({"2 × 64": StepTimes(256, 0.01, 0.012, 0.02, 0.005)}),
        "loss_by_kind_figure": loss_by_kind_figure([KindLoss(kind, 10, 1.5, 1.0) for kind in LINE_KINDS]),
        "learning_rate_figure": learning_rate_figure({"0.001": history, "0.1": history}),
    }


def label_width(text: str) -> int:
    """Width of ``text`` in Latin characters: a Japanese (wide) character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def undrawable(texts: list[str]) -> set[str]:
    """The characters of ``texts`` that no figure font has (they would show as empty boxes)."""
    return {char for text in texts for char in text if not char.isspace() and not can_draw(char)}


def test_no_widget_shows_english_and_every_label_fits(shipped):
    model, tokenizer = shipped
    found, cut, boxes = {}, [], set()
    for name, panel in lesson_panels(model, tokenizer).items():
        drawn = list(figure_texts(panel.figure))
        found[name] = english_in([*widget_texts(panel.view), *drawn])
        boxes |= undrawable(drawn)
        for control in controls_of(panel.view):
            description = getattr(control, "description", "")
            if (label_width(description) > LONGEST_DEFAULT_LABEL
                    and not isinstance(control, (widgets.Button, widgets.Checkbox))
                    and control.style.description_width != "initial"):
                cut.append(f"{name}: {description!r}")
    assert not any(found.values()), report(found)
    assert not cut, "labels cut by the default width: " + ", ".join(cut)
    assert not boxes, f"characters no figure font has: {sorted(boxes)}"


def test_no_figure_shows_english(shipped):
    model, tokenizer = shipped
    drawn = {name: list(figure_texts(figure)) for name, figure in lesson_figures(model, tokenizer).items()}
    found = {name: english_in(texts) for name, texts in drawn.items()}
    assert not any(found.values()), report(found)
    boxes = undrawable([text for texts in drawn.values() for text in texts])
    assert not boxes, f"characters no figure font has: {sorted(boxes)}"


def test_the_check_finds_english():
    """The scan itself: English words are caught, tokens, code names and Japanese pass."""
    assert english_words("block 0, head 1") == ["block", "head"]
    assert english_words("ブロック 0、ヘッド 1 · the cats · blocks.0.attn · d_model · GPT-2 small · 124M") == []
    assert english_words(shown_html("<b>cat</b>（位置 3）<style>.a { color: red }</style>")) == []
    assert undrawable(["ブロック 0、ヘッド 1（仮の温度 0.5）", "q·k / √d", "⏎ ␣"]) == set()
