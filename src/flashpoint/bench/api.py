"""Bounded load test of the read API: N concurrent clients on loopback for a fixed time.

The server runs in its own process (``flashpoint serve``, read-only) so that the clients and
the server do not share one interpreter lock, as in production. Each client is an asyncio
task with its own keep-alive connection that sends requests back to back, alternating over
the given paths, until the deadline; every response that is not a 200 with a JSON body
``{"ok": true, ...}``, and every exception (timeout, reset), counts as an error. Latency is
measured per request from send to fully read body.
"""

from __future__ import annotations

import asyncio
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError


@dataclass
class PathStats:
    requests: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)


@dataclass
class LoadReport:
    """What a load run measured (latencies in milliseconds)."""

    base_url: str
    clients: int
    seconds: float
    requests: int
    errors: int
    error_kinds: dict[str, int]
    p50_ms: float
    p99_ms: float
    max_ms: float
    requests_per_s: float
    per_path: dict[str, dict[str, float]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "clients": self.clients,
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "errors": self.errors,
            "error_kinds": self.error_kinds,
            "p50_ms": round(self.p50_ms, 2),
            "p99_ms": round(self.p99_ms, 2),
            "max_ms": round(self.max_ms, 2),
            "requests_per_s": round(self.requests_per_s, 1),
            "per_path": self.per_path,
        }


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def run_load(
    base_url: str,
    paths: Sequence[str],
    *,
    clients: int = 100,
    seconds: float = 20.0,
    timeout: float = 30.0,
) -> LoadReport:
    """Hit ``paths`` (relative to ``base_url``) with ``clients`` clients for ``seconds``."""
    if not paths:
        raise ConfigError("E415")
    return asyncio.run(_run(base_url, list(paths), clients, seconds, timeout))


