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
  LLMLAB_HUB_ADMIN_PASSWORD            the instructor's password (at least 32 characters, another one)
  LLMLAB_HUB_MEM_LIMIT / LLMLAB_HUB_CPU_LIMIT   per-learner limits (defaults from the classroom bench)
  LLMLAB_HUB_CULL_IDLE_S / LLMLAB_HUB_CULL_INTERVAL_S   end a kernel idle this long, checked this often
                                       (default 1200 / 60 from jupyter_server_config.json; short for tests)
  LLMLAB_HUB_SERVICE_TOKEN             if set, a service "classroom-bench" with this token may manage users

Started as root (a workshop machine; The Littlest JupyterHub's model), the hub runs each learner's server as
a system user of their own, `jupyter-<name>`, created at their first login with a private (0700) home in
<state>/homes/<name>; nothing a learner runs is root. The lessons and llmlab stay where they are installed,
which only root may change (the hub refuses to start otherwise), and each learner works on a copy in their
home. The database, cookie secret and pid files are the hub's alone (0600, in a 0711 state folder); the
secrets in the hub's environment are not passed to learners (JupyterHub passes only Spawner.env_keep).
The admin user "instructor" lists and stops servers at /hub/admin. Started as another user, the hub can only
run every learner as that same user: it then serves 127.0.0.1 alone (a trial, the bench), never a room.
Memory and CPU limits are announced to the servers (MEM_LIMIT, CPU_LIMIT) but a local process is not
confined by them; the Kubernetes set-up (values.yaml) enforces the same figures.

Every learner's server gets the settings of jupyter_server_config.json (the Kubernetes image installs the same
file): no terminals, no news pop-up, a patient kernel start, and kernels culled after 20 idle minutes. JupyterLab
keeps one kernel per opened lesson, each holding torch and a model (0.3-0.7 GB), and keeps every open tab's
kernel connected, so the cull counts connected kernels too (cull_connected) but never a busy one (a training
cell). Lessons take 20-50 minutes, so a learner holds the current lesson's kernel and at most the previous
one: the lesson before is culled 20 minutes after its last cell or widget move. Coming back to a culled lesson,
the learner reruns the cells above where they were: Run > Run All Above Selected Cell (docs/teaching/
troubleshooting.md).
"""

from __future__ import annotations

import json
import os
import pwd
import stat
import subprocess
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid

from llmlab.lesson_copies import hand_out

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LESSONS = REPO / "notebooks"
STATE = Path(os.environ.get("LLMLAB_HUB_STATE", REPO / "build" / "hub")).resolve()
HOMES = STATE / "homes"
PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
LAB_SETTINGS = HERE.parent / "lab"  # overrides.json: no "get notified about Jupyter news" pop-up
AS_ROOT = os.getuid() == 0  # then every learner is a system user of their own
LEARNER_PREFIX = "jupyter-"  # learner alice runs as system user jupyter-alice
ADMIN = "instructor"
# Names learners may choose: lowercase letters, digits and '-', so that "Alice" cannot become "alice"'s
# account unnoticed, and jupyter-<name> stays within useradd's 32 characters.
NAME_PATTERN = r"[a-z][a-z0-9-]{0,19}"
SECRETS = ("jupyterhub.sqlite", "jupyterhub_cookie_secret")

os.umask(0o077)  # everything the hub writes (database, cookie secret, pid files) is readable by it alone
STATE.mkdir(parents=True, exist_ok=True)
HOMES.mkdir(exist_ok=True)
# Learners pass through the state folder to their homes (0711: they cannot list it); the hub's own files
# in it are 0600 (those of an older state folder too).
for folder in (STATE, HOMES):
    folder.chmod(0o711 if AS_ROOT else 0o700)
for secret in SECRETS:
    if (STATE / secret).exists():
        (STATE / secret).chmod(0o600)


def unsafe_for_learners(path: Path) -> list[str]:
    """Why learners could change ``path`` (or a folder above it), or could not reach it: empty when neither."""
    problems = []
    for folder in [path, *path.parents]:
        mode = folder.stat()
        if mode.st_uid != 0 or (mode.st_mode & 0o022 and not mode.st_mode & stat.S_ISVTX):
            problems.append(f"{folder} can be changed by others than root (owner uid {mode.st_uid}, "
                            f"mode {stat.filemode(mode.st_mode)})")
        if folder != path and not mode.st_mode & stat.S_IXOTH:
            problems.append(f"{folder} cannot be entered by other users")
    return problems


if AS_ROOT:
    # The lessons and llmlab, the venv, the Python it was made from, and the learners' homes.
    paths = (REPO, Path(sys.prefix), Path(sys.base_prefix), HOMES)
    problems = [problem for path in paths for problem in unsafe_for_learners(path.resolve())]
    if problems:
        raise SystemExit("Learners must be able to run llmlab but not change it, and reach their homes:\n    "
                         + "\n    ".join(dict.fromkeys(problems)) + "\nInstall the repository (and .venv, from a "
                         "Python outside root's home) where only root can write, e.g. /opt/llmlab, and keep "
                         "LLMLAB_HUB_STATE in such a place.")

# Sized by `make classroom-bench` over whole plans (docs/teaching/capacity.md): with idle kernels culled, one
# learner's server and kernels peaked at 1.32 GB RSS (lessons 08 and 09 open together; 0.83 GB over 00-04), so
# 2 GB leaves room for one more kernel; a slider move costs 10-36 ms of one core, so a core per learner keeps
# it fast at any moment.
MEM_LIMIT = os.environ.get("LLMLAB_HUB_MEM_LIMIT", "2G")
CPU_LIMIT = float(os.environ.get("LLMLAB_HUB_CPU_LIMIT", "1"))
# The learners' server settings, shared with the Kubernetes image (its Dockerfile installs the same file).
# kernel_info_timeout 300: a new kernel must answer the server within this time, or the server drops the
# browser's websocket (Jupyter server's default, 60 s, is waited twice at connection: a dropped socket after
# ~2 minutes); with a whole class starting kernels at once on a busy machine, a kernel can take that long.
# cull_idle_timeout / cull_interval: see the docstring; the environment may shorten them (tests, the bench).
SERVER_SETTINGS = json.loads((HERE / "jupyter_server_config.json").read_text(encoding="utf-8"))
CULL = SERVER_SETTINGS["MappingKernelManager"]
CULL["cull_idle_timeout"] = int(os.environ.get("LLMLAB_HUB_CULL_IDLE_S", CULL["cull_idle_timeout"]))
CULL["cull_interval"] = int(os.environ.get("LLMLAB_HUB_CULL_INTERVAL_S", CULL["cull_interval"]))


def command_line(settings: dict[str, dict[str, object]]) -> list[str]:
    """``settings`` ({"Class": {"trait": value}}, as in a Jupyter JSON config file) as server arguments."""
    return [f"--{section}.{name}={'None' if value is None else value}"
            for section, traits in settings.items() for name, value in traits.items()]

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
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
if not AS_ROOT and c.JupyterHub.ip != "127.0.0.1":
    raise SystemExit("Started as a user other than root, the hub runs every learner as that same user, who can\n"
                     "then read each other's work: it serves 127.0.0.1 only. For a room, start it as root.")

# Who may log in.
auth = os.environ.get("LLMLAB_HUB_AUTH", "shared-password")
c.JupyterHub.authenticator_class = auth
if auth == "shared-password":
    # Read, then dropped from the environment the proxy inherits.
    password = os.environ.pop("LLMLAB_HUB_PASSWORD", "")
    admin_password = os.environ.pop("LLMLAB_HUB_ADMIN_PASSWORD", "")
    if len(password) < 8 or len(admin_password) < 32 or password == admin_password:
        # without them nobody could log in; say so now rather than at the login page
        raise SystemExit("Choose a class password (8 characters or more) and a different instructor password\n"
                         "(32 or more, e.g. `openssl rand -hex 16`) first:\n"
                         "    LLMLAB_HUB_PASSWORD='...' LLMLAB_HUB_ADMIN_PASSWORD='...' make hub")
    c.SharedPasswordAuthenticator.user_password = password
    c.SharedPasswordAuthenticator.admin_password = admin_password
elif c.JupyterHub.ip != "127.0.0.1":  # "dummy" lets anyone in under any name
    raise SystemExit(f"LLMLAB_HUB_AUTH={auth} is for tests on 127.0.0.1 only.")
c.Authenticator.allow_all = True  # anyone with the class password; names are chosen at login
c.Authenticator.admin_users = {ADMIN}  # /hub/admin: who is logged in; stop a stuck server
c.Authenticator.username_pattern = f"^{NAME_PATTERN}$"
c.JupyterHub.template_vars = {"announcement_login": (
    "Your name: lowercase letters a-z, digits and '-', starting with a letter (at most 20)."
    " 名前は英小文字・数字・「-」で、英字から始めてください(20文字まで)。")}


def refuse_capitals(authenticator, handler, authentication: dict) -> dict | None:
    """Refuse a name typed with capitals: JupyterHub would silently make "Alice" the account of "alice"."""
    name = authentication["name"]
    typed = handler.get_argument("username", name, strip=True) if handler is not None else name
    return authentication if typed == name else None


c.Authenticator.post_auth_hook = refuse_capitals


class LearnerSpawner(LocalProcessSpawner):
    """Runs learner <name>'s server as the system user jupyter-<name> (see ``add_system_user``)."""

    @property
    def system_user(self) -> str:
        return LEARNER_PREFIX + self.user.name

    def make_preexec_fn(self, name: str):
        return set_user_setuid(self.system_user)

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        entry = pwd.getpwnam(self.system_user)
        env.update(USER=self.system_user, HOME=entry.pw_dir, SHELL=entry.pw_shell)
        return env


