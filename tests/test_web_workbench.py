"""The analyst's workbench in a real headless Chromium (issue 16): the map, the time brush, the
URL as the view's state, the filtered export, the searchable pair/actor list and 800 px.

Same browser and servers as tests/test_web_dashboard.py (Debian's /usr/bin/chromium through
Playwright, never a downloaded browser; skipped with a reason when it is absent). Screenshots go
to artifacts/screenshots/ (the ones in docs/ for the README are copies of these).
"""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from web_support import _shot

pytest_plugins = ["test_api_support", "web_support"]

pytestmark = pytest.mark.browser


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def _wait_events(page) -> str:
    page.wait_for_function(
        "document.querySelector('#event-summary').textContent.includes('events match')"
    )
    return page.text_content("#event-summary")


def _total(summary: str) -> int:
    return int(summary.split(" events match")[0].strip())


@pytest.mark.parametrize("dyad", ["KOR-PRK"])
def test_web_map_places_located_events(page, examples_server: str, dyad: str) -> None:
    page.goto(f"{examples_server}/?dyad={dyad}#map")
    svg = page.wait_for_selector("#map svg[data-located]")
    assert page.locator("#map path.country").count() > 150, "the Natural Earth outline is drawn"
    located = int(svg.get_attribute("data-located"))
    api = _get(f"{examples_server}/api/events?dyad={dyad}&limit=1000")
    expected = sum(e["location_lat"] is not None for e in api["events"])
    assert located == expected > 0, "every event with coordinates is on the map"
    circles = page.locator("#map circle.place")
    assert sum(int(c) for c in circles.evaluate_all("cs => cs.map(c => c.dataset.count)")) == located
    circles.first.click()
    page.wait_for_selector("#map-detail tr.event-row")
    _shot(page, "workbench-map")


def test_web_brush_sets_the_range_everywhere(page, crisis_server: str) -> None:
    page.goto(f"{crisis_server}/?dyad=KOR-PRK")
    svg = page.wait_for_selector("#timeline svg[data-dyad='KOR-PRK']")
    periods = int(svg.get_attribute("data-periods"))
    box = svg.bounding_box()
    assert box is not None and periods >= 6
    # Drag over the right half of the time axis.
    y = box["y"] + box["height"] * 0.45
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.97, y, steps=5)
    page.mouse.up()
    page.wait_for_function("new URL(location.href).searchParams.has('since')")
    query = parse_qs(urlparse(page.url).query)
    since, until = query["since"][0], query["until"][0]
    assert since < until
    assert page.get_attribute("#timeline rect.brush", "visibility") == "visible"
    assert page.input_value("#filters input[name='since']") == since
    page.click("nav a[data-tab='events']")
    shown = _total(_wait_events(page))
    expected = _get(f"{crisis_server}/api/events?dyad=KOR-PRK&since={since}&until={until}")
    assert shown == expected["total"] < _get(f"{crisis_server}/api/events?dyad=KOR-PRK")["total"]
    page.click("nav a[data-tab='timeline']")
    _shot(page, "workbench-brush")
    page.click("#clear-range")
    page.wait_for_function("!new URL(location.href).searchParams.has('since')")


def test_web_copied_url_opens_the_same_view(page, browser, crisis_server: str) -> None:
    alert = _get(f"{crisis_server}/api/alerts?dyad=KOR-PRK")["alerts"][0]
    page.goto(f"{crisis_server}/")
    page.wait_for_selector("#dyad-picker option[value='KOR-PRK']", state="attached")
    page.select_option("#dyad-picker", "KOR-PRK")
    page.select_option("#f-plover", "ASSAULT")
    page.fill("#filters input[name='q']", "artillery")
    page.click("#filters button[type='submit']")
    page.wait_for_selector(f"#alert-list li[data-alert-id='{alert['id']}']")
    page.click(f"#alert-list li[data-alert-id='{alert['id']}']")
    page.wait_for_function("new URL(location.href).searchParams.has('alert')")
    page.click("nav a[data-tab='events']")
    summary = _wait_events(page)
    rows = page.eval_on_selector_all("#event-table tr.event-row", "rs => rs.map(r => r.dataset.eventId)")
    copied = page.url
    query = parse_qs(urlparse(copied).query)
    assert query == {"dyad": ["KOR-PRK"], "plover": ["ASSAULT"], "q": ["artillery"],
                     "alert": [alert["id"]]}
    assert urlparse(copied).fragment == "events"

    other = browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True).new_page()
    try:
        other.goto(copied)
        assert _wait_events(other) == summary
        assert other.eval_on_selector_all(
            "#event-table tr.event-row", "rs => rs.map(r => r.dataset.eventId)") == rows
        assert other.input_value("#dyad-picker") == "KOR-PRK"
        assert other.input_value("#f-plover") == "ASSAULT"
        assert other.input_value("#filters input[name='q']") == "artillery"
        other.click("nav a[data-tab='timeline']")
        other.wait_for_selector(f"#alert-list li.selected[data-alert-id='{alert['id']}']")
        assert alert["period"] in other.text_content("#alert-detail-title")
        # An article is part of the URL too.
        article = rows and other.get_attribute("#alert-detail tr.event-row", "data-article-id")
        other.goto(f"{copied.split('#')[0]}#article/{article}")
        other.wait_for_selector("#article-view .doc mark")
    finally:
        other.context.close()


