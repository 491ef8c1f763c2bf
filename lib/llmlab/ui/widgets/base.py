"""The one pattern every llmlab widget follows: controls, a figure, a message area.

The figure is a matplotlib figure drawn off-screen (Agg) and shown as a PNG in an
``ipywidgets.Image``, so it works wherever core ipywidgets work (JupyterLab, Notebook 7,
VS Code, Colab). Errors raised in a callback land in the message area, never as a traceback.

Fast redraws: a panel may name the figure's *dynamic* artists (those a slider changes).
:meth:`WidgetPanel.redraw` draws everything else once (axes, token labels: slow text) and keeps
that picture; :meth:`WidgetPanel.refresh` pastes it back and draws only the dynamic artists.
A panel may also name its *per-input* artists (those a new text changes: token labels, scales):
then :meth:`WidgetPanel.redraw` keeps a still picture without them too (titles, colour bars, frames:
drawn once) and draws only the per-input artists over it.
"""

from __future__ import annotations

import functools
import html
import os
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from llmlab.engine.device import one_torch_thread
from llmlab.engine.lens import encode_for_model
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.trace import Trace
from llmlab.engine.validate import LlmlabError
from llmlab.ui.widgets.canvas import WidgetCanvas
from llmlab.ui.widgets.controls import checked_values, keep_valid

