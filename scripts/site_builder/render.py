"""Write the HTML pages: one per lesson and a contents page."""

from __future__ import annotations

import html
from pathlib import Path

from nbconvert import HTMLExporter
from nbformat import NotebookNode

TEMPLATES = Path(__file__).resolve().parent / "templates"


def lesson_title(nb: NotebookNode, fallback: str) -> str:
    """The first markdown heading of the lesson."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def navigation(pages: list[tuple[str, str]], index: int) -> str:
    """Links to the contents page and the previous and next lessons."""
    links = ["<a href='index.html'>Contents</a>"]
    if index > 0:
        links.append(f"<a href='{pages[index - 1][0]}'>&larr; {html.escape(pages[index - 1][1])}</a>")
    if index < len(pages) - 1:
        links.append(f"<a href='{pages[index + 1][0]}'>{html.escape(pages[index + 1][1])} &rarr;</a>")
    return " &middot; ".join(links)


def exporter() -> HTMLExporter:
    return HTMLExporter(template_name="llmlab_site", extra_template_basedirs=[str(TEMPLATES)])


def write_lesson(nb: NotebookNode, target: Path, nav: str, exporter_: HTMLExporter) -> None:
    body, _ = exporter_.from_notebook_node(nb, resources={"llmlab_nav": nav})
    target.write_text(body, encoding="utf-8")


CONTENTS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>llmlab: the lessons</title>
<style>body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.5; }}</style>
</head><body>
<h1>llmlab: the lessons</h1>
<p>Every lesson as it ran, outputs included. The explorers are shown as the last picture they drew:
in JupyterLab (<code>make lab</code>) they are live, and you can change the text and move the sliders.</p>
<ol start="0">
{items}
</ol>
</body></html>
"""


def write_contents(pages: list[tuple[str, str]], target: Path) -> None:
    items = "\n".join(f"<li><a href='{href}'>{html.escape(title)}</a></li>" for href, title in pages)
    target.write_text(CONTENTS.format(items=items), encoding="utf-8")
