"""The scraped-text cleaner: from a copied or extracted news page to title, body and statements.

A scraped page is the article plus the furniture around it: skip links, menus, share buttons,
captions printed twice (alt text, then caption), a kicker that repeats the headline, a byline
and dateline, a copyright footer, and often an appended "Read also" list of machine-written
sentences. Every later stage indexes into ``Article.text``, so the body must be the article's
own paragraphs and nothing else; the appended sentences are split off as statements to be
*checked* against the body, never coded as if the outlet had reported them.

The cleaner works line by line with general rules (no page-specific patterns):

1. Lines are grouped into blocks separated by blank lines (a text with no blank lines at all is
   treated as one paragraph per line, which is how extractors such as trafilatura emit text).
2. The first line that introduces an appended block ("Read also", "Related", "See also", ...)
   after the body has started splits the page: everything after it becomes statements, one per
   list item, with "1." / "-" / "•" markers removed and wrapped lines joined.
3. Body lines are dropped when they are boilerplate (``data/boilerplate.json``), navigation
   (menus, breadcrumbs), a byline or dateline (whose date becomes the publication date), an
   image caption or credit, a repeat of the headline (also kickers such as
   "Country - Headline"), or a near-duplicate of another line (captions printed twice).
4. **Subheadings are dropped.** A short standalone line without terminal punctuation inside the
   body is a section heading: it is not a sentence, and kept in the text it would either be
   glued to the next paragraph by the sentence splitter (a fake sentence with a fake subject)
   or be coded as an event on its own. Headings in news pages restate the paragraph below them,
   so dropping them loses no reported fact.
5. The remaining lines form paragraphs (wrapped lines joined with one space) and are joined
   with ``"\\n\\n"``; leading list markers and doubled spaces are removed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from .dates import find_date

# Sentence-final punctuation, allowing closing quotes/brackets after it.
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"”»]$")
_LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-–—•*·▪►‣◦])\s+")
_NAV_SEPARATORS = re.compile(r"\s(?:\||•|›|»|>|/|·)\s")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\b", re.IGNORECASE)
_DATELINE_WORDS = re.compile(
    r"^(?:published|posted|updated|last updated|date|first published|created|modified|by)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[\w.'’&,-]+){0,10}$")
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|foto|file)\b[^()]*)\)\s*$"
    r"|\b(?:photo|image|picture)\s*(?:credit|courtesy)\b"
    r"|\b(?:getty images|afp via getty|shutterstock)\s*\)?\s*$",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(
    r"^(?:photo|image|picture|foto|caption|file)(?:\s+by)?\s*[:\-–—]\s*", re.IGNORECASE
)
# "3 hours ago", "Published 2 days ago", "updated 5 min ago": a page stamp, never news text.
_RELATIVE_TIME = re.compile(
    r"^(?:published|updated|posted)?\s*(?:\d+|an?|one)\s+"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$"
)
_YEAR = re.compile(r"\d{4}")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")

# Near-duplicate lines (captions printed twice) are compared only when shorter than this:
# a duplicated long paragraph is a scraping accident and keeps its first copy instead.
_CAPTION_MAX_WORDS = 40
_NEAR_DUPLICATE = 90.0
_HEADING_MAX_WORDS = 14
_TITLE_MAX_WORDS = 30
# Bounds that keep the cleaner linear on pathological input (a 10 MB file of short lines):
# the headline is near the top, and a repeated caption sits within a few lines of its twin.
_MAX_TITLE_CANDIDATES = 12
_MIN_STATEMENT_WORDS = 3
_TOP_LINES = 200
_DUPLICATE_WINDOW = 12


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What the cleaner found on one page."""

    title: str | None
    text: str
    statements: tuple[str, ...]
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class _Patterns:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    line_patterns: tuple[re.Pattern[str], ...]
    caption_prefixes: tuple[str, ...]
    statement_header: re.Pattern[str]
    max_prefix_words: int


