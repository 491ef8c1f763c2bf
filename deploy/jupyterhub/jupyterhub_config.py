"""JupyterHub for a class on one machine: every learner gets a Jupyter server and kernels of their own.

Start it from the repository with `make hub` (or `.venv/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py`).
Everything it needs is in this repository: JupyterHub comes from requirements.txt (in .venv), the proxy
from package.json (`npm ci` in this folder). Settings are read from environment variables, so the same
file serves a workshop and `make classroom-bench`:

  LLMLAB_HUB_IP / LLMLAB_HUB_PORT      where learners connect (default 127.0.0.1:8000; 0.0.0.0 for a room)
  LLMLAB_HUB_API_PORT / LLMLAB_PROXY_API_PORT   the hub's and the proxy's own ports (8081 / 8001)
  LLMLAB_HUB_STATE                     folder for the hub's database, secrets and the learners' homes
  LLMLAB_HUB_AUTH                      "shared-password" (default: one class password) or "dummy" (tests)
  LLMLAB_HUB_PASSWORD                  the class password (at least 8 characters)
  LLMLAB_HUB_MEM_LIMIT / LLMLAB_HUB_CPU_LIMIT   per-learner limits (defaults from the classroom bench)
  LLMLAB_HUB_SERVICE_TOKEN             if set, a service "classroom-bench" with this token may manage users

The local spawner runs every learner's server as the same system user, each in its own home folder:
fine on a machine set up for one workshop, not a way to keep learners' files apart (see
docs/teaching/setup.md). Memory and CPU limits are announced to the servers (MEM_LIMIT, CPU_LIMIT) but a
local process is not confined by them; the Kubernetes set-up (values.yaml) enforces the same figures.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LESSONS = REPO / "notebooks"
STATE = Path(os.environ.get("LLMLAB_HUB_STATE", REPO / "build" / "hub")).resolve()
HOMES = STATE / "homes"
PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
STATE.mkdir(parents=True, exist_ok=True)

# Sized by `make classroom-bench` (docs/teaching/capacity.md): one learner's kernel peaked at 0.31 GB on
# lesson 09 and their Jupyter server at 0.13 GB, so 1 GB leaves room for the lessons that train; an
# explorer update costs 23-36 ms of one core, so a core per learner keeps it fast at any moment.
MEM_LIMIT = os.environ.get("LLMLAB_HUB_MEM_LIMIT", "1G")
CPU_LIMIT = float(os.environ.get("LLMLAB_HUB_CPU_LIMIT", "1"))
# A new kernel must answer the server within this time, or the server drops the browser's websocket
# (Jupyter server's default, 60 s, is waited twice at connection: a dropped socket after ~2 minutes).
# With a whole class starting kernels at once on a busy machine, a kernel can take that long: wait longer.
KERNEL_INFO_TIMEOUT_S = 300

c = get_config()  # noqa: F821 (JupyterHub defines get_config when it reads this file)

c.JupyterHub.ip = os.environ.get("LLMLAB_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("LLMLAB_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("LLMLAB_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('LLMLAB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(PROXY)]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every learner's server
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# Who may log in.
auth = os.environ.get("LLMLAB_HUB_AUTH", "shared-password")
c.JupyterHub.authenticator_class = auth
if auth == "shared-password":
    password = os.environ.get("LLMLAB_HUB_PASSWORD", "")
    if len(password) < 8:  # without one nobody could log in; say so now rather than at the login page
        raise SystemExit("Choose a class password of at least 8 characters first:\n"
                         "    LLMLAB_HUB_PASSWORD='...' make hub")
    c.SharedPasswordAuthenticator.user_password = password
c.Authenticator.allow_all = True  # anyone with the class password; names are chosen at login

# Each learner: a home folder of their own with a copy of the lessons, a server from this .venv.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = ["--ServerApp.terminals_enabled=False", "--LabApp.news_url=None",
                  "--LabApp.extension_manager=readonly",
                  "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                  f"--MappingKernelManager.kernel_info_timeout={KERNEL_INFO_TIMEOUT_S}"]
if os.getuid() == 0:  # a workshop machine or a container often runs everything as root
    c.Spawner.args.append("--allow-root")
c.Spawner.default_url = "/lab/tree/llmlab/00_start_here.ipynb"
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
# One thread per learner: with a whole class on the machine, more threads only fight over the cores.
c.Spawner.environment = {"OMP_NUM_THREADS": str(max(1, int(CPU_LIMIT))),
                         "MKL_NUM_THREADS": str(max(1, int(CPU_LIMIT)))}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def copy_lessons(spawner) -> None:
    """Put the lessons in the learner's home (llmlab/, the Japanese edition in llmlab/ja/), keeping any
    lesson they already changed."""
    home = HOMES / spawner.user.name / "llmlab"
    for lesson in sorted(LESSONS.glob("*.ipynb")) + sorted(LESSONS.glob("ja/*.ipynb")):
        target = home / lesson.relative_to(LESSONS)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copy2(lesson, target)


c.Spawner.pre_spawn_hook = copy_lessons

# The classroom bench manages its simulated learners through the REST API with this service's token.
service_token = os.environ.get("LLMLAB_HUB_SERVICE_TOKEN")
if service_token:
    c.JupyterHub.services = [{"name": "classroom-bench", "api_token": service_token}]
    c.JupyterHub.load_roles = [{
        "name": "classroom-bench",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
        "services": ["classroom-bench"],
    }]
