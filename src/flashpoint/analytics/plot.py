"""The tension timeline as a picture (PNG or SVG, matplotlib, rendered locally).

Two panels sharing the time axis. Top: unique events per period, stacked by quad class, with
cooperation drawn *above* zero (greens) and conflict *below* zero (orange, red), so a turn
toward conflict reads at a glance. Bottom: conflict intensity (the quantity alerts watch) with
its rolling median baseline, and every alert marked (red triangle and shaded period on both
panels, labelled with its z, the normal score of its Poisson probability). The Goldstein mean is a dashed line on a right-hand axis.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import InputError
from .alerts import AlertParams, alerts, default_params
from .tension import period_end, series

QUAD_COLOURS = {
    1: ("Verbal cooperation", "#a6d96a"),
    2: ("Material cooperation", "#1a9641"),
    3: ("Verbal conflict", "#fdae61"),
    4: ("Material conflict", "#d7191c"),
}
FORMATS = (".png", ".svg")


def plot_tension(
    con: Any,
    out: str | Path,
    *,
    dyad: str | None = None,
    country: str | None = None,
    freq: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    params: AlertParams | None = None,
    title: str | None = None,
) -> Path:
    """Draw the tension timeline of ``dyad`` (or ``country``) into ``out`` (.png or .svg)."""
    path = Path(out)
    if path.suffix.lower() not in FORMATS:
        raise InputError("E106", path=path)
    if not path.parent.exists():
        raise InputError("E107", path=path.parent)
    p = params or default_params()
    freq = freq or p.freq
    rows = series(con, dyad=dyad, country=country, freq=freq, since=since, until=until)
    if not rows:
        raise InputError("E108", subject=dyad or country or "the whole store")
    found = alerts(con, dyad=dyad, since=since, until=until,
                   params=p.replace(freq=freq), explain=False) if dyad else []

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    days = [dt.date.fromisoformat(r["period"]) for r in rows]
    width = {"day": 0.8, "week": 5.5, "month": 24}[freq]
    fig, (top, bottom) = plt.subplots(
        2, 1, sharex=True, figsize=(12, 7), height_ratios=(3, 2), constrained_layout=True
    )
    up = [0.0] * len(rows)
    down = [0.0] * len(rows)
    for quad in (1, 2, 3, 4):
        label, colour = QUAD_COLOURS[quad]
        vals = [r[f"q{quad}"] for r in rows]
        if quad <= 2:
            top.bar(days, vals, width=width, bottom=up, color=colour, label=label)
            up = [a + b for a, b in zip(up, vals, strict=True)]
        else:
            neg = [-v for v in vals]
            top.bar(days, neg, width=width, bottom=down, color=colour, label=label)
            down = [a + b for a, b in zip(down, neg, strict=True)]
    top.axhline(0, color="#444444", linewidth=0.8)
    top.set_ylabel("events per " + freq + "\n(cooperation ↑  conflict ↓)")
    top.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(v):g}"))
    gold = top.twinx()
    gold.plot(days, [r["goldstein_mean"] if r["goldstein_mean"] is not None else float("nan")
                     for r in rows], color="#555555", linestyle="--", linewidth=1.2,
              marker=".", label="Goldstein mean")
    gold.set_ylim(-10.5, 10.5)
    gold.set_ylabel("Goldstein mean (−10 … +10)")
    handles, labels = top.get_legend_handles_labels()
    h2, l2 = gold.get_legend_handles_labels()
    top.legend(handles + h2, labels + l2, loc="lower left", bbox_to_anchor=(0, 1.0),
               fontsize=8, ncols=5, frameon=False)

    intensity = [r["conflict_intensity"] for r in rows]
    bottom.plot(days, intensity, color="#d7191c", linewidth=1.6, label="conflict intensity")
    bottom.fill_between(days, intensity, color="#d7191c", alpha=0.12)
    baseline = _rolling_median(intensity, p.window)
    bottom.plot(days, baseline, color="#2b83ba", linewidth=1.2, linestyle=":",
                label=f"median of previous {p.window} {freq}s (reference)")
    for a in found:
        start = dt.date.fromisoformat(a["period"])
        end = period_end(start, freq) + dt.timedelta(days=1)
        for ax in (top, bottom):
            ax.axvspan(start, end, color="#d7191c", alpha=0.08, linewidth=0)
        bottom.plot([start], [a["conflict_intensity"]], marker="v", color="#b2182b", markersize=9,
                    linestyle="none")
        bottom.annotate(f"z={a['z']:.1f}", (start, a["conflict_intensity"]), textcoords="offset points",
                        xytext=(0, 8), ha="center", fontsize=8, color="#b2182b")
    if found:
        bottom.plot([], [], marker="v", color="#b2182b", linestyle="none",
                    label=f"escalation alert (Poisson z ≥ {p.z_threshold:g} on conflict reports)")
    bottom.set_ylabel("conflict intensity\n(Σ −Goldstein)")
    bottom.set_ylim(bottom=0)
    bottom.legend(loc="upper left", fontsize=8, frameon=False)
    bottom.xaxis.set_major_locator(mdates.AutoDateLocator())
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(bottom.xaxis.get_major_locator()))
    for ax in (top, bottom):
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.spines[["top"]].set_visible(False)
    subject = dyad.upper().replace("-", "–") if dyad else (country or "all actors").upper()
    total = sum(r["events"] for r in rows)
    fig.suptitle(title or f"Tension {subject}, per {freq}: {total} events, {len(found)} alerts "
                 f"({rows[0]['period']} – {rows[-1]['period']})", fontsize=13)
    bottom.set_title("Flashpoint · unique events (syndicated copies counted once); negated and "
                     "hypothetical events left out", fontsize=8, color="#777777", loc="right")
    try:
        fig.savefig(path, dpi=130 if path.suffix.lower() == ".png" else None)
    except OSError as e:
        raise InputError("E109", path=path, reason=e.strerror or e) from e
    finally:
        plt.close(fig)
    return path


def _rolling_median(values: list[float], window: int) -> list[float]:
    import statistics

    out = []
    for i in range(len(values)):
        base = values[max(0, i - window) : i]
        out.append(statistics.median(base) if base else float("nan"))
    return out