@functools.lru_cache(maxsize=1)
def boilerplate_table() -> dict[str, Any]:
    """The boilerplate table shipped in ``ingest/data/boilerplate.json`` (loaded once)."""
    source = resources.files("flashpoint.ingest").joinpath("data/boilerplate.json")
    return json.loads(source.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    table = boilerplate_table()
    headers = sorted(table["statement_headers"], key=len, reverse=True)
    header_re = re.compile(
        r"^\s*(?:"
        + "|".join(re.escape(h) for h in headers)
        + r")\s*(?:[:：.\-–—]\s*|$)(?P<rest>.*)$",
        re.IGNORECASE,
    )
    return _Patterns(
        lines=frozenset(table["lines"]),
        prefixes=tuple(table["prefixes"]),
        contains=tuple(table["contains"]),
        line_patterns=tuple(re.compile(p) for p in table.get("line_patterns", ())),
        caption_prefixes=tuple(table["caption_prefixes"]),
        statement_header=header_re,
        max_prefix_words=int(table["max_prefix_words"]),
    )


@dataclass(slots=True)
class _Line:
    text: str
    block: int
    keep: bool = True
    caption: bool = False  # dropped as an image caption or credit


def clean_page(text: str, *, title: str | None = None) -> CleanedPage:
    """Split a scraped page into title, cleaned body text, appended statements and dateline date.

    ``title``, when the caller knows it (feed entry, HTML metadata), is used as the headline
    and its repeats are removed from the body; otherwise the first headline-like line is the
    title.
    """
    lines = _split_lines(text)
    body, statement_lines = _split_statements(lines)
    published = _drop_datelines(body)
    _drop_boilerplate(body)
    given_title = _normalise_space(title) if title else None
    found_title = given_title or _find_title(body)
    if found_title:
        _drop_headline_repeats(body, found_title)
    _drop_near_duplicates(body)
    _drop_menus(body)
    _drop_headings(body)
    paragraphs = _paragraphs([line for line in body if line.keep])
    if paragraphs:
        lead, lead_date = strip_lead_dateline(paragraphs[0])
        paragraphs[0] = lead
        if published is None:
            published = lead_date
    statements = _statements(statement_lines)
    return CleanedPage(
        title=found_title,
        text="\n\n".join(paragraphs),
        statements=tuple(statements),
        published=published,
    )


# -- lines and blocks -------------------------------------------------------------------------


def _normalise_space(text: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def _split_lines(text: str) -> list[_Line]:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
    cleaned = [_normalise_space(line) for line in raw]
    one_per_line = _one_paragraph_per_line(_trim_empty(cleaned))
    lines: list[_Line] = []
    block = 0
    for line in cleaned:
        if not line:
            block += 1
            continue
        lines.append(_Line(line, block))
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
    long_lines = [line for line in lines if _words(line) >= 8]
    if not long_lines:
        return True
    return sum(_is_terminal(line) for line in long_lines) >= 0.5 * len(long_lines)


def _trim_empty(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def _key(text: str) -> str:
    """Comparison key: lower-case letters and digits separated by single spaces."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _words(text: str) -> int:
    return len(text.split())


def _is_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def _is_body_paragraph(text: str) -> bool:
    """A line that is clearly running prose (so the article body has started)."""
    return _words(text) >= 20 or (_words(text) >= 8 and _is_terminal(text))


# -- statements -------------------------------------------------------------------------------


def _split_statements(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Split at the first "Read also"-style header that follows body text.

    A one-line teaser inside the body ("READ MORE: Ministers meet in Tokyo" followed by more
    article paragraphs) is a link, not an appended block: it is dropped and the body goes on.
    """
    header = _patterns().statement_header
    prose_after = _prose_after(lines)
    body_started = False
    for i, line in enumerate(lines):
        match = header.match(line.text)
        if body_started and match:
            rest = match.group("rest").strip()
            if rest and not _is_terminal(rest) and prose_after[i]:
                line.keep = False
                continue
            tail = lines[i + 1 :]
            if rest:
                tail = [_Line(rest, line.block), *tail]
            return lines[:i], tail
        if _is_body_paragraph(line.text) and not _is_boilerplate(line.text):
            body_started = True
    return lines, []


def _prose_after(lines: list[_Line]) -> list[bool]:
    """For each line, whether article prose (an unmarked body paragraph) comes later."""
    header = _patterns().statement_header
    after = [False] * len(lines)
    seen = False
    for i in range(len(lines) - 1, -1, -1):
        after[i] = seen
        text = lines[i].text
        if (
            _is_body_paragraph(text)
            and not _LIST_MARKER.match(text)
            and not header.match(text)
            and not _is_boilerplate(text)
        ):
            seen = True
    return after


def _statements(lines: list[_Line]) -> list[str]:
    """One statement per list item: markers stripped, wrapped lines joined, boilerplate dropped.

    Nothing that follows a list is glued onto its last item: a boilerplate line (a comment
    counter, a topic line, a newsletter footer) separates items, and in a marked list ("-",
    "1.") an unmarked line ends the list unless it continues a wrapped item (the item has no
    final punctuation and the line starts in lower case).
    """
    has_markers = any(_LIST_MARKER.match(line.text) for line in lines if not _is_boilerplate(line.text))
    any_terminal = any(_is_terminal(line.text) for line in lines if not _is_boilerplate(line.text))
    items: list[list[str]] = []
    previous: _Line | None = None
    for line in lines:
        if _is_boilerplate(line.text):
            previous = None
            continue
        marked = bool(_LIST_MARKER.match(line.text))
        text = _LIST_MARKER.sub("", line.text).strip()
        if not text:
            continue
        if has_markers:
            if not marked and items:
                wrapped = previous is not None and not _is_terminal(previous.text) and text[:1].islower()
                if not wrapped:
                    break
            new_item = marked or previous is None
        elif not any_terminal:
            new_item = True
        else:
            new_item = (
                previous is None or previous.block != line.block or _is_terminal(previous.text)
            )
        if new_item:
            items.append([text])
        else:
            items[-1].append(text)
        previous = line
    statements = [_normalise_space(" ".join(parts)) for parts in items]
    # A statement is a claim: one- and two-word items are labels, stamps or buttons.
    return [s for s in statements if _words(s) >= _MIN_STATEMENT_WORDS]


def is_statement_header(text: str) -> bool:
    """Whether ``text`` is a heading that introduces appended statements ("See also")."""
    match = _patterns().statement_header.match(text.strip())
    return bool(match) and not match.group("rest").strip()


def is_boilerplate_line(text: str) -> bool:
    """Whether ``text`` is page furniture by the table in ``data/boilerplate.json``."""
    return _is_boilerplate(text)


# -- boilerplate, bylines, datelines, captions ----------------------------------------------


@functools.lru_cache(maxsize=8192)
def _is_boilerplate(text: str) -> bool:
    """A line that is page furniture (menus, share/ad lines, notices, credits, captions)."""
    patterns = _patterns()
    lowered = text.lower().strip()
    bare = lowered.strip(" .,:;!?|-–—•*·>»›()[]\"'")
    if not bare or not re.search(r"[^\W\d_]", bare):
        return True  # nothing but punctuation, digits or symbols
    if bare in patterns.lines or _RELATIVE_TIME.match(bare):
        return True
    if any(p.match(lowered) or p.match(bare) for p in patterns.line_patterns):
        return True
    words = _words(lowered)
    if words <= patterns.max_prefix_words and (
        lowered.startswith(patterns.prefixes) or bare.startswith(patterns.prefixes)
    ):
        return True
    if words <= 25 and any(c in lowered for c in patterns.contains):
        return True
    if (
        words <= 25
        and "cookie" in lowered
        and re.search(r"\b(?:accept|consent|privacy|use)\b", lowered)
    ):
        return True
    return _is_caption(text)


@functools.lru_cache(maxsize=8192)
def _is_caption(text: str) -> bool:
    lowered = text.lower()
    if lowered.startswith(_patterns().caption_prefixes):
        return True
    return _words(text) <= 80 and bool(_CAPTION_CREDIT.search(text))


def _dateline_date(text: str) -> tuple[dt.date, int] | None:
    """The date on a byline/dateline line and how much to trust it as the publication date.

    Rank 0: a marked stamp ("Published ...", "By ... | date", a date with a time of day);
    1: a bare date line; 2: a date with a few words around it (a short caption, say);
    3: an "Updated ..." stamp. Lower is better.
    """
    if _words(text) > 16 or not _YEAR.search(text):
        return None
    found = find_date(text)
    if found is None:
        return None
    rest = _TIME.sub(" ", text)
    rest = re.sub(
        r"\b(?:published|posted|updated|last|first|on|at|date|gmt|utc|kst|est|cet|am|pm)\b",
        " ",
        rest,
        flags=re.IGNORECASE,
    )
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest) if len(w) > 2]
    month_words = re.findall(
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", rest, re.IGNORECASE
    )
    weekdays = re.findall(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", rest, re.IGNORECASE)
    prose_words = len(leftover) - len(month_words) - len(weekdays)
    # A stamp: "Published ...", "Posted on ... | 3 min", or a date with hardly any words around
    # it. A short sentence that mentions a date ("The vote is set for March 3, 2024.") is not.
    looks_stamp = (
        bool(_DATELINE_WORDS.match(text))
        or "|" in text
        or prose_words <= (2 if _is_terminal(text) else 4)
    )
    if not looks_stamp:
        return None
    if re.search(r"\bupdated\b|\bmodified\b", text, re.IGNORECASE):
        return found, 3
    if _DATELINE_WORDS.match(text) or "|" in text or _TIME.search(text):
        return found, 0
    return found, 1 if prose_words <= 0 else 2


def _drop_datelines(lines: list[_Line]) -> dt.date | None:
    """Remove byline/dateline lines; return the publication date they show, if any."""
    best: tuple[int, dt.date] | None = None
    for line in lines:
        stamp = _dateline_date(line.text)
        if stamp is not None:
            line.keep = False
            day, rank = stamp
            if best is None or rank < best[0]:
                best = (rank, day)
        elif _BYLINE.match(line.text) and not _is_terminal(line.text.rstrip(")")):
            line.keep = False
    return best[1] if best else None


# A wire dateline opening the lead: "SEOUL, Dec 27 (Wire) -", "KYIV, Ukraine (AP) —",
# "SEOUL —", "LONDON/KYIV, May 10, 2023 (Outlet) --". The place is one to four upper-case
# words; an optional comma part (region and/or date) is capitalised words and numbers only; an
# optional parenthesised outlet; then a dash. The text after it must start a sentence.
_DATELINE_PLACE = r"[A-Z][A-Z.'’]*[A-Z.](?:[-\s/][A-Z][A-Z.'’]*[A-Z.]){0,3}"
_DATELINE_TOKEN = r"(?:[A-Z][\w.'’]*|\d{1,4}(?:st|nd|rd|th)?)"
_LEAD_DATELINE = re.compile(
    r"^(?P<place>" + _DATELINE_PLACE + r")"
    r"(?P<detail>,\s*" + _DATELINE_TOKEN + r"(?:[ ,]+" + _DATELINE_TOKEN + r"){0,5})?"
    r"(?P<outlet>,?\s*\([^()\n]{1,40}\))?"
    r"(?P<dash>\s+(?:--|[-–—])\s+|\s*[–—]\s*)"
    r"(?=[\"“‘'(]?[A-Z0-9])"
)
# The same in title case ("Seoul, March 3, 2024 - ", "Hamburg, Jun 3 (Wire) -"), as scrapers and
# press-release wires print it: a title-case place is also the start of ordinary prose ("Moscow,
# Beijing and Delhi - ..."), so it counts as a dateline only with a month-name date in the comma
# part. Left in the lead, the place becomes the first sentence's subject (an actor) and the
# dateline's year its date.
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z][\w.'’]*(?:[-\s/][A-Z][\w.'’]*){0,2})"
    r"(?P<detail>,\s*(?:[A-Z][\w.'’]*,\s*)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)"
    r"(?P<outlet>,?\s*\([^()\n]{1,40}\))?"
    r"(?P<dash>\s+(?:--|[-–—])\s+|\s*[–—]\s*)"
    r"(?=[\"“‘'(]?[A-Z0-9])"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def strip_lead_dateline(paragraph: str) -> tuple[str, dt.date | None]:
    """Remove a wire dateline from the start of the lead; return the rest and its full date.

    "PYONGYANG, Dec 27 (Wire) - North Korea said ..." (or "Pyongyang, Dec 27 (Wire) - ...", with
    its month-name date) keeps "North Korea said ...": the place
    and outlet are page furniture, and left in the text they become part of the first
    sentence's evidence (or a spurious actor). The date is returned only when it is a full
    calendar date (with a year); "Dec 27" alone cannot anchor anything.

    Guards against stripping prose: a bare upper-case word with no comma part or outlet must
    have three or more letters ("US — China talks" stays) and must not open a dash pair within
    its sentence ("NATO — the alliance of 31 states — said" is an apposition, not a dateline);
    "NATO said ..." has no dash and never matches.
    """
    match = _LEAD_DATELINE.match(paragraph) or _TITLE_DATELINE.match(paragraph)
    if match is None:
        return paragraph, _lead_dateline_date(paragraph)
    rest = paragraph[match.end() :]
    if not (match.group("detail") or match.group("outlet")):
        letters = re.sub(r"[^A-Z]", "", match.group("place"))
        dash = match.group("dash").strip()
        sentence = _SENTENCE_END.split(rest, maxsplit=1)[0]
        if len(letters) < 3 or (dash in sentence and dash != "-") or f" {dash} " in sentence:
            return paragraph, _lead_dateline_date(paragraph)
    if not rest.strip():
        return paragraph, _lead_dateline_date(paragraph)
    return rest, find_date(match.group(0))


