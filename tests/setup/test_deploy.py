"""The classroom set-up files agree with the project: what can be checked without Kubernetes or Docker.

Also the choice the Makefile makes of where pip gets torch (wheelhouse, local wheel folder, or
PyTorch's CPU-only index), read from `make -n` since that index cannot be reached from here, and that a
wheelhouse counts as built for requirements.txt by content, so that a copy without its file times still does.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import types
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


def refusal_of(values: dict) -> str | None:
    """What the chart's hub says when it stops at start-up with ``values`` (llmlab's extraConfig), or None."""
    def chart_value(key: str, default=None):
        found = values
        for part in key.split("."):
            if not isinstance(found, dict) or part not in found:
                return default
            found = found[part]
        return found

    z2jh = types.ModuleType("z2jh")
    z2jh.get_config = chart_value
    saved = sys.modules.get("z2jh")
    sys.modules["z2jh"] = z2jh
    try:
        for snippet in values["hub"]["extraConfig"].values():
            exec(snippet, {})
    except SystemExit as refusal:
        return str(refusal)
    finally:
        if saved is None:
            sys.modules.pop("z2jh")
        else:
            sys.modules["z2jh"] = saved
    return None


def test_values_yaml_ships_no_password_and_the_hub_refuses_to_start_without_one() -> None:
    values = yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))
    passwords = values["hub"]["config"]["SharedPasswordAuthenticator"]
    assert passwords == {"user_password": "", "admin_password": ""}, "no working placeholder password"
    assert values["hub"]["config"]["Authenticator"]["admin_users"] == ["instructor"]
    assert refusal_of(values) is not None, "the hub must refuse to start with the shipped values"
    for user, admin in (("class-pw", "x" * 31), ("short", "x" * 32), ("x" * 32, "x" * 32)):
        passwords.update(user_password=user, admin_password=admin)
        assert refusal_of(values) is not None, f"accepted {user!r} / {admin!r}"
    passwords.update(user_password="class-pw", admin_password="x" * 32)
    assert refusal_of(values) is None


def test_values_yaml_keeps_the_hub_off_the_internet_until_https_is_set_up() -> None:
    proxy = yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))["proxy"]
    assert proxy["service"]["type"] == "ClusterIP", "the chart's default is a public LoadBalancer"
    assert proxy["https"] == {"enabled": False, "type": "letsencrypt"}
    guide = (REPO_ROOT / "docs" / "teaching" / "setup.md").read_text(encoding="utf-8")
    for setting in ("proxy.https.enabled", "letsencrypt", "contactEmail", "manual", "LoadBalancer"):
        assert setting in guide, f"docs/teaching/setup.md must explain {setting}"


# What the image leaves out of requirements.txt: the test and lint tools and what only they need.
TEST_TOOLS = ("playwright", "greenlet", "pytest", "pytest-xdist", "execnet", "iniconfig", "pluggy", "hypothesis",
              "sortedcontainers", "ruff")


def test_dockerfile_installs_requirements_txt_without_the_test_tools() -> None:
    lines = (K8S / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    installs = [part.strip() for line in lines if line.startswith("RUN")
                for part in line[3:].split("&&") if "pip install" in part or "requirements.txt >" in part]
    assert installs == [
        f"grep -vE '^({'|'.join(TEST_TOOLS)})==' requirements.txt > /tmp/learner-requirements.txt",
        'pip install --index-url ${TORCH_CPU_INDEX} "$(grep -E \'^torch==\' requirements.txt)"',
        "pip install -r /tmp/learner-requirements.txt",
        'pip install "jupyterhub==${JUPYTERHUB_VERSION}"',
        "pip install --no-deps -e .",
    ], f"the image must install requirements.txt but the test tools (torch from the CPU index), the chart's " \
       f"JupyterHub and llmlab only: {installs}"
    assert f"ARG TORCH_CPU_INDEX={CPU_INDEX}" in lines and "ARG JUPYTERHUB_VERSION" in lines
    assert "COPY requirements.txt pyproject.toml README.md ./" in lines
    pinned = {re.split(r"==", line)[0].lower() for line in
              (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines() if "==" in line}
    assert set(TEST_TOOLS) <= pinned, "a left-out tool is no longer pinned: update the Dockerfile"
    # nothing a learner runs imports them: the library and the lessons
    sources = [*(REPO_ROOT / "lib" / "llmlab").rglob("*.py"), *(REPO_ROOT / "notebooks").rglob("*.ipynb")]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    for tool in TEST_TOOLS:
        module = tool.replace("-", "_")
        assert not re.search(rf'^\s*"?(import|from) {module}\b', text, re.M), f"{tool} is used by llmlab or a lesson"


def test_the_image_and_the_local_hub_give_learners_the_same_server_settings() -> None:
    settings = json.loads((HUB / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert settings["ServerApp"]["terminals_enabled"] is False
    assert settings["LabApp"]["news_url"] is None
    kernels = settings["MappingKernelManager"]
    # idle kernels culled after 20 minutes, connected ones too (JupyterLab keeps every open lesson's tab
    # connected), never one running a cell; a slow start waited for
    assert kernels == {"kernel_info_timeout": 300, "cull_idle_timeout": 1200, "cull_interval": 60,
                       "cull_connected": True, "cull_busy": False}
    dockerfile = (K8S / "Dockerfile").read_text(encoding="utf-8").splitlines()
    assert ("COPY deploy/jupyterhub/jupyter_server_config.json /usr/local/etc/jupyter/jupyter_server_config.json"
            in dockerfile)
    assert "COPY deploy/lab/overrides.json /usr/local/share/jupyter/lab/settings/overrides.json" in dockerfile
    config = (HUB / "jupyterhub_config.py").read_text(encoding="utf-8")
    assert '(HERE / "jupyter_server_config.json")' in config
    assert "c.Spawner.args = [*command_line(SERVER_SETTINGS)," in config
    assert "--MappingKernelManager" not in config and "--ServerApp" not in config, "settings written twice"
    guide = (REPO_ROOT / "docs" / "teaching" / "troubleshooting.md").read_text(encoding="utf-8")
    minutes = kernels["cull_idle_timeout"] // 60
    assert f"`cull_idle_timeout` {kernels['cull_idle_timeout']} s" in guide and f"{minutes} idle minutes" in guide, \
        "troubleshooting.md must say after how long an idle kernel is culled"


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


def requirements_sha256() -> str:
    """What a completed wheelhouse's .complete holds: the sha256 of the requirements.txt it was built from."""
    return hashlib.sha256((REPO_ROOT / "requirements.txt").read_bytes()).hexdigest()


