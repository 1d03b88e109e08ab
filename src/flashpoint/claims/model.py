"""The statement model at run time: an int8 ONNX cross-encoder read by onnxruntime.

``claims/data/model/`` holds ``model.onnx`` (MiniLM-L6 fine-tuned here by ``make train-claims``;
see its MODEL_CARD.md) and ``tokenizer.json``. Only ``onnxruntime`` and ``tokenizers`` are
needed: torch stays out of the install (it would add ~700 MB and ~180 MB RSS per process).
The session is created once per process (``load``). ``probabilities`` is the one entry point and
takes a batch of pairs (callers hand it everything they have), but scores them one at a time:
the int8 model quantizes its activations with a scale taken from the whole input tensor, so in
a padded batch a pair's probabilities would depend on the other pairs beside it; alone, a
statement gets the same score whatever else is checked with it (on a CPU, batching MiniLM gains
little anyway). A pair already scored in this process is not scored again (``Scorer.memo``):
statements about one article repeat claims and premises (edited summaries, a claim re-read
against the window another claim was read against), and the same pair always gets the same
scores, so the memo changes no figure, only the time.

When the model files are missing the checker does not quietly fall back to word overlap: it
raises ``ModelError`` naming the files and how to rebuild them.

``FLASHPOINT_CLAIMS_MODEL`` names another model folder (same two files): a newly trained model
can be tried with the whole checker (``flashpoint bench claims --fit --model DIR``) before it
replaces the shipped one. ``model_hash`` identifies the weights a cached score came from.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

MODEL_DIR = Path(__file__).with_name("data") / "model"
MAX_LENGTH = 128  # the length the model was trained with (claims/train/data/config.json)
LABELS = ("entailment", "neutral", "contradiction")
THREADS_ENV = "FLASHPOINT_CLAIMS_THREADS"
MODEL_ENV = "FLASHPOINT_CLAIMS_MODEL"
_FILES = ("model.onnx", "tokenizer.json")
# Pairs remembered per loaded model (``Scorer.memo``); past this the memo starts afresh, which
# bounds its memory (~100 bytes of key text per pair, a few MB) in a long-running process.
MEMO_PAIRS = 20_000


def model_dir() -> Path:
    """The model folder in use: ``$FLASHPOINT_CLAIMS_MODEL`` when set, else the shipped one."""
    return Path(os.environ.get(MODEL_ENV) or MODEL_DIR)


@functools.lru_cache(maxsize=8)
def model_hash(folder: Path | None = None) -> str:
    """SHA-256 over the model and tokenizer files (the key of cached scores); E502 when missing."""
    folder = folder or model_dir()
    missing = [name for name in _FILES if not (folder / name).is_file()]
    if missing:
        raise ModelError("E502", path=str(folder), files=", ".join(missing))
    digest = hashlib.sha256()
    for name in _FILES:
        with (folder / name).open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


@dataclass
class Usage:
    """What the model has cost in this process: runs and their CPU seconds (``flashpoint bench
    speed`` prints the model's share of the checking from it)."""

    runs: int = 0
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class Scorer:
    """A loaded model: ``session`` (onnxruntime), ``tokenizer`` (tokenizers), ``memo``, the
    probabilities of the pairs it has already scored in this process, and its ``usage``."""

    session: Any
    tokenizer: Any
    input_names: tuple[str, ...]
    memo: dict[tuple[str, str], np.ndarray] = field(default_factory=dict, compare=False, hash=False, repr=False)
    usage: Usage = field(default_factory=Usage, compare=False, hash=False, repr=False)


def load(folder: Path | None = None) -> Scorer:
    """Load the model once per process (per folder); raise ``ModelError`` when it is missing or
    unreadable. ``folder`` defaults to ``model_dir()``.

    Threads: ``FLASHPOINT_CLAIMS_THREADS`` (default 1): the pipeline runs one worker per core,
    and one thread per session keeps workers from fighting over cores.
    """
    return _load(Path(folder or model_dir()))


@functools.lru_cache(maxsize=2)
def _load(model_dir: Path) -> Scorer:
    model_path, tok_path = model_dir / "model.onnx", model_dir / "tokenizer.json"
    missing = [p.name for p in (model_path, tok_path) if not p.is_file()]
    if missing:
        raise ModelError("E502", path=str(model_dir), files=", ".join(missing))
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError as e:
        raise ModelError("E503", path=str(model_dir), cause=f"onnxruntime and tokenizers are needed: {e}") from e
    opts = ort.SessionOptions()
    threads = int(os.environ.get(THREADS_ENV, "1") or 1)
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    try:
        session = ort.InferenceSession(str(model_path), sess_options=opts, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(tok_path))
    except Exception as e:
        raise ModelError("E503", path=str(model_dir), cause=f"{type(e).__name__}: {e}") from e
    # As in training: the longer side is cut first (the premise, unless the claim is longer).
    tokenizer.enable_truncation(max_length=MAX_LENGTH, strategy="longest_first")
    tokenizer.no_padding()
    return Scorer(session, tokenizer, tuple(i.name for i in session.get_inputs()))


def release() -> None:
    """Forget the loaded sessions (``pipeline.release_models``: a large ingest's final update
    needs no model); the next ``load`` creates them again."""
    _load.cache_clear()


def probabilities(pairs: Sequence[tuple[str, str]], *, scorer: Scorer | None = None) -> np.ndarray:
    """P(entailment, neutral, contradiction) for each (premise, hypothesis), shape (n, 3)."""
    out = np.zeros((len(pairs), 3), dtype=np.float32)
    if not pairs:
        return out
    scorer = scorer or load()
    for i, pair in enumerate(pairs):
        known = scorer.memo.get(pair)
        if known is not None:
            out[i] = known
            continue
        premise, hypothesis = pair
        enc = scorer.tokenizer.encode(premise, hypothesis)
        feed = {
            "input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(enc.ids)), dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64),
        }
        started = time.process_time()
        logits = scorer.session.run(["logits"], {k: v for k, v in feed.items() if k in scorer.input_names})[0][0]
        scorer.usage.runs += 1
        scorer.usage.cpu_seconds += time.process_time() - started
        e = np.exp(logits - logits.max())
        out[i] = e / e.sum()
        if len(scorer.memo) >= MEMO_PAIRS:
            scorer.memo.clear()
        scorer.memo[(premise, hypothesis)] = out[i].copy()
    return out


__all__ = [
    "LABELS", "MAX_LENGTH", "MODEL_DIR", "MODEL_ENV", "Scorer", "Usage", "load", "model_dir", "model_hash", "probabilities",
    "release",
]
