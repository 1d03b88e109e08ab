"""Issue acceptance, end to end through the CLI: the seed page with --published 2023-12-27."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_json(shared_dir, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    page = shared_dir / "fixtures" / "seed_page.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "flashpoint", "analyze", str(page), "--published", "2023-12-27",
         "--format", "json", "--db", str(db)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _countries(event: dict) -> set[str]:
    return {a["country"] for a in (event["source"], event["target"]) if a and a["country"]}


def test_seed_article_is_clean(seed_json):
    article = seed_json["article"]
    assert article["title"] == "Kim Jong Un orders intensified war preparations"
    assert article["published"] == "2023-12-27"
    text = article["text"]
    assert "Skip to content" not in text
    assert text.count("at the end-of-year plenary session") <= 1
    assert "North Korea - Kim Jong Un" not in text
    for fragment in ("raised concerns in Seoul", "Defense industry", "conflict resolution",
                     "public demonstrations", "firm response", "abstain from further"):
        assert fragment not in text


def test_seed_events_cover_the_story(seed_json):
    events = seed_json["events"]
    mobilize = [e for e in events if e["cameo_root"] == "15" and e["plover"] == "MOBILIZE"
                and e["source"] and e["source"]["country"] == "PRK"]
    assert mobilize, "Kim / North Korea stepping up war preparations"
    accuse = [e for e in events if e["cameo_root"] == "11" and e["source"]
              and e["source"]["country"] == "PRK" and e["target"] and e["target"]["country"] == "USA"]
    assert accuse, "Kim accusing the USA"
    cooperation = [e for e in events if e["cameo_root"] in {"03", "05", "06"}
                   and _countries(e) == {"KOR", "USA"}]
    assert cooperation, "South Korea - USA military cooperation"
    assert any((e["date"] or "").startswith("2023-04") for e in cooperation), "April agreement"
    tests = [e for e in events if e["cameo_root"] in {"13", "15"} and e["source"]
             and e["source"]["country"] == "PRK" and "missile" in e["evidence"]["text"]]
    assert tests, "North Korea's missile tests"
    assert any((e["date"] or "").startswith("2023-08") for e in events), "the August order"


def test_seed_no_event_from_statements(seed_json):
    text = seed_json["article"]["text"]
    for event in seed_json["events"]:
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_seed_six_statements_verdicts(seed_json):
    statements = seed_json["statements"]
    assert len(statements) == 6
    assert statements[1]["verdict"] == "supported"
    assert statements[1]["text"].startswith("Kim Jong-un's orders for intensified war preparations")
    for s in statements[2:]:
        assert s["verdict"] in {"contradicted", "not_in_source"}, s
        assert s["reason"]
    for s in statements:
        assert 0.0 <= s["score"] <= 1.0
