"""Token pieces as figure labels that always render.

Whitespace becomes visible (``⏎`` for a line end, ``␣`` for a space). Matplotlib draws with
the fonts it finds; when none of them has a glyph (Japanese on a machine without a Japanese
font), the label shows a readable stand-in instead of empty boxes: the English meaning of a
toy-corpus word in brackets, e.g. ``(cat)``, else the code points, e.g. ``U+732B``.
"""

from __future__ import annotations

import functools

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from llmlab.toy.corpus import JAPANESE

# Fonts with Japanese glyphs found on common systems (Linux, macOS, Windows), best first.
JAPANESE_FONTS = (
    "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic",
    "TakaoGothic", "Hiragino Sans", "Hiragino Maru Gothic Pro", "Yu Gothic", "Meiryo", "MS Gothic",
)
# The toy corpus's Japanese grammar words, by sound.
GRAMMAR_READINGS = {"が": "ga", "で": "de", "の": "no", "近く": "chikaku", "たち": "tachi"}
VISIBLE_WHITESPACE = {"\n": "⏎", " ": "␣", "\t": "⇥"}


@functools.cache
def label_fonts() -> tuple[str, ...]:
    """The font families labels are drawn with: DejaVu Sans, then any installed Japanese font."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return ("DejaVu Sans", *(name for name in JAPANESE_FONTS if name in installed))


def fonts_for(label: str) -> list[str]:
    """The font families to draw ``label`` with: DejaVu Sans alone when it has every glyph (fast)."""
    fonts = label_fonts()
    if len(fonts) > 1 and not all(_font_files()[0].get_char_index(ord(char)) for char in label):
        return list(fonts)
    return list(fonts[:1])


@functools.cache
def _font_files() -> tuple[FT2Font, ...]:
    properties = (font_manager.FontProperties(family=name) for name in label_fonts())
    return tuple(FT2Font(font_manager.findfont(p, fallback_to_default=False)) for p in properties)


@functools.cache
def can_draw(char: str) -> bool:
    """Whether one of the label fonts has a glyph for ``char``."""
    return any(font.get_char_index(ord(char)) for font in _font_files())


@functools.cache
def _meanings() -> dict[str, str]:
    return {japanese: english for english, japanese in JAPANESE.items()} | GRAMMAR_READINGS


def stand_in(piece: str) -> str:
    """A drawable label for a piece with characters no font has."""
    if piece in _meanings():
        return f"({_meanings()[piece]})"
    return " ".join(f"U+{ord(char):04X}" if not can_draw(char) else char for char in piece)


def visible(piece: str) -> str:
    """``piece`` with its whitespace made visible (an empty piece shows as ``∅``)."""
    return "".join(VISIBLE_WHITESPACE.get(char, char) for char in piece) or "∅"


def token_label(piece: str) -> str:
    """A short label for a token piece that matplotlib can draw."""
    shown = visible(piece)
    return shown if all(can_draw(char) for char in shown) else stand_in(shown)


def token_labels(pieces: list[str]) -> tuple[list[str], bool]:
    """Labels for ``pieces``, and whether any had to be replaced by a stand-in."""
    labels = [token_label(piece) for piece in pieces]
    return labels, any(label != visible(piece) for label, piece in zip(labels, pieces))
