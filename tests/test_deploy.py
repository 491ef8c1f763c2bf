"""The classroom set-up files agree with the project: what can be checked without Kubernetes or Docker.

Also the choice the Makefile makes of where pip gets torch (wheelhouse, local wheel folder, or
PyTorch's CPU-only index), read from `make -n` since that index cannot be reached from here.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

from llmlab.paths import REPO_ROOT

HUB = REPO_ROOT / "deploy" / "jupyterhub"
K8S = HUB / "kubernetes"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
TORCH_PIN = "torch==2.13.0"


def hub_config_defaults() -> dict[str, str]:
    """The per-learner limits jupyterhub_config.py uses when no environment variable overrides them."""
    text = (HUB / "jupyterhub_config.py").read_text(encoding="utf-8")
    found = dict(re.findall(r'"LLMLAB_HUB_(MEM|CPU)_LIMIT", "([^"]+)"', text))
    return {"memory": found["MEM"], "cpu": found["CPU"]}


def test_values_yaml_parses_and_has_the_hub_config_limits() -> None:
    values = yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))
    singleuser = values["singleuser"]
    limits = hub_config_defaults()
    assert singleuser["memory"]["limit"] == limits["memory"]
    assert float(singleuser["cpu"]["limit"]) == float(limits["cpu"])
    assert singleuser["image"]["name"] == "llmlab-singleuser"


def test_dockerfile_installs_exactly_requirements_txt() -> None:
    lines = (K8S / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    installs = [part.strip() for line in lines if line.startswith("RUN")
                for part in line[3:].split("&&") if "pip install" in part]
    assert installs == [
        'pip install --index-url ${TORCH_CPU_INDEX} "$(grep -E \'^torch==\' requirements.txt)"',
        "pip install -r requirements.txt",
        "pip install --no-deps -e .",
    ], f"the image must install requirements.txt (torch from the CPU index) and llmlab only: {installs}"
    assert f"ARG TORCH_CPU_INDEX={CPU_INDEX}" in lines
    assert "COPY requirements.txt pyproject.toml README.md ./" in lines


def test_proxy_is_pinned_in_package_json_and_its_lock() -> None:
    package = json.loads((HUB / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((HUB / "package-lock.json").read_text(encoding="utf-8"))
    pin = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pin), f"pin the proxy exactly, not {pin!r}"
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == pin


def test_environment_yml_takes_torch_from_the_cpu_index() -> None:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(dep["pip"] for dep in env["dependencies"] if isinstance(dep, dict))
    assert f"--extra-index-url {CPU_INDEX}" in pip and TORCH_PIN in pip


def make_dry_run(target: str, **variables: str) -> list[str]:
    """The pip commands `make -n -B target` would run with these Makefile variables."""
    command = ["make", "-n", "-B", "-C", str(REPO_ROOT), target] + [f"{k}={v}" for k, v in variables.items()]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return [line for line in output.splitlines() if "pip install" in line or "pip wheel" in line]


def test_make_uses_the_wheelhouse_alone_when_it_is_built(tmp_path: Path) -> None:
    (tmp_path / ".complete").touch()
    lines = make_dry_run(".venv/.llmlab-installed", WHEELHOUSE=str(tmp_path))
    assert len(lines) == 3 and all(f"--no-index --find-links {tmp_path}" in line for line in lines), lines


def test_make_takes_torch_from_the_local_wheel_folder(tmp_path: Path) -> None:
    lines = make_dry_run(".venv/.llmlab-installed", WHEELHOUSE=str(tmp_path / "none"), LOCAL_WHEELS=str(tmp_path))
    assert f'--find-links {tmp_path} "{TORCH_PIN}"' in lines[0], lines
    assert not any(CPU_INDEX in line for line in lines), lines


def test_make_takes_torch_alone_from_the_cpu_index_without_local_wheels(tmp_path: Path) -> None:
    lines = make_dry_run(".venv/.llmlab-installed", WHEELHOUSE=str(tmp_path / "none"),
                         LOCAL_WHEELS=str(tmp_path / "none"))
    assert f'--index-url {CPU_INDEX} "{TORCH_PIN}"' in lines[0], lines
    assert not any(CPU_INDEX in line or "--find-links" in line for line in lines[1:]), lines


def test_wheelhouse_downloads_the_cpu_torch(tmp_path: Path) -> None:
    without = [line for line in make_dry_run("wheelhouse", WHEELHOUSE=str(tmp_path / "wh"),
                                             LOCAL_WHEELS=str(tmp_path / "none")) if "pip wheel" in line]
    assert f'--index-url {CPU_INDEX} --no-deps "{TORCH_PIN}"' in without[0], without
    local = [line for line in make_dry_run("wheelhouse", WHEELHOUSE=str(tmp_path / "wh"), LOCAL_WHEELS=str(tmp_path))
             if "pip wheel" in line]
    assert f'--find-links {tmp_path} --no-deps "{TORCH_PIN}"' in local[0], local
    assert all("-r requirements.txt" in line for line in (without[1], local[1]))
