"""Accuracy and speed of the actor resolver on the PLOVER gold standard (CAMEO manual records).

Run: ``python -m flashpoint.bench.actors [path]`` (default ``../shared/benchmarks/events``, or
``$FLASHPOINT_SHARED/benchmarks/events``).

Each gold actor of ``plover_gsr_cameo.json`` (the DOCUMENT record and empty actors skipped)
has the mention as written (``actorText``), a country-slot ``code`` (ISO-3, or IGO/NGO/IMG) and
a ``sector``. We resolve the mention with ``flashpoint.actors.resolve`` (``on=None``: the gold
dates are placeholders) and compare:

- country: our ``Actor.country``, or the 3-letter prefix of an organisation code (IGOUNO ->
  IGO), against the gold code. Gold codes that are not ISO-3 for a country are normalised
  (JAP -> JPN, ITL -> ITA, VTN -> VNM: typos/legacy codes of the file).
- sector: the first three letters of the gold sector (CVLalb -> CVL), records with ``***``
  (unknown) skipped; gold None means "no sector" and must match our None. The file's sector
  names are mapped to the CAMEO codes we emit: its MED is medical (doctors, Red Cross) = our
  HLH, its JRN (journalists, newspapers) = our MED (media), CIV = CVL (typo), MOS = REL (a
  religion code where we give the religious sector).

With ``--subjects`` the whole sentence is also parsed with spaCy and its grammatical subject
resolved with ``resolve_span``, compared on country with the first gold source.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import checkout
from ..actors import resolve
from ..actors.codes import is_international
from ..records import Actor

GOLD_FILE = "plover_gsr_cameo.json"
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
SECTOR_SAME = {"MED": "HLH", "JRN": "MED", "CIV": "CVL", "MOS": "REL"}


@dataclass(frozen=True)
class GoldActor:
    record: str
    role: str  # "source" | "target"
    text: str
    country: str
    sector: str | None  # None = no sector; "***" = unknown (skipped for sector accuracy)
    sentence: str


@dataclass(frozen=True)
class Scored:
    gold: GoldActor
    actor: Actor | None
    country_ok: bool
    sector_ok: bool | None  # None when the gold sector is unknown


def load_gold(path: Path) -> list[GoldActor]:
    """Gold actors of the PLOVER file (DOCUMENT record and empty source/target skipped)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in records:
        if rec.get("event") == "DOCUMENT":
            continue
        for role in ("source", "target"):
            actors = rec.get(role)
            if not isinstance(actors, list):
                continue
            for a in actors:
                if not isinstance(a, dict) or not a.get("actorText") or not a.get("code"):
                    continue
                code = CODE_FIXES.get(a["code"], a["code"])
                sector = a.get("sector")
                if sector and sector != "***":
                    sector = sector[:3].upper()
                    sector = SECTOR_SAME.get(sector, sector)
                out.append(
                    GoldActor(
                        rec["id"], role, a["actorText"].strip(), code, sector, rec.get("text", "")
                    )
                )
    return out


