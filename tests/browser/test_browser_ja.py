"""Japanese lesson 10 in a real JupyterLab in a real chromium: Japanese is drawn as Japanese, not tofu.

Opens a fresh copy of notebooks/ja/09, runs every cell, types a Japanese sentence into the
hidden-state explorer's text box, moves its slider, and checks that the explorer followed and no
output shows an error. Then it asks chromium (DevTools protocol) which fonts drew the Japanese of
the text box, the slider's label and readout, the logit-lens table and a printed verdict: each
Japanese character must come from a font that covers Japanese (Debian's fonts-noto-cjk, which
`make test` installs with chromium). The explorer is saved as build/browser/ja_hidden_states.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.fonts import japanese_font_families, tofu_reports
from browser.harness import WIDGET_ERROR, NotebookPage, chromium, jupyterlab, missing, require_chromium, screenshot
from llmlab.messages import CATALOGUES
from llmlab.paths import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = REPO_ROOT / "notebooks" / "ja" / "10_exploring_the_trained_model.ipynb"
JA = CATALOGUES["ja"]
# Lesson 10's widgets in page order: the attention explorer (image 0), the hidden-state explorer (image 1).
HIDDEN_PANEL = HIDDEN_IMAGE = 1
HIDDEN_SLIDER = 3  # after the attention explorer's block, head and temperature sliders
TYPED = "JA: 犬 が 庭 で 寝る"  # every word is in the shipped model's vocabulary
TYPED_WORD = "犬"  # a token of TYPED that the lesson's own text does not have
# The three exercises, left unanswered, each print this when the whole notebook has run.
UNANSWERED, N_UNANSWERED = JA["checks.unanswered"], 3


def require_japanese_font() -> set[str]:
    """The families of the Japanese fonts; skip without one, unless the browser test is required (then fail)."""
    families = japanese_font_families()
    if families:
        return families
    missing("no font covers Japanese (fc-list :lang=ja): install Debian's fonts-noto-cjk (make chromium)")


def test_japanese_lesson_takes_typed_japanese_and_draws_it_with_a_japanese_font(tmp_path: Path) -> None:
    require_chromium()
    japanese_fonts = require_japanese_font()
    with jupyterlab(NOTEBOOK, tmp_path / "lab") as lab, chromium(tmp_path / "profile") as page:
        nb_page = NotebookPage(page, timeout_s=300)  # the whole lesson runs first, on a busy machine
        nb_page.open(lab, NOTEBOOK.name)
        nb_page.run_all_cells()
        expect(page.get_by_text(UNANSWERED)).to_have_count(N_UNANSWERED, timeout=nb_page.timeout_ms)
        panel = page.locator(".llmlab-panel").nth(HIDDEN_PANEL)
        image = nb_page.wait_for_image(HIDDEN_IMAGE)

        typed_src = image.get_attribute("src") or ""
        text_box = panel.locator(".widget-text input").first
        text_box.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(TYPED)
        page.keyboard.press("Enter")
        typed_row = panel.locator("table b", has_text=TYPED_WORD)
        expect(typed_row).to_have_count(1, timeout=nb_page.timeout_ms)
        nb_page.wait_for_image_change(typed_src, HIDDEN_IMAGE)

        readout = panel.locator(".widget-readout").first
        moved_src = image.get_attribute("src") or ""
        after_block_0 = JA["widgets.hidden_after_block"].format(block=0)
        nb_page.step_slider_until(HIDDEN_SLIDER, "ArrowLeft", readout, after_block_0)  # after block 1 → 0
        nb_page.wait_for_image_change(moved_src, HIDDEN_IMAGE)

        assert not nb_page.error_outputs(), f"errors in the outputs: {nb_page.error_outputs()}"
        widget_errors = page.locator(WIDGET_ERROR).all_inner_texts()
        assert not widget_errors, f"the widgets show errors: {widget_errors}"

        drawn = [  # (element, its text): the text box, the slider's label and readout, the lens table, a printout
            (text_box, text_box.input_value()),
            (panel.locator(".widget-slider .widget-label").first, JA["widgets.hidden_state_label"]),
            (readout, readout.inner_text()),
            (typed_row, typed_row.inner_text()),
            (panel.locator("table th").nth(1), JA["widgets.lens_token"]),
            (page.get_by_text(UNANSWERED).first, UNANSWERED),
        ]
        tofu = tofu_reports(page, drawn, japanese_fonts)
        page.set_viewport_size({"width": 1280, "height": 1600})  # the whole explorer, clear of the status bar
        screenshot(panel, "ja_hidden_states")
        assert not tofu, "Japanese drawn without a Japanese font (tofu):\n" + "\n".join(tofu)
