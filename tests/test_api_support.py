"""Hand-built data and fixtures for the API and dashboard tests (no tests of its own).

Loaded by the test_api_* / test_web_* modules as ``pytest_plugins = ["test_api_support"]``.

An invented crisis between real country codes, built record by record so that the
tests do not depend on the NLP stages: ten quiet weeks of talk between PRK and KOR, then a
burst of material conflict in one week (what an escalation alert should catch), plus a
cooperative USA-KOR thread. Every evidence span indexes its article's text exactly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flashpoint.records import Actor, Analysis, Article, Event, Span, StatementCheck, content_id

QUIET_START = dt.date(2023, 9, 4)  # a Monday
BURST_DAY = dt.date(2023, 11, 15)

ACTORS = {
    "PRKGOV": Actor("Pyongyang", "PRKGOV", "PRK", "GOV"),
    "PRKMIL": Actor("the North Korean army", "PRKMIL", "PRK", "MIL"),
    "KORGOV": Actor("Seoul", "KORGOV", "KOR", "GOV"),
    "KORMIL": Actor("South Korean troops", "KORMIL", "KOR", "MIL"),
    "USA": Actor("Washington", "USA", "USA", None),
}

# (cameo, root, plover, quad, goldstein, verb phrase)
ACTIONS = {
    "talk": ("040", "04", "CONSULT", 1, 1.0, "held talks with"),
    "accuse": ("112", "11", "ACCUSE", 3, -2.0, "accused"),
    "fire": ("190", "19", "ASSAULT", 4, -10.0, "fired artillery at"),
    "aid": ("070", "07", "AID", 2, 7.0, "sent aid to"),
}


def article_with(
    sentences: list[tuple[str, str, str]],
    *,
    published: dt.date,
    title: str,
    statements: list[tuple[str, str, int | None]] = (),
    coda: str = "",
) -> Analysis:
    """An analysis whose text is the given (source, action, target) sentences, one per line.

    ``statements`` are (text, verdict, index of the sentence that is its evidence or None);
    ``coda`` a last line without events (what makes one report unlike another).
    """
    lines: list[str] = []
    spans: list[Span] = []
    offset = 0
    for src, action, tgt in sentences:
        line = f"{ACTORS[src].text} {ACTIONS[action][5]} {ACTORS[tgt].text} on {published:%d %B}."
        spans.append(Span(line, offset, offset + len(line)))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines + ([coda] if coda else []))
    article = Article(
        id=content_id(text + title),
        text=text,
        title=title,
        published=published,
        url=f"https://news.example/{content_id(text + title)}",
        source="Example News",
    )
    events = []
    for (src, action, tgt), span in zip(sentences, spans, strict=True):
        cameo, root, plover, quad, gold, _ = ACTIONS[action]
        events.append(
            Event(
                source=ACTORS[src],
                target=ACTORS[tgt],
                cameo=cameo,
                cameo_root=root,
                plover=plover,
                quad_class=quad,
                goldstein=gold,
                evidence=span,
                date=published,
                date_text=f"on {published:%d %B}",
                date_precision="day",
                trigger=ACTIONS[action][5].split()[0],
            )
        )
    checks = tuple(
        StatementCheck(
            text=s,
            verdict=v,
            score=0.9 if v == "supported" else 0.1,
            evidence=spans[i] if i is not None else None,
            reason=f"hand-built {v}",
        )
        for s, v, i in statements
    )
    return Analysis(article=article, events=tuple(events), statements=checks)


BURST_CODAS = (
    "Residents of the border town described hours of explosions overnight.",
    "Military analysts in Seoul said the barrage was the heaviest this year.",
    "Fishing boats were ordered back to port as smoke rose over the islands.",
    "The unification ministry cancelled a planned family reunion meeting.",
    "Schools near the frontier closed early and buses evacuated pupils.",
    "Markets in Seoul fell sharply as investors reacted to the news.",
)


def crisis_analyses() -> list[Analysis]:
    out: list[Analysis] = []
    for week in range(10):
        day = QUIET_START + dt.timedelta(weeks=week)
        out.append(
            article_with([("PRKGOV", "talk", "KORGOV")], published=day, title=f"Talks, week {week}")
        )
        out.append(
            article_with(
                [("USA", "aid", "KORGOV")],
                published=day + dt.timedelta(days=1),
                title=f"Aid, week {week}",
            )
        )
    for i in range(6):
        day = BURST_DAY + dt.timedelta(days=i % 3)
        out.append(
            article_with(
                [("PRKMIL", "fire", "KORMIL"), ("KORGOV", "accuse", "PRKGOV")],
                published=day,
                title=f"Shelling report {i}",
                # six independent reports, not copies of one (the alerts count reports)
                coda=BURST_CODAS[i],
                statements=[
                    ("The North fired artillery.", "supported", 0),
                    ("The South praised the North.", "contradicted", 1),
                    ("China mediated.", "not_in_source", None),
                ],
            )
        )
    return out


def build_db(path: Path) -> Path:
    """Write the hand-built crisis into a fresh DuckDB file through the one writer."""
    from flashpoint.store import Store

    with Store(path) as store:
        store.write(crisis_analyses())
        store.refresh()
    return path


# --- fixtures shared by the API and dashboard tests (import them by name) ---------------------

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="session")
def crisis_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding ``crisis_analyses()``; opened read-only by the tests that share it."""
    return build_db(tmp_path_factory.mktemp("crisis") / "crisis.duckdb")


@pytest.fixture(scope="module")
def api(crisis_db: Path):
    """A TestClient over a read-only server (no token) on ``crisis_db``."""
    from fastapi.testclient import TestClient

    from flashpoint.api import create_app

    with TestClient(create_app(crisis_db), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def writable_db(tmp_path: Path) -> Path:
    """A fresh copy of the crisis data for a test that writes."""
    return build_db(tmp_path / "writable.duckdb")
