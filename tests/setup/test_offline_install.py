"""An install with no network at all works from wheelhouse/ (`make wheelhouse`), and lesson 00 runs.

Inside a new network namespace (`unshare -n`: only a loopback interface, nothing outside), a new venv
installs every pin of requirements.txt and llmlab from the wheelhouse alone (pip's own configuration
and the local wheel folder switched off), then runs lesson 00 top to bottom. pip does not byte-compile
the install (`--no-compile`): compiling every module of the 148 packages nearly tripled the install's processor
time and proves nothing about installing offline; lesson 00 compiles what it imports.

`make test` (and so CI) builds or refreshes wheelhouse/ first and installs .venv from it, so the one
download serves both. Run by hand without a wheelhouse, the test is skipped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llmlab.paths import REPO_ROOT

pytestmark = [pytest.mark.slow]

WHEELHOUSE = REPO_ROOT / "wheelhouse"
LESSON = REPO_ROOT / "notebooks" / "00_start_here.ipynb"
INSTALL_TIMEOUT_S = 900

RUN_LESSON = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="python3", timeout=300, resources={"metadata": {"path": sys.argv[2]}}).execute()
print("lesson ran:", sum(c.cell_type == "code" for c in nb.cells), "code cells")
"""

NO_NETWORK_CHECK = """
import socket
try:
    socket.create_connection(("1.1.1.1", 443), timeout=3)
except OSError as error:
    print("no network:", error)
else:
    raise SystemExit("the namespace reaches the network")
"""


def can_unshare_network() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


def test_new_venv_installs_from_the_wheelhouse_with_no_network(tmp_path: Path) -> None:
    if not (WHEELHOUSE / ".complete").exists():
        pytest.skip("wheelhouse/ has not been built (make wheelhouse): nothing to install offline from")
    built_for = (WHEELHOUSE / ".complete").read_text(encoding="utf-8").strip()  # as the Makefile decides
    if built_for != hashlib.sha256((REPO_ROOT / "requirements.txt").read_bytes()).hexdigest():
        pytest.skip("wheelhouse/ was built for another requirements.txt: run make wheelhouse again")
    if not can_unshare_network():
        pytest.skip("cannot make a network namespace here (unshare -n needs root or user namespaces)")
    venv = tmp_path / "venv"
    pip = f"{venv}/bin/python -m pip install --no-compile --no-index --find-links {WHEELHOUSE}"
    script = " && ".join([
        "ip link set lo up",  # the kernel talks to nbclient over 127.0.0.1
        f"{sys.executable} -m venv {venv}",
        f"{venv}/bin/python -c '{NO_NETWORK_CHECK}'",
        f"{pip} -r requirements.txt",
        f"{pip} --no-deps -e .",
        f"{venv}/bin/python -c '{RUN_LESSON}' {LESSON} {LESSON.parent}",
    ])
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PIP_", "JUPYTER", "PYTHON", "VIRTUAL_ENV"))}
    env |= {"PIP_CONFIG_FILE": os.devnull, "HOME": str(tmp_path), "JUPYTER_PLATFORM_DIRS": "1"}
    done = subprocess.run(["unshare", "-n", "bash", "-c", script], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
    assert done.returncode == 0, f"offline install failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "no network:" in done.stdout and "lesson ran:" in done.stdout
