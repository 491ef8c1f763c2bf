"""The repository stands alone: the shipped text is the one we recorded, nothing reads beside the
repository, and lesson 03 gives its full numbers in a copy of the tracked files with nothing beside it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from llmlab.paths import REPO_ROOT, SHAKESPEARE_FILE

# Tiny Shakespeare as char-rnn published it (1,115,394 bytes).
SHAKESPEARE_SHA256 = "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed"
SOURCE_FOLDERS = ("lib", "notebooks", "scripts")
READS_BESIDE_THE_REPO = re.compile(r"""REPO_ROOT\.parent|\.\./shared|["']shared["']""")


def test_shipped_shakespeare_is_the_recorded_text() -> None:
    assert SHAKESPEARE_FILE.is_file(), f"{SHAKESPEARE_FILE} is missing"
    assert hashlib.sha256(SHAKESPEARE_FILE.read_bytes()).hexdigest() == SHAKESPEARE_SHA256


def test_no_source_reads_beside_the_repository() -> None:
    offenders = []
    for folder in SOURCE_FOLDERS:
        for path in sorted((REPO_ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".ipynb") and ".ipynb_checkpoints" not in path.parts:
                offenders += [f"{path.relative_to(REPO_ROOT)}: {line.strip()}"
                              for line in path.read_text(encoding="utf-8").splitlines()
                              if READS_BESIDE_THE_REPO.search(line)]
    assert not offenders, "reads outside the repository:\n" + "\n".join(offenders)


def tracked_files() -> list[str]:
    """The files a clone of this working tree would hold once committed: tracked or not ignored."""
    if not (REPO_ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: cannot tell which files a clone would hold")
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=REPO_ROOT, capture_output=True, check=True)
    return [name for name in listing.stdout.decode("utf-8").split("\0") if name]


@pytest.fixture(scope="module")
def lone_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's files (not .venv, build or caches) copied into a folder with nothing beside it."""
    parent = tmp_path_factory.mktemp("alone")
    copy = parent / "llmlab"
    for name in tracked_files():
        source = REPO_ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    assert sorted(path.name for path in parent.iterdir()) == ["llmlab"]
    return copy


def run_notebook_in(copy: Path, name: str, share: Path) -> list[str]:
    """Execute a notebook of ``copy`` with this Python, importing llmlab from the copy's lib/.

    Returns the text of every cell's outputs; fails on stderr (warnings) or errors."""
    spec_dir = share / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (lone copy)",
        "language": "python",
        "env": {"PYTHONPATH": str(copy / "lib")},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    nb = nbformat.read(copy / "notebooks" / name, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import llmlab\nprint('llmlab from', llmlab.__file__)"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(share))
        NotebookClient(nb, kernel_name="python3", timeout=300,
                       resources={"metadata": {"path": str(copy / "notebooks")}}).execute()
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("name") != "stderr", f"the lesson wrote to stderr:\n{output['text']}"
            texts.append(output.get("text", "") + output.get("data", {}).get("text/plain", ""))
    return texts


@pytest.mark.notebooks
@pytest.mark.slow
def test_lesson_03_gets_its_full_vocabularies_in_a_lone_copy(
    lone_copy: Path, tmp_path: Path
) -> None:
    printed = "\n".join(run_notebook_in(lone_copy, "03_tokens.ipynb", tmp_path / "share"))
    assert f"llmlab from {lone_copy / 'lib'}" in printed, "the kernel imported llmlab from elsewhere"
    assert "Tiny Shakespeare: 1,115,394 characters" in printed
    assert "trained 1,743 merges" in printed and "vocabulary of 2,000 tokens" in printed
    assert "[257, 300, 400, 600, 800, 1000, 1500, 2000]" in printed
    for size in (300, 1000, 2000):
        assert re.search(rf"our BPE, {size}: vocab_size {size:,}\b", printed), f"BPE {size} is mislabelled"
    shakespeare_curve = re.search(r"Shakespeare: ([\d.]+) tokens per character with bytes only, ([\d.]+) with",
                                  printed)
    assert shakespeare_curve, "the Shakespeare curve was not printed"
    bytes_only, full = map(float, shakespeare_curve.groups())
    assert full < 0.6 * bytes_only, "the tokens-per-character curve is flat"
