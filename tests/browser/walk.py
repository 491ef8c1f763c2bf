"""Walk every lesson's widgets in a real browser, in JupyterLab and in Notebook 7, as a learner works them.

One gallery notebook builds every widget the lessons (notebooks/00..10) show, each in its own cell and with
the lesson's own arguments (``GALLERY``); :func:`walk_gallery` opens it in a private JupyterLab server (see
harness.py) once per front end, in Debian's chromium at 1280×900 with the file browser open, runs it and
works every control of every widget:

- **fits**: the figure is shown at its own pixel size, nothing in the output is wider than the output area
  (848 px in JupyterLab with the sidebar open) or scrolls sideways, controls and figure fit the window's height;
- **changes its picture or says why not**: after each input the widget's image shows other pixels, or its
  message area shows a new text;
- **typing works**: a number typed into a slider's number box (its readout) and Enter move the slider and the
  picture; a selection slider's readout is a read-only label; a number box of a calculator takes typing too;
- **no error outputs, no error logged by the page** (Notebook 7.6.5's own "reading 'schema'" error allowed).

Every input is timed inside the page, from the input event (the key, the click, the menu's ``change``) to the
image's ``load`` event (the new picture decoded): :func:`timing_table` writes them, per control, as a Markdown
table. ``moves`` inputs per control (3 in the test; ``WALK_MOVES=20`` or the bench ask for more):
``walk_gallery(workdir, moves=20, typed_moves=20, table=path)`` from a script (scripts/bench_browser.py).

Two widgets are shown with recorded numbers instead of a live training run (minutes): lesson 09's loss plot
(the shipped model's first 200 steps) and lesson 08's copying plot (shown there only with LIVE = True).
"""

from __future__ import annotations

import json
import math
import os
import re
import statistics
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser.harness import (
    CODE_PROMPT, OUTPUT, SCREENSHOT_DIR, WIDGET_ERROR, NotebookPage, chromium, jupyterlab, require_chromium,
    screenshot, under_load,
)
from llmlab.paths import REPO_ROOT

NOTEBOOKS = REPO_ROOT / "notebooks"
FRONT_ENDS = {"lab": "JupyterLab", "notebook": "Notebook 7"}
TABLE_PATH = SCREENSHOT_DIR / "walk_timings.md"
MOVES = int(os.environ.get("WALK_MOVES", "3"))  # inputs per control
OUTPUT_WIDTH_LAB_PX = 848  # JupyterLab's output area at 1280×900 with the file browser open
# Page errors that are the front end's own, not ours (see test_browser.py): Notebook 7.6.5's shortcuts plugin.
UPSTREAM_PROBLEMS = {"notebook": ("uncaught: Cannot read properties of undefined (reading 'schema')",)}
ANSWER_WITHIN_S = 5  # an input is answered (new picture or new message) within this, stretched by the load
NO_PICTURE_GRACE_S = 1.0  # after a new message, how long a picture may still come before "says why" is settled

# --- the gallery: every widget of every lesson, built as the lesson builds it -------------------------------

GALLERY_SETUP = '''
%matplotlib inline
from IPython.display import display
from llmlab.engine.checkpoint import load_shipped_model
from llmlab.messages import msg
from llmlab.toy.corpus import load_corpus

model, tokenizer, metadata = load_shipped_model()
train_lines, val_lines = load_corpus()
'''


@dataclass(frozen=True)
class GalleryWidget:
    """One widget of one lesson: the code of its gallery cell (ending in the widget) and what to type into
    its text boxes (by the box's label: values taken in turn, each different from the one before)."""

    lesson: str
    name: str
    cls: str  # its class in llmlab.ui.widgets
    code: str
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)


LESSON_00_TEXT = "EN: the small birds eat in the garden JA: 小さい"
LESSON_10_TEXT = "EN: the cats near the big car sleep in the garden JA: 大きい 車 の 近く の"

