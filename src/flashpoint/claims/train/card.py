"""The model card written beside the weights: what data, which licences, how trained, figures.

Licences are copied from the rows of ``../shared/benchmarks/claims/train/README.md`` that name
each set used, so the card says what the data's providers say. Benchmark figures are added by
``flashpoint bench claims --card`` after training (they need the runtime checker).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def licence_rows(shared: Path, names: Sequence[str]) -> list[str]:
    """The README table rows (source, size, licence) of the sets in ``names``."""
    readme = (shared / "benchmarks" / "claims" / "train" / "README.md").read_text(encoding="utf-8")
    return [line for line in readme.splitlines() if line.startswith("|") and any(f"`{n}.jsonl`" in line for n in names)]


def _history_rows(result: dict[str, Any]) -> list[str]:
    """The dev history table's rows and the kept step: both stages' cards print them alike."""
    return [
        *(f"| {h['step']} | {h['pairs']} | {h['loss']:.3f} | {h['balanced_accuracy']:.3f} |" for h in result["history"]),
        "",
        f"Kept: step {result['best']['step']} (dev loss {result['best']['loss']:.3f}).",
    ]


def _summary_paragraph(cfg: dict[str, Any]) -> list[str]:
    """What the summary-style pairs mixed into stage 1 are, when the recipe has them."""
    lines = []
    if cfg["caps"].get("summary_news"):
        lines += [
            "",
            ("Summary-style news pairs (`claims/train/summary.py`, the same articles, "
            f"{cfg['summary_sentences_per_doc']} sentences each, repeated x{cfg.get('summary_repeats', 1)} up to "
            f"{cfg['caps']['summary_news']}), mixed into the one run: a sentence compressed (attribution and "
            "adjuncts dropped) or its subject pronoun named from the sentence before -> entailment; that claim "
            "with an entity, number or roles swapped, negation, an antonym or the pronoun given another person "
            "-> contradiction; a fact from another article inserted, or the claim read without its sentence -> "
            "neutral. (The same pairs as a continued second stage were refused: see Figures.)"),
        ]
    if cfg.get("drop_reported_articles"):
        lines += ["", ("Articles a reported figure is measured on (SummEdits news, FRANK test, CLIFF test; CNN/DM "
                  "articles recur across sets) were dropped from every document set and from the synthetic text.")]
    return lines


def _earlier_figures(path: Path) -> list[str]:
    """The figures the card held for earlier models: kept below, as their record."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    figures = old.split("\n## Figures", 1)[1].strip() if "\n## Figures" in old else ""
    figures = figures.replace("(Written by `flashpoint bench claims --card` after training.)", "").strip()
    return ["### Earlier models (their figures as measured then)", "", figures, ""] if figures else []


