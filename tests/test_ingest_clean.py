"""The scraped-text cleaner: boilerplate out, title and dateline found, statements split off."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.ingest import clean_page, read_text

# A hand-written page with the phenomena of real scraped news pages.
PAGE = """\
Skip to content
The Coastal Courier
News | World | Asia | Sport

Navy ships collide near disputed reef

Two patrol boats at anchor off the reef
Two patrol boats at anchor off the reef on Thursday morning.

Asia - Navy ships collide near disputed reef

By Ana Reyes and Tom Field
Published: 14 March 2024, 08:30 GMT

A coast guard vessel and a supply ship collided near a disputed reef on Thursday, the navy said, injuring four sailors and raising fears of a wider confrontation at sea.

Share this article
Advertisement

The navy said the supply ship had been sailing to an outpost on the reef when the coast guard vessel blocked its path. Officials in the capital summoned the ambassador of the other country to protest.

Diplomats seek calm

Foreign ministers of both countries spoke by phone on Friday and agreed to keep talking. A regional security forum called on both sides to avoid further incidents.

Follow us on Facebook and X

Read also:

  1. The navy said four sailors were injured when a coast guard vessel and a supply
     ship collided near a disputed reef.
  2. Ten sailors died in the collision, officials said.
  - The foreign ministers agreed on Friday to meet in person next month.

