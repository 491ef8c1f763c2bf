"""`make site`: every lesson, executed, as a static HTML site in build/site/ (works with no network).

Lessons already executed by the notebook tests (build/executed/, same source) are reused, not run again.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_builder.executed import executed_lesson  # noqa: E402
from site_builder.render import exporter, lesson_title, navigation, write_contents, write_lesson  # noqa: E402
from site_builder.widget_figures import freeze_widgets  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "build" / "site"


def build(site: Path = SITE) -> list[Path]:
    """Write the site; return the lesson pages."""
    site.mkdir(parents=True, exist_ok=True)
    lessons = sorted((REPO / "notebooks").glob("*.ipynb"))
    notebooks, pages = [], []
    for lesson in lessons:
        start = time.monotonic()
        nb, reused = executed_lesson(lesson)
        freeze_widgets(nb)
        notebooks.append(nb)
        pages.append((f"{lesson.stem}.html", lesson_title(nb, lesson.stem)))
        print(f"{lesson.name}: {'reused the executed copy' if reused else 'executed'} "
              f"({time.monotonic() - start:.1f} s)", flush=True)
    html_exporter = exporter()
    for index, nb in enumerate(notebooks):
        write_lesson(nb, site / pages[index][0], navigation(pages, index), html_exporter)
    write_contents(pages, site / "index.html")
    print(f"site: {site / 'index.html'}")
    return [site / href for href, _ in pages]


if __name__ == "__main__":
    build()
