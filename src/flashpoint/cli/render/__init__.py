"""How results look to people (rich tables) and to machines (JSON/JSONL/CSV).

Kept apart from the commands so that every command renders the same record the same way. This
module holds what every command shares: the two consoles (``out`` for results, ``err`` for
progress and notes) and one entry per machine format (``print_json``, ``print_jsonl``,
``print_csv``; ``emit`` picks one, or prints a table for people). What people see is drawn by
the module named for what it shows: ``events`` (coded events, stored events), ``statements``
(checked statements and their verdicts), ``articles`` (one article's report), ``monitor`` (the
corpus: store summary, tension series, alerts, stories) and ``progress`` (an ingest's live
progress, its summary, what a run stored).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)


def dumps(obj: Any) -> str:
    """One record as one line of JSON (UTF-8 kept, dates and other values as strings)."""
    return json.dumps(obj, ensure_ascii=False, default=str)


def print_json(obj: Any) -> None:
    """``obj`` as indented JSON on stdout: ``--format json``."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def print_jsonl(rows: Iterable[Any]) -> None:
    """One JSON line per row, flushed as it goes (a reader of a pipe sees each row at once):
    ``--format jsonl``."""
    for row in rows:
        sys.stdout.write(dumps(row) + "\n")
        sys.stdout.flush()


def print_csv(rows: Sequence[dict[str, Any]]) -> None:
    """Rows as CSV with a header from the first row's keys (nothing for no rows): ``--format
    csv``."""
    if not rows:
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    sys.stdout.write(buffer.getvalue())


def emit(rows: list[dict[str, Any]], fmt: str, table: Any = None) -> None:
    """``rows`` as JSON, JSONL or CSV, or (``fmt == "table"``) ``table()`` printed for people."""
    if fmt == "json":
        print_json(rows)
    elif fmt == "jsonl":
        print_jsonl(rows)
    elif fmt == "csv":
        print_csv(rows)
    elif table is not None:
        out.print(table())


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, an ellipsis last when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"
