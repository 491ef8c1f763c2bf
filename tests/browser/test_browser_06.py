"""Lesson 06 in a real JupyterLab in a real browser: moving the temperature slider redraws the next-token bars.

Opens a fresh copy of lesson 06, runs every cell (the two short training runs included), waits for
the exercises' output, moves the next-token explorer's temperature slider and compares the widget's
pixels before and after. Screenshots are kept in build/browser/. Needs Debian's chromium, like
tests/browser/test_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.harness import (
    WIDGET_ERROR, NotebookPage, chromium, jupyterlab, pixels_differ, require_chromium, screenshot,
)
from llmlab.messages import msg
from llmlab.paths import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = REPO_ROOT / "notebooks" / "06_masking_and_generation.ipynb"
# Lesson 06 has one widget: the next-token explorer (sliders: temperature, top-k; image 0).
BARS_IMAGE, TEMPERATURE_SLIDER = 0, 0
# The three value exercises, left unanswered, each print this when the whole notebook has run.
UNANSWERED, N_UNANSWERED = msg("checks.unanswered"), 3


def test_temperature_slider_redraws_the_next_token_bars(tmp_path: Path) -> None:
    require_chromium()
    with jupyterlab(NOTEBOOK, tmp_path / "lab") as lab, chromium(tmp_path / "profile") as page:
        nb_page = NotebookPage(page, timeout_s=1800)  # the whole lesson runs first (training: slow on a busy machine)
        nb_page.open(lab, NOTEBOOK.name)
        nb_page.run_all_cells()
        expect(page.get_by_text(UNANSWERED)).to_have_count(N_UNANSWERED, timeout=nb_page.timeout_ms)

        image = nb_page.wait_for_image(BARS_IMAGE)
        before_src = image.get_attribute("src") or ""
        before = screenshot(image, "next_token_before")

        nb_page.move_slider(TEMPERATURE_SLIDER, steps=-12)  # temperature 1.0 → 0.4: sharper bars
        nb_page.wait_for_image_change(before_src, BARS_IMAGE)
        after = screenshot(nb_page.image(BARS_IMAGE), "next_token_after")

        assert pixels_differ(before, after), "the next-token bars look the same after moving the temperature"
        assert not nb_page.error_outputs(), f"errors in the outputs: {nb_page.error_outputs()}"
        widget_errors = page.locator(WIDGET_ERROR).all_inner_texts()
        assert not widget_errors, f"the widget shows errors: {widget_errors}"
