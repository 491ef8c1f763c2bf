"""A tokenizer playground: type text, pick a tokenizer, see the tokens as coloured chips."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from llmlab.messages import msg
from llmlab.ui.plots.embeddings import new_figure
from llmlab.ui.plots.token_labels import VISIBLE_WHITESPACE
from llmlab.ui.plots.tokens import TokenCountBars
from llmlab.engine.tokenizers import Tokenizer, UnknownTokenError
from llmlab.engine.validate import listing
from llmlab.ui.widgets.base import WidgetPanel

CHIP_COLOURS = ("#fde0c5", "#c9e7f5", "#d9f2d0", "#f3d1ec", "#fff2b3", "#e0dcf5")


def chips_html(pieces: Sequence[str], ids: Sequence[int]) -> str:
    """Tokens as coloured chips, each with its id underneath; whitespace made visible."""
    chips = []
    for i, (piece, token_id) in enumerate(zip(pieces, ids)):
        shown = html.escape("".join(VISIBLE_WHITESPACE.get(char, char) for char in piece))
        chips.append(
            f'<span style="display:inline-block;margin:2px;padding:2px 5px;border-radius:4px;'
            f'background:{CHIP_COLOURS[i % len(CHIP_COLOURS)]};text-align:center;font-family:monospace">'
            f'{shown}<br><small style="color:#555">{token_id}</small></span>'
        )
    return '<div style="line-height:1.2">' + "".join(chips) + "</div>"


class TokenizerPlayground(WidgetPanel):
    """A text box and a tokenizer menu; chips for the chosen tokenizer, counts for all of them."""

    def __init__(self, tokenizers: Mapping[str, Tokenizer], text: str = "") -> None:
        self.tokenizers = dict(tokenizers)
        self.current = next(iter(self.tokenizers))
        self.text = ""
        self.pieces: list[str] = []
        self.ids: list[int] = []
        self.text_box = widgets.Textarea(
            value=text, placeholder=msg("widgets.tokens.placeholder"),
            layout=widgets.Layout(width="60%", height="5em"),
        )
        self.menu = widgets.Dropdown(options=list(self.tokenizers), value=self.current,
                                     description=msg("widgets.tokens.tokenizer"),
                                     style={"description_width": "initial"})
        figure, (ax,) = new_figure(7, 0.45 * len(self.tokenizers) + 1.0)
        super().__init__([self.text_box, self.menu], figure, "tokenizer_playground")
        self.chips = widgets.HTML()
        self.count = widgets.HTML()
        controls, *rest = self.view.children
        self.view.children = (controls, self.count, self.chips, *rest)
        self.bars = TokenCountBars(ax, list(self.tokenizers))
        self.dynamic = self.bars.dynamic
        self.on_change(self.text_box, self._set_text)
        self.on_change(self.menu, self._set_tokenizer)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Tokenize ``text`` as if it had been typed into the box."""
        if self.accepted([(self.text_box, text)], optional=False) is None:
            return
        with self.muted():
            self.text_box.value = text
        self.guard(self._set_text)(text)

    def set_tokenizer(self, name: str) -> None:
        """Switch to the tokenizer called ``name`` (one of the menu's entries)."""
        if not isinstance(name, str) or name not in self.tokenizers:
            self.say(msg("widgets.tokens.unknown_tokenizer", name=name, known=", ".join(self.tokenizers)), "warning")
            return
        with self.muted():
            self.menu.value = name
        self.guard(self._set_tokenizer)(name)

    def _set_text(self, text: str) -> None:
        self.text = text
        self.tokenize()

    def _set_tokenizer(self, name: str) -> None:
        self.current = name
        self.tokenize()

    def counts(self) -> dict[str, int | None]:
        """How many tokens the text costs under each tokenizer (None: it cannot encode it)."""
        counts: dict[str, int | None] = {}
        for name, tokenizer in self.tokenizers.items():
            try:
                counts[name] = len(tokenizer.encode(self.text))
            except UnknownTokenError:
                counts[name] = None
        return counts

    def tokenize(self) -> None:
        """Encode the text with the current tokenizer and redraw bars, chips and count.

        Everything is computed first; then the bars' picture is sent, then each text once (a keystroke
        makes one update of each, the picture first).
        """
        counts = self.counts()
        self.pieces, self.ids = [], []
        problem = msg("widgets.tokens.empty") if not self.text else None
        if self.text:
            try:
                self.ids = self.tokenizers[self.current].encode(self.text)
            except UnknownTokenError as error:
                problem = msg("widgets.tokens.unknown", name=self.current, unknown=listing(error.unknown))
        self.bars.update(counts, self.current)
        self.refresh()
        if problem is not None:
            self.chips.value = self.count.value = ""
            self.say(problem, "warning")
            return
        self.pieces = self.tokenizers[self.current].token_strings(self.ids)
        self.chips.value = chips_html(self.pieces, self.ids)
        self.count.value = html.escape(msg("widgets.tokens.count", n=len(self.ids), chars=len(self.text),
                                           ratio=len(self.ids) / len(self.text), name=self.current))
        self.say("")
