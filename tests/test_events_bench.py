"""Scoring helpers of `flashpoint bench accuracy`, on hand-built records."""

from __future__ import annotations

import pytest

from flashpoint.bench.events import (
    Report,
    _f1_table,
    actor_matches,
    below_floors,
    class_of,
    sector_matches,
)
from flashpoint.records import Actor


@pytest.mark.parametrize(
    ("actor", "gold", "expected"),
    [
        (Actor("Tokyo", "JPNGOV", "JPN", "GOV"), [{"code": "JAP"}], True),
        (Actor("the UN", "IGOUNO", None, None), [{"code": "IGO"}], True),
        (Actor("Serbs", "SRB", "SRB", None), [{"code": "HUN"}, {"code": "SRB"}], True),
        (Actor("police", "COP", None, "COP"), [{"code": "USA"}], False),
        (None, [{"code": "USA"}], False),
    ],
)
def test_events_bench_actor_matches_country_or_igo(actor, gold, expected):
    assert actor_matches(actor, gold) is expected


def test_events_bench_sector_matches_first_three_letters():
    assert sector_matches(
        Actor("rebels", "SRBREB", "SRB", "REB"), [{"code": "SRB", "sector": "REBalb"}]
    )
    assert not sector_matches(
        Actor("army", "SRBMIL", "SRB", "MIL"), [{"code": "SRB", "sector": "REB"}]
    )


def test_events_bench_macro_f1_and_confusion():
    report = Report(split="test")
    _f1_table([0, 1, 2, 3, 4, 4], [0, 1, 2, 3, 4, 3], report)
    assert report.confusion[4][3] == 1
    assert report.accuracy5 == pytest.approx(5 / 6)
    # class 3: P 1/2 R 1 -> F1 2/3; class 4: P 1 R 1/2 -> 2/3; others 1
    assert report.macro_f1 == pytest.approx((3 + 2 * (2 / 3)) / 5)


def test_events_bench_no_event_counts_as_statement_class():
    assert class_of(None) == 0


def test_events_bench_below_floors_lists_only_failures():
    assert below_floors({"a": 0.8, "b": 0.5}, {"a": 0.7, "b": 0.6}) == ["b: 0.5000 < floor 0.6000"]
