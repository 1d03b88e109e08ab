"""The cleaner's unit of work: a page's lines, grouped into blocks, and the paragraphs they form.

Every decision of the cleaner (``clean.clean_page``) is made on a ``Line``: whether it is a
statement header, a dateline, boilerplate, a headline, a caption printed twice, a menu item or
a heading. This module holds what all of those share and none of them decides: how a page is
cut into normalised lines and blocks, the small measures they read (word count, terminal
punctuation, running prose, a comparison key), and how the lines that are kept are joined back
into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence-final punctuation, allowing closing quotes/brackets after it.
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"”»]$")
# A list item's marker ("1.", "(2)", "-", "•"): removed from body paragraphs and statements.
LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-–—•*·▪►‣◦])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


@dataclass(slots=True)
class Line:
    """One non-blank line of a page, the block (blank-line-separated group) it stands in, and
    whether the cleaner keeps it."""

    text: str
    block: int
    keep: bool = True
    caption: bool = False  # dropped as an image caption or credit


def normalise_space(text: str) -> str:
    """``text`` without invisible characters, every run of spaces one space, stripped."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def split_lines(text: str) -> list[Line]:
    """The page's non-blank lines, normalised, each with its block number."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
    cleaned = [normalise_space(line) for line in raw]
    one_per_line = _one_paragraph_per_line(_trim_empty(cleaned))
    lines: list[Line] = []
    block = 0
    for line in cleaned:
        if not line:
            block += 1
            continue
        lines.append(Line(line, block))
        if one_per_line:
            block += 1
    return lines


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """True for text with no blank lines whose long lines end sentences (extractor output).

    Hard-wrapped text also has no blank lines, but its long lines stop mid-sentence; treating
    those as paragraphs would cut sentences in two.
    """
    if len(lines) < 3 or not all(lines):
        return False
    long_lines = [line for line in lines if words(line) >= 8]
    if not long_lines:
        return True
    return sum(is_terminal(line) for line in long_lines) >= 0.5 * len(long_lines)


def _trim_empty(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def key(text: str) -> str:
    """Comparison key: lower-case letters and digits separated by single spaces."""
    return " ".join(re.findall(r"\w+", text.lower()))


def words(text: str) -> int:
    """The number of words (runs of non-space) in ``text``."""
    return len(text.split())


def is_terminal(text: str) -> bool:
    """Whether ``text`` ends a sentence (closing quotes and brackets allowed after the mark)."""
    return bool(_TERMINAL.search(text))


def is_body_paragraph(text: str) -> bool:
    """A line that is clearly running prose (so the article body has started)."""
    return words(text) >= 20 or (words(text) >= 8 and is_terminal(text))


def paragraphs(lines: list[Line]) -> list[str]:
    """Join wrapped lines into paragraphs; a new block or a finished sentence ends one."""
    found: list[list[str]] = []
    previous: Line | None = None
    for line in lines:
        text = LIST_MARKER.sub("", line.text).strip()
        if not text:
            continue
        if previous is None or previous.block != line.block or is_terminal(previous.text):
            found.append([text])
        else:
            found[-1].append(text)
        previous = line
    joined = [_join_wrapped(parts) for parts in found]
    # A paragraph of one to three words without punctuation is a leftover label ("Odesa",
    # "Getty Images", a topic tag), never reported prose.
    return [p for p in joined if words(p) > 3 or is_terminal(p)]


def _join_wrapped(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        if re.search(r"[^\W\d_]-$", out) and re.match(r"^[a-z]", part):
            out = out + part  # hyphenated line break inside a compound: "end-of-" + "year"
        else:
            out = out + " " + part
    return normalise_space(out)
