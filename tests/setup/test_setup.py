"""The set-up files agree with each other, and the notebooks are committed clean."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat
import yaml

from llmlab.paths import REPO_ROOT

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==[A-Za-z0-9.+!_-]+$")
ALLOWED_IMPORTS = {
    "llmlab", "torch", "numpy", "matplotlib", "seaborn", "ipywidgets", "IPython", "tqdm", "tiktoken",
} | set(sys.stdlib_module_names)


def requirement_lines() -> list[str]:
    """The requirement lines of requirements.txt, without comments and blank lines."""
    lines = (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def environment_pip_lines() -> list[str]:
    """The entries of the pip section of environment.yml."""
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_sections = [dep["pip"] for dep in env["dependencies"] if isinstance(dep, dict) and "pip" in dep]
    assert len(pip_sections) == 1, "environment.yml needs exactly one pip section"
    return [str(line).strip() for line in pip_sections[0]]


def code_cells(path: Path) -> list[tuple[int, str]]:
    """(index, source) of every code cell of a notebook."""
    nb = nbformat.read(path, as_version=4)
    return [(i, cell.source) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def imported_modules(source: str) -> set[str]:
    """Top-level names of the modules a cell imports (IPython magics and shell lines ignored)."""
    python = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    names: set[str] = set()
    for node in ast.walk(ast.parse(python)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_environment_yml_has_the_pins_of_requirements_txt() -> None:
    env_lines = environment_pip_lines()
    assert "-e ." in env_lines, "environment.yml must install llmlab itself with '-e .'"
    env_pins = [line for line in env_lines if line != "-e ." and not line.startswith("--")]
    assert sorted(env_pins) == sorted(requirement_lines()), (
        f"only in requirements.txt: {sorted(set(requirement_lines()) - set(env_pins))}; "
        f"only in environment.yml: {sorted(set(env_pins) - set(requirement_lines()))}"
    )


def test_torch_is_the_pinned_cpu_release() -> None:
    assert "torch==2.13.0" in requirement_lines()
    assert "torch==2.13.0" in environment_pip_lines()


def test_every_requirement_is_pinned_exactly() -> None:
    unpinned = [line for line in requirement_lines() if not PIN.match(line)]
    assert not unpinned, f"requirements.txt lines without an exact '==' pin: {unpinned}"


def test_notebooks_are_committed_without_outputs() -> None:
    dirty = [
        f"{path.name} cell {i}"
        for path in NOTEBOOKS
        for i, cell in enumerate(nbformat.read(path, as_version=4).cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"clear the outputs and execution counts of: {dirty}"


def test_notebooks_import_only_listed_packages() -> None:
    unlisted = [
        f"{path.name} cell {i}: {name}"
        for path in NOTEBOOKS
        for i, source in code_cells(path)
        for name in sorted(imported_modules(source) - ALLOWED_IMPORTS)
    ]
    assert not unlisted, f"notebooks import packages outside the allowed list: {unlisted}"
