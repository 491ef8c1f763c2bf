"""One simulated learner: logs in, starts a server, then works through a plan's lessons in order, as in
JupyterLab: each lesson in a kernel of its own, run top to bottom, then one of its sliders (or menus) moved;
the earlier lessons' kernels stay open and connected (as their tabs do), until the server culls them."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import requests
import websocket

from classroom.hub import Hub
from classroom.kernel_client import KernelClient, redrew

SPAWN_TIMEOUT_S = 180
CELL_TIMEOUT_S = 300
# A dropped first connection is retried, as JupyterLab reconnects by itself; each retry is counted.
CONNECT_ATTEMPTS = 3
XSRF = re.compile(r'name="_xsrf"\s+value="([^"]+)"')
# The controls of a lesson's widgets, in the order they were made: sliders and menus, as
# (model id, class, lowest, highest, step, current, the state key a move sets).
CONTROLS = ("[(key, type(w).__name__, w.min, w.max, w.step, w.value, 'value') "
            "if type(w).__name__ in ('IntSlider', 'FloatSlider') else "
            "(key, type(w).__name__, 0, len(w.options) - 1, 1, w.index, 'index') for key, w in "
            "list(__import__('ipywidgets').widgets.widget._instances.items()) "
            "if type(w).__name__ in ('IntSlider', 'FloatSlider', 'SelectionSlider', 'Dropdown') and not w.disabled "
            "and (type(w).__name__ in ('IntSlider', 'FloatSlider') or len(w.options) > 1)]")
CPU_SECONDS = "__import__('time').process_time()"


@dataclass
class LessonRun:
    """One lesson of the plan: its kernel, the time its cells took, the slider moved and each move's time."""

    lesson: str
    kernel_id: str = ""
    seconds: float | None = None
    slider: str = ""  # "IntSlider 2 of 5": the control moved, and how many the lesson's widgets have
    update_ms: list[float] = field(default_factory=list)
    update_cpu_ms: float | None = None  # the kernel's processor time per update (the time on an idle machine)


@dataclass
class LearnerResult:
    """What one learner went through; times in seconds from the start of the round."""

    name: str
    first_cell_done_s: float | None = None
    lessons: list[LessonRun] = field(default_factory=list)
    culled: int = 0  # earlier lessons' kernels the server had ended (idle) when the learner finished
    reconnects: int = 0  # kernel websockets dropped before the first cell and opened again
    error: str | None = None

    @property
    def update_ms(self) -> list[float]:
        return [ms for run in self.lessons for ms in run.update_ms]


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

    Returns the connection (its ``kernel_id`` set) and how many dropped connections were opened again on the
    way (a server drops the websocket of a kernel that has not answered in time; JupyterLab then reconnects).
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
            kernel.kernel_id = kernel_id
            return kernel, dropped
        except websocket.WebSocketConnectionClosedException:
            if kernel is not None:
                kernel.close()
            dropped += 1
            if dropped == CONNECT_ATTEMPTS:
                raise
            time.sleep(2 * dropped)


def slider_value(minimum: float, maximum: float, step: float, start: float, move: int, integer: bool) -> float:
    """The slider's value at ``move``: ``move`` steps on from ``start``, wrapping around within its range."""
    if integer:
        return (start - minimum + move) % (maximum - minimum + 1) + minimum
    positions = round((maximum - minimum) / step) + 1
    return round(minimum + (round((start - minimum) / step) + move) % positions * step, 10)


def move_slider(kernel: KernelClient, updates: int) -> tuple[str, list[float], float | None]:
    """Move the lesson's first control (a slider, else a menu) that redraws something (a picture, a table)
    ``updates`` times, as a learner drags a slider or picks from a menu.

    Returns which control moved, the milliseconds until each redraw was sent, and the kernel's processor
    time per move; ("", [], None) when no control of the lesson redraws anything (or it has none).
    """
    controls = kernel.evaluate(CONTROLS)
    for index, (model_id, kind, low, high, step, start, key) in enumerate(controls):
        integer = kind != "FloatSlider"
        cpu_before = kernel.evaluate(CPU_SECONDS)
        times = []
        for move in range(1, updates + 1):
            began = time.perf_counter()
            reply = kernel.update_widget(model_id, {key: slider_value(low, high, step, start, move, integer)})
            times.append((time.perf_counter() - began) * 1000)
            if not redrew(reply):
                break
        else:
            cpu_ms = (kernel.evaluate(CPU_SECONDS) - cpu_before) * 1000 / updates
            return f"{kind} {index + 1} of {len(controls)}", times, cpu_ms
    return "", [], None


def kernels_running(hub: Hub, name: str, token: str) -> set[str]:
    """The ids of the kernels running on the learner's server."""
    reply = requests.get(f"{hub.url}/user/{name}/api/kernels", headers={"Authorization": f"token {token}"},
                         timeout=60)
    reply.raise_for_status()
    return {kernel["id"] for kernel in reply.json()}


def run_learner(hub: Hub, name: str, lessons: list[Path], updates: int, round_start: float,
                lesson_span_s: float = 0) -> LearnerResult:
    """Everything one learner does, lesson after lesson; any failure is recorded in the result, never raised.

    ``lesson_span_s``: a learner stays at least this long with each lesson (idle after its cells and slider
    moves, reading), so that an earlier kernel can be culled as in a workshop whose lessons outlast the cull.
    """
    result = LearnerResult(name)
    kernels: list[KernelClient] = []  # one per opened lesson, all left open as JupyterLab's tabs are
    step = "logging in"  # what the learner was doing, named in the error if it fails
    try:
        log_in(hub, name)
        token = hub.api("POST", f"/users/{name}/tokens", json={"note": "classroom bench"}).json()["token"]
        step = "starting the server"
        start_server(hub, name, token)
        for lesson_path in lessons:
            cells = [cell.source for cell in nbformat.read(lesson_path, as_version=4).cells
                     if cell.cell_type == "code"]
            run = LessonRun(lesson_path.name)
            result.lessons.append(run)
            opened = time.monotonic()
            step = f"opening {lesson_path.name}'s kernel"
            kernel, dropped = open_kernel(hub, name, token, lesson_path.name)
            kernels.append(kernel)
            run.kernel_id, result.reconnects = kernel.kernel_id, result.reconnects + dropped
            lesson_start = time.monotonic()
            for index, source in enumerate(cells):
                step = f"{lesson_path.name} code cell {index}"
                kernel.execute(source)
                if result.first_cell_done_s is None:
                    result.first_cell_done_s = time.monotonic() - round_start
            run.seconds = time.monotonic() - lesson_start
            if updates:
                step = f"moving a slider of {lesson_path.name}"
                run.slider, run.update_ms, run.update_cpu_ms = move_slider(kernel, updates)
            time.sleep(max(0.0, lesson_span_s - (time.monotonic() - opened)))
        step = "listing the kernels"
        running = kernels_running(hub, name, token)
        result.culled = sum(run.kernel_id not in running for run in result.lessons)
    except Exception as error:  # the bench reports every failure, whatever it is
        result.error = f"{step}: {type(error).__name__}: {error}"
    finally:
        for kernel in kernels:
            kernel.close()
    return result
