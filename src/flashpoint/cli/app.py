"""The Typer applications every CLI module registers its commands on.

Kept apart from ``cli/__init__`` so that each command module imports only this, and the
command modules never import each other. Heavy libraries are imported inside the commands,
so ``flashpoint --help`` stays fast.
"""

from __future__ import annotations

from enum import Enum

import typer

app = typer.Typer(
    name="flashpoint",
    help="Conflict news to verified, coded events (CAMEO/PLOVER) and escalation signals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
bench_app = typer.Typer(help="Benchmarks that print their figures (speed, accuracy).", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


class SummaryFormat(str, Enum):
    """``--format`` of the commands that print one run summary (ingest, scale-ingest, load):
    a table for people or one JSON object. Anything else is refused by the parser."""

    table = "table"
    json = "json"
