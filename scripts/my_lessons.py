"""Hand the learner a working copy of the lessons, so that running them never changes the repository.

    .venv/bin/python scripts/my_lessons.py        (make lab runs it before starting JupyterLab)

The lessons of notebooks/ (the Japanese ones of notebooks/ja/ too) are copied into my-lessons/, which
git ignores. Each later run brings a copy up to date with its lesson when the learner has not edited it,
and never replaces one they have: it says instead where the newer lesson is. "Edited" means a cell's
text or kind changed; running a lesson (its outputs, its execution counts) does not count.
my-lessons/.handed-out.json remembers what each copy held when it was handed out (llmlab.lesson_copies,
which the classroom hub uses for each learner's home too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from llmlab.lesson_copies import hand_out
from llmlab.messages import msg
from llmlab.paths import REPO_ROOT

LESSONS = REPO_ROOT / "notebooks"
COPIES = REPO_ROOT / "my-lessons"


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    where = COPIES.relative_to(REPO_ROOT).as_posix()
    try:
        report = hand_out(LESSONS, COPIES)
    except (FileExistsError, NotADirectoryError) as error:  # a file stands where a folder of copies belongs
        blocking = Path(error.filename or COPIES)  # my-lessons itself, or a folder inside it (ja)
        shown = blocking.relative_to(REPO_ROOT).as_posix() if blocking.is_relative_to(REPO_ROOT) else str(blocking)
        print(msg("my_lessons.not_a_folder", path=shown, folder=where), file=sys.stderr)
        return 1
    if report.copied:
        print(msg("my_lessons.copied", n=len(report.copied), folder=where))
    for name in report.refreshed:
        print(msg("my_lessons.refreshed", copy=f"{where}/{name}"))
    for name in report.kept:
        print(msg("my_lessons.kept", copy=f"{where}/{name}",
                  lesson=(LESSONS / name).relative_to(REPO_ROOT).as_posix()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
