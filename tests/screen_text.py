"""What a widget or a figure shows a learner, as text, and the English words in it: the scan of the Japanese
display and printout tests (tests/languages/test_japanese_display.py, tests/languages/test_japanese_printouts_*.py).
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from llmlab.toy.corpus import vocabulary

# Latin-letter words a Japanese screen may show: code names, units, number formats, model names.
ALLOWED = {
    "GPT", "small", "medium", "large", "XL",  # published model names (GPT-2 small, ...)
    "MLP", "BPE", "AdamW", "GELU", "LayerNorm", "ID", "KV", "argmax", "softmax", "log",  # the glossary keeps these
    "torch", "meta", "llmlab", "None", "set", "val", "inputs", "targets",  # code
    "GB", "ms",  # units
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")  # blocks.0.attn is one (code) word
TOY_TOKENS = {word.strip(":.?") for word in vocabulary()}


def sample_value(spec: str) -> object:
    """A value the format ``spec`` accepts: a whole number, a real number or (for text) a Japanese word."""
    if spec.endswith("d"):
        return 3
    if not spec or spec.endswith("s") or spec.lstrip("<>^").isdigit():
        return "猫"
    return 1.5


def sample_values(template: str) -> dict[str, object]:
    """A value for each field of ``template`` (to fill in every catalogue template)."""
    return {name: sample_value(spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name}


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are English: not a token of the toy corpus, a code name or allowed."""
    found = []
    for word in WORD.findall(text):
        code_like = len(word) == 1 or any(char.isdigit() or char in "_." for char in word)
        if not (code_like or word in ALLOWED or word in TOY_TOKENS):
            found.append(word)
    return found


def shown_html(value: str) -> str:
    """The text an HTML widget shows (style sheets and tags removed)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", value, flags=re.S)))


def controls_of(root: widgets.Widget) -> list[widgets.Widget]:
    """``root`` and every widget inside it (depth first)."""
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return found


def widget_texts(root: widgets.Widget) -> Iterator[str]:
    """Every string ``root`` and the widgets inside it show."""
    for widget in controls_of(root):
        for name in ("description", "tooltip", "placeholder"):
            value = getattr(widget, name, None)
            if isinstance(value, str):
                yield value
        if isinstance(widget, (widgets.HTML, widgets.HTMLMath, widgets.Label)):
            yield shown_html(widget.value)
        if isinstance(widget, (widgets.Text, widgets.Textarea)):
            yield widget.value
        yield from getattr(widget, "_options_labels", ())


def figure_texts(figure: Figure) -> Iterator[str]:
    """Every visible text of ``figure`` once laid out (tick labels exist only once drawn)."""
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    figure.draw_without_rendering()
    for artist in figure.findobj(Text):
        if artist.get_visible() and artist.get_text():
            yield re.sub(r"\\[A-Za-z]+", " ", artist.get_text())  # TeX commands: $\mathdefault{10^{2}}$
