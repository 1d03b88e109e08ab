"""CLI: `flashpoint bench claims` — the statement checker on SummEdits, FRANK and built cases."""

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
    examples: Annotated[
        Path | None, typer.Option("--examples", help="Sample articles for the built cases (default examples/).")
    ] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", help="spaCy parse processes.")] = 1,
    fit: Annotated[
        bool, typer.Option("--fit", help="Re-fit claims/data/weights.json on the tuning splits first.")
    ] = False,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Balanced accuracy, recall per edit type and statements/s of `flashpoint check`."""
    from rich.table import Table

    from ..bench.claims import report
    from .render import err, out, print_json

    folder = path or checkout.benchmarks_dir("claims")
    if not folder.is_dir():
        err.print(f"[yellow]skipped:[/] claims benchmarks not found at {folder} (pass --path)")
        if fmt == "json":
            print_json({"skipped": [f"claims benchmarks not found at {folder}"]})
        return
    rep = report(folder, examples=examples or checkout.examples_dir(), n_process=processes, refit=fit)
    if fmt == "json":
        print_json(rep.to_dict())
        return
    for reason in rep.skipped:
        err.print(f"[yellow]skipped:[/] {reason}")
    table = Table(title="statement checker")
    table.add_column("benchmark", no_wrap=True)
    for col in ("n", "bal. acc.", "rec. sup.", "rec. unsup.", "stmt/s", "stmt/s parsed", "stmt/s check"):
        table.add_column(col, justify="right")
    rows = [
        ("SummEdits CV", rep.summedits, "balanced_accuracy_cv"),
        ("FRANK test", rep.frank, "balanced_accuracy"),
        ("built cases", rep.built, "balanced_accuracy"),
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
            *(f"{data[k]:.0f}" if k in data else "" for k in
              ("statements_per_s", "statements_per_s_article_parsed", "check_statements_per_s")),
        )
    out.print(table)
    out.print(
        "SummEdits CV: news tune split, leave-one-article-out; FRANK test: CNN/DM, fitted on valid; "
        "built cases: FactCC-style cases from examples/ (report half). "
        f"Weights fitted on {rep.fitted_on}."
    )
    out.print(
        "stmt/s: everything (clean + parse article and statements + check); stmt/s parsed: once the "
        "article is parsed (as in the pipeline, which shares that parse with the event coder); "
        f"stmt/s check: the claims stage alone. spaCy processes: {processes}."
    )
    for name, data in (("SummEdits", rep.summedits), ("built cases", rep.built), ("FRANK test", rep.frank)):
        if data:
            per = ", ".join(f"{k} {v:.2f}" for k, v in data["recall_per_type"].items())
            out.print(f"{name} recall per type: {per}")
    if rep.summedits:
        out.print(
            "SummEdits with the shipped weights (in sample, for reference): "
            f"{rep.summedits['balanced_accuracy_shipped_in_sample']:.3f}"
        )
