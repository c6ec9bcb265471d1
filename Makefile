# ClaimDesk. `make run` to try it, `make test` to check it. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
CELERY := $(VENV)/bin/celery -A config --quiet

.DEFAULT_GOAL := help
.PHONY: help install run worker migrate seed test lint format bench backup restore clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install ClaimDesk with its dev tools

migrate: $(STAMP) ## Apply database migrations (SQLite in var/ unless DATABASE_URL says otherwise)
	$(PY) manage.py migrate --no-input

seed: migrate ## Load the seed articles and create the demo accounts (idempotent)
	$(PY) manage.py load_seeds
	$(PY) manage.py create_demo_accounts

run: seed ## Set everything up and serve on http://127.0.0.1:$(PORT), with one background worker
	@echo "ClaimDesk on http://127.0.0.1:$(PORT)/  (admin: /admin/, API docs: /api/docs/, jobs: /jobs/)"
	@$(CELERY) worker --concurrency=1 --beat --schedule=var/celerybeat-schedule & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: migrate ## Run one background worker (imports, re-extraction, matching, export snapshots) alone
	$(CELERY) worker

lint: $(STAMP) ## ruff check and format check, import-linter's layer contracts, the migrations check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test

test: lint ## Lint, check migrations and run the whole test suite
	$(PY) -m pytest

format: $(STAMP) ## Format the code with ruff
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: $(STAMP) ## Run the quick benchmarks (they print figures; see bench/*.py for the full-size options)
	$(PY) bench/extraction.py
	$(PY) bench/export.py --sizes 100000
	$(PY) bench/matching.py --sizes 100000
	$(PY) bench/load.py --seconds 30

backup: $(STAMP) ## Write a consistent database snapshot to var/backups/
	$(PY) manage.py backup

restore: $(STAMP) ## Bring back a snapshot: make restore FILE=var/backups/claimdesk-....sqlite3
	@test -n "$(FILE)" || (echo "usage: make restore FILE=path/to/backup" && exit 2)
	$(PY) manage.py restore "$(FILE)" --no-input

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var
