"""An act that someone did not order, authorize or send forces to do is not reported done:
the negation of the order is the ordered act's ("did not order the police to open fire")."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 9, 9)
FORCE = ("18", "19", "20")


@pytest.mark.parametrize(
    "text",
    [
        "The interior minister said he had not ordered the police to open fire on the crowd.",
        "The junta leader never instructed his soldiers to burn the villages, his spokesman said.",
        "The defence ministry did not order its artillery to bombard the port.",
        "The governor did not authorize the militia to raid the market.",
    ],
)
def test_events_negated_orders_the_ordered_act_is_not_asserted(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    done = [e for e in events if e.cameo_root in FORCE and not e.negated]
    assert not done, [(e.cameo, e.trigger, e.modality, e.negated) for e in events]
