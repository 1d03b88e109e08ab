"""Accuracy floors: the CI gate's pinned figures, as trafilatura's ``eval_baseline.json``.

One implementation for every stage's gate (events, claims): a test fails when a figure drops
below its floor; ``update_floors`` raises floors to the current figures minus a margin and
never lowers one unless the caller passes ``allow_lower`` (an explicit flag in each bench).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def read_floors(path: Path) -> dict[str, float]:
    """The pinned floors in ``path`` (empty when the file does not exist yet)."""
    if not path.is_file():
        return {}
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8"))["floors"].items()}


def below_floors(figures: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """Human-readable list of figures under their floor (empty = gate passes). A floor whose
    figure is absent fails: a gate must not pass because a figure stopped being measured."""
    return [
        f"{name}: {figures.get(name, 0.0):.4f} < floor {floor:.4f}"
        for name, floor in sorted(floors.items())
        if figures.get(name, 0.0) + 1e-9 < floor
    ]


def update_floors(
    figures: Mapping[str, float],
    path: Path,
    *,
    margin: float,
    about: str,
    allow_lower: bool = False,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, float]:
    """Set each floor to its figure minus ``margin``; an existing floor is never lowered
    unless ``allow_lower``. ``extra`` keys are written beside the floors (e.g. the split).
    Floors of figures this run did not measure, and other keys of the file (e.g. a gate's
    ``ceilings``), are kept as they were."""
    current = read_floors(path)
    kept = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    new: dict[str, float] = {k: v for k, v in current.items() if k not in figures}
    for name, value in figures.items():
        proposed = max(0.0, round(value - margin, 3))
        old = current.get(name)
        new[name] = old if old is not None and proposed < old and not allow_lower else proposed
    others = {k: v for k, v in kept.items() if k not in ("about", "floors")}
    payload = {"about": about, **others, **(extra or {}), "floors": dict(sorted(new.items()))}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return new
