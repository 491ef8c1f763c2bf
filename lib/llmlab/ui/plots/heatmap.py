"""Heatmaps whose colours we compute ourselves, so widgets can repaint them fast.

A heatmap here is an ``imshow`` of ready-made RGBA colours (uint8) filling its axes, row 0 at
the top. Colouring with a lookup table is a few microseconds; a widget can then paint those
cells straight into the canvas pixels (see ``llmlab.ui.widgets.base.paint_cells``) instead of
asking matplotlib to resample the image on every slider move.
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Colormap, Normalize
from matplotlib.image import AxesImage

LUT_SIZE = 256


class Colouring:
    """Values → RGBA bytes through a colormap, a value range, and a colour for masked cells."""

    def __init__(self, cmap: str, low: float, high: float, masked: str = "#d9d9d9") -> None:
        self.cmap: Colormap = colormaps[cmap].with_extremes(bad=masked)
        self.norm = Normalize(low, high)
        self.table = (self.cmap(np.linspace(0, 1, LUT_SIZE)) * 255).round().astype(np.uint8)
        self.masked = (np.array(self.cmap(np.nan)) * 255).round().astype(np.uint8)

    def set_range(self, low: float, high: float) -> None:
        self.norm.vmin, self.norm.vmax = low, high

    def rgba(self, values: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """Colours (…, 4) uint8 for ``values``; cells where ``mask`` is True get the masked colour."""
        scaled = (np.asarray(values, dtype=np.float64) - self.norm.vmin) / (self.norm.vmax - self.norm.vmin)
        index = np.clip(np.nan_to_num(scaled) * (LUT_SIZE - 1) + 0.5, 0, LUT_SIZE - 1).astype(np.intp)
        colours = self.table[index]
        if mask is not None:
            colours[np.broadcast_to(mask, values.shape)] = self.masked
        return colours

    def mappable(self) -> ScalarMappable:
        """What a colour bar needs to show this colouring."""
        return ScalarMappable(norm=self.norm, cmap=self.cmap)


def heatmap(ax: Axes) -> AxesImage:
    """An empty heatmap filling ``ax`` (update it with :func:`set_cells`)."""
    image = ax.imshow(np.zeros((1, 1, 4), dtype=np.uint8), interpolation="nearest", aspect="auto")
    return image


def set_cells(image: AxesImage, colours: np.ndarray) -> None:
    """Show ``colours`` (rows, columns, 4) in ``image``, one cell per value, filling its axes."""
    rows, columns = colours.shape[:2]
    image.set_data(colours)
    extent = (-0.5, columns - 0.5, rows - 0.5, -0.5)
    if tuple(image.get_extent()) != extent:  # a new size only (setting it also rescales the axes: slow)
        image.set_extent(extent)
