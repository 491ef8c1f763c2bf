"""A learner's working copies of the lessons: handed out once, kept up to date, never written over.

Used by make lab (scripts/my_lessons.py: copies in my-lessons/) and by the classroom hub
(deploy/jupyterhub/jupyterhub_config.py: copies in each learner's home, made as that learner).
A copy follows its lesson while the learner has not edited it; an edited copy is kept as it is.
"Edited" means a cell's text or kind changed; running a lesson (its outputs, its execution counts) does
not count. ``RECORD_NAME`` in the copies' folder remembers what each copy held when it was handed out.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

RECORD_NAME = ".handed-out.json"
NEWER_SUFFIX = ".new.ipynb"


@dataclass
class Report:
    """What one run did: the lessons (paths relative to the lessons folder) in each case."""

    copied: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by the learner while their lesson changed
    newer: list[str] = field(default_factory=list)  # the changed lesson put beside a kept copy


def cells_digest(notebook: Path) -> str | None:
    """A fingerprint of a notebook's cells (kind and text only, not outputs); None when it is not a notebook."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        content = [(cell["cell_type"], "".join(cell["source"])) for cell in cells]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def replace_with(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source`` in one step: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".copying-", suffix=".ipynb")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def newer_name(name: str) -> str:
    """Where a changed lesson goes beside the learner's edited copy: 05_attention.ipynb -> 05_attention.new.ipynb."""
    return name.removesuffix(".ipynb") + NEWER_SUFFIX


def bring_up_to_date(lesson: Path, copy: Path, lesson_digest: str | None, handed_out: str | None) -> str:
    """Copy ``lesson`` to ``copy`` when the copy is missing ("copied") or holds the cells ``handed_out``
    ("refreshed"); otherwise leave it: "current" (same cells as the lesson) or "edited"."""
    if not copy.exists():
        replace_with(lesson, copy)
        return "copied"
    copy_digest = cells_digest(copy)
    if copy_digest == lesson_digest:
        return "current"
    if copy_digest is not None and copy_digest == handed_out:
        replace_with(lesson, copy)
        return "refreshed"
    return "edited"


def hand_out(lessons: str | Path, copies: str | Path, newer_beside: bool = False) -> Report:
    """Copy every lesson of ``lessons`` (and ``lessons``/ja) that ``copies`` lacks; refresh each copy the
    learner has not edited. An edited copy whose lesson changed since it was handed out is kept and reported;
    with ``newer_beside`` the changed lesson is also put beside it (``newer_name``), itself a copy that
    follows its lesson while unedited. A file the learner edited or made is never written.
    """
    lessons, copies = Path(lessons), Path(copies)
    record_path = copies / RECORD_NAME
    try:
        record: dict[str, str] = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    report = Report()
    for lesson in sorted(lessons.glob("*.ipynb")) + sorted(lessons.glob("ja/*.ipynb")):
        name = lesson.relative_to(lessons).as_posix()
        lesson_digest = cells_digest(lesson)
        outcome = bring_up_to_date(lesson, copies / name, lesson_digest, record.get(name))
        if outcome == "edited":
            if lesson_digest != record.get(name):  # changed since handed out: say so each time
                report.kept.append(name)
                if newer_beside:
                    newer = newer_name(name)
                    placed = bring_up_to_date(lesson, copies / newer, lesson_digest, record.get(newer))
                    if placed in ("copied", "refreshed"):
                        report.newer.append(newer)
                    if placed != "edited":
                        record[newer] = lesson_digest
            continue  # the learner's version: what was handed out stays recorded
        if outcome != "current":
            getattr(report, outcome).append(name)
        record[name] = lesson_digest
    copies.mkdir(parents=True, exist_ok=True)
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report
