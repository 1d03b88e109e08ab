"""Accuracy of the event coder against peers' gold data, and the floors that gate it.

Gold sets from ``../shared/benchmarks/events`` (never copied into the project); the CASE 2021
snippets and the VOA quotes are scored in ``news_sets``:

* ``conflibert_cameo_class_{split}.tsv``: sentences with the ConfliBERT five-way class (0 make
  statement/appeal, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
  conflict). Flashpoint's class is the ``class5`` of the FIRST event's CAMEO root
  (``events/data/cameo_roots.tsv``); a sentence with no event counts as class 0 (no event
  reported = a statement).
* ``plover_gsr_cameo.json``: hand-coded PLOVER records. The DOCUMENT record is skipped; old type
  names are mapped DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, and INVESTIGATE ->
  ACCUSE, because the 2021 CAMEO->PLOVER table files CAMEO 09 (investigate) under ACCUSE with
  mode "investigate". Source/target country accuracy is over records with a non-empty gold
  actor; a compound gold actor ("X and Y") is matched by either part. Gold codes that are not
  ISO-3 are normalised (JAP -> JPN, ITL -> ITA, VTN -> VNM); IGO/NGO codes match an actor code
  with that prefix.

Both run the same ``nlp.pipe`` + ``flashpoint.events.code_doc`` path as ``analyze`` and score
the first event of each sentence. ``python -m flashpoint.bench.events --update-floors`` raises
the floors in ``tests/gates/events_floors.json`` to the current figures (lowering needs
``FLASHPOINT_LOWER_FLOORS=1``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import checkout
from ..errors import NotFoundError
from . import floors
from .floors import below_floors  # noqa: F401  re-exported for the CLI and the gate test
from .news_sets import CaseReport, VoaReport, run_case, run_voa

PAGES_PREFIX = "pages_"
CLASS_NAMES = ["statement", "verbal coop", "material coop", "verbal conflict", "material conflict"]
OLD_PLOVER = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU", "UK": "GBR"}
NON_STATE = ("IGO", "NGO", "IMG", "ISM", "MNC")
# polarity of the five classes, for ranking errors: confusing cooperation with conflict is worst
_POLARITY = {0: 0, 1: 1, 2: 2, 3: -1, 4: -2}


@dataclass
class Report:
    """Every figure of one accuracy run (``to_dict`` is the JSON of ``--format json``)."""

    split: str
    n_class: int = 0
    macro_f1: float = 0.0
    accuracy5: float = 0.0
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: list[list[int]] = field(default_factory=list)
    n_plover: int = 0
    plover_type_accuracy: float = 0.0
    source_country_accuracy: float = 0.0
    n_source: int = 0
    target_country_accuracy: float = 0.0
    n_target: int = 0
    sector_accuracy: float = 0.0
    n_sector: int = 0
    plover_confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    worst: list[dict[str, Any]] = field(default_factory=list)
    worst_plover: list[dict[str, Any]] = field(default_factory=list)
    parse_seconds: float = 0.0
    code_seconds: float = 0.0
    words: int = 0
    case: CaseReport = field(default_factory=CaseReport)
    voa: VoaReport = field(default_factory=VoaReport)

    def figures(self) -> dict[str, float]:
        """The gated figures."""
        return {
            "class_macro_f1": round(self.macro_f1, 4),
            "class_accuracy": round(self.accuracy5, 4),
            "plover_type_accuracy": round(self.plover_type_accuracy, 4),
            "source_country_accuracy": round(self.source_country_accuracy, 4),
            "target_country_accuracy": round(self.target_country_accuracy, 4),
            "sector_accuracy": round(self.sector_accuracy, 4),
            **self.case.figures(),
            **self.voa.figures(),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "figures": self.figures(),
            "class": {
                "n": self.n_class,
                "macro_f1": round(self.macro_f1, 4),
                "accuracy": round(self.accuracy5, 4),
                "per_class": self.per_class,
                "labels": CLASS_NAMES,
                "confusion": self.confusion,
            },
            "plover": {
                "n": self.n_plover,
                "type_accuracy": round(self.plover_type_accuracy, 4),
                "source_country_accuracy": round(self.source_country_accuracy, 4),
                "n_source": self.n_source,
                "target_country_accuracy": round(self.target_country_accuracy, 4),
                "n_target": self.n_target,
                "sector_accuracy": round(self.sector_accuracy, 4),
                "n_sector": self.n_sector,
                "confusion": self.plover_confusion,
            },
            "case2021": {
                "n": dict(self.case.n),
                "hits": dict(self.case.hits),
                "misses": self.case.misses,
            },
            "voa_quotes": {
                "n": self.voa.n,
                "main_type_right": self.voa.main_type_right,
                "any_type_right": self.voa.any_type_right,
                "no_event": self.voa.no_event,
                "per_type": self.voa.per_type,
                "misses": self.voa.misses,
            },
            "worst_errors": self.worst,
            "worst_plover_errors": self.worst_plover,
            "speed": {
                "words": self.words,
                "parse_seconds": round(self.parse_seconds, 3),
                "code_seconds": round(self.code_seconds, 3),
                "parse_words_per_s": round(self.words / self.parse_seconds)
                if self.parse_seconds
                else None,
                "parse_and_code_words_per_s": round(
                    self.words / (self.parse_seconds + self.code_seconds)
                )
                if self.parse_seconds
                else None,
            },
        }


def load_class_split(path: Path, split: str) -> list[tuple[str, int]]:
    """(sentence, class) rows of ``conflibert_cameo_class_{split}.tsv``."""
    file = path / f"conflibert_cameo_class_{split}.tsv"
    if not file.is_file():
        raise NotFoundError("E201", path=file, folder="events")
    rows = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        if label.strip().isdigit():
            rows.append((text.strip(), int(label)))
    return rows


def load_plover(path: Path) -> list[dict[str, Any]]:
    """PLOVER gold records with an event (the DOCUMENT record skipped)."""
    file = path / "plover_gsr_cameo.json"
    if not file.is_file():
        raise NotFoundError("E201", path=file, folder="events")
    records = json.loads(file.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def first_events(texts: list[str], report: Report) -> list[Any]:
    """First event of each text via nlp.pipe + code_doc, timing parse and coding apart."""
    from ..events import code_doc
    from ..nlp import get_nlp, parse_many

    code_doc(get_nlp()("Police arrested two men."))  # load model and tables outside the timing
    t0 = time.perf_counter()
    docs = list(parse_many(texts))
    t1 = time.perf_counter()
    out = []
    for doc in docs:
        events = code_doc(doc)
        out.append(events[0] if events else None)
    t2 = time.perf_counter()
    report.parse_seconds += t1 - t0
    report.code_seconds += t2 - t1
    report.words += sum(len(t.split()) for t in texts)
    return out


def class_of(event: Any) -> int:
    from ..events import tables

    if event is None:
        return 0
    return tables.info(event.cameo).class5


def _f1_table(gold: list[int], pred: list[int], report: Report) -> None:
    k = len(CLASS_NAMES)
    confusion = [[0] * k for _ in range(k)]
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    f1s = []
    for c in range(k):
        tp = confusion[c][c]
        fp = sum(confusion[r][c] for r in range(k)) - tp
        fn = sum(confusion[c]) - tp
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        report.per_class[f"{c} {CLASS_NAMES[c]}"] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": sum(confusion[c]),
        }
    report.confusion = confusion
    report.macro_f1 = sum(f1s) / k
    report.accuracy5 = sum(confusion[c][c] for c in range(k)) / max(1, len(gold))


def _norm(code: str | None) -> str:
    code = (code or "").strip().upper()
    return CODE_ALIASES.get(code, code)


def _gold_actors(value: Any) -> list[dict[str, Any]]:
    return (
        [a for a in value if isinstance(a, dict) and a.get("code")]
        if isinstance(value, list)
        else []
    )


def actor_matches(actor: Any, gold: list[dict[str, Any]]) -> bool:
    """Does our actor name the country (or IGO/NGO kind) of any gold actor?"""
    if actor is None:
        return False
    ours_country = _norm(actor.country)
    ours_code = _norm(actor.code)
    for g in gold:
        code = _norm(g.get("code"))
        if code in NON_STATE:
            if ours_code.startswith(code):
                return True
        elif ours_country and ours_country == code or not ours_country and ours_code[:3] == code:
            return True
    return False


def sector_matches(actor: Any, gold: list[dict[str, Any]]) -> bool:
    if actor is None or not actor.sector:
        return False
    return any((g.get("sector") or "")[:3].upper() == actor.sector.upper() for g in gold)


def run(path: Path, *, split: str = "test") -> Report:
    """Score the coder on the class split, the PLOVER records, the CASE 2021 snippets and
    the VOA quotes (``news_sets``)."""
    report = Report(split=split)
    rows = load_class_split(path, split)
    texts = [t for t, _ in rows]
    gold = [c for _, c in rows]
    events = first_events(texts, report)
    pred = [class_of(e) for e in events]
    report.n_class = len(rows)
    _f1_table(gold, pred, report)
    errors = []
    for text, g, p, e in zip(texts, gold, pred, events, strict=True):
        if g != p:
            errors.append(
                {
                    "text": text,
                    "gold": g,
                    "predicted": p,
                    "cameo": e.cameo if e else None,
                    "trigger": e.trigger if e else None,
                    "severity": abs(_POLARITY[g] - _POLARITY[p]),
                }
            )
    errors.sort(key=lambda r: -r["severity"])
    report.worst = errors[:20]

    records = load_plover(path)
    p_events = first_events([r["text"] for r in records], report)
    report.n_plover = len(records)
    type_ok = src_ok = tgt_ok = sec_ok = 0
    confusion: dict[str, Counter[str]] = {}
    p_errors = []
    for r, e in zip(records, p_events, strict=True):
        gold_type = OLD_PLOVER.get(r["event"], r["event"])
        ours = (e.plover if e else None) or "NONE"
        confusion.setdefault(gold_type, Counter())[ours] += 1
        if ours == gold_type:
            type_ok += 1
        else:
            p_errors.append(
                {
                    "text": r["text"],
                    "gold": gold_type,
                    "predicted": ours,
                    "cameo": e.cameo if e else None,
                    "trigger": e.trigger if e else None,
                }
            )
        src = _gold_actors(r.get("source"))
        if src:
            report.n_source += 1
            src_ok += actor_matches(e.source if e else None, src)
            if any((g.get("sector") or "").strip("*") for g in src):
                report.n_sector += 1
                sec_ok += sector_matches(e.source if e else None, src)
        tgt = _gold_actors(r.get("target"))
        if tgt:
            report.n_target += 1
            tgt_ok += actor_matches(e.target if e else None, tgt)
    report.plover_type_accuracy = type_ok / max(1, len(records))
    report.source_country_accuracy = src_ok / max(1, report.n_source)
    report.target_country_accuracy = tgt_ok / max(1, report.n_target)
    report.sector_accuracy = sec_ok / max(1, report.n_sector)
    report.plover_confusion = {k: dict(v.most_common()) for k, v in sorted(confusion.items())}
    report.worst_plover = p_errors[:20]
    report.case = run_case(path)
    report.voa = run_voa(path)
    return report


# ---------------------------------------------------------------- floors (the CI gate)


def read_floors(path: Path) -> dict[str, float]:
    """The floors of ``bench accuracy`` (the file also holds the ``pages_`` floors)."""
    return {k: v for k, v in floors.read_floors(path).items() if not k.startswith(PAGES_PREFIX)}


def read_pages_floors(path: Path) -> dict[str, float]:
    """The floors of ``bench pages`` (``pages_key_event_recall``, ``pages_event_precision``)."""
    return {k: v for k, v in floors.read_floors(path).items() if k.startswith(PAGES_PREFIX)}


def read_ceilings(path: Path) -> dict[str, int]:
    """Counts that may not rise (``pages_must_not_violations``)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: int(v) for k, v in data.get("ceilings", {}).items()}


