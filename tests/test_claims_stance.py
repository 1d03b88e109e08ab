"""The side an actor takes (``claims.stance``) and who is blamed in "blamed X on Y" (``roles``).

Sentences written for these tests (the kinds were read from the development pages' misses: an
actor said to praise what it condemned, to admit what it denied, and the blamed party of
"blamed ... on"; none of them is a page sentence).
"""

from __future__ import annotations

import pytest

from flashpoint.claims import check_text
from flashpoint.claims.roles import arguments

GOVERNOR = ("Governor Abba Yusuf called the strike by transport unions a crime against the people of Kano on "
            "Monday and promised to arrest its leaders. The unions said the strike would go on until fuel prices fall.")
DENIAL = ("Ghana's interior ministry accused Togo of arming the rebels near the border. Heavy rain slowed the "
          "army's advance on Tuesday. Togo's foreign minister rejected the accusation on Friday, saying the "
          "weapons had been bought in Mali.")
BOMBS = ("Ghanaian troops began shelling rebel positions on Monday, hours after three soldiers were killed by "
         "roadside bombs that Accra blamed on Togolese militants. Togo denied any role.")


@pytest.mark.parametrize(
    ("article", "statement", "said"),
    [
        (GOVERNOR, "Governor Abba Yusuf praised the transport strike as a brave act.", "Abba Yusuf call it crime"),
        (DENIAL, "Togo admitted supplying weapons to the fighters.", "reject"),
        # thanking is approval too
        (
            "Chilean President Gabriel Boric thanked Brazil for its help with the wildfires on Sunday.",
            "Gabriel Boric criticised Brazil for its help with the wildfires.",
            "thank",
        ),
    ],
)
def test_claims_the_same_actors_other_side_is_contradicted(nlp, article, statement, said):
    verdict = check_text(article, statement)
    assert verdict.verdict == "contradicted", verdict
    assert verdict.reason.startswith("opposite stance: article says") and said in verdict.reason, verdict


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        (GOVERNOR, "The unions praised the governor."),  # another actor's side: the article has none
        (GOVERNOR, "Governor Abba Yusuf did not praise the strike."),  # a negated side takes none
        (GOVERNOR, "Yusuf condemned the strike."),  # the same side, in other words
    ],
)
def test_claims_no_stance_clash_without_the_same_actor_on_the_other_side(nlp, article, statement):
    verdict = check_text(article, statement)
    assert not verdict.reason.startswith("opposite stance"), verdict


def test_claims_praise_is_answered_only_by_the_aligned_sentences(nlp):
    """Praise and condemnation are said of many things in a story: a condemnation in a sentence
    the statement is not aligned with is no answer (an admission or denial is: see above)."""
    article = ("Mayor Lena Ortiz condemned the arson attack on the city library on Monday. The city council later "
               "approved a new budget for road repairs, parks and school buses after a long debate.")
    verdict = check_text(article, "Lena Ortiz praised the council's new budget for road repairs and school buses.")
    assert not verdict.reason.startswith("opposite stance"), verdict


def test_claims_the_on_phrase_of_blame_is_its_patient(nlp):
    doc = nlp("Ghana blamed the roadside bombs on Nigerian smugglers.")
    verb = next(t for t in doc if t.lemma_ == "blame")
    agent, patient, _, _ = arguments(verb)
    assert agent.text == "Ghana" and patient.text == "smugglers"
    doc = nlp("The army struck the camp on Monday.")
    verb = next(t for t in doc if t.lemma_ == "strike")
    assert arguments(verb)[1].text == "camp"  # "on Monday" is when, for any other verb


def test_claims_another_party_blamed_is_another_actor(nlp):
    wrong = check_text(BOMBS, "Ghana blamed the roadside bombs on Nigerian smugglers.")
    assert wrong.verdict == "contradicted" and wrong.reason.startswith("another actor"), wrong
    assert "Togolese militants" in wrong.reason
    right = check_text(BOMBS, "Ghana blamed the roadside bombs on Togolese militants.")
    assert right.verdict == "supported", right
