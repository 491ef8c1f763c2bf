"""`make site` works with no network: every English page opens in chromium with every request that is not
for a file (file://, or a data: URL inside the page) failed, shows its figures, logs no console error, is
titled with its lesson's title and links to its Japanese twin (tests/setup/test_site_ja.py: the Japanese pages).

Builds the English pages of build/site/ with scripts/build_site.py, reusing the lessons the notebook tests
just executed (build/executed/); lessons not run yet are executed here. Under `make test`'s pytest-xdist
workers this module runs after those lessons, on the same worker (tests/conftest.py).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, Route

from browser.harness import chromium, require_chromium
from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

from build_site import LESSON_DIRS, TO_OTHER, build  # noqa: E402
from site_builder.executed import executed_copy  # noqa: E402
from site_builder.render import lesson_title  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOCAL_SCHEMES = ("file", "data")  # a data: URL is inside the page: no request leaves the machine


@pytest.fixture(scope="module")
def site_pages() -> list[Path]:
    return build(languages=("en",))


def check_pages(language: str, pages: list[Path]) -> None:
    """A page per lesson of ``language``, listed on the contents page, each linking to its twin."""
    lessons = sorted(LESSON_DIRS[language].glob("*.ipynb"))
    assert [page.stem for page in pages] == [lesson.stem for lesson in lessons]
    contents = (pages[0].parent / "index.html").read_text(encoding="utf-8")
    assert all(f"href='{page.name}'" in contents for page in pages), "the contents page misses a lesson"
    other = {"en": "ja", "ja": "en"}[language]
    assert all((LESSON_DIRS[other] / lesson.name).exists() for lesson in lessons), "a lesson has no twin"
    assert f"href='{TO_OTHER[language]}index.html'" in contents, "the contents page has no language switch"


@contextmanager
def offline_page(profile: Path) -> Iterator[tuple[Page, list[str], list[str]]]:
    """Chromium with every request that is not for a file failed; yields (page, requests failed, console errors)."""
    require_chromium()
    blocked: list[str] = []
    errors: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.split(":", 1)[0] in LOCAL_SCHEMES:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with chromium(profile) as page:
        page.context.route("**/*", only_files)
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        yield page, blocked, errors


DRAWN = ("image/png", "application/vnd.jupyter.widget-view+json")  # an output the page shows as a figure


def draws(lesson: Path) -> bool:
    """True if the executed lesson (build/executed/, written by the build) has an output shown as a figure."""
    cells = nbformat.read(executed_copy(lesson), as_version=4).cells
    return any(kind in output.get("data", {}) for cell in cells for output in cell.get("outputs", []) for kind in DRAWN)


def check_lesson_page(page: Page, path: Path, language: str) -> None:
    """``path`` is open in ``page``: its figures loaded (one at least where the lesson draws), its title, its links."""
    lesson = LESSON_DIRS[language] / f"{path.stem}.ipynb"
    images = page.locator("img")
    assert (images.count() > 0) == draws(lesson), f"{path.name}: {images.count()} figures shown"
    broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
    assert broken == 0, f"{path.name}: {broken} figures did not load"
    assert page.title() == f"{lesson_title(nbformat.read(lesson, as_version=4), '')} · llmlab"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("nav.llmlab-nav a[href='index.html']").count() == 1
    switch = page.locator("nav.llmlab-nav a.llmlab-language")
    assert switch.get_attribute("href") == f"{TO_OTHER[language]}{path.name}", f"{path.name}: no language switch"


def test_the_site_has_a_page_per_lesson(site_pages: list[Path]) -> None:
    check_pages("en", site_pages)


def test_every_page_loads_offline_with_its_figures(site_pages: list[Path], tmp_path: Path) -> None:
    with offline_page(tmp_path / "profile") as (page, blocked, errors):
        for path in [site_pages[0].parent / "index.html", *site_pages]:
            page.goto(path.as_uri(), wait_until="load")
            if path.name != "index.html":
                check_lesson_page(page, path, "en")
    assert not blocked, f"the site asked the network for: {sorted(set(blocked))}"
    assert not errors, f"console errors: {errors}"
