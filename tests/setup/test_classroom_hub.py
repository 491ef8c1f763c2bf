"""The classroom hub works for a small class and keeps its learners apart, through JupyterHub.

Two learners log in, get their own server and kernel, run lesson 10 top to bottom and move the attention
explorer's slider: the same code as `make classroom-bench` (scripts/classroom/), with 2 learners and 3
slider moves. Then, from learner A's kernel, what a careful administrator's hub refuses: B's files, the
master lessons, the library, the hub's environment, secrets and files, B's server; nothing a learner runs
is root; the instructor lists and stops servers; a name typed with capitals is refused. Last, on a hub of its
own with a cull of a few seconds: an idle kernel is culled even with its tab connected, a busy one is not.

Needs configurable-http-proxy from deploy/jupyterhub (`make test` installs it with npm ci). The isolation
checks need root, as the hub does to create a system user per learner (CI and the session run as root):
the learners' system users (jupyter-llmlabtest-*) are removed afterwards. Binds 127.0.0.1 only.
"""

from __future__ import annotations

import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import requests

from llmlab.lesson_copies import RECORD_NAME
from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

from classroom.hub import CONFIG, PROXY, Hub, port_is_free, running_hub  # noqa: E402
from classroom.learner import SPAWN_TIMEOUT_S, kernels_running, open_kernel  # noqa: E402
from classroom.rounds import run_round  # noqa: E402

pytestmark = [pytest.mark.slow]

LESSON = REPO_ROOT / "notebooks" / "10_exploring_the_trained_model.ipynb"
UPDATES = 3
TAG = "llmlabtest"  # learners llmlabtest-1, -2: system users jupyter-llmlabtest-1, -2 (removed afterwards)
A, B = f"{TAG}-1", f"{TAG}-2"
ADMIN = "instructor"
SYSTEM_PREFIX = "jupyter-"
# Planted in the hub's environment: no learner may find them.
PLANTED = {"LLMLAB_HUB_PASSWORD": secrets.token_hex(8), "LLMLAB_HUB_ADMIN_PASSWORD": secrets.token_hex(16)}
XSRF = re.compile(r'name="_xsrf"\s+value="([^"]+)"')
AS_ROOT = os.getuid() == 0
needs_root = pytest.mark.skipif(not AS_ROOT, reason="one system user per learner needs a hub started as root")


def processes_in(folder: Path) -> list[psutil.Process]:
    """The processes running inside ``folder``."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if Path(process.cwd()).is_relative_to(folder):
                found.append(process)
        except psutil.Error:
            continue
    return found


def learner_users() -> list[str]:
    """The system users of this test's learners."""
    return [entry.pw_name for entry in pwd.getpwall() if entry.pw_name.startswith(SYSTEM_PREFIX + TAG)]


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    """The classroom hub with two planted secrets in its environment; its learners' users removed after."""
    if not PROXY.exists():
        pytest.fail(f"{PROXY} is missing: run `make hub-proxy` (`make test` does)", pytrace=False)
    for name in learner_users():  # left by an interrupted run (the hub removes those it made when it stops)
        subprocess.run(["userdel", "--remove", name], capture_output=True, check=False)
    # Not pytest's tmp_path: learners (other users) must be able to pass through the folders above homes/.
    state = Path(tempfile.mkdtemp(prefix="llmlabtest-hub-"))
    saved = {name: os.environ.get(name) for name in PLANTED}
    os.environ.update(PLANTED)
    try:
        with running_hub(state) as running:
            yield running
        assert all(port_is_free(port) for port in running.ports), "the hub left a port in use"
        left = [" ".join(process.cmdline()) for process in processes_in(state)]
        assert not left, f"processes left running: {left}"
        assert not learner_users(), "the learners' system users were not removed"
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(state, ignore_errors=True)


def log_in(hub: Hub, name: str) -> requests.Session | None:
    """A browser session logged in as ``name`` (any password: dummy authenticator), or None if refused."""
    session = requests.Session()
    page = session.get(f"{hub.url}/hub/login", timeout=30)
    found = XSRF.search(page.text)
    form = {"username": name, "password": "class-password", "_xsrf": found.group(1) if found else ""}
    reply = session.post(f"{hub.url}/hub/login", data=form, allow_redirects=False, timeout=30)
    return session if reply.status_code == 302 else None


