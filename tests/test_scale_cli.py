"""`flashpoint load`: Parquet from the runner into DuckDB; bad directories give a one-line error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import flashpoint.cli  # noqa: F401  registers the commands
from flashpoint.cli.app import app
from flashpoint.records import Analysis, Article, Skipped
from flashpoint.scale.parquet import write_partition

runner = CliRunner()

TEXT = (
    "Border guards of Northland fired on a patrol boat from Southland near the islands on "
    "Tuesday, the Southland navy said, and Southland recalled its ambassador."
)


def test_scale_cli_load_writes_the_database(tmp_path: Path):
    article = Article(
        id="x1", text=TEXT, title="Boat fired on", published=dt.date(2024, 2, 6), origin="a.txt"
    )
    write_partition(tmp_path / "events", "k1", [Analysis(article)], part=0)
    skip = Skipped("binary", "not text: PNG image", "b.png")
    write_partition(tmp_path / "events", "k2", [Analysis(None, skipped=skip)], part=1)
    db = tmp_path / "crisis.duckdb"
    result = runner.invoke(
        app, ["load", str(tmp_path / "events"), "--db", str(db), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles_new"] == 1 and summary["skips_new"] == 1 and summary["partitions"] == 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT id, origin FROM articles").fetchall() == [("x1", "a.txt")]
    assert con.execute("SELECT reason, origin FROM skips").fetchall() == [("binary", "b.png")]


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_scale_cli_load_refuses_what_is_not_runner_output(tmp_path: Path, make: str):
    target = tmp_path / "events"
    if make == "empty":
        target.mkdir()
    result = runner.invoke(app, ["load", str(target), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2  # a usage error (cli/exits.py), as in every command
    assert ("E113" if make == "missing" else "E114") in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.duckdb").exists()
