"""A number of people the article gives with another fate ("four killed" / "four wounded") is a
number mismatch; the same fate, or a fate the article does not say, is none (claims.units.fate_of,
claims.findings.quantities.fate_findings). The subject of "died" is its patient (``undergoer_verbs``), and a number spelled
out with a hyphen ("Twenty-seven") is read whole (``units.number_value``)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.claims.check import check_many
from flashpoint.claims.units import fate_of
from flashpoint.nlp import get_nlp

ARTICLE = """Militants ambushed an army convoy in eastern Congo on Thursday, killing six soldiers and wounding nine others, the army said.

The injured were taken to a hospital in Beni. The army said it had arrested three suspects."""


def _verdict(statement: str) -> tuple[str, str]:
    result = check_many([(ARTICLE, statement)], published=dt.date(2025, 3, 1))[0]
    return result.verdict, result.reason


@pytest.mark.parametrize(
    ("text", "number", "fate"),
    [
        ("At least 14 people were killed in the blast.", "14", "killed"),
        ("The strike killed 14 and wounded 30.", "30", "wounded"),
        ("Police detained 200 protesters.", "200", "detained"),
        ("Fourteen soldiers said they had not been paid.", "Fourteen", None),
        ("The death toll rose to 14.", "14", None),
    ],
)
def test_fate_of_reads_what_befell_the_counted(text: str, number: str, fate: str | None) -> None:
    doc = get_nlp()(text)
    token = next(t for t in doc if t.text == number)
    assert fate_of(token) == fate


def test_a_count_given_another_fate_is_a_number_mismatch() -> None:
    verdict, reason = _verdict("Six soldiers were wounded in the ambush.")
    assert verdict == "contradicted"
    assert "six killed" in reason and "wounded" in reason


def test_a_count_with_the_article_s_fate_is_no_mismatch() -> None:
    verdict, reason = _verdict("The ambush killed six soldiers.")
    assert "number mismatch" not in reason
    assert verdict == "supported"


def test_another_fate_where_the_article_says_none_is_no_fate_mismatch() -> None:
    # "three suspects" were arrested; the article gives no fate to another three
    verdict, reason = _verdict("The army arrested three suspects.")
    assert verdict == "supported", reason


RAID = "Militants attacked an army post in northern Niger on Friday, killing five soldiers and wounding eight others."


def test_the_subject_of_died_is_who_was_killed_not_a_killer() -> None:
    # 'died' paraphrases 'killing five soldiers': its subject is the patient, not another agent
    result = check_many([(RAID, "Five soldiers died in the attack.")], published=dt.date(2025, 3, 1))[0]
    assert "role mismatch" not in result.reason
    assert result.verdict == "supported", result.reason


def test_arguments_of_an_undergoer_verb() -> None:
    from flashpoint.claims.roles import arguments

    doc = get_nlp()("Three journalists died in the shelling.")
    verb = next(t for t in doc if t.lemma_ == "die")
    agent, patient, _, _ = arguments(verb)
    assert agent is None
    assert patient is not None and patient.text == "journalists"


@pytest.mark.parametrize(("text", "value"), [("Twenty-seven people were hurt.", 27.0), ("Police held ninety-one men.", 91.0)])
def test_a_hyphenated_number_in_words_is_read_whole_from_either_part(text: str, value: float) -> None:
    from flashpoint.claims.units import number_value

    doc = get_nlp()(text)
    first = doc[0] if doc[0].lower_ == "twenty" else next(t for t in doc if t.lower_ == "ninety")
    assert number_value(first) == value
    assert number_value(doc[first.i + 2]) == value


def test_a_count_spelled_out_at_the_start_of_a_statement_meets_the_article_s_digits() -> None:
    article = "At least 23 people were killed when a bus plunged into a river in northern Peru on Sunday, police said."
    result = check_many([(article, "Twenty-three people were killed when a bus fell into a river in Peru.")],
                        published=dt.date(2025, 3, 1))[0]
    assert "Twenty" not in result.reason and "three" not in result.reason, result.reason
