"""Page furniture: which lines of a page are boilerplate, captions or menus, never article text.

A scraped page carries skip links, share buttons, notices, image captions and credits, and
navigation (breadcrumbs, runs of one-word menu items). None of it is reported prose, and left in
the body it would be parsed as sentences. The line table (whole lines, prefixes, substrings,
patterns, caption prefixes) is data, ``data/boilerplate.json``; this module reads it and holds
the general rules around it (a line of symbols, a relative time stamp, a cookie notice, a photo
credit). ``related`` asks the same question of the lines around a link list.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .lines import Line, is_terminal, words

_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|foto|file)\b[^()]*)\)\s*$"
    r"|\b(?:photo|image|picture)\s*(?:credit|courtesy)\b"
    r"|\b(?:getty images|afp via getty|shutterstock)\s*\)?\s*$",
    re.IGNORECASE,
)
# "3 hours ago", "Published 2 days ago", "updated 5 min ago": a page stamp, never news text.
_RELATIVE_TIME = re.compile(
    r"^(?:published|updated|posted)?\s*(?:\d+|an?|one)\s+"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$"
)
# The separators of a breadcrumb or menu line ("World > Asia > Korea", "Home | News | Asia").
NAV_SEPARATORS = re.compile(r"\s(?:\||•|›|»|>|/|·)\s")


@dataclass(frozen=True, slots=True)
class _Patterns:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    line_patterns: tuple[re.Pattern[str], ...]
    caption_prefixes: tuple[str, ...]
    max_prefix_words: int


@functools.lru_cache(maxsize=1)
def boilerplate_table() -> dict[str, Any]:
    """The boilerplate table shipped in ``ingest/data/boilerplate.json`` (loaded once)."""
    source = resources.files("flashpoint.ingest").joinpath("data/boilerplate.json")
    return json.loads(source.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    table = boilerplate_table()
    return _Patterns(
        lines=frozenset(table["lines"]),
        prefixes=tuple(table["prefixes"]),
        contains=tuple(table["contains"]),
        line_patterns=tuple(re.compile(p) for p in table.get("line_patterns", ())),
        caption_prefixes=tuple(table["caption_prefixes"]),
        max_prefix_words=int(table["max_prefix_words"]),
    )


@functools.lru_cache(maxsize=8192)
def is_boilerplate_line(text: str) -> bool:
    """Whether ``text`` is page furniture (menus, share/ad lines, notices, credits, captions)
    by the table in ``data/boilerplate.json`` and the rules beside it."""
    patterns = _patterns()
    lowered = text.lower().strip()
    bare = lowered.strip(" .,:;!?|-–—•*·>»›()[]\"'")
    if not bare or not re.search(r"[^\W\d_]", bare):
        return True  # nothing but punctuation, digits or symbols
    if bare in patterns.lines or _RELATIVE_TIME.match(bare):
        return True
    if any(p.match(lowered) or p.match(bare) for p in patterns.line_patterns):
        return True
    count = words(lowered)
    if count <= patterns.max_prefix_words and (
        lowered.startswith(patterns.prefixes) or bare.startswith(patterns.prefixes)
    ):
        return True
    if count <= 25 and any(c in lowered for c in patterns.contains):
        return True
    if (
        count <= 25
        and "cookie" in lowered
        and re.search(r"\b(?:accept|consent|privacy|use)\b", lowered)
    ):
        return True
    return is_caption(text)


@functools.lru_cache(maxsize=8192)
def is_caption(text: str) -> bool:
    """Whether ``text`` is an image caption or credit ("Photo: ...", "... (AFP via Getty)")."""
    lowered = text.lower()
    if lowered.startswith(_patterns().caption_prefixes):
        return True
    return words(text) <= 80 and bool(_CAPTION_CREDIT.search(text))


def drop_boilerplate(lines: list[Line]) -> None:
    """Drop the boilerplate lines, marking captions (``duplicates`` drops their twins)."""
    for line in lines:
        if line.keep and is_boilerplate_line(line.text):
            line.keep = False
            line.caption = is_caption(line.text)


def drop_menus(lines: list[Line]) -> None:
    """Drop breadcrumbs ("World > Asia > Korea") and runs of one-to-three-word menu items."""
    for line in lines:
        if not line.keep:
            continue
        parts = NAV_SEPARATORS.split(line.text)
        if len(parts) >= 3 and sum(words(p) for p in parts) / len(parts) <= 4:
            line.keep = False
    run: list[Line] = []
    for line in [*lines, None]:
        is_item = (
            line is not None
            and line.keep
            and words(line.text) <= 3
            and not is_terminal(line.text)
        )
        if is_item:
            run.append(line)  # type: ignore[arg-type]
            continue
        if line is not None and not line.keep:
            continue  # dropped lines do not break a menu run
        if len(run) >= 3:
            for item in run:
                item.keep = False
        run = []
