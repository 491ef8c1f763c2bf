"""Start deploy/jupyterhub/jupyterhub_config.py on 127.0.0.1 for a bench or a test, and stop it completely."""

from __future__ import annotations

import os
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

import requests

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = REPO / "deploy" / "jupyterhub" / "node_modules" / ".bin" / "configurable-http-proxy"
HUB_START_TIMEOUT_S = 90
HUB_STOP_TIMEOUT_S = 30


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


@contextmanager
def running_hub(state: Path) -> Iterator[Hub]:
    """The classroom hub with the dummy authenticator, its files in ``state``; stopped on exit."""
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
    }
    env.pop("JUPYTER_PATH", None)
    log = state / "jupyterhub.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
            cwd=state, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            wait_until_answering(hub, process, log)
            yield hub
        finally:
            stop(process)
