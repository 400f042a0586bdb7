PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant_score.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/ui_timing.py

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests benchmarks
	$(BIN)/ruff format --check factcheck tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
