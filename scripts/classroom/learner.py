"""One simulated learner: logs in, starts a server and a kernel, runs a lesson, moves an explorer's slider."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import nbformat
import requests
import websocket

from classroom.hub import Hub
from classroom.kernel_client import KernelClient, KernelError, redrew_an_image

SPAWN_TIMEOUT_S = 180
CELL_TIMEOUT_S = 300
# A dropped first connection is retried, as JupyterLab reconnects by itself; each retry is counted.
CONNECT_ATTEMPTS = 3
XSRF = re.compile(r'name="_xsrf"\s+value="([^"]+)"')
# The explorer the bench moves: lesson 10's attention explorer and its head slider.
SLIDER = "attention.head_slider"
CPU_SECONDS = "__import__('time').process_time()"


@dataclass
class LearnerResult:
    """What one learner went through; times in seconds from the start of the round."""

    name: str
    first_cell_done_s: float | None = None
    lesson_s: float | None = None
    update_ms: list[float] = field(default_factory=list)
    update_cpu_ms: float | None = None  # the kernel's processor time per update (the time on an idle machine)
    reconnects: int = 0  # kernel websockets dropped before the first cell and opened again
    error: str | None = None


def log_in(hub: Hub, name: str) -> None:
    """Log in through the hub's login form, as a browser does (any password: dummy authenticator)."""
    session = requests.Session()
    page = session.get(f"{hub.url}/hub/login", timeout=30)
    found = XSRF.search(page.text)
    form = {"username": name, "password": "class-password", "_xsrf": found.group(1) if found else ""}
    reply = session.post(f"{hub.url}/hub/login", data=form, allow_redirects=False, timeout=30)
    if reply.status_code != 302:
        raise RuntimeError(f"login of {name} answered HTTP {reply.status_code}")


def start_server(hub: Hub, name: str, token: str) -> None:
    """Ask the hub for the learner's server and wait until it is ready."""
    headers = {"Authorization": f"token {token}"}
    reply = requests.post(f"{hub.url}/hub/api/users/{name}/server", headers=headers, timeout=30)
    if reply.status_code not in (201, 202):
        raise RuntimeError(f"starting {name}'s server answered HTTP {reply.status_code}: {reply.text[:300]}")
    deadline = time.monotonic() + SPAWN_TIMEOUT_S
    while time.monotonic() < deadline:
        user = requests.get(f"{hub.url}/hub/api/users/{name}", headers=headers, timeout=30).json()
        server = user.get("servers", {}).get("")
        if server and server.get("ready"):
            return
        if not user.get("pending") and not server:
            raise RuntimeError(f"{name}'s server stopped while starting")
        time.sleep(0.5)
    raise TimeoutError(f"{name}'s server was not ready within {SPAWN_TIMEOUT_S} s")


def open_kernel(hub: Hub, name: str, token: str, lesson: str) -> tuple[KernelClient, int]:
    """Open the lesson's notebook session (a new kernel), connect to its websocket and wait for its answer.

    Returns the connection and how many dropped connections were opened again on the way (a server drops
    the websocket of a kernel that has not answered in time; JupyterLab then reconnects).
    """
    reply = requests.post(
        f"{hub.url}/user/{name}/api/sessions", headers={"Authorization": f"token {token}"}, timeout=60,
        json={"path": f"llmlab/{lesson}", "name": lesson, "type": "notebook", "kernel": {"name": "python3"}},
    )
    if reply.status_code != 201:
        raise RuntimeError(f"opening {lesson} for {name} answered HTTP {reply.status_code}: {reply.text[:300]}")
    kernel_id = reply.json()["kernel"]["id"]
    ws_url = hub.url.replace("http://", "ws://") + f"/user/{name}/api/kernels/{kernel_id}/channels"
    dropped = 0
    while True:
        kernel = None
        try:
            kernel = KernelClient(ws_url, token, name, timeout_s=CELL_TIMEOUT_S)
            kernel.kernel_info()
            return kernel, dropped
        except websocket.WebSocketConnectionClosedException:
            if kernel is not None:
                kernel.close()
            dropped += 1
            if dropped == CONNECT_ATTEMPTS:
                raise
            time.sleep(2 * dropped)


def move_slider(kernel: KernelClient, updates: int) -> tuple[list[float], float]:
    """Move the explorer's slider ``updates`` times.

    Returns the milliseconds until each new picture was sent, and the kernel's processor time per move.
    """
    model_id, top = kernel.evaluate(f"{SLIDER}.model_id"), kernel.evaluate(f"{SLIDER}.max")
    start = kernel.evaluate(f"{SLIDER}.value")
    cpu_before = kernel.evaluate(CPU_SECONDS)
    times = []
    for step in range(1, updates + 1):
        began = time.perf_counter()
        reply = kernel.update_widget(model_id, {"value": (start + step) % (top + 1)})
        times.append((time.perf_counter() - began) * 1000)
        if not redrew_an_image(reply):
            raise KernelError(f"moving {SLIDER} (update {step}) redrew no picture")
    return times, (kernel.evaluate(CPU_SECONDS) - cpu_before) * 1000 / updates


def run_learner(hub: Hub, name: str, lesson_path, updates: int, round_start: float) -> LearnerResult:
    """Everything one learner does; any failure is recorded in the result, never raised."""
    result = LearnerResult(name)
    cells = [cell.source for cell in nbformat.read(lesson_path, as_version=4).cells if cell.cell_type == "code"]
    kernel = None
    step = "logging in"  # what the learner was doing, named in the error if it fails
    try:
        log_in(hub, name)
        token = hub.api("POST", f"/users/{name}/tokens", json={"note": "classroom bench"}).json()["token"]
        step = "starting the server"
        start_server(hub, name, token)
        step = "opening the lesson's kernel"
        kernel, result.reconnects = open_kernel(hub, name, token, lesson_path.name)
        lesson_start = time.monotonic()
        for index, source in enumerate(cells):
            step = f"{lesson_path.name} code cell {index}"
            kernel.execute(source)
            if result.first_cell_done_s is None:
                result.first_cell_done_s = time.monotonic() - round_start
        result.lesson_s = time.monotonic() - lesson_start
        if updates:
            step = "moving the slider"
            result.update_ms, result.update_cpu_ms = move_slider(kernel, updates)
    except Exception as error:  # the bench reports every failure, whatever it is
        result.error = f"{step}: {type(error).__name__}: {error}"
    finally:
        if kernel is not None:
            kernel.close()
    return result
