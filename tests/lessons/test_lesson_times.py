"""Every place that gives a lesson's time says what docs/teaching/times.toml says: README.md's and
README.ja.md's tables, each notebook's "Time" line (English and Japanese), lessons.md's "Duration" lines
and its table, and the rows of workshops.md's plans. The plans also run without gaps, end within the time they are for,
and put every lesson after the lessons it needs (its prerequisites)."""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from llmlab.paths import REPO_ROOT

TEACHING = REPO_ROOT / "docs" / "teaching"
TIMES = tomllib.loads((TEACHING / "times.toml").read_text(encoding="utf-8"))
LESSONS = TIMES["lessons"]
TOTAL = {number: lesson["teaching"] + lesson["exercises"] for number, lesson in LESSONS.items()}
NOTEBOOKS = {path.name[:2]: path for path in sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}


def test_every_lesson_has_a_time_and_only_lessons_do() -> None:
    assert sorted(LESSONS) == sorted(NOTEBOOKS)
    for number, lesson in LESSONS.items():
        assert all(earlier < number for earlier in lesson["prerequisites"]), number


@pytest.mark.parametrize(("readme", "unit"), [("README.md", " min"), ("README.ja.md", "分")])
def test_the_readme_tables(readme: str, unit: str) -> None:
    text = (REPO_ROOT / readme).read_text(encoding="utf-8")
    said = dict(re.findall(r"^\| `(\d\d)_[a-z0-9_]+` \|.*\| (\d+)" + unit + r" \|$", text, flags=re.MULTILINE))
    assert said == {number: str(total) for number, total in TOTAL.items()}


def first_cell(path) -> str:
    return "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])


@pytest.mark.parametrize("number", sorted(NOTEBOOKS))
def test_each_notebooks_time_line_in_both_languages(number: str) -> None:
    english = NOTEBOOKS[number]
    assert re.findall(r"\*Time:\* about (\d+) minutes", first_cell(english)) == [str(TOTAL[number])]
    japanese = english.parent / "ja" / english.name
    assert re.findall(r"\*所要時間[:：]\* ?約 ?(\d+) ?分", first_cell(japanese)) == [str(TOTAL[number])]


def test_the_duration_lines_of_lessons_md() -> None:
    text = (TEACHING / "lessons.md").read_text(encoding="utf-8")
    said = {number: tuple(map(int, minutes)) for number, *minutes in re.findall(
        r"^## (\d\d) · .*?\n\n\*\*Duration:\*\* (\d+) min \((\d+) teaching \+ (\d+) exercises\)",
        text, flags=re.MULTILINE | re.DOTALL)}
    assert said == {number: (TOTAL[number], lesson["teaching"], lesson["exercises"])
                    for number, lesson in LESSONS.items()}
    table = {row[0]: row[1:] for row in (
        [cell.strip() for cell in line.strip("|").split("|")] for line in text.splitlines()
        if line.startswith(("| lesson |", "| teaching |", "| exercises |", "| minutes |")))}
    numbers = sorted(LESSONS)
    assert table["lesson"] == [*numbers, "all"]
    for row, per_lesson in (("teaching", {n: LESSONS[n]["teaching"] for n in numbers}),
                            ("exercises", {n: LESSONS[n]["exercises"] for n in numbers}), ("minutes", TOTAL)):
        expected = [per_lesson[n] for n in numbers]
        assert table[row] == [str(m) for m in [*expected, sum(expected)]], row


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return 60 * int(hours) + int(mins)


def plans() -> list[tuple[str, int, list[tuple[int, int, str]]]]:
    """workshops.md's plans: (heading, its length in minutes, rows as (start, end, text)). A heading names
    the length ("90 minutes", "3 hours"); a plan's table follows it."""
    found = []
    heading, length = "", 0
    for line in (TEACHING / "workshops.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = line
            named = re.search(r"(\d+) (minutes|hours)", line)
            length = int(named[1]) * (60 if named[2] == "hours" else 1) if named else 0
            found.append((heading, length, []))
        elif row := re.match(r"^\| (\d+:\d\d)–(\d+:\d\d) \| (.*) \|$", line):
            found[-1][2].append((minutes(row[1]), minutes(row[2]), row[3]))
    return [plan for plan in found if plan[2]]


def test_workshop_plans_give_each_lesson_its_time_without_gaps() -> None:
    assert len(plans()) >= 3
    for heading, length, rows in plans():
        assert rows[0][0] == 0 and length, heading
        assert all(end == start for (_, end, _), (start, _, _) in zip(rows, rows[1:])), f"a gap: {heading}"
        assert rows[-1][1] <= length, f"{heading} runs over"
        for start, end, text in rows:
            if lesson := re.match(r"\*\*(\d\d) · ", text):
                assert end - start == TOTAL[lesson[1]], f"{heading}: {text}"


def test_workshop_plans_respect_the_prerequisites() -> None:
    taught: list[str] = []  # a "Session" of the whole series builds on the plans before it (session 1 is the
    # 3-hour plan); any other plan starts from nothing
    for heading, _, rows in plans():
        if "Session" not in heading:
            taught = []
        for _, _, text in rows:
            if lesson := re.match(r"\*\*(\d\d) · ", text):
                missing = [number for number in LESSONS[lesson[1]]["prerequisites"] if number not in taught]
                assert not missing, f"{heading}: {lesson[1]} before {missing}"
                taught.append(lesson[1])
