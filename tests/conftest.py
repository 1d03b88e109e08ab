"""Shared fixtures. Tests that read ../shared skip with a visible reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from flashpoint import checkout

# Hypothesis fails an example that runs longer than 200 ms by default: a wall-clock bound that a
# loaded machine breaks and that says nothing about the property under test. No deadline for the
# whole suite, decided here once (speed is measured by the benchmarks, which print it).
settings.register_profile("flashpoint", deadline=None)
settings.load_profile("flashpoint")

ROOT = Path(__file__).resolve().parents[1]
SHARED = checkout.shared_dir()  # $FLASHPOINT_SHARED, else ../shared: found in one place
EXAMPLES = checkout.examples_dir()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder (gold data, seed page); skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: gold data and seed page unavailable")
    return SHARED


@pytest.fixture(scope="session")
def seed_page(shared_dir: Path) -> str:
    path = shared_dir / "fixtures" / "seed_page.txt"
    if not path.is_file():
        pytest.skip(f"seed page not found at {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def nlp():
    """The process-wide spaCy pipeline (``get_nlp`` loads it once). Per module, not per
    session: a test may release the models (``pipeline.release_models``), after which the
    pipeline in use is a new object, and a test that patches the old one would patch nothing."""
    from flashpoint.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
