"""An off-screen (Agg) canvas that renders each distinct text once and reuses its glyphs.

Drawing text is most of a widget's full redraw: a new sentence in an explorer brings 64 token
labels, and matplotlib lays out (shapes) every string and renders every glyph again on each draw.
Widgets draw the same strings over and over (the toy vocabulary, tick numbers, titles), so
:class:`TextCachingRenderer` keeps, per string, font, size, angle and resolution, the glyph
bitmaps FreeType made and their places, and paints them again with Agg's own text compositing.

The one difference from matplotlib's drawing: a string starts at a whole pixel (matplotlib
starts it at a fraction of one, a shift of at most half a pixel), so that a kept rendering
fits every place exactly.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import FontProperties, fontManager, get_font
from matplotlib.ft2font import RenderMode

from llmlab.ui.plots.token_ticks import font_key

MAX_STRINGS = 20_000  # kept renderings (a few kB each); the least recently used go first

# (text, font, angle, dpi, hinting, antialiased) → [(coverage bitmap, left, top)], places relative to the start
_rendered: OrderedDict[tuple, list[tuple[np.ndarray, int, int]]] = OrderedDict()
_line_metrics: dict[tuple, tuple[float, float, float]] = {}  # (font, dpi) → (ascent, descent, line gap)
LINE_METRIC_TABLES = (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),  # as matplotlib's Text reads them
                      ("hhea", "lineGap", "ascent", "descent"))


class TextCachingRenderer(RendererAgg):
    """``RendererAgg`` whose plain text (not mathtext, no font features) is rendered once per string, and
    whose fonts' line heights are read once per font (matplotlib's ``Text`` asks for them on every layout)."""

    def _get_font_height_metrics(self, prop: FontProperties):
        """Ascent, descent and line gap of the font, in pixels, read from its tables as ``Text._get_layout`` does."""
        key = (font_key(prop), self.dpi)
        if key not in _line_metrics:
            font = get_font(fontManager._find_fonts_by_props(prop))
            metrics = (None, None, None)
            for table_name, gap_key, ascent_key, descent_key in LINE_METRIC_TABLES:
                table = font.get_sfnt_table(table_name)
                if table is not None:
                    scale = prop.get_size_in_points() * self.dpi / 72 / font.get_sfnt_table("head")["unitsPerEm"]
                    metrics = (table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale)
                    break
            _line_metrics[key] = metrics
        return _line_metrics[key]

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: PLR0913 (matplotlib's own)
        special = mtext is not None and (mtext.get_fontfeatures() is not None or mtext.get_language() is not None)
        if ismath or special:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        start_x, start_up = round(x), int(self.height) - round(y)  # a whole pixel; FreeType's y is upwards
        key = (s, font_key(prop), angle, self.dpi, get_hinting_flag(), gc.get_antialiased())
        glyphs = _rendered.get(key)
        if glyphs is None:
            glyphs = self._render(s, prop, angle, gc.get_antialiased(), start_x, start_up)
            _rendered[key] = glyphs
            if len(_rendered) > MAX_STRINGS:
                _rendered.popitem(last=False)
        else:
            _rendered.move_to_end(key)
        for coverage, left, top in glyphs:
            self._renderer.draw_text_image(coverage, start_x + left, int(self.height) - (start_up + top)
                                           + coverage.shape[0], 0, gc)
        return None

    def _render(self, s, prop, angle, antialiased, start_x, start_up) -> list[tuple[np.ndarray, int, int]]:
        """Lay out and render ``s`` as matplotlib does (``RendererAgg.draw_text``), starting at a whole pixel."""
        font = self._prepare_font(prop)
        flags = get_hinting_flag()
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        size = prop.get_size_in_points()
        glyphs = []
        for item in font._layout(s, flags=flags, features=None, language=None):
            dx, dy = item.x, item.y
            item.ft_object.set_size(size, self.dpi)
            item.ft_object._set_transform(
                (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int),
                [round(0x40 * (start_x + dx * cos - dy * sin)), round(0x40 * (start_up + dx * sin + dy * cos))])
            bitmap = item.ft_object._render_glyph(item.glyph_index, flags,
                                                  RenderMode.NORMAL if antialiased else RenderMode.MONO)
            coverage = np.array(bitmap.buffer, dtype=np.uint8)  # a copy: FreeType reuses its buffer
            if not antialiased:
                coverage *= 0xFF
            glyphs.append((coverage, bitmap.left - start_x, bitmap.top - start_up))
        return glyphs


class WidgetCanvas(FigureCanvasAgg):
    """``FigureCanvasAgg`` drawing with a :class:`TextCachingRenderer`."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = TextCachingRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer
