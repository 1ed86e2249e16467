# The README's two commands: `make demo` and `make test`. Everything else is a step they share.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.csphub-installed
CSS := csphub/static_build/csphub/csphub.css
DEMO_ENV := CSPHUB_DEMO=1 CSPHUB_PARTNERSHIP_NAME="Cumberland Community Safety Partnership"
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test setup lint lock browser-check clean

$(STAMP): requirements.lock pyproject.toml package.json package-lock.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(STAMP)

$(CSS): $(STAMP) $(wildcard csphub/scss/*.scss)
	npm run --silent build:css

setup: $(STAMP) $(CSS)

demo: setup
	$(DEMO_ENV) $(BIN)/csphub migrate --noinput -v 0
	$(DEMO_ENV) $(BIN)/csphub seed-demo
	@echo "csphub is starting at http://$(HOST):$(PORT)/ (press Ctrl+C to stop)"
	@$(DEMO_ENV) $(BIN)/csphub worker --interval 2 > var/worker.log 2>&1 & \
	  worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(BIN)/csphub runserver $(HOST):$(PORT) --noreload

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .

browser-check: setup
	$(BIN)/python scripts/browser_check.py

# Re-pin the Python dependencies after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --extra dev --no-emit-index-url --no-emit-trusted-host --strip-extras \
	  -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) node_modules csphub/static_build var
