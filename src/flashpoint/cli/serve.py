"""CLI commands: serve (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from .app import app, bench_app  # noqa: F401
