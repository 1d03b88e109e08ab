"""A statement's country names are read as its premise writes them (``claims.aliases``).

Sentences written for these tests (not from any benchmark): capital for country, country for
capital, demonym for country, a leader's title with a demonym, and the look-alikes that must stay
as written (a place, another country, a country's navy, a premise that writes the name itself).
"""

from __future__ import annotations

import pytest

from flashpoint.claims.aliases import alias_settings, article_names, localise, slots
from flashpoint.claims.index import build_index
from flashpoint.claims.judge import claim_pairs, judge_many, plan_many
from flashpoint.claims.units import NAME_LABELS


def _readings(nlp, article: str, statement: str) -> list[str]:
    index = build_index(nlp(article))
    sentences = [s.text for s in index.sentences]
    plan = plan_many(sentences, [nlp(statement)], article_names(index))[0]
    return [h for claim in claim_pairs(plan) for _, h in claim]


@pytest.mark.parametrize(
    ("article", "statement", "reading"),
    [
        # a capital for its country, and the country for its capital (the article's determiner kept)
        ("Tokyo summoned the Chinese ambassador and demanded an apology.",
         "Japan summoned the Chinese ambassador.", "Tokyo summoned the Chinese ambassador."),
        ("The United States imposed new sanctions on the bank.",
         "Washington imposed sanctions on the bank.", "The United States imposed sanctions on the bank."),
        ("Pyongyang fired two ballistic missiles into the sea on Tuesday, Seoul said.",
         "North Korea fired two missiles, according to South Korea.",
         "Pyongyang fired two missiles, according to Seoul."),
        # a demonym for the country: a possessive, the determiner dropped
        ("North Korea's missiles fell into the sea off its east coast.",
         "North Korean missiles fell into the sea.", "North Korea's missiles fell into the sea."),
        ("Japan's prime minister met Chinese officials in Beijing.",
         "The Japanese prime minister met Chinese officials.", "Japan's prime minister met Chinese officials."),
        # the government's seat for the country, with the article's determiner
        ("The Kremlin denied the report on Monday.", "Russia denied the report.", "The Kremlin denied the report."),
    ],
)
def test_claims_aliases_read_the_country_as_the_premise_names_it(nlp, article, statement, reading):
    assert reading in _readings(nlp, article, statement)


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        ("Talks were held in Japan last week.", "Talks were held in Tokyo last week."),  # a place
        ("Moscow denied the report on Monday.", "Ukraine denied the report."),  # another country
        ("The Japanese navy sent two destroyers.", "Tokyo sent two destroyers."),  # a navy is not the state
        ("Japan and Tokyo's allies met.", "Japan met its allies."),  # the premise writes the name
        ("Kim Jong Un oversaw the launch.", "Kim Jong Un watched the launch."),  # a person stays a person
        # a town of the country is not the country
        ("Chicago banks reported record profits this year.", "American banks reported record profits."),
        ("Osaka exporters sent more cars abroad.", "Japan sent more cars abroad."),
        # nor is another town of it: "Los Angeles police" read as "Chicago's police" was entailed
        ("Chicago police arrested 20 protesters on Friday.", "Los Angeles police arrested 20 protesters."),
    ],
)
def test_claims_aliases_leave_places_other_actors_and_written_names_alone(nlp, article, statement):
    assert set(_readings(nlp, article, statement)) <= {statement}


def test_claims_aliases_without_article_names_read_claims_as_written(nlp):
    sentences = ["Tokyo summoned the Chinese ambassador."]
    plan = plan_many(sentences, [nlp("Japan summoned the Chinese ambassador.")])[0]
    assert [h for claim in claim_pairs(plan) for _, h in claim] == ["Japan summoned the Chinese ambassador."]


def test_claims_aliases_localise_is_per_premise(nlp):
    named = slots(nlp("Japan summoned the Chinese ambassador."))
    assert [s.country for s in named] == ["JPN", "CHN"]
    index = build_index(nlp("Japan protested. Tokyo summoned the Chinese ambassador."))
    names = article_names(index)
    claim = "Japan summoned the Chinese ambassador."
    assert localise(claim, named, index.sentences[1].text, names.in_window((1,))) == "Tokyo summoned the Chinese ambassador."
    both = index.sentences[0].text + " " + index.sentences[1].text
    assert localise(claim, named, both, names.in_window((0, 1))) == claim


