"""Accuracy gate of the event coder (as trafilatura's eval_gate): figures may not drop below floors.

Floors live in tests/gates/events_floors.json. Raise them with
`python -m flashpoint.bench.events --update-floors`; lowering one needs FLASHPOINT_LOWER_FLOORS=1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = Path(__file__).parent / "gates" / "events_floors.json"


@pytest.fixture(scope="module")
def report(shared_dir):
    from flashpoint.bench.events import run

    path = shared_dir / "benchmarks" / "events"
    if not (path / "conflibert_cameo_class_test.tsv").is_file():
        pytest.skip(f"event gold data not found in {path}")
    return run(path, split="test")


def test_events_gate_floors_file_is_complete():
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    for name in (
        "class_macro_f1",
        "plover_type_accuracy",
        "source_country_accuracy",
        "case_disaster_no_conflict",
        "case_protest_recall",
        "case_material_conflict_recall",
        "voa_plover_macro_f1",
        "pages_key_event_recall",
        "pages_event_precision",
    ):
        assert name in floors
        assert 0.0 <= floors[name] <= 1.0


def test_events_gate_no_figure_below_its_floor(report):
    from flashpoint.bench.events import below_floors, read_floors

    failing = below_floors(report.figures(), read_floors(FLOORS))
    assert not failing, "accuracy dropped below the pinned floors: " + "; ".join(failing)


@pytest.fixture(scope="module")
def pages_report(shared_dir):
    from flashpoint.bench.pages import run

    path = shared_dir / "benchmarks" / "pages"
    if not (path / "KEY.json").is_file():
        pytest.skip(f"page key not found in {path}")
    return run(path)


def test_events_gate_pages_no_figure_below_its_floor_nor_count_above_its_ceiling(pages_report):
    from flashpoint.bench.events import (
        above_ceilings,
        below_floors,
        read_ceilings,
        read_pages_floors,
    )

    floors = read_pages_floors(FLOORS)
    assert set(floors) == {"pages_key_event_recall", "pages_event_precision"}
    failing = below_floors(pages_report.figures(), floors) + above_ceilings(
        {"pages_must_not_violations": pages_report.total("must_not")}, read_ceilings(FLOORS)
    )
    assert not failing, "page accuracy dropped below the pinned floors: " + "; ".join(failing)


def test_events_gate_ceilings_only_fall_without_the_flag(tmp_path):
    from flashpoint.bench.events import read_ceilings, update_ceilings, update_floors

    path = tmp_path / "floors.json"
    update_floors({"class_macro_f1": 0.80}, path)
    update_ceilings({"pages_must_not_violations": 5}, path)
    update_ceilings({"pages_must_not_violations": 9}, path)
    assert read_ceilings(path) == {"pages_must_not_violations": 5}
    update_floors({"class_macro_f1": 0.90}, path)  # keeps the ceilings
    assert read_ceilings(path) == {"pages_must_not_violations": 5}
    update_ceilings({"pages_must_not_violations": 9}, path, allow_raise=True)
    assert read_ceilings(path) == {"pages_must_not_violations": 9}


def test_events_gate_floors_only_rise_without_the_flag(tmp_path):
    from flashpoint.bench.events import read_floors, update_floors

    path = tmp_path / "floors.json"
    update_floors({"class_macro_f1": 0.80}, path)
    update_floors({"class_macro_f1": 0.70}, path)
    assert read_floors(path)["class_macro_f1"] == pytest.approx(0.795)
    update_floors({"class_macro_f1": 0.70}, path, allow_lower=True)
    assert read_floors(path)["class_macro_f1"] == pytest.approx(0.695)
    update_floors({"class_macro_f1": 0.90}, path)
    assert read_floors(path)["class_macro_f1"] == pytest.approx(0.895)
