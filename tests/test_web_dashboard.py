"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Never downloads a browser: the tests skip with a visible reason when /usr/bin/chromium is
absent (CI's `.ci/run` installs it). The server is uvicorn in a thread on a free loopback port.
Screenshots go to artifacts/screenshots/ (gitignored) for a human to look at.

* on a database built from the sample corpus (examples/): pick a dyad and see its timeline
  render; filter the event table; open an article and see a highlighted evidence span;
* on the hand-built crisis (tests/test_api_support.py, which has a known escalation): open an
  alert, see the events behind it, open one and see its evidence highlighted;
* paste the seed page (../shared) and see its six verdicts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["test_api_support"]  # its fixtures: crisis_db, api, writable_db


pytestmark = pytest.mark.browser

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
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
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


def _open_dashboard(page, base: str) -> None:
    page.goto(f"{base}/")
    page.wait_for_selector("#dyad-picker option[value]:not([value=''])", state="attached")


@pytest.mark.parametrize("tab", ["timeline"])
def test_web_examples_pick_dyad_renders_timeline(page, examples_server: str, tab: str) -> None:
    _open_dashboard(page, examples_server)
    options = page.eval_on_selector_all("#dyad-picker option", "os => os.map(o => o.value)")
    assert len(options) >= 2, "the sample corpus has several country pairs"
    chosen = options[1]  # not the default one: the picker must actually switch
    page.select_option("#dyad-picker", chosen)
    svg = page.wait_for_selector(f"#timeline svg[data-dyad='{chosen}']")
    assert int(svg.get_attribute("data-periods")) >= 1
    assert page.locator("#timeline svg rect.bar").count() >= 1, "bars are drawn"
    assert page.is_visible(f"[data-tab='{tab}'][aria-selected='true']")
    _shot(page, "examples-timeline")


def test_web_examples_article_highlights_evidence(page, examples_server: str) -> None:
    _open_dashboard(page, examples_server)
    page.click("nav a[data-tab='events']")
    page.wait_for_selector("#event-table tr.event-row")
    page.select_option("#dyad-picker", "KOR-PRK")
    page.wait_for_function(
        "document.querySelector('#event-summary').textContent.includes('events match')"
    )
    rows = page.locator("#event-table tr.event-row")
    assert rows.count() >= 1
    _shot(page, "examples-events-filtered")
    rows.first.click()
    mark = page.wait_for_selector("#article-view .doc mark.evidence")
    assert mark.text_content().strip(), "the highlighted evidence span has text"
    # The highlight is at the event's offsets in the cleaned text.
    text = page.text_content("#article-view .doc")
    assert mark.text_content() in text
    assert page.locator("#article-view .event-item").count() >= 1
    _shot(page, "examples-article")


def test_web_alert_opens_events_and_article(page, crisis_server: str) -> None:
    _open_dashboard(page, crisis_server)
    page.select_option("#dyad-picker", "KOR-PRK")
    page.wait_for_selector("#timeline svg[data-dyad='KOR-PRK'] rect.alert-hit")
    page.locator("#timeline rect.alert-hit").first.click()
    page.wait_for_selector("#alert-detail tr.event-row")
    detail = page.text_content("#alert-detail")
    assert "fired artillery" in detail, "the events behind the alert are listed with evidence"
    _shot(page, "crisis-alert")
    page.locator("#alert-detail tr.event-row").first.click()
    page.wait_for_selector("#article-view mark.ev.q4")
    flashed = page.wait_for_selector("#article-view mark.flash")
    assert "artillery" in flashed.text_content()
    assert page.locator("#article-view .verdict-item").count() == 3
    _shot(page, "crisis-article")


def test_web_alert_list_has_empty_state(page, crisis_server: str) -> None:
    _open_dashboard(page, crisis_server)
    page.select_option("#dyad-picker", "KOR-USA")
    page.wait_for_selector("#timeline svg[data-dyad='KOR-USA']")
    page.wait_for_function(
        "document.querySelector('#alert-list').textContent.includes('No alerts')"
    )


def test_web_paste_seed_page_shows_six_verdicts(page, examples_server: str, seed_page: str) -> None:
    page.goto(f"{examples_server}/#analyze")
    page.fill("#paste-text", seed_page)
    page.fill("#paste-published", "2023-12-27")
    page.click("#analyze-button")
    page.wait_for_selector("#analyze-result .verdict-item", timeout=120_000)
    verdicts = page.eval_on_selector_all(
        "#analyze-result .verdict-item", "items => items.map(i => i.dataset.verdict)"
    )
    assert len(verdicts) == 6
    assert set(verdicts) <= {"supported", "contradicted", "not_in_source"}
    assert page.locator("#analyze-result .doc mark").count() >= 1, "evidence is highlighted"
    _shot(page, "paste-seed-page")


@pytest.fixture(scope="session")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from flashpoint.store import Store

    db = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    Store(db).close()  # the schema, no data
    yield from _serve(db)


def test_web_empty_database_explains_what_to_do(page, empty_server: str) -> None:
    page.goto(f"{empty_server}/")
    page.wait_for_function(
        "document.querySelector('#timeline').textContent.includes('flashpoint ingest')"
    )
    page.click("nav a[data-tab='events']")
    page.wait_for_function(
        "document.querySelector('#event-table').textContent.includes('No events match')"
    )
    page.click("nav a[data-tab='article']")
    assert "Open an article" in page.text_content("#article-view")
    _shot(page, "empty-database")


def test_web_api_docs_render_without_a_cdn(page, crisis_server: str) -> None:
    page.goto(f"{crisis_server}/docs")
    page.wait_for_selector(".opblock-summary-path[data-path='/api/events']")
    assert page.locator(".opblock").count() >= 10, "every operation is listed"
    _shot(page, "api-docs")
