"""Lesson 05 in a real JupyterLab in a real browser: moving the query slider redraws the Q/K/V widget.

Opens a fresh copy of lesson 05, runs every cell, waits for the last cell's output, moves the
query widget's x slider and compares the widget's pixels before and after. Screenshots are kept
in build/browser/. Needs Debian's chromium, like tests/browser/test_browser.py.
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

NOTEBOOK = REPO_ROOT / "notebooks" / "05_attention.ipynb"
# Lesson 05 has one widget: the query's x slider, then its y slider, above one image.
QUERY_IMAGE, X_SLIDER = 0, 0
# The last cell (the attention exercise, left unanswered) prints this when the whole notebook has run.
LAST_OUTPUT = msg("ex05.attention.returns_nothing")[:40]


def test_query_slider_redraws_the_qkv_widget(tmp_path: Path) -> None:
    require_chromium()
    with jupyterlab(NOTEBOOK, tmp_path / "lab") as lab, chromium(tmp_path / "profile") as page:
        nb_page = NotebookPage(page, timeout_s=300)  # the whole lesson runs first
        nb_page.open(lab, NOTEBOOK.name)
        nb_page.run_all_cells()
        expect(page.get_by_text(LAST_OUTPUT)).to_be_visible(timeout=nb_page.timeout_ms)

        image = nb_page.wait_for_image(QUERY_IMAGE)
        before_src = image.get_attribute("src") or ""
        before = screenshot(image, "qkv_before")

        nb_page.move_slider(X_SLIDER, steps=5)
        nb_page.wait_for_image_change(before_src, QUERY_IMAGE)
        after = screenshot(nb_page.image(QUERY_IMAGE), "qkv_after")

        assert pixels_differ(before, after), "the Q/K/V widget looks the same after moving the query slider"
        assert not nb_page.error_outputs(), f"errors in the outputs: {nb_page.error_outputs()}"
        widget_errors = page.locator(WIDGET_ERROR).all_inner_texts()
        assert not widget_errors, f"the widget shows errors: {widget_errors}"