def add_system_user(name: str, home: Path) -> None:
    """Create system user ``name`` (its own group, no login shell, no password) with the private home
    ``home``, unless it exists. A home left by an earlier user of that name becomes theirs."""
    try:
        pwd.getpwnam(name)
        return
    except KeyError:
        pass
    subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--user-group",
                    "--shell", "/usr/sbin/nologin", "--comment", "llmlab learner", name],
                   check=True, capture_output=True)
    entry = pwd.getpwnam(name)
    for folder, folders, files in os.walk(home):
        for path in [folder, *(os.path.join(folder, inner) for inner in folders + files)]:
            os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    home.chmod(0o700)


def hand_out_as(user: str, home: Path) -> None:
    """The lessons handed out into ``home``/llmlab by a fresh Python running as ``user`` (fork and exec, never a
    bare fork of the threaded hub): what it writes in a home, a link the learner made there cannot redirect to a
    root-owned file. Its environment holds nothing of the hub's."""
    entry = pwd.getpwnam(user)
    script = ("import sys; from pathlib import Path; from llmlab.lesson_copies import hand_out; "
              "hand_out(Path(sys.argv[1]), Path(sys.argv[2]), newer_beside=True)")
    # -I (isolated): the home (the working folder) is not on sys.path, so its llmlab/ of lessons is never imported
    done = subprocess.run([sys.executable, "-I", "-c", script, str(LESSONS), str(home / "llmlab")],
                          user=entry.pw_uid, group=entry.pw_gid, extra_groups=[], umask=0o077, cwd=home,
                          env={"HOME": str(home), "PATH": os.defpath}, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"handing out the lessons to {user} failed: {done.stderr[-2000:]}")