def test_web_export_link_carries_every_filter(page, crisis_server: str) -> None:
    filters = {"dyad": "KOR-PRK", "plover": "ASSAULT", "q": "artillery",
               "since": "2023-11-01", "quad_class": "4"}
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    page.goto(f"{crisis_server}/?{query}#events")
    shown = _total(_wait_events(page))
    href = page.get_attribute("#export-csv", "href")
    sent = {k: v[0] for k, v in parse_qs(urlparse(href).query).items()}
    assert filters.items() <= sent.items(), f"the export link drops filters: {href}"
    response = page.request.get(f"{crisis_server}{href}")
    assert response.ok
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert len(rows) == shown > 0, "the export holds exactly the events listed"
    for row in rows:
        assert row["plover"] == "ASSAULT" and row["quad_class"] == "4"
        assert "artillery" in row["evidence_text"].lower()
        assert {row["source_country"], row["target_country"]} <= {"KOR", "PRK"}
        assert row["day"] >= "2023-11-01"


def test_web_directory_lists_every_pair_and_actor(page, examples_server: str) -> None:
    dyads = _get(f"{examples_server}/api/dyads?limit=5000")["dyads"]
    page.goto(f"{examples_server}/")
    page.wait_for_selector("#directory li[data-dyad]")
    assert page.locator("#directory li[data-dyad]").count() == len(dyads)
    assert page.locator("#dyad-picker option[value]:not([value=''])").count() == len(dyads)
    rare = dyads[-1]["dyad"]  # the least active pair must be reachable too
    page.fill("#directory-search", rare.lower())
    visible = page.locator("#directory li[data-dyad]:visible")
    assert visible.count() >= 1
    page.click(f"#directory li[data-dyad='{rare}']")
    page.wait_for_function(f"new URL(location.href).searchParams.get('dyad') === '{rare}'")
    page.fill("#directory-search", "")
    first_actor = page.get_attribute("#directory li[data-actor]", "data-actor")
    page.click(f"#directory li[data-actor='{first_actor}']")
    page.wait_for_function(f"new URL(location.href).searchParams.get('actor') === '{first_actor}'")


def test_web_events_show_modality_negation_and_sources(page, examples_server: str) -> None:
    page.goto(f"{examples_server}/#events")
    _wait_events(page)
    cells = page.eval_on_selector_all("#event-table td.modality-cell", "cs => cs.map(c => c.textContent)")
    assert cells and all(c.strip() for c in cells), "every event says how it is reported"
    links = page.eval_on_selector_all(
        "#event-table a.source-link", "as => as.map(a => [a.href, a.target, a.rel])")
    assert links, "sources are links"
    assert all(h.startswith(("http://", "https://")) and t == "_blank" and "noopener" in r
               for h, t, r in links)


def test_web_usable_at_800_px(browser, examples_server: str) -> None:
    context = browser.new_context(viewport={"width": 800, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{examples_server}/?dyad=KOR-PRK")
        svg = page.wait_for_selector("#timeline svg[data-dyad='KOR-PRK']")
        box = svg.bounding_box()
        assert box is not None and box["width"] <= 800
        # Chart text is drawn at its real size (not a 1100-px drawing shrunk to fit).
        size = page.eval_on_selector(
            "#timeline svg .axis text", "t => t.getBoundingClientRect().height")
        assert size >= 11
        assert page.evaluate("document.documentElement.scrollWidth") <= 800
        _shot(page, "workbench-800-timeline")
        page.click("nav a[data-tab='events']")
        _wait_events(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 800
        _shot(page, "workbench-800-events")
    finally:
        context.close()
