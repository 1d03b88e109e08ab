"""Where a source checkout keeps what the benchmarks and their gates read.

The gold data lives beside the repository in ``../shared`` (``$FLASHPOINT_SHARED`` overrides
it), the gate floors in ``tests/gates/<name>_floors.json`` and the sample corpus in
``examples/``. This is the one module that knows those places. Only entry points call it: the
CLI commands and the ``main()`` of ``python -m flashpoint.bench.*`` and
``python -m flashpoint.events.train``; every library function takes these paths as arguments,
so an installed Flashpoint never reaches into a repository it does not have.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # src/flashpoint/checkout.py -> the repository


def shared_dir() -> Path:
    """The gold-data folder: ``$FLASHPOINT_SHARED``, else ``../shared`` beside the checkout."""
    return Path(os.environ.get("FLASHPOINT_SHARED", ROOT.parent / "shared"))


def benchmarks_dir(name: str) -> Path:
    """One benchmark's folder in the gold data (``events``, ``claims``, ``pages``)."""
    return shared_dir() / "benchmarks" / name


def gate_file(name: str) -> Path:
    """The floors a gate pins (``events``, ``claims``): ``tests/gates/<name>_floors.json``."""
    return ROOT / "tests" / "gates" / f"{name}_floors.json"


def examples_dir() -> Path:
    """The bundled sample corpus (``examples/``)."""
    return ROOT / "examples"


__all__ = ["ROOT", "benchmarks_dir", "examples_dir", "gate_file", "shared_dir"]
