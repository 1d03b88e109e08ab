"""The hardened server: security headers, a Host allow-list, a cache bounded in bytes, an
authenticated one-at-a-time export, literal search text, and deadlines on slow requests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_api_support import TOKEN

from flashpoint.api import create_app
from flashpoint.api.cache import ResponseCache
from flashpoint.api.security import CSP, HeadTimeoutH11Protocol, allowed_hosts

pytest_plugins = ["test_api_support"]  # its fixtures: crisis_db, api, writable_db


@pytest.mark.parametrize("path", ["/api/health", "/", "/static/app.js", "/api/nothing-here"])
def test_robustness_server_security_headers_on_every_response(api, path: str) -> None:
    response = api.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_robustness_server_docs_page_may_run_its_inline_script(api) -> None:
    policy = api.get("/docs").headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200),
     ("news.example", 200), ("evil.example", 400), ("127.0.0.1.evil.example", 400)],
)
def test_robustness_server_host_allow_list(crisis_db: Path, host: str, status: int) -> None:
    app = create_app(crisis_db, allowed_hosts=allowed_hosts("127.0.0.1", ["news.example"]))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/health", headers={"Host": host})
    assert response.status_code == status
    if status == 400:
        body = response.json()
        assert body["ok"] is False and body["status"] == 400 and "--allow-host" in body["error"]


def test_robustness_server_cache_bounded_in_bytes() -> None:
    cache = ResponseCache(max_entries=1000, max_bytes=10_000)
    for i in range(100):
        cache.put(f"k{i}", b"x" * 1000)
    assert cache.bytes <= 10_000
    assert cache.get("k99") is not None and cache.get("k0") is None


def test_robustness_server_export_needs_the_token_when_one_is_set(writable_db: Path) -> None:
    with TestClient(create_app(writable_db, token=TOKEN), raise_server_exceptions=False) as c:
        assert c.get("/api/export").status_code == 401
        ok = c.get("/api/export", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and ok.content


def test_robustness_server_one_export_at_a_time(crisis_db: Path) -> None:
    app = create_app(crisis_db)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert app.state.export_slots.acquire(blocking=False)  # an export is running
        try:
            busy = client.get("/api/export")
        finally:
            app.state.export_slots.release()
        assert busy.status_code == 429 and busy.json()["status"] == 429
        assert busy.headers["retry-after"] == "5"
        assert client.get("/api/export").status_code == 200


@pytest.mark.parametrize("q", ["%", "_", "\\"])
def test_robustness_server_search_wildcards_are_literal(api, q: str) -> None:
    response = api.get("/api/events", params={"q": q})
    assert response.status_code == 200
    assert response.json()["events"] == []  # no evidence sentence holds the character
    assert api.get("/api/events", params={"q": "fired"}).json()["events"]


# --- deadlines on slow clients (a real uvicorn server) -----------------------------------------


@pytest.fixture()
def live_server(crisis_db: Path, monkeypatch) -> Iterator[tuple[str, int]]:
    import uvicorn

    from flashpoint.api import limits
    from flashpoint.bench.api import free_port

    monkeypatch.setattr(HeadTimeoutH11Protocol, "head_timeout", 1.0)
    monkeypatch.setattr(limits, "BODY_TIMEOUT_SECONDS", 1.0)
    app = create_app(crisis_db)
    for middleware in app.user_middleware:
        if middleware.cls is limits.BodySizeLimit:
            middleware.kwargs["body_timeout"] = 1.0
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           http=HeadTimeoutH11Protocol))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:  # a hang is pytest-timeout's to fail
        assert thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _until_closed(sock: socket.socket) -> bytes:
    """What the server sent before it closed the socket. No deadline of the test's own: the
    server's timeouts (1 s here) close it, and a server that never does hangs the test until
    pytest-timeout fails it (pyproject), not a wall-clock bound that a loaded machine can miss."""
    sock.settimeout(None)
    received = b""
    while chunk := sock.recv(4096):
        received += chunk
    return received


def test_robustness_server_closes_a_trickled_request_head(live_server) -> None:
    with socket.create_connection(live_server) as sock:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        _until_closed(sock)  # returns only once the server closed the connection


def test_robustness_server_answers_408_to_a_trickled_body(live_server) -> None:
    with socket.create_connection(live_server) as sock:
        sock.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
        answer = _until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 408")
