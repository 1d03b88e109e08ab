"""The dashboard: static HTML, CSS and vanilla JavaScript served by the API process at /.

Nothing is loaded from a CDN: ``web/static`` holds every file the page needs. The page is
hand-written vanilla JavaScript + SVG; ``static/vendor/`` holds, unmodified and with their
licences, the Natural Earth 1:110m country outline (npm ``world-atlas@2.0.2``, public-domain
data, ISC) and its decoder (npm ``topojson-client@3.1.0``, ISC) for the map, and Swagger UI
for /docs. The page talks only to the JSON API of the same server; every filter, the selected
alert and the article are in its URL.
"""

from __future__ import annotations

from pathlib import Path


def static_dir() -> Path:
    """Directory of the dashboard's files (index.html, app.js, style.css)."""
    return Path(__file__).resolve().parent / "static"


__all__ = ["static_dir"]
