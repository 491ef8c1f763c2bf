# llmlab: the notebooks, their library and their tests.
# Every target first builds .venv (once; again only when requirements.txt or pyproject.toml change).

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
STAMP := $(VENV)/.llmlab-installed

# The CPU torch wheel lies in /opt/wheels on some machines; elsewhere pip finds it on its index.
FIND_LINKS := $(if $(wildcard /opt/wheels),--find-links /opt/wheels)
# JupyterLab refuses to start as root unless told it may.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help lab test checkpoint bench clean chromium

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install $(FIND_LINKS) -r requirements.txt
	$(VENV_PY) -m pip install --no-deps -e .
	touch $@

lab: $(STAMP) ## open the lessons in JupyterLab (http://127.0.0.1, token login)
	$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb --ServerApp.ip=127.0.0.1 $(ALLOW_ROOT)

test: $(STAMP) chromium ## run every test, the notebooks and the browser test included
	$(VENV_PY) -m pytest -ra

chromium: # the browser test drives Debian's chromium
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
		else \
			echo "chromium is missing, so the browser test will be skipped; install it with:"; \
			echo "    sudo apt-get update && sudo apt-get install -y chromium"; \
		fi; \
	fi

checkpoint: $(STAMP) ## train the shipped model again (data/tiny_gpt.pt and its snapshots)
	$(VENV_PY) scripts/train_checkpoint.py

bench: $(STAMP) ## time training and generation on this machine
	$(VENV_PY) scripts/bench.py

clean: ## remove .venv, build/ and caches
	rm -rf $(VENV) build .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
