"""A damaged database file (zero bytes, truncated, a corrupt block) gives one line naming the
file and what to do (E314), from ingest, reads and the server alike: never a traceback, and
never a blame on "another process"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.errors import StoreUnusableError
from flashpoint.records import Analysis, Article, content_id
from flashpoint.store import Store, connect_readonly


def _stored(path: Path) -> Path:
    with Store(path) as store:
        text = "Japan and South Korea agreed on Friday to resume defence talks in Tokyo."
        store.write([Analysis(article=Article(id=content_id(text), text=text))])
        store.refresh()
    return path


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "zero":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 3])
    else:  # a block's bytes overwritten: its checksum no longer matches
        block = 12288
        path.write_bytes(data[:block + 16] + b"\xde\xad\xbe\xef" * 64 + data[block + 16 + 256:])


@pytest.mark.parametrize("how", ["zero", "truncated", "corrupt"])
def test_robustness_damaged_database_is_one_clear_error(tmp_path: Path, how: str) -> None:
    db = _stored(tmp_path / "x.duckdb")
    _damage(db, how)
    with pytest.raises(StoreUnusableError) as info:
        con = connect_readonly(db)
        con.execute("SELECT * FROM articles").fetchall()
    message = str(info.value)
    assert message.startswith("E314: ") and str(db) in message
    assert "backup" in message and "another process" not in message


@pytest.mark.parametrize("command", ["ingest", "events", "serve"])
def test_robustness_cli_on_a_truncated_database_says_what_to_do(tmp_path: Path, command: str) -> None:
    from flashpoint.cli import app

    db = _stored(tmp_path / "x.duckdb")
    _damage(db, "truncated")
    page = tmp_path / "a.txt"
    page.write_text("Japan and South Korea met in Tokyo on Monday to resume talks.", encoding="utf-8")
    args = {
        "ingest": ["ingest", str(page), "--db", str(db), "--workers", "1"],
        "events": ["events", "--db", str(db)],
        "serve": ["serve", "--db", str(db), "--port", "0"],
    }[command]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "E314" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("rounds", [6])
def test_robustness_a_store_written_many_times_is_never_called_truncated(
    tmp_path: Path, rounds: int
) -> None:
    """DuckDB trims free blocks off the end of its file, so a healthy file can be shorter than
    its block count: round after round of writes and refreshes must reopen without E314."""
    db = tmp_path / "x.duckdb"
    for r in range(rounds):
        with Store(db) as store:
            texts = [
                f"Round {r}: North Korea fired {i + 2} missiles toward Japan on day {i}, "
                f"South Korea's military said in report {r}-{i}." * 3
                for i in range(20)
            ]
            store.write([Analysis(article=Article(id=content_id(t), text=t)) for t in texts])
            store.refresh(full=(r % 2 == 1))
        con = connect_readonly(db)
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 20 * (r + 1)
        con.close()