def above_ceilings(counts: dict[str, int], ceilings: dict[str, int]) -> list[str]:
    """Human-readable list of counts above their ceiling (empty = gate passes)."""
    return [
        f"{name}: {counts.get(name, 0)} > ceiling {ceiling}"
        for name, ceiling in sorted(ceilings.items())
        if counts.get(name, 0) > ceiling
    ]


def update_floors(
    figures: dict[str, float], path: Path, *, allow_lower: bool = False
) -> dict[str, float]:
    """Set each floor to the current figure minus a small margin; never lower unless allowed."""
    return floors.update_floors(
        figures,
        path,
        margin=0.005,
        allow_lower=allow_lower,
        about="Floors of the event-coder accuracy gate (tests/test_events_gate.py). Raised by "
        "`python -m flashpoint.bench.events --update-floors`; lowering needs FLASHPOINT_LOWER_FLOORS=1.",
        extra={"split": "test"},
    )


def update_ceilings(
    counts: dict[str, int], path: Path, *, allow_raise: bool = False
) -> dict[str, int]:
    """Lower each ceiling to the current count; raising one needs ``allow_raise``."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"floors": {}}
    current = read_ceilings(path)
    new = {
        name: count if allow_raise or name not in current else min(count, current[name])
        for name, count in counts.items()
    }
    data["ceilings"] = {**current, **new}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return new


def main(argv: list[str] | None = None) -> int:
    """``python -m flashpoint.bench.events [--path P] [--update-floors]``: print figures as JSON."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m flashpoint.bench.events")
    parser.add_argument("--path", type=Path, default=checkout.benchmarks_dir("events"))
    parser.add_argument("--split", default="test")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--floors", type=Path, default=checkout.gate_file("events"))
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        sys.stderr.write(f"skipped: gold data not found at {args.path}\n")
        return 0
    report = run(args.path, split=args.split)
    figures = report.figures()
    counts: dict[str, int] = {}
    pages_path = args.path.parent / "pages"
    if (pages_path / "KEY.json").is_file():
        from . import pages

        pages_report = pages.run(pages_path)
        figures.update(pages_report.figures())
        counts["pages_must_not_violations"] = pages_report.total("must_not")
    sys.stdout.write(json.dumps({**figures, **counts}, indent=2) + "\n")
    if args.update_floors:
        if args.split != "test":
            sys.stderr.write("floors are pinned on the test split; use --split test\n")
            return 2
        allow = os.environ.get("FLASHPOINT_LOWER_FLOORS") == "1"
        new = update_floors(figures, args.floors, allow_lower=allow)
        ceilings = update_ceilings(counts, args.floors, allow_raise=allow)
        sys.stdout.write(
            f"floors written to {args.floors}: {json.dumps(new)} {json.dumps(ceilings)}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
