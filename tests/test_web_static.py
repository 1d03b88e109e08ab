"""The dashboard's files: self-contained (no CDN, nothing fetched from elsewhere) and consistent
(every element the script looks up exists in the page)."""

from __future__ import annotations

import re

import pytest

from flashpoint.web import static_dir


@pytest.mark.parametrize("name", ["index.html", "app.js", "style.css"])
def test_web_static_files_load_nothing_from_outside(name: str) -> None:
    text = (static_dir() / name).read_text(encoding="utf-8")
    # The only absolute URL allowed is the SVG namespace identifier (never fetched).
    urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'`)]*", text))
    assert urls <= {"http://www.w3.org/2000/svg"}, f"{name} refers to outside resources: {urls}"


def test_web_static_page_refers_only_to_shipped_files() -> None:
    html = (static_dir() / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert refs, "the page loads its script and style sheet"
    for ref in refs:
        assert (static_dir() / ref).is_file(), f"/static/{ref} is not shipped"


def test_web_static_script_finds_every_element_it_uses() -> None:
    html = (static_dir() / "index.html").read_text(encoding="utf-8")
    script = (static_dir() / "app.js").read_text(encoding="utf-8")
    ids_in_page = set(re.findall(r'\bid="([^"]+)"', html))
    used = set(re.findall(r'getElementById\("([^"]+)"\)', script))
    assert used, "the script looks elements up by id"
    assert used <= ids_in_page, f"missing in index.html: {sorted(used - ids_in_page)}"