def test_make_uses_the_wheelhouse_alone_when_it_is_built(tmp_path: Path) -> None:
    (tmp_path / ".complete").write_text(requirements_sha256() + "\n", encoding="utf-8")
    lines = make_dry_run(".venv/.llmlab-installed", WHEELHOUSE=str(tmp_path))
    assert len(lines) == 3 and all(f"--no-index --find-links {tmp_path}" in line for line in lines), lines


def test_a_wheelhouse_copied_without_its_file_times_is_still_used(tmp_path: Path) -> None:
    built = tmp_path / "built"
    built.mkdir()
    (built / ".complete").write_text(requirements_sha256() + "\n", encoding="utf-8")
    copy = tmp_path / "usb-stick"
    subprocess.run(["cp", "-r", str(built), str(copy)], check=True)  # cp -r: new times, not the original's
    os.utime(copy / ".complete", (0, 0))  # older than requirements.txt, as after a copy in the wrong order
    lines = make_dry_run(".venv/.llmlab-installed", WHEELHOUSE=str(copy))
    assert len(lines) == 3 and all(f"--no-index --find-links {copy}" in line for line in lines), lines
    building = subprocess.run(["make", "-n", "-C", str(REPO_ROOT), "wheelhouse", f"WHEELHOUSE={copy}"],
                              capture_output=True, text=True, check=True).stdout
    assert "pip wheel" not in building, f"a fresh wheelhouse is downloaded again:\n{building}"


def test_a_wheelhouse_built_for_other_pins_is_not_used_but_built_again(tmp_path: Path) -> None:
    for content in ("", "0" * 64 + "\n"):  # an unfinished build (or an old, empty .complete); other pins
        (tmp_path / ".complete").write_text(content, encoding="utf-8")
        lines = make_dry_run(".venv/.llmlab-installed", WHEELHOUSE=str(tmp_path), LOCAL_WHEELS=str(tmp_path / "no"))
        assert not any("--no-index" in line for line in lines), lines
        building = subprocess.run(["make", "-n", "-C", str(REPO_ROOT), "wheelhouse", f"WHEELHOUSE={tmp_path}"],
                                  capture_output=True, text=True, check=True).stdout
        assert "pip wheel" in building and f"echo {requirements_sha256()} > {tmp_path}/.complete" in building


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
