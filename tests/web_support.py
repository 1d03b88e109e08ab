"""Browser fixtures shared by the dashboard tests (tests/test_web_dashboard.py,
tests/test_web_workbench.py): one headless Chromium per session (Debian's /usr/bin/chromium
through Playwright, never a downloaded browser; skipped with a reason when absent), uvicorn
servers on free loopback ports, and screenshots into artifacts/screenshots/.

A plugin module of its own (not a test module) so that the session's one Playwright instance
is created once, whichever of the test modules run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) "
            "to run the browser tests; no browser is ever downloaded"
        )
    from playwright.sync_api import sync_playwright

    # Playwright gives the browser a fresh temporary profile (its own --user-data-dir).
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


def _serve(db: Path, **app_options) -> Iterator[str]:
    import uvicorn

    from flashpoint.api import create_app
    from flashpoint.bench.api import free_port

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, **app_options), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:  # a hang is pytest-timeout's to fail
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """The sample corpus ingested through the corpus engineer's ingest loop (one process)."""
    from flashpoint.store.ingest import ingest

    if not any(examples_dir.rglob("*.*")):
        pytest.fail(f"the sample corpus {examples_dir} is empty")
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    ingest([examples_dir], db=db, workers=1)
    return db


@pytest.fixture(scope="session")
def examples_server(examples_db: Path) -> Iterator[str]:
    yield from _serve(examples_db)


@pytest.fixture(scope="session")
def crisis_server(crisis_db: Path) -> Iterator[str]:
    yield from _serve(crisis_db)


@pytest.fixture
def page(browser, request):
    # bypass_csp: Playwright evaluates string predicates, which the page's CSP would refuse.
    context = browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True)
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # Nothing may leave the machine: every request must go to the test server.
    outside: list[str] = []
    pg.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith(("http://127.0.0.1:", "data:")) else None
        ),
    )
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not outside, f"the dashboard requested outside resources: {outside}"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
