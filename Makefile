# Everything a maintainer runs. `make serve` and `make test` work on a fresh clone: they create
# the virtual environment and install what is needed first.

VENV := .venv
PYTHON := $(VENV)/bin/python
# Two sets of packages, each pinned with hashes: the site's (requirements.txt: serve, build,
# check) and the tests' (requirements-test.txt: the site's plus test, benchmark and pip-tools).
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test
PIP_INSTALL := $(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
HOST := 127.0.0.1
PORT ?= 8000
LIGHTHOUSE_VERSION := 12.2.3# 13 needs a newer Node than Debian's
LIGHTHOUSE_DIR := .cache/lighthouse
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse
VNU_VERSION := 26.9.27# the W3C Nu HTML Checker (npm vnu-jar), run with Java 11 or newer
VNU_DIR := .cache/vnu
VNU_INSTALLED := $(VNU_DIR)/.installed-$(VNU_VERSION)
# plotly.js and esbuild for `make plotly-bundle`, pinned in the tool's package.json and lock file
PLOTLY_TOOL := tools/plotly-bundle
PLOTLY_DIR := .cache/plotly-bundle
PLOTLY_INSTALLED := $(PLOTLY_DIR)/.installed
PLOTLY_VENDOR := overrides/assets/javascripts/vendor
ENGINE := PYTHONPATH=hooks $(PYTHON) -m explainer
# mkdocs or properdocs (a maintained MkDocs 1.6 fork): both build this site the same way.
GENERATOR ?= mkdocs
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install install-test requirements browser html-checker check serve build deploy test schema \
	bench bench-lighthouse links lint clean new-explainer update-engine publish-snapshot spell \
	plotly-bundle

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(PYTHON):
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed as python3; found $$(python3 --version 2>&1)" >&2; exit 1; }
	python3 -m venv $(VENV)

$(RUNTIME): requirements.txt | $(PYTHON)
	@echo "Installing the packages the site needs (requirements.txt, pinned with hashes) into $(VENV)"
	$(PIP_INSTALL) -r requirements.txt
	touch $@

# The test set includes the site's packages at the same versions, so it counts as both.
$(TESTING): requirements-test.txt requirements.txt | $(PYTHON)
	@echo "Installing the site's packages and the test tools (requirements-test.txt, pinned with hashes) into $(VENV)"
	$(PIP_INSTALL) -r requirements-test.txt
	touch $@ $(RUNTIME)

install: $(RUNTIME) ## Create .venv and install the site's pinned packages (what serve and build need)

install-test: $(TESTING) ## Also install the pinned test, benchmark and maintainer tools

# pip-compile keeps every pin it can; ARGS=--upgrade (or ARGS="--upgrade-package NAME") moves them.
requirements: $(TESTING) ## Recompile requirements*.txt (pins and hashes) from requirements*.in
	$(PIP_COMPILE) $(ARGS) --output-file=requirements.txt requirements.in
	$(PIP_COMPILE) $(ARGS) --output-file=requirements-test.txt requirements-test.in

browser: ## Install Debian's Chromium for the browser tests (if missing)
	@test -x "$(CHROMIUM)" || ./.ci/install-chromium

# --ignore-scripts: vnu-jar's install script would download a Java runtime from another host.
$(VNU_INSTALLED):
	@command -v npm >/dev/null || { echo "The HTML check needs Node.js with npm to install the W3C Nu HTML Checker: install them, then run 'make test' again." >&2; exit 1; }
	npm install --prefix $(VNU_DIR) --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION)
	touch $@

html-checker: $(VNU_INSTALLED) ## Install the W3C Nu HTML Checker (npm vnu-jar), and Java if missing
	@command -v java >/dev/null || ./.ci/install-java

check: $(RUNTIME) ## Check data/ the way the build does, without building (under a second)
	@$(ENGINE) check .

spell: $(TESTING) ## Spell-check the data's texts and docs/ (German dictionary and data/wortliste.txt)
	@$(ENGINE) spell .

publish-snapshot: $(RUNTIME) ## After publishing: keep what readers saw (data/published.json; commit it)
	@$(ENGINE) publish-snapshot .

