# Two commands on a fresh machine: `make run` (app) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB := dashboard/data/wallimage.sqlite
DB_INPUTS := $(shell find dashboard/data/seeds -name '*.csv') sql/schema.sql $(wildcard sql/checks/*.sql) $(wildcard dashboard/data/*.py)

.PHONY: run test db lint format bench load clean browser-deps nginx-deps cluster bench-cluster intake intake-template intake-export intake-check intake-import datapackage

# make cluster: replicas (one per core by default) behind nginx on 127.0.0.1:8080.
REPLICAS ?= $(shell nproc 2>/dev/null || echo 2)
STORE ?= sqlite
DB_URL ?=
NETNS ?=

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Rebuilt when missing or older than its seeds, schema or build code.
$(DB): $(DB_INPUTS) | $(VENV)/.runtime
	$(PY) -m dashboard.data.build

db: | $(VENV)/.runtime
	$(PY) -m dashboard.data.build

run: $(DB)
	$(VENV)/bin/streamlit run streamlit_app.py

# The whole database as an open-data package (Frictionless Data Package + DCAT-AP) in dist/datapackage/,
# the same files as the zip of the Sources & methods page's "Download all data" (README, "Open data").
datapackage: $(DB)
	$(PY) -m dashboard.opendata --out dist/datapackage

# Debian's Chromium (and an emoji font for the page icons) for the browser tests, and poppler-utils
# (pdfinfo, pdftotext, pdftoppm) to read back the PDFs of the print test.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Color Emoji' \
		|| ! command -v pdftotext >/dev/null 2>&1; then \
		echo "Installing Debian's chromium, fonts-noto-color-emoji and poppler-utils for the browser tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji poppler-utils >/dev/null; \
	fi

# Debian's nginx, for `make cluster` and its tests (the cluster runs its own instance, not the service).
nginx-deps:
	@if ! command -v nginx >/dev/null 2>&1 && ! test -x /usr/sbin/nginx; then \
		echo "Installing Debian's nginx for make cluster…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	fi

# Foreground; Ctrl-C stops nginx and every replica. STORE=sqlite|sqlite-copy|postgres (DB_URL=the
# read-only role's URL), NETNS=1 puts each replica in its own network namespace.
cluster: $(DB) nginx-deps
	$(PY) -m deploy.cluster --replicas $(REPLICAS) --store $(STORE) $(if $(DB_URL),--db-url '$(DB_URL)') $(if $(NETNS),--netns)

test: $(VENV)/.dev browser-deps nginx-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.dev browser-deps $(DB)
	$(PY) -m bench.run_all

# 100 websocket sessions through nginx: 1 replica, 2 replicas, failover (bench/cluster_load.py).
bench-cluster: $(VENV)/.dev nginx-deps $(DB)
	$(PY) -m bench.cluster_load

# Bounded load test alone, with its figures printed (it also runs in `make test`).
load: $(VENV)/.dev browser-deps
	$(PY) -m pytest tests/test_load.py -s

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache artifacts dist

# Intake of an annual report from Excel (README, "For the fund's staff"). YEAR=…, FILE=…, INTAKE_LANG=en.
INTAKE_LANG ?= fr
INTAKE := $(PY) -m dashboard.intake

# The intake app: its own port and upload limit (flags override .streamlit/config.toml, whose
# maxUploadSize = 0 keeps the dashboard without uploads).
INTAKE_PORT ?= 8502
intake: | $(VENV)/.runtime
	$(VENV)/bin/streamlit run intake_app.py --server.address 127.0.0.1 --server.port $(INTAKE_PORT) \
		--server.maxUploadSize 20 --browser.serverAddress 127.0.0.1

intake-template: | $(VENV)/.runtime
	$(INTAKE) template --year $(YEAR) --out $(or $(FILE),wallimage-$(YEAR).xlsx) --lang $(INTAKE_LANG)

intake-export: | $(VENV)/.runtime
	$(INTAKE) export --year $(YEAR) --out $(or $(FILE),wallimage-$(YEAR).xlsx) --lang $(INTAKE_LANG)

intake-check: | $(VENV)/.runtime
	$(INTAKE) check $(FILE) --lang $(INTAKE_LANG)

intake-import: | $(VENV)/.runtime
	$(INTAKE) import $(FILE) --lang $(INTAKE_LANG)