GALLERY = (
    GalleryWidget("00", "attention explorer", "AttentionExplorer", f'''
from llmlab.engine.lens import attention_patterns
from llmlab.ui.widgets.attention import AttentionExplorer

text = {LESSON_00_TEXT!r}
ids = tokenizer.encode(text)
tokens = tokenizer.token_strings(ids)
_, trace = model.run_with_trace(ids)
patterns = attention_patterns(trace, model.config.n_layers)
last, source = len(ids) - 1, tokens.index("birds")
block, head = divmod(int(patterns[:, :, last, source].argmax()), model.config.n_heads)
explorer = AttentionExplorer(model, tokenizer, text)
explorer.select(layer=block, head=head, query=last)
explorer'''),
    GalleryWidget("01", "MLP calculator", "MLPCalculator", '''
from llmlab.ui.widgets.params import MLPCalculator

MLPCalculator(sizes=(10, 100, 1))'''),
    GalleryWidget("01", "transformer calculator", "TransformerCalculator", '''
from llmlab.engine.params import PUBLISHED_CONFIGS
from llmlab.ui.widgets.params import TransformerCalculator

our_model = msg("lesson00.our_model")
TransformerCalculator({our_model: model.config, **PUBLISHED_CONFIGS})'''),
    GalleryWidget("02", "neuron", "NeuronWidget", '''
from llmlab.ui.widgets.neurons import NeuronWidget

NeuronWidget(w1=1.0, w2=1.0, b=0.0)'''),
    GalleryWidget("02", "attention biases", "AttentionBiasWidget", '''
from llmlab.ui.widgets.neurons import AttentionBiasWidget

AttentionBiasWidget()'''),
    GalleryWidget("03", "tokenizer playground", "TokenizerPlayground", '''
from llmlab.engine.tokenizers import BPETokenizer, CharTokenizer, TiktokenTokenizer, WordTokenizer
from llmlab.paths import SHAKESPEARE_FILE
from llmlab.ui.widgets.tokens import TokenizerPlayground

corpus_text = "\\n".join(train_lines)
bpe_text = corpus_text[:50_000] + "\\n" + SHAKESPEARE_FILE.read_text(encoding="utf-8")[:50_000]
word_tokenizer = WordTokenizer.from_text("\\n".join(train_lines + val_lines))
bpe_trained = BPETokenizer.train(bpe_text, vocab_size=2000)
bpe_by_size = {size: BPETokenizer(bpe_trained.merges[: size - 257]) for size in (300, 1000, 2000)}
our_bpe = {size: msg("lesson03.our_bpe", size=size) for size in (300, 1000, 2000)}
tokenizers = {
    msg("lesson03.characters"): CharTokenizer.from_text(bpe_text),
    msg("lesson03.toy_words"): word_tokenizer,
    **{our_bpe[size]: bpe_by_size[size] for size in (300, 1000, 2000)},
    "cl100k_base": TiktokenTokenizer("cl100k_base"),
}
playground = TokenizerPlayground(tokenizers, "the cats sleep in the garden 猫 が 寝る")
playground'''),
    GalleryWidget("04", "embedding replay", "EmbeddingReplay", '''
from llmlab.studies.embeddings import load_snapshots, words_of_kind
from llmlab.toy.corpus import word_kinds
from llmlab.ui.widgets.embeddings import EmbeddingReplay

snapshots = load_snapshots()
kinds = word_kinds()
map_words = [word for kind in ("animal", "vehicle", "place") for word in words_of_kind(tokenizer, kinds, kind)]
replay = EmbeddingReplay(snapshots, tokenizer, map_words, kinds, pair=("cat", "dog", "car"))
replay''', {"word": ("bird", "cat"), "compare with": ("cats", "dog"), "and with": ("bus", "car")}),
    GalleryWidget("05", "query, keys and values", "QKVWidget", '''
from llmlab.ui.widgets.qkv import QKVWidget

QKVWidget()'''),
    GalleryWidget("06", "next-token explorer", "NextTokenExplorer", '''
from llmlab.ui.widgets.generation import NextTokenExplorer

explorer = NextTokenExplorer(model, tokenizer, "EN: the", seed=0)
explorer'''),
    GalleryWidget("08", "attention explorer", "AttentionExplorer", '''
from llmlab.studies.copying import COLOUR_FROM
from llmlab.toy.facts import FactQuestion
from llmlab.ui.widgets.attention import AttentionExplorer

fact_lines = [line for line in val_lines if " ? " in line][:200]
question = FactQuestion.parse(fact_lines[0])
explorer = AttentionExplorer(model, tokenizer, question.prompt + " the")
explorer.select(layer=0, head=3, query=COLOUR_FROM)
explorer'''),
    # Lesson 08 shows this plot only when its LIVE switch is on (the shipped recipe trains for minutes): here,
    # with the lesson's arguments, it shows the recorded run the lesson replays (data/copying_replay.pt).
    GalleryWidget("08", "copying replay (LIVE = True)", "LiveCopyingPlot", '''
from llmlab.studies.copying import load_copying_snapshots
from llmlab.toy.recipe import SHIPPED_RECIPE
from llmlab.ui.plots.copying import fill_replay
from llmlab.ui.widgets.training import LiveCopyingPlot

fact_lines = [line for line in val_lines if " ? " in line][:200]
copying = LiveCopyingPlot(tokenizer, fact_lines, steps=SHIPPED_RECIPE.steps)
display(copying)
fill_replay(copying.lines, load_copying_snapshots())
copying.refresh()'''),
    # Lesson 09 trains a fresh model for 200 steps while its plot follows (13 s): here the plot, with the
    # lesson's arguments, shows the first 200 steps of the shipped model's own training history instead.
    GalleryWidget("09", "live loss plot", "LiveLossPlot", '''
from llmlab.ui.widgets.training import LiveLossPlot

history = metadata["history"]
plot = LiveLossPlot(200, floor=metadata["floor"])
display(plot)
for step, loss in zip(history["steps"][:200], history["train_loss"]):
    plot.on_step(step, loss)
for step, loss in zip(history["val_steps"], history["val_loss"]):
    if step <= 200:
        plot.add_validation(step, loss)
plot.update()'''),
    GalleryWidget("10", "attention explorer", "AttentionExplorer", '''
from llmlab.ui.widgets.attention import AttentionExplorer

attention = AttentionExplorer(model, tokenizer)
attention'''),
    GalleryWidget("10", "hidden-state explorer", "HiddenStateExplorer", f'''
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer

text = {LESSON_10_TEXT!r}
hidden = HiddenStateExplorer(model, tokenizer, text)
hidden'''),
)