def token_of(hub: Hub, name: str) -> str:
    """A new API token of user ``name`` (made by the bench service)."""
    reply = hub.api("POST", f"/users/{name}/tokens", json={"note": "safety test"})
    assert reply.status_code == 201, reply.text
    return reply.json()["token"]


def running_server(hub: Hub, name: str) -> str:
    """Log ``name`` in, start their server if it is not running; return their API token."""
    assert log_in(hub, name) is not None, f"{name} could not log in"
    token = token_of(hub, name)
    headers = {"Authorization": f"token {token}"}
    requests.post(f"{hub.url}/hub/api/users/{name}/server", headers=headers, timeout=30)
    deadline = time.monotonic() + SPAWN_TIMEOUT_S
    while time.monotonic() < deadline:
        user = requests.get(f"{hub.url}/hub/api/users/{name}", headers=headers, timeout=30).json()
        if user.get("servers", {}).get("", {}).get("ready"):
            return token
        time.sleep(0.5)
    raise TimeoutError(f"{name}'s server was not ready within {SPAWN_TIMEOUT_S} s")


def test_two_learners_run_lesson_10_on_the_hub(hub: Hub) -> None:
    result = run_round(hub, 2, [LESSON], UPDATES, tag=TAG)

    errors = [f"{learner.name}: {learner.error}" for learner in result.learners if learner.error]
    assert not errors, "learners failed:\n" + "\n".join(errors)
    for learner in result.learners:
        (run,) = learner.lessons
        assert run.seconds is not None and len(run.update_ms) == UPDATES and run.slider, run
        peak = result.learner_peak[learner.name]
        assert peak.kernels == 1 and 0 < peak.pss <= peak.rss, peak
        assert (hub.homes / learner.name / "llmlab" / LESSON.name).exists(), "lessons not copied at spawn"
        assert (hub.homes / learner.name / "llmlab" / "ja" / LESSON.name).exists(), "Japanese lessons not copied"
        assert (hub.homes / learner.name / "llmlab" / RECORD_NAME).exists(), "copies not recorded: fixes cannot follow"
    assert sorted(result.learner_peak) == [A, B] and len(result.kernel_peak) == 2, \
        "each learner needs a kernel of their own"


# Run in learner A's kernel: each file check is "denied" when the action failed with an OSError, else what
# it got; each HTTP check is the status code of the answer. {names} are filled in by the test.
PROBE = '''
import os, urllib.error, urllib.request
from pathlib import Path

def attempt(action):
    try:
        return "allowed: " + repr(action())[:80]
    except OSError:
        return "denied"

def append(path):
    with open(path, "a") as file:
        file.write("")
    return path

def http(url, token):
    request = urllib.request.Request(url, headers={{"Authorization": "token " + token}} if token else {{}})
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code

other_home = Path({other_home!r})
own_token = os.environ["JUPYTERHUB_API_TOKEN"]
probe = {{
    "read B's lesson": attempt(lambda: (other_home / "llmlab" / "00_start_here.ipynb").read_bytes()),
    "list B's home": attempt(lambda: os.listdir(other_home)),
    "write into B's home": attempt(lambda: append(other_home / "from-a.txt")),
    "write a master lesson": attempt(lambda: append({master_lesson!r})),
    "add a master lesson": attempt(lambda: append({master_folder!r} + "/from-a.ipynb")),
    "write the library": attempt(lambda: append({library_file!r})),
    "add to the library": attempt(lambda: append({library_folder!r} + "/from_a.py")),
    "add to the venv": attempt(lambda: append({site_packages!r} + "/from_a.pth")),
    "read the hub's environment": attempt(lambda: Path("/proc/{hub_pid}/environ").read_bytes()),
    "read the proxy's environment": attempt(lambda: Path("/proc/{proxy_pid}/environ").read_bytes()),
    "list the hub's state folder": attempt(lambda: os.listdir({state!r})),
    "read the hub's database": attempt(lambda: Path({state!r}, "jupyterhub.sqlite").read_bytes()),
    "read the cookie secret": attempt(lambda: Path({state!r}, "jupyterhub_cookie_secret").read_bytes()),
}}
answers = {{
    "own server, own token": http({own_server!r}, own_token),
    "B's server, A's token": http({other_server!r}, own_token),
    "the hub's user list, A's token": http({users_api!r}, own_token),
    "the proxy's API, no token": http({proxy_api!r}, ""),
}}
own_lesson = attempt(lambda: (Path.home() / "llmlab" / "00_start_here.ipynb").read_bytes())
environments = Path("/proc/self/environ").read_bytes() + Path("/proc/" + str(os.getppid()) + "/environ").read_bytes()
uids = os.getresuid() + os.getresgid()
'''


