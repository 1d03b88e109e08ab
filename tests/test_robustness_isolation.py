"""Fault isolation: one bad input never costs a batch (issue 10).

A bug met while reading, analysing or storing one input becomes that input's stored
``internal_error`` skip (stage, error class and message), and the rest of the batch is kept.
The reproducers of the issue (each aborted a whole ingest) are fixed at their cause.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint import ingest, pipeline
from flashpoint.records import Analysis, Article, Skipped, content_id, internal_error
from flashpoint.store import connect_readonly
from flashpoint.store.ingest import ingest as run_ingest

GOOD = (
    "North Korea fired two ballistic missiles into the sea on Tuesday, the South Korean "
    "military said. The United Nations condemned the launch and urged Pyongyang to return "
    "to talks with Seoul and Washington. {n}"
)
POISON = "POISONED-ARTICLE"


def _corpus(folder: Path, n: int = 3) -> list[Path]:
    folder.mkdir(exist_ok=True)
    files = []
    for i in range(n):
        path = folder / f"good{i}.txt"
        path.write_text(GOOD.format(n=f"Report number {i}."), encoding="utf-8")
        files.append(path)
    return files


def _rows(db: Path, sql: str) -> list[tuple]:
    con = connect_readonly(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("stage", ["analyse"])
def test_robustness_internal_error_names_stage_class_and_message(stage: str) -> None:
    skip = internal_error(stage, IndexError("list index out of range\nmore"), "a\udcffb.txt")
    assert skip.reason == "internal_error"
    assert skip.detail == "analyse stage: IndexError: list index out of range"
    assert skip.origin == "a\ufffdb.txt"


@pytest.mark.parametrize("n_process", [1])
def test_robustness_analysis_bug_costs_only_its_article(monkeypatch, n_process: int) -> None:
    real = pipeline.code_doc

    def flaky(doc, **kw):
        if POISON in doc.text:
            raise IndexError("injected")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "code_doc", flaky)
    items = [ingest.read_text(GOOD.format(n=x), origin=x) for x in ("a", POISON, "b")]
    results = list(pipeline.analyze_many(items, n_process=n_process))
    assert [r.article is not None for r in results] == [True, False, True]
    assert results[0].events and results[2].events
    skipped = results[1].skipped
    assert skipped is not None and skipped.reason == "internal_error"
    assert skipped.detail == "analyse stage: IndexError: injected"
    assert skipped.origin == POISON


@pytest.mark.parametrize("bad_at", [1])
def test_robustness_shared_parse_failure_is_retried_per_article(monkeypatch, bad_at: int) -> None:
    real = pipeline.parse_with_context

    def flaky(texts, **kw):
        texts = list(texts)
        if any(POISON in t for t, _ in texts):
            raise ValueError("parser broke")
        return real(texts, **kw)

    monkeypatch.setattr(pipeline, "parse_with_context", flaky)
    names = ["a", "b", "c"]
    names[bad_at] = POISON
    items = [ingest.read_text(GOOD.format(n=x), origin=x) for x in names]
    results = list(pipeline.analyze_many(items))
    assert [r.skipped.reason if r.skipped else "ok" for r in results] == ["ok", "internal_error", "ok"]


def test_robustness_ingest_keeps_the_good_files_when_one_read_fails(tmp_path, monkeypatch) -> None:
    from flashpoint.ingest import paths

    files = _corpus(tmp_path / "news")
    real = paths.read_bytes_many

    def flaky(data, **kw):
        if kw["origin"].endswith("good1.txt"):
            raise RuntimeError("reader bug")
        return real(data, **kw)

    monkeypatch.setattr(paths, "read_bytes_many", flaky)
    db = tmp_path / "x.duckdb"
    stats = run_ingest([tmp_path / "news"], db=db, workers=1)
    assert stats.articles_new == 2
    assert stats.skips_by_reason == {"internal_error": 1}
    assert _rows(db, "SELECT reason, detail, origin FROM skips") == [
        ("internal_error", "read stage: RuntimeError: reader bug", str(files[1]))
    ]


def test_robustness_ingest_keeps_the_batch_when_one_record_cannot_be_stored(
    tmp_path, monkeypatch
) -> None:
    from flashpoint.store import writer

    _corpus(tmp_path / "news")
    db = tmp_path / "x.duckdb"
    items = list(ingest.read_path(tmp_path / "news"))
    poisoned = items[1]
    assert isinstance(poisoned, Article)
    real = writer.event_id

    def bad_id(article_id, event):  # a value the store refuses, for one article only
        if article_id == poisoned.id:
            raise OverflowError("injected store bug")
        return real(article_id, event)

    monkeypatch.setattr(writer, "event_id", bad_id)
    stats = run_ingest([], items=items, db=db, workers=1)
    assert stats.articles_new == 2
    assert stats.skips_by_reason == {"internal_error": 1}
    (reason, detail, origin), = _rows(db, "SELECT reason, detail, origin FROM skips")
    assert (reason, origin) == ("internal_error", poisoned.origin)
    assert detail == "store stage: OverflowError: injected store bug"
    assert _rows(db, "SELECT count(*) FROM articles") == [(2,)]


# --- the reproducers, fixed at their cause -------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("nested.json", b"[" * 100_000, "invalid_json"),
        ("bigint.json", b'{"text": "x", "n": ' + b"9" * 5000 + b"}", "invalid_json"),
        ("nested.jsonl", b'{"text": "a"}\n' + b"[" * 100_000 + b"\n", "invalid_json"),
        ("odd.txt", b"\xff\xfeA\x00B", "binary"),
    ],
)
def test_robustness_reader_reproducers_are_skips(tmp_path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    results = list(ingest.read_path(path))
    assert results and all(isinstance(r, Skipped) for r in results)
    assert reason in {r.reason for r in results}


@pytest.mark.parametrize("text", ["North Korea fired a missile \ud800 at the sea."])
def test_robustness_lone_surrogates_are_replaced_and_noted(text: str) -> None:
    assert content_id(text)  # never raises
    record = json.loads(json.dumps({"text": text * 3, "title": "T\udfff"}))
    article = ingest.read_json_record(record, origin="x")
    assert isinstance(article, Article)
    assert "\ud800" not in article.text and "\ufffd" in article.text
    assert article.title == "T\ufffd"
    assert any("surrogate" in note for note in article.notes)


@pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 file names need a POSIX file system")
def test_robustness_non_utf8_file_name_is_stored(tmp_path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    name = os.fsencode(folder) + b"/bad\xffname.txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.format(n="odd name").encode())
    db = tmp_path / "x.duckdb"
    stats = run_ingest([folder], db=db, workers=1)
    assert stats.articles_new == 1 and stats.skips == 0
    (origin,), = _rows(db, "SELECT origin FROM articles")
    assert origin.endswith("bad\\xffname.txt")


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:80a/"])
def test_robustness_invalid_feed_url_is_a_skip(url: str) -> None:
    (result,) = list(ingest.read_feed_url(url, retries=0))
    assert isinstance(result, Skipped) and result.reason == "fetch_failed"
    assert "invalid URL" in result.detail


@pytest.mark.parametrize(
    "body",
    [
        "North Korea fired \u00b2\u00b3 rockets at the South on Tuesday, officials in Seoul said.",
        "North Korea fired " + ",".join(["1"] * 400) + " rockets at the South on Tuesday.",
    ],
)
def test_robustness_claims_number_reproducers(body: str) -> None:
    article = ingest.read_json_record(
        {"text": body + " The attack came after talks failed.", "statements": [body]}
    )
    assert isinstance(article, Article)
    (result,) = list(pipeline.analyze_many([article]))
    assert result.skipped is None
    assert len(result.statements) == 1


def test_robustness_cli_check_bad_published_is_a_line_error(tmp_path) -> None:
    from flashpoint.cli import app

    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"id": 1, "article": "Japan met Korea.", "statement": "Japan met Korea.", "published": ["2023"]},
        {"id": 2, "article": "Japan met Korea on Monday.", "statement": "Japan met Korea."},
    ]
    pairs.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--input", str(pairs), "-f", "jsonl"])
    assert result.exit_code == 3, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [x["id"] for x in lines] == [2]


def test_robustness_cli_code_error_object_on_its_line(tmp_path, monkeypatch) -> None:
    from flashpoint.cli import app

    real = pipeline.code

    def flaky(text, **kw):
        if POISON in text:
            raise KeyError("injected")
        return real(text, **kw)

    monkeypatch.setattr(pipeline, "code", flaky)
    lines = tmp_path / "s.jsonl"
    lines.write_text(
        json.dumps({"id": "a", "text": "Japan accused China."}) + "\n"
        + json.dumps({"id": "b", "text": POISON}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["code", "--input", str(lines), "-f", "jsonl"])
    assert result.exit_code == 3, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert out[0]["id"] == "a" and "events" in out[0]
    assert out[1] == {
        "id": "b",
        "error": {"reason": "internal_error", "detail": "analyse stage: KeyError: 'injected'"},
    }


@pytest.mark.parametrize(
    ("extra", "status"),
    [([], 0), (["/nonexistent-rel-test"], 3)],
)
def test_robustness_cli_analyze_exit_status(tmp_path, extra: list[str], status: int) -> None:
    from flashpoint.cli import app

    (good,) = _corpus(tmp_path / "news", n=1)
    result = CliRunner().invoke(app, ["analyze", "--no-store", "-f", "jsonl", str(good), *extra])
    assert result.exit_code == status, result.output


def test_robustness_cli_ingest_nothing_done_is_status_1(tmp_path) -> None:
    from flashpoint.cli import app

    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "missing"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1, result.output


def test_robustness_analysis_of_skipped_inputs_passes_through() -> None:
    skip = Skipped("missing", "no such file", "x")
    assert list(pipeline.analyze_many([skip])) == [Analysis(article=None, skipped=skip)]


# --- the API: the one error shape, the input kept for a re-run -------------------------------


@pytest.mark.parametrize("route", ["/api/analyze", "/api/articles"])
def test_robustness_api_internal_error_is_the_error_shape(tmp_path, monkeypatch, route: str) -> None:
    from fastapi.testclient import TestClient

    from flashpoint.api import create_app
    from flashpoint.store import Store

    def broken(doc, **kw):
        raise IndexError("injected")

    monkeypatch.setattr(pipeline, "code_doc", broken)
    db = tmp_path / "api.duckdb"
    Store(db).close()
    page = {"text": GOOD.format(n="api"), "published": "2023-12-04", "title": "T"}
    with TestClient(create_app(db, token="t" * 32), raise_server_exceptions=False) as client:
        response = client.post(route, json=page, headers={"Authorization": "Bearer " + "t" * 32})
    body = response.json()
    assert response.status_code == 500
    assert body["ok"] is False and body["status"] == 500
    assert "analyse stage: IndexError: injected" in body["error"]
    assert body["errors"][0]["reason"] == "internal_error"
    if route == "/api/articles":
        kept = Path(body["errors"][0]["kept"])
        assert json.loads(kept.read_text(encoding="utf-8")) == page
        assert _rows(db, "SELECT reason FROM skips") == [("internal_error",)]
        monkeypatch.undo()  # the bug is fixed: the kept input is ingested as it was posted
        stats = run_ingest([kept.parent], db=db, workers=1)
        assert stats.articles_new == 1 and stats.events >= 1
