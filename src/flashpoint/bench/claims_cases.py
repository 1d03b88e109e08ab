"""The labelled (article, statement) cases the statement checker is measured on.

Every loader returns ``Case`` rows with ``label`` 1 when the article supports the statement. Which
rows may be reported is decided in one place, ``claims.train.sets.is_training_row`` (with its
config): the SummEdits domains, Breaking-NLI categories and CLIFF split kept back from training
are the ones loaded here, so a reported figure never comes from data the model was fitted on.

- SummEdits news tuning split (133 edited one-sentence summaries of scraped news pages; the
  page is cleaned by ``flashpoint.ingest`` first, as the pipeline would): never fitted on.
- FRANK CNN/DM: ``valid`` is where the verdict combiner is fitted (labels used), ``test`` is
  reported.
- SummEdits non-news domains kept back from training (``summedits_report_domains``).
- CLIFF ``test`` split (the ``val`` split was trained on).
- Breaking NLI, the country and nationality swaps (kept back from training).
QAGS was trained on and is not reported.
- ``load_fit_extra``: QAGS CNN/DM and CLIFF ``val``, news-like document-level sets the model was
  trained on: never reported, but the verdict combiner may be fitted on them beside FRANK valid
  (375 statements of 75 articles alone are too few to weigh ~45 features).

``build_cases`` makes FactCC-style cases from the bundled sample articles (``examples/``, never
trained on): a sentence or a shortened copy of it is supported, an entity/number/role swap,
negation or antonym of it is not (``claims.train.synthetic``'s operations). They join FRANK
valid as data the verdict combiner may be fitted on, never reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..claims.train.sets import config, is_training_row, read_jsonl
from ..errors import InputError
from ..records import content_id

SUMMEDITS_FILE = "summedits_news_tune.json"
FRANK_FILE = "frank_cnndm.json"


@dataclass(frozen=True)
class Case:
    """One labelled pair: ``label`` is 1 when the article supports the statement."""

    article: str
    statement: str
    label: int
    group: str  # the article's id: cross-validation folds never split an article
    dataset: str
    split: str = ""
    edit_types: tuple[str, ...] = ()
    clean: bool = False  # a scraped page that the ingest cleaner must turn into its body first


def _load_json(path: Path) -> list[dict[str, Any]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError("E115", path=path, reason=e) from e


def _edit_types(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        try:
            value = json.loads(value.replace("'", '"'))
        except ValueError:
            return (value,) if value else ()
    return tuple(str(v) for v in value or ())


def load_summedits_news(path: Path) -> list[Case]:
    """The SummEdits news tuning split (``path`` = the benchmarks/claims folder)."""
    return [
        Case(r["doc"], r["summary"], int(r["label"]), content_id(r["doc"]), "summedits_news",
             str(r.get("split", "")), _edit_types(r.get("edit_types")), clean=True)
        for r in _load_json(path / SUMMEDITS_FILE)
    ]


def load_frank(path: Path, split: str) -> list[Case]:
    """FRANK CNN/DM summaries of one split; consistent when ``factuality == 1.0``."""
    return [
        Case(r["article"], r["summary"], 1 if float(r["factuality"]) == 1.0 else 0,
             content_id(r["article"]), "frank", split)
        for r in _load_json(path / FRANK_FILE)
        if r.get("split") == split
    ]


def build_cases(examples: Path, *, per_doc: int = 6, seed: int = 13) -> list[Case]:
    """FactCC-style cases from the English sample articles under ``examples`` (see above)."""
    from ..claims.train.synthetic import make_pairs
    from ..ingest import read_path
    from ..nlp import parse_many
    from ..records import Article

    articles = [a.text for a in read_path(examples) if isinstance(a, Article) and a.text.strip()]
    out: list[Case] = []
    for n, (text, doc) in enumerate(zip(articles, parse_many(articles))):
        sentences = {s.text.strip() for s in doc.sents}
        for pair in make_pairs([doc], per_doc=per_doc, seed=seed + n):
            if pair["label"] == "neutral" and pair["hypothesis"] in sentences:
                continue  # a sentence of this very article: supported by the whole article
            label = 1 if pair["label"] == "entailment" else 0
            out.append(Case(text, pair["hypothesis"], label, content_id(text), "built", "examples", (pair["label"],)))
    return out


def _train_rows(path: Path, name: str) -> list[dict[str, Any]]:
    return list(read_jsonl(path / "train" / f"{name}.jsonl"))


def load_summedits_domains(path: Path) -> dict[str, list[Case]]:
    """The SummEdits non-news domains kept back from training, by domain."""
    out: dict[str, list[Case]] = {d: [] for d in config()["summedits_report_domains"]}
    for r in _train_rows(path, "summedits_other_domains"):
        if is_training_row("summedits_other_domains", r) or r.get("domain") not in out:
            continue
        out[r["domain"]].append(
            Case(r["doc"], r["summary"], int(r["label"]), content_id(r["doc"]), f"summedits_{r['domain']}",
                 str(r.get("split", "")), _edit_types(r.get("edit_types")))
        )
    return out


def load_cliff_test(path: Path) -> list[Case]:
    """CLIFF (CNN/DM and XSum system summaries), the split not trained on."""
    return [
        Case(r["doc"], r["summary"], int(r["label"]), content_id(r["doc"]), "cliff", "test",
             _edit_types(r.get("error_type")))
        for r in _train_rows(path, "cliff")
        if not is_training_row("cliff", r)
    ]


def load_fit_extra(path: Path) -> list[Case]:
    """QAGS CNN/DM and CLIFF ``val`` (the training rows of these document-level sets): cases the
    combiner may be fitted on and that are never reported. A set whose file is absent is left out."""
    out: list[Case] = []
    for name, dataset in (("qags_cnndm", "qags"), ("cliff", "cliff_val")):
        if not (path / "train" / f"{name}.jsonl").is_file():
            continue
        out += [
            Case(r["doc"], r["summary"], int(r["label"]), content_id(r["doc"]), dataset, "fit")
            for r in _train_rows(path, name)
            if is_training_row(name, r)
        ]
    return out


def load_breaking_nli(path: Path) -> list[Case]:
    """Breaking NLI's country and nationality swaps (kept back from training)."""
    return [
        Case(r["premise"], r["hypothesis"], 1 if r["label"] == "entailment" else 0, content_id(r["premise"]),
             "breaking_nli", str(r.get("category", "")), (str(r.get("category", "")),))
        for r in _train_rows(path, "breaking_nli")
        if not is_training_row("breaking_nli", r)
    ]


__all__ = [
    "Case", "build_cases", "load_breaking_nli", "load_cliff_test", "load_fit_extra", "load_frank", "load_summedits_domains",
    "load_summedits_news",
]
