"""Acts that were not coded (issue 12): retaking a place is occupying it (192: "retook the
town", "regained control of the airport"), burning property is destroying it (1712: "burned
police stations", PETRARCH2's BURN "* OFFICES" [1712]), and meeting demands is yielding (083).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc


def _codes(nlp, text: str) -> list[str]:
    return [e.cameo for e in code_doc(nlp(text))]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The rebels retook the town on Monday.", "192"),
        ("Government troops retook the airport after heavy fighting.", "192"),
        ("The army regained control of the border crossing.", "192"),
        ("Militants burned police stations and government offices in the north.", "1712"),
        ("Insurgents burned the district headquarters.", "1712"),
        ("The government met the strikers' demands on Monday.", "083"),
    ],
)
def test_events_typing_acts_are_coded(nlp, text, cameo):
    codes = _codes(nlp, text)
    assert codes[:1] == [cameo], (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "The runner regained her lead in the final lap.",
        "The company burned through its cash reserves.",
    ],
)
def test_events_typing_acts_need_their_object(nlp, text):
    codes = _codes(nlp, text)
    assert not any(c in ("192", "1712") for c in codes), (text, codes)


def test_events_typing_acts_protesters_burning_are_a_riot(nlp):
    assert _codes(nlp, "Protesters burned police stations in the capital.")[:1] == ["145"]
