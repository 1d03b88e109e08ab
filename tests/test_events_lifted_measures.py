"""Ending or lifting a measure undoes it: a suspension, freeze or veto lifted eases it (081), a
suspension of aid ended gives aid again (070), a blockade ended eases it (0872); the measure
itself is not reported as imposed."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 4, 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Britain ended its suspension of development assistance to Rwanda.", "070"),
        ("The World Bank ended its freeze of funding for Uganda's health projects.", "070"),
        ("Greece lifted its veto on North Macedonia's accession talks.", "081"),
        ("Saudi Arabia ended its blockade of Qatar after three years.", "0872"),
        ("The Senate scrapped the moratorium on arms sales to Bahrain.", "081"),
    ],
)
def test_events_lifted_measures_undoing_a_measure_eases_it(nlp, text, code):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events and events[0].cameo == code, [(e.cameo, e.trigger) for e in events]
    assert not [e for e in events if e.cameo_root in ("12", "16", "19")], [(e.cameo, e.trigger) for e in events]
