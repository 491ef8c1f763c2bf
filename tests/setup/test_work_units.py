"""`make test`'s two pytest-xdist workers get the work units of tests/conftest.py, and the bad-input
count adds up both workers.

A small suite shaped like ours (lessons, the site, browser tests, modules with fixtures, bad-input
cases) runs with tests/conftest.py under `pytest -n 2` and without xdist; each test logs which worker
ran it. A silent change in xdist or pytest once stopped xdist's own grouping (`--dist loadgroup`), so
the grouping is checked here, not assumed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llmlab.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # two small pytest runs: early in `make test`, not left for the end

HEADER = """
import os
from pathlib import Path

import pytest

def log(what):
    with Path(os.environ["UNITS_LOG"]).open("a") as log_file:
        log_file.write(f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')} {what}\\n")
"""

LESSONS = ["00_a.ipynb", "01_b.ipynb", "02_c.ipynb", "ja/00_a.ipynb", "ja/01_b.ipynb"]

SUITE = {
    "test_notebooks.py": f"""{HEADER}
pytestmark = pytest.mark.notebooks
LESSONS = {LESSONS!r}

@pytest.mark.parametrize("path", LESSONS, ids=LESSONS)
def test_lesson(path):
    log("lesson " + path)
""",
    "test_site.py": f"""{HEADER}
pytestmark = [pytest.mark.browser, pytest.mark.slow]

@pytest.fixture(scope="module")
def site():
    log("site built")

def test_site_a(site):
    log("site a")

def test_site_b(site):
    log("site b")
""",
    **{f"test_browser_{n}.py": f"""{HEADER}
pytestmark = [pytest.mark.browser, pytest.mark.slow]

def test_browser_{n}():
    log("browser {n}")
""" for n in ("a", "b")},
    **{f"test_quick_{n}.py": f"""{HEADER}
import bad_input

@pytest.fixture(scope="module")
def fixture():
    log("fixture quick_{n}")

@pytest.mark.parametrize("case", range(3))
def test_quick(fixture, case):
    bad_input.CASES["cases"] += 1
    bad_input.CASES["refused"] += 1
""" for n in ("a", "b", "c")},
    "bad_input.py": "from collections import Counter\nCASES = Counter()\n",
}


def run_suite(tmp_path: Path, *options: str) -> tuple[list[tuple[str, str]], str]:
    """Run the small suite; return (worker, what) for each logged line, in order, and pytest's output."""
    suite = tmp_path / "suite"
    (suite / "tests").mkdir(parents=True)
    (suite / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\nmarkers = ["notebooks: x", "browser: x", "slow: x"]\n')
    shutil.copy(REPO_ROOT / "tests" / "conftest.py", suite / "tests" / "conftest.py")
    for name, source in SUITE.items():
        (suite / "tests" / name).write_text(source, encoding="utf-8")
    log = tmp_path / "units.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env |= {"UNITS_LOG": str(log), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}  # xdist alone starts sooner
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *options], cwd=suite,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = [line.split(" ", 1) for line in log.read_text().splitlines()]
    return [(worker, what) for worker, what in lines], done.stdout


def bad_input_line(output: str) -> str:
    found = re.search(r"^bad-input cases run: .*$", output, re.MULTILINE)
    assert found, f"no bad-input count in:\n{output[-2000:]}"
    return found.group(0)


def test_two_workers_run_whole_units_long_ones_first(tmp_path: Path) -> None:
    ran, output = run_suite(tmp_path, "-p", "xdist.plugin", "-n", "2")
    by_worker: dict[str, list[str]] = {}
    for worker, what in ran:
        by_worker.setdefault(worker, []).append(what)
    assert sorted(by_worker) == ["gw0", "gw1"], f"not both workers ran tests: {ran}"
    [lessons_worker] = {worker for worker, what in ran if what.startswith(("lesson 0", "site"))}
    assert [what for worker, what in ran if worker == lessons_worker and what.startswith(("lesson 0", "site"))] == [
        "lesson 00_a.ipynb", "lesson 01_b.ipynb", "lesson 02_c.ipynb", "site built", "site a", "site b"]
    assert [what for worker, what in ran if what.startswith("lesson ja/")] == [
        "lesson ja/00_a.ipynb", "lesson ja/01_b.ipynb"]
    assert len({worker for worker, what in ran if what.startswith("lesson ja/")}) == 1, "Japanese lessons were split"
    assert len({worker for worker, what in ran if what.startswith("browser")}) == 1, "browser tests were split"
    assert sorted(what for _, what in ran if what.startswith("fixture")) == [
        "fixture quick_a", "fixture quick_b", "fixture quick_c"], "a module's fixture was built twice"
    firsts = {whats[0] for whats in by_worker.values()}
    assert firsts == {"lesson 00_a.ipynb", "lesson ja/00_a.ipynb"}, f"the long units did not start first: {by_worker}"
    assert bad_input_line(output) == "bad-input cases run: 9 (9 refused)"


def test_without_xdist_every_test_runs_and_is_counted(tmp_path: Path) -> None:
    ran, output = run_suite(tmp_path)
    assert {worker for worker, _ in ran} == {"main"}
    assert [what for _, what in ran][:2] == ["lesson 00_a.ipynb", "lesson 01_b.ipynb"]
    assert bad_input_line(output) == "bad-input cases run: 9 (9 refused)"
