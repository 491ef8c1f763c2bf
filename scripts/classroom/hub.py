"""Start deploy/jupyterhub/jupyterhub_config.py on 127.0.0.1 for a bench or a test, and stop it completely."""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = REPO / "deploy" / "jupyterhub" / "node_modules" / ".bin" / "configurable-http-proxy"
HUB_START_TIMEOUT_S = 90
HUB_STOP_TIMEOUT_S = 30
LEARNERS_STOP_TIMEOUT_S = 10  # for the learners' last processes to end once killed
# Run as root, the hub makes a system user per learner, who must be able to run this Python. One installed
# in root's home (pyenv in /root, mode 0700) cannot be run by them, and the hub refuses it. The bench and
# the tests then run the hub in a mount namespace of its own where that folder can be entered (mode 0711,
# its entries bound back unchanged), as on a machine with Python installed for every user.
ENTERABLE_VIEW = """set -e
folder=$1 view=$2
shift 2
mkdir -p "$view"
mount --bind "$folder" "$view"
mount -t tmpfs -o mode=0711 llmlab-view "$folder"
for entry in "$view"/* "$view"/.[!.]* "$view"/..?*; do
  [ -e "$entry" ] || [ -L "$entry" ] || continue
  target="$folder/${entry##*/}"
  if [ -L "$entry" ]; then cp -P "$entry" "$target"; continue; fi
  if [ -d "$entry" ]; then mkdir "$target"; else touch "$target"; fi
  mount --bind "$entry" "$target"
done
exec "$@"
"""


@dataclass(frozen=True)
class Hub:
    """A running hub: its public address, the bench service's token and the learners' home folders."""

    url: str
    service_token: str
    homes: Path
    ports: tuple[int, ...]

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """Call the hub's REST API as the bench service."""
        headers = {"Authorization": f"token {self.service_token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=30, **kwargs)


def free_ports(count: int) -> tuple[int, ...]:
    """``count`` distinct TCP ports on 127.0.0.1 that nothing listens on right now."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return tuple(sock.getsockname()[1] for sock in sockets)
    finally:
        for sock in sockets:
            sock.close()


def port_is_free(port: int) -> bool:
    """Whether nothing listens on ``port`` of 127.0.0.1."""
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_until_answering(hub: Hub, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + HUB_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if hub.api("GET", "/users").status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"JupyterHub did not answer within {HUB_START_TIMEOUT_S} s:\n{log.read_text()[-4000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the hub (it stops the proxy and every learner's server), then end its process group."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=HUB_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pass
    try:  # whatever the hub started and left behind is in its process group
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def python_view(state: Path) -> tuple[str, ...]:
    """The command that runs the hub where learners can enter the folders above Python (none if they can)."""
    shut = [folder for folder in Path(sys.base_prefix).resolve().parents if not folder.stat().st_mode & 0o001]
    if os.getuid() != 0 or not shut:
        return ()
    return ("unshare", "--mount", "--propagation", "private", "sh", "-c", ENTERABLE_VIEW, "python-view",
            str(shut[-1]), str(state / "python-view"))


def remove_learners(homes: Path) -> None:
    """Delete the system users the hub created for learners with a home in ``homes``, and their homes.

    Their processes are ended first: a kernel can outlive the hub's process group by a moment, and userdel
    refuses a user who still runs a process."""
    learners = [entry for entry in pwd.getpwall() if Path(entry.pw_dir).is_relative_to(homes)]
    uids = {entry.pw_uid for entry in learners}
    left = [process for process in psutil.process_iter(["uids"])
            if process.info["uids"] is not None and process.info["uids"].real in uids]
    for process in left:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    psutil.wait_procs(left, timeout=LEARNERS_STOP_TIMEOUT_S)
    for entry in learners:
        subprocess.run(["userdel", "--remove", entry.pw_name], capture_output=True, check=False)


@contextmanager
def running_hub(state: Path, settings: dict[str, str] | None = None) -> Iterator[Hub]:
    """The classroom hub with the dummy authenticator, its files in ``state``; stopped on exit (with the
    system users it made for learners, when run as root). ``settings``: more LLMLAB_HUB_* variables (e.g. a
    short kernel cull)."""
    if not PROXY.exists():
        raise FileNotFoundError(f"{PROXY} is missing: run `make hub-proxy` (npm ci in deploy/jupyterhub)")
    state.mkdir(parents=True, exist_ok=True)
    public, api, proxy_api = free_ports(3)
    hub = Hub(url=f"http://127.0.0.1:{public}", service_token=secrets.token_hex(24),
              homes=state / "homes", ports=(public, api, proxy_api))
    env = os.environ | {
        "LLMLAB_HUB_IP": "127.0.0.1", "LLMLAB_HUB_PORT": str(public), "LLMLAB_HUB_API_PORT": str(api),
        "LLMLAB_PROXY_API_PORT": str(proxy_api), "LLMLAB_HUB_STATE": str(state), "LLMLAB_HUB_AUTH": "dummy",
        "LLMLAB_HUB_SERVICE_TOKEN": hub.service_token,
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(24),
        "JUPYTER_CONFIG_DIR": str(state / "jupyter-config"),  # keep the user's own Jupyter config out
        **(settings or {}),
    }
    env.pop("JUPYTER_PATH", None)
    log = state / "jupyterhub.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [*python_view(state), str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
            cwd=state, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            wait_until_answering(hub, process, log)
            yield hub
        finally:
            stop(process)
            if os.getuid() == 0:
                remove_learners(hub.homes.resolve())
