"""Accuracy gate on the PLOVER gold actors (floors pinned below the measured figures).

Measured with ``python -m flashpoint.bench.actors``: country 0.93, sector 0.87 on 650 gold
actor texts. A change that drops below a floor fails here; raise the floors when it improves.
"""

from __future__ import annotations

import pytest

from flashpoint.bench.actors import GOLD_FILE, load_gold, score, summary

COUNTRY_FLOOR = 0.91
SECTOR_FLOOR = 0.85


@pytest.mark.shared
def test_actors_bench_gold_floors(shared_dir):
    path = shared_dir / "benchmarks" / "events" / GOLD_FILE
    if not path.is_file():
        pytest.skip(f"{path} not found")
    gold = load_gold(path)
    assert len(gold) > 600
    figures = summary(score(gold))
    for role in ("source", "target"):
        assert figures[role]["country_acc"] >= COUNTRY_FLOOR, (role, figures[role])
    assert figures["all"]["sector_acc"] >= SECTOR_FLOOR, figures["all"]


def test_actors_bench_main_skips_without_data(tmp_path, capsys):
    from flashpoint.bench.actors import main

    assert main([str(tmp_path / "absent")]) == 0
    assert "SKIP" in capsys.readouterr().out
