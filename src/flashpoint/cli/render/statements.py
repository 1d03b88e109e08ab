"""Checked statements for people: each statement's verdict, score, and why."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from ...records import StatementCheck
from . import shorten

VERDICT_STYLE = {"supported": "green", "contradicted": "bold red", "not_in_source": "yellow"}
# A reason quotes the article sentence it rests on; the start says which one. It is cut to
# one line of its column when that holds REASON_LINE_MIN characters (at 120 columns), else
# to two lines (at 80), and never past REASON_CHARS.
REASON_CHARS = 120
REASON_LINE_MIN = 80


def statements_table(checks: Sequence[StatementCheck]) -> StatementsView:
    """Checked statements: verdict, score, the statement and why, laid out for the width."""
    return StatementsView(checks)


class StatementsView:
    """Statements for people: one numbered block each, at every width.

    The verdict and score lead; the statement and, under it in the same column, why (its
    reason, cut to one line of that column, two when narrow: a supporting sentence is named
    by its start, the article holds the rest). Four side-by-side columns wrapped the reason over
    three lines at 120 columns and the statement under the verdict at 80; a hanging column
    keeps each statement two lines at 120 and readable at 80.
    """

    def __init__(self, checks: Sequence[StatementCheck]) -> None:
        self.checks = list(checks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        number = len(f"{len(self.checks)}.")
        verdicts = [Text.assemble(_verdict(c), f" {c.score:.2f}") for c in self.checks]
        lead = max((v.cell_len for v in verdicts), default=0)
        # What is left for the statement column (grid padding: one space after each column).
        column = max(20, options.max_width - number - lead - 2)
        table = Table.grid(padding=(0, 1, 0, 0), expand=False)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold", max_width=column)
        for i, (check, verdict) in enumerate(zip(self.checks, verdicts, strict=True), 1):
            lines = 1 if column >= REASON_LINE_MIN else 2
            reason = shorten(" ".join(check.reason.split()), min(REASON_CHARS, lines * column))
            table.add_row(f"{i}.", verdict, Text.assemble(
                (shorten(check.text, 200), "bold"), "\n", (reason, "dim")))
        yield table


def _verdict(check: StatementCheck) -> Text:
    return Text(check.verdict, style=VERDICT_STYLE.get(check.verdict, ""))
