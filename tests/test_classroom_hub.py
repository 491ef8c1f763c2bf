"""The classroom hub works for a small class: two learners log in, get their own server and kernel,
run lesson 09 top to bottom and move the attention explorer's slider, all through JupyterHub.

The same code as `make classroom-bench` (scripts/classroom/), with 2 learners and 3 slider moves. Needs
configurable-http-proxy from deploy/jupyterhub (`make test` installs it with npm ci).
"""

from __future__ import annotations

import sys
from pathlib import Path

import psutil
import pytest

from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

from classroom.hub import PROXY, port_is_free, running_hub  # noqa: E402
from classroom.rounds import run_round  # noqa: E402

pytestmark = [pytest.mark.slow]

LESSON = REPO_ROOT / "notebooks" / "09_exploring_the_trained_model.ipynb"
UPDATES = 3


def processes_in(folder: Path) -> list[str]:
    """The command lines of processes still running inside ``folder``."""
    left = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if Path(process.cwd()).is_relative_to(folder):
                left.append(" ".join(process.info["cmdline"] or []))
        except psutil.Error:
            continue
    return left


def test_two_learners_run_lesson_09_on_the_hub(tmp_path: Path) -> None:
    if not PROXY.exists():
        pytest.fail(f"{PROXY} is missing: run `make hub-proxy` (`make test` does)", pytrace=False)
    state = tmp_path / "hub"
    with running_hub(state) as hub:
        result = run_round(hub, 2, LESSON, UPDATES, tag="learner")

    errors = [f"{learner.name}: {learner.error}" for learner in result.learners if learner.error]
    assert not errors, f"learners failed:\n" + "\n".join(errors)
    for learner in result.learners:
        assert learner.lesson_s is not None and len(learner.update_ms) == UPDATES
        assert (hub.homes / learner.name / "llmlab" / LESSON.name).exists(), "lessons not copied at spawn"
        assert (hub.homes / learner.name / "llmlab" / "ja" / LESSON.name).exists(), "Japanese lessons not copied"
    assert sorted(result.kernel_peak) == ["learner-1", "learner-2"], "each learner needs a kernel of their own"
    assert all(port_is_free(port) for port in hub.ports), "the hub left a port in use"
    assert not processes_in(state), f"processes left running: {processes_in(state)}"
