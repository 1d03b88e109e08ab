"""Readers for the labelled sets in ``../shared/benchmarks/claims`` and the split decisions.

One place says which rows are for training and which are kept back for reporting, so that the
trainer and ``flashpoint bench claims`` can never disagree: ``is_training_row`` is the rule, the
numbers in ``train/data/config.json`` are its parameters.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import NotFoundError

CONFIG_PATH = Path(__file__).with_name("data") / "config.json"

NLI_SETS = ("mnli_binary", "fever_nli_binary", "snli_devtest", "cad_nli", "breaking_nli")
DOC_SETS = ("summedits_other_domains", "qags_cnndm", "cliff")


@functools.lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """The training configuration (seed, caps, held-out domains); see config.json."""
    return json.loads(CONFIG_PATH.read_text(encoding="utf-8"))


def claims_dir(shared: Path) -> Path:
    """``<shared>/benchmarks/claims``, checked to exist."""
    path = shared / "benchmarks" / "claims"
    if not path.is_dir():
        raise NotFoundError("E201", path=path, folder="claims")
    return path


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL file (blank lines skipped)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_set(shared: Path, name: str) -> list[dict[str, Any]]:
    """All rows of one training-folder set (``train/<name>.jsonl``)."""
    return list(read_jsonl(claims_dir(shared) / "train" / f"{name}.jsonl"))


def is_training_row(name: str, row: dict[str, Any]) -> bool:
    """Whether ``row`` of set ``name`` may be trained on (else it is kept back for reporting)."""
    cfg = config()
    if name == "summedits_other_domains":
        return row.get("domain") in cfg["summedits_train_domains"]
    if name == "breaking_nli":
        return row.get("category") not in cfg["breaking_nli_report_categories"]
    if name == "cliff":
        return row.get("split") == cfg["cliff_train_split"]
    return True


def frank_rows(shared: Path, split: str) -> list[dict[str, Any]]:
    """FRANK CNN/DM rows of one split (``valid`` or ``test``)."""
    rows = json.loads((claims_dir(shared) / "frank_cnndm.json").read_text(encoding="utf-8"))
    return [r for r in rows if r.get("split") == split]


def summedits_news(shared: Path) -> list[dict[str, Any]]:
    """The 133-row SummEdits news tuning split: reported on, never fitted on."""
    return json.loads((claims_dir(shared) / "summedits_news_tune.json").read_text(encoding="utf-8"))


__all__ = [
    "DOC_SETS", "NLI_SETS", "claims_dir", "config", "frank_rows", "is_training_row",
    "read_jsonl", "read_set", "summedits_news",
]
