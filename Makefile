# Everything a maintainer runs. `make serve` and `make test` work on a fresh clone: they create
# the virtual environment and install what is needed first.

VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
LIGHTHOUSE_VERSION := 12.2.3# 13 needs a newer Node than Debian's
LIGHTHOUSE_DIR := .cache/lighthouse
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse
VNU_VERSION := 26.9.27# the W3C Nu HTML Checker (npm vnu-jar), run with Java 11 or newer
VNU_DIR := .cache/vnu
VNU_INSTALLED := $(VNU_DIR)/.installed-$(VNU_VERSION)
ENGINE := PYTHONPATH=hooks $(PYTHON) -m explainer
# mkdocs or properdocs (a maintained MkDocs 1.6 fork): both build this site the same way.
GENERATOR ?= mkdocs
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install browser html-checker check serve build deploy test schema bench bench-lighthouse links \
	lint clean new-explainer update-engine publish-snapshot spell

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed as python3; found $$(python3 --version 2>&1)" >&2; exit 1; }
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(INSTALLED) ## Create .venv and install the pinned packages

browser: ## Install Debian's Chromium for the browser tests (if missing)
	@test -x "$(CHROMIUM)" || ./.ci/install-chromium

# --ignore-scripts: vnu-jar's install script would download a Java runtime from another host.
$(VNU_INSTALLED):
	@command -v npm >/dev/null || { echo "The HTML check needs Node.js with npm to install the W3C Nu HTML Checker: install them, then run 'make test' again." >&2; exit 1; }
	npm install --prefix $(VNU_DIR) --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION)
	touch $@

html-checker: $(VNU_INSTALLED) ## Install the W3C Nu HTML Checker (npm vnu-jar), and Java if missing
	@command -v java >/dev/null || ./.ci/install-java

check: $(INSTALLED) ## Check data/ the way the build does, without building (under a second)
	@$(ENGINE) check .

spell: $(INSTALLED) ## Spell-check the data's texts and docs/ (German dictionary and data/wortliste.txt)
	@$(ENGINE) spell .

publish-snapshot: $(INSTALLED) ## After publishing: keep what readers saw (data/published.json; commit it)
	@$(ENGINE) publish-snapshot .

serve: $(INSTALLED) schema ## Serve the site on http://127.0.0.1:8000 with live reload
	$(VENV)/bin/$(GENERATOR) serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED) schema ## Build the site into site/ (strict: any warning fails)
	$(VENV)/bin/$(GENERATOR) build --strict

deploy: test ## Publish to GitHub Pages by hand (gh-pages branch); stops on placeholder operator data
	CI_DEPLOY=1 $(VENV)/bin/mkdocs gh-deploy --strict

lint: $(INSTALLED) ## Check Python style (ruff)
	$(VENV)/bin/ruff check hooks tests bench
	$(VENV)/bin/ruff format --check hooks tests bench

test: $(INSTALLED) browser html-checker lint ## Run every test (lint, build, data errors, HTML, browser)
	$(PYTHON) -m pytest

schema: $(INSTALLED) ## Regenerate the JSON Schemas in data/schema/ (models and current ids)
	@$(ENGINE) schema .

bench: $(INSTALLED) ## Print page weight, build time at 1×/10×/100× the claims, serve latency
	$(PYTHON) bench/page_weight.py
	$(PYTHON) bench/build_scale.py

$(LIGHTHOUSE):
	npm install --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)

bench-lighthouse: $(INSTALLED) browser $(LIGHTHOUSE) ## Lighthouse, mobile and desktop, median of 3
	LIGHTHOUSE=$(LIGHTHOUSE) CHROME_PATH="$(CHROMIUM)" $(PYTHON) bench/lighthouse.py

links: build ## List the external links of the built site for a manual check
	$(PYTHON) tests/links.py site

clean: ## Remove the built site and caches
	rm -rf site .pytest_cache

new-explainer: $(INSTALLED) ## Start an explainer for another article: DIR=../anderer-artikel
	@test -n "$(DIR)" || { echo "Name the new folder: make new-explainer DIR=../anderer-artikel" >&2; exit 2; }
	@$(ENGINE) new "$(DIR)"

# The newer engine's own code does the copying: it knows what belongs to it. Then the schemas
# follow its models (after installing its requirements.txt, if that changed).
update-engine: $(INSTALLED) ## Take the engine of a newer explainer: FROM=../other-explainer
	@test -n "$(FROM)" || { echo "Name the explainer with the newer engine: make update-engine FROM=../other-explainer" >&2; exit 2; }
	@PYTHONPATH="$(FROM)/hooks" $(PYTHON) -m explainer update-engine .
	@$(MAKE) --no-print-directory schema