def process_of(*words: str) -> psutil.Process:
    """The one process whose command line holds all ``words`` in a row (another test's hub has other ports)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info["cmdline"] or []
        if any(cmdline[i:i + len(words)] == list(words) for i in range(len(cmdline))):
            found.append(process)
    assert len(found) == 1, f"{words}: {len(found)} processes"
    return found[0]


@needs_root
def test_a_learner_cannot_reach_other_learners_or_the_hub(hub: Hub) -> None:
    token_a = running_server(hub, A)
    running_server(hub, B)
    state = hub.homes.parent
    hub_process = next(process for process in processes_in(state) if str(CONFIG) in process.cmdline())
    proxy_process = process_of("--api-port", str(hub.ports[2]))
    hub_secrets = [hub.service_token, hub_process.environ()["CONFIGPROXY_AUTH_TOKEN"], *PLANTED.values()]
    kernel, _ = open_kernel(hub, A, token_a, LESSON.name)
    try:
        kernel.execute(PROBE.format(
            other_home=str(hub.homes / B), master_lesson=str(REPO_ROOT / "notebooks" / "01_parameters.ipynb"),
            master_folder=str(REPO_ROOT / "notebooks"), library_folder=str(REPO_ROOT / "lib" / "llmlab"),
            library_file=str(REPO_ROOT / "lib" / "llmlab" / "__init__.py"), state=str(state),
            site_packages=str(next(Path(sys.prefix).glob("lib/python3*/site-packages"))),
            hub_pid=hub_process.pid, proxy_pid=proxy_process.pid,
            proxy_api=f"http://127.0.0.1:{hub.ports[2]}/api/routes", users_api=f"{hub.url}/hub/api/users",
            own_server=f"{hub.url}/user/{A}/api/status", other_server=f"{hub.url}/user/{B}/api/status",
        ))
        probe, answers = kernel.evaluate("probe"), kernel.evaluate("answers")
        own_lesson = kernel.evaluate("own_lesson")
        environments = kernel.evaluate("environments")
        uids = kernel.evaluate("uids")
    finally:
        kernel.close()

    assert own_lesson.startswith("allowed") and answers["own server, own token"] == 200, "the probe cannot tell"
    allowed = {check: outcome for check, outcome in probe.items() if outcome != "denied"}
    assert not allowed, f"learner {A} could: {allowed}"
    refused = {"B's server, A's token": 403, "the hub's user list, A's token": 403, "the proxy's API, no token": 403}
    assert {check: answers[check] for check in refused} == refused
    assert not [secret for secret in hub_secrets if secret.encode() in environments], \
        "a secret of the hub reached the learner's server or kernel environment"
    learner = pwd.getpwnam(SYSTEM_PREFIX + A)
    assert set(uids) == {learner.pw_uid, learner.pw_gid} and 0 not in uids, f"A's kernel runs as {uids}"
    learners = processes_in(hub.homes)
    assert learners and all(0 not in process.uids() for process in learners), \
        "every server and kernel in a learner's home runs as that learner, never root"
    for name in (A, B):
        home = Path(pwd.getpwnam(SYSTEM_PREFIX + name).pw_dir)
        assert home == hub.homes / name and stat.S_IMODE(home.stat().st_mode) == 0o700
    for name in ("jupyterhub.sqlite", "jupyterhub_cookie_secret", "jupyterhub.pid", "jupyterhub-proxy.pid"):
        assert stat.S_IMODE((state / name).stat().st_mode) == 0o600, f"{name} must be the hub's alone"
    assert not (REPO_ROOT / "jupyterhub-proxy.pid").exists(), "the proxy's pid file belongs in the state folder"


def test_the_instructor_lists_and_stops_servers(hub: Hub) -> None:
    running_server(hub, B)
    admin = log_in(hub, ADMIN)
    assert admin is not None and admin.get(f"{hub.url}/hub/admin", timeout=30).status_code == 200
    learner = log_in(hub, A)
    assert learner is not None and learner.get(f"{hub.url}/hub/admin", timeout=30).status_code == 403
    headers = {"Authorization": f"token {token_of(hub, ADMIN)}"}
    users = requests.get(f"{hub.url}/hub/api/users", headers=headers, timeout=30)
    assert users.status_code == 200 and B in {user["name"] for user in users.json() if user["servers"]}
    stopped = requests.delete(f"{hub.url}/hub/api/users/{B}/server", headers=headers, timeout=60)
    assert stopped.status_code in (202, 204), stopped.text
    deadline = time.monotonic() + 60
    while requests.get(f"{hub.url}/hub/api/users/{B}", headers=headers, timeout=30).json()["servers"]:
        assert time.monotonic() < deadline, f"{B}'s server did not stop"
        time.sleep(0.5)


def test_names_differing_in_case_or_unfit_for_a_system_user_are_refused(hub: Hub) -> None:
    for name in (A.capitalize(), A.upper(), "llmlab.test", "x" * 21):
        assert log_in(hub, name) is None, f"{name!r} was let in"
    assert log_in(hub, A) is not None


def test_learners_are_not_asked_about_jupyter_news(hub: Hub) -> None:
    token = running_server(hub, A)
    reply = requests.get(f"{hub.url}/user/{A}/lab/api/settings/@jupyterlab/apputils-extension:notification",
                         headers={"Authorization": f"token {token}"}, timeout=30)
    assert reply.status_code == 200, reply.text[:300]
    defaults = {name: value["default"] for name, value in reply.json()["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False, defaults


CULL_IDLE_S = 4  # the test hub's cull: a kernel idle 4 s is ended, checked every second
CULLED_WITHIN_S = 60


@pytest.fixture
def culling_hub() -> Iterator[Hub]:
    """A classroom hub whose servers cull kernels idle CULL_IDLE_S seconds (the workshop's: 20 minutes)."""
    state = Path(tempfile.mkdtemp(prefix="llmlabtest-cull-"))
    try:
        settings = {"LLMLAB_HUB_CULL_IDLE_S": str(CULL_IDLE_S), "LLMLAB_HUB_CULL_INTERVAL_S": "1"}
        with running_hub(state, settings) as running:
            yield running
        assert not processes_in(state), "processes left running"
    finally:
        shutil.rmtree(state, ignore_errors=True)


def test_an_idle_kernel_is_culled_even_connected_but_never_a_busy_one(culling_hub: Hub) -> None:
    """An earlier lesson's kernel, idle with its tab still connected (JupyterLab keeps it so), is ended;
    a kernel running a long cell (a training run) is not, however long it runs."""
    name = f"{TAG}-cull"
    token = running_server(culling_hub, name)
    idle, _ = open_kernel(culling_hub, name, token, "00_start_here.ipynb")
    busy, _ = open_kernel(culling_hub, name, token, "01_parameters.ipynb")
    busy.execute("0")  # its start may have taken longer than the cull: active now
    long_cell = threading.Thread(target=busy.execute, args=(f"import time; time.sleep({3 * CULL_IDLE_S})",))
    try:
        long_cell.start()
        started = time.monotonic()
        while idle.kernel_id in (running := kernels_running(culling_hub, name, token)):
            assert time.monotonic() - started < CULLED_WITHIN_S, "the idle kernel was not culled"
            time.sleep(0.5)
        assert busy.kernel_id in running, "a busy kernel was culled"
        assert time.monotonic() - started < 3 * CULL_IDLE_S, "culled only after the long cell ended"
        long_cell.join()
    finally:
        idle.close()
        busy.close()
