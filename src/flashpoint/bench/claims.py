"""``flashpoint bench claims``: the statement checker on data it was never fitted on.

What is read where (``claims_cases``): the model was trained on the sets that
``claims.train.sets.is_training_row`` allows; the verdict combiner is fitted on FRANK CNN/DM
valid (``claims_fit``); everything reported here is neither:

- SummEdits news tuning split (balanced accuracy, recall per edit type);
- FRANK CNN/DM test; CLIFF test; the SummEdits domains kept back from training, by domain
  (a seeded sample of ``SAMPLE["summedits_domain"]`` statements each);
- Breaking NLI country/nationality swaps (a seeded sample; share not called supported: all
  are contradictions);
- the development pages (``../shared/benchmarks/pages``, via ``bench.pages``): statements
  found, three-way verdict accuracy and supported-vs-not;
- statements per second including the article parse (one process, model on one thread).

``--fit`` chooses a combiner for a model and compares it with the shipped one
(``claims_candidate``; written to ``--out``, installed only with ``--install``); ``--card``
appends the figures to the model card.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import checkout
from . import floors
from .claims_cases import (
    Case,
    load_breaking_nli,
    load_cliff_test,
    load_frank,
    load_summedits_domains,
    load_summedits_news,
)
from .claims_fit import balanced_accuracy, choose
from .claims_run import Row, RunStats, run
from .floors import below_floors

CARD_PATH = Path(__file__).resolve().parents[1] / "claims" / "data" / "model" / "MODEL_CARD.md"
# Large sets are measured on a seeded sample of this many statements so that the report (and
# the gate that runs it) stays within minutes on a laptop; the sample sizes are in the report.
SAMPLE = {"summedits_domain": 200, "breaking_nli": 400}
# The CI gate (tests/test_claims_gate.py) runs ``report(quick=True)``: every reported set cut to
# a seeded sample of this many statements, so that the whole suite stays within minutes; its
# floors are pinned from the same quick run.
QUICK = 120
SEED = 13


def _sample(cases: list[Case], n: int) -> list[Case]:
    """A seeded sample of ``n`` cases (all when there are fewer), in their original order."""
    if len(cases) <= n:
        return cases
    keep = sorted(random.Random(SEED).sample(range(len(cases)), n))
    return [cases[i] for i in keep]


@dataclass
class Report:
    """Every figure of one run (``to_dict`` is the JSON of ``--format json``)."""

    sets: dict[str, dict[str, Any]] = field(default_factory=dict)
    pages: dict[str, Any] | None = None
    speed: dict[str, Any] | None = None
    combiner: dict[str, Any] | None = None
    skipped: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The flat figures the gate pins floors on."""
        out = {f"{name}_balanced_accuracy": s["balanced_accuracy"] for name, s in self.sets.items()
               if name != "breaking_nli"}
        if "breaking_nli" in self.sets:
            out["breaking_nli_not_supported"] = self.sets["breaking_nli"]["recall_unsupported"]
        if self.pages:
            out["pages_statements_found"] = self.pages["found"]
            out["pages_three_way"] = self.pages["three_way"]
            out["pages_supported_vs_not"] = self.pages["supported_vs_not"]
        return {k: round(v, 4) for k, v in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {"sets": self.sets, "pages": self.pages, "speed": self.speed, "combiner": self.combiner,
                "skipped": self.skipped, "figures": self.figures()}


def metrics(rows: Sequence[Row]) -> dict[str, Any]:
    """Balanced accuracy, recall per class and per edit type, verdict counts."""
    pos = [r.verdict == "supported" for r in rows if r.case.label == 1]
    neg = [r.verdict != "supported" for r in rows if r.case.label == 0]
    by_type: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        if r.case.label == 0:
            for t in r.case.edit_types or ("unlabelled",):
                by_type[t].append(r.verdict != "supported")
    verdicts: dict[str, int] = defaultdict(int)
    for r in rows:
        verdicts[r.verdict] += 1
    return {
        "n": len(rows),
        "balanced_accuracy": round(balanced_accuracy(rows, [r.verdict == "supported" for r in rows]), 4),
        "recall_supported": round(sum(pos) / len(pos), 4) if pos else None,
        "recall_unsupported": round(sum(neg) / len(neg), 4) if neg else None,
        "recall_per_edit_type": {t: round(sum(v) / len(v), 4) for t, v in sorted(by_type.items())},
        "verdicts": dict(sorted(verdicts.items())),
    }


def pages_figures(pages_path: Path) -> dict[str, Any] | None:
    """Statements found and verdicts right on the development pages (the whole analyze path)."""
    from . import pages

    if not (pages_path / "KEY.json").is_file():
        return None
    totals = pages.run(pages_path).to_dict()["totals"]
    expected = totals["statements_expected"] or 1
    return {
        "statements_expected": totals["statements_expected"],
        "statements_emitted": totals["statements_emitted"],
        "found": min(totals["statements_emitted"], totals["statements_expected"]) / expected,
        "three_way": totals["verdicts_right"] / expected,
        "supported_vs_not": totals["supported_right"] / expected,
    }


def report(path: Path, *, pages_path: Path | None = None, quick: bool = False) -> Report:
    """Run every benchmark present under ``path`` (the benchmarks/claims folder).

    ``quick`` measures a seeded sample of ``QUICK`` statements per set (the CI gate's mode).
    """
    rep = Report()
    if not path.is_dir():
        rep.skipped.append(f"claims benchmarks not found at {path}")
        return rep
    frank_valid = run(load_frank(path, "valid")).rows if not quick else []
    _, scores = choose(frank_valid) if frank_valid else ("", {})
    from ..claims.lexicon import verdict_settings

    rep.combiner = {"fitted_on": verdict_settings().fitted_on, "frank_valid_cv_balanced_accuracy": scores}
    sets: dict[str, list[Case]] = {"summedits_news": load_summedits_news(path), "frank_test": load_frank(path, "test"),
                                   "cliff_test": load_cliff_test(path)}
    sets.update({f"summedits_{d}": _sample(cases, SAMPLE["summedits_domain"])
                 for d, cases in load_summedits_domains(path).items()})
    sets["breaking_nli"] = _sample(load_breaking_nli(path), SAMPLE["breaking_nli"])
    if quick:
        sets = {name: _sample(cases, QUICK) for name, cases in sets.items()}
    timed: RunStats | None = None
    for name, cases in sets.items():
        if not cases:
            rep.skipped.append(f"{name}: no cases")
            continue
        stats = run(cases)
        rep.sets[name] = metrics(stats.rows)
        if name == "summedits_news":
            timed = stats
    if timed is not None:
        rep.speed = {"set": "summedits_news", "statements": len(timed.rows), "articles": timed.articles,
                     "seconds": round(timed.seconds, 2), "statements_per_s": round(timed.statements_per_s, 1)}
    pages_found = pages_figures(pages_path) if pages_path is not None else None
    if pages_found is None:
        rep.skipped.append(f"development pages not found at {pages_path}")
    rep.pages = pages_found
    return rep


def write_card(rep: Report, path: Path = CARD_PATH) -> None:
    """Replace the model card's '## Figures' section with this run's figures."""
    text = path.read_text(encoding="utf-8")
    head = text.split("## Figures")[0].rstrip()
    lines = ["## Figures", "", "Measured by `flashpoint bench claims` (reported sets only; none was trained or fitted on).", "",
             "| set | n | balanced accuracy | recall supported | recall not supported |", "|---|---|---|---|---|"]
    for name, s in rep.sets.items():
        lines.append(f"| {name} | {s['n']} | {s['balanced_accuracy']} | {s['recall_supported']} | {s['recall_unsupported']} |")
    if rep.pages:
        p = rep.pages
        lines += ["", (f"Development pages: {p['statements_emitted']}/{p['statements_expected']} statements found; "
                       f"three-way {p['three_way']:.3f}; supported-vs-not {p['supported_vs_not']:.3f}.")]
    if rep.speed:
        lines += ["", (f"Speed: {rep.speed['statements_per_s']} statements/s on {rep.speed['set']} including cleaning "
                       "and parsing each article (one process, model on one thread).")]
    if rep.combiner:
        lines += ["", (f"Verdict combiner: fitted on {rep.combiner['fitted_on']}; grouped 5-fold CV balanced "
                       f"accuracy there per candidate feature set: {rep.combiner['frank_valid_cv_balanced_accuracy']}.")]
    path.write_text(head + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def read_floors(path: Path) -> dict[str, float]:
    return floors.read_floors(path)


def update_floors(figures: dict[str, float], path: Path, *, allow_lower: bool = False) -> dict[str, float]:
    """Set each floor to the current figure minus a margin; never lower one unless allowed."""
    return floors.update_floors(
        figures, path, margin=0.01, allow_lower=allow_lower,
        about="Floors of the statement-checker gate (tests/test_claims_gate.py): figures of the quick "
        "report (a seeded sample per held-out set) on data never trained or fitted on. Raised by "
        "`python -m flashpoint.bench.claims --quick --update-floors`; lowering one needs --allow-lower "
        "(or FLASHPOINT_LOWER_FLOORS=1).",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m flashpoint.bench.claims [--fit --model DIR --out FILE [--install]] [--card]
    [--update-floors [--allow-lower]]``."""
    import argparse
    import os
    import sys

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--path", type=Path, default=checkout.benchmarks_dir("claims"))
    parser.add_argument("--fit", action="store_true", help="choose a combiner for --model, write it to --out")
    parser.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped model)")
    parser.add_argument("--out", type=Path, default=Path("artifacts") / "verdict.candidate.json")
    parser.add_argument("--install", action="store_true", help="copy an accepted candidate into verdict.json")
    parser.add_argument("--limit", type=int, default=None, help="statements per reported set (--fit)")
    parser.add_argument("--built", action="store_true", help="also fit on cases built from examples/ (--fit)")
    parser.add_argument("--extra", action="store_true", help="also fit on QAGS CNN/DM + CLIFF val (--fit)")
    parser.add_argument("--stack", action="store_true", help="weigh the model against the word-level combiner (--fit)")
    parser.add_argument("--card", action="store_true", help="write the figures into the model card")
    parser.add_argument("--quick", action="store_true", help="a seeded sample per set (the CI gate's mode)")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    parser.add_argument("--floors", type=Path, default=checkout.gate_file("claims"))
    args = parser.parse_args(argv)
    if args.fit:
        from ..claims.model import MODEL_DIR
        from .claims_cache import default_path
        from .claims_candidate import fit_candidate

        fitted = fit_candidate(
            args.path, model_folder=args.model or MODEL_DIR, out=args.out, root=checkout.ROOT,
            examples=checkout.examples_dir(), pages_path=checkout.benchmarks_dir("pages"), samples=SAMPLE,
            limit=args.limit, cache_path=default_path(), install=args.install, built=args.built, extra=args.extra, stack=args.stack,
            progress=lambda m: sys.stderr.write(m + "\n"),
        )
        sys.stdout.write(json.dumps(fitted.to_dict(), indent=2) + "\n")
        return 0 if fitted.accepted else 1
    rep = report(args.path, quick=args.quick, pages_path=checkout.benchmarks_dir("pages"))
    sys.stdout.write(json.dumps(rep.to_dict(), indent=2) + "\n")
    if args.card:
        write_card(rep)
    if args.update_floors:
        allow = args.allow_lower or os.environ.get("FLASHPOINT_LOWER_FLOORS") == "1"
        update_floors(rep.figures(), args.floors, allow_lower=allow)
    return 0


__all__ = [
    "Report", "below_floors", "main", "metrics", "pages_figures", "read_floors", "report", "update_floors", "write_card",
]


if __name__ == "__main__":
    raise SystemExit(main())
