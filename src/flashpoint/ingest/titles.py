"""Title-like lines: the page's headline, the kickers that repeat it, and section headings.

None of them is a sentence. The headline is the article's title (found here when the caller
does not know it); kept in the body, it and its repeats ("North Korea - <headline>") would be
coded a second time. **Subheadings are dropped**: a short standalone line without terminal
punctuation inside the body, kept, would either be glued to the next paragraph by the sentence
splitter (a fake sentence with a fake subject) or be coded as an event on its own; headings in
news pages restate the paragraph below them, so dropping them loses no reported fact.
"""

from __future__ import annotations

import re

from .boilerplate import NAV_SEPARATORS
from .lines import Line, is_body_paragraph, is_terminal, key, words

_HEADING_MAX_WORDS = 14
_TITLE_MAX_WORDS = 30
# Bounds that keep the cleaner linear on pathological input (a 10 MB file of short lines):
# the headline is near the top.
_MAX_TITLE_CANDIDATES = 12
_TOP_LINES = 200

# A whole sentence (six words or more, then its end) followed by more text: a headline is one
# phrase, so such a line is body text even when it ends without punctuation (a tracking code).
_SENTENCE_THEN_MORE = re.compile(r"^(?:\S+\s+){5,}\S*[a-z][.!?][\"'”’]?\s+\S")


def find_title(lines: list[Line]) -> str | None:
    """The headline: the best headline-like line (no terminal period) before the body starts.

    Among candidates, a line that stands alone in its block (site names share a block with
    menus and skip links), that is repeated elsewhere (kickers, "Section - Headline"), and that
    has four or more words is preferred; ties go to the earliest line.
    """
    block_sizes: dict[int, int] = {}
    for line in lines:
        block_sizes[line.block] = block_sizes.get(line.block, 0) + 1
    candidates: list[Line] = []
    for line in lines:
        if not line.keep:
            continue
        text = line.text
        if is_body_paragraph(text) and is_terminal(text):
            break
        if (
            3 <= words(text) <= _TITLE_MAX_WORDS
            and not text.endswith((".", ":", ",", ";"))
            and not NAV_SEPARATORS.search(text)
            and re.match(r"^[\W]*[^\W\d_]|^\d", text)
            and not _SENTENCE_THEN_MORE.search(text)  # "... said. NEWTEST-77" is body text
        ):
            candidates.append(line)
            if len(candidates) >= _MAX_TITLE_CANDIDATES:
                break
    if not candidates:
        return None
    # Kickers and labels repeat the headline on a line without terminal punctuation; a caption
    # that extends an alt-text line ends with a period and does not count.
    repeat_keys = [
        key(line.text) for line in lines[:_TOP_LINES] if line.keep and not is_terminal(line.text)
    ]

    def score(line: Line) -> int:
        own = key(line.text)
        repeated = any(
            other.endswith(" " + own) or other.startswith(own + " ") for other in repeat_keys
        )
        return 3 * repeated + 2 * (block_sizes[line.block] == 1) + (words(line.text) >= 4)

    best = max(candidates, key=lambda line: (score(line), -lines.index(line)))
    return best.text


def drop_headline_repeats(lines: list[Line], title: str) -> None:
    """Drop the headline, and kickers/labels that repeat it ("North Korea - <headline>")."""
    title_key = key(title)
    if not title_key:
        return
    for line in lines:
        if not line.keep:
            continue
        own = key(line.text)
        if own == title_key:
            line.keep = False
            continue
        if words(line.text) > words(title) + 10 or is_terminal(line.text):
            continue
        if own.endswith(" " + title_key) or own.startswith(title_key + " "):
            line.keep = False


def drop_headings(lines: list[Line]) -> None:
    """Drop subheadings and labels: short standalone lines without terminal punctuation."""
    kept = [line for line in lines if line.keep]
    for i, line in enumerate(kept):
        text = line.text
        if (
            is_terminal(text)
            or text.endswith((":", ",", ";"))
            or words(text) > _HEADING_MAX_WORDS
        ):
            continue
        prev = kept[i - 1] if i > 0 else None
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        alone = (prev is None or prev.block != line.block) and (
            nxt is None or nxt.block != line.block
        )
        if alone:
            line.keep = False
            continue
        # Inside a block: a heading follows a finished sentence and precedes a capitalised line.
        after_sentence = prev is None or prev.block != line.block or is_terminal(prev.text)
        before_capital = nxt is not None and bool(re.match(r"^[\"'“‘(]?[A-Z0-9]", nxt.text))
        last_word = text.split()[-1].lower() if text.split() else ""
        if (
            after_sentence
            and before_capital
            and words(text) <= 8
            and last_word not in _FUNCTION_WORDS
        ):
            line.keep = False


# A line ending in one of these is a wrapped sentence, not a heading.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or"}
    | {"but", "as", "that", "which", "who", "is", "are", "was", "were", "be", "been", "has"}
    | {"have", "had", "its", "their", "his", "her", "this", "these", "those", "said", "says"}
)
