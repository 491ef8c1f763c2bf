# llmlab: the notebooks, their library and their tests.
# Every target first builds .venv (once; again only when requirements.txt or pyproject.toml change).

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
STAMP := $(VENV)/.llmlab-installed

# Where pip takes the packages from, first match wins:
#   wheelhouse/ built by `make wheelhouse` -> only from it, no network at all;
#   the local CPU torch wheel folder (/opt/wheels on some machines) -> torch from it, the rest from PyPI;
#   neither -> torch alone from PyTorch's CPU-only index (PyPI's Linux torch brings GBs of CUDA libraries).
WHEELHOUSE := wheelhouse
LOCAL_WHEELS := /opt/wheels
TORCH_CPU_INDEX := https://download.pytorch.org/whl/cpu
TORCH_PIN := $(shell grep -E '^torch==' requirements.txt)
NET_TORCH_FROM := $(if $(wildcard $(LOCAL_WHEELS)),--find-links $(LOCAL_WHEELS),--index-url $(TORCH_CPU_INDEX))
NET_FROM := $(if $(wildcard $(LOCAL_WHEELS)),--find-links $(LOCAL_WHEELS))
# The wheelhouse is used only when it was completed for this very requirements.txt: wheelhouse/.complete
# holds the sha256 of the requirements.txt it was built from. Content, not file times: a copy made without
# them (`cp -r` to a USB stick) must still count. pyproject.toml is left out: it pins nothing (llmlab
# installs --no-deps; setuptools, its build backend, is pinned in requirements.txt).
# (No sha256sum, as on macOS: never fresh; the wheelhouse holds Linux wheels only anyway.)
REQUIREMENTS_SHA256 := $(firstword $(shell sha256sum requirements.txt 2>/dev/null))
WHEELHOUSE_SHA256 := $(shell cat $(WHEELHOUSE)/.complete 2>/dev/null)
WHEELHOUSE_FRESH := $(and $(REQUIREMENTS_SHA256),$(filter $(REQUIREMENTS_SHA256),$(WHEELHOUSE_SHA256)))
ifneq ($(WHEELHOUSE_FRESH),)
PIP_FROM := --no-index --find-links $(WHEELHOUSE)
TORCH_FROM := $(PIP_FROM)
else
PIP_FROM := $(NET_FROM)
TORCH_FROM := $(NET_TORCH_FROM)
endif
HUB_DIR := deploy/jupyterhub
HUB_PROXY := $(HUB_DIR)/node_modules/.llmlab-installed
# Without a Japanese font, chromium draws the Japanese lessons' text as empty boxes.
CJK_FONTS := fonts-noto-cjk
# JupyterLab refuses to start as root unless told it may.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help lab test test-busy check lint checkpoint copying-replay bench bench-recipe clean chromium wheelhouse hub hub-proxy classroom-bench site

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install $(TORCH_FROM) "$(TORCH_PIN)"
	$(VENV_PY) -m pip install $(PIP_FROM) -r requirements.txt
	$(VENV_PY) -m pip install $(PIP_FROM) --no-deps -e .
	touch $@

wheelhouse: $(WHEELHOUSE)/.complete ## download every pinned wheel (CPU torch too) for an offline install

# Needs only a bare .venv (for its pip), so that `make test` can fill the wheelhouse first.
# Built (again) whenever .complete does not hold requirements.txt's sha256 (see WHEELHOUSE_FRESH).
$(WHEELHOUSE)/.complete: $(if $(WHEELHOUSE_FRESH),,FORCE)
	test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	rm -f $@
	$(VENV_PY) -m pip wheel --wheel-dir $(WHEELHOUSE) $(NET_TORCH_FROM) --no-deps "$(TORCH_PIN)"
	$(VENV_PY) -m pip wheel --wheel-dir $(WHEELHOUSE) --find-links $(WHEELHOUSE) $(NET_FROM) -r requirements.txt
	echo $(REQUIREMENTS_SHA256) > $@
	du -sh $(WHEELHOUSE)

FORCE: # a prerequisite that is never up to date

$(HUB_PROXY): $(HUB_DIR)/package.json $(HUB_DIR)/package-lock.json
	cd $(HUB_DIR) && npm ci --no-audit --no-fund
	touch $@

hub-proxy: $(HUB_PROXY) # configurable-http-proxy from its npm package (lock file)

hub: $(STAMP) $(HUB_PROXY) ## serve the lessons to a class with JupyterHub; as root: a system user per learner (docs/teaching/setup.md)
	$(VENV)/bin/jupyterhub -f $(HUB_DIR)/jupyterhub_config.py

