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

from collections.abc import Iterator

import pytest
from web_support import _serve, _shot

pytest_plugins = ["test_api_support", "web_support"]  # crisis_db; browser, page, servers

pytestmark = pytest.mark.browser


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
