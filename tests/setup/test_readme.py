"""README.ja.md covers every section of README.md: the same sections in the same order, and in each the same
pictures, the same code (its comments translated) and every `make` target, so that the two cannot drift.
(The Japanese README may say more: how to switch llmlab to Japanese.)"""

from __future__ import annotations

import re

import pytest

from llmlab.paths import REPO_ROOT

# Each section of README.md and its Japanese heading, in order. A new English section needs its twin here.
SECTIONS = {
    "Start": "はじめ方",
    "Offline": "オフライン",
    "Lessons": "レッスン",
    "Teaching a class": "クラスで教えるとき",
    "Train on your own text": "自分のテキストで学習させる",
}
HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
CODE_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
COMMENT = re.compile(r"\s+#.*$", re.MULTILINE)  # a comment after the code on its line (the part translated)
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
MAKE_TARGET = re.compile(r"\bmake ([a-z][a-z-]*)")


def sections(name: str) -> dict[str, str]:
    """The ## sections of a README (the text before the first one under ""), heading -> text."""
    text = (REPO_ROOT / name).read_text(encoding="utf-8")
    parts = HEADING.split(text)
    return {"": parts[0], **dict(zip(parts[1::2], parts[2::2]))}


def code(section: str) -> list[tuple[str, str]]:
    """The section's code blocks, (language, code without comments)."""
    return [(language, COMMENT.sub("", body)) for language, body in CODE_BLOCK.findall(section)]


ENGLISH, JAPANESE = sections("README.md"), sections("README.ja.md")
PAIRS = [("", ""), *SECTIONS.items()]


def test_the_japanese_readme_has_every_section_in_the_same_order() -> None:
    assert list(ENGLISH)[1:] == list(SECTIONS), "README.md's sections changed: give each its twin in SECTIONS"
    assert list(JAPANESE)[1:] == list(SECTIONS.values())


@pytest.mark.parametrize(("english", "japanese"), PAIRS, ids=[english or "top" for english, _ in PAIRS])
def test_each_section_has_the_same_code_pictures_and_make_targets(english: str, japanese: str) -> None:
    ours, theirs = ENGLISH[english], JAPANESE[japanese]
    assert code(theirs) == code(ours), f"the code of {english or 'the top'} differs"
    assert PICTURE.findall(theirs) == PICTURE.findall(ours)
    missing = set(MAKE_TARGET.findall(ours)) - set(MAKE_TARGET.findall(theirs))
    assert not missing, f"{japanese or 'the top'} does not mention make {sorted(missing)}"
