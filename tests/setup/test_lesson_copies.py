"""The classroom hub's lesson copies (llmlab.lesson_copies with newer_beside, as the hub's prepare_home calls
it): a fix of a master lesson reaches every learner who has not edited their copy, and a learner who has
keeps their copy and finds the fixed lesson beside it, which never writes over anything. make lab's side
of the same function is tests/setup/test_my_lessons.py."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from llmlab.lesson_copies import RECORD_NAME, hand_out, newer_name


def write_lesson(path: Path, *sources: str) -> None:
    """A notebook of code cells with these sources."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources]), path)


def edit_cell(path: Path, text: str) -> None:
    """What a learner does: change the text of the first cell."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[0].source = text
    nbformat.write(notebook, path)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    lessons, home = tmp_path / "notebooks", tmp_path / "homes" / "alice" / "llmlab"
    write_lesson(lessons / "00_start.ipynb", "print(0)")
    write_lesson(lessons / "05_attention.ipynb", "print(5)")
    write_lesson(lessons / "ja" / "05_attention.ipynb", "print('五')")
    return lessons, home


def test_the_newer_lesson_is_named_beside_the_copy() -> None:
    assert newer_name("05_attention.ipynb") == "05_attention.new.ipynb"
    assert newer_name("ja/05_attention.ipynb") == "ja/05_attention.new.ipynb"


def test_a_pushed_fix_reaches_unedited_copies_and_sits_beside_edited_ones(folders) -> None:
    lessons, home = folders
    assert hand_out(lessons, home, newer_beside=True).copied == [
        "00_start.ipynb", "05_attention.ipynb", "ja/05_attention.ipynb"]
    edit_cell(home / "05_attention.ipynb", "print('my answer')")
    mine = (home / "05_attention.ipynb").read_bytes()
    assert hand_out(lessons, home, newer_beside=True).newer == []  # nothing pushed: nothing beside
    assert not (home / "05_attention.new.ipynb").exists()

    for name in ("00_start.ipynb", "05_attention.ipynb", "ja/05_attention.ipynb"):  # the instructor's fix
        write_lesson(lessons / name, f"print('fixed {name}')")
    report = hand_out(lessons, home, newer_beside=True)
    assert report.refreshed == ["00_start.ipynb", "ja/05_attention.ipynb"]
    assert report.kept == ["05_attention.ipynb"] and report.newer == ["05_attention.new.ipynb"]
    assert (home / "05_attention.ipynb").read_bytes() == mine
    assert (home / "05_attention.new.ipynb").read_bytes() == (lessons / "05_attention.ipynb").read_bytes()
    for name in ("00_start.ipynb", "ja/05_attention.ipynb"):
        assert (home / name).read_bytes() == (lessons / name).read_bytes()

    again = hand_out(lessons, home, newer_beside=True)  # the next start: nothing new to place
    assert (again.copied, again.refreshed, again.newer) == ([], [], [])

    write_lesson(lessons / "05_attention.ipynb", "print('fixed twice')")  # an unedited .new follows too
    assert hand_out(lessons, home, newer_beside=True).newer == ["05_attention.new.ipynb"]
    assert (home / "05_attention.new.ipynb").read_bytes() == (lessons / "05_attention.ipynb").read_bytes()
    assert (home / "05_attention.ipynb").read_bytes() == mine


def test_nothing_the_learner_wrote_is_written_over(folders) -> None:
    lessons, home = folders
    hand_out(lessons, home, newer_beside=True)
    edit_cell(home / "05_attention.ipynb", "print('mine')")
    write_lesson(lessons / "05_attention.ipynb", "print('fixed')")
    hand_out(lessons, home, newer_beside=True)
    edit_cell(home / "05_attention.new.ipynb", "print('mine too')")  # they worked in the fixed one as well
    write_lesson(home / "00_start.new.ipynb", "print('a file of their own, by chance so named')")
    edit_cell(home / "00_start.ipynb", "print('edited')")
    (home / RECORD_NAME).unlink()  # even without the record
    before = {path: path.read_bytes() for path in home.rglob("*") if path.is_file()}
    for name in ("00_start.ipynb", "05_attention.ipynb"):
        write_lesson(lessons / name, f"print('fixed again {name}')")
    report = hand_out(lessons, home, newer_beside=True)
    assert report.kept == ["00_start.ipynb", "05_attention.ipynb"] and report.newer == []
    for path, content in before.items():
        assert path.read_bytes() == content, path
    assert not list(home.rglob(".copying-*")), "a half-made copy was left behind"


def test_a_deleted_lesson_comes_back_at_the_next_start(folders) -> None:
    lessons, home = folders
    hand_out(lessons, home, newer_beside=True)
    (home / "ja" / "05_attention.ipynb").unlink()
    assert hand_out(lessons, home, newer_beside=True).copied == ["ja/05_attention.ipynb"]


def test_the_folders_may_be_given_as_text(folders) -> None:
    lessons, home = folders
    assert hand_out(str(lessons), str(home)).copied == ["00_start.ipynb", "05_attention.ipynb", "ja/05_attention.ipynb"]
