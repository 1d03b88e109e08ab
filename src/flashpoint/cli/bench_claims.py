"""CLI: `flashpoint bench claims` — the statement checker on SummEdits, FRANK and built cases."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import bench_app


@bench_app.command("claims")
def bench_claims(
    path: Annotated[
        Path | None,
        typer.Option("--path", help="The benchmarks/claims folder (default ../shared/benchmarks/claims)."),
    ] = None,
    examples: Annotated[
        Path | None, typer.Option("--examples", help="Sample articles for the built cases (default examples/).")
    ] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", help="spaCy parse processes.")] = 1,
    fit: Annotated[
        bool, typer.Option("--fit", help="Re-fit claims/data/weights.json on the tuning splits first.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Balanced accuracy, recall per edit type and statements/s of `flashpoint check`."""
    from rich.table import Table

    from ..bench.claims import DEFAULT_PATH, EXAMPLES_PATH, report
    from .render import err, out, print_json

    folder = path or DEFAULT_PATH
    if not folder.is_dir():
        err.print(f"[yellow]skipped:[/] claims benchmarks not found at {folder} (pass --path)")
        if fmt == "json":
            print_json({"skipped": [f"claims benchmarks not found at {folder}"]})
        return
    rep = report(folder, examples=examples or EXAMPLES_PATH, n_process=processes, refit=fit)
    if fmt == "json":
        print_json(rep.to_dict())
        return
    for reason in rep.skipped:
        err.print(f"[yellow]skipped:[/] {reason}")
    table = Table(title=f"statement checker (weights: {rep.fitted_on})")
    for col in ("benchmark", "n", "balanced acc.", "recall supported", "recall unsupported", "stmts/s", "check-only stmts/s"):
        table.add_column(col, justify="left" if col == "benchmark" else "right")
    rows = [
        ("SummEdits news tune (leave-one-article-out CV)", rep.summedits, "balanced_accuracy_cv"),
        ("FRANK CNN/DM test", rep.frank, "balanced_accuracy"),
        ("built cases from examples/ (report half)", rep.built, "balanced_accuracy"),
    ]
    for name, data, key in rows:
        if not data:
            continue
        table.add_row(
            name,
            str(data["n"]),
            f"{data[key]:.3f}",
            f"{data['recall_supported']:.3f}",
            f"{data['recall_unsupported']:.3f}",
            f"{data['statements_per_s']:.1f}" if "statements_per_s" in data else "",
            f"{data['check_statements_per_s']:.0f}" if "check_statements_per_s" in data else "",
        )
    out.print(table)
    for name, data in (("SummEdits", rep.summedits), ("built cases", rep.built), ("FRANK test", rep.frank)):
        if data:
            per = ", ".join(f"{k} {v:.2f}" for k, v in data["recall_per_type"].items())
            out.print(f"{name} recall per type: {per}")
    if rep.summedits:
        out.print(
            "SummEdits with the shipped weights (in sample, for reference): "
            f"{rep.summedits['balanced_accuracy_shipped_in_sample']:.3f}"
        )
