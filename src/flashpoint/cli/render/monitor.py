"""The corpus monitor for people: the store's summary, tension series, alerts and stories.

What ``flashpoint demo`` prints after its articles and what ``tension``, ``alerts`` and
``stories`` print as tables (their JSON/JSONL/CSV go through ``emit``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import out

SPARK = "▁▂▃▄▅▆▇█"


def print_store_report(con: Any, *, console: Console = out) -> dict[str, Any]:
    """The monitor view of a store open on ``con``: counts, most active dyads, weekly
    tension, alerts (the command opens and closes the store: ``session.reading``)."""
    from ...analytics.report import summary

    s = summary(con)
    c = s["counts"]
    console.print(
        f"[bold]{c['articles']}[/] articles stored ({s['articles_merged']} merged into "
        f"{c['stories']} stories), [bold]{c['events']}[/] event mentions = "
        f"[bold]{c['unique_events']}[/] unique events, {c['statements']} statements, "
        f"{c['skips']} skips; events from {s['period'][0]} to {s['period'][1]}",
        highlight=False,
    )
    if s["skips_by_reason"]:
        console.print("skips by reason: " + ", ".join(
            f"{k} {v}" for k, v in s["skips_by_reason"].items()), highlight=False)
    table = Table(title="Most active dyads (unique events; G = Goldstein, q4 = material "
                  "conflict)", title_justify="left")
    for col, just, width in (("dyad", "left", 7), ("events", "right", 6),
                             ("mentions", "right", 8), ("G mean", "right", 6),
                             ("q4 %", "right", 4), ("first", "left", 10), ("last", "left", 10)):
        table.add_column(col, justify=just, no_wrap=True, min_width=width)
    for d in s["top_dyads"]:
        g = d["goldstein_mean"]
        table.add_row(d["dyad"], str(d["events"]), str(d["mentions"]),
                      f"[{'red' if g < 0 else 'green'}]{g:+.2f}[/]",
                      f"{d['material_conflict_share']:.0%}", d["first_day"], d["last_day"])
    console.print(table)
    if s["tension"]:
        t0 = s["tension"][0]["weeks"]
        console.print(f"[bold]Weekly conflict intensity[/] (Σ −Goldstein of unique events), "
                      f"weeks of {t0[0]} … {t0[-1]}; blank = none, █ = the dyad's peak")
    for t in s["tension"]:
        peak = max(t["conflict_intensity"], default=0) or 1
        line = "".join(SPARK[min(7, round(7 * v / peak))] if v else " " for v in
                       t["conflict_intensity"])
        label = (f"peak {peak:g}" if max(t["conflict_intensity"], default=0) else "no conflict")
        console.print(f"  {t['dyad']:<9} [red]{line}[/]  {label}, {sum(t['events'])} events",
                      highlight=False)
    if not s["latest_alerts"]:
        console.print("[green]no escalation alerts[/] (weekly independent conflict reports "
                      "against each dyad's previous 8 weeks; see analytics/data/alerts.json)")
    for a in s["latest_alerts"]:
        console.print(f"[bold red]ALERT[/] {a['explanation']}", highlight=False)
        ev = a.get("top_event")
        if ev:
            evidence = escape(" ".join(ev["evidence_text"].split()))
            console.print(f"    e.g. {ev['cameo']} {ev['source_code']}→{ev['target_code']}: "
                          f"“{evidence}” ({escape(ev['title'] or ev['article_id'])})",
                          highlight=False)
    return s


def tension_table(rows: Sequence[dict[str, Any]], *, subject: str, freq: str) -> Table:
    """A tension series (``analytics.tension.series``), with a bar of conflict intensity."""
    wide = out.width >= 110
    t = Table(title=f"Tension {subject} per {freq} (unique events; q1 verbal coop, "
              "q2 material coop, q3 verbal conflict, q4 material conflict)",
              title_justify="left")
    t.add_column("period", no_wrap=True, min_width=10)
    for col in ("events", "q1", "q2", "q3", "q4", "G sum", "G mean", "q4 %", "intensity"):
        t.add_column(col, justify="right", no_wrap=True)
    if wide:
        t.add_column("", no_wrap=True)
    peak = max((r["conflict_intensity"] for r in rows), default=0) or 1
    for r in rows:
        mean = r["goldstein_mean"]
        share = r["material_conflict_share"]
        cells = [
            r["period"], str(r["events"]), str(r["q1"]), str(r["q2"]), str(r["q3"]),
            str(r["q4"]), f"{r['goldstein_sum']:+.1f}",
            "" if mean is None else f"{mean:+.2f}",
            "" if share is None else f"{share:.0%}",
            f"{r['conflict_intensity']:.1f}",
        ]
        if wide:
            cells.append("[red]" + "█" * round(20 * r["conflict_intensity"] / peak) + "[/]")
        t.add_row(*cells)
    return t


def print_alerts(found: Sequence[dict[str, Any]], params: Any) -> None:
    """Each alert as a rule, its explanation, the events that drove it and its articles."""
    if not found:
        out.print(f"no escalation alerts (Poisson z ≥ {params.z_threshold:g}, "
                  f"{params.window}-{params.freq} baseline)")
        return
    for a in found:
        out.rule(f"[bold red]{a['dyad']}[/]  {a['period']} … {a['period_end']}  z = {a['z']:.1f}")
        out.print(a["explanation"], highlight=False)
        for ev in a.get("top_events", []):
            out.print(
                f"  [red]{ev['cameo']}[/] {ev['source_code'] or '—'} → {ev['target_code'] or '—'}"
                f" ({ev['goldstein']:+.1f}, {ev['num_mentions']} mentions) “{escape(' '.join(ev['evidence_text'].split()))}”"
                f" [dim]{escape(ev['title'] or ev['article_id'])}[/]", highlight=False)
        more = a.get("num_articles", 0) - len(a.get("articles", []))
        out.print(f"  [dim]{a.get('num_articles', 0)} articles"
                  + (f" ({more} not listed)" if more > 0 else "") + "[/]")


def story_table(story: dict[str, Any]) -> Table:
    """One story's copies: which were merged as near copies or exact copies, and from where."""
    r = story
    t = Table(title=f"{escape(r['title'] or r['story_id'])} — story {r['story_id']}: "
              f"{r['num_articles']} copies, {r['num_sources']} sources",
              title_justify="left", expand=True)
    t.add_column("article", no_wrap=True)
    t.add_column("merged as", no_wrap=True)
    t.add_column("sim.", justify="right", no_wrap=True)
    t.add_column("source", ratio=1, overflow="fold")
    t.add_column("published", no_wrap=True)
    for m in r["members"]:
        how = "first" if m["method"] == "representative" else "near copy"
        seen = m.get("sightings") or [{"source": m["source"], "url": m["url"]}]
        for i, sight in enumerate(seen):
            t.add_row(m["article_id"][:10] if i == 0 else "", how if i == 0 else "exact copy",
                      f"{m['similarity']:.2f}" if i == 0 else "1.00",
                      escape(sight.get("source") or sight.get("url") or ""),
                      (m["published"] or "") if i == 0 else "")
    return t
