"""The series' question list (docs/questions.md and its Japanese twin) cites cells that exist and say what it says.

Each page lists the thirty questions in order, and under each the cells that answer it, cited as
"lesson NN §k, cell i" ("レッスン NN §k・セル i" in Japanese). A cited cell must be a code cell of that
lesson, in the language's own notebook, inside the section whose heading starts "## k ·"; both pages
must cite the same cells; every lesson that names the questions it answers must link the page and be
cited for each of them; and the one figure the page quotes from a table (question 10) must be what the
lesson's table prints.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from llmlab.paths import REPO_ROOT
from llmlab.studies.knowledge import knowledge_table
from llmlab.toy.kinds import kind_targets

PAGES = {"en": REPO_ROOT / "docs" / "questions.md", "ja": REPO_ROOT / "docs" / "questions.ja.md"}
NOTEBOOKS = {"en": REPO_ROOT / "notebooks", "ja": REPO_ROOT / "notebooks" / "ja"}
CITATION = {"en": re.compile(r"lesson\s+(\d\d)\s+§(\d+),\s+cell\s+(\d+)"),
            "ja": re.compile(r"レッスン\s+(\d\d)\s+§(\d+)・セル\s+(\d+)")}
HEADING = re.compile(r"^## (\d+) · ", re.MULTILINE)  # a question on the page, a section in a lesson (both languages)
# The link by which a lesson's opening points at the page; the paragraph holding it names the questions it answers.
LINK = {"en": "[docs/questions.md](../docs/questions.md)", "ja": "[docs/questions.ja.md](../../docs/questions.ja.md)"}
LANGUAGES = sorted(PAGES)

Citation = tuple[int, int, int]  # lesson, section, cell


def citations(language: str) -> dict[int, list[Citation]]:
    """Question number -> the cells its entry cites, in the order the page cites them."""
    text = PAGES[language].read_text(encoding="utf-8")
    starts = list(HEADING.finditer(text))
    ends = [match.start() for match in starts[1:]] + [len(text)]
    return {int(match.group(1)): [tuple(int(n) for n in cited.groups())
                                  for cited in CITATION[language].finditer(text, match.end(), end)]
            for match, end in zip(starts, ends)}


def lesson(language: str, number: int) -> tuple[Path, list[dict]]:
    """The notebook of lesson ``number`` in ``language`` and its cells."""
    paths = sorted(NOTEBOOKS[language].glob(f"{number:02d}_*.ipynb"))
    assert len(paths) == 1, f"lesson {number:02d} should be one notebook in {NOTEBOOKS[language]}, found {paths}"
    return paths[0], json.loads(paths[0].read_text(encoding="utf-8"))["cells"]


def section_of(cells: list[dict], index: int) -> int | None:
    """The number of the last "## k ·" heading in the markdown cells before cell ``index``."""
    found = None
    for cell in cells[:index]:
        if cell["cell_type"] == "markdown":
            for match in HEADING.finditer("".join(cell["source"])):
                found = int(match.group(1))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_lists_the_thirty_questions_in_order_each_with_a_cell(language: str) -> None:
    cited = citations(language)
    assert list(cited) == list(range(1, 31))
    assert not [number for number, cells in cited.items() if not cells], "every question needs a cell that answers it"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cited_cell_is_a_code_cell_in_the_named_section(language: str) -> None:
    wrong = []
    for number, cells in citations(language).items():
        for lesson_number, section, index in cells:
            path, notebook = lesson(language, lesson_number)
            where = f"question {number}: lesson {lesson_number:02d} §{section}, cell {index} ({path.name})"
            if index >= len(notebook):
                wrong.append(f"{where}: the lesson has only {len(notebook)} cells")
            elif notebook[index]["cell_type"] != "code":
                wrong.append(f"{where}: a {notebook[index]['cell_type']} cell")
            elif section_of(notebook, index) != section:
                wrong.append(f"{where}: the cell is in §{section_of(notebook, index)}, "
                             f"its first line {''.join(notebook[index]['source']).splitlines()[0]!r}")
    assert not wrong, "\n".join(wrong)


def test_both_pages_cite_the_same_cells() -> None:
    english, japanese = citations("en"), citations("ja")
    differ = {n: (english.get(n), japanese.get(n)) for n in english.keys() | japanese.keys()
              if english.get(n) != japanese.get(n)}
    assert not differ, f"question: (the English page's cells, the Japanese page's cells): {differ}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_lesson_links_the_page_and_is_cited_for_the_questions_it_names(language: str) -> None:
    cited = citations(language)
    for path in sorted(NOTEBOOKS[language].glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        markdown = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
        assert "LEARNER_QUESTIONS" not in markdown, f"{path.name} points at a file the repository does not hold"
        opening = "".join(cells[0]["source"])
        pointer = [paragraph for paragraph in opening.split("\n\n") if LINK[language] in paragraph]
        if not pointer:
            assert "question list" not in opening and "質問リスト" not in opening, f"{path.name}: a pointer, no link"
            continue
        named = {int(n) for n in re.findall(r"\d+", pointer[0].replace(LINK[language], ""))}
        number = int(path.name[:2])
        missing = sorted(q for q in named if not any(cell[0] == number for cell in cited.get(q, [])))
        assert named and not missing, f"{path.name} names {sorted(named)}; the page cites it for none of {missing}"


def test_question_10_quotes_lesson_07s_ablation_table(shipped, corpus) -> None:
    """Removing block 0's MLP costs the Japanese translation more than removing block 0's attention (07 §4)."""
    model, tokenizer = shipped
    train_lines, val_lines = corpus
    data = kind_targets(val_lines[:400], tokenizer, model.config.context_length)  # as lesson 07 §4 builds them
    reference = [tokenizer.encode(line + "\n") for line in train_lines[:300]]
    table = knowledge_table(model, data, reference, reference="the first 300 training lines")
    rise = table.increase("zero")[:, table.kinds.index("japanese")]
    block_0 = {part.kind: i for i, part in enumerate(table.parts) if part.block == 0 and part.kind != "head"}
    mlp, attention = (f"{rise[block_0[kind]].item():.2f}" for kind in ("mlp", "attention"))  # as the table prints them
    assert float(mlp) > 2 * float(attention)
    for language, page in PAGES.items():
        entry = page.read_text(encoding="utf-8").split("## 10 · ")[1].split("## 11 · ")[0]
        assert mlp in entry and attention in entry, f"the {language} page should quote {mlp} and {attention}"
