# Quick start: `make demo` (fact sheets for samples/ into out/) and `make test`.
# Each target creates the virtual environment and installs what it needs on first use.

VENV   ?= .venv
PYTHON ?= python3
# The PyTorch requirement; PIP_EXTRA adds pip options, e.g. an extra index for a CPU or CUDA build
# (see README, "Installing PyTorch").
TORCH     ?= torch==2.13.0
PIP_EXTRA ?=
BIN = $(VENV)/bin

.PHONY: install demo test lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet $(PIP_EXTRA) "$(TORCH)" -e ".[dev,bench]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/summarize run samples/ --output out/
	@echo "fact sheets written to out/ (one NAME.json per sample)"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check summarize tests
	$(BIN)/ruff format --check summarize tests

bench: install
	$(BIN)/python tests/benchmarks/bench_sentences.py
	$(BIN)/python tests/benchmarks/bench_dates.py
	$(BIN)/python tests/benchmarks/bench_extract.py
	$(BIN)/python tests/benchmarks/bench_summarize.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache build dist *.egg-info
