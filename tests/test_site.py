"""`make site` works with no network: every page opens in chromium with every request outside
127.0.0.1 and file:// blocked, shows its figures, and logs no console error.

Builds build/site/ with scripts/build_site.py, reusing the lessons the notebook tests just executed
(build/executed/); lessons not run yet are executed here. Under `make test`'s pytest-xdist workers this
module runs after those lessons, on the same worker (tests/conftest.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Route

from browser.harness import CHROMIUM, chromium
from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

from build_site import build  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALLOWED_HOSTS = {"127.0.0.1"}


def require_chromium() -> None:
    """Skip without chromium, unless the browser tests are required (then fail)."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    if os.environ.get("LLMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; LLMLAB_REQUIRE_BROWSER=1 requires the browser tests", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site_pages() -> list[Path]:
    return build()


def test_the_site_has_a_page_per_lesson(site_pages: list[Path]) -> None:
    lessons = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
    assert [page.stem for page in site_pages] == [lesson.stem for lesson in lessons]
    contents = (site_pages[0].parent / "index.html").read_text(encoding="utf-8")
    assert all(f"href='{page.name}'" in contents for page in site_pages), "the contents page misses a lesson"


def test_every_page_loads_offline_with_its_figures(site_pages: list[Path], tmp_path: Path) -> None:
    require_chromium()
    blocked: list[str] = []
    errors: list[str] = []

    def only_local(route: Route) -> None:
        url = urlparse(route.request.url)
        if url.scheme in ("file", "data") or url.hostname in ALLOWED_HOSTS:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with chromium(tmp_path / "profile") as page:
        page.context.route("**/*", only_local)
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        for path in [site_pages[0].parent / "index.html", *site_pages]:
            page.goto(path.as_uri(), wait_until="load")
            if path.name == "index.html":
                continue
            images = page.locator("img")
            assert images.count() > 0, f"{path.name} shows no figure"
            broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
            assert broken == 0, f"{path.name}: {broken} figures did not load"
            assert page.locator("nav.llmlab-nav a[href='index.html']").count() == 1
    assert not blocked, f"the site asked the network for: {sorted(set(blocked))}"
    assert not errors, f"console errors: {errors}"
