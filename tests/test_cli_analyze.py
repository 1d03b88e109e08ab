"""The single-page commands on good and bad input: one-line errors or stored skips, never a traceback."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

import flashpoint.cli  # noqa: F401  registers the commands
from flashpoint.cli.app import app

runner = CliRunner()

REPORT = """Rebels attack convoy in eastern Congo

Published: 4 June 2024

Rebels attacked a United Nations convoy near Goma on Sunday, killing two peacekeepers, officials said.
The UN Security Council condemned the attack.
"""


def _run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture()
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_cli_analyze_json_contract(page, tmp_path):
    result = _run("analyze", str(page), "--format", "json", "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"article", "events", "statements", "skipped"}
    assert data["article"]["title"] == "Rebels attack convoy in eastern Congo"
    assert data["events"], "the attack must be coded"
    event = data["events"][0]
    assert {"source", "target", "cameo", "cameo_root", "plover", "quad_class", "goldstein", "date",
            "date_text", "attribution", "location", "negated", "modality", "evidence"} <= set(event)
    assert event["date"] == "2024-06-02"


def test_cli_analyze_rerun_stores_nothing_twice(page, tmp_path):
    db = tmp_path / "x.duckdb"
    for _ in range(2):
        assert _run("analyze", str(page), "--format", "jsonl", "--db", str(db)).exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 1
        events = con.execute("select count(*) from events").fetchone()[0]
    assert events >= 1
    _run("analyze", str(page), "--format", "jsonl", "--db", str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from events").fetchone()[0] == events


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "missing"),
        ("empty.txt", b"", "empty"),
        ("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(200), "binary"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no_article"),
    ],
)
def test_cli_analyze_bad_input_becomes_a_stored_skip(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    db = tmp_path / "x.duckdb"
    result = _run("analyze", str(path), "--format", "json", "--db", str(db))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["skipped"]["reason"] == reason
    with duckdb.connect(str(db), read_only=True) as con:
        count = con.execute("select count(*) from skips where reason = ?", [reason]).fetchone()[0]
    assert count == 1


def test_cli_analyze_refuses_a_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50_000_000)
    result = _run("analyze", str(path), "--format", "json", "--no-store")
    assert json.loads(result.stdout)["skipped"]["reason"] == "too_large"


def test_cli_analyze_invalid_utf8_is_noted_and_analysed(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(REPORT.encode().replace(b"Goma", b"Go\xffma"))
    result = _run("analyze", str(path), "--format", "json", "--no-store")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["text"]


def test_cli_code_jsonl_keeps_order_and_reports_bad_lines(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "a", "text": "Turkey shelled Kurdish positions in Syria.", "published": "2024-02-01"}\n'
        "not json\n"
        '{"id": "b", "text": "Japan and South Korea signed a trade agreement."}\n',
        encoding="utf-8",
    )
    result = _run("code", "--input", str(path), "--format", "jsonl")
    assert result.exit_code == 3  # partly done: one line could not be used (cli.exits)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["events"][0]["cameo_root"] in {"19", "20"}
    assert "s.jsonl:2" in result.stderr


def test_cli_check_jsonl(tmp_path):
    path = tmp_path / "p.jsonl"
    article = "Iran seized a tanker in the Strait of Hormuz on Friday, state media said."
    rows = [
        {"id": 1, "article": article, "statement": "Iran seized a tanker on Friday."},
        {"id": 2, "article": article, "statement": "Iraq seized a tanker on Friday."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = _run("check", "--input", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert out[0]["verdict"] == "supported"
    assert out[1]["verdict"] != "supported"
    assert set(out[0]) == {"id", "verdict", "score", "evidence", "reason"}
