# The two commands of the README:
#   make build   — set everything up, start the local Neo4j, load the bundled data, print a summary
#   make test    — set everything up and run the whole test suite against a real local Neo4j
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup build test benchmark stop clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

build: setup
	$(BIN)/jinshang build

test: setup
	bash .ci/system-deps
	$(BIN)/python -m pytest

stop:
	-$(BIN)/jinshang neo4j stop

clean: stop
	rm -rf var out $(VENV)