def write_card(path: Path, *, shared: Path, cfg: dict[str, Any], pairs: Sequence[dict[str, str]],
               dev: Sequence[dict[str, str]], result: dict[str, Any], model_bytes: int) -> None:
    """Write MODEL_CARD.md (training part); the bench appends its figures under '## Figures'."""
    counts = Counter({tuple(k.split("|")): n for k, n in result["seen_counts"].items()})
    by_source = Counter(p["source"] for p in pairs)
    lines = [
        "# Flashpoint statement checker: MiniLM-L6 cross-encoder (int8 ONNX)",
        "",
        "Reads (article evidence, statement) and gives P(entailment), P(neutral), P(contradiction).",
        f"Base: {cfg['base_model']}. Fine-tuned here by `make train-claims` on 2 CPU cores; exported to",
        f"ONNX opset 17 and quantized to int8 (`model.onnx`, {model_bytes / 1e6:.1f} MB) with the",
        "BERT word-piece `tokenizer.json` of the base model. Runtime: onnxruntime + tokenizers, no torch.",
        "",
        "## Data used (all from `../shared/benchmarks/claims/train/`; nothing else was read)",
        "",
        "| file | source | pairs | labels / note | licence |",
        "|---|---|---|---|---|",
        *licence_rows(shared, list(by_source)),
        "",
        "Kept back for reporting, never trained on: SummEdits domains "
        + ", ".join(cfg["summedits_report_domains"]) + "; Breaking-NLI categories "
        + ", ".join(cfg["breaking_nli_report_categories"]) + "; CLIFF test split; FRANK test; "
        "the SummEdits news tuning split. FRANK *valid* articles (not their labels) were used as "
        "text for synthetic pairs.",
        "",
        "Pairs trained on, per source and label (counted as they were fed, up to the wall-clock stop):",
        "",
        "| source | label | pairs |",
        "|---|---|---|",
        *(f"| {s} | {lab} | {n} |" for (s, lab), n in sorted(counts.items())),
        "",
        "Synthetic news pairs (FactCC-style, `claims/train/synthetic.py`): sentences of FRANK-valid,",
        "QAGS and CLIFF-val articles; entity/number/date swaps, role reversal, negation, antonyms",
        "-> contradiction; the sentence or the sentence less an adjunct/attribution -> entailment;",
        "a sentence whose evidence was removed, or one from another article -> neutral.",
        *_summary_paragraph(cfg),
        "",
        "## Training",
        "",
        (f"Seed {cfg['seed']}; batch {cfg['batch_size']}; AdamW lr {cfg['learning_rate']}, weight decay "
         f"{cfg['weight_decay']}, linear warm-up {cfg['warmup_fraction']:.0%} then linear decay; max length "
         f"{cfg['max_length']} word pieces (the longer side cut first: the premise, unless the claim is longer); "
         f"{cfg['threads']} threads; word embeddings and the lowest {cfg.get('frozen_layers', 0)} layers frozen; "
         f"wall-clock stop {cfg['stop_at_utc']} UTC (the learning-rate schedule is re-planned every 10 steps "
         "from the measured speed so that it ends at the stop; `make train-claims STEPS=n` trains exactly n "
         "steps instead). Binary labels use the loss -log(p_neutral + p_contradiction)."),
        (f"Steps run: {result['steps']} of {result['planned_steps']} planned ({result['pairs_seen']} pairs seen) "
         f"in {result['seconds']} s. Held-out dev slice: {len(dev)} pairs of the same sources."),
        "",
        "Dev history (loss; entailed-vs-not balanced accuracy at p_entailment >= 0.5):",
        "",
        "| step | pairs | loss | balanced acc. |",
        "|---|---|---|---|",
        *_history_rows(result),
        "",
        "## Figures",
        "",
        "(Written by `flashpoint bench claims --card` after training.)",
        "",
        *_earlier_figures(path),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    (path.parent / "training.json").write_text(
        json.dumps({"config": cfg, "result": result, "pairs": dict(sorted(by_source.items()))}, indent=1) + "\n",
        encoding="utf-8",
    )


def write_stage2(path: Path, *, cfg: dict[str, Any], pairs: Sequence[dict[str, str]], dev: Sequence[dict[str, str]],
                 result: dict[str, Any], model_bytes: int, init: Path) -> None:
    """Add the stage-2 section to the stage-1 card at ``path`` (what stage 1 wrote there, up to its
    figures) and keep stage 1's record inside training.json under ``stage1``."""
    s2 = cfg["stage2"]
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    head = old.split("\n## Stage 2", 1)[0].split("\n## Figures", 1)[0].rstrip()
    # The figures measured so far stay (the bench adds this model's on top of them).
    figures = old.split("\n## Figures", 1)[1].strip() if "\n## Figures" in old else ""
    figures = figures or "(Written by `flashpoint bench claims --card` after training.)"
    head = re.sub(r"`model.onnx`, [0-9.]+ MB", f"`model.onnx`, {model_bytes / 1e6:.1f} MB", head)
    counts = Counter({tuple(k.split("|")): n for k, n in result["seen_counts"].items()})
    lines = [
        head,
        "",
        "## Stage 2: continued fine-tune on summary-style news claims",
        "",
        (f"`python -m flashpoint.claims.train --stage 2 --init {init}` (the second half of `make train-claims`) "
         "continues from the stage-1 weights above. Why: the runtime reads a *claim* of a machine-written "
         "summary (compressed, its pronoun's agent named) against a window of 1-2 adjacent article sentences "
         "(`claims/evidence.candidate_windows` + `claims/judge.premise_text`), which stage 1's pairs "
         "(NLI sets, near-copies of one article sentence) rarely show. Its pairs (`claims/train/summary.py`, "
         "from the FRANK-valid / QAGS / CLIFF-val articles, less any article a reported figure is measured on): "
         "a sentence compressed (attribution and adjuncts dropped) or with its subject pronoun named from "
         "the sentence before (premise: both sentences) -> entailment; that claim with an entity, number or "
         "roles swapped, negation added or removed, an antonym, or the pronoun given another person -> "
         "contradiction; a fact (an adjunct naming a place, date or organisation) from another article "
         "inserted, or the claim read against the article without its sentence -> neutral. Mixed with "
         "stage-1-style synthetic pairs, the real QAGS / CLIFF-val summary sentences (x"
         f"{s2['real_repeats']}) and a replay of the NLI sets."),
        "",
        (f"Seed {cfg['seed']}; batch {cfg['batch_size']}; AdamW lr {s2['learning_rate']}, warm-up "
         f"{s2['warmup_fraction']:.0%}; {s2['threads']} thread; max length {cfg['max_length']}; wall-clock stop "
         f"{s2['stop_at_utc']} UTC with the same re-planning as stage 1 (`make train-claims STEPS2=n` trains exactly "
         f"n steps). Steps run: {result['steps']} of {result['planned_steps']} in the plan ({result['pairs_seen']} "
         f"pairs seen) in {result['seconds']} s. Dev: {len(dev)} pairs ({s2['dev_articles']} held-out articles' "
         f"summary-style pairs + {s2['dev_replay']} replay pairs); the stage-1 weights are the first candidate."),
        "",
        "Pairs trained on in stage 2, per source and label (as fed, up to the stop):",
        "",
        "| source | label | pairs |",
        "|---|---|---|",
        *(f"| {src} | {lab} | {n} |" for (src, lab), n in sorted(counts.items())),
        "",
        "| step | pairs | dev loss | balanced acc. |",
        "|---|---|---|---|",
        *_history_rows(result),
        "",
        "## Figures",
        "",
        figures,
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    record = path.parent / "training.json"
    stage1 = json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}
    stage1 = stage1.get("stage1", stage1)
    by_source = Counter(p["source"] for p in pairs)
    record.write_text(
        json.dumps({"config": cfg, "result": result, "pairs": dict(sorted(by_source.items())), "stage1": stage1},
                   indent=1) + "\n",
        encoding="utf-8",
    )


__all__ = ["licence_rows", "write_card", "write_stage2"]
