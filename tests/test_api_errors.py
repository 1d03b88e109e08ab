"""One JSON error shape for every error on every route: 404, 405, 422, 401, 413 and 500.

The routes are enumerated from the OpenAPI schema, so a new route that is not covered here
fails ``test_api_errors_every_route_is_covered``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_api_support import TOKEN

from flashpoint.api import create_app

pytest_plugins = ["test_api_support"]  # its fixtures: crisis_db, api, writable_db

SHAPE = {"ok", "error", "errors", "status"}

# A request per route that is valid apart from the fault each test injects.
VALID: dict[tuple[str, str], dict[str, Any]] = {
    ("get", "/api/health"): {},
    ("get", "/api/events"): {"params": {"dyad": "KOR-PRK"}},
    ("get", "/api/dyads"): {},
    ("get", "/api/actors"): {},
    ("get", "/api/articles/{article_id}"): {"path": {"article_id": "0123456789abcdef"}},
    ("get", "/api/codes"): {},
    ("get", "/api/tension"): {"params": {"dyad": "KOR-PRK"}},
    ("get", "/api/alerts"): {"params": {"dyad": "KOR-PRK"}},
    ("get", "/api/export"): {"params": {"format": "csv"}},
    ("post", "/api/analyze"): {"json": {"text": "Seoul protested."}},
    ("post", "/api/articles"): {"json": {"text": "Seoul protested."}},
}

# A parameter value each route must refuse with a 422.
INVALID: dict[tuple[str, str], dict[str, Any]] = {
    ("get", "/api/health"): None,  # no parameters to get wrong
    ("get", "/api/events"): {"params": {"limit": "many"}},
    ("get", "/api/dyads"): {"params": {"since": "2023-13-45"}},
    ("get", "/api/actors"): {"params": {"limit": "0"}},
    ("get", "/api/articles/{article_id}"): {"path": {"article_id": "not-an-id"}},
    ("get", "/api/codes"): None,
    ("get", "/api/tension"): {"params": {"freq": "fortnight"}},
    ("get", "/api/alerts"): {"params": {"dyad": "PRK"}},
    ("get", "/api/export"): {"params": {"format": "xlsx"}},
    ("post", "/api/analyze"): {"json": {"text": ""}},
    ("post", "/api/articles"): {"json": {"txt": "typo"}},
}


def _routes(client: TestClient) -> list[tuple[str, str]]:
    schema = client.get("/openapi.json").json()
    return sorted((m, p) for p, ops in schema["paths"].items() for m in ops)


def _call(client: TestClient, method: str, path: str, spec: dict[str, Any], **extra: Any):
    url = path.format(**spec.get("path", {}))
    kwargs = {k: v for k, v in spec.items() if k in ("params", "json")}
    kwargs.update(extra)
    return client.request(method.upper(), url, **kwargs)


def _assert_shape(response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == SHAPE
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)
    return body


@pytest.fixture
def token_client(writable_db: Path):
    with TestClient(create_app(writable_db, token=TOKEN), raise_server_exceptions=False) as client:
        yield client


def test_api_errors_every_route_is_covered(api) -> None:
    assert set(_routes(api)) == set(VALID) == set(INVALID)


@pytest.mark.parametrize("path", ["/nope", "/api/nope", "/static/nope.js", "/api/articles"])
def test_api_errors_unknown_path_is_404(api, path: str) -> None:
    # /api/articles exists for POST only: GET on it is a 405, checked below; the others 404.
    response = api.get(path)
    _assert_shape(response, 405 if path == "/api/articles" else 404)


def test_api_errors_wrong_method_is_405_on_every_route(api) -> None:
    for method, path in _routes(api):
        wrong = "put" if method == "get" else "get"
        if (wrong, path) in VALID:  # the same path answers that method (/api/articles)
            wrong = "delete"
        _assert_shape(_call(api, wrong, path, VALID[(method, path)]), 405)


def test_api_errors_invalid_input_is_422_on_every_route(token_client) -> None:
    for route in _routes(token_client):
        spec = INVALID[route]
        if spec is None:
            continue
        extra = (
            {"headers": {"Authorization": f"Bearer {TOKEN}"}}
            if route[1] in ("/api/articles", "/api/export") else {}  # these need the token
        )
        body = _assert_shape(_call(token_client, *route, spec, **extra), 422)
        assert body["errors"], "validation errors list what is wrong"
        assert all({"loc", "msg"} <= set(e) for e in body["errors"])


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong-token-wrong-token", "Basic abc", "Bearer "]
)
def test_api_errors_write_without_valid_token_is_401(token_client, authorization) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = token_client.post(
        "/api/articles", json={"text": "Seoul protested."}, headers=headers
    )
    _assert_shape(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_errors_oversized_body_is_413_on_every_post_route(writable_db: Path) -> None:
    app = create_app(writable_db, token=TOKEN, max_body_bytes=1000)
    with TestClient(app, raise_server_exceptions=False) as client:
        posts = [p for m, p in _routes(client) if m == "post"]
        assert posts
        for path in posts:
            big = {"text": "x" * 5000}
            headers = {"Authorization": f"Bearer {TOKEN}"}
            _assert_shape(client.post(path, json=big, headers=headers), 413)


def test_api_errors_oversized_chunked_body_is_413(crisis_db: Path) -> None:
    app = create_app(crisis_db, max_body_bytes=1000)
    with TestClient(app, raise_server_exceptions=False) as client:
        chunks = (b'{"text": "' + b"x" * 400 + b'"' if i == 0 else b" " * 400 for i in range(5))
        response = client.post(
            "/api/analyze", content=chunks, headers={"Content-Type": "application/json"}
        )
        _assert_shape(response, 413)


def test_api_errors_unexpected_failure_is_500_on_every_route(token_client, monkeypatch) -> None:
    from flashpoint.api import db as api_db
    from flashpoint.api import reads, writes

    def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api_db.Database, "read", boom)
    monkeypatch.setattr(writes, "_analyze", boom)
    monkeypatch.setattr(reads, "_code_tables", boom)
    token_client.app.state.cache.clear()
    for route in _routes(token_client):
        extra = {"headers": {"Authorization": f"Bearer {TOKEN}"}}
        body = _assert_shape(_call(token_client, *route, VALID[route], **extra), 500)
        assert "secret" not in body["error"]


def test_api_errors_text_too_long_for_the_parser_is_422_not_500(api) -> None:
    from flashpoint.api.models import MAX_TEXT_CHARS

    response = api.post("/api/analyze", json={"text": "a" * (MAX_TEXT_CHARS + 1)})
    body = _assert_shape(response, 422)
    assert body["errors"][0]["loc"] == "body.text"


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_api_errors_publication_date_out_of_range_is_422(api, published: str) -> None:
    # At the ends of the calendar "last week" / "next year" cannot be resolved.
    page = {"text": "Seoul protested last week and will protest next year.", "published": published}
    body = _assert_shape(api.post("/api/analyze", json=page), 422)
    assert body["errors"][0]["loc"] == "body.published"


@pytest.mark.parametrize("path", [
    "/api/events?modality=asserted&bogus=1", "/api/tension?dyad=PRK-KOR&frequency=week",
    "/api/alerts?sinse=2024-01-01", "/api/dyads?x=1",
])
def test_api_errors_unknown_query_parameter_is_400(api, path):
    body = _assert_shape(api.get(path), 400)
    assert "unknown query parameter" in body["error"]
    assert body["errors"] and body["errors"][0]["loc"][0] == "query"


@pytest.mark.parametrize(("query", "modalities"), [
    ("modality=asserted", {"asserted"}), ("negated=false", None),
])
def test_api_errors_modality_filter_is_known(api, query, modalities):
    r = api.get(f"/api/events?{query}")
    assert r.status_code == 200
    rows = r.json()["events"]
    if modalities:
        assert {e["modality"] for e in rows} <= modalities
    assert all("modality" in e and "negated" in e for e in rows)
