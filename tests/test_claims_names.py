"""A statement may name an organisation by its initials."""

from __future__ import annotations

import pytest

from flashpoint.claims import check_text
from flashpoint.claims.units import acronym


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Organization for Security and Co-operation in Europe", "osce"),
        ("North Atlantic Treaty Organization", "nato"),
        ("UN Security Council", "unsc"),
        ("Hamas", None),
    ],
)
def test_claims_acronym_of_a_spelled_out_name(name, initials):
    assert acronym(name) == initials


def test_claims_initials_meet_the_spelled_out_name(nlp):
    """"the ICRC" against "the International Committee of the Red Cross" is found, not novel;
    initials the article never spells out still are."""
    article = ("The International Committee of the Red Cross said on Tuesday that it had visited "
               "the detention centre and spoken with 40 prisoners.")
    found = check_text(article, "The ICRC visited the detention centre and spoke with 40 prisoners.")
    assert "ICRC" not in found.reason, found
    other = check_text(article, "UNICEF visited the detention centre and spoke with 40 prisoners.")
    assert other.verdict != "supported" and "UNICEF" in other.reason, other


def test_claims_initials_cover_a_place_the_tagger_left_out_of_the_name(nlp):
    """The tagger tags "the Organization for Security and Co-operation" as the ORG and leaves "in
    Europe" outside it; the initials of the whole name still count."""
    from flashpoint.claims.units import org_initials

    doc = nlp("The envoys urged the Organization for Security and Co-operation in Europe on Monday to step in.")
    ent = next(e for e in doc.ents if e.label_ == "ORG")
    assert "osce" in org_initials(ent)


@pytest.mark.parametrize(
    ("article", "statement", "verdict"),
    [
        # The initials of the organisation in the article's role: the same actor, never "another".
        (("The envoys met in Vienna. Both cabinets jointly invited the Organization for Security and "
         "Co-operation in Europe to post monitors along the frontier."),
         "Both cabinets invited the OSCE to post monitors.", "supported"),
        # Other initials in that role: another organisation, however many words the names share.
        (("Aid agencies were overwhelmed. The International Rescue Committee said on Friday that its "
         "clinics in the camp had run out of medicine."),
         "The ICRC said its clinics in the camp had run out of medicine.", None),
    ],
)
def test_claims_initials_meet_names_as_entities_not_as_words(nlp, article, statement, verdict):
    found = check_text(article, statement)
    if verdict is None:
        assert found.verdict != "supported", found
    else:
        assert found.verdict == verdict, found
