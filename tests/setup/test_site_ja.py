"""`make site`'s Japanese pages (build/site/ja/) work with no network, as the English ones do
(tests/setup/test_site.py), and draw their Japanese with a Japanese font: no empty boxes.

Reuses the Japanese lessons the notebook tests just executed (build/executed/ja/); lessons not run yet are
executed here. Under `make test`'s pytest-xdist workers this module runs after those lessons, on the same
worker (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.fonts import JAPANESE_CHARACTER, japanese_font_families, tofu_reports
from browser.harness import missing
from test_site import build, check_lesson_page, check_pages, offline_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# On every page: the navigation, the lesson's heading, the first paragraph that is one run of text (for a
# paragraph holding bold or code, chromium's font report counted only part of its glyphs) and the first
# caption of a frozen widget.
DRAWN = ("nav.llmlab-nav", "h1", ".jp-MarkdownCell p:not(:has(*))", ".llmlab-live-note em")


@pytest.fixture(scope="module")
def site_pages() -> list[Path]:
    return build(languages=("ja",))


def test_the_japanese_site_has_a_page_per_lesson(site_pages: list[Path]) -> None:
    check_pages("ja", site_pages)


def test_every_japanese_page_loads_offline_with_its_figures_and_no_empty_boxes(site_pages: list[Path],
                                                                               tmp_path: Path) -> None:
    japanese_fonts = japanese_font_families()
    if not japanese_fonts:
        missing("no font covers Japanese (fc-list :lang=ja): install Debian's fonts-noto-cjk (make chromium)")
    tofu: list[str] = []
    with offline_page(tmp_path / "profile") as (page, blocked, errors):
        for path in [site_pages[0].parent / "index.html", *site_pages]:
            page.goto(path.as_uri(), wait_until="load")
            if path.name != "index.html":
                check_lesson_page(page, path, "ja")
            texts = []
            for selector in DRAWN:
                found = page.locator(selector)
                if found.count():
                    text = found.first.inner_text()
                    if JAPANESE_CHARACTER.search(text):
                        texts.append((found.first, text))
            assert texts, f"{path.name}: no Japanese text found"
            tofu += [f"{path.name}: {report}" for report in tofu_reports(page, texts, japanese_fonts)]
    assert not blocked, f"the site asked the network for: {sorted(set(blocked))}"
    assert not errors, f"console errors: {errors}"
    assert not tofu, "Japanese drawn without a Japanese font (empty boxes):\n" + "\n".join(tofu)