async def _run(
    base_url: str, paths: list[str], clients: int, seconds: float, timeout: float
) -> LoadReport:
    parsed = urlsplit(base_url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    stats = {p: PathStats() for p in paths}
    kinds: Counter[str] = Counter()
    start = time.perf_counter()
    deadline = start + seconds

    async def one_client(offset: int) -> None:
        conn: _Connection | None = None
        i = offset
        while time.perf_counter() < deadline:
            path = paths[i % len(paths)]
            i += 1
            st = stats[path]
            t0 = time.perf_counter()
            try:
                if conn is None:
                    conn = await asyncio.wait_for(_Connection.open(host, port), timeout)
                status, body, keep = await asyncio.wait_for(conn.get(path), timeout)
                ok = status == 200 and body.lstrip().startswith(b'{"ok":true')
                if not ok:
                    kinds[f"HTTP {status}"] += 1
                if not keep:
                    conn.close()
                    conn = None
            except Exception as e:  # noqa: BLE001 - every failure is a counted error
                ok = False
                kinds[type(e).__name__] += 1
                if conn is not None:
                    conn.close()
                conn = None
            st.latencies_ms.append((time.perf_counter() - t0) * 1000)
            st.requests += 1
            st.errors += 0 if ok else 1
        if conn is not None:
            conn.close()

    await asyncio.gather(*(one_client(k) for k in range(clients)))
    elapsed = time.perf_counter() - start
    all_lat = [x for s in stats.values() for x in s.latencies_ms]
    total = sum(s.requests for s in stats.values())
    return LoadReport(
        base_url=base_url,
        clients=clients,
        seconds=elapsed,
        requests=total,
        errors=sum(s.errors for s in stats.values()),
        error_kinds=dict(kinds),
        p50_ms=percentile(all_lat, 50),
        p99_ms=percentile(all_lat, 99),
        max_ms=max(all_lat, default=0.0),
        requests_per_s=total / elapsed if elapsed else 0.0,
        per_path={
            p: {
                "requests": s.requests,
                "errors": s.errors,
                "p50_ms": round(percentile(s.latencies_ms, 50), 2),
                "p99_ms": round(percentile(s.latencies_ms, 99), 2),
            }
            for p, s in stats.items()
        },
    )


class _Connection:
    """A minimal HTTP/1.1 keep-alive client connection (GET only, Content-Length bodies).

    Hand-written rather than httpx so that the load generator costs little CPU: on a
    two-core machine a heavy client would measure itself instead of the server.
    """

    def __init__(
        self, host: str, port: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.host, self.port, self.reader, self.writer = host, port, reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> _Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(host, port, reader, writer)

    async def get(self, path: str) -> tuple[int, bytes, bool]:
        """(status, body, connection reusable) of one GET."""
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Accept: application/json\r\n\r\n"
        )
        self.writer.write(request.encode("ascii"))
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("server closed the connection")
        status = int(status_line.split()[1])
        length = 0
        keep = True
        chunked = False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value == "close":
                keep = False
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
        body = await self._chunked() if chunked else await self.reader.readexactly(length)
        return status, body, keep

    async def _chunked(self) -> bytes:
        parts = []
        while True:
            size = int((await self.reader.readline()).split(b";")[0], 16)
            if size == 0:
                await self.reader.readline()
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()

    def close(self) -> None:
        self.writer.close()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextmanager
def served(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    startup_timeout: float = 60.0,
    env: dict[str, str] | None = None,
    cache_size: int | None = None,
    token: str | None = None,
) -> Iterator[str]:
    """Run ``flashpoint serve --db db`` in a subprocess; yields its base URL.

    The child is started without ``FLASHPOINT_TOKEN`` (reads only) unless ``token`` is given
    (then it is the database's one writer) and stopped on exit; ``cache_size=0`` turns its
    response cache off (measures the database path).
    """
    port = port or free_port(host)
    child_env = {k: v for k, v in (env or os.environ).items() if k != "FLASHPOINT_TOKEN"}
    if token is not None:
        child_env["FLASHPOINT_TOKEN"] = token
    cmd = [
        sys.executable,
        "-c",
        "from flashpoint.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        host,
        "--port",
        str(port),
        "--log-level",
        "error",
    ]
    if cache_size is not None:
        cmd += ["--cache-size", str(cache_size)]
    # A file, not a pipe, for the child's stderr: a chatty server can never block on it.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, env=child_env, stdout=subprocess.DEVNULL, stderr=log)
        base = f"http://{host}:{port}"
        try:
            _wait_ready(proc, log, base, startup_timeout)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_ready(proc: subprocess.Popen, log: Any, base: str, timeout: float) -> None:
    """Poll /api/health until it answers; raise ``ConfigError`` if the child dies or times out."""
    import httpx

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            log.seek(0)
            detail = log.read().decode("utf-8", "replace")
            raise ConfigError("E416", detail=detail.strip()[-500:])
        try:
            if httpx.get(f"{base}/api/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise ConfigError("E417", base=base, seconds=timeout)
        time.sleep(0.2)


@dataclass
class WriteReport:
    """What the writers of a mixed run did: pages posted, acknowledged (201/200) and failed."""

    writers: int
    posted: int
    acknowledged: int
    failed: int
    ids: set[str] = field(default_factory=set)


def run_writers(
    base_url: str, token: str, *, writers: int, seconds: float, timeout: float = 120.0
) -> WriteReport:
    """``writers`` threads POST distinct pages to /api/articles until ``seconds`` pass.

    Each page is new text (a writer and sequence number in it), so every acknowledged page
    must be stored exactly once: the caller compares ``ids`` with the database afterwards.
    """
    import threading

    import httpx

    report = WriteReport(writers=writers, posted=0, acknowledged=0, failed=0)
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def one_writer(w: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base_url, timeout=timeout, headers=headers) as client:
            n = 0
            while time.perf_counter() < deadline:
                n += 1
                text = (
                    f"Writer {w} report {n}: North Korea fired {n + 1} artillery shells near the "
                    f"border on Tuesday, South Korea's military said in statement {w}-{n}."
                )
                try:
                    r = client.post("/api/articles", json={"text": text, "published": "2024-01-02"})
                    ok = r.status_code in (200, 201) and r.json().get("article_id")
                except httpx.HTTPError:
                    ok = False
                with lock:
                    report.posted += 1
                    if ok:
                        report.acknowledged += 1
                        report.ids.add(r.json()["article_id"])
                    else:
                        report.failed += 1

    threads = [threading.Thread(target=one_writer, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return report


def stored_ids(db: str | Path, ids: set[str]) -> set[str]:
    """Which of ``ids`` the database holds (read after the server has stopped)."""
    from ..store import connect_readonly

    con = connect_readonly(db)
    try:
        rows = con.execute("SELECT id FROM articles").fetchall()
    finally:
        con.close()
    return ids & {r[0] for r in rows}
