"""Dates told relative to another date of the text ("a day later", "the same day", "a day after
X", "three years later") count from that date, never from the publication."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flashpoint.events import anchored, code_doc
from flashpoint.events.dates import EventDate

PUBLISHED = dt.date(2024, 3, 8)  # a Friday


def _dated(nlp, text):
    return {e.trigger: e.date for e in code_doc(nlp(text), published=PUBLISHED)}


def test_events_anchored_an_act_inside_a_day_after_clause_is_a_day_before_its_clause(nlp):
    got = _dated(
        nlp,
        "The interior minister resigned on Wednesday, a day after soldiers attacked the "
        "parliament building.",
    )
    assert got["resigned"] == dt.date(2024, 3, 6)
    assert got["attacked"] == dt.date(2024, 3, 5)


def test_events_anchored_later_and_same_day_count_from_the_article_date(nlp):
    got = code_doc(
        nlp(
            "Rebels freed 20 soldiers on Monday. Two days later, the army shelled the rebel "
            "camp. The rebels released 12 more captives on the same day."
        ),
        published=PUBLISHED,
    )
    dates = [(e.trigger, e.date) for e in got]
    assert ("freed", dt.date(2024, 3, 4)) in dates
    assert ("shelled", dt.date(2024, 3, 6)) in dates
    assert ("released", dt.date(2024, 3, 6)) in dates


def test_events_anchored_years_later_keeps_the_anchor_precision(nlp):
    got = code_doc(
        nlp(
            "Ethiopia and Eritrea fought a border war in 1998. Two years later, Eritrean "
            "troops attacked Ethiopian positions."
        ),
        published=PUBLISHED,
    )
    attack = next(e for e in got if e.trigger == "attacked")
    assert (attack.date, attack.date_precision) == (dt.date(2000, 1, 1), "year")


def test_events_anchored_with_no_date_before_it_the_date_stays_unknown(nlp):
    event = code_doc(nlp("A day later, the army shelled the village."), published=PUBLISHED)[0]
    assert event.date is None and event.date_text == "A day later"


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("a day later", anchored.Offset(1, "day")),
        ("two years earlier", anchored.Offset(-2, "year")),
        ("on the same day", anchored.Offset(0, "day")),
        ("the following week", anchored.Offset(1, "week")),
        ("hours", anchored.Offset(1, "hour", clause=True)),
        ("3 days", anchored.Offset(3, "day", clause=True)),
        ("on Tuesday", None),
        ("in 2010", None),
        ("two days ago", None),
    ],
)
def test_events_anchored_offsets_of_phrases(phrase, offset):
    assert anchored.offset_of(phrase) == offset


def test_events_anchored_shift_is_never_finer_than_its_anchor():
    month = EventDate(dt.date(2023, 5, 1), "month", "in May")
    assert anchored.shift(month, anchored.Offset(1, "day"), "a day later").date is None
    assert anchored.shift(month, anchored.Offset(1, "month"), "a month later").date == dt.date(
        2023, 6, 1
    )
    assert anchored.shift(None, anchored.Offset(1, "day"), "a day later").date is None


def test_events_anchored_words_load_and_agree():
    data = json.loads(
        (Path(anchored.__file__).with_name("data") / "relative_dates.json").read_text("utf-8")
    )
    units = set(data["units"]["map"].values())
    assert units <= {"hour", "day", "week", "month", "year", "decade"}
    for name, entry in data.items():
        if name != "about":
            assert entry.get("why"), name
    for amount, unit in data["fixed"]["map"].values():
        assert isinstance(amount, int) and unit in units
    assert set(data["directions"]["map"].values()) <= {1, -1}
    assert set(data["clause_words"]["map"].values()) <= {1, -1}
    assert "ago" not in data["directions"]["map"]  # counts from the publication, not an anchor


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        (
            ("Students occupied the university in Dhaka on Monday. Police fired rubber bullets to "
            "drive them out."),
            "fired",
            dt.date(2024, 3, 4),
        ),
        (
            "Rebels attacked an army base in northern Mali on Sunday. Five soldiers were killed.",
            "killed",
            dt.date(2024, 3, 3),
        ),
    ],
)
def test_events_anchored_an_undated_deed_continues_the_scene_before_it(nlp, text, trigger, day):
    """A deed told in the simple past right after a dated sentence happened on its day."""
    assert _dated(nlp, text)[trigger] == day


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a blank line ends the scene
        ("Students occupied the university in Dhaka on Monday.\n\nPolice fired rubber bullets.", "fired"),
        # a perfect tells another time
        ("Rebels attacked an army base in Mali on Sunday. The army has shelled their camps.", "shelled"),
        # words are reported as current, not on the scene's day
        ("Rebels attacked an army base in Mali on Sunday. France condemned the attack.", "condemned"),
        # a relative clause is background
        (
            "Hasina resigned on Monday. Soldiers watched crowds who stormed the palace.",
            "stormed",
        ),
        # no date just before: nothing to continue
        ("Rebels attacked an army base in Mali. Five soldiers were killed.", "killed"),
    ],
)
def test_events_anchored_no_scene_to_continue_leaves_the_deed_undated(nlp, text, trigger):
    got = _dated(nlp, text)
    assert trigger in got, got
    assert got[trigger] is None


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # the governing act counted on from the date X gives
        ("Three days after the May 2 ambush, the army launched an offensive.", "launched", dt.date(2024, 5, 5)),
        ("A week after the March 3 vote, the opposition staged protests.", "staged", dt.date(2024, 3, 10)),
        # X told with its own date, the governing act a day on, whichever comes first
        ("A day after militants attacked a checkpoint on Sunday, troops raided the village.", "raided", dt.date(2024, 5, 13)),
        ("A day after militants attacked a checkpoint on Sunday, troops raided the village.", "attacked", dt.date(2024, 5, 12)),
        ("Troops raided the village a day after militants attacked a checkpoint on Sunday.", "raided", dt.date(2024, 5, 13)),
    ],
)
def test_events_anchored_dates_the_governing_act_counts_from_x(nlp, text, trigger, date):
    from flashpoint.events import code_doc

    events = [e for e in code_doc(nlp(text), published=dt.date(2024, 5, 15)) if e.trigger.split()[0] == trigger]
    assert events and events[0].date == date, [(e.trigger, e.date, e.date_text) for e in code_doc(nlp(text), published=dt.date(2024, 5, 15))]
