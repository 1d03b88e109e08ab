"""A definite doer noun names the doer of the deed the article told last: "Gunmen from the
group attacked a village ... The attackers set fire to houses" are the group's men, not
unknown armed men. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

from flashpoint.events import code_doc


def test_actors_the_attackers_are_who_attacked(nlp):
    text = (
        "Al-Shabaab fighters attacked an army base near Kismayo on Friday, the military said. "
        "The attackers later looted shops in the town before withdrawing."
    )
    events = code_doc(nlp(text), published=dt.date(2024, 4, 5))
    later = [e for e in events if e.evidence.text.startswith("The attackers")]
    assert later, [(e.cameo, e.trigger) for e in events]
    assert later[0].source is not None and later[0].source.code == "SOMREB", later[0].source
