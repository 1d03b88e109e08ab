"""Event date phrases resolve against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events.dates import resolve_phrase

PUBLISHED = dt.date(2023, 12, 27)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "date", "precision"),
    [
        ("in April", dt.date(2023, 4, 1), "month"),
        ("on Tuesday", dt.date(2023, 12, 26), "day"),
        ("on Wednesday", dt.date(2023, 12, 27), "day"),
        ("last year", dt.date(2022, 1, 1), "year"),
        ("this year", dt.date(2023, 1, 1), "year"),
        ("yesterday", dt.date(2023, 12, 26), "day"),
        ("on March 31, 2018", dt.date(2018, 3, 31), "day"),
        ("on 3 June", dt.date(2023, 6, 3), "day"),
        ("in 1990", dt.date(1990, 1, 1), "year"),
        ("last month", dt.date(2023, 11, 1), "month"),
        # a month or day put in a year by words: that year, not the latest such month
        ("in May last year", dt.date(2022, 5, 1), "month"),
        ("in February of last year", dt.date(2022, 2, 1), "month"),
        ("on 9 October last year", dt.date(2022, 10, 9), "day"),
        ("in January next year", dt.date(2024, 1, 1), "month"),
        ("in October this year", dt.date(2023, 10, 1), "month"),
        # counted back from the publication: a day, the week (its Monday), the month
        ("two days ago", dt.date(2023, 12, 25), "day"),
        ("three weeks ago", dt.date(2023, 12, 4), "week"),
        ("five months ago", dt.date(2023, 7, 1), "month"),
        ("a year ago", dt.date(2022, 12, 1), "month"),
        ("last night", dt.date(2023, 12, 26), "day"),
        ("hours ago", dt.date(2023, 12, 27), "day"),
        ("a fortnight ago", dt.date(2023, 12, 11), "week"),
        ("two decades ago", dt.date(2003, 1, 1), "year"),
        # the weekend on or before the publication, dated as the week it ends
        ("the weekend", dt.date(2023, 12, 18), "week"),
        ("last weekend", dt.date(2023, 12, 18), "week"),
    ],
)
def test_events_dates_resolve_relative_phrases(phrase, date, precision):
    got = resolve_phrase(phrase, PUBLISHED)
    assert (got.date, got.precision, got.text) == (date, precision, phrase)


@pytest.mark.parametrize("phrase", ["recently", "the 13th", "over the past week"])
def test_events_dates_unresolvable_phrase_keeps_text(phrase):
    got = resolve_phrase(phrase, PUBLISHED)
    assert got.date is None and got.precision is None and got.text == phrase


def test_events_dates_without_publication_date_only_absolute_dates_resolve():
    assert resolve_phrase("on Tuesday", None).date is None
    assert resolve_phrase("in 2003", None).date == dt.date(2003, 1, 1)


def test_events_dates_future_reading_takes_the_next_day():
    assert resolve_phrase("on Tuesday", PUBLISHED, future=True).date == dt.date(2024, 1, 2)
    assert resolve_phrase("in February", PUBLISHED, future=True).date == dt.date(2024, 2, 1)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Hungary scrapped the 2016 border accord with Romania.", None),
        ("Chile extended its 2021 tariffs on Peruvian steel in March.", dt.date(2023, 3, 1)),
        ("The navy shelled the port in 2019.", dt.date(2019, 1, 1)),
        ("Rebels attacked the garrison last year.", dt.date(2022, 1, 1)),
    ],
)
def test_events_dates_noun_modifier_year_does_not_date_the_act(nlp, text, date):
    """Only a temporal adjunct of the predicate dates it; "the 2016 accord" dates the accord."""
    from flashpoint.events import code_doc

    events = code_doc(nlp(text), published=PUBLISHED)
    assert events, text
    assert events[0].date == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the act the main verb was done in, or the act a light verb names, has the noun's date
        ("Nine soldiers died in the November 30 ambush near Kidal.", dt.date(2023, 11, 30)),
        ("Gunmen killed six worshippers in the December 3 attack on a mosque.", dt.date(2023, 12, 3)),
        ("The militia carried out the October 5 drone strike on the airport.", dt.date(2023, 10, 5)),
        # an act only referred to keeps its own date, not the verb's
        ("Tehran vowed revenge for the December 25 strike on its adviser.", None),
        ("The council condemned the November 6 shelling of a hospital.", None),
    ],
)
def test_events_dates_the_dated_act_a_verb_was_done_in_dates_it(nlp, text, date):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text), published=PUBLISHED)
    assert events, text
    assert events[0].date == date, (events[0].cameo, events[0].trigger, events[0].date)


def test_events_dates_modifier_of_the_event_noun_dates_it(nlp):
    from flashpoint.events import code_doc

    events = code_doc(nlp("Tuesday's bombing killed four police officers."), published=PUBLISHED)
    assert events and events[0].date == dt.date(2023, 12, 26)


@pytest.mark.parametrize("phrase", ["last year", "yesterday", "in April", "on Tuesday", "next year"])
@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_events_dates_out_of_calendar_keeps_the_phrase(phrase, published):
    resolved = resolve_phrase(phrase, published)  # raised OverflowError/ValueError before
    assert resolved.text == phrase


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("In 2010 North Korean artillery shelled Yeonpyeong island, killing four South Koreans.", 2010),
        ("In 2014 Russian forces seized Crimea.", 2014),
        ("In 2020 Indian and Chinese soldiers clashed in the Galwan valley.", 2020),
    ],
)
def test_events_dates_year_after_a_preposition_dates_the_act(text, year):
    """The small parser may hang "In 2015" on the next noun; the preposition makes it an adjunct."""
    from flashpoint.pipeline import code

    events = code(text, published="2024-03-01")
    assert events and events[0].date == dt.date(year, 1, 1)
    assert events[0].date_precision == "year"


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # PUBLISHED is Wednesday 27 December 2023
        (
            "The militia, which took the town on November 3, shelled the airport on Monday.",
            "shelled",
            dt.date(2023, 12, 25),
        ),
        (
            "The general, who seized power on October 30, expelled the UN envoy.",
            "expelled",
            None,
        ),
        ("Police beat students who marched on Tuesday.", "beat", dt.date(2023, 12, 26)),
    ],
)
def test_events_dates_a_calendar_day_of_a_relative_clause_dates_that_clause(nlp, text, trigger, date):
    """A named day weeks back inside a relative clause is background; a weekday is the scene."""
    from flashpoint.events import code_doc

    events = code_doc(nlp(text), published=PUBLISHED)
    act = next((e for e in events if e.trigger == trigger), None)
    assert act is not None, [(e.trigger, e.date) for e in events]
    assert act.date == date, [(e.trigger, e.date) for e in events]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # spaCy labels a day with its part of the day TIME, not DATE
        ("The government declared a state of emergency on Sunday night.", dt.date(2023, 12, 24)),
        ("Russian missiles struck Kharkiv early on Monday morning, killing three people.",
         dt.date(2023, 12, 25)),
    ],
)
def test_events_dates_a_time_that_names_its_day_dates_the_act(nlp, text, date):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text), published=PUBLISHED)
    assert events and events[0].date == date, events


def test_events_dates_a_time_of_day_alone_gives_no_date(nlp):
    from flashpoint.events import code_doc

    events = code_doc(nlp("Police arrested 20 people at 3 a.m. near the square."), published=PUBLISHED)
    assert events and events[0].date is None, events


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a start or an end of what the act is about dates it only when nothing else does
        ("The bloc approved a ban on coal imports from 2028 on Monday.", dt.date(2023, 12, 25)),
        ("Ottawa imposed sanctions on Tuesday, with a freeze on assets from next year.", dt.date(2023, 12, 26)),
    ],
)
def test_events_dates_a_bound_yields_to_a_point_in_time(nlp, text, date):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text), published=PUBLISHED)
    assert events and events[0].date == date, [(e.cameo, e.date, e.date_text) for e in events]


def test_events_dates_an_act_spoken_about_does_not_give_its_date(nlp):
    # "denied any role in the March 3 attack": the denial is not dated by the attack
    from flashpoint.events import code_doc

    events = code_doc(nlp("Kabul denied any role in the December 2 attack on the border post."), published=PUBLISHED)
    denial = [e for e in events if e.cameo_root == "01"]
    assert denial and all(e.date != dt.date(2023, 12, 2) for e in denial), [(e.cameo, e.date) for e in events]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Militants ambushed a convoy in the north two days ago.", dt.date(2023, 12, 25)),
        ("Last night, Houthi rebels fired missiles at a tanker.", dt.date(2023, 12, 26)),
    ],
)
def test_events_dates_phrases_counted_back_date_the_act(nlp, text, date):
    from flashpoint.events import code_doc

    events = [e for e in code_doc(nlp(text), published=PUBLISHED) if e.cameo[:2] in ("19", "15")]
    assert events and events[0].date == date, [(e.cameo, e.date, e.date_text) for e in events]
