"""`make site`: every lesson, executed, as a static HTML site in build/site/ (works with no network):
the English lessons in build/site/, the Japanese ones in build/site/ja/, each page linking to its twin.

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
LANGUAGES = ("en", "ja")
LESSON_DIRS = {"en": REPO / "notebooks", "ja": REPO / "notebooks" / "ja"}
SITE_DIRS = {"en": ".", "ja": "ja"}  # where each language's pages go, inside the site
TO_OTHER = {"en": "ja/", "ja": "../"}  # from a page to the pages of the other language


def build(site: Path = SITE, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Write the site's pages in ``languages``; return the lesson pages."""
    return [page for language in languages for page in build_language(site, language)]


def build_language(site: Path, language: str) -> list[Path]:
    """Write the lessons of ``language`` and their contents page; return the lesson pages."""
    target = site / SITE_DIRS[language]
    target.mkdir(parents=True, exist_ok=True)
    lessons = sorted(LESSON_DIRS[language].glob("*.ipynb"))
    notebooks, pages = [], []
    for lesson in lessons:
        start = time.monotonic()
        nb, reused = executed_lesson(lesson)
        freeze_widgets(nb, language)
        notebooks.append(nb)
        pages.append((f"{lesson.stem}.html", lesson_title(nb, lesson.stem)))
        print(f"{lesson.relative_to(REPO / 'notebooks')}: {'reused the executed copy' if reused else 'executed'} "
              f"({time.monotonic() - start:.1f} s)", flush=True)
    html_exporter = exporter(language)
    for index, nb in enumerate(notebooks):
        href = pages[index][0]
        write_lesson(nb, target / href, navigation(pages, index, language, TO_OTHER[language] + href),
                     html_exporter, pages[index][1])
    write_contents(pages, target / "index.html", language, TO_OTHER[language] + "index.html")
    print(f"site: {target.resolve() / 'index.html'}")
    return [target / href for href, _ in pages]


if __name__ == "__main__":
    build()