© 2024 The Coastal Courier. All rights reserved.
"""


@pytest.fixture(scope="module")
def page():
    return clean_page(PAGE)


@pytest.mark.parametrize("expected", ["Navy ships collide near disputed reef"])
def test_ingest_clean_title_is_first_headline(page, expected):
    assert page.title == expected


@pytest.mark.parametrize(
    "gone",
    [
        "Skip to content",
        "News | World",
        "Asia - Navy ships",
        "By Ana Reyes",
        "Published:",
        "Share this article",
        "Advertisement",
        "Follow us on",
        "© 2024",
        "Two patrol boats at anchor",
        "Diplomats seek calm",
        "Read also",
        "Ten sailors died",
    ],
)
def test_ingest_clean_removes_boilerplate(page, gone):
    assert gone not in page.text


def test_ingest_clean_dateline_gives_published(page):
    assert page.published == dt.date(2024, 3, 14)


def test_ingest_clean_statements_split_and_joined(page):
    assert page.statements == (
        (
            "The navy said four sailors were injured when a coast guard vessel and a supply "
            "ship collided near a disputed reef."
        ),
        "Ten sailors died in the collision, officials said.",
        "The foreign ministers agreed on Friday to meet in person next month.",
    )


def test_ingest_clean_keeps_body_paragraphs(page):
    paragraphs = page.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("A coast guard vessel and a supply ship collided")
    assert paragraphs[2].startswith("Foreign ministers of both countries spoke by phone")


def test_ingest_clean_subheading_not_glued_to_next_paragraph(page):
    # The heading is dropped, so no sentence can start "Diplomats seek calm Foreign ministers".
    assert "calm Foreign" not in page.text
    assert not re.search(r"\bcalm\b", page.text)


def test_ingest_clean_text_is_tidy(page):
    assert "  " not in page.text
    assert "\n\n\n" not in page.text
    for paragraph in page.text.split("\n\n"):
        assert paragraph == paragraph.strip()
        assert not re.match(r"^(?:\d+[.)]|[-•*])\s", paragraph)


@pytest.mark.parametrize(
    "header",
    [
        "Read also:",
        "READ MORE",
        "Related",
        "Related articles:",
        "See also",
        "More on this",
        "also read:",
    ],
)
def test_ingest_clean_statement_headers(header):
    text = (
        "Border talks resume\n\n"
        "Delegations from both countries met at the border on Monday and agreed to resume "
        "regular talks on fishing rights, officials said.\n\n"
        f"{header}\n\n"
        "• Both delegations agreed to resume talks.\n"
        "• The talks were cancelled on Monday.\n"
    )
    page = clean_page(text)
    assert page.statements == (
        "Both delegations agreed to resume talks.",
        "The talks were cancelled on Monday.",
    )
    assert "cancelled" not in page.text


def test_ingest_clean_unmarked_statements_one_per_line():
    text = (
        "Harbour strike ends\n\n"
        "Dock workers ended a two-week strike on Sunday after the port authority agreed to "
        "raise wages by six percent, the union said.\n\n"
        "See also:\n"
        "Port authority raises wages by ten percent\n"
        "Union calls new strike for May\n"
    )
    page = clean_page(text)
    assert page.statements == (
        "Port authority raises wages by ten percent",
        "Union calls new strike for May",
    )


def test_ingest_clean_near_duplicate_caption_removed():
    text = (
        "Protest in the capital\n\n"
        "Crowds gather outside parliament\n"
        "Crowds gather outside parliament on Saturday evening.\n\n"
        "Thousands of people protested outside parliament on Saturday against a new media law, "
        "police said. Organisers said they would return next week.\n"
    )
    page = clean_page(text)
    assert "Crowds gather" not in page.text
    assert page.text.startswith("Thousands of people protested")


def test_ingest_clean_repeated_full_sentence_kept_once():
    sentence = "The minister said the ceasefire would hold as long as both sides respected it."
    text = (
        "Ceasefire holds\n\n"
        f"{sentence}\n\n"
        "Observers reported no violations along the front line overnight, the mission said.\n\n"
        f"{sentence}\n"
    )
    page = clean_page(text)
    assert page.text.count(sentence) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Soldiers at a checkpoint near the border",
        "Image: A damaged building in the city centre",
        "FILE - A view of the harbour in 2019. (AP Photo/Jane Doe, File)",
        "Police officers stand guard outside the court. (Photo by John Roe/Getty Images)",
        "This site uses cookies to give you a better service. If you keep browsing you agree to our cookie policy.",
        "Sample article written for Flashpoint",
        "Story continues below advertisement",
    ],
)
def test_ingest_clean_drops_caption_and_notice_lines(line):
    body = (
        "The regional parliament voted on Wednesday to extend the state of emergency by "
        "three months, the speaker said after the session."
    )
    page = clean_page(f"Parliament extends emergency\n\n{line}\n\n{body}\n")
    assert page.text == body


def test_ingest_clean_given_title_removes_its_repeats():
    body = "Rescue teams reached the village on Tuesday after roads reopened, officials said."
    text = f"World news - Flood cuts off village\n\n{body}\n"
    page = clean_page(text, title="Flood cuts off village")
    assert page.title == "Flood cuts off village"
    assert page.text == body


def test_ingest_clean_hard_wrapped_text_joined():
    text = (
        "Election date set\n\n"
        "The electoral commission set the date of the presidential election on\n"
        "Monday, a spokesman said, ending weeks of uncertainty after the\n"
        "constitutional court ruled on the length of the transition.\n"
    )
    page = clean_page(text)
    assert page.text == (
        "The electoral commission set the date of the presidential election on Monday, a "
        "spokesman said, ending weeks of uncertainty after the constitutional court ruled on "
        "the length of the transition."
    )


def test_ingest_clean_one_paragraph_per_line_style():
    text = (
        "Talks on prisoner exchange\n"
        "Negotiators met in the capital on Monday to discuss an exchange of prisoners of war.\n"
        "Next steps\n"
        "A second round of talks is planned for next month, the mediators said.\n"
    )
    page = clean_page(text)
    assert page.title == "Talks on prisoner exchange"
    assert page.text.split("\n\n") == [
        "Negotiators met in the capital on Monday to discuss an exchange of prisoners of war.",
        "A second round of talks is planned for next month, the mediators said.",
    ]


@pytest.mark.shared
def test_ingest_clean_seed_page(seed_page):
    article = read_text(seed_page)
    assert article.title == "Kim Jong Un orders intensified war preparations"
    assert "Skip to content" not in article.text
    assert "end-of-year plenary session" not in article.text  # the caption, both copies
    assert "North Korea - Kim Jong Un" not in article.text  # the kicker
    assert "Read also" not in article.text
    assert len(article.statements) == 6
    assert article.statements[1].startswith("Kim Jong-un's orders for intensified war preparations")
    for statement in article.statements:
        assert statement not in article.text
        assert not re.match(r"^\d+[.)]", statement)
    assert "  " not in article.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
            st.sampled_from(["", "Read also:", "1. A statement.", "Share", "Photo: x", "- item"]),
        ),
        max_size=25,
    )
)
def test_ingest_clean_never_fails_and_text_is_tidy(lines):
    page = clean_page("\n".join(lines))
    assert "\n\n\n" not in page.text
    assert "  " not in page.text
    assert page.text == page.text.strip()
    assert all(s and s == s.strip() for s in page.statements)


def test_ingest_clean_mid_body_teaser_is_not_a_statement_block():
    text = (
        "Ministers meet on water dispute\n\n"
        "Ministers from the three river states met on Monday to discuss sharing water from the "
        "dam, officials said, after months of rising tension.\n\n"
        "READ MORE: Drought hits farmers along the river\n\n"
        "The talks will continue in April, and engineers will inspect the dam before then, the "
        "host government said in a statement.\n"
    )
    page = clean_page(text)
    assert page.statements == ()
    assert "Drought hits farmers" not in page.text
    assert page.text.endswith("the host government said in a statement.")


BROADCASTER_PAGE = """\
Skip to content
Example Broadcaster
Home
News
Sport
Weather

Drone strikes hit port overnight

3 hours ago

Share
Save

Jane Doe
Example News, Kyiv

Image source, Example Agency
Image caption,
Firefighters worked through the night at the port

Drones struck grain warehouses at the port overnight, regional officials said on Wednesday, injuring two workers.

The governor said air defences destroyed 15 of the 19 drones launched.

Related Topics
Grain exports
Odesa

More on this story
Drones hit grain port again
Published
2 days ago
"""


def test_ingest_clean_broadcaster_style_page():
    page = clean_page(BROADCASTER_PAGE)
    assert page.title == "Drone strikes hit port overnight"
    assert page.text == (
        "Drones struck grain warehouses at the port overnight, regional officials said on "
        "Wednesday, injuring two workers.\n\n"
        "The governor said air defences destroyed 15 of the 19 drones launched."
    )
    assert page.statements == ("Drones hit grain port again",)