def blank_lead_dateline(text: str) -> str:
    """``text`` with a wire dateline at its start turned into spaces of the same length: for an
    article given as it is (``flashpoint check --article``), where "KHARTOUM (Reuters) - Sudan's
    army accused ..." would make the place the accuser, but every offset into the text the user
    gave must still hold (evidence quotes point into it)."""
    stripped = text.lstrip()
    rest, _ = strip_lead_dateline(stripped)
    if rest == stripped or not stripped.endswith(rest):
        return text
    cut = len(text) - len(rest)
    return " " * cut + text[cut:]


def _lead_dateline_date(paragraph: str) -> dt.date | None:
    """A date in a dash-ended lead prefix the dateline pattern does not take ("Seoul, ... -")."""
    head = re.split(r"\s[-–—]\s", paragraph[:120], maxsplit=1)
    if len(head) < 2:
        return None
    return find_date(head[0])


def _drop_boilerplate(lines: list[_Line]) -> None:
    for line in lines:
        if line.keep and _is_boilerplate(line.text):
            line.keep = False
            line.caption = _is_caption(line.text)


# -- headline, captions, menus, headings ----------------------------------------------------


# A whole sentence (six words or more, then its end) followed by more text: a headline is one
# phrase, so such a line is body text even when it ends without punctuation (a tracking code).
_SENTENCE_THEN_MORE = re.compile(r"^(?:\S+\s+){5,}\S*[a-z][.!?][\"'”’]?\s+\S")


