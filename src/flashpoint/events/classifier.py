"""Optional five-way classifier over the rules' features (placeholder until a model is trained)."""

from __future__ import annotations

from typing import Any


def adjust_main(sent: Any, found: Any) -> Any:
    """Return the main event unchanged (no model shipped yet)."""
    return found
