# The README's two commands: `make run` and `make test`. Both set up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS := $(VENV)/.installed-extras
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: setup run test test-fast lint clean-venv

# every set-up starts so: the venv, a current pip, then torch, pinned (an unpinned torch would pull a
# multi-GB CUDA build)
define BASE
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install torch==2.13.0
endef

$(STAMP): pyproject.toml Makefile
	$(BASE)
	$(PIP) install -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

# Set up and run on the embedded default corpus (corpus/): prepare the model, build or update
# the index, then serve the chat UI on http://127.0.0.1:7860 (Ctrl-C stops it).
run: setup
	$(BIN)/ragbot ingest
	$(BIN)/ragbot serve --host 127.0.0.1 --port 7860

# the optional extras, so their tests run on the real thing: the generators, the peer baselines
# of `ragbot eval`, the Milvus store and the build on Ray. llama-cpp-python compiles llama.cpp
# (PyPI has no wheel; pip caches the one it builds): for the tests' tiny model it is built at -O1
# and without the vision library, 150 s instead of 250 s on 2 cores. To generate with it, install
# `pip install 'ragbot[llama]'` (the full build), or run make with LLAMA_CMAKE_ARGS= .
LLAMA_CMAKE_ARGS ?= -DLLAVA_BUILD=OFF -DCMAKE_C_FLAGS_RELEASE=-O1 -DCMAKE_CXX_FLAGS_RELEASE=-O1
# one pip run installs everything (not the set-up's and then the extras: one resolve and one editable build fewer)
$(EXTRAS): pyproject.toml Makefile
	$(BASE)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install -e '.[dev,llama,hf,eval,milvus,scale]'
	@touch $(STAMP) $(EXTRAS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# two workers, a test file each at a time (its module fixtures, servers and browser stay in one
# process), each running models on its share of the cores (tests/conftest.py), the run's real index
# built on every core by one worker while the other waits: on 2 cores about 7.5 minutes on an AVX-512
# VNNI machine (440 s on 2026-12-03, 841 tests); an AVX2 one embeds 2.3x slower
test: $(EXTRAS) lint
	$(BIN)/pytest -n 2 --dist loadfile

# the inner loop: every test not marked slow (no servers, browsers, real index builds or SIGKILL
# trials); about half a minute here. `make test` (and CI) run everything.
test-fast: setup
	$(BIN)/pytest -m "not slow" -q

clean-venv:
	rm -rf $(VENV)