def lesson_widgets() -> set[tuple[str, str]]:
    """(lesson, class) of every widget class a lesson (notebooks/NN_*.ipynb) imports from llmlab.ui.widgets."""
    found = set()
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
        for names in re.findall(r"from llmlab\.ui\.widgets\.\w+ import ([\w, ]+)", source):
            found |= {(path.name[:2], name.strip()) for name in names.split(",") if name.strip()[:1].isupper()}
    return found


def write_gallery(path: Path) -> None:
    """The gallery notebook: a setup cell, then one cell per widget of ``GALLERY``."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(GALLERY_SETUP.strip())]
    notebook.cells += [nbformat.v4.new_code_cell(widget.code.strip()) for widget in GALLERY]
    nbformat.write(notebook, path)


# --- what the page is asked (JavaScript) -------------------------------------------------------------------

# Listeners, once per page: the time of the last input event of each kind (capture phase on the window, before
# any front end's own key handling), and for each panel's image every `load`: the time and a hash of its pixels.
INSTALL = """() => {
    if (window.__walk) return;
    const input = {};
    const canvas = document.createElement('canvas');
    const note = event => {
        input[event.type] = performance.now();
        if (event.type === 'keydown') input['key:' + event.key] = input.keydown;
    };
    for (const type of ['keydown', 'click', 'change', 'pointerdown', 'pointermove', 'pointerup']) {
        window.addEventListener(type, note, true);
    }
    const panels = () => [...document.querySelectorAll('.llmlab-panel')];
    const hash = img => {  // FNV-1a over the decoded pixels: equal pictures, equal hashes
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d', {willReadFrequently: true});
        context.drawImage(img, 0, 0);
        const words = new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
        let h = 2166136261;
        for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
        return `${h >>> 0}:${canvas.width}x${canvas.height}`;
    };
    const message = panel => {  // the message area: the text beside the panel's save button
        const area = panel.querySelector(':scope > .widget-hbox > .widget-button + .widget-html');
        return area ? area.innerText.trim() : '';
    };
    const loads = [];
    window.__walk = {input, loads, panels, hash, message};
    window.__walk.listen = () => panels().forEach((panel, index) => {
        const img = panel.querySelector('img.widget-image');
        if (img && !img.__walk) {
            img.__walk = true;
            img.addEventListener('load', () => {
                const t = performance.now();
                loads.push({index, t, hash: hash(img)});
            });
        }
    });
    window.__walk.state = index => {
        const img = panels()[index].querySelector('img.widget-image');
        return {now: performance.now(), loads: loads.filter(load => load.index === index).length,
                message: message(panels()[index]), hash: img && img.complete ? hash(img) : ''};
    };
}"""
# Every control in a panel's top row, in page order, each marked with data-walk="<panel>-<n>" to be found again.
CONTROLS = r"""(panel, index) => {
    const row = panel.querySelector(':scope > .widget-hbox');
    if (!row) return [];
    const found = row.querySelectorAll(
        '.widget-slider, .widget-dropdown, .widget-text, .widget-textarea, .widget-checkbox, .widget-button');
    return [...found].map((element, n) => {
        element.dataset.walk = `${index}-${n}`;
        const has = name => element.classList.contains(name);
        const input = element.querySelector('input');
        const kind = has('widget-slider') ? (has('llmlab-choice-slider') ? 'choice' : 'slider')
            : has('widget-dropdown') ? 'menu' : has('widget-textarea') ? 'textarea'
            : has('widget-checkbox') ? 'checkbox' : has('widget-button') ? 'button'
            : input && input.type === 'number' ? 'number' : 'text';
        const label = element.querySelector(':scope > .widget-label, .widget-label-basic span');
        const visible = text => (text || '').replace(/[\u200b\s]+/g, ' ').trim();
        const name = visible(label && label.innerText) || visible(element.innerText)
            || element.querySelector('textarea, input')?.placeholder || kind;
        return {selector: `[data-walk="${index}-${n}"]`, kind, name};
    });
}"""
# What in an output is wider than the output area: an element reaching past its right edge, or one that
# scrolls sideways, named by tag and classes with the widths in px (as in test_browser.py).
TOO_WIDE = """output => {
    const right = output.getBoundingClientRect().right;
    return [output, ...output.querySelectorAll('*')].filter(e =>
        e.getBoundingClientRect().right > right + 1
        || (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    ).map(e => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`);
}"""
# The slider's noUiSlider: its step and range (for a log slider, in exponents), and the handle's value.
SLIDER_STATE = """element => {
    const slider = element.querySelector('.noUi-target').noUiSlider;
    const handle = element.querySelector('.noUi-handle');
    return {step: slider.options.step, min: slider.options.range.min, max: slider.options.range.max,
            now: Number(slider.get()), handle: handle.getAttribute('aria-valuenow'),
            readout: element.querySelector('.widget-readout').innerText.trim()};
}"""


# --- results ---------------------------------------------------------------------------------------------

@dataclass
class ControlResult:
    """One control of one widget in one front end, worked ``how`` (arrow key, typed + Enter, click, ...)."""

    lesson: str
    widget: str
    control: str
    how: str
    times_ms: list[float] = field(default_factory=list)  # input event → new picture loaded, one per input
    said: list[str] = field(default_factory=list)  # the messages of inputs answered without a new picture
    problems: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return self.lesson, self.widget, self.control, self.how


@dataclass
class WalkResult:
    """One front end's walk: every control's result, the problems outside controls, the machine's load."""

    ui: str
    controls: list[ControlResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    seconds: float = 0.0
    output_width_px: float = 0.0

    def all_problems(self) -> list[str]:
        """Every failed check, each naming the front end, lesson, widget and control."""
        front_end = FRONT_ENDS[self.ui]
        found = [f"{front_end}: {problem}" for problem in self.problems]
        for result in self.controls:
            found += [f"{front_end}: lesson {result.lesson} {result.widget}, {result.control} ({result.how}): {problem}"
                      for problem in result.problems]
        return found


def there_and_back(moves: int) -> int:
    """``moves`` made even: a text or number box ends on the value it started with (a later control sees the
    widget as built)."""
    return moves + moves % 2


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- walking ---------------------------------------------------------------------------------------------

class NoAnswer(Exception):
    """An input got neither a new picture nor a new message in time."""


class Walker:
    """Works the controls of the gallery's panels in one open page (``ui``: "lab" or "notebook")."""

    def __init__(self, nb_page: NotebookPage, ui: str, moves: int, typed_moves: int) -> None:
        self.nb_page, self.page, self.ui = nb_page, nb_page.page, ui
        self.moves, self.typed_moves = moves, typed_moves
        self.answer_ms = under_load(ANSWER_WITHIN_S) * 1000
        self.page.evaluate(INSTALL)
        self.page.evaluate("() => window.__walk.listen()")

    # one input, its answer

    def move(self, panel: int, result: ControlResult, act, event: str) -> str | None:
        """Do ``act()`` (one input whose moment is the page's last ``event``; "a|b": the first of a and b seen
        between the input and the picture), wait for the answer (a new picture, or a new message), record it.

        Returns "picture", "message", or None after recording a problem.
        """
        before = self.page.evaluate("i => window.__walk.state(i)", panel)
        act()
        try:
            self.page.wait_for_function(
                """([i, n, text]) => window.__walk.loads.filter(l => l.index === i).length > n
                                     || window.__walk.message(window.__walk.panels()[i]) !== text""",
                arg=[panel, before["loads"], before["message"]], timeout=self.answer_ms)
        except PlaywrightTimeout:
            result.problems.append(f"no new picture and no new message within {self.answer_ms / 1000:.0f} s")
            return None
        loads = self._loads_since(panel, before["loads"])
        if not loads:  # a message came first: a picture may still follow
            try:
                self.page.wait_for_function("([i, n]) => window.__walk.loads.filter(l => l.index === i).length > n",
                                            arg=[panel, before["loads"]], timeout=under_load(NO_PICTURE_GRACE_S) * 1000)
                loads = self._loads_since(panel, before["loads"])
            except PlaywrightTimeout:
                pass
        message = self.page.evaluate("i => window.__walk.message(window.__walk.panels()[i])", panel)
        if loads and loads[-1]["hash"] != before["hash"]:
            # the input's moment: the first of the events (``a|b``) seen since the input began and before the picture
            seen = self.page.evaluate("events => events.map(e => window.__walk.input[e] || 0)", event.split("|"))
            moments = [t for t in seen if before["now"] <= t <= loads[0]["t"]]
            if moments:
                result.times_ms.append(loads[0]["t"] - moments[0])
            else:
                result.problems.append(f"the page saw no {event} event before the new picture")
            return "picture"
        if message and message != before["message"]:
            result.said.append(message)
            return "message"
        result.problems.append("the picture stayed the same and no new message said why"
                               + (f" (message: {message!r})" if message else ""))
        return None

    def _loads_since(self, panel: int, n: int) -> list[dict]:
        return self.page.evaluate("([i, n]) => window.__walk.loads.filter(l => l.index === i).slice(n)", [panel, n])

    # the controls, by kind

    def walk_panel(self, index: int, widget: GalleryWidget) -> list[ControlResult]:
        panel = self.page.locator(".llmlab-panel").nth(index)
        results = []
        for control in panel.evaluate(CONTROLS, index):
            element = panel.locator(control["selector"])
            kind, name = control["kind"], control["name"]
            new = lambda how: ControlResult(widget.lesson, widget.name, name, how)  # noqa: E731
            if kind in ("slider", "choice"):
                if self.ui == "lab":  # Notebook 7 gives the arrow keys to its own shortcuts
                    results.append(self.arrows(index, element, new("arrow key")))
                if kind == "slider":
                    results.append(self.typed_readout(index, element, new("typed + Enter")))
                else:
                    results.append(self.read_only_label(element, new("number box: a read-only label")))
                    if self.ui != "lab":
                        results.append(self.drags(index, element, new("drag")))
            elif kind == "menu":
                results.append(self.menu(index, element, new("menu")))
            elif kind == "checkbox":
                results.append(self.clicks(index, element.locator("input"), new("click"), self.moves))
            elif kind == "number":
                results.append(self.typed_box(index, element, new("typed + Enter")))
            elif kind == "text":
                results.append(self.typed_text(index, element, widget.texts.get(name), new("typed + Enter")))
            elif kind == "textarea":
                results.append(self.keystrokes(index, element, new("keystroke")))
        buttons = [c for c in panel.evaluate(CONTROLS, index) if c["kind"] == "button"]
        if buttons:
            results += self.buttons(index, panel, buttons, widget)
        save = panel.locator(":scope > .widget-hbox > .widget-button").last
        results.append(self.clicks(index, save, ControlResult(widget.lesson, widget.name, save.inner_text().strip(),
                                                               "click"), 1))
        return results

    def arrows(self, panel: int, element: Locator, result: ControlResult) -> ControlResult:
        """Arrow keys on the handle: right, left, right, ... (left first at the slider's end)."""
        handle = element.locator(".noUi-handle")
        at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        keys = ("ArrowLeft", "ArrowRight") if at_end else ("ArrowRight", "ArrowLeft")
        for move in range(self.moves):
            key = keys[move % 2]
            if not self.move(panel, result, lambda: (handle.focus(), handle.press(key)), f"key:{key}"):
                break
        return result

    def typed_readout(self, panel: int, element: Locator, result: ControlResult) -> ControlResult:
        """Type a number into the slider's number box, Enter: the slider and the picture follow.

        The number: the next step up (down at the slider's end), then back, and so on. A log slider (its
        readout is not its handle's position) takes half its value, then the value again.
        """
        start = element.evaluate(SLIDER_STATE)
        value = float(start["readout"])
        step = start["step"] or 1
        if abs(value - start["now"]) > step + 1e-9:  # a log slider: its handle moves along the exponent
            other = value / 2
        else:
            other = value + step if value + step <= start["max"] + 1e-9 else value - step
        readout = element.locator(".widget-readout")
        for move in range(self.typed_moves):
            target = other if move % 2 == 0 else value
            if target == value and move == 0:
                continue
            text = f"{round(target, 6):g}"

            def act() -> None:
                readout.click()
                self.page.keyboard.press("Control+A")
                self.page.keyboard.type(text)
                self.page.keyboard.press("Enter")

            if not self.move(panel, result, act, "key:Enter"):
                break
            now = element.evaluate(SLIDER_STATE)
            shown = float(now["readout"])
            moved = not math.isclose(now["now"], start["now"], rel_tol=1e-6) if target != value else True
            if not math.isclose(shown, target, rel_tol=1e-2, abs_tol=1e-6) or not moved:
                result.problems.append(f"typed {text}: the number box shows {now['readout']!r}, the handle is at "
                                       f"{now['now']:g} (was {start['now']:g})")
                break
        return result

    def read_only_label(self, element: Locator, result: ControlResult) -> ControlResult:
        """A selection slider's number box is a label that takes no typing."""
        style = element.locator(".widget-readout").evaluate(
            "box => [getComputedStyle(box).pointerEvents, getComputedStyle(box).webkitUserModify]")
        if style != ["none", "read-only"]:
            result.problems.append(f"its number box takes typing that goes nowhere (pointer-events, user-modify: "
                                   f"{style})")
        return result

    def drags(self, panel: int, element: Locator, result: ControlResult) -> ControlResult:
        """Drag the handle to the next choice (the previous one at the end), then back, and so on; timed from
        the release (from the last move for a slider that reports while it is dragged).

        A click on the track would often land on the handle itself: a choice is a few pixels wide.
        """
        handle = element.locator(".noUi-handle")
        low, high = (float(handle.get_attribute(name)) for name in ("aria-valuemin", "aria-valuemax"))
        start = float(handle.get_attribute("aria-valuenow"))
        other = start + 1 if start < high else start - 1
        for move in range(self.moves):
            target = other if move % 2 == 0 else start
            track, grip = element.locator(".noUi-base").bounding_box(), handle.bounding_box()
            x = track["x"] + track["width"] * (target - low) / max(high - low, 1)
            x += 8 if target == high else -8 if target == low else 0  # past the end: the slider stops there
            y = grip["y"] + grip["height"] / 2

            def act() -> None:
                self.page.mouse.move(grip["x"] + grip["width"] / 2, y)
                self.page.mouse.down()
                self.page.mouse.move(x, y)
                self.page.mouse.up()

            if not self.move(panel, result, act, "pointerup|pointermove"):
                break
            if float(handle.get_attribute("aria-valuenow")) != target:
                where = handle.get_attribute("aria-valuenow")
                result.problems.append(f"dragged to choice {target:g}: the handle is at {where}")
                break
        return result

    def menu(self, panel: int, element: Locator, result: ControlResult) -> ControlResult:
        """Pick the menu's next entries in turn (every entry, for a menu of at most 8)."""
        select = element.locator("select")
        n_options = select.evaluate("s => s.options.length")
        start = select.evaluate("s => s.selectedIndex")
        moves = max(self.moves, n_options - 1) if n_options <= 8 else self.moves
        for move in range(moves):
            option = (start + 1 + move) % n_options
            if not self.move(panel, result, lambda: select.select_option(index=option), "change"):
                break
        return result

    def clicks(self, panel: int, target: Locator, result: ControlResult, moves: int) -> ControlResult:
        for _ in range(moves):
            if not self.move(panel, result, target.click, "click"):
                break
        return result

    def typed_box(self, panel: int, element: Locator, result: ControlResult) -> ControlResult:
        """A number box: twice its number (its number less 1 past its maximum), Enter; then back, and so on."""
        box = element.locator("input")
        value = int(box.input_value())
        high = box.get_attribute("max")
        other = value * 2 if high is None or value * 2 <= float(high) else value - 1
        for move in range(there_and_back(self.moves)):
            text = str(other if move % 2 == 0 else value)
            if not self.move(panel, result, lambda: (box.fill(text), box.press("Enter")), "key:Enter"):
                break
        return result

    def typed_text(self, panel: int, element: Locator, values: tuple[str, ...] | None,
                   result: ControlResult) -> ControlResult:
        """A text box that reports on Enter: the next of ``values`` (default: its text with " the" added, then
        its text again), Enter."""
        box = element.locator("input")
        start = box.input_value()
        values = values or (start + " the", start)
        for move in range(there_and_back(self.moves)):
            text = values[move % len(values)]
            if not self.move(panel, result, lambda: (box.fill(text), box.press("Enter")), "key:Enter"):
                break
        return result

    def keystrokes(self, panel: int, element: Locator, result: ControlResult) -> ControlResult:
        """A box that reports every keystroke: a letter at the end, then Backspace, and so on."""
        box = element.locator("textarea")
        box.focus()
        box.press("End")
        for move in range(self.moves):
            key = "s" if move % 2 == 0 else "Backspace"
            if not self.move(panel, result, lambda: box.press(key), f"key:{key}"):
                break
        return result

    def buttons(self, panel: int, locator: Locator, buttons: list[dict], widget: GalleryWidget) -> list[ControlResult]:
        """Buttons (other than save) pressed in turn, round after round (sample, greedy, reset, sample, ...)."""
        results = [ControlResult(widget.lesson, widget.name, button["name"], "click") for button in buttons]
        for _ in range(self.moves):
            for button, result in zip(buttons, results):
                if not result.problems:
                    self.move(panel, result, locator.locator(button["selector"]).click, "click")
        return results

    # fitting

    def fit_problems(self, index: int, widget: GalleryWidget, when: str) -> list[str]:
        """Whether panel ``index`` fits: figure at its own size, nothing wider than the output area, controls and
        figure within the window's height; in JupyterLab the output area is 848 px (the sidebar is open)."""
        name = f"lesson {widget.lesson} {widget.name} ({when})"
        panel = self.page.locator(".llmlab-panel").nth(index)
        output = panel.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')][1]")
        problems = []
        width = output.evaluate("o => o.getBoundingClientRect().width")
        if self.ui == "lab" and abs(width - OUTPUT_WIDTH_LAB_PX) > 1:
            problems.append(f"{name}: the output area is {width:.0f} px wide, not {OUTPUT_WIDTH_LAB_PX} "
                            "(is the file browser open?)")
        too_wide = output.evaluate(TOO_WIDE)
        if too_wide:
            problems.append(f"{name}: wider than its {width:.0f}-px output area: {too_wide[:5]}")
        image = panel.locator("img.widget-image").first
        natural, shown = image.evaluate("img => [img.naturalWidth, img.clientWidth]")
        if natural != shown:
            problems.append(f"{name}: the figure is {natural} px wide but shown at {shown} px")
        visible = self.page.locator(".jp-NotebookPanel-notebook").first.bounding_box()["height"]
        top = panel.bounding_box()["y"]
        image_box = image.bounding_box()
        height = image_box["y"] + image_box["height"] - top
        if height > visible:
            problems.append(f"{name}: controls and figure take {height:.0f} px of the {visible:.0f} px shown")
        return problems


# --- a whole walk ----------------------------------------------------------------------------------------

def wait_until_every_cell_ran(nb_page: NotebookPage, n_cells: int) -> None:
    """Wait until every code cell's prompt shows its execution count (the kernel finished the whole gallery)."""
    deadline = time.monotonic() + nb_page.timeout_ms / 1000
    while time.monotonic() < deadline:
        prompts = nb_page.page.locator(CODE_PROMPT).all_inner_texts()
        if len(prompts) == n_cells and all(re.search(r"\[\d+\]", prompt) for prompt in prompts):
            return
        time.sleep(0.3)
    raise TimeoutError(f"the gallery did not finish running within {nb_page.timeout_ms / 1000:.0f} s")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def walk_front_end(workdir: Path, ui: str, moves: int = MOVES, typed_moves: int | None = None,
                   screenshots: bool = True) -> WalkResult:
    """Open the gallery in ``ui`` ("lab": JupyterLab, "notebook": Notebook 7) on a server of its own, run it,
    check every widget and work every control ``moves`` times; a slider's number box ``typed_moves`` times
    (default: once in JupyterLab, where its arrow keys are the ``moves``; ``moves`` in Notebook 7, where
    typing is the keyboard's way). Panels are saved as build/browser/walk_<ui>_<lesson>_<widget>.png."""
    if typed_moves is None:
        typed_moves = 1 if ui == "lab" else moves
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "gallery.ipynb"
    write_gallery(path)
    result = WalkResult(ui, load_before=os.getloadavg())
    started = time.monotonic()
    with jupyterlab(path, workdir / "lab") as lab, chromium(workdir / "profile") as page:
        logged: list[str] = []  # what the page logs as an error, and every request answered 4xx/5xx
        page.on("console", lambda message: message.type == "error" and logged.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: logged.append(f"uncaught: {error.message}"))
        page.on("response", lambda reply: reply.status >= 400 and logged.append(f"HTTP {reply.status} {reply.url}"))
        nb_page = NotebookPage(page, timeout_s=180)
        nb_page.open(lab, path.name, ui)
        nb_page.run_all_cells()
        wait_until_every_cell_ran(nb_page, 1 + len(GALLERY))
        panels = page.locator(".llmlab-panel")
        if panels.count() != len(GALLERY):
            result.problems.append(f"{panels.count()} widgets shown, not {len(GALLERY)}")
            return result
        for index in range(len(GALLERY)):
            nb_page.wait_for_image(index)
        result.output_width_px = page.locator(OUTPUT).first.evaluate("o => o.getBoundingClientRect().width")
        walker = Walker(nb_page, ui, moves, typed_moves)
        for index, widget in enumerate(GALLERY):
            panel = panels.nth(index)
            panel.scroll_into_view_if_needed()
            errors = panel.locator(WIDGET_ERROR).all_inner_texts()
            if errors:
                result.problems.append(f"lesson {widget.lesson} {widget.name}: shows an error as built: {errors}")
            result.problems += walker.fit_problems(index, widget, "as built")
            result.controls += walker.walk_panel(index, widget)
            result.problems += walker.fit_problems(index, widget, "after its controls were worked")
            if screenshots:
                screenshot(panel, f"walk_{ui}_{widget.lesson}_{slug(widget.name)}")
        result.problems += [f"error in the outputs: {text[:300]}" for text in nb_page.error_outputs()]
        result.problems += [f"the page logged: {problem}" for problem in logged
                            if problem not in UPSTREAM_PROBLEMS.get(ui, ())]
    result.load_after = os.getloadavg()
    result.seconds = time.monotonic() - started
    return result


def walk_gallery(workdir: Path, moves: int = MOVES, typed_moves: int | None = None,
                 uis: tuple[str, ...] = tuple(FRONT_ENDS), table: Path | None = TABLE_PATH) -> dict[str, WalkResult]:
    """Walk the gallery in each front end of ``uis`` (each on a server of its own: one server serving both
    front ends answers some font requests with 403, see test_browser.py); write the timing table to ``table``."""
    require_chromium()
    results = {ui: walk_front_end(workdir / ui, ui, moves, typed_moves) for ui in uis}
    if table is not None:
        table.parent.mkdir(parents=True, exist_ok=True)
        table.write_text(timing_table(results, moves), encoding="utf-8")
    return results


# --- the table -------------------------------------------------------------------------------------------

def ordered_keys(results: dict[str, WalkResult]) -> list[tuple[str, str, str, str]]:
    """Every (lesson, widget, control, input) of any front end, in gallery order; an input only one front end
    has (Notebook 7's clicks on a track) comes after the same control's others."""
    keys: list[tuple[str, str, str, str]] = []
    for result in results.values():
        for control in result.controls:
            if control.key in keys:
                continue
            same = [i for i, key in enumerate(keys) if key[:3] == control.key[:3]]
            same_widget = [i for i, key in enumerate(keys) if key[:2] == control.key[:2]]
            at = (same or same_widget or [len(keys) - 1])[-1] + 1
            keys.insert(at, control.key)
    return keys


def timing_table(results: dict[str, WalkResult], moves: int) -> str:
    """Markdown: per control and front end, median, p95 and n of input → new picture (ms), how many inputs were
    answered by a message instead, and the checks' verdict."""
    uis = list(results)
    lines = [
        "# Input → new picture, every lesson widget's controls, in chromium at 1280×900",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, {moves} inputs per control "
        "(a slider's number box: once in JupyterLab, where its arrow keys are timed). Times in ms, taken in the "
        "page: from the input event (key, click, menu change) to the widget image's `load` (new picture decoded). "
        "Reported, not asserted: a busy machine inflates every figure.",
        "",
    ]
    for ui, result in results.items():
        lines.append(f"- {FRONT_ENDS[ui]}: load average (1/5/15 min) {'/'.join(f'{x:.2f}' for x in result.load_before)}"
                     f" before, {'/'.join(f'{x:.2f}' for x in result.load_after)} after; walk {result.seconds:.0f} s; "
                     f"output area {result.output_width_px:.0f} px wide; {len(result.all_problems())} failed checks")
    header = "| lesson | widget | control | input | " + " | ".join(
        f"{FRONT_ENDS[ui]} median | p95 | n" for ui in uis) + " | answered by a message | checks |"
    lines += ["", header, "|" + "---|" * (4 + 3 * len(uis) + 2)]
    by_key = {ui: {control.key: control for control in result.controls} for ui, result in results.items()}
    for key in ordered_keys(results):
        cells = list(key)
        said, problems = [], []
        for ui in uis:
            control = by_key[ui].get(key)
            times = control.times_ms if control else []
            if times:
                cells += [f"{statistics.median(times):.0f}", f"{percentile(times, 0.95):.0f}", str(len(times))]
            else:
                cells += ["–", "–", "0" if control else "–"]
            if control and control.said:
                said.append(f"{FRONT_ENDS[ui]} {len(control.said)}×: {control.said[0][:70]}")
            if control:
                problems += [f"{FRONT_ENDS[ui]}: {problem}" for problem in control.problems]
        cells.append("; ".join(said).replace("|", "/"))
        cells.append(("FAILED: " + "; ".join(problems)).replace("|", "/") if problems else "ok")
        lines.append("| " + " | ".join(cells) + " |")
    others = [problem for result in results.values() for problem in result.problems]
    lines += ["", "Other failed checks: " + ("none" if not others else "")]
    lines += [f"- {FRONT_ENDS[ui]}: {problem}" for ui, result in results.items() for problem in result.problems]
    return "\n".join(lines) + "\n"
