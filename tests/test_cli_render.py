"""People's tables: every event's code, actors, date, modality and evidence readable at 80 and
120 columns, evidence printed once per sentence, never folded a letter per line."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.console import Console

from flashpoint.cli.render.events import EventsView
from flashpoint.cli.render.statements import StatementsView
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


STATEMENTS = [
    StatementCheck(text="Israel announced a complete siege of Gaza on Monday, cutting off power, "
                        "food and fuel.", verdict="not_in_source", score=0.34, evidence=None,
                   reason="no sentence reports power"),
    StatementCheck(text="Seoul proposed talks with the North on reuniting separated families.",
                   verdict="supported", score=0.74, evidence=None,
                   reason="supported by: " + SENTENCE),
]


@pytest.mark.parametrize(("width", "most_lines"), [(120, 4), (80, 8)])
def test_render_statements_hang_under_their_verdict(width, most_lines):
    """A statement and its reason share one column right of the verdict: two lines each at
    120 columns (the reason cut to one line), and at 80 every continuation line is indented
    under the statement, never back at the margin under the number."""
    lines = _render(StatementsView(STATEMENTS), width)
    assert len(lines) <= most_lines, "\n".join(lines)
    assert all(len(line) <= width for line in lines)
    column = lines[0].index("Israel")
    numbered = [line for line in lines if line[:3].strip()]
    assert [line.split()[0] for line in numbered] == ["1.", "2."]
    for line in lines:
        if line not in numbered and line.strip():
            assert line[:column].strip() == "" and line[column] != " ", line
    text = " ".join(" ".join(line.split()) for line in lines)
    assert "supported by: South Korea proposed" in text and "no sentence reports power" in text


@pytest.mark.parametrize(
    ("origin", "width"),
    [("https://example.org/peninsula-daily-wire/2023/07/17/black-sea-grain-deal-collapse", 120),
     ("examples/pages/2023-10-09_capital-dispatch_gaza-siege.txt", 110)],
)
def test_render_article_header_is_one_line_keeping_both_ends(origin, width):
    from flashpoint.cli.render.articles import _with_origin

    facts = "2023-07-17 · 142 words · 12 events · 3 statements · Peninsula Daily Wire"
    line = _with_origin(facts, origin, width)
    assert "\n" not in line and len(line) <= width
    tail = line.rsplit(" · ", 1)[1]
    shown = origin.removeprefix("https://")
    assert shown.startswith(tail.split("…")[0]) and shown.endswith(tail.split("…")[-1])
    # Too narrow for both: the origin gets a line of its own, still within the width.
    first, second = _with_origin(facts, origin, 60).split("\n")
    assert first == facts and len(second) <= 60 and second[:10] == shown[:10]


def test_render_events_empty():
    assert _render(EventsView([]), 80) == ["no events coded"]


@pytest.fixture(scope="module")
def example_analyses(examples_dir):
    from flashpoint.ingest import read_path
    from flashpoint.pipeline import analyze_many

    return [r for r in analyze_many(read_path(examples_dir)) if r.article is not None]


@pytest.mark.slow
@pytest.mark.parametrize(("width", "most_lines"), [(120, 39), (80, None)])
def test_render_demo_articles_fit_the_terminal(example_analyses, monkeypatch, width, most_lines):
    """The bundled pages as `flashpoint demo` prints them: no line wider than the terminal,
    and at 120 columns every article's report (header, events, statements) under 40 lines."""
    from flashpoint.cli.render import articles

    lengths = {}
    for result in example_analyses:
        console = Console(width=width, record=True, color_system=None, force_terminal=False)
        monkeypatch.setattr(articles, "out", console)
        with console.capture() as capture:
            articles.print_analysis(result)
        lines = capture.get().splitlines()
        assert all(len(line.rstrip()) <= width for line in lines)
        lengths[result.article.title] = len(lines)
    assert len(lengths) >= 24
    if most_lines is not None:
        worst = max(lengths, key=lengths.get)
        assert lengths[worst] <= most_lines, (worst, lengths[worst])
