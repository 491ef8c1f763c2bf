"""`make classroom-bench`: a JupyterHub on 127.0.0.1 with N simulated learners (N = 2, 4, 8 by default).

Each learner logs in, starts a server and works through a workshop plan of docs/teaching/workshops.md (default:
the 3-hour plan, lessons 00-04), as in JupyterLab: each lesson in a kernel of its own, run top to bottom, then
one of its sliders moved (20 times) through the kernel's websocket; the earlier lessons' kernels stay open and
connected. The servers cull idle kernels as in a workshop, on a shortened clock: a kernel idle --cull-idle
seconds is ended, and each learner stays at least that long (plus two cull intervals) with each lesson, as a
workshop's lessons (20-50 minutes) outlast its 20-minute cull. Prints one line per N (memory per learner:
server and all its kernels, RSS and PSS; the machine's; times per lesson and per slider move), one per lesson,
and the capacity rule. The hub, the proxy and every learner's server are stopped at the end, their ports freed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from classroom.hub import port_is_free, running_hub  # noqa: E402
from classroom.report import capacity_rule, table  # noqa: E402
from classroom.rounds import GB, run_round  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
WORKSHOPS = REPO / "docs" / "teaching" / "workshops.md"
MAX_LEARNERS = 16
FAILURE_LOG = REPO / "build" / "classroom-bench" / "jupyterhub.log"
CULL_INTERVAL_S = 2


def plans() -> dict[str, list[str]]:
    """workshops.md's plans by a short name ("90min", "3h", "session2", "session3"), each its lessons in
    order, and "series": every lesson."""
    found: dict[str, list[str]] = {}
    name = ""
    for line in WORKSHOPS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = re.match(r"#+ (?:Session (\d+)|(\d+) (minutes|hours))", line)
            name = ("" if heading is None else f"session{heading[1]}" if heading[1]
                    else f"{heading[2]}{'min' if heading[3] == 'minutes' else 'h'}")
        elif name and (row := re.match(r"^\| \d+:\d\d–\d+:\d\d \| \*\*(\d\d) · ", line)):
            found.setdefault(name, []).append(row[1])
    found["series"] = sorted(path.name[:2] for path in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    return found


def lesson_paths(plan: str) -> list[Path]:
    """The notebooks of ``plan``: a plan's name, or lesson numbers separated by commas ("00,01,05")."""
    numbers = plans().get(plan) or plan.split(",")
    paths = [next(NOTEBOOKS.glob(f"{number}_*.ipynb"), None) for number in numbers]
    if not all(paths):
        raise SystemExit(f"--plan {plan}: not a plan ({', '.join(plans())}) nor lesson numbers like 00,01")
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--plan", default="3h", help=f"one of {', '.join(plans())}, or lessons like 00,01,05")
    parser.add_argument("--updates", type=int, default=20, help="slider moves per lesson")
    parser.add_argument("--cull-idle", type=int, default=20,
                        help="seconds before an idle kernel is ended (0: never, JupyterLab's default)")
    args = parser.parse_args()
    if not all(1 <= n <= MAX_LEARNERS for n in args.learners) or not 0 <= args.updates <= 200:
        parser.error(f"learners must be 1..{MAX_LEARNERS} and updates 0..200")
    if args.cull_idle < 0:
        parser.error("--cull-idle must be 0 (no cull) or more seconds")
    lessons = lesson_paths(args.plan)
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, {psutil.virtual_memory().total / GB:.1f} GB; load average "
          f"{psutil.getloadavg()[0]:.1f} at the start (others' work inflates the times, not the memory)")
    print(f"plan {args.plan}: lessons {', '.join(path.name[:2] for path in lessons)}; "
          + (f"kernels idle {args.cull_idle} s are culled (checked every {CULL_INTERVAL_S} s); each learner "
             f"stays at least {args.cull_idle + 2 * CULL_INTERVAL_S} s with a lesson" if args.cull_idle
             else "no kernel is culled"))
    settings = {"LLMLAB_HUB_CULL_IDLE_S": str(args.cull_idle), "LLMLAB_HUB_CULL_INTERVAL_S": str(CULL_INTERVAL_S)}
    span = args.cull_idle + 2 * CULL_INTERVAL_S if args.cull_idle else 0
    rounds = {}
    with tempfile.TemporaryDirectory(prefix="llmlab-hub-") as state:
        with running_hub(Path(state), settings) as hub:
            for n in args.learners:
                print(f"round: {n} learners ...", flush=True)
                rounds[n] = run_round(hub, n, lessons, args.updates, tag=f"learner-n{n}", lesson_span_s=span)
        ports_left = [port for port in hub.ports if not port_is_free(port)]
        if any(learner.error for result in rounds.values() for learner in result.learners):
            FAILURE_LOG.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(state) / "jupyterhub.log", FAILURE_LOG)
            print(f"the hub's log (servers' logs included) is kept in {FAILURE_LOG}")
    print(table(rounds))
    if args.updates and any(run.update_cpu_ms is not None for result in rounds.values()
                            for learner in result.learners for run in learner.lessons):
        print(capacity_rule(rounds))
    if ports_left:
        print(f"ports still in use after the hub stopped: {ports_left}")
    failures = sum(learner.error is not None for result in rounds.values() for learner in result.learners)
    return 1 if failures or ports_left else 0


if __name__ == "__main__":
    sys.exit(main())
