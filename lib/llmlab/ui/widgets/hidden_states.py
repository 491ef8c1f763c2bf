"""Hidden-state explorer: what each block hands to the next, and the prediction forming.

One forward pass per text; the slider only picks from the cached hidden states, named
"embeddings", "after block 0", "after block 1", ... Under the figure, a logit-lens table lists
every position's top guesses for every hidden state, the chosen one's column highlighted.
"""

from __future__ import annotations

import html
import itertools

import ipywidgets as widgets
import numpy as np

from llmlab.engine.lens import hidden_states, logit_lens
from llmlab.engine.validate import check_hidden_state, check_model, check_tokenizer
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.ui.plots.hidden_states import HiddenStateFigure, hidden_state_name
from llmlab.ui.plots.token_labels import token_labels, visible
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.trace import Trace
from llmlab.ui.widgets.base import ModelPanel

TOP_K = 3
# Narrow enough for an 848-px output (tests/ui/test_widget_fit.py): each guess cell holds the best guess on its
# first line, the next ones smaller below it; the line height is the table's own, not the widget's 28 px.
TABLE_STYLE = "border-collapse:collapse;font-size:12px;line-height:1.3"
CELL_STYLE = "padding:2px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;white-space:nowrap"
RUNNER_UP_STYLE = "color:#666;font-size:11px"
CAPTION_STYLE = "max-width:840px;white-space:normal;line-height:1.4"
CHOSEN_STYLE = "background:#fff3e0"
LENS_SCOPES = itertools.count()  # each explorer's table gets its own class, so its style touches only it


class HiddenStateExplorer(ModelPanel):
    """Hidden states of any llmlab model, block by block, with a logit lens.

    Drive it with the controls, or from Python: ``set_text("...")``, ``select(layer=2)``
    (hidden state 2: after block 1; 0 is the embeddings).
    """

    def __init__(self, model: GPT, tokenizer: Tokenizer, text: str | None = None) -> None:
        check_tokenizer(tokenizer, "HiddenStateExplorer", check_model(model, "HiddenStateExplorer"))
        n_layers = model.config.n_layers
        self.layer_slider = widgets.SelectionSlider(
            options=[(hidden_state_name(index), index) for index in range(n_layers + 1)], value=n_layers,
            description=msg("widgets.hidden_state_label"), style={"description_width": "initial"})
        self.lens_table = widgets.HTML()  # built once per text; the chosen column is coloured by a style
        self.lens_scope = f"llmlab-lens-{next(LENS_SCOPES)}"
        self.lens_table.add_class(self.lens_scope)
        self.lens_highlight = widgets.HTML(layout=widgets.Layout(display="none"))
        self.plot = HiddenStateFigure()
        super().__init__(model, tokenizer, text, [self.layer_slider], self.plot.figure, "hidden_states",
                         below=[self.lens_table, self.lens_highlight])
        self.dynamic = self.plot.dynamic
        self.per_input = self.plot.per_text
        self.lens_cells: list[list[str]] = []  # [position][layer] → HTML of the top guesses
        self.on_change(self.layer_slider, lambda _: self._update())
        self.set_text(self.text_box.value)

    def load(self, trace: Trace) -> list[str]:
        states = hidden_states(trace, self.model.config.n_layers).float().cpu().numpy()
        labels, replaced = token_labels(self.tokens)
        self.plot.set_states(states, labels)
        self.per_input = self.plot.per_text  # the path labels are new artists
        self._set_view()
        self.redraw()  # the picture goes to the page first; the table (slower for the page to build) follows
        self.lens_cells = self._lens_cells(trace)
        self.lens_table.value = self._lens_table()
        return [msg("widgets.stand_in_labels")] if replaced else []

    def select(self, layer: int) -> None:
        """Show hidden state ``layer`` (0 = embeddings, i = after block i - 1); an error names the valid range."""
        check_hidden_state(self.model, layer)
        with self.muted():
            self.layer_slider.value = layer
        self._update()

    def _lens_cells(self, trace: Trace) -> list[list[str]]:
        """The logit lens as HTML snippets: the top guesses with probabilities, per position and hidden state."""
        lens = logit_lens(self.model, trace, TOP_K)
        ids, probs = lens.ids.cpu().numpy(), lens.probs.cpu().numpy()
        n_layers, T, _ = ids.shape
        pieces = {i: visible(p) for i, p in zip(np.unique(ids), self.tokenizer.token_strings(np.unique(ids)))}
        guesses = [[[f"{html.escape(pieces[i])} {p:.2f}" for i, p in zip(ids[layer, t], probs[layer, t])]
                    for layer in range(n_layers)] for t in range(T)]
        return [[f'{best}<br><span style="{RUNNER_UP_STYLE}">{", ".join(rest)}</span>' for best, *rest in row]
                for row in guesses]

    def _lens_table(self) -> str:
        """HTML table: one row per position, one column per hidden state (class ``lens-col-<state>``)."""
        n_columns = len(self.lens_cells[0]) if self.lens_cells else 0

        def cell(text: str, tag: str = "td", layer: int | None = None) -> str:
            column = "" if layer is None else f' class="lens-col-{layer}"'
            return f'<{tag}{column} style="{CELL_STYLE}">{text}</{tag}>'

        head = [cell(msg("widgets.lens_position"), "th"), cell(msg("widgets.lens_token"), "th")]
        head += [cell(html.escape(hidden_state_name(layer)), "th", layer) for layer in range(n_columns)]
        rows = ["<tr>" + "".join(head) + "</tr>"]
        for t, guesses in enumerate(self.lens_cells):
            row = [cell(str(t)), cell(f"<b>{html.escape(visible(self.tokens[t]))}</b>")]
            row += [cell(text, layer=layer) for layer, text in enumerate(guesses)]
            rows.append("<tr>" + "".join(row) + "</tr>")
        caption = html.escape(msg("widgets.lens_caption", k=TOP_K, last=hidden_state_name(n_columns - 1)))
        return f'<p style="{CAPTION_STYLE}">{caption}</p><table style="{TABLE_STYLE}">{"".join(rows)}</table>'

    def _set_view(self) -> None:
        layer = self.layer_slider.value
        self.plot.set_layer(layer)
        # only this small style changes with the slider: the page need not rebuild the whole table
        self.lens_highlight.value = f"<style>.{self.lens_scope} .lens-col-{layer} {{ {CHOSEN_STYLE} }}</style>"

    def _update(self) -> None:
        self._set_view()
        self.refresh()
