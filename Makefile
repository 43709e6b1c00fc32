# greenroom developer tasks. `make run` and `make test` create .venv themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

# The store tests also run on PostgreSQL (a scratch database; its tables are dropped and made).
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test check lint types pytest bench eval docs clean browser

$(BIN)/python:
	@# Debian splits venv into python3-venv; install it when we can (as root) and it is missing.
	$(PY) -m venv $(VENV) || { [ "$$(id -u)" = 0 ] && apt-get update -q && \
		apt-get install -y -q python3-venv && rm -rf $(VENV) && $(PY) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

# The app records and transcribes spoken answers on this machine, so the speech extra comes too.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[speech]'
	touch $@

$(DEVSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[postgres,speech,speech-base]' pytest ruff mypy types-PyYAML httpx playwright
	touch $@

## run: start the main job: the browser app on 127.0.0.1 (prints the address)
run: $(STAMP)
	$(BIN)/greenroom serve

## browser: Debian's Chromium for the end-to-end tests and espeak-ng for speech fixtures
## (installed when missing and run as root)
CHROMIUM := /usr/bin/chromium
ESPEAK := /usr/bin/espeak-ng
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(ESPEAK) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
				chromium espeak-ng; \
		else echo "note: chromium or espeak-ng is missing; those tests skip (fail with CI=true)"; fi; \
	fi

## test: lint, types and the whole suite
test: $(DEVSTAMP) browser
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	TEST_POSTGRES_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest

check: $(DEVSTAMP)
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

## bench: judging speed vs a bare onnxruntime embedding (table + bench-results.json)
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --json bench-results.json

## eval: correlation with crowd ratings on ../shared/datasets/mit_interview (test half PP*),
## then the plan over the real postings in ../shared/datasets/jobs for a person to spot-check
eval: $(STAMP)
	$(BIN)/python scripts/eval_mit.py
	$(BIN)/python scripts/plan_real_postings.py

## docs: regenerate docs/cli.md from --help output
docs: $(STAMP)
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .mypy_cache .pytest_cache .ruff_cache
