"""A reaction to an act told in an earlier sentence, named only as "the move", "the step" or
"the decision", is aimed at that act's doer (``parties.answers_the_move``, ``DocState.last_doer``).
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 7, 8))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (("Azerbaijan closed its border crossing with Iran on Friday. "
         "Tehran called the move unacceptable."), "IRN", "AZE"),
        (("Poland expelled a Belarusian diplomat on Tuesday. "
         "Minsk condemned the step as hostile."), "BLR", "POL"),
    ],
)
def test_events_a_reaction_to_the_move_targets_its_doer(nlp, text, source, target):
    events = _events(nlp, text)
    second = [e for e in events if e.evidence.start > text.index(". ")]
    assert second, [(e.cameo, e.trigger) for e in events]
    main = second[0]
    assert main.source is not None and main.source.country == source, main
    assert main.target is not None and main.target.country == target, main


def test_events_a_decision_that_says_what_it_is_is_no_reference(nlp):
    # "the decision to ..." names its own content: no doer of an earlier act is its target
    text = ("Turkey shelled Kurdish positions near Kobani on Monday. "
            "Paris criticized the decision to hold elections in June.")
    events = _events(nlp, text)
    second = [e for e in events if e.evidence.start > text.index(". ")]
    assert all(e.target is None or e.target.country != "TUR" for e in second), second
