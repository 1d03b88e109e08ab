"""Dates as explicit findings: a weekday, month-day or year the statement names against the one
the sentence reporting the same event gives (claims/dates.py, compare._date_findings)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.claims.dates import DateMention, calendar, conflict, date_mentions

WED_27_DEC_2023 = dt.date(2023, 12, 27)


def test_claims_dates_calendar_file_is_complete():
    cal = calendar()
    assert set(cal.weekdays.values()) == set(range(7))
    assert set(cal.months.values()) == set(range(1, 13))
    assert cal.ambiguous <= set(cal.weekdays) | set(cal.months)
    assert cal.relative_days["yesterday"] == -1
    assert cal.min_year < cal.max_year


@pytest.mark.parametrize(
    ("text", "published", "fields", "day_of"),
    [
        ("Netanyahu spoke on Sunday.", None, {"weekday": 6}, None),
        ("Netanyahu spoke on Sunday.", WED_27_DEC_2023, {"weekday": 6}, dt.date(2023, 12, 24)),
        ("Talks were held on December 24, 2023.", None, {"month": 12, "day": 24, "year": 2023}, dt.date(2023, 12, 24)),
        ("Talks were held on 3 Jan.", WED_27_DEC_2023, {"month": 1, "day": 3}, dt.date(2023, 1, 3)),
        ("Rockets hit the city yesterday.", WED_27_DEC_2023, {}, dt.date(2023, 12, 26)),
        ("The war began in 2022.", None, {"year": 2022}, None),
    ],
)
def test_claims_dates_are_read_with_the_publication_date(nlp, text, published, fields, day_of):
    found = date_mentions(list(nlp(text)), published)
    assert len(found) == 1, found
    assert found[0].fields() == fields
    assert found[0].day_of == day_of


@pytest.mark.parametrize("text", ["They may meet again.", "Protesters will march to the palace.", "The 1990s were calm."])
def test_claims_dates_ordinary_words_are_no_dates(nlp, text):
    assert date_mentions(list(nlp(text))) == []


@pytest.mark.parametrize(
    ("statement", "article", "expected"),
    [
        (DateMention("Monday", weekday=0), DateMention("Sunday", weekday=6), True),
        (DateMention("Monday", weekday=0), DateMention("Monday", weekday=0), False),
        (DateMention("Monday", weekday=0), DateMention("March", month=3), None),  # no shared field
        (DateMention("in 2022", year=2022), DateMention("2023", year=2023), True),
        (DateMention("the 5th", day=5), DateMention("the 6th", day=6), None),  # a bare day number says too little
        (DateMention("Dec 24", month=12, day=24, day_of=dt.date(2023, 12, 24)),
         DateMention("Sunday", weekday=6, day_of=dt.date(2023, 12, 24)), False),
        (DateMention("Dec 25", month=12, day=25, day_of=dt.date(2023, 12, 25)),
         DateMention("Sunday", weekday=6, day_of=dt.date(2023, 12, 24)), True),
    ],
)
def test_claims_dates_conflict_only_on_what_both_say(statement, article, expected):
    assert conflict(statement, article) is expected


ARTICLE = (
    "Israel ordered a complete siege of the Gaza Strip on Monday, cutting off electricity and fuel. "
    "Prime Minister Benjamin Netanyahu said on Sunday that Israel was at war. "
    "The army said its jets struck 500 targets in Gaza overnight."
)


@pytest.mark.parametrize(
    ("statement", "published", "says"),
    [
        ("Netanyahu said on Monday that Israel was at war.", None, ("Sunday", "Monday")),
        ("Netanyahu said on Friday that Israel was at war.", dt.date(2023, 10, 9), ("Sunday", "Friday")),
        ("Netanyahu said on October 7 that Israel was at war.", dt.date(2023, 10, 9), ("Sunday", "October 7")),
    ],
)
def test_claims_dates_another_day_for_the_same_event_is_contradicted(statement, published, says):
    from flashpoint.claims import check_text

    result = check_text(ARTICLE, statement, published=published)
    assert result.verdict == "contradicted", result.reason
    assert result.reason == f"date mismatch: article says {says[0]}, statement says {says[1]}"
    assert result.evidence is not None and "Netanyahu said on Sunday" in result.evidence.text


@pytest.mark.parametrize(
    ("statement", "published"),
    [
        ("Netanyahu said on Sunday that Israel was at war.", None),
        ("Netanyahu said on October 8 that Israel was at war.", dt.date(2023, 10, 9)),  # Sunday 8 October
        ("Israel ordered a complete siege of Gaza on Monday.", None),  # the siege sentence says Monday
        ("Netanyahu said in 2023 that Israel was at war.", dt.date(2023, 10, 9)),  # no shared field
    ],
)
def test_claims_dates_the_same_day_or_another_event_is_no_date_finding(nlp, statement, published):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    comparison = compare(build_index(nlp(ARTICLE), published=published), nlp(statement))
    assert not [f for f in comparison.findings if f.kind == "date"], comparison.findings
    assert comparison.features["date_mismatch"] == 0.0


@pytest.mark.parametrize(
    ("article", "statement", "finding"),
    [
        ("Moreau quit Toulon in 2014 and coached in Ireland, Italy and Fiji before he went home.",
         "Moreau rejoined Toulon in 2018 after stints in Ireland, Italy and Fiji.", False),
        ("Moreau quit Toulon in 2014 and coached in Ireland, Italy and Fiji before he went home.",
         "Moreau quit Toulon in 2016 and coached in Ireland, Italy and Fiji.", True),
    ],
)
def test_claims_dates_of_another_happening_in_the_sentence_are_not_compared(nlp, article, statement, finding):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    comparison = compare(build_index(nlp(article)), nlp(statement))
    assert bool([f for f in comparison.findings if f.kind == "date"]) is finding, comparison.findings


@pytest.mark.parametrize(
    ("article_heads", "mismatch"),
    [
        # the parse hangs the article's 2003 on "from", its 2000 on "dated": the statement restates both
        ((("2000", 2000, "date"), ("2003", 2003, "from")), False),
        # a sentence with another year besides is read date by date: 2003 meets only 2001
        ((("2001", 2001, "date"), ("2003", 2003, "from")), True),
    ],
)
def test_claims_a_date_the_sentence_gives_is_no_mismatch_whatever_word_it_hangs_on(nlp, article_heads, mismatch):
    import dataclasses

    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    index = build_index(nlp("Maria Costa says she dated the smuggler Rui Pinto from 2000 to 2003."))
    dates = tuple(DateMention(text, year=year, head=head) for text, year, head in article_heads)
    index.sentences[0] = dataclasses.replace(index.sentences[0], dates=dates)
    statement = nlp("Maria Costa, 44, says she dated Lisbon smuggler Rui Pinto from 2000 to 2003.")
    findings = compare(index, statement).findings
    assert any(f.kind == "date" for f in findings) == mismatch, findings
