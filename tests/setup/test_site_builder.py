"""The static site's pages, built from small notebooks (fast; tests/setup/test_site.py and tests/setup/test_site_ja.py
build the whole site): a training progress bar is captioned as one, an explorer as an explorer, in the
lesson's language, and each page has its lesson's title, its language and a link to its twin."""

from __future__ import annotations

import sys
from pathlib import Path

from nbformat import v4

from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

from site_builder.render import exporter, lesson_title, navigation, write_contents, write_lesson  # noqa: E402
from site_builder.widget_figures import (  # noqa: E402
    LIVE_NOTE, PROGRESS_NOTE, WIDGET_STATE, WIDGET_VIEW, freeze_widgets,
)


def model(name: str, **state: object) -> dict[str, object]:
    return {"model_name": name, "model_module": "@jupyter-widgets/controls", "state": state}


def notebook_with_widgets(heading: str = "# Lesson 06: masking") -> object:
    """A notebook whose outputs are a tqdm progress bar and an explorer (a picture and a message)."""
    state = {
        "bar": model("HBoxModel", children=["IPY_MODEL_left", "IPY_MODEL_progress", "IPY_MODEL_right"]),
        "left": model("HTMLModel", value="training: 100%"),
        "progress": model("FloatProgressModel", value=200, max=200),
        "right": model("HTMLModel", value=" 200/200 [00:05&lt;00:00]"),
        "panel": model("VBoxModel", children=["IPY_MODEL_picture", "IPY_MODEL_message"]),
        "picture": {**model("ImageModel", format="png"), "buffers": [{"path": ["value"], "data": "iVBORw0KGgo="}]},
        "message": model("HTMLModel", value="<span>block 0, head 1</span>"),
    }
    outputs = [v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": name}}) for name in ("bar", "panel")]
    cells = [v4.new_markdown_cell(heading), v4.new_code_cell("train()", outputs=outputs)]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["widgets"] = {WIDGET_STATE: {"state": state}}
    return nb


def test_a_progress_bar_is_captioned_as_one_and_shown_whole():
    nb = notebook_with_widgets()
    assert freeze_widgets(nb) == 2
    bar, panel = (output["data"]["text/html"] for output in nb.cells[1].outputs)
    assert bar.startswith(PROGRESS_NOTE["en"]) and "live explorer" not in bar
    assert "<progress value='200' max='200'>" in bar and "training: 100%" in bar and "200/200" in bar
    assert panel.startswith(LIVE_NOTE["en"]) and "data:image/png;base64," in panel and "block 0, head 1" in panel


def test_a_japanese_lesson_captions_its_widgets_in_japanese():
    nb = notebook_with_widgets()
    freeze_widgets(nb, "ja")
    bar, panel = (output["data"]["text/html"] for output in nb.cells[1].outputs)
    assert bar.startswith(PROGRESS_NOTE["ja"]) and panel.startswith(LIVE_NOTE["ja"])
    assert set(LIVE_NOTE) == set(PROGRESS_NOTE) == {"en", "ja"}


def test_each_page_is_titled_with_its_lesson(tmp_path: Path):
    nb = notebook_with_widgets()
    freeze_widgets(nb)
    title = lesson_title(nb, "fallback")
    write_lesson(nb, tmp_path / "page.html", "<a href='index.html'>Contents</a>", exporter(), title)
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "<title>Lesson 06: masking · llmlab</title>" in page and "<title>Notebook</title>" not in page


def test_a_japanese_page_is_marked_japanese_and_links_to_its_english_twin(tmp_path: Path):
    nb = notebook_with_widgets("# レッスン 06：マスク")
    freeze_widgets(nb, "ja")
    pages = [("05_attention.html", "レッスン 05"), ("06_masking.html", lesson_title(nb, "fallback"))]
    write_lesson(nb, tmp_path / "page.html", navigation(pages, 1, "ja", "../06_masking.html"), exporter("ja"),
                 pages[1][1])
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in page and "<title>レッスン 06：マスク · llmlab</title>" in page
    assert '<a href="index.html">目次</a>' in page and "← レッスン 05" in page  # (nbconvert rewrites the HTML)
    assert '<a class="llmlab-language" href="../06_masking.html" hreflang="en" lang="en">English</a>' in page
    write_contents(pages, tmp_path / "index.html", "ja", "../index.html")
    contents = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ja">' in contents and "href='../index.html'" in contents
    assert "<a href='06_masking.html'>レッスン 06：マスク</a>" in contents
