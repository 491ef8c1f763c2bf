"""The Japanese edition keeps one house style and one word per concept (docs/style.ja.md).

Scans the prose of the Japanese lessons (markdown cells, code and math left out) and every Japanese
catalogue text for the variants docs/style.ja.md rules out (its table, read here) and for the rules of
spacing, numerals and colons that a pattern can check. Run as a script, it counts what is left in each file.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STYLE = ROOT / "docs" / "style.ja.md"
NOTEBOOKS = sorted((ROOT / "notebooks" / "ja").glob("*.ipynb"))
CATALOGUE = ROOT / "lib" / "llmlab" / "messages" / "ja"
PARTS = sorted(path.stem for path in CATALOGUE.glob("*.py") if path.stem != "__init__")

KANA_KANJI = "\u3040-\u30fa\u30fc-\u30ff\u3400-\u9fff"  # hiragana, katakana (not the middle dot ・), kanji
JAPANESE = KANA_KANJI + "\u3001\u3002\u300c-\u300f\uff01-\uff5e"  # ... and Japanese punctuation
NUMBER = r"(?<![A-Za-z0-9_\-.,])\d(?:[\d,.]*\d)?%?(?![A-Za-z_\-])"  # a numeral, not part of a name like GPT-2
LATIN_WORD = r"[A-Za-z][A-Za-z0-9_\-]*[A-Za-z0-9]"
NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$|<[^>\n]+>|\]\([^)\n]*\)", re.S)

HOUSE_RULES = {  # docs/style.ja.md, sections 2–4
    "space between a numeral and Japanese": re.compile(rf"{NUMBER} (?=[{JAPANESE}])|(?<=[{JAPANESE}]) {NUMBER}"),
    "「1つ」 (write 一つ)": re.compile(r"(?<![0-9A-Za-z_,.{}])[1-9] ?つ"),
    "half-width colon after Japanese (write ：)": re.compile(rf"(?<=[{JAPANESE}]) ?:"),
    "Latin word touching kana or kanji (one space)": re.compile(
        rf"(?<![\w.\-]){LATIN_WORD}(?=[{KANA_KANJI}])|(?<=[{KANA_KANJI}]){LATIN_WORD}(?!\w)"),
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NUMERIC = re.compile(r"^\{\w*:[^{}]*[dfeg%,]\}$|^\{n\}$")  # a placeholder that is filled with a number


def banned_variants() -> dict[str, re.Pattern]:
    """The table of docs/style.ja.md: the pattern in backticks of each row → the word to use instead."""
    rows = re.findall(r"^\| `(.+?)` \| (.+?) \|$", STYLE.read_text(encoding="utf-8"), re.M)
    return {f"{pattern} (use {use})": re.compile(pattern) for pattern, use in
            ((pattern.replace(r"\|", "|"), use) for pattern, use in rows)}


BANNED = banned_variants()


def prose(text: str) -> str:
    """Text without its code, math, HTML tags and link targets (they follow their own rules)."""
    return NOT_PROSE.sub(" ", text)


def lesson_texts(path: Path) -> list[tuple[str, str, bool]]:
    """(where, markdown text, is the opening cell) for each markdown cell of a notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = [(i, "".join(cell["source"])) for i, cell in enumerate(cells) if cell["cell_type"] == "markdown"]
    return [(f"{path.name}:{i}", prose(text), n == 0) for n, (i, text) in enumerate(markdown)]


def catalogue_texts(part: str) -> list[tuple[str, str, bool]]:
    """(key, text, False) for each entry of one Japanese catalogue file; a placeholder filled with a number
    reads as a numeral ("{n}個" like "64個")."""
    messages = importlib.import_module(f"llmlab.messages.ja.{part}").MESSAGES
    return [(key, PLACEHOLDER.sub(lambda m: "0" if NUMERIC.search(m[0]) else m[0], prose(text)), False)
            for key, text in messages.items()]


def problems(texts: list[tuple[str, str, bool]]) -> list[str]:
    """One line per rule broken: where, which rule, the words around it."""
    found = []
    for where, text, opening in texts:
        for rule, pattern in {**BANNED, **HOUSE_RULES}.items():
            for match in pattern.finditer(text):
                found.append(f"{where}: {rule}: …{text[max(0, match.start() - 12):match.end() + 12]!r}…")
        if opening:  # the lesson's own questions, not quoted as if a learner had said them
            found += [f"{where}: question in 「」: {q}" for q in re.findall(r"「[^」]*？」", text)]
    return found


def test_the_style_sheet_lists_the_variants():
    assert len(BANNED) >= 25
    assert any("トイワールド" in rule for rule in BANNED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_japanese_lessons_follow_the_house_style(path):
    assert not problems(lesson_texts(path))


@pytest.mark.parametrize("part", PARTS)
def test_japanese_catalogue_follows_the_house_style(part):
    assert not problems(catalogue_texts(part))


def test_the_scan_sees_each_kind_of_problem():
    bad = [("x", "このトイワールドでは 64 個のトークンを 1 つずつ読みます。名前: GPT-2の", True),
           ("y", "「どう違うの？」", True)]
    assert len(problems(bad)) >= 6


if __name__ == "__main__":  # how many of each problem every file has left
    for path in NOTEBOOKS:
        print(path.name, dict(Counter(line.split(": ")[1] for line in problems(lesson_texts(path)))))
    for part in PARTS:
        print(part, dict(Counter(line.split(": ")[1] for line in problems(catalogue_texts(part)))))
