"""Attention explorer: type a text, pick a layer, a head and a query token, watch who reads whom.

The model runs once per text (when Enter is pressed); the sliders only pick from the cached
attention weights, and only the images are redrawn, never the token labels.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import torch

from llmlab.engine.lens import attention_patterns, most_read
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.ui.plots.attention import AttentionFigure
from llmlab.ui.plots.token_labels import token_labels, visible
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.trace import Trace
from llmlab.engine.validate import LlmlabError, check_block, check_head, check_model, check_tokenizer, integer
from llmlab.ui.widgets.base import ModelPanel, one_torch_thread
from llmlab.ui.widgets.controls import checked_values

TOP_READ = 3  # how many most-read tokens the line under the figure lists


class AttentionExplorer(ModelPanel):
    """Attention weights of any llmlab model: one head large, all heads of the block small.

    Drive it with the controls, or from Python: ``set_text("...")``,
    ``select(layer=1, head=2, query=5, temperature=0.5)``.
    """

    def __init__(self, model: GPT, tokenizer: Tokenizer, text: str | None = None) -> None:
        check_tokenizer(tokenizer, "AttentionExplorer", check_model(model, "AttentionExplorer"))
        config = model.config
        self.layer_slider = widgets.IntSlider(0, min=0, max=config.n_layers - 1,
                                              description=msg("widgets.block_label"))
        self.head_slider = widgets.IntSlider(0, min=0, max=config.n_heads - 1,
                                             description=msg("words.head"))
        self.query_menu = widgets.Dropdown(options=[("0", 0)], description=msg("widgets.query_label"))
        self.temperature_slider = widgets.FloatLogSlider(
            1.0, base=2, min=-3, max=3, step=0.25, readout_format=".3g", description=msg("widgets.temperature_label"),
            tooltip=msg("widgets.temperature_help"), style={"description_width": "initial"},
        )
        temperature_note = widgets.HTML(f"<small>{html.escape(msg('widgets.temperature_help'))}</small>")
        self.reads = widgets.HTML()
        self.plot = AttentionFigure(config.n_heads)
        controls = [self.layer_slider, self.head_slider, self.query_menu, self.temperature_slider]
        super().__init__(model, tokenizer, text, controls, self.plot.figure, "attention",
                         below=[temperature_note, self.reads])
        self.dynamic = self.plot.dynamic
        self.per_input = self.plot.per_text
        self.trace: Trace | None = None
        self.patterns = np.zeros((config.n_layers, config.n_heads, 1, 1), dtype=np.float32)
        for control in (self.layer_slider, self.head_slider, self.query_menu):
            self.on_change(control, lambda _: self._update())
        self.on_change(self.temperature_slider, lambda _: self._reweigh())
        self.set_text(self.text_box.value)

    def load(self, trace: Trace) -> list[str]:
        self.trace = trace
        self._compute_patterns()
        labels, replaced = token_labels(self.tokens)
        self.plot.set_tokens(labels)
        query = len(self.tokens) - 1  # the last token reads first; the picture goes to the page before the menu
        layer, head = self.layer_slider.value, self.head_slider.value
        self.plot.set_view(self.patterns[layer], layer, head, query, float(self.temperature_slider.value))
        self.redraw()
        with self.muted():
            self.query_menu.options = [(f"{i}: {visible(piece)}", i) for i, piece in enumerate(self.tokens)]
            self.query_menu.value = query
        self.reads.value = self._reads_line(self.patterns[layer, head, query], query)
        return [msg("widgets.stand_in_labels")] if replaced else []

    def select(self, layer: int | None = None, head: int | None = None,
               query: int | None = None, temperature: float | None = None) -> None:
        """Show another layer, head, query position or what-if temperature (LlmlabError if invalid)."""
        if layer is not None:
            check_block(self.model, layer, "layer")
        if head is not None:
            check_head(self.model, head)
        if query is not None:
            try:
                integer(query, "query", low=0, high=len(self.tokens) - 1)
            except LlmlabError:
                raise LlmlabError(msg("widgets.bad_query", high=len(self.tokens) - 1, query=query)) from None
        checked = checked_values([(self.layer_slider, layer), (self.head_slider, head),
                                  (self.query_menu, query), (self.temperature_slider, temperature)])
        with self.muted():
            for control, value in checked:
                control.value = value
        with one_torch_thread():
            if temperature is not None:
                self._compute_patterns()
            self._update()

    def _compute_patterns(self) -> None:
        """Attention weights of every layer and head at the current what-if temperature."""
        if self.trace is not None:
            temperature = float(self.temperature_slider.value)
            patterns = attention_patterns(self.trace, self.model.config.n_layers, temperature)
            self.patterns = patterns.float().cpu().numpy()

    def _reweigh(self) -> None:
        self._compute_patterns()
        self._update()

    def _set_view(self) -> None:
        layer, head, query = self.layer_slider.value, self.head_slider.value, self.query_menu.value
        self.plot.set_view(self.patterns[layer], layer, head, query, float(self.temperature_slider.value))
        self.reads.value = self._reads_line(self.patterns[layer, head, query], query)

    def _update(self) -> None:
        self._set_view()
        self.refresh()

    def _reads_line(self, row: np.ndarray, query: int) -> str:
        """HTML: which tokens the query reads most, with their weights."""
        pieces = [f"{html.escape(visible(self.tokens[i]))} ({weight:.2f})"
                  for i, weight in most_read(torch.from_numpy(row), TOP_READ)]
        return msg("widgets.reads_most", query=html.escape(visible(self.tokens[query])),
                   position=query, reads=", ".join(pieces))
