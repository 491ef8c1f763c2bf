"""Executed copies of the lessons in build/executed/ (the Japanese ones in build/executed/ja/), made once
and reused while the lesson is unchanged.

tests/lessons/test_notebooks.py saves the copies it executes here, so `make site` after `make test` (or the
site tests after the notebook tests) does not run the lessons a second time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
EXECUTED_DIR = REPO / "build" / "executed"
SOURCE_KEY = "llmlab_source_sha256"
CELL_TIMEOUT_S = 300


def source_hash(lesson: Path) -> str:
    """A hash of the lesson and of the library it runs (so a changed llmlab runs the lesson again)."""
    digest = hashlib.sha256(lesson.read_bytes())
    for path in sorted((REPO / "lib" / "llmlab").rglob("*")):
        if path.suffix in (".py", ".json"):
            digest.update(path.relative_to(REPO).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def executed_copy(lesson: Path) -> Path:
    """Where the executed copy of ``lesson`` is kept: its path under notebooks/, under build/executed/."""
    return EXECUTED_DIR / lesson.resolve().relative_to(NOTEBOOK_DIR)


def save_executed(lesson: Path, executed: NotebookNode, source_sha: str) -> None:
    """Keep an executed copy of ``lesson``, labelled with the hash of the source it was run from."""
    executed.metadata[SOURCE_KEY] = source_sha
    target = executed_copy(lesson)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(executed, target)


def cached(lesson: Path) -> NotebookNode | None:
    """The executed copy of ``lesson`` if it was run from the lesson as it is now."""
    path = executed_copy(lesson)
    if not path.exists():
        return None
    executed = nbformat.read(path, as_version=4)
    return executed if executed.metadata.get(SOURCE_KEY) == source_hash(lesson) else None


@contextmanager
def this_python_kernel() -> Iterator[None]:
    """Make the kernel named python3 run this interpreter, whatever kernels the user installed."""
    before = os.environ.get("JUPYTER_PATH")
    with tempfile.TemporaryDirectory() as share:
        spec_dir = Path(share) / "kernels" / "python3"
        spec_dir.mkdir(parents=True)
        spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (llmlab site)", "language": "python"}
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        os.environ["JUPYTER_PATH"] = share
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = before


def execute(lesson: Path) -> NotebookNode:
    """Run ``lesson`` top to bottom on a fresh kernel of this interpreter (widget state kept)."""
    source_sha = source_hash(lesson)
    nb = nbformat.read(lesson, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT_S,
                            resources={"metadata": {"path": str(lesson.parent)}})
    with this_python_kernel():
        client.execute()
    save_executed(lesson, nb, source_sha)
    return nb


def executed_lesson(lesson: Path) -> tuple[NotebookNode, bool]:
    """The executed lesson and whether it was reused (True) or run now (False)."""
    reused = cached(lesson)
    return (reused, True) if reused is not None else (execute(lesson), False)
