"""Build the training pairs: public NLI sets as they are, document sets through retrieval.

Document-level sets (SummEdits non-news domains, QAGS, CLIFF val) pair a whole document with a
summary; the premise is cut from the document by ``claims.evidence.premise``, the function the
runtime checker uses, so train and test premises are of one kind. Documents are split into
sentences by the same spaCy pipeline the runtime uses (``flashpoint.nlp``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ...nlp import parse_many
from ..evidence import premise
from .sets import DOC_SETS, NLI_SETS, config, frank_rows, is_training_row, read_set, summedits_news
from .summary import make_summary_pairs
from .synthetic import make_pairs

BINARY = {"1": "entailment", "0": "not_entailment", 1: "entailment", 0: "not_entailment"}
NLI_LABELS = {"entailment", "neutral", "contradiction", "not_entailment"}


def _sentences(docs: Iterable[Any]) -> list[list[str]]:
    return [[s.text.strip() for s in d.sents if s.text.strip()] for d in docs]


def nli_pairs(shared: Path, name: str) -> list[dict[str, str]]:
    """The trainable rows of an NLI set as pairs (labels as given; binary sets keep 2 labels)."""
    out = []
    for row in read_set(shared, name):
        label = row.get("label")
        if label not in NLI_LABELS or not is_training_row(name, row):
            continue
        out.append({"premise": " ".join(row["premise"].split()), "hypothesis": " ".join(row["hypothesis"].split()),
                    "label": label, "source": name})
    return out


def doc_pairs(rows: Sequence[dict[str, Any]], name: str, parsed: dict[str, list[str]]) -> list[dict[str, str]]:
    """Document/summary rows as (retrieved premise, summary) pairs with binary labels."""
    return [
        {"premise": premise(parsed[r["doc"]], r["summary"]), "hypothesis": " ".join(r["summary"].split()),
         "label": BINARY[r["label"]], "source": name}
        for r in rows
    ]


def build(shared: Path, cfg: dict[str, Any] | None = None, *, log: Any = print) -> list[dict[str, str]]:
    """Every training pair, capped per source as ``cfg`` (config.json) says, in a seeded order."""
    cfg = cfg or config()
    rng = random.Random(cfg["seed"])
    caps = cfg["caps"]
    pairs: list[dict[str, str]] = []
    for name in NLI_SETS:
        got = nli_pairs(shared, name)
        rng.shuffle(got)
        pairs.extend(got[: caps[name]])
        log(f"{name}: {min(len(got), caps[name])} of {len(got)} trainable pairs")
    # An article a reported figure is measured on is never trained on, not even as text for
    # synthetic pairs (CNN/DM articles recur across QAGS, CLIFF, FRANK and SummEdits news).
    banned = reported_docs(shared) if cfg.get("drop_reported_articles") else set()
    doc_rows = {}
    for name in DOC_SETS:
        rows = [r for r in read_set(shared, name) if is_training_row(name, r) and _key(r["doc"]) not in banned]
        rng.shuffle(rows)
        doc_rows[name] = rows[: caps[name]]
        log(f"{name}: {len(doc_rows[name])} of {len(rows)} trainable pairs")
    news_docs = list(dict.fromkeys(
        [r["article"] for r in frank_rows(shared, "valid")]
        + [r["doc"] for r in read_set(shared, "qags_cnndm") if is_training_row("qags_cnndm", r)]
        + [r["doc"] for r in read_set(shared, "cliff") if is_training_row("cliff", r)]
    ))
    news_docs = [t for t in news_docs if _key(t) not in banned]
    rng.shuffle(news_docs)
    news_docs = news_docs[: max(2, caps["synthetic_news"] // cfg["synthetic_sentences_per_doc"])]
    texts = list(dict.fromkeys([*(r["doc"] for rows in doc_rows.values() for r in rows), *news_docs]))
    log(f"parsing {len(texts)} documents for sentences and entities")
    docs = dict(zip(texts, parse_many(texts)))
    sentences = {t: s for t, s in zip(docs, _sentences(docs.values()))}
    for name, rows in doc_rows.items():
        pairs.extend(doc_pairs(rows, name, sentences))
    synth = make_pairs([docs[t] for t in news_docs], per_doc=cfg["synthetic_sentences_per_doc"], seed=cfg["seed"])
    rng.shuffle(synth)
    pairs.extend(synth[: caps["synthetic_news"]])
    log(f"synthetic_news: {min(len(synth), caps['synthetic_news'])} of {len(synth)} pairs from {len(news_docs)} articles")
    if caps.get("summary_news"):
        # Summary-style claims (what the checker meets in news summaries) mixed into the one run,
        # not a second stage: the continued stage 2 forgot the minimal edits SummEdits tests.
        summary = make_summary_pairs([docs[t] for t in news_docs], per_doc=cfg["summary_sentences_per_doc"],
                                     seed=cfg["seed"])
        for p in summary:
            del p["doc"]
        rng.shuffle(summary)
        summary = (summary * cfg.get("summary_repeats", 1))[: caps["summary_news"]]
        pairs.extend(summary)
        log(f"summary_news: {len(summary)} pairs from {len(news_docs)} articles")
    rng.shuffle(pairs)
    return pairs


def _key(text: str) -> str:
    return " ".join(text.split())[:200].lower()


def reported_docs(shared: Path) -> set[str]:
    """Keys (first 200 characters) of every article a reported figure is measured on: SummEdits
    news, FRANK test, CLIFF test. CNN/DM articles recur across these sets, so a training article
    is dropped when it is one of them (stage 2 trains on articles, not only on their labels)."""
    keys = {_key(r["doc"]) for r in summedits_news(shared)}
    keys |= {_key(r["article"]) for r in frank_rows(shared, "test")}
    keys |= {_key(r["doc"]) for r in read_set(shared, "cliff") if not is_training_row("cliff", r)}
    return keys


def build_stage2(shared: Path, cfg: dict[str, Any], *, log: Any = print) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Stage-2 ``(train, dev)`` pairs: summary-style news pairs (``summary.py``) and stage-1-style
    synthetic pairs from the trainable news articles, the real QAGS / CLIFF-val summary sentences,
    and a replay share of the stage-1 NLI sets so the model keeps what it learned there
    (caps in config.json ``stage2``). The dev pairs are the summary-style pairs of held-out
    articles plus a slice of the replay, so the kept checkpoint is chosen on the new kind of pair
    without forgetting the old."""
    s2 = cfg["stage2"]
    rng = random.Random(cfg["seed"] + 2)
    replay: list[dict[str, str]] = []
    for name in NLI_SETS:
        got = nli_pairs(shared, name)
        rng.shuffle(got)
        replay.extend(got[: s2["replay_caps"][name]])
        log(f"replay {name}: {min(len(got), s2['replay_caps'][name])} of {len(got)}")
    banned = reported_docs(shared)
    doc_rows = {}
    for name in DOC_SETS:
        rows = [r for r in read_set(shared, name) if is_training_row(name, r) and _key(r["doc"]) not in banned]
        rng.shuffle(rows)
        doc_rows[name] = rows[: s2["replay_caps"][name]]
        log(f"{name}: {len(doc_rows[name])} of {len(rows)} trainable pairs (reported articles dropped)")
    news_docs = list(dict.fromkeys(
        [r["article"] for r in frank_rows(shared, "valid")]
        + [r["doc"] for r in read_set(shared, "qags_cnndm") if is_training_row("qags_cnndm", r)]
        + [r["doc"] for r in read_set(shared, "cliff") if is_training_row("cliff", r)]
    ))
    dropped = [t for t in news_docs if _key(t) in banned]
    news_docs = [t for t in news_docs if _key(t) not in banned]
    log(f"{len(news_docs)} news articles for synthetic pairs ({len(dropped)} dropped: reported elsewhere)")
    rng.shuffle(news_docs)
    texts = list(dict.fromkeys([*(r["doc"] for rows in doc_rows.values() for r in rows), *news_docs]))
    log(f"parsing {len(texts)} documents")
    docs = dict(zip(texts, parse_many(texts)))
    sentences = {t: s for t, s in zip(docs, _sentences(docs.values()))}
    real = [p for name, rows in doc_rows.items() for p in doc_pairs(rows, name, sentences)]
    summary = make_summary_pairs([docs[t] for t in news_docs], per_doc=s2["summary_sentences_per_doc"], seed=cfg["seed"])
    dev_docs = {str(i) for i in range(s2["dev_articles"])}
    dev_summary = [p for p in summary if p["doc"] in dev_docs]
    summary = [p for p in summary if p["doc"] not in dev_docs]
    for p in (*summary, *dev_summary):
        del p["doc"]
    train_news = [docs[t] for i, t in enumerate(news_docs) if str(i) not in dev_docs]
    synth = make_pairs(train_news, per_doc=cfg["synthetic_sentences_per_doc"], seed=cfg["seed"] + 2)
    rng.shuffle(synth)
    synth = synth[: s2["synthetic_news"]]
    log(f"summary_news: {len(summary)} training + {len(dev_summary)} dev pairs; synthetic_news: {len(synth)}; real summaries: {len(real)}")
    rng.shuffle(replay)
    dev = dev_summary + replay[: s2["dev_replay"]]
    train_pairs = summary + synth + real * s2["real_repeats"] + replay[s2["dev_replay"] :]
    rng.shuffle(train_pairs)
    return train_pairs, dev


__all__ = ["build", "build_stage2", "doc_pairs", "nli_pairs", "reported_docs"]
