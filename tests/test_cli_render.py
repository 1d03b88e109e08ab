"""People's tables: every event's code, actors, date, modality and evidence readable at 80 and
120 columns, evidence printed once per sentence, never folded a letter per line."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.console import Console

from flashpoint.cli.render import EventsView, StatementsView
from flashpoint.records import Actor, Event, Span, StatementCheck

SENTENCE = (
    "South Korea proposed on Wednesday to hold Red Cross talks with North Korea on reuniting "
    "families separated by the 1950-53 Korean War, the unification ministry in Seoul said."
)
OTHER = "State media said the North would respond to any provocation with overwhelming force."


def _event(cameo: str, plover: str, *, evidence: str, modality: str = "asserted",
           negated: bool = False, date: dt.date | None = None, attribution: str | None = None,
           precision: str | None = "day") -> Event:
    return Event(
        source=Actor("South Korea", "KOR", "KOR"), target=Actor("North Korea", "PRKGOV", "PRK"),
        cameo=cameo, cameo_root=cameo[:2], plover=plover, quad_class=1, goldstein=4.0,
        evidence=Span(evidence, 0, len(evidence)), date=date, date_precision=precision,
        modality=modality, negated=negated, attribution=attribution,  # type: ignore[arg-type]
    )


EVENTS = [
    _event("036", "AGREE", evidence=SENTENCE, date=dt.date(2023, 6, 14)),
    _event("040", "CONSULT", evidence=SENTENCE, modality="intended", date=dt.date(2023, 6, 14)),
    _event("138", "THREATEN", evidence=OTHER, negated=True, date=dt.date(2023, 4, 1),
           precision="month", attribution="KCNA"),
]


def _render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, force_terminal=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().splitlines()


@pytest.mark.parametrize("width", [80, 120, 160])
def test_render_events_readable_at_every_width(width):
    lines = _render(EventsView(EVENTS), width)
    text = " ".join(" ".join(line.split()) for line in lines)
    assert all(len(line) <= width for line in lines)
    for code in ("036 AGREE", "040 CONSULT", "138 THREATEN"):
        assert code in text
    assert "KOR" in text and "PRKGOV" in text
    assert "2023-06-14" in text and "2023-04" in text and "2023-04-01" not in text
    assert "intended" in text and "NOT" in text, "modality and negation must be shown"
    assert "per KCNA" in text, "an attribution the sentence does not name is shown"
    # Every word of the evidence is readable: whole words, not one letter per line.
    for word in ("reuniting", "unification", "overwhelming", "provocation"):
        assert word in text
    # Each sentence once, even though two events come from the first one.
    assert text.count("reuniting") == 1


@pytest.mark.parametrize("width", [120])
def test_render_events_wide_is_compact(width):
    # 2 sentences, 3 events: a header line, then rows as high as the wrapped evidence.
    lines = _render(EventsView(EVENTS), width)
    assert len(lines) <= 1 + 3 + 2, "\n".join(lines)


@pytest.mark.parametrize("width", [80, 120])
def test_render_statements_show_verdict_and_reason(width):
    checks = [StatementCheck(text="Seoul proposed talks.", verdict="supported", score=0.81,
                             evidence=None, reason="supported by: " + SENTENCE)]
    text = " ".join(" ".join(line.split()) for line in _render(StatementsView(checks), width))
    assert "supported 0.81" in text and "Seoul proposed talks." in text
    assert "supported by: South Korea proposed" in text


def test_render_events_empty():
    assert _render(EventsView([]), 80) == ["no events coded"]
