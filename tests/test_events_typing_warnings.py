"""A warning of an act is a forecast, not a threat (``wrappers.forecast``): "warned of a
terrorist attack" says what the speaker fears from others (012), and no attack is reported;
warning of one's own response ("retaliation") or of an act on a condition the addressee can
meet ("military action if ...") stays a threat (13x). Sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc


def _codes(nlp, text: str) -> list[str]:
    return [e.cameo for e in code_doc(nlp(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The embassy warned of possible bombings in the capital.",
        "Aid groups warned of renewed fighting around the city.",
        "Officials in Oslo warned of cyber attacks by foreign hackers.",
    ],
)
def test_events_typing_warning_of_an_act_is_a_forecast(nlp, text):
    codes = _codes(nlp, text)
    assert codes and codes[0] == "012", (text, codes)
    assert not any(c[:2] in ("13", "18", "19") for c in codes), (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan warned of retaliation against any incursion.",
        "Egypt warned of military action if Ethiopia fills the dam.",
    ],
)
def test_events_typing_warning_of_own_or_conditional_act_is_a_threat(nlp, text):
    codes = _codes(nlp, text)
    assert codes and codes[0][:2] == "13", (text, codes)
