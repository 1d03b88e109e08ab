"""An operation named by its kind of fighting ("a counterinsurgency operation", "a ground
operation") is an armed operation, as a "military operation" is; a security operation is not."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The army launched a counterinsurgency operation against rebel camps in the hills.",
        "Troops carried out a ground operation in the northern town on Tuesday.",
        "The government launched what it described as an anti-terror operation in the border district.",
    ],
)
def test_events_named_operations_fighting_kind_is_force(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert any(e.cameo_root == "19" and not e.negated for e in events), [e.cameo for e in events]


@pytest.mark.parametrize("text", ["Police mounted a large security operation for the summit in the capital."])
def test_events_named_operations_security_operation_is_no_force(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not any(e.cameo_root in ("18", "19", "20") for e in events), [e.cameo for e in events]
