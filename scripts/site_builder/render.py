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


# The site's own words, per language: the navigation, the language switch (named in the language it
# leads to) and the contents page.
WORDS = {
    "en": {
        "contents": "Contents",
        "switch": "日本語",
        "heading": "llmlab: the lessons",
        "intro": ("Every lesson as it ran, outputs included. The explorers are shown as the last picture they drew: "
                  "in JupyterLab (<code>make lab</code>) they are live, and you can change the text and move the "
                  "sliders."),
    },
    "ja": {
        "contents": "目次",
        "switch": "English",
        "heading": "llmlab：レッスン一覧",
        "intro": ("どのレッスンも、実行したときの出力ごと載せています。エクスプローラーは最後に描いた図で"
                  "表示しています。JupyterLab（<code>make lab</code>）では実際に動き、テキストを変えたり"
                  "スライダーを動かしたりできます。"),
    },
}
SWITCH_TO = {"en": "ja", "ja": "en"}  # the language each page's switch leads to


def language_switch(language: str, href: str) -> str:
    """The link to ``href``, the same page in the other language, named in that language."""
    other = SWITCH_TO[language]
    return (f"<a class='llmlab-language' href='{href}' hreflang='{other}' lang='{other}'>"
            f"{WORDS[language]['switch']}</a>")


def navigation(pages: list[tuple[str, str]], index: int, language: str, switch_href: str) -> str:
    """Links to the contents page, the previous and next lessons, and this lesson in the other language."""
    links = [f"<a href='index.html'>{WORDS[language]['contents']}</a>"]
    if index > 0:
        links.append(f"<a href='{pages[index - 1][0]}'>&larr; {html.escape(pages[index - 1][1])}</a>")
    if index < len(pages) - 1:
        links.append(f"<a href='{pages[index + 1][0]}'>{html.escape(pages[index + 1][1])} &rarr;</a>")
    links.append(language_switch(language, switch_href))
    return " &middot; ".join(links)


def exporter(language: str = "en") -> HTMLExporter:
    """nbconvert's exporter with the site's template, its pages marked as written in ``language``
    (so that the browser picks a font for that language)."""
    return HTMLExporter(template_name="llmlab_site", extra_template_basedirs=[str(TEMPLATES)],
                        language_code=language)


def write_lesson(nb: NotebookNode, target: Path, nav: str, exporter_: HTMLExporter, title: str) -> None:
    """One lesson's page, titled (browser tab, bookmarks) with the lesson's own title, not nbconvert's "Notebook"."""
    resources = {"llmlab_nav": nav, "metadata": {"name": f"{title} · llmlab"}}
    body, _ = exporter_.from_notebook_node(nb, resources=resources)
    target.write_text(body, encoding="utf-8")


CONTENTS = """<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>{heading}</title>
<style>body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.5; }}</style>
</head><body>
<nav class="llmlab-nav">{switch}</nav>
<h1>{heading}</h1>
<p>{intro}</p>
<ol start="0">
{items}
</ol>
</body></html>
"""


def write_contents(pages: list[tuple[str, str]], target: Path, language: str, switch_href: str) -> None:
    """The contents page: a link to every lesson, and to the contents in the other language."""
    items = "\n".join(f"<li><a href='{href}'>{html.escape(title)}</a></li>" for href, title in pages)
    words = WORDS[language]
    target.write_text(CONTENTS.format(language=language, heading=html.escape(words["heading"]), intro=words["intro"],
                                      switch=language_switch(language, switch_href), items=items), encoding="utf-8")
