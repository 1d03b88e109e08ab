"""A passive gerund after "before"/"after" ("before being shot dead by police") has the "by"
agent as its doer and the subject of the clause it hangs on as its patient."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 5)


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "patient"),
    [
        ("The militants held the school for hours before being killed by army commandos.", "killed", "MIL", "REB"),
        ("An assailant wounded three passers-by before being shot by police officers.", "shot", "COP", "UAF"),
    ],
)
def test_events_passive_gerunds_agent_acts_on_the_subject(nlp, text, trigger, doer, patient):
    events = code_doc(nlp(text), published=PUBLISHED)
    acts = [e for e in events if e.trigger == trigger]
    assert acts, [(e.source, e.cameo, e.target, e.trigger) for e in events]
    assert acts[0].source is not None and (acts[0].source.code or "").endswith(doer), acts[0].source
    assert acts[0].target is not None and (acts[0].target.code or "").endswith(patient), acts[0].target