def country_slot(actor: Actor | None) -> str | None:
    """What we put in the gold's country slot: ISO-3, or the IGO/NGO/IMG prefix."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if is_international(actor):
        return actor.code[:3]  # type: ignore[index]
    return None


def score(gold: list[GoldActor]) -> list[Scored]:
    out = []
    for g in gold:
        actor = resolve(g.text)
        country_ok = country_slot(actor) == g.country
        if g.sector == "***":
            sector_ok = None
        else:
            ours = actor.sector if actor else None
            sector_ok = ours == g.sector
        out.append(Scored(g, actor, country_ok, sector_ok))
    return out


def summary(rows: list[Scored]) -> dict[str, Any]:
    """Accuracy figures per role and overall."""

    def acc(items: list[bool]) -> float:
        return sum(items) / len(items) if items else 0.0

    res: dict[str, Any] = {}
    for role in ("source", "target", "all"):
        sel = [r for r in rows if role == "all" or r.gold.role == role]
        sec = [r.sector_ok for r in sel if r.sector_ok is not None]
        with_sector = [r.sector_ok for r in sel if r.sector_ok is not None and r.gold.sector]
        res[role] = {
            "n": len(sel),
            "country_acc": acc([r.country_ok for r in sel]),
            "sector_acc": acc(sec),
            "n_sector": len(sec),
            "sector_acc_when_gold_has_one": acc(with_sector),
            "n_with_sector": len(with_sector),
            "resolved": acc([r.actor is not None for r in sel]),
        }
    return res


def worst(rows: list[Scored], k: int = 15) -> list[Scored]:
    """Misses, country misses first, most repeated mention texts first."""
    misses = [r for r in rows if not r.country_ok or r.sector_ok is False]
    freq = Counter(r.gold.text for r in misses)
    misses.sort(key=lambda r: (r.country_ok, -freq[r.gold.text], r.gold.text))
    seen: set[str] = set()
    out = []
    for r in misses:
        if r.gold.text in seen:
            continue
        seen.add(r.gold.text)
        out.append(r)
    return out[:k]


def subjects(gold: list[GoldActor]) -> dict[str, float]:
    """Country accuracy of the sentence's spaCy subject against the first gold source."""
    from ..actors import resolve_span
    from ..nlp import parse_many

    firsts: dict[str, GoldActor] = {}
    for g in gold:
        if g.role == "source" and g.record not in firsts:
            firsts[g.record] = g
    items = list(firsts.values())
    ok = found = 0
    for g, doc in zip(items, parse_many(g.sentence for g in items), strict=True):
        subj = next(
            (t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
        )
        if subj is None:
            subj = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        found += 1
        span = doc[subj.left_edge.i : subj.right_edge.i + 1]
        if country_slot(resolve_span(span)) == g.country:
            ok += 1
    return {
        "n": len(items),
        "with_subject": found,
        "country_acc": ok / len(items) if items else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "path",
        nargs="?",
        default=str(checkout.benchmarks_dir("events")),
        help="folder holding plover_gsr_cameo.json (or the file itself)",
    )
    parser.add_argument("--subjects", action="store_true", help="also resolve spaCy subjects")
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args(argv)
    path = Path(args.path)
    if path.is_dir():
        path = path / GOLD_FILE
    if not path.is_file():
        print(f"SKIP: gold file not found at {path} (../shared absent?): nothing measured")
        return 0
    gold = load_gold(path)
    t0 = time.perf_counter()
    resolve("warm-up: load the tables")
    from ..actors.places import city_country_by_key

    city_country_by_key(("seoul",))  # builds the geonames city index
    t1 = time.perf_counter()
    rows = score(gold)
    t2 = time.perf_counter()
    s = summary(rows)
    print(f"actors bench on {path} ({len(gold)} gold actors)")
    print(
        f"{'role':<8}{'n':>5}{'country':>10}{'sector':>9}{'(n)':>6}{'sector|gold has':>17}{'(n)':>6}{'resolved':>10}"
    )
    for role, f in s.items():
        print(
            f"{role:<8}{f['n']:>5}{f['country_acc']:>10.3f}{f['sector_acc']:>9.3f}{f['n_sector']:>6}"
            f"{f['sector_acc_when_gold_has_one']:>17.3f}{f['n_with_sector']:>6}{f['resolved']:>10.3f}"
        )
    print(
        f"table load {1000 * (t1 - t0):.0f} ms; {1e6 * (t2 - t1) / max(len(gold), 1):.0f} us per mention"
    )
    print(f"\n{args.worst} worst misses (gold country/sector -> ours):")
    for r in worst(rows, args.worst):
        ours = r.actor.code if r.actor else None
        print(
            f"  {r.gold.role:<6} {r.gold.text[:50]!r:<53} {r.gold.country}/{r.gold.sector} -> {ours}"
        )
    if args.subjects:
        sub = subjects(gold)
        print(
            f"\nspaCy subjects: {sub['with_subject']}/{sub['n']} sentences with a subject; "
            f"country accuracy vs first gold source {sub['country_acc']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
