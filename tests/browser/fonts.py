"""Which fonts chromium really drew a page's text with, so Japanese can be told apart from tofu.

A machine with no Japanese font draws every kanji and kana as the same empty box ("tofu"), and
nothing in the page's DOM shows it. Chromium's DevTools protocol does: ``CSS.getPlatformFontsForNode``
names the fonts that laid out an element's text and how many glyphs each drew. Text is drawn for
real when its Japanese characters came from a font that fontconfig says covers Japanese.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence

from playwright.sync_api import CDPSession, Locator, Page

# Kana, CJK ideographs and full-width forms: the characters a Japanese font must draw.
JAPANESE_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PROBE = "data-llmlab-font-probe"


def japanese_font_families() -> set[str]:
    """The families of the fonts that cover Japanese (``fc-list :lang=ja``); empty when there are none."""
    if shutil.which("fc-list") is None:
        return set()
    listing = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=False).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}


def platform_fonts(session: CDPSession, element: Locator) -> dict[str, int]:
    """The fonts chromium drew ``element``'s text with (its own and its children's): family → glyphs."""
    element.evaluate(f"el => el.setAttribute('{PROBE}', '')")
    try:
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": f"[{PROBE}]"})["nodeId"]
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        element.evaluate(f"el => el.removeAttribute('{PROBE}')")
    return {font["familyName"]: font["glyphCount"] for font in fonts}


def tofu_reports(page: Page, texts: Sequence[tuple[Locator, str]], japanese_fonts: set[str]) -> list[str]:
    """For each (element, its text) whose Japanese characters were not all drawn with a Japanese
    font: what was drawn with what. An empty list: no tofu."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        reports = []
        for element, text in texts:
            needed = len(JAPANESE_CHARACTER.findall(text))
            fonts = platform_fonts(session, element)
            drawn = sum(glyphs for family, glyphs in fonts.items() if family in japanese_fonts)
            if not needed or drawn < needed:
                reports.append(f"{text!r}: {needed} Japanese characters, {drawn} glyphs from Japanese fonts; "
                               f"fonts used: {fonts}")
        return reports
    finally:
        session.detach()
