"""Lesson 10 in a real browser, in JupyterLab and in Notebook 7: the explorers redraw when used.

Opens a fresh copy of lesson 10, runs every cell, moves the attention explorer's head slider and
compares the heatmap's pixels before and after; times the explorers' redraws as seen by the page (printed
and written to build/browser/explorer_timings.txt: speed targets live in `make bench`, not here). Every
lesson's widgets, their fit and every control are walked in test_walk.py.
In Notebook 7 the head slider is moved with the keyboard through its number box.
Screenshots are kept in build/browser/.
Needs Debian's chromium at /usr/bin/chromium (`make test` installs it when run as root).
Without it the test is skipped, or fails when LLMLAB_REQUIRE_BROWSER=1 (as in CI).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from browser.harness import (
    SCREENSHOT_DIR, SLIDER_READOUT, WIDGET_ERROR, NotebookPage, chromium, jupyterlab, pixels_differ, require_chromium,
    screenshot,
)
from llmlab.paths import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = REPO_ROOT / "notebooks" / "10_exploring_the_trained_model.ipynb"
# Lesson 10's widgets in page order: the attention explorer (sliders: block, head, temperature;
# image 0), then the hidden-state explorer (slider 3, image 1).
ATTENTION_IMAGE, HIDDEN_IMAGE = 0, 1
HEAD_SLIDER, HIDDEN_SLIDER = 1, 3
TIMED_MOVES = 10
# Page errors that are the front end's own, not ours, allowed only there. Notebook 7.6.5's shortcuts plugin
# (from @jupyterlab/shortcuts-extension 4.6) reads `plugins[id].schema` for every settings plugin the page
# loads, and one it loads is not among them; it throws on every Notebook 7 page, also with no settings of ours.
UPSTREAM_PROBLEMS = {"notebook": ("uncaught: Cannot read properties of undefined (reading 'schema')",)}
# What in the outputs is wider than its output area: an element reaching past its right edge, or one that
# scrolls sideways (a scroll bar), named by its tag and classes with the widths in px.
TOO_WIDE = """outputs => outputs.flatMap(output => {
    const right = output.getBoundingClientRect().right;
    return [output, ...output.querySelectorAll('*')].filter(e =>
        e.getBoundingClientRect().right > right + 1
        || (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    ).map(e => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`);
})"""


@contextmanager
def lesson_10(tmp_path: Path, ui: str) -> Iterator[NotebookPage]:
    """Lesson 10 opened in ``ui`` ("lab" or "notebook"), every cell run, the first figure shown."""
    require_chromium()
    with jupyterlab(NOTEBOOK, tmp_path / "lab") as lab, chromium(tmp_path / "profile") as page:
        problems: list[str] = []  # what the page logs as an error, and every request answered 4xx/5xx
        page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"uncaught: {error.message}"))
        page.on("response", lambda reply: reply.status >= 400 and problems.append(f"HTTP {reply.status} {reply.url}"))
        nb_page = NotebookPage(page, timeout_s=120)
        nb_page.open(lab, NOTEBOOK.name, ui)
        nb_page.run_all_cells()
        nb_page.wait_for_image(ATTENTION_IMAGE)
        nb_page.wait_for_image(HIDDEN_IMAGE)
        yield nb_page
        assert not nb_page.error_outputs(), f"errors in the outputs: {nb_page.error_outputs()}"
        widget_errors = page.locator(WIDGET_ERROR).all_inner_texts()
        assert not widget_errors, f"the widgets show errors: {widget_errors}"
        unexpected = [problem for problem in problems if problem not in UPSTREAM_PROBLEMS.get(ui, ())]
        assert not unexpected, f"the page logged errors or got error answers: {unexpected}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_head_slider_redraws_the_attention_heatmap(tmp_path: Path) -> None:
    with lesson_10(tmp_path, "lab") as nb_page:
        image = nb_page.image(ATTENTION_IMAGE)
        before_src = image.get_attribute("src") or ""
        before = screenshot(image, "attention_before")

        nb_page.move_slider(HEAD_SLIDER, steps=2)
        nb_page.wait_for_image_change(before_src, ATTENTION_IMAGE)
        after = screenshot(nb_page.image(ATTENTION_IMAGE), "attention_after")
        assert pixels_differ(before, after), "the heatmap looks the same after moving the head slider"

        for index in (ATTENTION_IMAGE, HIDDEN_IMAGE):
            natural, shown = nb_page.image(index).evaluate("img => [img.naturalWidth, img.clientWidth]")
            assert shown == natural, f"image {index} is {natural} px wide but shown at {shown} px"
        widget = nb_page.page.locator(".llmlab-panel").first
        top = widget.locator(".widget-slider").first.bounding_box()["y"]
        bottom = nb_page.image(ATTENTION_IMAGE).bounding_box()
        notebook = nb_page.page.locator(".jp-NotebookPanel-notebook").first.bounding_box()
        assert bottom["y"] + bottom["height"] - top <= notebook["height"], "sliders and figure do not fit the window"
        # every output (the logit-lens table too) fits its 848-px output area: nothing sticks out of it,
        # nothing in it scrolls sideways
        too_wide = nb_page.page.locator(".jp-OutputArea-output").evaluate_all(TOO_WIDE)
        assert not too_wide, f"parts of outputs wider than the output area: {too_wide}"
        # the hidden-state slider chooses among names: its readout is a label, not a box that takes typing
        readout = nb_page.page.locator(SLIDER_READOUT).nth(HIDDEN_SLIDER)
        style = readout.evaluate("box => [getComputedStyle(box).pointerEvents, getComputedStyle(box).webkitUserModify]")
        assert style == ["none", "read-only"], style


def test_explorers_redraw_times_in_the_browser(tmp_path: Path) -> None:
    """Input to new picture, as the page sees it, for both explorers (reported, not asserted)."""
    with lesson_10(tmp_path, "lab") as nb_page:
        lines = []
        for name, slider, image in (("attention: head slider", HEAD_SLIDER, ATTENTION_IMAGE),
                                    ("hidden states: slider", HIDDEN_SLIDER, HIDDEN_IMAGE)):
            times = nb_page.redraw_times_ms(slider, image, TIMED_MOVES)
            assert len(times) == TIMED_MOVES
            lines.append(f"{name:24s} median {statistics.median(times):6.1f} ms  p95 {percentile(times, 0.95):6.1f} ms"
                         f"  (n = {len(times)}, chromium, JupyterLab)")
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        (SCREENSHOT_DIR / "explorer_timings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("\n" + "\n".join(lines))


def test_notebook_7_runs_lesson_10_and_the_keyboard_moves_a_slider(tmp_path: Path) -> None:
    with lesson_10(tmp_path, "notebook") as nb_page:
        readout = nb_page.page.locator(SLIDER_READOUT).nth(HEAD_SLIDER)
        border = readout.evaluate("box => getComputedStyle(box).borderTopStyle")
        assert border == "solid", "the number box is not visible"
        before_src = nb_page.image(ATTENTION_IMAGE).get_attribute("src") or ""
        nb_page.type_into_readout(HEAD_SLIDER, "2")
        nb_page.wait_for_image_change(before_src, ATTENTION_IMAGE)
        assert readout.inner_text().strip() == "2"
        screenshot(nb_page.page.locator(".llmlab-panel").first, "notebook7_attention")
