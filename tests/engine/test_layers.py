"""llmlab's folders are its layers, and imports only point down.

The layers, lowest first, are read from the tree: the modules at the package root (errors, paths, the
message catalogues), then ``engine/``, ``toy/``, ``studies/`` and ``ui/``. A module may import from its
own layer and the layers below it, never from one above. ``docs/architecture.md`` names every module,
and every module it names exists (its section "The tree").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIB = ROOT / "lib" / "llmlab"
LAYERS = ("", "engine", "toy", "studies", "ui")  # "" is the package root: errors, paths, messages


def test_the_layers_are_the_folders():
    folders = {p.name for p in LIB.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == {*LAYERS[1:], "messages"}, folders


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(LIB.parent).with_suffix("").parts).removesuffix(".__init__")


def layer(module: str) -> int:
    """The layer index of a dotted module name under llmlab."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else 0


def imports(path: Path) -> list[str]:
    """Every llmlab module the file imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("llmlab"):
            assert node.level == 0, f"{path}: relative import"
            found += [node.module] if node.module != "llmlab" else [f"llmlab.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("llmlab")]
    return found


MODULES = sorted(LIB.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(LIB)))
def test_imports_only_point_down(path):
    mine = layer(module_name(path))
    upward = [name for name in imports(path) if layer(name) > mine]
    assert not upward, f"{module_name(path)} (layer {LAYERS[mine] or 'root'}) imports from above: {upward}"


def test_architecture_names_every_module_and_only_modules_that_exist():
    text = (ROOT / "docs" / "architecture.md").read_text()
    tree = text.split("\n## The tree\n", 1)[1].split("\n## ", 1)[0]  # the section that lists the modules
    named = set(re.findall(r"`((?:[a-z_]+/)*[a-z_0-9]+\.py)`", tree))
    modules = {str(p.relative_to(LIB)) for p in MODULES
               if p.name != "__init__.py" and "messages" not in p.relative_to(LIB).parts[:1]}
    assert not named - modules, f"architecture.md names modules that do not exist: {sorted(named - modules)}"
    assert not modules - named, f"modules architecture.md does not name: {sorted(modules - named)}"
