"""Two sets of real news the coder must survive: CASE 2021 snippets and NGEC's VOA quotes.

* ``case2021_task2_dev.tsv`` (``id``, ``text``, ``label``): real news snippets with ACLED-style
  labels, grouped in ``bench/data/case2021_groups.json``. Every event coded from the whole
  snippet counts. Figures: the share of disaster/accident snippets with NO conflict event
  (quad class 3 or 4; gated as a floor, so "<= 5% false alarms" is ">= 0.95"), protest recall
  (any 14 event), material-conflict recall (any quad-4 event).
* ``ngec_voa_quotes_dev.jsonl`` (``doc_id``, ``quote``, ``plover``): one item per distinct
  quote; its gold is the set of PLOVER types the quote is evidence for; the prediction is the
  PLOVER type of the first event that has one (``NONE`` without). Per type, a prediction in
  the gold set is a true positive, outside it a false positive, and a gold type not predicted
  a false negative; macro-F1 is over the types present in the gold set. The file is also
  scored in two halves by document (``voa_half``: md5 of ``doc_id``, even = A, odd = B). The
  coder's authors read misses of half A only, so half B is the dev figure that was never read:
  the closer guide to VOA news the coder has not seen (the held-back half of NGEC's set).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import NotFoundError
from ..records import Event

GROUPS_PATH = Path(__file__).with_name("data") / "case2021_groups.json"
CONFLICT_QUADS = frozenset({3, 4})


@cache
def case_groups() -> dict[str, frozenset[str]]:
    """Label groups of the CASE snippets (no_conflict, protest, material_conflict)."""
    data = json.loads(GROUPS_PATH.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def code_texts(texts: list[str]) -> list[list[Event]]:
    """Every event of each text, through the same ``nlp.pipe`` + ``code_doc`` as ``analyze``."""
    from ..events import code_doc
    from ..nlp import parse_many

    return [code_doc(doc) for doc in parse_many(texts)]


@dataclass
class CaseReport:
    n: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    misses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def figures(self) -> dict[str, float]:
        def share(group: str) -> float:
            return round(self.hits[group] / self.n[group], 4) if self.n[group] else 0.0

        return {
            "case_disaster_no_conflict": share("no_conflict"),
            "case_protest_recall": share("protest"),
            "case_material_conflict_recall": share("material_conflict"),
        }


def _case_hit(group: str, events: list[Event]) -> bool:
    if group == "no_conflict":
        return not any(e.quad_class in CONFLICT_QUADS for e in events)
    if group == "protest":
        return any(e.cameo_root == "14" for e in events)
    return any(e.quad_class == 4 for e in events)


def load_case(path: Path) -> list[tuple[str, str]]:
    """(text, label) rows of ``case2021_task2_dev.tsv``."""
    file = path / "case2021_task2_dev.tsv"
    if not file.is_file():
        raise NotFoundError("E201", path=file, folder="events")
    rows = []
    for line in file.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].strip():
            rows.append((parts[1].strip(), parts[2].strip()))
    return rows


def run_case(path: Path) -> CaseReport:
    groups = case_groups()
    rows = [(t, g) for t, label in load_case(path) for g in groups if label in groups[g]]
    report = CaseReport()
    for (text, group), events in zip(rows, code_texts([t for t, _ in rows]), strict=True):
        report.n[group] += 1
        if _case_hit(group, events):
            report.hits[group] += 1
        else:
            report.misses.setdefault(group, []).append(
                {"text": text, "events": [f"{e.cameo} {e.trigger or ''}" for e in events]}
            )
    return report


@dataclass
class VoaReport:
    n: int = 0
    main_type_right: int = 0
    any_type_right: int = 0
    no_event: int = 0
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    macro_f1: float = 0.0
    half_macro_f1: dict[str, float] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "voa_plover_macro_f1": round(self.macro_f1, 4),
            "voa_main_type_accuracy": round(self.main_type_right / self.n, 4) if self.n else 0.0,
            **{f"voa_half_{h.lower()}_macro_f1": round(f, 4) for h, f in self.half_macro_f1.items()},
        }


def voa_half(doc_id: str) -> str:
    """"A" (read for misses) or "B" (never read) for a VOA document (module docstring): a hash of
    the document, so every quote of one article falls in one half and the split never moves."""
    return "A" if int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def load_voa(path: Path) -> dict[str, set[str]]:
    """Distinct quote -> the PLOVER types it is evidence for (in file order)."""
    return {quote: types for quote, (types, _) in _voa_rows(path).items()}


def load_voa_halves(path: Path) -> dict[str, str]:
    """Distinct quote -> its document's half (``voa_half``; a quote of documents in both halves,
    none in the file today, is counted in the half of its first document)."""
    return {quote: half for quote, (_, half) in _voa_rows(path).items()}


def _voa_rows(path: Path) -> dict[str, tuple[set[str], str]]:
    file = path / "ngec_voa_quotes_dev.jsonl"
    if not file.is_file():
        raise NotFoundError("E201", path=file, folder="events")
    quotes: dict[str, tuple[set[str], str]] = {}
    for line in file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            types, _ = quotes.setdefault(row["quote"].strip(), (set(), voa_half(row["doc_id"])))
            types.add(row["plover"])
    return quotes


def macro_f1(items: list[tuple[set[str], str]]) -> tuple[float, dict[str, dict[str, float]]]:
    """Macro-F1 over the gold types of (gold set, predicted type) items (module docstring)."""
    types = sorted({t for gold, _ in items for t in gold})
    per: dict[str, dict[str, float]] = {}
    for t in types:
        tp = sum(pred == t and t in gold for gold, pred in items)
        fp = sum(pred == t and t not in gold for gold, pred in items)
        fn = sum(t in gold and pred != t for gold, pred in items)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per[t] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    return (sum(v["f1"] for v in per.values()) / len(per) if per else 0.0), per


def run_voa(path: Path) -> VoaReport:
    quotes = load_voa(path)
    halves = load_voa_halves(path)
    texts = list(quotes)
    report = VoaReport(n=len(texts))
    items = []
    by_half: dict[str, list[tuple[set[str], str]]] = {"A": [], "B": []}
    for text, events in zip(texts, code_texts(texts), strict=True):
        gold = quotes[text]
        typed = [e.plover for e in events if e.plover]
        pred = typed[0] if typed else "NONE"
        items.append((gold, pred))
        by_half[halves[text]].append((gold, pred))
        report.main_type_right += pred in gold
        report.any_type_right += bool(gold & set(typed))
        report.no_event += not events
        if pred not in gold:
            report.misses.append({"text": text, "gold": sorted(gold), "predicted": pred})
    report.macro_f1, report.per_type = macro_f1(items)
    report.half_macro_f1 = {h: macro_f1(v)[0] for h, v in by_half.items() if v}
    return report
