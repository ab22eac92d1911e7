# sitrep: two commands on a fresh machine, `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := $(firstword $(wildcard ../shared/eval/seed/article.txt) examples/seed_article.txt)
GOLD := $(firstword $(wildcard ../shared/eval/seed/gold.json))

.PHONY: run test eval bench fuzz load setup clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/sitrep analyze $(SEED)

# the browser tests (tests/web) drive Debian's chromium; install it when missing (sudo only when not root)
CHROMIUM_INSTALL = command -v chromium >/dev/null || { S=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	$$S apt-get update && $$S apt-get install -y chromium chromium-driver; } || echo "chromium not installed: tests/web will skip"

test: $(STAMP)
	@$(CHROMIUM_INSTALL)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m bench.run_eval

bench: $(STAMP)
	$(BIN)/python -m bench.run_bench

fuzz: $(STAMP)
	$(BIN)/python -m bench.fuzz

load: $(STAMP)
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) build dist src/*.egg-info
