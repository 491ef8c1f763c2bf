"""Test-session extras: the work units of `make test`'s two pytest-xdist workers, and the count of
bad-input cases run.

`make test` runs `pytest -n 2`. Instead of xdist's test-by-test distribution, the workers are handed
whole work units (``work_unit``), in the order collected; a unit's tests run on one worker, in order:
- the English lessons of tests/lessons/test_notebooks.py, then tests/setup/test_site.py, which reuses their runs
  (build/executed/); and likewise the Japanese lessons, then tests/setup/test_site_ja.py;
- the browser tests (tests/browser/test_browser*.py, test_walk.py): one JupyterLab in chromium at a time;
- every other test with the rest of its module, so that a module's fixtures are built once.
The long units are collected first and the quick tests last: they fill the gaps at the end.
(xdist's own ``--dist loadgroup`` cannot do this with pytest 9.2: it no longer groups at all.)

And the fixtures every module may use: ``shipped`` (the shipped model and its tokenizer), ``corpus`` (the toy
corpus's train and validation lines), both loaded once per process and guarded: the test after which either
has changed fails and the original is put back; and ``japanese`` (the learner's language is Japanese during
the test).
"""

from __future__ import annotations

import copy
import sys
from collections import Counter
from pathlib import PurePosixPath

import pytest

EXECUTED_LESSONS = "English lessons, then the site"
JAPANESE_LESSONS = "Japanese lessons, then their site"
BROWSER = "browser tests"
# The longest work units (each a minute or more on 2 cores), longest first.
LONG_UNITS = (EXECUTED_LESSONS, JAPANESE_LESSONS, BROWSER, "tests/setup/test_offline_install.py",
              "tests/setup/test_classroom_hub.py")
SLOW_MARKS = ("slow", "notebooks")

CASES_FROM_WORKERS: Counter[str] = Counter()  # bad-input cases that the xdist workers ran
SHARED: dict[str, tuple] = {}  # name -> (the shared fixture, and what it held: fingerprint and weights; lines)


@pytest.fixture(scope="session")
def shipped():
    """(model, tokenizer) of the shipped checkpoint, shared by every test of this process: read it, never change it."""
    from llmlab.engine.checkpoint import load_shipped_model
    from llmlab.engine.fingerprint import parameter_fingerprint

    model, tokenizer, _ = load_shipped_model()
    value = model, tokenizer
    SHARED["shipped"] = value, (parameter_fingerprint(model), copy.deepcopy(model.state_dict()))
    return value


@pytest.fixture(scope="session")
def corpus():
    """(train, validation) lines of the toy corpus, shared by every test of this process: never change them."""
    from llmlab.toy.corpus import load_corpus

    value = load_corpus()
    SHARED["corpus"] = value, tuple(list(lines) for lines in value)
    return value


def restored(name: str, value) -> bool:
    """Whether ``value``, if it is the shared fixture ``name``, had changed; it is as loaded again now."""
    if name not in SHARED or SHARED[name][0] is not value:  # a module's own fixture of that name
        return False
    if name == "shipped":
        from llmlab.engine.fingerprint import parameter_fingerprint

        fingerprint, state = SHARED[name][1]
        if parameter_fingerprint(value[0]) == fingerprint:
            return False
        value[0].load_state_dict(state)
        return True
    kept = SHARED[name][1]
    if tuple(value) == kept:
        return False
    for lines, original in zip(value, kept):
        lines[:] = original
    return True


@pytest.fixture(autouse=True)
def _shared_fixtures_unchanged(request):
    """After each test that used ``shipped`` or ``corpus``: that test fails if it changed them (they are restored)."""
    yield
    shared = [name for name in ("shipped", "corpus") if name in request.fixturenames]
    changed = [name for name in shared if restored(name, request.getfixturevalue(name))]
    if changed:
        pytest.fail(f"this test changed the shared fixture(s) {changed} (restored now): change a copy "
                    "(load_shipped_model() or load_corpus() again, or copy.deepcopy)", pytrace=False)


@pytest.fixture
def japanese():
    """The learner's language is Japanese during the test (``llmlab.set_language("ja")``), then what it was."""
    from llmlab.messages import language, set_language

    before = language()
    set_language("ja")
    yield
    set_language(before)


def work_unit(nodeid: str) -> str:
    """The work unit of a test, from its id (all that xdist's controller sees of a test)."""
    module, _, test = nodeid.partition("::")
    name = PurePosixPath(module).name
    if name == "test_notebooks.py":
        return JAPANESE_LESSONS if "[ja/" in test else EXECUTED_LESSONS
    if name == "test_site.py":
        return EXECUTED_LESSONS
    if name == "test_site_ja.py":
        return JAPANESE_LESSONS
    if name.startswith("test_browser") or name == "test_walk.py":
        return BROWSER
    return module


def unit_rank(unit: str, items: list[pytest.Item]) -> int:
    """0, 1, ... for the long units; then the units holding a slow test; then the rest."""
    if unit in LONG_UNITS:
        return LONG_UNITS.index(unit)
    slow = any(item.get_closest_marker(mark) for item in items for mark in SLOW_MARKS)
    return len(LONG_UNITS) + (0 if slow else 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    members: dict[str, list[pytest.Item]] = {}
    for item in items:
        members.setdefault(work_unit(item.nodeid), []).append(item)
    ranks = {unit: unit_rank(unit, unit_items) for unit, unit_items in members.items()}
    items.sort(key=lambda item: ranks[work_unit(item.nodeid)])  # stable: each unit keeps its order


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With -n and no other --dist asked for: hand out ``work_unit``s in the order collected."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnitScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False  # keep the order collected
    return WorkUnitScheduling(config, log)


def bad_input_cases() -> Counter[str]:
    """The bad-input cases run in this process (none when the bad-input tests were not imported)."""
    bad_input = sys.modules.get("bad_input")
    return Counter(bad_input.CASES) if bad_input is not None else Counter()


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller adds the counts up
        workeroutput["bad_input_cases"] = dict(bad_input_cases())


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    CASES_FROM_WORKERS.update(getattr(node, "workeroutput", {}).get("bad_input_cases", {}))


def pytest_terminal_summary(terminalreporter) -> None:
    cases = bad_input_cases() + CASES_FROM_WORKERS
    if cases["cases"]:
        counts = ", ".join(f"{n} {what}" for what, n in cases.items() if what != "cases")
        terminalreporter.write_line(f"bad-input cases run: {cases['cases']} ({counts})")