# Each learner: a home folder of their own with a copy of the lessons, a server from this .venv.
c.JupyterHub.spawner_class = LearnerSpawner if AS_ROOT else "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = [*command_line(SERVER_SETTINGS), f"--LabApp.app_settings_dir={LAB_SETTINGS}"]
c.Spawner.default_url = "/lab/tree/llmlab/00_start_here.ipynb"
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
# One thread per learner: with a whole class on the machine, more threads only fight over the cores.
c.Spawner.environment = {"OMP_NUM_THREADS": str(max(1, int(CPU_LIMIT))),
                         "MKL_NUM_THREADS": str(max(1, int(CPU_LIMIT)))}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def prepare_home(spawner) -> None:
    """The lessons in the learner's home (llmlab/, the Japanese edition in llmlab/ja/) at each start of their
    server: a missing lesson is copied, one they have not edited follows a fix of its master; one they edited is
    kept, with the fixed lesson beside it (NN_name.new.ipynb). See llmlab.lesson_copies. As root: the learner's
    system user and home first, then their lessons, copied as them."""
    home = HOMES / spawner.user.name
    if AS_ROOT:
        add_system_user(spawner.system_user, home)
        hand_out_as(spawner.system_user, home)
    else:
        hand_out(LESSONS, home / "llmlab", newer_beside=True)


c.Spawner.pre_spawn_hook = prepare_home

# The classroom bench manages its simulated learners through the REST API with this service's token.
service_token = os.environ.get("LLMLAB_HUB_SERVICE_TOKEN")
if service_token:
    c.JupyterHub.services = [{"name": "classroom-bench", "api_token": service_token}]
    c.JupyterHub.load_roles = [{
        "name": "classroom-bench",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
        "services": ["classroom-bench"],
    }]
