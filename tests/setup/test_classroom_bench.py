"""`make classroom-bench`'s plans and its simulated learner's slider moves, without a hub (quick).

The bench itself (a hub, learners working through a plan, kernels culled) runs in
tests/setup/test_classroom_hub.py.
"""

from __future__ import annotations

import sys

import pytest

from llmlab.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))

import classroom_bench  # noqa: E402
from classroom.learner import slider_value  # noqa: E402


def test_the_bench_takes_its_plans_from_workshops_md() -> None:
    plans = classroom_bench.plans()
    assert plans["3h"] == ["00", "01", "02", "03", "04"], "the default plan is the 3-hour one"
    assert plans["session2"] == ["05", "06", "07", "08"] and plans["session3"] == ["09", "10"]
    assert plans["series"] == [f"{n:02d}" for n in range(11)]
    assert [path.name[:2] for path in classroom_bench.lesson_paths("3h")] == plans["3h"]
    assert [path.name[:2] for path in classroom_bench.lesson_paths("05,09")] == ["05", "09"]
    with pytest.raises(SystemExit):
        classroom_bench.lesson_paths("99")


def test_a_simulated_slider_moves_one_step_at_a_time_and_wraps_within_its_range() -> None:
    assert [slider_value(0, 3, 1, 2, move, integer=True) for move in range(1, 6)] == [3, 0, 1, 2, 3]
    assert [slider_value(-1.0, 1.0, 0.5, 0.5, move, integer=False) for move in range(1, 5)] == [1.0, -1.0, -0.5, 0.0]