PNG_COMPRESS_LEVEL = 1  # fast to encode; the pictures are small anyway
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bytes(rgba: np.ndarray) -> bytes:
    """Encode an (height, width, 4) uint8 picture as PNG, quickly.

    Rows are stored unfiltered and compressed at a low level: three to four times faster than
    a general-purpose encoder for our figures, and the files stay small.
    """
    height, width, _ = rgba.shape
    rows = np.empty((height, width * 4 + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "none" for every row
    rows[:, 1:] = rgba.reshape(height, -1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (PNG_SIGNATURE + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESS_LEVEL))
            + _png_chunk(b"IEND", b""))


def canvas_png(canvas: FigureCanvasAgg) -> bytes:
    """PNG bytes of what ``canvas`` holds now (no new drawing)."""
    return png_bytes(np.asarray(canvas.buffer_rgba()))


def is_cell_image(artist: Artist) -> bool:
    """Whether ``artist`` is a heatmap of ready-made RGBA cells that :func:`paint_cells` can paint."""
    if not isinstance(artist, AxesImage):
        return False
    data = artist.get_array()
    return data is not None and data.dtype == np.uint8 and data.ndim == 3


def paint_cells(canvas: FigureCanvasAgg, image: AxesImage) -> None:
    """Paint ``image``'s cells straight into the canvas pixels, each pixel taking its cell's colour.

    The image must fill its axes with row 0 at the top (as ``plots.heatmap.set_cells`` makes it).
    Much faster than matplotlib's resampling, and looks the same for a heatmap.
    """
    if not image.get_visible():
        return
    cells = np.asarray(image.get_array())
    pixels = np.asarray(canvas.buffer_rgba())
    x0, y0, x1, y1 = np.round(image.axes.bbox.extents).astype(int)
    top, bottom = pixels.shape[0] - y1, pixels.shape[0] - y0
    rows = (np.arange(bottom - top) * cells.shape[0]) // max(1, bottom - top)
    columns = (np.arange(x1 - x0) * cells.shape[1]) // max(1, x1 - x0)
    pixels[top:bottom, x0:x1] = cells[rows[:, None], columns[None, :]]


PANEL_CLASS = "llmlab-panel"
# A selection slider (a training step, a named hidden state) shows its choice as a read-only label: its page
# part never reads what is typed into its box (the text went nowhere and the box went blank).
CHOICE_SLIDER_CLASS = "llmlab-choice-slider"
# Shown by the page as it is (a style sheet for this panel only): every number slider's value is a visible,
# editable box (click or Tab to it, type a value, Enter), the keyboard way that works in every
# front end (Notebook 7 gives the arrow keys to its own cell shortcuts), and figures keep their size.
PANEL_STYLE = f"""<style>
.{PANEL_CLASS} .widget-readout {{
  border: 1px solid var(--jp-border-color1, #9e9e9e); border-radius: 3px; padding: 0 4px;
  min-width: 3.5em; max-width: none; width: auto; flex: none; white-space: nowrap;
  background: var(--jp-layout-color1, #fff); cursor: text;
}}
.{PANEL_CLASS} .{CHOICE_SLIDER_CLASS} .widget-readout {{
  border-color: transparent; background: transparent; cursor: default;
  pointer-events: none; user-select: none; -webkit-user-modify: read-only;
}}
.{PANEL_CLASS} img.widget-image {{ width: auto; height: auto; max-width: 100%; }}
</style>"""


def natural_size() -> widgets.Layout:
    """Layout of a figure's image: its own pixel size, shrunk (never stretched) to a narrower output."""
    return widgets.Layout(width="auto", height="auto", max_width="100%", align_self="flex-start")


def freeze_layout(figure: Figure, canvas: FigureCanvasAgg) -> None:
    """Lay ``figure`` out once (constrained layout, if it has one), then keep the axes where they are.

    Constrained layout measures every text on every draw, about half the cost of a redraw; a
    widget's labels keep their size, so once is enough.
    """
    engine = figure.get_layout_engine()
    if engine is not None and not isinstance(engine, PlaceHolderLayoutEngine):
        canvas.draw()
        figure.set_layout_engine("none")


@contextmanager
def hidden(artists: Sequence[Artist]) -> Iterator[None]:
    """Hide ``artists`` inside the block; each gets its own visibility back afterwards."""
    shown = [artist.get_visible() for artist in artists]
    for artist in artists:
        artist.set_visible(False)
    try:
        yield
    finally:
        for artist, visible in zip(artists, shown):
            artist.set_visible(visible)


class WidgetPanel:
    """Controls on top, the figure in the middle, messages and a save button below.

    Subclasses build their figure once, then update its artists in place and call
    ``self.show()`` (or ``self.refresh()`` when only dynamic artists changed). Wrap every
    callback with ``self.guard`` (``self.on_change`` does) so errors become messages.
    """

    def __init__(
        self,
        controls: Sequence[widgets.Widget],
        figure: Figure,
        name: str,
        below: Sequence[widgets.Widget] = (),
    ) -> None:
        self.figure = figure
        self.canvas = WidgetCanvas(figure)  # each distinct text rendered once (see widgets.canvas)
        self.name = name
        self.dynamic: list[Artist] = []
        self.per_input: list[Artist] = []
        self._background: Any = None
        self._still: Any = None  # the picture without the dynamic and the per-input artists
        self._muted = False
        self._saved: set[Path] = set()  # files this panel wrote: the only ones save() may replace
        self.image = widgets.Image(format="png", layout=natural_size())
        self.message = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.save_button = widgets.Button(description=msg("widgets.save_button"), icon="download")
        self.save_button.on_click(self.guard(lambda _: self.save()))
        self.view = widgets.VBox(
            [widgets.HBox(list(controls), layout=widgets.Layout(flex_flow="row wrap")),
             self.image,
             widgets.HBox([self.save_button, self.message]),
             *below,
             widgets.HTML(PANEL_STYLE, layout=widgets.Layout(display="none"))]
        )
        self.view.add_class(PANEL_CLASS)
        for control in controls:  # control.value = <impossible> from Python: a message here, not a traceback
            keep_valid(control, lambda error: self.say(str(error), "error"))
            if isinstance(control, widgets.SelectionSlider):
                control.add_class(CHOICE_SLIDER_CLASS)

    # --- drawing ---

    def show(self) -> None:
        """Draw the whole figure and put it on screen."""
        self.redraw()

    def redraw(self) -> None:
        """Draw everything; keep the picture without the dynamic artists for :meth:`refresh`.

        With per-input artists, the still picture (without them) is drawn once and kept: each redraw
        pastes it back and draws only the per-input artists over it.
        """
        freeze_layout(self.figure, self.canvas)
        with hidden(self.dynamic):
            if not self.per_input:
                self.canvas.draw()
            else:
                if self._still is None:
                    with hidden(self.per_input):
                        self.canvas.draw()
                    self._still = self.canvas.copy_from_bbox(self.figure.bbox)
                else:
                    self.canvas.restore_region(self._still)
                for artist in self.per_input:
                    self.figure.draw_artist(artist)
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self.refresh()

    def refresh(self) -> None:
        """Redraw only the dynamic artists over the kept picture, and show the result."""
        if self._background is None:
            self.redraw()
            return
        self.canvas.restore_region(self._background)
        self.draw_dynamic()
        self.image.value = canvas_png(self.canvas)

    def background(self) -> Any:
        """The kept picture without the dynamic artists (drawn first if needed)."""
        if self._background is None:
            self.redraw()
        return self._background

    def forget_background(self) -> None:
        """Something still changed: the next :meth:`refresh` draws the whole figure again."""
        self._background = self._still = None

    def forget_input(self) -> None:
        """Only per-input artists changed: the next :meth:`refresh` draws them again over the still picture."""
        self._background = None

    def draw_dynamic(self) -> None:
        """Draw the dynamic artists over the kept picture (a panel may paint more here)."""
        for artist in self.dynamic:
            if is_cell_image(artist):
                paint_cells(self.canvas, artist)
            else:
                self.figure.draw_artist(artist)

    # --- messages and callbacks ---

    def say(self, text: str, kind: str = "info") -> None:
        """Show a message; ``kind`` is info, warning or error (colour only)."""
        colour = {"info": "#444", "warning": "#a15c00", "error": "#b00020"}[kind]
        self.message.value = f'<span style="color:{colour}">{html.escape(text)}</span>' if text else ""

    def guard(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a callback so any error is shown in the message area instead of raised.

        The callback runs torch on one thread (see :func:`one_torch_thread`).
        """

        @functools.wraps(callback)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                with one_torch_thread():
                    return callback(*args, **kwargs)
            except Exception as error:  # a widget must never show a traceback
                self.say(str(error) or type(error).__name__, "error")
                return None

        return guarded

    def on_change(self, control: widgets.Widget, handler: Callable[[Any], Any]) -> None:
        """Call ``handler(new_value)`` (guarded) when ``control``'s value changes, unless muted."""
        guarded = self.guard(handler)

        def changed(change: dict) -> None:
            if not self._muted:
                guarded(change["new"])

        control.observe(changed, names="value")

    def accepted(self, pairs: Sequence[tuple[widgets.ValueWidget, object]],
                 optional: bool = True) -> list[tuple[Any, Any]] | None:
        """The (control, value) pairs checked (see ``checked_values``), or None after saying what is wrong."""
        try:
            return checked_values(pairs, optional)
        except LlmlabError as error:
            self.say(str(error), "error")
            return None

    @contextmanager
    def muted(self) -> Iterator[None]:
        """Change several controls at once without each one triggering its handler."""
        was_muted, self._muted = self._muted, True
        try:
            yield
        finally:
            self._muted = was_muted

    # --- saving and display ---

    def save(self, directory: str | Path = ".") -> list[Path]:
        """Write the current figure as PNG and SVG (for slides); return the paths.

        A file this panel did not write is never replaced: NAME.png/NAME.svg, else NAME-2, NAME-3, ...
        """
        directory = Path(directory)
        number = 1
        while True:
            stem = self.name if number == 1 else f"{self.name}-{number}"
            paths = [directory / f"{stem}.{ext}" for ext in ("png", "svg")]
            if all(path in self._saved or not os.path.lexists(path) for path in paths):
                break
            number += 1
        for path in paths:
            self.figure.savefig(path)
            self._saved.add(path)
        self.redraw()  # saving drew on our canvas; keep the fast path's picture right
        self.say(msg("widgets.saved", paths=", ".join(str(p) for p in paths)))
        return paths

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)


# Texts tried, in order, when a model explorer is given none; the first one the tokenizer reads wins.
SAMPLE_TEXTS = (
    "EN: the cats near the big car sleep in the garden JA:",
    "the cat sat on the mat",
    "hello world",
)


def default_text(tokenizer: Tokenizer) -> str:
    """A sample text ``tokenizer`` can encode (for the toy word model, a sentence with a distractor)."""
    for text in SAMPLE_TEXTS:
        try:
            if tokenizer.encode(text):
                return text
        except ValueError:
            continue
    return tokenizer.decode(range(min(8, tokenizer.vocab_size)))


class ModelPanel(WidgetPanel):
    """A panel that runs a model on the text in its text box when Enter is pressed.

    One forward pass per text; subclasses cache what they need in :meth:`load` and let
    their sliders only index those arrays.
    """

    def __init__(
        self,
        model: GPT,
        tokenizer: Tokenizer,
        text: str | None,
        controls: Sequence[widgets.Widget],
        figure: Figure,
        name: str,
        below: Sequence[widgets.Widget] = (),
    ) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.tokens: list[str] = []
        self.text_box = widgets.Text(
            value=default_text(tokenizer) if text is None else text,
            continuous_update=False,  # report on Enter (or leaving the box), not per keystroke
            description=msg("widgets.text_label"),
            layout=widgets.Layout(width="98%"),
        )
        super().__init__([self.text_box, *controls], figure, name, below)
        self.on_change(self.text_box, self._run)

    def set_text(self, text: str) -> None:
        """Run the model on ``text`` and update every view (problems become messages)."""
        if self.accepted([(self.text_box, text)], optional=False) is None:
            return
        with self.muted():
            self.text_box.value = text
        self.guard(self._run)(text)

    def _run(self, text: str) -> None:
        model_input = encode_for_model(self.model, self.tokenizer, text)
        _, trace = self.model.run_with_trace(model_input.ids)
        self.tokens = self.tokenizer.token_strings(model_input.ids)
        notes = self.load(trace)
        if model_input.dropped:
            n = len(model_input.ids) + model_input.dropped
            notes.insert(0, msg("widgets.truncated", n=n, context=len(model_input.ids),
                                dropped=model_input.dropped))
        self.say(" ".join(notes), "warning" if model_input.dropped else "info")

    def load(self, trace: Trace) -> list[str]:
        """Cache what the views need from ``trace``, redraw; return notes for the message area."""
        raise NotImplementedError
