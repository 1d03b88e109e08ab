"""CLI: `flashpoint bench accuracy` — the event coder against peers' gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import bench_app


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
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """5-class macro-F1 (ConfliBERT split), PLOVER type/actor accuracy, confusion, worst errors."""
    from rich.table import Table

    from ..bench.events import (
        CLASS_NAMES,
        DEFAULT_PATH,
        FLOORS_PATH,
        below_floors,
        read_floors,
        run,
    )
    from .render import err, out, print_json

    folder = path or DEFAULT_PATH
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
    floors = read_floors(FLOORS_PATH)
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
    speed = report.to_dict()["speed"]
    out.print(
        f"speed: {speed['words']} words; spaCy parse {speed['parse_words_per_s']} words/s, "
        f"parse + code {speed['parse_and_code_words_per_s']} words/s"
    )
    failing = below_floors(figures, floors)
    if failing and split == "test":
        err.print("[red]below floor:[/] " + "; ".join(failing))
        raise typer.Exit(1)
