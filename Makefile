# HBEU Dash. `make help` lists the targets. The first target that needs it creates .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HBEU := $(VENV)/bin/hbeu
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PORT ?= 8501
REPLICAS ?= 2
PROXY_PORT ?= 8500
STORE ?= postgres
OUT ?= out
AXE_VERSION := $(shell sed -n 's/^VERSION = "\(.*\)"/\1/p' scripts/fetch_axe.py)
AXE := $(VENV)/axe-core-$(AXE_VERSION)/axe.min.js

.PHONY: help install run run-urls archive cluster test lint format validate verify briefing bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

# The `hbeu` command: this checkout installed editable (offline: setuptools is pinned in requirements-dev.txt).
$(HBEU): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $@

install: $(STAMP) $(HBEU) ## create .venv, install the pinned requirements and the `hbeu` command

$(AXE): scripts/fetch_axe.py | $(STAMP)
	$(PY) scripts/fetch_axe.py $(dir $@)

run: $(STAMP) archive run-urls ## start the dashboard on http://localhost:$(PORT)
	$(PY) -m streamlit run app.py --server.port $(PORT)

run-urls: # where to open it: this machine's own addresses (Streamlit's welcome asked the internet: it is off)
	@echo "HBEU Dash: http://localhost:$(PORT)"
	@for ip in $$(hostname -I 2>/dev/null); do case $$ip in *:*) ip="[$$ip]";; esac; \
	  echo "  on the intranet: http://$$ip:$(PORT)"; done

archive: $(STAMP) $(HBEU) ## fill data/'s source archive from ../shared/seeds and ../shared/sources when they exist (no data change)
	$(HBEU) fill-archive

cluster: $(STAMP) $(HBEU) ## PostgreSQL, $(REPLICAS) replicas and nginx on http://127.0.0.1:$(PROXY_PORT) until Ctrl-C
	$(HBEU) cluster --replicas $(REPLICAS) --port $(PROXY_PORT) --store $(STORE)

test: $(STAMP) $(HBEU) $(AXE) ## run every test (validation, pages, browser; axe-core from the npm registry for the latter)
	AXE_JS=$(AXE) $(PY) -m pytest

lint: $(STAMP) ## ruff check and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP) ## ruff format the code
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

validate: $(STAMP) $(HBEU) ## validate data/
	$(HBEU) validate

verify: $(STAMP) $(HBEU) ## prove every row against its own source's archived text (filled from ../shared first)
	$(HBEU) verify-sources ../shared/seeds ../shared/sources

briefing: $(STAMP) $(HBEU) ## the offline briefing, zh and en, HTML and PDF (all cities and sectors), into $(OUT)/
	mkdir -p $(OUT)
	$(HBEU) briefing --lang zh --html $(OUT) --pdf $(OUT)
	$(HBEU) briefing --lang en --html $(OUT) --pdf $(OUT)

bench: $(STAMP) ## benchmark against budgets (not part of test): writes bench/results.json
	$(PY) -m bench

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache
