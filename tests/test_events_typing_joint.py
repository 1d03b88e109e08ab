"""Acts done together: joint military exercises are cooperation (062), not a show of force (150).

Sentences written for these tests; the rule and its evidence are in ``events/data/joint.json``.
"""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc, tables
from flashpoint.events.joint import _data


def test_events_typing_joint_table_loads_and_is_consistent():
    codes, nouns, preps = _data()
    assert codes and nouns and preps
    for alone, together in codes.items():
        assert alone in tables.cameo_codes() and together in tables.cameo_codes()
        assert tables.info(together).plover == "COOPERATE"
        assert tables.info(together).class5 == 2  # material cooperation
    assert all(w == w.lower() and " " not in w for w in nouns | preps)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt and Saudi Arabia held naval exercises in the Red Sea on Sunday.",
        "Indonesian and Australian troops began two weeks of war games near Darwin.",
        "The drills were conducted by Kenyan soldiers and British paratroopers.",
        "Vietnam held maritime drills with the Philippine navy last month.",
        "Polish tanks took part in exercises alongside American armoured units.",
        # the words that say it (noun_patterns.tsv): joint, combined, multinational, bilateral
        "NATO began multinational exercises in Estonia on Monday.",
        "The two navies staged combined maneuvers in the Gulf.",
        "Russian and Turkish troops carried out a joint patrol near Kobani.",
    ],
)
def test_events_typing_joint_exercises_are_military_cooperation(nlp, text):
    codes = [(e.cameo, e.plover) for e in code_doc(nlp(text))]
    assert ("062", "COOPERATE") in codes, (text, codes)
    assert ("150", "MOBILIZE") not in codes, (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "Russia held large military exercises near the Ukrainian border.",
        "North Korean artillery units staged firing drills on Tuesday.",
    ],
)
def test_events_typing_exercises_of_one_side_stay_a_show_of_force(nlp, text):
    codes = [e.cameo for e in code_doc(nlp(text))]
    assert codes and codes[0] == "150", (text, codes)
