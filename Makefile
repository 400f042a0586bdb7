PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean browser screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The browser tests (tests/test_serve.py) drive Debian's Chromium through Playwright, which never
# downloads a browser of its own. Install it where this machine allows (root with apt-get); where
# it does not, those tests skip and say why. Never fatal.
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || \
	{ echo "make: installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || \
	  echo "make: could not install chromium; the browser tests will skip"; }

# the README's picture of the desk in a browser, made by the browser test's own code path
screenshot: $(STAMP) browser
	FACTCHECK_SCREENSHOT=docs/browser-desk.png $(BIN)/python -m pytest -q tests/test_serve.py -k reaches_the_store

bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant_score.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/ui_timing.py
	$(BIN)/python benchmarks/serve_memory.py

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests benchmarks
	$(BIN)/ruff format --check factcheck tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
