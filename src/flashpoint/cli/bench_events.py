"""CLI: `flashpoint bench accuracy` (the event coder against peers' gold data) and
`flashpoint bench pages` (the whole analyze path against the development pages' key)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import checkout
from .app import SummaryFormat, bench_app
from .exits import BELOW_FLOOR
from .session import fail


@bench_app.command("accuracy")
def bench_accuracy(
    path: Annotated[
        Path | None,
        typer.Option(
            "--path", help="The benchmarks/events folder (default ../shared/benchmarks/events)."
        ),
    ] = None,
    split: Annotated[
        str, typer.Option(help="Class split to score: test (reported) or train (development).")
    ] = "test",
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """5-class macro-F1 (ConfliBERT split), PLOVER type/actor accuracy, confusion, worst errors."""
    from rich.table import Table

    from ..bench.events import (
        CLASS_NAMES,
        below_floors,
        read_floors,
        run,
    )
    from .render import err, out, print_json

    folder = path or checkout.benchmarks_dir("events")
    if not folder.is_dir():
        err.print(f"[yellow]skipped:[/] gold data not found at {folder} (pass --path)")
        if fmt == "json":
            print_json({"skipped": f"gold data not found at {folder}"})
        return
    report = run(folder, split=split)
    if fmt == "json":
        print_json(report.to_dict())
        return

    figures = report.figures()
    floors = read_floors(checkout.gate_file("events"))
    summary = Table(title=f"Event coder accuracy ({folder})")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    summary.add_column("n", justify="right")
    summary.add_column("floor", justify="right")
    counts = {
        "class_macro_f1": report.n_class,
        "class_accuracy": report.n_class,
        "plover_type_accuracy": report.n_plover,
        "source_country_accuracy": report.n_source,
        "target_country_accuracy": report.n_target,
        "sector_accuracy": report.n_sector,
        "case_disaster_no_conflict": report.case.n["no_conflict"],
        "case_protest_recall": report.case.n["protest"],
        "case_material_conflict_recall": report.case.n["material_conflict"],
        "voa_plover_macro_f1": report.voa.n,
        "voa_main_type_accuracy": report.voa.n,
    }
    for name, value in figures.items():
        floor = floors.get(name)
        summary.add_row(
            name, f"{value:.3f}", str(counts[name]), f"{floor:.3f}" if floor is not None else "—"
        )
    out.print(summary)

    per_class = Table(
        title=f"ConfliBERT 5-class, {split} split: per-class F1 (rows gold, columns predicted)"
    )
    per_class.add_column("class")
    for c in range(len(CLASS_NAMES)):
        per_class.add_column(str(c), justify="right")
    per_class.add_column("P", justify="right")
    per_class.add_column("R", justify="right")
    per_class.add_column("F1", justify="right")
    for c, name in enumerate(CLASS_NAMES):
        stats = report.per_class[f"{c} {name}"]
        per_class.add_row(
            f"{c} {name}",
            *[str(v) for v in report.confusion[c]],
            f"{stats['precision']:.2f}",
            f"{stats['recall']:.2f}",
            f"{stats['f1']:.2f}",
        )
    out.print(per_class)

    plover = Table(title="PLOVER records: gold type -> predicted types")
    plover.add_column("gold")
    plover.add_column("n", justify="right")
    plover.add_column("predicted (count)")
    for gold, row in report.plover_confusion.items():
        plover.add_row(gold, str(sum(row.values())), ", ".join(f"{k} {v}" for k, v in row.items()))
    out.print(plover)

    worst = Table(title=f"20 worst class errors ({split} split)")
    worst.add_column("gold")
    worst.add_column("pred")
    worst.add_column("cameo")
    worst.add_column("trigger")
    worst.add_column("sentence", overflow="fold")
    for row in report.worst:
        worst.add_row(
            str(row["gold"]),
            str(row["predicted"]),
            row["cameo"] or "—",
            row["trigger"] or "—",
            row["text"],
        )
    out.print(worst)
    for group, rows in sorted(report.case.misses.items()):
        misses = Table(title=f"CASE 2021 misses: {group} (first 8 of {len(rows)})")
        misses.add_column("events coded")
        misses.add_column("snippet", overflow="fold")
        for row in rows[:8]:
            misses.add_row(", ".join(row["events"]) or "—", row["text"][:300])
        out.print(misses)
    voa = Table(title=f"VOA quotes: PLOVER per type ({report.voa.n} quotes)")
    for column in ("type", "P", "R", "F1", "n"):
        voa.add_column(column, justify="left" if column == "type" else "right")
    for name, stats in sorted(report.voa.per_type.items()):
        voa.add_row(
            name,
            f"{stats['precision']:.2f}",
            f"{stats['recall']:.2f}",
            f"{stats['f1']:.2f}",
            str(int(stats["support"])),
        )
    out.print(voa)
    speed = report.to_dict()["speed"]
    out.print(
        f"speed: {speed['words']} words; spaCy parse {speed['parse_words_per_s']} words/s, "
        f"parse + code {speed['parse_and_code_words_per_s']} words/s"
    )
    failing = below_floors(figures, floors)
    if failing and split == "test":
        fail("below floor: " + "; ".join(failing), BELOW_FLOOR)


@bench_app.command("pages")
def bench_pages(
    path: Annotated[
        Path | None,
        typer.Option(
            "--path", help="The benchmarks/pages folder (default ../shared/benchmarks/pages)."
        ),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Score only this page file (repeatable).")
    ] = None,
    worst: Annotated[int, typer.Option(help="How many misses of each kind to print.")] = 25,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Titles, dates, boilerplate, statements, key-event recall, event precision, must_not."""
    from rich.table import Table

    from ..bench.events import (
        above_ceilings,
        below_floors,
        read_ceilings,
        read_pages_floors,
    )
    from ..bench.pages import run
    from .render import err, out, print_json

    folder = path or checkout.benchmarks_dir("pages")
    if not (folder / "KEY.json").is_file():
        err.print(f"[yellow]skipped:[/] page key not found at {folder} (pass --path)")
        if fmt == "json":
            print_json({"skipped": f"page key not found at {folder}"})
        return
    report = run(folder, only=only)
    data = report.to_dict()
    if fmt == "json":
        print_json(data)
        return
    t = data["totals"]
    summary = Table(title=f"Development pages ({data['articles']} articles, {folder})")
    summary.add_column("figure")
    summary.add_column("right", justify="right")
    summary.add_column("of", justify="right")
    summary.add_column("share", justify="right")
    rows = [
        ("titles", t["title_ok"], data["articles"]),
        ("publication dates", t["published_ok"], data["articles"]),
        ("boilerplate removed", t["boilerplate_removed"], t["boilerplate_total"]),
        ("at most once", t["at_most_once_ok"], t["at_most_once_total"]),
        ("statements extracted", t["statements_emitted"], t["statements_expected"]),
        ("verdicts (3-way)", t["verdicts_right"], t["statements_expected"]),
        ("verdicts (supported/not)", t["supported_right"], t["statements_expected"]),
        ("key-event recall", t["key_found"], t["key_events"]),
        ("event precision", t["precision_right"], t["precision_counted"]),
        ("  acts, restatements once", t["acts_right"], t["acts_counted"]),
    ]
    for name, right, total in rows:
        summary.add_row(name, str(right), str(total), f"{right / total:.3f}" if total else "—")
    summary.add_row("must_not violations", str(t["must_not"]), "", "")
    out.print(summary)
    for title, key, head in (
        ("Missed key events", "missed", ("id", "want")),
        ("Emitted events matching no key entry", "wrong", ("event",)),
        ("must_not violations", "violations", ("event", "why")),
    ):
        out.print(f"\n[bold]{title}[/] (first {worst} of {len(data[key])})", highlight=False)
        for row in data[key][:worst]:
            label = "  ".join(str(row[c]) for c in head)
            out.print(f"- {row['file']}: {label}", highlight=False, markup=False)
            if row.get("emitted") is not None:
                out.print(
                    "    emitted here: " + ("; ".join(row["emitted"]) or "nothing"),
                    highlight=False,
                    markup=False,
                )
            out.print(f"    {row['sentence']}", highlight=False, markup=False)
    if data["skipped"]:
        err.print("[yellow]skipped:[/] " + "; ".join(data["skipped"]))
    failing = (
        below_floors(report.figures(), read_pages_floors(checkout.gate_file("events")))
        + above_ceilings({"pages_must_not_violations": t["must_not"]}, read_ceilings(checkout.gate_file("events")))
        if not only
        else []
    )
    if failing:
        fail("below floor: " + "; ".join(failing), BELOW_FLOOR)
