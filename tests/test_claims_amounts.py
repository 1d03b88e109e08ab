"""A statement's number written as a bound, an estimate or in another unit is the article's
number when it meets it ("more than 300 people" against 312, "a two-day ceasefire" against a
48-hour one), and stays not in the article when it does not (claims/amounts.py)."""

from __future__ import annotations

import pytest

from flashpoint.claims.amounts import amount_settings, bound_of, meets


def _number_status(nlp, article, statement):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    comparison = compare(build_index(nlp(article)), nlp(statement))
    numbers = [w for w in comparison.words if w.kind == "number" and w.key.startswith("#")]
    return numbers, comparison.findings


@pytest.mark.parametrize(("text", "index", "bound"), [
    ("More than 300 people were arrested.", 2, ">"),
    ("At least seven soldiers died.", 2, ">="),
    ("Nearly 300 homes were destroyed.", 1, "~<"),
    ("About 1,000 troops crossed.", 1, "~"),
    ("More than a thousand drones were fired.", 3, ">"),
    ("Up to 40 trucks may cross daily.", 2, "<="),
    ("300 people were arrested.", 0, None),
])
def test_claims_bound_words_before_a_number(nlp, text, index, bound):
    assert bound_of(nlp(text)[index]) == bound


def test_claims_bounds_and_estimates_meet_the_article_number():
    assert meets(">", 312, 300) and not meets(">", 300, 300)
    assert meets(">=", 300, 300) and not meets(">=", 290, 300)
    assert meets("~", 312, 300) and not meets("~", 340, 300)
    assert meets("~<", 290, 300) and not meets("~<", 300, 300) and not meets("~<", 200, 300)
    assert meets("<=", 40, 40) and not meets("<", 40, 40)
    assert 0 < amount_settings().approximation < 0.5


ARTICLE = "Police said 312 people were arrested during the protests in the capital on Saturday."


@pytest.mark.parametrize("statement", [
    "More than 300 people were arrested during the protests.",
    "About 300 people were arrested during the protests.",
    "Fewer than 400 people were arrested during the protests.",
])
def test_claims_a_bound_the_article_number_meets_is_found(nlp, statement):
    numbers, findings = _number_status(nlp, ARTICLE, statement)
    assert numbers and all(w.status in ("best", "window") for w in numbers), numbers
    assert not [f for f in findings if f.kind == "number"], findings


@pytest.mark.parametrize("statement", [
    "More than 400 people were arrested during the protests.",
    "About 250 people were arrested during the protests.",
    "300 people were arrested during the protests.",  # no bound: 300 is not 312
])
def test_claims_a_bound_the_article_number_misses_is_not_found(nlp, statement):
    numbers, findings = _number_status(nlp, ARTICLE, statement)
    assert numbers and all(w.status == "novel" for w in numbers), numbers
    assert [f for f in findings if f.kind == "number" and f.article_says == "312"], findings


def test_claims_a_bound_counts_only_the_same_kind_of_thing(nlp):
    """312 rockets meet no bound on people."""
    numbers, _ = _number_status(nlp, "The militia fired 312 rockets at the port on Saturday.",
                                "More than 300 people fled the port on Saturday.")
    assert numbers and all(w.status == "novel" for w in numbers), numbers


@pytest.mark.parametrize(("statement", "found"), [
    ("The rivals agreed to a two-day ceasefire in the north.", True),
    ("The rivals agreed to a three-day ceasefire in the north.", False),
])
def test_claims_a_length_of_time_in_another_unit(nlp, statement, found):
    numbers, _ = _number_status(nlp, "The rivals agreed to a 48-hour ceasefire in the north on Monday.", statement)
    assert numbers
    assert all((w.status in ("best", "window")) == found for w in numbers), numbers


def test_claims_a_scale_word_is_a_count_not_an_ordinal(nlp):
    """"thousand" ends like "second", but it counts ("over a thousand trucks")."""
    from flashpoint.claims.units import number_form, token_key

    thousand = nlp("Over a thousand trucks waited at the border.")[2]
    assert number_form(thousand, token_key(thousand)) == "count"
    second = nlp("The second convoy waited at the border.")[1]
    assert number_form(second, token_key(second)) == "ordinal"


def test_claims_a_bound_on_a_scale_word(nlp):
    numbers, _ = _number_status(nlp, "More than 1,200 trucks have waited at the border since Monday.",
                                "Over a thousand trucks have waited at the border.")
    assert numbers and all(w.status in ("best", "window") for w in numbers), numbers


def test_claims_a_unit_and_its_abbreviation(nlp):
    """"kilometres" is the article's "km" (lexicon.json synonyms)."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    index = build_index(nlp("The aid convoy travelled 250 km from the port to the border town, the agency said."))
    words = compare(index, nlp("The aid convoy travelled 250 kilometres to the border town.")).words
    assert next(w.status for w in words if w.token.text == "kilometres") == "synonym"


def test_claims_data_files_are_read_one_way_with_their_own_error(monkeypatch):
    # every table of the checker goes through datafiles.read_data: a file that cannot be parsed
    # is E406 naming it, whichever module reads it first
    import pytest as _pytest

    from flashpoint.claims import amounts, datafiles
    from flashpoint.errors import ConfigError

    monkeypatch.setattr(datafiles.json, "loads", lambda raw: (_ for _ in ()).throw(ValueError("bad")))
    amounts.amount_settings.cache_clear()
    try:
        with _pytest.raises(ConfigError) as caught:
            amounts.amount_settings()
        assert "E406" in str(caught.value) and amounts.AMOUNTS_FILE in str(caught.value)
    finally:
        monkeypatch.undo()
        amounts.amount_settings.cache_clear()


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # a fraction of a scale is its product; "a million" is one million
        ("About 500,000 people have fled the province.", "supported"),
        ("A million people have fled the province.", "contradicted"),
        # the scale of "3.2 million" is no number of its own: "1 million" is not in it
        ("The floods destroyed 1 million hectares of crops.", "contradicted"),
        ("The floods destroyed 3,200,000 hectares of crops.", "supported"),
    ],
)
def test_claims_numbers_written_with_a_scale_word(statement, verdict):
    from flashpoint.claims.check import check_text

    article = (
        "Officials say roughly half a million people have fled the province. "
        "The floods destroyed 3.2 million hectares of crops, the ministry said."
    )
    result = check_text(article, statement)
    assert result.verdict == verdict, (statement, result.verdict, result.reason)


def test_claims_a_scale_word_after_a_number_is_part_of_it(nlp):
    """"one million" against the article's "a million": the scale is the number's, not a word the
    article must also write ("million" was not in the article: its "million" is the number 1,000,000)."""
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    article = "More than a million residents have left the coastal towns since the storms began."
    comparison = compare(build_index(nlp(article)), nlp("Over one million residents have left the coastal towns."))
    assert [w.status for w in comparison.words if w.token.lower_ in ("one", "million")] == ["best"], comparison.words

