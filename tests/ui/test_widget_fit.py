"""Every widget of every lesson fits JupyterLab's output area at 1280×900 with the file browser open (848 px).

Two checks, both without starting JupyterLab (running every lesson in a browser is too slow for this):
- in the kernel, each widget's figure is at most 840 px wide (its pixel size: the page shows it unscaled);
- in Debian's chromium, the HTML of each widget (tables, captions, chips, messages), and lesson 03's token
  chips, laid out in an 848-px column in JupyterLab's font sizes, is no wider than the column.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from llmlab.engine.params import PUBLISHED_CONFIGS
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.studies.embeddings import load_snapshots, words_of_kind
from llmlab.toy.corpus import word_kinds
from llmlab.ui.widgets.attention import AttentionExplorer
from llmlab.ui.widgets.base import WidgetPanel
from llmlab.ui.widgets.embeddings import EmbeddingReplay
from llmlab.ui.widgets.generation import NextTokenExplorer
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer
from llmlab.ui.widgets.neurons import AttentionBiasWidget, NeuronWidget
from llmlab.ui.widgets.params import MLPCalculator, TransformerCalculator
from llmlab.ui.widgets.qkv import QKVWidget
from llmlab.ui.widgets.tokens import TokenizerPlayground, chips_html
from llmlab.ui.widgets.training import LiveCopyingPlot, LiveLossPlot

OUTPUT_WIDTH_PX = 848  # JupyterLab's output area in a 1280-px window, file browser open
MAX_FIGURE_WIDTH_PX = 840
# The lessons' longest texts: lesson 10's (seventeen tokens, two languages) and lesson 03's sample.
LESSON_10_TEXT = "EN: the cats near the big car sleep in the garden JA: 大きい 車 の 近く の"
LESSON_03_SAMPLE = "the cats sleep in the garden 猫 たち が 庭 で 寝る"
# JupyterLab's widget text: its font families and 13 px (--jp-widgets-font-size).
PAGE_STYLE = ("body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif,"
              "'Noto Sans CJK JP';font-size:13px} .output{width:%dpx;margin-bottom:8px}" % OUTPUT_WIDTH_PX)


@pytest.fixture(scope="module")
def lesson_widgets(shipped, corpus) -> dict[str, WidgetPanel]:
    """Every lesson's widgets, built as the lessons build them (named by lesson)."""
    model, tokenizer = shipped
    kinds = word_kinds()
    words = [word for kind in ("animal", "vehicle", "place") for word in words_of_kind(tokenizer, kinds, kind)]
    text = "the cats sleep in the garden"
    return {
        "00/07 attention": AttentionExplorer(model, tokenizer, LESSON_10_TEXT),
        "01 MLP calculator": MLPCalculator(sizes=(10, 100, 1)),
        "01 transformer calculator": TransformerCalculator({"our tiny model": model.config, **PUBLISHED_CONFIGS}),
        "02 neuron": NeuronWidget(),
        "02 attention bias": AttentionBiasWidget(),
        "03 tokenizers": TokenizerPlayground({"characters": CharTokenizer.from_text(text), "toy words": tokenizer},
                                             text),
        "04 embedding replay": EmbeddingReplay(load_snapshots(), tokenizer, words, kinds, pair=("cat", "dog", "car")),
        "05 Q, K and V": QKVWidget(),
        "06 next token": NextTokenExplorer(model, tokenizer, "EN: the", seed=0),
        "08 live copying": LiveCopyingPlot(tokenizer, [line for line in corpus[1] if " ? " in line][:200], 4000),
        "09 live loss": LiveLossPlot(200, floor=1.0),
        "10 hidden states": HiddenStateExplorer(model, tokenizer, LESSON_10_TEXT),
    }


def html_parts(panel: WidgetPanel) -> list[str]:
    """The HTML of every HTML widget inside the panel's view (depth first)."""
    found, stack = [], [panel.view]
    while stack:
        widget = stack.pop()
        if isinstance(widget, widgets.HTML) and widget.value:
            found.append(widget.value)
        stack.extend(getattr(widget, "children", ()))
    return found


def test_every_lesson_figure_is_at_most_840_px_wide(lesson_widgets):
    too_wide = {name: panel.canvas.get_width_height() for name, panel in lesson_widgets.items()
                if panel.canvas.get_width_height()[0] > MAX_FIGURE_WIDTH_PX}
    assert not too_wide, f"figures wider than {MAX_FIGURE_WIDTH_PX} px (width, height): {too_wide}"


@pytest.mark.browser
def test_every_lesson_html_output_fits_848_px(lesson_widgets, shipped):
    from browser.harness import CHROMIUM, CHROMIUM_ARGS, require_chromium
    from playwright.sync_api import sync_playwright

    require_chromium()
    _, tokenizer = shipped
    outputs = {f"{name} #{i}": part for name, panel in lesson_widgets.items()
               for i, part in enumerate(html_parts(panel))}
    ids = tokenizer.encode(LESSON_03_SAMPLE)
    outputs["03 token chips"] = chips_html(tokenizer.token_strings(ids), ids)
    body = "".join(f'<div class="output" data-name="{i}">{part}</div>' for i, part in enumerate(outputs.values()))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_content(f"<style>{PAGE_STYLE}</style>{body}")
            widths = page.evaluate("() => [...document.querySelectorAll('.output')].map(o => o.scrollWidth)")
        finally:
            browser.close()
    too_wide = {name: width for name, width in zip(outputs, widths) if width > OUTPUT_WIDTH_PX}
    assert not too_wide, f"HTML wider than the {OUTPUT_WIDTH_PX}-px output (px): {too_wide}"
