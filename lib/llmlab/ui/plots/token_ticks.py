"""Token labels beside a heatmap's rows or under its columns, drawn like tick labels but fast.

A new text in an explorer brings a new label for every token. Matplotlib's own ticks lay out each
label's text twice per draw and draw each tick mark as its own line; for 32 tokens on two sides
that is most of the time a new picture takes. :class:`TokenTicks` looks the same (tick marks and
labels in matplotlib's default places and sizes) but draws all its marks as one line and lays out
each distinct label once (:class:`FastLayoutText`); the labels are ordinary ``Text`` artists, so
saving the figure (PNG, SVG) and reading its texts work as before.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import matplotlib as mpl
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.lines import TICKDOWN, TICKLEFT, Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from llmlab.ui.plots.token_labels import fonts_for

MAX_LABELS = 48  # more tokens than this: label every n-th one
MAX_LAYOUTS = 20_000
_layouts: OrderedDict[tuple, tuple] = OrderedDict()


def font_key(prop: FontProperties) -> tuple:
    """Everything about a font that changes how a text looks (a dictionary key)."""
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(), prop.get_stretch(),
            prop.get_size_in_points(), prop.get_file(), prop.get_math_fontfamily())


def label_places(T: int) -> tuple[list[int], float]:
    """Which of ``T`` tokens get a label (every n-th one when there are many), and the font size."""
    every = math.ceil(T / MAX_LABELS)
    positions = list(range(0, T, every))
    return positions, max(5.0, min(9.0, 240 / max(1, len(positions))))


class FastLayoutText(Text):
    """A ``Text`` whose layout (its size and offsets from its anchor, which do not depend on where it is) is
    computed once per string, font, angle, alignment, resolution and kind of renderer, then reused."""

    def _get_layout(self, renderer):
        if self.get_wrap() or self.get_usetex():
            return super()._get_layout(renderer)
        key = (type(renderer), self.get_figure(root=True).dpi, self.get_text(), font_key(self._fontproperties),
               self.get_rotation(), self._horizontalalignment, self._verticalalignment, self.get_rotation_mode(),
               self._linespacing, self._multialignment, self.get_transform_rotates_text())
        layout = _layouts.get(key)
        if layout is None:
            layout = _layouts[key] = super()._get_layout(renderer)
            if len(_layouts) > MAX_LAYOUTS:
                _layouts.popitem(last=False)
        return layout


class TokenTicks(Artist):
    """Tick marks and token labels on one side of ``ax``: ``"rows"`` (left) or ``"columns"`` (below, turned 90°).

    The axis itself keeps its label (e.g. "query: the token reading") and gets no ticks of its own.
    """

    def __init__(self, ax: Axes, side: str) -> None:
        super().__init__()
        self.ax, self.rows = ax, side == "rows"
        name = "ytick" if self.rows else "xtick"
        size, width = mpl.rcParams[f"{name}.major.size"], mpl.rcParams[f"{name}.major.width"]
        colour = mpl.rcParams[f"{name}.color"]
        label_colour = mpl.rcParams[f"{name}.labelcolor"]
        self.label_colour = colour if label_colour == "inherit" else label_colour
        pad = mpl.rcParams[f"{name}.major.pad"] + size  # marks point outwards, labels beyond them
        if self.rows:
            self.text_transform, self.va, self.ha = ax.get_yaxis_text1_transform(pad)
            transform, marker = ax.get_yaxis_transform(), TICKLEFT
            ax.set_yticks([])
        else:
            self.text_transform, self.va, self.ha = ax.get_xaxis_text1_transform(pad)
            transform, marker = ax.get_xaxis_transform(), TICKDOWN
            ax.set_xticks([])
        self.marks = Line2D([], [], linestyle="none", marker=marker, markersize=size, markeredgewidth=width,
                            color=colour, transform=transform, clip_on=False)
        self.texts: list[Text] = []  # the labels shown
        self._made: list[Text] = []
        self.set_clip_on(False)
        self.set_zorder(ax.xaxis.get_zorder())
        ax.add_artist(self)
        self.marks.set_figure(ax.figure)

    def set_labels(self, labels: list[str]) -> None:
        """One label per token (every n-th one when there are many), the font smaller the more there are."""
        positions, size = label_places(len(labels))
        place = (lambda p: (0, p)) if self.rows else (lambda p: (p, 0))
        self.marks.set_data(*zip(*(place(p) for p in positions))) if positions else self.marks.set_data([], [])
        while len(self._made) < len(positions):  # Text objects are reused: making one takes longer than drawing it
            text = FastLayoutText(0, 0, "", color=self.label_colour, ha=self.ha, va=self.va,
                                  rotation=0 if self.rows else 90, transform=self.text_transform, clip_on=False)
            text.set_figure(self.ax.figure)
            self._made.append(text)
        self.texts = self._made[:len(positions)]
        for text, p in zip(self.texts, positions):
            text.set_position(place(p))
            text.set_text(labels[p])
            text.set_fontsize(size)
            text.set_fontfamily(fonts_for(labels[p]))
        self.stale = True

    def get_children(self) -> list[Artist]:
        return [self.marks, *self.texts]

    def get_window_extent(self, renderer=None) -> Bbox:
        boxes = [text.get_window_extent(renderer) for text in self.texts]
        return Bbox.union(boxes) if boxes else Bbox.null()

    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        self.marks.draw(renderer)
        for text in self.texts:
            text.draw(renderer)
        self.stale = False
