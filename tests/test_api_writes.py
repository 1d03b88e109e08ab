"""Writes: refused without a token (and nothing stored), stored with one, visible to reads at
once; the analyse route runs the real pipeline on a hand-written page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_api_support import TOKEN, article_with

from flashpoint.api import create_app, load_token
from flashpoint.errors import ConfigError

PAGE = {"text": "Seoul protested on Monday.", "published": "2023-12-04"}

pytest_plugins = ["test_api_support"]  # its fixtures: crisis_db, api, writable_db


def _counts(path: Path) -> dict[str, int]:
    from flashpoint.store import connect_readonly, queries

    con = connect_readonly(path)
    try:
        return queries.counts(con)
    finally:
        con.close()


@pytest.fixture
def stub_analysis(monkeypatch):
    """Replace the NLP with a hand-built analysis: these tests are about storing, not coding."""
    from flashpoint.api import writes

    analysis = article_with(
        [("PRKMIL", "fire", "KORMIL")], published=dt.date(2023, 12, 4), title="Stub report"
    )
    monkeypatch.setattr(writes, "_analyze", lambda page: analysis)
    return analysis


@pytest.mark.parametrize("server_token", [None, TOKEN])
@pytest.mark.parametrize("client_token", [None, "not-the-token-at-all"])
def test_api_writes_refused_without_token_store_nothing(
    writable_db: Path, stub_analysis, server_token, client_token
) -> None:
    before = _counts(writable_db)
    headers = {"Authorization": f"Bearer {client_token}"} if client_token else {}
    with TestClient(
        create_app(writable_db, token=server_token), raise_server_exceptions=False
    ) as c:
        response = c.post("/api/articles", json=PAGE, headers=headers)
        assert response.status_code == 401
        assert response.json()["ok"] is False
    assert _counts(writable_db) == before


def test_api_writes_with_token_store_and_show_at_once(writable_db: Path, stub_analysis) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(writable_db, token=TOKEN), raise_server_exceptions=False) as c:
        before = c.get("/api/events?since=2023-12-01").json()["total"]  # fills the cache
        first = c.post("/api/articles", json=PAGE, headers=headers)
        assert first.status_code == 201
        assert first.json()["created"] is True
        assert first.json()["article_id"] == stub_analysis.article.id
        after = c.get("/api/events?since=2023-12-01").json()["total"]
        assert (before, after) == (0, 1)
        again = c.post("/api/articles", json=PAGE, headers=headers)
        assert again.status_code == 200 and again.json()["created"] is False
        article = c.get(f"/api/articles/{stub_analysis.article.id}").json()
        assert article["article"]["title"] == "Stub report"


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", None, "application/json"]
)
def test_api_writes_accept_json_body_as_curl_d_sends_it(
    writable_db: Path, stub_analysis, content_type
) -> None:
    """`curl -H "Authorization: Bearer ..." -d @page.json` says form-urlencoded: still JSON."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    if content_type:
        headers["Content-Type"] = content_type
    with TestClient(create_app(writable_db, token=TOKEN), raise_server_exceptions=False) as c:
        response = c.post("/api/articles", content=json.dumps(PAGE).encode(), headers=headers)
        bad = c.post("/api/articles", content=b"text=not json", headers=headers)
    assert response.status_code == 201
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"] == "body"


def test_api_writes_concurrent_with_reads_lose_nothing(writable_db: Path, monkeypatch) -> None:
    """Writers (one at a time, under the lock) and readers in parallel threads: every request
    succeeds, and every write is visible at the end."""
    from concurrent.futures import ThreadPoolExecutor

    from flashpoint.api import writes

    pages = {
        f"page {i}": article_with(
            [("KORMIL", "fire", "PRKMIL")], published=dt.date(2024, 2, 1 + i), title=f"page {i}"
        )
        for i in range(8)
    }
    monkeypatch.setattr(writes, "_analyze", lambda page: pages[page.text])
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(writable_db, token=TOKEN), raise_server_exceptions=False) as c:

        def write(text: str) -> int:
            return c.post("/api/articles", json={"text": text}, headers=headers).status_code

        def read(i: int) -> int:
            return c.get(f"/api/events?since=2024-02-01&limit={i + 1}").status_code

        texts = list(pages)
        with ThreadPoolExecutor(max_workers=8) as pool:  # a write among every five reads
            futures = [
                pool.submit(write, texts[i // 5]) if i % 5 == 0 else pool.submit(read, i)
                for i in range(5 * len(texts))
            ]
            statuses = [f.result() for f in futures]
        total = c.get("/api/events?since=2024-02-01").json()["total"]
    assert statuses.count(201) == len(pages)
    assert set(statuses) == {200, 201}
    assert total == len(pages)


def test_api_writes_analyze_stores_nothing(writable_db: Path) -> None:
    before = _counts(writable_db)
    page = {
        "text": "North Korean troops fired artillery shells at a South Korean island on "
        "Tuesday, the military in Seoul said.",
        "published": "2024-01-10",
    }
    with TestClient(create_app(writable_db, token=TOKEN)) as c:
        body = c.post("/api/analyze", json=page).json()
    assert body["ok"] is True
    assert body["article"]["published"] == "2024-01-10"
    assert body["events"], "the pipeline codes the shelling"
    text = body["article"]["text"]
    for e in body["events"]:
        assert text[e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
    assert _counts(writable_db) == before


def test_api_writes_analyze_reports_a_skip(writable_db: Path) -> None:
    with TestClient(create_app(writable_db)) as c:
        body = c.post("/api/analyze", json={"text": "   \n  ", "kind": "text"}).json()
    assert body["ok"] is True and body["article"] is None
    assert body["skipped"]["reason"] == "empty"


@pytest.mark.parametrize(
    ("file_text", "env", "expected"),
    [
        (None, {}, None),
        (None, {"FLASHPOINT_TOKEN": "  env-token-0123456789  "}, "env-token-0123456789"),
        (
            "file-token-0123456789\nignored\n",
            {"FLASHPOINT_TOKEN": "env-token-0123456789"},
            "file-token-0123456789",
        ),
    ],
)
def test_api_writes_token_comes_from_file_then_env(
    tmp_path: Path, file_text, env, expected
) -> None:
    token_file = None
    if file_text is not None:
        token_file = tmp_path / "token"
        token_file.write_text(file_text, encoding="utf-8")
    assert load_token(token_file=token_file, environ=env) == expected


@pytest.mark.parametrize("file_text", ["", "short\n"])
def test_api_writes_bad_token_file_is_refused(tmp_path: Path, file_text: str) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(file_text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_token(token_file=token_file, environ={})
