"""CLI: `flashpoint serve` — the REST API and the dashboard in one process (uvicorn)."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Annotated

import typer

from .app import app, bench_app  # noqa: F401
from .session import reporting, usage

DEFAULT_DB = "flashpoint.duckdb"


@app.command()
def serve(
    db: Annotated[
        str, typer.Option(help="DuckDB file to serve (built by `flashpoint ingest`).")
    ] = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    host: Annotated[
        str, typer.Option(help="Interface to bind; loopback by default.")
    ] = "127.0.0.1",
    token_file: Annotated[
        Path | None,
        typer.Option(help="File whose first line is the write token (else $FLASHPOINT_TOKEN)."),
    ] = None,
    max_body_bytes: Annotated[
        int | None, typer.Option(help="Largest accepted request body (default 2 MiB).")
    ] = None,
    cache_size: Annotated[
        int, typer.Option(help="GET responses kept in memory (0 = no cache).")
    ] = 512,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(help="Also answer requests for this Host name (repeatable; '*' = any). "
                          "Loopback names and the bound interface are always allowed."),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
) -> None:
    """Serve the dashboard at / and the JSON API at /api (OpenAPI docs at /docs).

    Without a token (FLASHPOINT_TOKEN or --token-file) the server is read-only and every
    write is refused with 401; it reads a replica of the file (DB.replica/), so `flashpoint
    ingest` can run on the same file meanwhile and its articles appear within seconds. With a
    token, POST /api/articles stores pages and the server is the database's one writer: an
    ingest on the same file stops at once with E315 (send pages to the server, or stop it);
    CLI reads and notebooks read the replica it keeps.
    """
    import uvicorn

    from ..api import DEFAULT_MAX_BODY_BYTES, create_app, load_token
    from ..api.db import Database
    from ..api.security import HeadTimeoutH11Protocol, allowed_hosts
    from .render import err

    with reporting():
        token = load_token(token_file=token_file)
        # Open once up front, as the server will (the file, or its read replica), so a missing,
        # locked or outdated file is a one-line error, not a traceback at start-up.
        probe = Database(db, writable=token is not None)
        probe.open()
        probe.close()
    try:
        sock = _bind(host, port)
    except OSError as e:
        usage("E129", host=host, port=port, reason=e.strerror or e)
    if not _is_loopback(host):
        err.print(f"[yellow]warning:[/] binding {host}: the API is reachable from other machines")
    bound = sock.getsockname()[1]
    url_host = f"[{host}]" if ":" in host else host
    application = create_app(
        db,
        token=token,
        # A writing server names itself beside the file (store.owner): an ingest that finds
        # the file locked then says to send the pages here (E315).
        public_url=f"http://{url_host}:{bound}/",
        max_body_bytes=max_body_bytes or DEFAULT_MAX_BODY_BYTES,
        cache_entries=cache_size,
        allowed_hosts=allowed_hosts(host, allow_host or ()),
    )
    # The banner only once the port is ours: a failed bind is an error line, never a banner.
    mode = "read-write (bearer token set)" if token else "read-only (no token: writes refused)"
    err.print(f"Flashpoint on http://{host}:{bound}/  ·  API docs /docs  ·  {db}  ·  {mode}")
    # A request head must arrive within HEAD_TIMEOUT_SECONDS and a body within the body
    # timeout (api.limits); idle keep-alive connections close after 5 s.
    config = uvicorn.Config(
        application, log_level=log_level, http=HeadTimeoutH11Protocol, timeout_keep_alive=5
    )
    server = uvicorn.Server(config)
    server.run(sockets=[sock])


def _bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (IPv4 or IPv6), bound before the server starts so a
    port in use is reported as such (uvicorn would log it after our banner)."""
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(info[0], info[1], info[2])
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(info[4])
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
