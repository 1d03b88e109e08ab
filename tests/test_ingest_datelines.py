"""Datelines through the cleaner: the page's date stamps and a wire dateline opening the lead.

A stamp line is dropped and its best date is the publication date; a wire dateline ("SEOUL,
Dec 27 (Wire) -") is cut from the lead, its full date used when the page shows none, and prose
that only looks like one stays. Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.ingest import clean_page
from flashpoint.ingest.datelines import blank_lead_dateline


def test_ingest_datelines_wire_dateline_in_lead_gives_date():
    text = (
        "Grain ships leave port\n\n"
        "ODESA, Aug 16 2023 (Wire) - Two cargo ships left the port on Wednesday using a new "
        "corridor, the navy said.\n"
    )
    assert clean_page(text).published == dt.date(2023, 8, 16)


@pytest.mark.parametrize(
    "sentence",
    ["The vote is set for March 3, 2024.", "Elections will be held on 3 March 2024 nationwide."],
)
def test_ingest_datelines_short_sentence_with_date_is_kept(sentence):
    body = "The election commission confirmed the timetable at a news conference on Monday."
    page = clean_page(f"Vote date confirmed\n\n{body}\n\n{sentence}\n")
    assert page.text == f"{body}\n\n{sentence}"
    assert page.published is None


@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        (["Troops in the capital, 2 May 2022", "Published: 3 May 2023"], dt.date(2023, 5, 3)),
        (["Updated 9 May 2023", "3 May 2023"], dt.date(2023, 5, 3)),
        (["Updated 9 May 2023"], dt.date(2023, 5, 9)),
        (["Troops in the capital, 2 May 2022"], dt.date(2022, 5, 2)),
    ],
)
def test_ingest_datelines_dateline_preference(stamps, expected):
    body = "Troops paraded through the capital on Wednesday to mark the national holiday."
    page = clean_page("Holiday parade\n\n" + "\n\n".join(stamps) + f"\n\n{body}\n")
    assert page.published == expected
    assert page.text == body


@pytest.mark.parametrize(
    ("lead", "rest", "published"),
    [
        (
            "HAMBURG, Jun 3 (Harbour Wire) - Dock workers walked out on Monday over pay.",
            "Dock workers walked out on Monday over pay.",
            None,
        ),
        (
            "MANILA — The coast guard said a ship ran aground.",
            "The coast guard said a ship ran aground.",
            None,
        ),
        (
            "MANILA—The coast guard said a ship ran aground.",
            "The coast guard said a ship ran aground.",
            None,
        ),
        (
            "TBILISI, Georgia (Valley Times) – Protesters gathered outside parliament.",
            "Protesters gathered outside parliament.",
            None,
        ),
        (
            "SAN JOSE/PANAMA CITY, Feb. 9, 2022 (Wire) -- Talks on the canal resumed.",
            "Talks on the canal resumed.",
            dt.date(2022, 2, 9),
        ),
        (
            'NAIROBI, 4 October 2021 - "We will not retreat," the minister said.',
            '"We will not retreat," the minister said.',
            dt.date(2021, 10, 4),
        ),
        # title case, as scrapers and release wires print it: only with a month-name date
        (
            "Hamburg, Jun 3 (Wire) - Dock workers walked out on Monday over pay.",
            "Dock workers walked out on Monday over pay.",
            None,
        ),
        (
            "Gdansk, March 3, 2024 - In 1981 the shipyard workers went on strike.",
            "In 1981 the shipyard workers went on strike.",
            dt.date(2024, 3, 3),
        ),
        (
            "New Delhi, 12 Sept. 2023 (Outlet) — Farmers blocked the highway again.",
            "Farmers blocked the highway again.",
            dt.date(2023, 9, 12),
        ),
    ],
)
def test_ingest_datelines_wire_dateline_stripped_from_lead(lead, rest, published):
    body = "The strike is the first at the port in a decade, the union said on Tuesday."
    page = clean_page(f"Port strike spreads\n\n{lead}\n\n{body}\n")
    assert page.text == f"{rest}\n\n{body}"
    assert page.published == published


def test_ingest_datelines_wire_dateline_date_does_not_override_page_stamp():
    text = (
        "Port strike spreads\n\n"
        "Published: 5 June 2022\n\n"
        "HAMBURG, Jun 3, 2022 (Wire) - Dock workers walked out over pay, the union said.\n"
    )
    page = clean_page(text)
    assert page.published == dt.date(2022, 6, 5)
    assert page.text == "Dock workers walked out over pay, the union said."


@pytest.mark.parametrize(
    "lead",
    [
        "NATO said on Monday it would send more jets to the Baltic states.",
        "NATO — the alliance of 31 states — said it would send more jets.",
        "UN — Security Council members met behind closed doors on Monday.",
        "ASEAN - the regional bloc - called for restraint on Monday.",
        "OPEC, the oil cartel, said output would fall - a move welcomed by Moscow.",
        "Moscow, Beijing and Delhi - the three capitals - agreed on Monday to meet again.",
        "Hamburg, the port city, was calm - police said the strike had ended.",
        "Warsaw, May Day - a holiday the unions still keep - passed quietly.",
    ],
)
def test_ingest_datelines_lead_without_wire_dateline_untouched(lead):
    page = clean_page(f"Port strike spreads\n\n{lead}\n")
    assert page.text == lead


def test_ingest_datelines_wire_dateline_only_on_the_lead():
    second = "BERLIN — Officials said the talks would resume in a week."
    page = clean_page(
        f"Talks stall\n\nNegotiators left the capital without a deal on Friday.\n\n{second}\n"
    )
    assert page.text.endswith(second)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("HAMBURG, Jun 3 (Harbour Wire) - Dock workers walked out over pay.",
         "Dock workers walked out over pay."),
        ("  MANILA — The coast guard said a ship ran aground.",
         "The coast guard said a ship ran aground."),
        ("NATO — the alliance of 31 states — said it would send more jets.",
         "NATO — the alliance of 31 states — said it would send more jets."),
    ],
)
def test_ingest_datelines_blank_lead_dateline_keeps_every_offset(text, kept):
    """An article taken as given: the dateline becomes spaces, so offsets into it still hold."""
    blanked = blank_lead_dateline(text)
    assert len(blanked) == len(text)
    assert blanked.endswith(kept) and blanked[: len(text) - len(kept)].strip() == ""
    assert blanked[len(text) - len(kept):] == text[len(text) - len(kept):]
