"""CLI: `flashpoint bench speed` — analyze throughput against plain nlp.pipe."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import SummaryFormat, bench_app


@bench_app.command("speed")
def bench_speed(
    corpus: Annotated[Path, typer.Argument(help="Folder of pages to analyse.")] = Path("examples"),
    repeat: Annotated[int, typer.Option(help="Passes over the corpus per side.")] = 3,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Time per article and words/s of `analyze` vs plain spaCy `nlp.pipe` on the texts it parses (and on the bodies only)."""
    from rich.table import Table

    from ..bench.speed import measure
    from .render import out, print_json

    report = measure(corpus, repeat=repeat)
    if fmt == "json":
        print_json(report.to_dict())
        return
    table = Table(title=f"analyze speed on {corpus}/ ({report.articles} articles, "
                  f"{report.words} words, {report.statements} statements, x{repeat}), 1 process")
    table.add_column("path")
    table.add_column("words/s", justify="right")
    table.add_column("ms/article", justify="right")
    per_article = 1000 / (report.articles * repeat)
    table.add_row(f"spaCy nlp.pipe, the {report.parsed_texts} texts analyze parses",
                  f"{report.spacy_words_per_s:,.0f}", f"{report.spacy_seconds * per_article:.1f}")
    table.add_row("spaCy nlp.pipe, the bodies only",
                  f"{report.words * repeat / report.bodies_seconds:,.0f}",
                  f"{report.bodies_seconds * per_article:.1f}")
    table.add_row("flashpoint analyze", f"{report.flashpoint_words_per_s:,.0f}",
                  f"{report.ms_per_article:.1f}")
    out.print(table)
    per_pass = 1 / repeat
    out.print(f"CPU seconds per pass: spaCy on the same texts {report.spacy_cpu_seconds * per_pass:.2f}, "
              f"on the bodies only {report.bodies_cpu_seconds * per_pass:.2f}; "
              f"flashpoint {report.flashpoint_cpu_seconds * per_pass:.2f} = parse "
              f"{report.parse_cpu_seconds * per_pass:.2f} (bodies, titles, statements) + coding "
              f"{report.code_cpu_seconds * per_pass:.2f} + checking "
              f"{report.check_cpu_seconds * per_pass:.2f} (the statement model "
              f"{report.model_cpu_seconds * per_pass:.2f} in {report.model_runs * per_pass:.0f} runs) + the rest")
    out.print(f"flashpoint / spaCy throughput ratio on the same texts: {report.ratio:.2f} wall clock, "
              f"{report.cpu_ratio:.2f} CPU time; against the bodies only: {report.bodies_ratio:.2f} "
              f"wall clock, {report.bodies_cpu_ratio:.2f} CPU time (after one untimed pass per side; "
              f"flashpoint's first pass, loading included: {report.first_pass_seconds:.2f} s)")
