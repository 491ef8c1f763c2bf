"""A widget works in a real JupyterLab in a real browser: moving a slider redraws an image.

Needs Debian's chromium at /usr/bin/chromium (`make test` installs it when run as root).
Without it the test is skipped, or fails when LLMLAB_REQUIRE_BROWSER=1 (as in CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from browser.harness import CHROMIUM, NotebookPage, chromium, jupyterlab, pixels_differ, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SLIDER_IMAGE_CODE = '''\
import io

import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np


def draw(frequency: int) -> bytes:
    """A sine wave of the given frequency, as PNG bytes."""
    x = np.linspace(0, 2 * np.pi, 400)
    fig, ax = plt.subplots(figsize=(4, 2.5), dpi=80)
    ax.plot(x, np.sin(frequency * x))
    ax.set_title(f"frequency {frequency}")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


slider = widgets.IntSlider(value=1, min=1, max=8, description="frequency")
image = widgets.Image(value=draw(slider.value), format="png")
slider.observe(lambda change: setattr(image, "value", draw(change["new"])), names="value")
widgets.VBox([slider, image])
'''


def require_chromium() -> None:
    """Skip without chromium, unless the browser test is required (then fail)."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    if os.environ.get("LLMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; LLMLAB_REQUIRE_BROWSER=1 requires the browser test", pytrace=False)
    pytest.skip(reason)


def write_slider_notebook(path: Path) -> Path:
    """A notebook whose slider redraws a matplotlib figure shown in an image widget."""
    nb = new_notebook(
        cells=[new_markdown_cell("# Slider and image"), new_code_cell(SLIDER_IMAGE_CODE)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, path)
    return path


def test_slider_redraws_image_in_jupyterlab(tmp_path: Path) -> None:
    require_chromium()
    notebook = write_slider_notebook(tmp_path / "slider_image.ipynb")
    with jupyterlab(notebook, tmp_path / "lab") as lab, chromium(tmp_path / "profile") as page:
        nb_page = NotebookPage(page)
        nb_page.open(lab, notebook.name)
        nb_page.run_all_cells()

        image = nb_page.wait_for_image()
        before_src = image.get_attribute("src") or ""
        before = screenshot(image, "slider_image_before")

        nb_page.move_slider(steps=2)
        nb_page.wait_for_image_change(before_src)
        after = screenshot(nb_page.image(), "slider_image_after")

        assert pixels_differ(before, after), "the image looks the same after moving the slider"
        assert not nb_page.error_outputs(), f"errors in the outputs: {nb_page.error_outputs()}"
