"""GET routes on hand-built data (tests/test_api_support.py): filters, paging, article view,
tension and alerts, exports. Expected numbers are counted by hand from ``crisis_analyses``:
10 weeks of PRK-KOR talks and USA-KOR aid, then 6 reports of PRK shelling + KOR accusation
over 15-17 November 2023."""

from __future__ import annotations

import io

import pandas as pd
import pytest

pytest_plugins = ["test_api_support"]  # its fixtures: crisis_db, api, writable_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 32),
        ("dyad=KOR-PRK", 22),
        ("dyad=PRK-KOR&ordered=true", 16),
        ("dyad=KOR-PRK&ordered=true", 6),
        ("cameo_root=19", 6),
        ("plover=ASSAULT", 6),
        ("quad_class=2", 10),
        ("actor=USA", 10),
        ("country=usa", 10),
        ("since=2023-11-13", 12),
        ("until=2023-09-05", 2),
        ("q=artillery", 6),
        ("dyad=KOR-PRK&cameo_root=11&since=2023-11-16", 4),
    ],
)
def test_api_events_filters_count_hand_computed(api, query: str, expected: int) -> None:
    body = api.get(f"/api/events?{query}&limit=1000").json()
    assert body["ok"] is True
    assert body["total"] == expected
    assert len(body["events"]) == expected


@pytest.mark.parametrize("limit", [5])
def test_api_events_paging_covers_all_rows_once(api, limit: int) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        body = api.get(f"/api/events?dyad=KOR-PRK&limit={limit}&offset={offset}").json()
        seen += [e["id"] for e in body["events"]]
        offset += limit
        if offset >= body["total"]:
            break
    assert len(seen) == len(set(seen)) == 22


@pytest.mark.parametrize(
    "query",
    [
        "dyad=KOR",
        "cameo_root=abc",
        "quad_class=5",
        "since=yesterday",
        "limit=0",
        "offset=-1",
        "country=KOREA",
        "q=",
    ],
)
def test_api_events_rejects_bad_filters_with_422(api, query: str) -> None:
    response = api.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert response.json()["ok"] is False


def test_api_dyads_lists_pairs_busiest_first(api) -> None:
    body = api.get("/api/dyads").json()
    assert [d["dyad"] for d in body["dyads"]] == ["KOR-PRK", "KOR-USA"]
    assert body["total_articles"] == 26


def test_api_article_offsets_index_the_cleaned_text(api) -> None:
    event = api.get("/api/events?plover=ASSAULT&limit=1").json()["events"][0]
    body = api.get(f"/api/articles/{event['article_id']}").json()
    text = body["article"]["text"]
    assert body["events"], "the article's events are returned"
    for e in body["events"]:
        assert text[e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
    verdicts = sorted(s["verdict"] for s in body["statements"])
    assert verdicts == ["contradicted", "not_in_source", "supported"]
    for s in body["statements"]:
        if s["evidence"] is not None:
            assert text[s["evidence"]["start"] : s["evidence"]["end"]] == s["evidence"]["text"]


def test_api_article_unknown_id_is_404_in_error_shape(api) -> None:
    response = api.get("/api/articles/00000000deadbeef")
    assert response.status_code == 404
    assert response.json() == {
        "ok": False,
        "error": "no article with id 00000000deadbeef",
        "errors": [],
        "status": 404,
    }


def test_api_tension_weekly_matches_hand_count(api) -> None:
    body = api.get("/api/tension?dyad=KOR-PRK&freq=week").json()
    series = {p["period"]: p for p in body["series"]}
    assert len(series) == 11  # 4 Sep .. 13 Nov, no gaps
    burst = series["2023-11-13"]
    assert (burst["events"], burst["q3"], burst["q4"], burst["goldstein_sum"]) == (6, 3, 3, -36.0)
    quiet = series["2023-10-02"]
    assert (quiet["events"], quiet["q1"], quiet["goldstein_sum"]) == (1, 1, 1.0)


def test_api_alerts_flag_the_burst_with_its_events(api) -> None:
    alerts = api.get("/api/alerts?dyad=KOR-PRK").json()["alerts"]
    assert [a["period"] for a in alerts] == ["2023-11-13"]
    alert = alerts[0]
    assert alert["conflict_events"] == 6
    assert alert["explanation"]
    # Every event behind the alert opens on an article that holds it.
    for e in alert["top_events"]:
        article = api.get(f"/api/articles/{e['article_id']}").json()
        assert e["event_id"] in {x["id"] for x in article["events"]}
    assert api.get("/api/alerts?dyad=KOR-USA").json()["alerts"] == []


@pytest.mark.parametrize(("fmt", "reader"), [("csv", pd.read_csv), ("parquet", pd.read_parquet)])
def test_api_export_loads_back_with_the_filtered_rows(api, fmt: str, reader) -> None:
    response = api.get(f"/api/export?format={fmt}&dyad=KOR-PRK")
    assert response.status_code == 200
    frame = reader(io.BytesIO(response.content))
    assert len(frame) == 22
    assert {"id", "article_id", "cameo", "quad_class", "evidence_text"} <= set(frame.columns)


def test_api_openapi_lists_every_endpoint(api) -> None:
    paths = set(api.get("/openapi.json").json()["paths"])
    assert {
        "/api/analyze",
        "/api/articles",
        "/api/events",
        "/api/tension",
        "/api/alerts",
        "/api/articles/{article_id}",
        "/api/export",
    } <= paths
    assert api.get("/docs").status_code == 200


def test_api_codes_label_roots_and_plover_types(api) -> None:
    body = api.get("/api/codes").json()
    assert len(body["cameo_roots"]) == 20 and body["cameo_roots"]["19"]
    assert "ASSAULT" in body["plover"] and body["plover"] == sorted(body["plover"])