site: $(STAMP) ## the lessons, executed, as a static HTML site in build/site/ (opens with no network)
	$(VENV_PY) scripts/build_site.py

classroom-bench: $(STAMP) $(HUB_PROXY) ## simulated learners on a local hub: times, memory, capacity rule
	$(VENV_PY) scripts/classroom_bench.py

# The learner works in my-lessons/ (scripts/my_lessons.py copies and refreshes it; git ignores it), so
# running a lesson never changes the repository. The server prints, and opens, the first lesson's own
# address (LLMLAB_LANG=ja: the Japanese one); deploy/lab/overrides.json switches off the news pop-up.
MY_LESSONS := my-lessons
FIRST_LESSON := $(if $(filter ja,$(LLMLAB_LANG)),ja/)00_start_here.ipynb

lab: $(STAMP) ## open the lessons in JupyterLab (http://127.0.0.1, token login), from your copies in my-lessons/
	$(VENV_PY) scripts/my_lessons.py
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=$(MY_LESSONS) \
		--LabApp.default_url=/lab/tree/$(FIRST_LESSON) --LabApp.app_settings_dir=deploy/lab \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate $(ALLOW_ROOT)

# The wheelhouse first (built or refreshed when absent or built for another requirements.txt), then .venv from it
# alone (make runs again to see it): one download serves both, and the offline-install test runs.
# Two pytest-xdist workers (work units: tests/conftest.py), torch in each and in every kernel it starts
# on one thread: two processes of two threads each on a 2-core machine are slower.
test: $(WHEELHOUSE)/.complete ## run every test, the notebooks, the browser and offline-install tests included
	$(MAKE) --no-print-directory $(STAMP) chromium hub-proxy
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(VENV_PY) -m pytest -ra -n 2

# The browser tests and two lessons while two busy loops hold both cores, as on a busy laptop, classroom
# server or CI host: the browser tests' limits stretch with the load (tests/browser/harness.py). The trap
# ends both loops however the run ends.
BUSY_LESSONS := "tests/lessons/test_notebooks.py::test_notebook_runs_top_to_bottom[00_start_here.ipynb]" \
	"tests/lessons/test_notebooks.py::test_notebook_runs_top_to_bottom[05_attention.ipynb]"
test-busy: $(STAMP) ## the browser tests and lessons 00 and 05 while two CPU-bound loops hold both cores
	$(MAKE) --no-print-directory chromium
	$(VENV_PY) -c "while True: pass" & first=$$!; $(VENV_PY) -c "while True: pass" & second=$$!; \
	trap 'kill $$first $$second 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 LLMLAB_REQUIRE_BROWSER=1 $(VENV_PY) -m pytest -ra -n 2 \
		tests/browser/test_browser*.py $(BUSY_LESSONS)

# While working: every test that is not slow, a notebook run or a browser test (most of them), on the same
# two workers; then ruff's rules (pyproject.toml). CI runs `make test`, which runs these tests too.
check: $(STAMP) ## the quick tests only: no notebooks, browser or slow tests (CI runs them all: make test)
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(VENV_PY) -m pytest -q -n 2 -m "not slow and not notebooks and not browser"

lint: $(STAMP) ## check the Python files with ruff (rules in pyproject.toml; notebooks/ left out)
	$(VENV)/bin/ruff check

chromium: # the browser test drives Debian's chromium; Debian's CJK fonts draw the Japanese lessons' text
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="chromium"; \
	dpkg-query -W -f='$${Status}' $(CJK_FONTS) 2>/dev/null | grep -q "ok installed" || missing="$$missing $(CJK_FONTS)"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
		else \
			echo "missing:$$missing, so the browser tests will be skipped; install with:"; \
			echo "    sudo apt-get update && sudo apt-get install -y$$missing"; \
		fi; \
	fi

checkpoint: $(STAMP) ## train the shipped model again (data/tiny_gpt.pt and its snapshots)
	$(VENV_PY) scripts/train_checkpoint.py

copying-replay: $(STAMP) ## record the copying circuit forming in one training run (data/copying_replay.pt, lesson 08)
	$(VENV_PY) scripts/record_copying_replay.py

bench: $(STAMP) ## time training and generation on this machine, and the widgets in a real browser
	$(VENV_PY) scripts/bench.py
	$(VENV_PY) scripts/bench_browser.py

bench-recipe: $(STAMP) ## train seeds 0-4 on 1 and 2 threads with the research recipe: facts right vs seconds (long)
	$(VENV_PY) scripts/research/copying_recipe.py --recipe best --seeds 0 1 2 3 4 --threads 1 2

clean: ## remove .venv, build/ and caches
	rm -rf $(VENV) build .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