def _find_title(lines: list[_Line]) -> str | None:
    """The headline: the best headline-like line (no terminal period) before the body starts.

    Among candidates, a line that stands alone in its block (site names share a block with
    menus and skip links), that is repeated elsewhere (kickers, "Section - Headline"), and that
    has four or more words is preferred; ties go to the earliest line.
    """
    block_sizes: dict[int, int] = {}
    for line in lines:
        block_sizes[line.block] = block_sizes.get(line.block, 0) + 1
    candidates: list[_Line] = []
    for line in lines:
        if not line.keep:
            continue
        text = line.text
        if _is_body_paragraph(text) and _is_terminal(text):
            break
        if (
            3 <= _words(text) <= _TITLE_MAX_WORDS
            and not text.endswith((".", ":", ",", ";"))
            and not _NAV_SEPARATORS.search(text)
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
        _key(line.text) for line in lines[:_TOP_LINES] if line.keep and not _is_terminal(line.text)
    ]

    def score(line: _Line) -> int:
        key = _key(line.text)
        repeated = any(
            other.endswith(" " + key) or other.startswith(key + " ") for other in repeat_keys
        )
        return 3 * repeated + 2 * (block_sizes[line.block] == 1) + (_words(line.text) >= 4)

    best = max(candidates, key=lambda line: (score(line), -lines.index(line)))
    return best.text


