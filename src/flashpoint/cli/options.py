"""Options and choices several commands share (database, dates, dyad, output formats)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

DEFAULT_DB = "flashpoint.duckdb"

DbOpt = Annotated[str, typer.Option("--db", help="DuckDB database file.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")]
DyadOpt = Annotated[str | None, typer.Option(help="Country pair such as PRK-KOR (both directions).")]
# For the commands that also take --ordered (events, tension, export).
OrderableDyadOpt = Annotated[
    str | None, typer.Option(help="Country pair such as PRK-KOR (both directions unless --ordered).")
]
OrderedOpt = Annotated[bool, typer.Option(help="Dyad is source→target only.")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Freq(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"
    acled = "acled"


class SynthFormat(str, Enum):
    jsonl = "jsonl"
    txt = "txt"
