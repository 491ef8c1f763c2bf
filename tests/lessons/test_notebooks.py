"""Every lesson notebook, English and Japanese (notebooks/ja/), runs top to bottom on a fresh kernel.

The notebooks are executed in memory: outputs are never written back to the committed files. The
executed copies are kept in build/executed/ (the Japanese twins in build/executed/ja/) for `make site`
(scripts/site_builder/executed.py).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
from nbformat import NotebookNode
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

from site_builder.executed import save_executed, source_hash  # noqa: E402

NOTEBOOK_DIR = REPO_ROOT / "notebooks"
JAPANESE_DIR = NOTEBOOK_DIR / "ja"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb")) + sorted(JAPANESE_DIR.glob("*.ipynb"))
CELL_TIMEOUT_S = 300
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.notebooks


@pytest.fixture(scope="module")
def this_python_kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Make the kernel named python3 run this interpreter, whatever kernels the user installed."""
    share = tmp_path_factory.mktemp("jupyter-share")
    spec_dir = share / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (llmlab tests)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(share))
        yield


def lesson_id(path: Path) -> str:
    """The lesson's file name, with ja/ in front for a Japanese lesson."""
    return path.relative_to(NOTEBOOK_DIR).as_posix()


def describe_failure(path: Path, index: int, cell: NotebookNode, error: Exception) -> str:
    """Which notebook and cell failed, the head of the cell and the error with its traceback."""
    head = "\n".join(f"    {line}" for line in cell.source.splitlines()[:8])
    tracebacks = ["\n".join(out.traceback) for out in cell.get("outputs", []) if out.output_type == "error"]
    detail = tracebacks[-1] if tracebacks else str(error)
    return f"{lesson_id(path)}, cell {index} failed:\n{head}\n\n{ANSI_ESCAPE.sub('', detail)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[lesson_id(path) for path in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, this_python_kernel: None) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
    )
    failure = None
    source_sha = source_hash(path)
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
                failure = describe_failure(path, index, cell, error)
                break
        client.set_widgets_metadata()
    if failure:
        pytest.fail(failure, pytrace=False)
    save_executed(path, nb, source_sha)  # `make site` and tests/setup/test_site*.py reuse this run