def test_claims_aliases_help_the_model_read_a_capital_as_its_country(nlp):
    """The shipped model, read with and without the premise's names (a weak model on these: the
    rewrite lifts P(entailment) by a wide margin, not to certainty)."""
    sentences = ["Washington imposed new sanctions on the bank on Friday.", "The bank denied wrongdoing."]
    doc = nlp("The United States imposed sanctions on the bank.")
    index = build_index(nlp(" ".join(sentences)))
    plain = judge_many([s.text for s in index.sentences], [doc])[0].entailment
    named = judge_many([s.text for s in index.sentences], [doc], article_names(index))[0].entailment
    assert named > plain + 0.2


def test_claims_aliases_data_file_is_consistent():
    settings = alias_settings()
    assert settings.labels <= NAME_LABELS and "PERSON" not in settings.labels
    assert "" in settings.sectors  # the country itself
    assert {"in", "at"} <= settings.locative_preps
    assert all(d == d.lower() and " " not in d for d in settings.determiners)


@pytest.mark.parametrize(
    ("article", "statement", "said"),
    [
        # the article names the statement's country by its demonym / name only: still another actor
        ("Chinese ships blocked Philippine supply boats near the reef on Monday. Vietnam called for calm.",
         "Vietnamese ships blocked Philippine supply boats near the reef on Monday.", "Chinese"),
        ("Japanese officials met the Chinese ambassador on Monday. South Korea was not invited.",
         "South Korean officials met the Chinese ambassador on Monday.", "Japanese"),
    ],
)
def test_claims_actor_check_knows_a_country_by_any_of_its_names(nlp, article, statement, said):
    from flashpoint.claims import check_text

    verdict = check_text(article, statement)
    # the article attaches another country's demonym to the same noun: a decisive substitution
    assert verdict.verdict == "contradicted" and verdict.reason.startswith("another actor: article says"), verdict
    assert said in verdict.reason


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        # the sentence names the same country another way ("Philippine" for "Filipino")
        (
            (
                "A Chinese coast guard cutter rammed a Philippine fishing boat off the reef on Friday. "
                "A Filipino fisherman broke his arm in the collision."
            ),
            "A Filipino fisherman was injured off the reef on Friday.",
        ),
        # a village the actors tables do not know is a place, not another actor
        (
            "Gunmen ambushed a police patrol near the village of Dunavo on Sunday. Serbia denied any role.",
            "Serbian gunmen ambushed a police patrol on Sunday.",
        ),
        # a capital after "in" is where it happened: not the country the article names otherwise
        (
            (
                "Their defence ministers signed the text of a security pact at the Elysee Palace on Monday. "
                "Senegal will give France access to a naval base."
            ),
            "The defence ministers signed the security pact in Paris.",
        ),
    ],
)
def test_claims_actor_check_takes_no_alias_or_unknown_place_for_another_actor(nlp, article, statement):
    from flashpoint.claims import check_text

    assert not check_text(article, statement).reason.startswith("actor mismatch")


def test_claims_aliases_retrieve_the_sentence_that_names_the_country_otherwise(nlp):
    # four sentences share every other word of the claim; only the fifth is about Japan, as Tokyo
    article = (
        "Seoul summoned the Chinese ambassador on Monday to protest the collision. "
        "Manila summoned the Chinese ambassador on Tuesday to protest the collision. "
        "Hanoi summoned the Chinese ambassador on Wednesday to protest the collision. "
        "Canberra summoned the Chinese ambassador on Friday to protest the collision. "
        "Tokyo summoned the Chinese ambassador over the collision."
    )
    index = build_index(nlp(article))
    sentences = [s.text for s in index.sentences]
    statement = nlp("Japan summoned the Chinese ambassador to protest the collision.")
    plan = plan_many(sentences, [statement], article_names(index))[0]
    windows = [w for _, cands in plan for w, _, _ in cands]
    assert any(4 in w for w in windows), windows
    readings = [r for _, cands in plan for w, _, r in cands if 4 in w]
    assert "Tokyo summoned the Chinese ambassador to protest the collision." in readings