# A busy port is one sentence here, not a traceback after the first build.
serve: $(RUNTIME) schema ## Serve the site on http://127.0.0.1:8000 with live reload (PORT=8001: another port)
	@$(PYTHON) bench/portcheck.py $(HOST) $(PORT)
	$(VENV)/bin/$(GENERATOR) serve --dev-addr $(HOST):$(PORT)

build: $(RUNTIME) schema ## Build the site into site/ (strict: any warning fails)
	$(VENV)/bin/$(GENERATOR) build --strict

deploy: test ## Publish to GitHub Pages by hand (gh-pages branch); stops on placeholder operator data
	CI_DEPLOY=1 $(VENV)/bin/mkdocs gh-deploy --strict

lint: $(TESTING) ## Check Python style (ruff)
	$(VENV)/bin/ruff check hooks tests bench tools
	$(VENV)/bin/ruff format --check hooks tests bench tools

test: $(TESTING) browser html-checker lint ## Run every test (lint, build, data errors, HTML, browser)
	$(PYTHON) -m pytest

schema: $(RUNTIME) ## Regenerate the JSON Schemas in data/schema/ (models and current ids)
	@$(ENGINE) schema .

bench: $(TESTING) ## Print speed goals, page weight, build time at 1×/10×/100× the claims, serve latency
	$(PYTHON) bench/speed_goals.py
	$(PYTHON) bench/page_weight.py
	$(PYTHON) bench/build_scale.py

$(LIGHTHOUSE):
	npm install --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)

bench-lighthouse: $(TESTING) browser $(LIGHTHOUSE) ## Lighthouse, ours and plain Material interleaved, median of 5
	LIGHTHOUSE=$(LIGHTHOUSE) CHROME_PATH="$(CHROMIUM)" $(PYTHON) bench/lighthouse.py

links: build ## List the external links of the built site for a manual check
	$(PYTHON) tests/links.py site

# npm ci installs exactly the lock file's versions and checks their integrity hashes;
# --ignore-scripts: no package runs code on install (esbuild's binary is a package of its own).
$(PLOTLY_INSTALLED): $(PLOTLY_TOOL)/package.json $(PLOTLY_TOOL)/package-lock.json
	@command -v npm >/dev/null || { echo "Building plotly.js needs Node.js with npm: install them, then run 'make plotly-bundle' again." >&2; exit 1; }
	mkdir -p $(PLOTLY_DIR)
	cp $^ $(PLOTLY_DIR)/
	npm ci --prefix $(PLOTLY_DIR) --no-audit --no-fund --ignore-scripts
	touch $@

# Not part of `make test`: the bundle is committed, and a test checks it names the kinds' traces.
plotly-bundle: $(RUNTIME) $(PLOTLY_INSTALLED) ## Rebuild the vendored plotly.js with only the trace types of the chart kinds
	PYTHONPATH=hooks $(PYTHON) $(PLOTLY_TOOL)/build.py $(PLOTLY_DIR) $(PLOTLY_VENDOR)

# The drawings cache goes; the HTML checker and Lighthouse installed below .cache/ stay (they
# take minutes and a network to install again).
clean: ## Remove the built site and caches (not the installed checkers)
	rm -rf site .pytest_cache
	@test ! -d .cache || find .cache -mindepth 1 -maxdepth 1 ! -path $(VNU_DIR) ! -path $(LIGHTHOUSE_DIR) -exec rm -rf {} +

new-explainer: $(RUNTIME) ## Start an explainer for another article: DIR=../anderer-artikel
	@test -n "$(DIR)" || { echo "Name the new folder: make new-explainer DIR=../anderer-artikel" >&2; exit 2; }
	@$(ENGINE) new "$(DIR)"

# The newer engine's own code does the copying: it knows what belongs to it. Then the schemas
# follow its models (after installing its requirements.txt, if that changed).
update-engine: $(RUNTIME) ## Take the engine of a newer explainer: FROM=../other-explainer
	@test -n "$(FROM)" || { echo "Name the explainer with the newer engine: make update-engine FROM=../other-explainer" >&2; exit 2; }
	@PYTHONPATH="$(FROM)/hooks" $(PYTHON) -m explainer update-engine .
	@$(MAKE) --no-print-directory schema
