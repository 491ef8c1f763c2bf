"""Drive a notebook in a real JupyterLab and a real chromium, the way a learner would.

``jupyterlab()`` starts a private JupyterLab server on a copy of one notebook; ``chromium()``
opens Debian's chromium through Playwright; ``NotebookPage`` opens the notebook, runs it and
works its widgets. Widgets are found by position: the first slider, the first image, and so on.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import NoReturn

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Locator, Page, expect, sync_playwright

from llmlab.paths import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT_DIR = REPO_ROOT / "build" / "browser"

# JupyterLab user settings: start the notebook's kernel without asking, keep every cell in the
# page (so widgets far down are found too), and never ask the network for news or extensions.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "autoStartDefaultKernel": True,
        "windowingMode": "none",
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}

# Where the parts of a notebook and its widgets are in JupyterLab 4's page.
SLIDER_HANDLE = ".jp-OutputArea-output .widget-slider .noUi-handle"
SLIDER_READOUT = ".jp-OutputArea-output .widget-slider .widget-readout"  # the number beside a slider
WIDGET_IMAGE = ".jp-OutputArea-output img.widget-image"
OUTPUT = ".jp-OutputArea-output"
WIDGET_ERROR = "span[style*='#b00020']"  # the red text of a widget's message area
KERNEL_IDLE = ".jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status='idle']"
CODE_PROMPT = ".jp-CodeCell .jp-InputPrompt"  # "[ ]:" before a run, "[*]:" queued or running, "[1]:" done
RAN_PROMPT = re.compile(r"\[(\*|\d+)\]")


def under_load(seconds: float) -> float:
    """``seconds``, stretched by how busy this machine is right now: times the load average per core,
    between 1 and 10 (with two cores and a load of 12, a 60 s limit becomes 360 s)."""
    per_core = os.getloadavg()[0] / (os.cpu_count() or 1)
    return seconds * min(max(per_core, 1.0), 10.0)


# Limits on an idle machine; every wait stretches them with under_load() when it starts.
RUN_STARTS_WITHIN_S = 15
KEY_SHOWS_WITHIN_S = 30  # a key press that arrives moves the slider's readout at once, kernel or not
# Text that only shows up in an output when something went wrong.
ERROR_MARKERS = ("Traceback", "Error displaying widget", "Error rendering")

# An idle machine starts JupyterLab in 3-10 s; one with both cores busy (load 8-15) took over 60 s.
SERVER_START_TIMEOUT_S = 120
STATUS_REQUEST_TIMEOUT_S = 10  # one poll of /api/status; a busy server can be slow to answer


@dataclass(frozen=True)
class JupyterLab:
    """A running JupyterLab server."""

    url: str
    token: str
    root_dir: Path

    def notebook_url(self, name: str, ui: str = "lab") -> str:
        """The address that opens notebook ``name`` in JupyterLab (``ui="lab"``) or Notebook 7
        (``ui="notebook"``), logging in with the token."""
        path = {"lab": "lab/tree", "notebook": "notebooks"}[ui]
        return f"{self.url}/{path}/{name}?token={self.token}"

    def kernel_states(self) -> list[str]:
        """The execution state of every running kernel ("starting", "idle", "busy", ...).

        While a kernel starts, the server can briefly answer this request with an error
        (seen: HTTP 500), or, on a busy machine, not within the 5 s allowed (seen: a timed-out
        read); either counts as "no kernel ready yet", and callers poll again.
        """
        try:
            with urllib.request.urlopen(f"{self.url}/api/kernels?token={self.token}", timeout=5) as reply:
                return [kernel["execution_state"] for kernel in json.load(reply)]
        except (OSError, ValueError):  # OSError: URLError, HTTPError, ConnectionError, TimeoutError
            return []


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_lab_settings(settings_dir: Path) -> None:
    """Write ``LAB_SETTINGS`` as JupyterLab user settings."""
    for relative, values in LAB_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def wait_until_answering(lab: JupyterLab, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll the server's own readiness, its status API (``/api/status`` answers once the server
    has started and listens), until it answers; fail with its log if it dies or does not answer
    within ``SERVER_START_TIMEOUT_S``, stretched by the machine's load."""
    limit_s = under_load(SERVER_START_TIMEOUT_S)
    started = time.monotonic()
    while time.monotonic() < started + limit_s:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{lab.url}/api/status?token={lab.token}", timeout=STATUS_REQUEST_TIMEOUT_S):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise TimeoutError(
        f"JupyterLab's {lab.url}/api/status did not answer within {limit_s:.0f} s "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):\n{log.read_text()}")


