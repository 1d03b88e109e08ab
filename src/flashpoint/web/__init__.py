"""The dashboard: static HTML, CSS and vanilla JavaScript served by the API process at /.

Nothing is loaded from a CDN: ``web/static`` holds every file the page needs (hand-written,
no third-party library). The page talks only to the JSON API of the same server.
"""

from __future__ import annotations

from pathlib import Path


def static_dir() -> Path:
    """Directory of the dashboard's files (index.html, app.js, style.css)."""
    return Path(__file__).resolve().parent / "static"


__all__ = ["static_dir"]
