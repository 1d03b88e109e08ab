"""Appended statements: where a page's "Read also" block starts, and its items, one per claim.

Pages often end with a list of machine-written sentences after a header such as "Read also",
"Related" or "See also". They are not the outlet's report: they are split off the body as
statements to be *checked* against it (``claims``), never coded as reported events. The headers
are data (``statement_headers`` in ``data/boilerplate.json``); a header counts only once the
body has started, and a one-line teaser with article prose after it is a link, not a block.
"""

from __future__ import annotations

import functools
import re

from .boilerplate import boilerplate_table, is_boilerplate_line
from .lines import LIST_MARKER, Line, is_body_paragraph, is_terminal, normalise_space, words

# A statement is a claim: one- and two-word items are labels, stamps or buttons.
_MIN_STATEMENT_WORDS = 3


@functools.lru_cache(maxsize=1)
def _statement_header() -> re.Pattern[str]:
    """A header line, longest header first, with what follows it on the line as ``rest``."""
    headers = sorted(boilerplate_table()["statement_headers"], key=len, reverse=True)
    return re.compile(
        r"^\s*(?:"
        + "|".join(re.escape(h) for h in headers)
        + r")\s*(?:[:：.\-–—]\s*|$)(?P<rest>.*)$",
        re.IGNORECASE,
    )


def is_statement_header(text: str) -> bool:
    """Whether ``text`` is a heading that introduces appended statements ("See also")."""
    match = _statement_header().match(text.strip())
    return bool(match) and not match.group("rest").strip()


def split_statements(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Split at the first "Read also"-style header that follows body text: (body, block).

    A one-line teaser inside the body ("READ MORE: Ministers meet in Tokyo" followed by more
    article paragraphs) is a link, not an appended block: it is dropped and the body goes on.
    """
    header = _statement_header()
    prose_after = _prose_after(lines)
    body_started = False
    for i, line in enumerate(lines):
        match = header.match(line.text)
        if body_started and match:
            rest = match.group("rest").strip()
            if rest and not is_terminal(rest) and prose_after[i]:
                line.keep = False
                continue
            tail = lines[i + 1 :]
            if rest:
                tail = [Line(rest, line.block), *tail]
            return lines[:i], tail
        if is_body_paragraph(line.text) and not is_boilerplate_line(line.text):
            body_started = True
    return lines, []


def _prose_after(lines: list[Line]) -> list[bool]:
    """For each line, whether article prose (an unmarked body paragraph) comes later."""
    header = _statement_header()
    after = [False] * len(lines)
    seen = False
    for i in range(len(lines) - 1, -1, -1):
        after[i] = seen
        text = lines[i].text
        if (
            is_body_paragraph(text)
            and not LIST_MARKER.match(text)
            and not header.match(text)
            and not is_boilerplate_line(text)
        ):
            seen = True
    return after


def statements(lines: list[Line]) -> list[str]:
    """One statement per list item: markers stripped, wrapped lines joined, boilerplate dropped.

    Nothing that follows a list is glued onto its last item: a boilerplate line (a comment
    counter, a topic line, a newsletter footer) separates items, and in a marked list ("-",
    "1.") an unmarked line ends the list unless it continues a wrapped item (the item has no
    final punctuation and the line starts in lower case).
    """
    has_markers = any(
        LIST_MARKER.match(line.text) for line in lines if not is_boilerplate_line(line.text)
    )
    any_terminal = any(is_terminal(line.text) for line in lines if not is_boilerplate_line(line.text))
    items: list[list[str]] = []
    previous: Line | None = None
    for line in lines:
        if is_boilerplate_line(line.text):
            previous = None
            continue
        marked = bool(LIST_MARKER.match(line.text))
        text = LIST_MARKER.sub("", line.text).strip()
        if not text:
            continue
        if has_markers:
            if not marked and items:
                wrapped = previous is not None and not is_terminal(previous.text) and text[:1].islower()
                if not wrapped:
                    break
            new_item = marked or previous is None
        elif not any_terminal:
            new_item = True
        else:
            new_item = (
                previous is None or previous.block != line.block or is_terminal(previous.text)
            )
        if new_item:
            items.append([text])
        else:
            items[-1].append(text)
        previous = line
    found = [normalise_space(" ".join(parts)) for parts in items]
    return [s for s in found if words(s) >= _MIN_STATEMENT_WORDS]
