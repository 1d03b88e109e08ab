"""A mediator the statement makes a party to the act it mediated is not supported ("Qatar agreed
to a pause" where Qatar mediated the talks in which Israel and Hamas agreed to it); a mediator
said to mediate, a host of something other than talks, and a host the article also makes a
party are no finding (claims/findings/mediators.py)."""

from __future__ import annotations

import pytest

MEDIATOR = [
    (
        "Egypt and Qatar mediated the talks in which Israel and Hamas agreed to a four-day pause in the fighting.",
        "Qatar agreed to a four-day pause in the fighting.",
    ),
    (
        "The government and the rebels signed a ceasefire on Friday after talks hosted by Norway in Oslo.",
        "Norway and the rebels signed a ceasefire on Friday.",
    ),
    (
        "Armenia and Azerbaijan exchanged 32 detainees on Thursday in a swap brokered by the European Union.",
        "The European Union exchanged 32 detainees with Armenia on Thursday.",
    ),
]

NO_MEDIATOR = [
    # said to mediate
    (
        "Egypt and Qatar mediated the talks in which Israel and Hamas agreed to a four-day pause in the fighting.",
        "Qatar mediated talks on a four-day pause in the fighting.",
    ),
    # the host is a party too
    (
        "Turkey hosted the talks in Istanbul and agreed to guarantee the grain corridor with the United Nations.",
        "Turkey agreed to guarantee the grain corridor.",
    ),
    # hosting a final is no mediation
    (
        "Qatar hosted the final in Doha on Sunday, which Argentina won on penalties.",
        "Qatar won the final in Doha on Sunday.",
    ),
]


def _findings(nlp, article, statement):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    return compare(build_index(nlp(article)), nlp(statement)).findings


@pytest.mark.parametrize(("article", "statement"), MEDIATOR)
def test_claims_a_mediator_made_a_party_is_a_finding(nlp, article, statement):
    found = _findings(nlp, article, statement)
    assert [f for f in found if f.kind == "mediator"], found


@pytest.mark.parametrize(("article", "statement"), MEDIATOR)
def test_claims_a_mediator_made_a_party_is_never_supported(nlp, article, statement):
    from flashpoint.claims import check_text

    result = check_text(article, statement)
    assert result.verdict != "supported", result


@pytest.mark.parametrize(("article", "statement"), NO_MEDIATOR)
def test_claims_a_mediator_said_to_mediate_or_a_party_host_is_no_finding(nlp, article, statement):
    found = _findings(nlp, article, statement)
    assert not [f for f in found if f.kind == "mediator"], found


def test_claims_a_mediator_of_one_act_may_speak_of_another(nlp):
    """The mediator of a deal who says it will escort ships is no party made of a mediator:
    saying is nobody's party to anything (it was, before the check skipped light verbs)."""
    article = ("Russia quit the grain deal on Monday. The deal, brokered by the United Nations and Turkey last year, "
               "has let Ukraine ship 30 million tonnes of grain.")
    found = _findings(nlp, article, "Turkey said it would escort grain ships with its navy.")
    assert not [f for f in found if f.kind == "mediator"], found
