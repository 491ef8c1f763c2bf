"""make lab's working copies (scripts/my_lessons.py): a fresh copy is made, an unedited copy follows its
lesson, an edited one is kept and the learner told, and nothing the learner made is ever written over.
Also: make lab serves those copies and prints the first lesson's own address, with the news pop-up off."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from llmlab.lesson_copies import RECORD_NAME
from llmlab.messages import msg
from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))
import my_lessons  # noqa: E402  (scripts/ is not a package)


def write_lesson(path: Path, *sources: str) -> None:
    """A notebook of code cells with these sources."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources]), path)


def run_cells(path: Path) -> None:
    """What running a lesson does to its file: outputs and execution counts, the cells' text unchanged."""
    notebook = nbformat.read(path, as_version=4)
    for count, cell in enumerate(notebook.cells, start=1):
        cell.execution_count = count
        cell.outputs = [nbformat.v4.new_output("stream", text=f"ran {count}\n")]
    nbformat.write(notebook, path)


def edit_cell(path: Path, text: str) -> None:
    """What a learner does: change the text of the first cell."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[0].source = text
    nbformat.write(notebook, path)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    lessons, copies = tmp_path / "notebooks", tmp_path / "my-lessons"
    write_lesson(lessons / "00_start.ipynb", "print(0)")
    write_lesson(lessons / "01_next.ipynb", "print(1)")
    write_lesson(lessons / "ja" / "00_start.ipynb", "print('ゼロ')")
    return lessons, copies


def test_a_fresh_copy_of_every_lesson_both_languages(folders) -> None:
    lessons, copies = folders
    report = my_lessons.hand_out(lessons, copies)
    assert report.copied == ["00_start.ipynb", "01_next.ipynb", "ja/00_start.ipynb"]
    for name in report.copied:
        assert (copies / name).read_bytes() == (lessons / name).read_bytes()
    again = my_lessons.hand_out(lessons, copies)
    assert (again.copied, again.refreshed, again.kept) == ([], [], [])


def test_an_unedited_copy_follows_its_lesson_even_after_running_it(folders) -> None:
    lessons, copies = folders
    my_lessons.hand_out(lessons, copies)
    run_cells(copies / "00_start.ipynb")  # running is not editing
    write_lesson(lessons / "00_start.ipynb", "print('fixed')")
    report = my_lessons.hand_out(lessons, copies)
    assert report.refreshed == ["00_start.ipynb"] and report.kept == []
    assert (copies / "00_start.ipynb").read_bytes() == (lessons / "00_start.ipynb").read_bytes()
    write_lesson(lessons / "00_start.ipynb", "print('fixed twice')")  # and again: the record moved on too
    assert my_lessons.hand_out(lessons, copies).refreshed == ["00_start.ipynb"]


def test_an_edited_copy_is_kept_and_the_learner_told_each_time(folders) -> None:
    lessons, copies = folders
    my_lessons.hand_out(lessons, copies)
    edit_cell(copies / "01_next.ipynb", "print('my answer')")
    mine = (copies / "01_next.ipynb").read_bytes()
    assert my_lessons.hand_out(lessons, copies).kept == []  # the lesson has not changed: nothing to say
    write_lesson(lessons / "01_next.ipynb", "print('fixed')")
    for _ in range(2):
        report = my_lessons.hand_out(lessons, copies)
        assert report.kept == ["01_next.ipynb"] and report.refreshed == []
        assert (copies / "01_next.ipynb").read_bytes() == mine


def test_nothing_the_learner_made_is_ever_written_over(folders) -> None:
    lessons, copies = folders
    my_lessons.hand_out(lessons, copies)
    edit_cell(copies / "00_start.ipynb", "print('mine')")
    (copies / "ja" / "00_start.ipynb").write_text("not a notebook any more", encoding="utf-8")
    (copies / "my_notes.ipynb").write_text("{}", encoding="utf-8")
    (copies / "01_next.ipynb").unlink()  # deleted by the learner: handed out again
    (copies / RECORD_NAME).unlink()  # even without the record nothing is lost
    before = {path: path.read_bytes() for path in copies.rglob("*") if path.is_file()}
    for name in ("00_start.ipynb", "01_next.ipynb", "ja/00_start.ipynb"):
        write_lesson(lessons / name, f"print('new {name}')")
    report = my_lessons.hand_out(lessons, copies)
    assert report.copied == ["01_next.ipynb"] and report.refreshed == []
    assert report.kept == ["00_start.ipynb", "ja/00_start.ipynb"]
    for path, content in before.items():
        assert path.read_bytes() == content, path
    assert not [path for path in copies.rglob(".copying-*")], "a half-made copy was left behind"


def test_the_working_copies_are_ignored_by_git() -> None:
    folder = my_lessons.COPIES.relative_to(REPO_ROOT) / "00_start_here.ipynb"
    result = subprocess.run(["git", "-C", str(REPO_ROOT), "check-ignore", "-q", str(folder)], check=False)
    assert result.returncode == 0, f"git does not ignore {folder}"


def test_make_lab_serves_the_copies_and_opens_the_first_lesson() -> None:
    output = subprocess.run(["make", "-n", "-C", str(REPO_ROOT), "lab"],
                            capture_output=True, text=True, check=True).stdout
    copying, serving = output.index("scripts/my_lessons.py"), output.index("jupyter lab")
    assert copying < serving
    assert f"--ServerApp.root_dir={my_lessons.COPIES.name}" in output
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in output
    japanese = subprocess.run(["make", "-n", "-C", str(REPO_ROOT), "lab", "LLMLAB_LANG=ja"],
                              capture_output=True, text=True, check=True).stdout
    assert "--LabApp.default_url=/lab/tree/ja/00_start_here.ipynb" in japanese
    settings = output.split("--LabApp.app_settings_dir=")[1].split()[0]
    overrides = json.loads((REPO_ROOT / settings / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


@pytest.mark.parametrize("blocking", ["my-lessons", "my-lessons/ja"])
def test_a_file_where_the_copies_folder_belongs_is_named_and_nothing_is_written(
        folders, monkeypatch, capsys, blocking) -> None:
    lessons, copies = folders
    root = lessons.parent
    (root / blocking).parent.mkdir(exist_ok=True)  # my-lessons/ja: inside a folder my-lessons
    (root / blocking).write_text("the learner's notes", encoding="utf-8")
    monkeypatch.setattr(my_lessons, "REPO_ROOT", root)
    monkeypatch.setattr(my_lessons, "LESSONS", lessons)
    monkeypatch.setattr(my_lessons, "COPIES", copies)
    assert my_lessons.main([]) == 1  # make lab stops here, with the reason
    out, err = capsys.readouterr()
    assert not out and err.strip() == msg("my_lessons.not_a_folder", path=blocking, folder="my-lessons")
    assert (root / blocking).read_text(encoding="utf-8") == "the learner's notes"
    assert "Traceback" not in err
