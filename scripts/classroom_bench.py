"""`make classroom-bench`: a JupyterHub on 127.0.0.1 with N simulated learners (N = 2, 4, 8 by default).

Each learner logs in, starts a server and a kernel, runs lesson 10 top to bottom, then moves the attention
explorer's head slider 20 times through the kernel's websocket. Prints one line per N and the capacity
rule. The hub, the proxy and every learner's server are stopped at the end and their ports freed.
"""

from __future__ import annotations

import argparse
import os
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
LESSON = REPO / "notebooks" / "10_exploring_the_trained_model.ipynb"
MAX_LEARNERS = 16
FAILURE_LOG = REPO / "build" / "classroom-bench" / "jupyterhub.log"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--updates", type=int, default=20)
    args = parser.parse_args()
    if not all(1 <= n <= MAX_LEARNERS for n in args.learners) or not 0 <= args.updates <= 200:
        parser.error(f"learners must be 1..{MAX_LEARNERS} and updates 0..200")
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, {psutil.virtual_memory().total / GB:.1f} GB; "
          f"load average {psutil.getloadavg()[0]:.1f} at the start (others' work inflates the times)")
    rounds = {}
    with tempfile.TemporaryDirectory(prefix="llmlab-hub-") as state:
        with running_hub(Path(state)) as hub:
            for n in args.learners:
                print(f"round: {n} learners ...", flush=True)
                rounds[n] = run_round(hub, n, LESSON, args.updates, tag=f"learner-n{n}")
        ports_left = [port for port in hub.ports if not port_is_free(port)]
        if any(learner.error for result in rounds.values() for learner in result.learners):
            FAILURE_LOG.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(state) / "jupyterhub.log", FAILURE_LOG)
            print(f"the hub's log (servers' logs included) is kept in {FAILURE_LOG}")
    print(table(rounds))
    if args.updates:
        print(capacity_rule(rounds))
    if ports_left:
        print(f"ports still in use after the hub stopped: {ports_left}")
    failures = sum(learner.error is not None for result in rounds.values() for learner in result.learners)
    return 1 if failures or ports_left else 0


if __name__ == "__main__":
    sys.exit(main())
