"""Lines a page prints twice: an image's alt text and then its caption, or a pull quote.

Scraped pages repeat short lines (the alt text of a photo, then the same words as its caption,
often extended by a credit); kept twice, one report would be coded twice. Lines are compared
by their comparison key, as exact prefixes or as near matches (rapidfuzz ratio), only when short
and only within a window of a few lines, which keeps the cleaner linear on pathological input.
(Near-duplicate *articles* are merged into stories by ``store.dedup``.)
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .lines import Line, is_terminal, key, words

_CAPTION_LABEL = re.compile(
    r"^(?:photo|image|picture|foto|caption|file)(?:\s+by)?\s*[:\-–—]\s*", re.IGNORECASE
)
# Near-duplicate lines (captions printed twice) are compared only when shorter than this:
# a duplicated long paragraph is a scraping accident and keeps its first copy instead.
_CAPTION_MAX_WORDS = 40
_NEAR_DUPLICATE = 90.0
# A repeated caption sits within a few lines of its twin.
_DUPLICATE_WINDOW = 12


def drop_near_duplicates(lines: list[Line]) -> None:
    """Drop captions printed twice: lines that repeat or extend another line.

    When one copy lacks terminal punctuation (alt text before a caption) or was already
    recognised as a caption ("Photo: ..."), the whole group is a caption and goes; when all
    copies are full sentences (a pull quote) the first stays.
    """
    candidates = [
        line
        for line in lines
        if (line.keep or line.caption) and words(line.text) <= _CAPTION_MAX_WORDS
    ]
    keys = [key(_CAPTION_LABEL.sub("", line.text)) for line in candidates]
    grouped: set[int] = set()
    for i in range(len(candidates)):
        if i in grouped or len(keys[i]) < 20:
            continue
        group = [i]
        for j in range(i + 1, min(len(candidates), i + 1 + _DUPLICATE_WINDOW)):
            if j in grouped or len(keys[j]) < 20:
                continue
            a, b = keys[i], keys[j]
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if long_.startswith(short) or (
                len(short) >= 0.8 * len(long_)
                and fuzz.ratio(a, b, score_cutoff=_NEAR_DUPLICATE) >= _NEAR_DUPLICATE
            ):
                group.append(j)
        members = [candidates[k] for k in group]
        if len(members) < 2 or not any(m.keep for m in members):
            continue
        grouped.update(group)
        drop_all = any(not is_terminal(m.text) or m.caption for m in members)
        for m in members if drop_all else members[1:]:
            m.keep = False
