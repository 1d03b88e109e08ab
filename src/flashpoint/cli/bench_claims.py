"""CLI: `flashpoint bench claims` — the statement checker on data it was never fitted on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import checkout
from .app import SummaryFormat, bench_app


@bench_app.command("claims")
def bench_claims(
    path: Annotated[
        Path | None,
        typer.Option("--path", help="The benchmarks/claims folder (default ../shared/benchmarks/claims)."),
    ] = None,
    fit: Annotated[
        bool, typer.Option("--fit", help="Re-fit claims/data/verdict.json on FRANK CNN/DM valid first.")
    ] = False,
    card: Annotated[bool, typer.Option("--card", help="Write the figures into the model card.")] = False,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Balanced accuracy per held-out set, development-page verdicts and statements/s."""
    from rich.table import Table

    from ..bench.claims import report, write_card
    from .render import err, out, print_json

    folder = path or checkout.benchmarks_dir("claims")
    if not folder.is_dir():
        err.print(f"[yellow]skipped:[/] claims benchmarks not found at {folder} (pass --path)")
        if fmt == "json":
            print_json({"skipped": [f"claims benchmarks not found at {folder}"]})
        return
    rep = report(folder, refit=fit, pages_path=checkout.benchmarks_dir("pages"))
    if card:
        write_card(rep)
    if fmt == "json":
        print_json(rep.to_dict())
        return
    for reason in rep.skipped:
        err.print(f"[yellow]skipped:[/] {reason}")
    table = Table(title="statement checker (sets never trained or fitted on)")
    table.add_column("set", no_wrap=True)
    for col in ("n", "bal. acc.", "rec. sup.", "rec. unsup.", "verdicts"):
        table.add_column(col, justify="right")
    for name, s in rep.sets.items():
        verdicts = ", ".join(f"{k} {v}" for k, v in s["verdicts"].items())
        cells = [s["balanced_accuracy"], s["recall_supported"], s["recall_unsupported"]]
        table.add_row(name, str(s["n"]), *("" if c is None else f"{c:.3f}" for c in cells), verdicts)
    out.print(table)
    if rep.pages:
        p = rep.pages
        out.print(
            f"development pages: {p['statements_emitted']}/{p['statements_expected']} statements found, "
            f"three-way {p['three_way']:.3f}, supported-vs-not {p['supported_vs_not']:.3f}"
        )
    if rep.speed:
        out.print(
            f"speed: {rep.speed['statements_per_s']} statements/s on {rep.speed['set']} "
            f"({rep.speed['statements']} statements, {rep.speed['articles']} articles), cleaning and parsing "
            "each article included, model on one thread"
        )
    if rep.combiner:
        out.print(
            f"verdict combiner fitted on {rep.combiner['fitted_on']}; grouped CV balanced accuracy there "
            f"{rep.combiner['frank_valid_cv_balanced_accuracy']}"
        )
