# ipcoop: two commands on a fresh machine — `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint bench browser clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/ipcoop db upgrade
	$(BIN)/ipcoop synth --reports 60 --seed 67 -o var/demo-synthetic
	$(BIN)/ipcoop ingest src/ipcoop/demo var/demo-synthetic
	@echo "ipcoop is serving on http://$(HOST):$(PORT)"
	$(BIN)/ipcoop serve --host $(HOST) --port $(PORT)

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's Chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

test: $(STAMP) browser
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "Installing Debian's wrk for the HTTP benchmark"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null; }
	@test -x bench/.datasette-venv/bin/datasette || { \
	  echo "Installing Datasette 0.65 in its own venv (bench/.datasette-venv)"; \
	  $(PYTHON) -m venv bench/.datasette-venv && \
	  bench/.datasette-venv/bin/pip install -q -c bench/datasette-constraints.txt datasette; }
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .pytest_cache