def _drop_headline_repeats(lines: list[_Line], title: str) -> None:
    """Drop the headline, and kickers/labels that repeat it ("North Korea - <headline>")."""
    title_key = _key(title)
    if not title_key:
        return
    for line in lines:
        if not line.keep:
            continue
        key = _key(line.text)
        if key == title_key:
            line.keep = False
            continue
        if _words(line.text) > _words(title) + 10 or _is_terminal(line.text):
            continue
        if key.endswith(" " + title_key) or key.startswith(title_key + " "):
            line.keep = False


def _drop_near_duplicates(lines: list[_Line]) -> None:
    """Drop captions printed twice: lines that repeat or extend another line.

    When one copy lacks terminal punctuation (alt text before a caption) or was already
    recognised as a caption ("Photo: ..."), the whole group is a caption and goes; when all
    copies are full sentences (a pull quote) the first stays.
    """
    candidates = [
        line
        for line in lines
        if (line.keep or line.caption) and _words(line.text) <= _CAPTION_MAX_WORDS
    ]
    keys = [_key(_CAPTION_LABEL.sub("", line.text)) for line in candidates]
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
        drop_all = any(not _is_terminal(m.text) or m.caption for m in members)
        for m in members if drop_all else members[1:]:
            m.keep = False


def _drop_menus(lines: list[_Line]) -> None:
    """Drop breadcrumbs ("World > Asia > Korea") and runs of one-to-three-word menu items."""
    for line in lines:
        if not line.keep:
            continue
        parts = re.split(r"\s(?:\||•|›|»|>|/|·)\s", line.text)
        if len(parts) >= 3 and sum(_words(p) for p in parts) / len(parts) <= 4:
            line.keep = False
    run: list[_Line] = []
    for line in [*lines, None]:
        is_item = (
            line is not None
            and line.keep
            and _words(line.text) <= 3
            and not _is_terminal(line.text)
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


def _drop_headings(lines: list[_Line]) -> None:
    """Drop subheadings and labels: short standalone lines without terminal punctuation."""
    kept = [line for line in lines if line.keep]
    for i, line in enumerate(kept):
        text = line.text
        if (
            _is_terminal(text)
            or text.endswith((":", ",", ";"))
            or _words(text) > _HEADING_MAX_WORDS
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
        after_sentence = prev is None or prev.block != line.block or _is_terminal(prev.text)
        before_capital = nxt is not None and bool(re.match(r"^[\"'“‘(]?[A-Z0-9]", nxt.text))
        last_word = text.split()[-1].lower() if text.split() else ""
        if (
            after_sentence
            and before_capital
            and _words(text) <= 8
            and last_word not in _FUNCTION_WORDS
        ):
            line.keep = False


# A line ending in one of these is a wrapped sentence, not a heading.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or"}
    | {"but", "as", "that", "which", "who", "is", "are", "was", "were", "be", "been", "has"}
    | {"have", "had", "its", "their", "his", "her", "this", "these", "those", "said", "says"}
)


# -- paragraphs -------------------------------------------------------------------------------


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join wrapped lines into paragraphs; a new block or a finished sentence ends one."""
    paragraphs: list[list[str]] = []
    previous: _Line | None = None
    for line in lines:
        text = _LIST_MARKER.sub("", line.text).strip()
        if not text:
            continue
        if previous is None or previous.block != line.block or _is_terminal(previous.text):
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = line
    joined = [_join_wrapped(parts) for parts in paragraphs]
    # A paragraph of one to three words without punctuation is a leftover label ("Odesa",
    # "Getty Images", a topic tag), never reported prose.
    return [p for p in joined if _words(p) > 3 or _is_terminal(p)]


def _join_wrapped(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        if re.search(r"[^\W\d_]-$", out) and re.match(r"^[a-z]", part):
            out = out + part  # hyphenated line break inside a compound: "end-of-" + "year"
        else:
            out = out + " " + part
    return _normalise_space(out)


__all__ = [
    "CleanedPage", "blank_lead_dateline", "boilerplate_table", "clean_page", "is_boilerplate_line",
    "is_statement_header", "strip_lead_dateline",
]
