"""The attention explorer works in a real JupyterLab in a real browser: moving the head slider redraws it.

Opens a fresh copy of lesson 09, runs every cell, moves the attention explorer's head slider and
compares the heatmap's pixels before and after. Screenshots are kept in build/browser/.
Needs Debian's chromium at /usr/bin/chromium (`make test` installs it when run as root).
Without it the test is skipped, or fails when LLMLAB_REQUIRE_BROWSER=1 (as in CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser.harness import CHROMIUM, NotebookPage, chromium, jupyterlab, pixels_differ, screenshot
from llmlab.paths import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = REPO_ROOT / "notebooks" / "09_exploring_the_trained_model.ipynb"
# Lesson 09's widgets in page order: the attention explorer's sliders are layer, head, temperature.
ATTENTION_IMAGE, HEAD_SLIDER = 0, 1
WIDGET_ERROR = "span[style*='#b00020']"  # the red text of a widget's message area


def require_chromium() -> None:
    """Skip without chromium, unless the browser test is required (then fail)."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    if os.environ.get("LLMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; LLMLAB_REQUIRE_BROWSER=1 requires the browser test", pytrace=False)
    pytest.skip(reason)


def test_head_slider_redraws_the_attention_heatmap(tmp_path: Path) -> None:
    require_chromium()
    with jupyterlab(NOTEBOOK, tmp_path / "lab") as lab, chromium(tmp_path / "profile") as page:
        nb_page = NotebookPage(page, timeout_s=120)
        nb_page.open(lab, NOTEBOOK.name)
        nb_page.run_all_cells()

        image = nb_page.wait_for_image(ATTENTION_IMAGE)
        before_src = image.get_attribute("src") or ""
        before = screenshot(image, "attention_before")

        nb_page.move_slider(HEAD_SLIDER, steps=2)
        nb_page.wait_for_image_change(before_src, ATTENTION_IMAGE)
        after = screenshot(nb_page.image(ATTENTION_IMAGE), "attention_after")

        assert pixels_differ(before, after), "the heatmap looks the same after moving the head slider"
        assert not nb_page.error_outputs(), f"errors in the outputs: {nb_page.error_outputs()}"
        widget_errors = page.locator(WIDGET_ERROR).all_inner_texts()
        assert not widget_errors, f"the widgets show errors: {widget_errors}"
