"""The Japanese lessons (notebooks/ja/) are kept in step with the English ones.

Every lesson exists in both languages under the same file name; the twins have the same cells in the
same order; their code is identical except for one line, in the first code cell, that selects Japanese.
Only the markdown is translated, and each Japanese markdown cell records which English text it translates.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode

from llmlab.messages import stale
from llmlab.paths import REPO_ROOT

ENGLISH_DIR = REPO_ROOT / "notebooks"
JAPANESE_DIR = ENGLISH_DIR / "ja"
ENGLISH = {path.name for path in ENGLISH_DIR.glob("*.ipynb")}
JAPANESE = {path.name for path in JAPANESE_DIR.glob("*.ipynb")}
TWINS = sorted(ENGLISH & JAPANESE)
# The one added line; the English lessons import from llmlab's modules, so it usually imports llmlab too.
LANGUAGE_LINES = ('llmlab.set_language("ja")', 'import llmlab; llmlab.set_language("ja")')


def read(path: Path) -> NotebookNode:
    return nbformat.read(path, as_version=4)


def code_sources(nb: NotebookNode) -> list[str]:
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def is_japanese(text: str) -> bool:
    return any("\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.parametrize("name", sorted(ENGLISH), ids=sorted(ENGLISH))
def test_every_english_lesson_has_a_japanese_twin(name: str) -> None:
    assert name in JAPANESE, f"notebooks/ja/{name} is missing: every lesson needs its Japanese twin"


@pytest.mark.parametrize("name", sorted(JAPANESE), ids=sorted(JAPANESE))
def test_every_japanese_lesson_has_an_english_twin(name: str) -> None:
    assert name in ENGLISH, f"notebooks/ja/{name} has no English lesson notebooks/{name}"


@pytest.mark.parametrize("name", TWINS, ids=TWINS)
def test_twins_have_the_same_cells_in_the_same_order(name: str) -> None:
    english, japanese = read(ENGLISH_DIR / name), read(JAPANESE_DIR / name)
    assert [cell.cell_type for cell in japanese.cells] == [cell.cell_type for cell in english.cells]


@pytest.mark.parametrize("name", TWINS, ids=TWINS)
def test_japanese_code_is_the_english_code_plus_one_language_line(name: str) -> None:
    english, japanese = code_sources(read(ENGLISH_DIR / name)), code_sources(read(JAPANESE_DIR / name))
    assert len(japanese) == len(english)
    found = [(index, line) for index, source in enumerate(japanese)
             for line in source.split("\n") if "set_language" in line]
    assert [index for index, _ in found] == [0], (
        f"the language line must appear exactly once, in the first code cell; found {found}")
    assert found[0][1] in LANGUAGE_LINES, f"the language line must be one of {LANGUAGE_LINES}, got {found[0][1]!r}"
    first = japanese[0].split("\n")
    first.remove(found[0][1])
    assert "\n".join(first) == english[0], "the first code cell differs from the English beyond the language line"
    for index, (ja_source, en_source) in enumerate(zip(japanese[1:], english[1:]), start=1):
        assert ja_source == en_source, f"code cell {index} differs from the English lesson"


@pytest.mark.parametrize("name", TWINS, ids=TWINS)
def test_japanese_markdown_is_translated(name: str) -> None:
    japanese = read(JAPANESE_DIR / name)
    untranslated = [index for index, cell in enumerate(japanese.cells)
                    if cell.cell_type == "markdown" and cell.source.strip() and not is_japanese(cell.source)]
    assert not untranslated, f"markdown cells {untranslated} have no Japanese text"


def test_japanese_markdown_translates_the_current_english() -> None:
    """Each Japanese markdown cell records (metadata llmlab.translates) the hash of the English cell it translates."""
    behind = stale.stale_cells()
    assert not any(behind.values()), (
        f"Japanese cells behind their English twin: {behind}. Update the Japanese cell, then record it with "
        "`python -m llmlab.messages.stale --record NN_name.ipynb:INDEX`.")


def test_a_changed_english_cell_leaves_its_japanese_twin_stale(tmp_path, monkeypatch) -> None:
    name = "00_start_here.ipynb"
    (tmp_path / "ja").mkdir()
    (tmp_path / "ja" / name).write_bytes((JAPANESE_DIR / name).read_bytes())
    english = read(ENGLISH_DIR / name)
    index = next(i for i, cell in enumerate(english.cells) if cell.cell_type == "markdown")
    english.cells[index].source += " More."
    nbformat.write(english, tmp_path / name)
    monkeypatch.setattr(stale, "NOTEBOOKS", tmp_path)
    assert f"{name}:{index}" in stale.stale_cells()["stale"]
    stale.record_cells([f"{name}:{index}"])
    assert f"{name}:{index}" not in stale.stale_cells()["stale"]


@pytest.mark.parametrize("name", sorted(JAPANESE), ids=sorted(JAPANESE))
def test_japanese_lessons_are_committed_without_outputs(name: str) -> None:
    japanese = read(JAPANESE_DIR / name)
    dirty = [index for index, cell in enumerate(japanese.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, f"code cells {dirty} have outputs or execution counts: clear them before committing"