@contextmanager
def jupyterlab(notebook: Path, workdir: Path) -> Iterator[JupyterLab]:
    """A JupyterLab server of this interpreter's environment, serving a fresh copy of ``notebook``.

    Everything it writes (settings, workspaces, runtime files, its log) stays inside ``workdir``.
    """
    root = workdir / "root"
    root.mkdir(parents=True)
    shutil.copy2(notebook, root / notebook.name)
    settings = workdir / "settings"
    write_lab_settings(settings)
    port, token = free_port(), secrets.token_hex(16)
    lab = JupyterLab(url=f"http://127.0.0.1:{port}", token=token, root_dir=root)
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
        f"--JupyterNotebookApp.user_settings_dir={settings}",  # Notebook 7, served by the same server
        f"--JupyterNotebookApp.workspaces_dir={workdir / 'workspaces'}",
    ]
    if os.getuid() == 0:
        command.append("--allow-root")
    env = os.environ | {  # keep the user's own Jupyter config, kernels and runtime files out
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        "JUPYTER_DATA_DIR": str(workdir / "data"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
    }
    log = workdir / "jupyterlab.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            wait_until_answering(lab, server, log)
            yield lab
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def missing(reason: str) -> NoReturn:
    """Skip the test for want of ``reason``, or fail it when the browser tests are required (LLMLAB_REQUIRE_BROWSER=1,
    as in CI)."""
    if os.environ.get("LLMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; LLMLAB_REQUIRE_BROWSER=1 requires the browser tests", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> None:
    """Skip without chromium, unless the browser tests are required (then fail)."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")


@contextmanager
def chromium(profile_dir: Path) -> Iterator[Page]:
    """A page in Debian's headless chromium, with a fresh profile in ``profile_dir``.

    When the code using the page fails, the whole page is saved as ``build/browser/failure.png``.
    """
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile_dir),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        page = context.pages[0] if context.pages else context.new_page()
        try:
            yield page
        except BaseException:
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOT_DIR / "failure.png")
            raise
        finally:
            context.close()


class NotebookPage:
    """A notebook open in JupyterLab, seen through a Playwright page.

    ``timeout_s`` is the limit of every wait on an idle machine, stretched by the load when the page is made.
    """

    def __init__(self, page: Page, timeout_s: float = 60) -> None:
        self.page = page
        self.timeout_ms = under_load(timeout_s) * 1000
        page.set_default_timeout(self.timeout_ms)

    def open(self, lab: JupyterLab, name: str, ui: str = "lab") -> None:
        """Open notebook ``name`` (in JupyterLab or Notebook 7) and wait until it is ready to run.

        Ready means all of: the server reports an idle kernel, the page's kernel indicator says
        idle, and every cell of the notebook is in the page.
        """
        self.page.goto(lab.notebook_url(name, ui))
        deadline = time.monotonic() + self.timeout_ms / 1000
        while "idle" not in lab.kernel_states():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the server reported no idle kernel for {name} within "
                                   f"{self.timeout_ms / 1000:.0f} s; kernels: {lab.kernel_states()}")
            time.sleep(0.3)
        self.page.locator(KERNEL_IDLE).wait_for()
        n_code_cells = sum(cell["cell_type"] == "code"
                           for cell in json.loads((lab.root_dir / name).read_text(encoding="utf-8"))["cells"])
        expect(self.page.locator(CODE_PROMPT)).to_have_count(n_code_cells, timeout=self.timeout_ms)

    def run_all_cells(self) -> None:
        """Run → Run All Cells, from the menu bar; click again once if no cell started.

        A click that comes while the page is still settling can be lost (seen once): a cell that
        runs shows ``[*]`` or its execution count in its prompt, so that is what is checked.
        """
        for attempt in range(2):
            self.page.get_by_role("menuitem", name="Run", exact=True).click()
            self.page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            if self._some_cell_ran(within_s := under_load(RUN_STARTS_WITHIN_S)):
                return
        raise TimeoutError(f"Run All Cells was clicked twice and no cell started within {within_s:.0f} s")

    def _some_cell_ran(self, within_s: float) -> bool:
        """Whether a code cell's prompt shows ``[*]`` or an execution count within ``within_s`` seconds."""
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            if any(RAN_PROMPT.search(text) for text in self.page.locator(CODE_PROMPT).all_inner_texts()):
                return True
            time.sleep(0.2)
        return False

    def image(self, index: int = 0) -> Locator:
        """The ``index``-th image widget of the notebook's outputs."""
        return self.page.locator(WIDGET_IMAGE).nth(index)

    def slider_handle(self, index: int = 0) -> Locator:
        """The handle of the ``index``-th slider widget of the notebook's outputs."""
        return self.page.locator(SLIDER_HANDLE).nth(index)

    def wait_for_image(self, index: int = 0) -> Locator:
        """Wait until the ``index``-th image widget is shown, then return it."""
        image = self.image(index)
        image.wait_for(state="visible", timeout=self.timeout_ms)
        expect(image).to_have_attribute("src", re.compile(".+"), timeout=self.timeout_ms)
        return image

    def move_slider(self, index: int = 0, steps: int = 1) -> None:
        """Move the ``index``-th slider ``steps`` steps (right when positive), with the arrow keys.

        The keyboard is used because noUiSlider ignores clicks on its track that come quickly.
        """
        handle = self.slider_handle(index)
        handle.focus()
        key = "ArrowRight" if steps > 0 else "ArrowLeft"
        for _ in range(abs(steps)):
            handle.press(key)

    def step_slider_until(self, index: int, key: str, readout: Locator, text: str) -> None:
        """Press ``key`` once on the ``index``-th slider's handle, so that ``readout`` shows ``text``;
        press once more if it still does not after ``KEY_SHOWS_WITHIN_S``.

        On a busy machine a key press can be lost (seen once: the readout never moved in 5 minutes).
        The readout changes in the page itself, without waiting for the kernel, so it tells whether
        the press arrived.
        """
        handle = self.slider_handle(index)
        for attempt in range(2):
            handle.focus()
            handle.press(key)
            try:
                expect(readout).to_have_text(text, timeout=under_load(KEY_SHOWS_WITHIN_S) * 1000)
                return
            except AssertionError:
                if attempt == 1:
                    raise

    def type_into_readout(self, index: int, value: str) -> None:
        """Click the ``index``-th slider's number box, replace the number with ``value``, press Enter.

        This is the keyboard way that works in Notebook 7 too: there a focused slider handle never
        sees the arrow keys, because Notebook 7 reads keys before the page's elements do and its
        command-mode shortcuts (move to the next cell or heading) take them; a number box is
        editable text, where those shortcuts stand aside.
        """
        readout = self.page.locator(SLIDER_READOUT).nth(index)
        readout.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(value)
        self.page.keyboard.press("Enter")

    def redraw_times_ms(self, slider: int, image: int, moves: int) -> list[float]:
        """Milliseconds from an arrow key on the ``slider``-th handle to the ``image``-th image loaded.

        The key goes right, then left, and so on (left first at the slider's end: every move changes
        the picture). Both moments are
        taken inside the page: the key in the capture phase, the image by its ``load`` event (the
        new picture decoded and ready to paint).
        """
        handle, picture = self.slider_handle(slider), self.image(image)
        picture.evaluate("""img => { window.__llmlabLoads = [];
            if (!img.__llmlabTimed) {  // one listener per image, however often it is timed
                img.__llmlabTimed = true;
                img.addEventListener('load', () => window.__llmlabLoads.push(performance.now()));
            } }""")
        self.page.evaluate("""() => { window.__llmlabKeys = [];
            if (!window.__llmlabTimed) {
                window.__llmlabTimed = true;
                document.addEventListener('keydown', () => window.__llmlabKeys.push(performance.now()), true);
            } }""")
        at_the_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        keys = ("ArrowLeft", "ArrowRight") if at_the_end else ("ArrowRight", "ArrowLeft")
        handle.focus()
        for move in range(moves):
            handle.press(keys[move % 2])
            self.page.wait_for_function("n => window.__llmlabLoads.length >= n", arg=move + 1,
                                        timeout=self.timeout_ms)
        keys, loads = self.page.evaluate("[window.__llmlabKeys, window.__llmlabLoads]")
        return [load - key for key, load in zip(keys, loads)]

    def wait_for_image_change(self, old_src: str, index: int = 0) -> None:
        """Wait until the ``index``-th image widget shows a picture other than ``old_src``."""
        expect(self.image(index)).not_to_have_attribute("src", old_src, timeout=self.timeout_ms)

    def error_outputs(self) -> list[str]:
        """The text of every output that shows a traceback or a widget that failed to render."""
        texts = self.page.locator(OUTPUT).all_inner_texts()
        return [text for text in texts if any(marker in text for marker in ERROR_MARKERS)]


def screenshot(locator: Locator, name: str) -> bytes:
    """A PNG of one element, also saved as ``build/browser/<name>.png``."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return locator.screenshot(path=SCREENSHOT_DIR / f"{name}.png")


def pixels_differ(png_a: bytes, png_b: bytes) -> bool:
    """Whether two PNG pictures differ in size or in any pixel."""
    a, b = (Image.open(BytesIO(png)).convert("RGB") for png in (png_a, png_b))
    return a.size != b.size or ImageChops.difference(a, b).getbbox() is not None
