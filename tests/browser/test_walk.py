"""Every lesson's widgets walked in a real browser, in JupyterLab and in Notebook 7 (issue 24).

One gallery notebook builds every widget the lessons show, with the lessons' own arguments
(tests/browser/walk.py); it is opened in each front end at 1280×900 (JupyterLab with its file browser open),
run, and every control of every widget is worked a few times (``WALK_MOVES``, default 3): each widget must fit
its output area (848 px in JupyterLab), each input must change the widget's picture or bring a new message
saying why not, typing into every number box must work (a selection slider's box is a read-only label), and
no output or page may show an error. The times from input to new picture are written, per control and front
end, to build/browser/walk_timings.md and printed (reported, not asserted: the machine may be busy).
Needs Debian's chromium, like tests/browser/test_browser.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from browser.walk import GALLERY, MOVES, TABLE_PATH, lesson_widgets, walk_gallery


def test_the_gallery_has_every_widget_of_every_lesson() -> None:
    """Each widget class a lesson imports from llmlab.ui.widgets is in the gallery under that lesson."""
    in_gallery = {(widget.lesson, widget.cls) for widget in GALLERY}
    assert lesson_widgets() <= in_gallery, f"not in the gallery: {sorted(lesson_widgets() - in_gallery)}"


@pytest.mark.browser
@pytest.mark.slow
def test_every_lesson_widget_fits_answers_every_control_and_takes_typing(tmp_path: Path) -> None:
    started = time.monotonic()
    results = walk_gallery(tmp_path, moves=MOVES)
    print(f"\n{TABLE_PATH.read_text(encoding='utf-8')}\nwalked in {time.monotonic() - started:.0f} s")
    problems = [problem for result in results.values() for problem in result.all_problems()]
    assert not problems, f"{len(problems)} failed checks (table: {TABLE_PATH}):\n" + "\n".join(problems)
